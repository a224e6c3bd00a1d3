using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Groups;

/// <summary>
/// Adds, changes and removes a group's members. Removing the last coordinator is allowed: the governance rules
/// flag a group without one, which is the documents' own way of saying it.
/// </summary>
public sealed class MembersModel(RumboDbContext db, CurrentUser currentUser, TimeProvider clock) : GroupEditorPage(db, currentUser)
{
    public sealed record Option(int Id, string Label);

    [BindProperty]
    public int? PersonId { get; set; }

    [BindProperty]
    public GroupRole NewRole { get; set; }

    [BindProperty]
    public int? NewRepresents { get; set; }

    [BindProperty]
    public int? MemberId { get; set; }

    [BindProperty]
    public GroupRole Role { get; set; }

    [BindProperty]
    public int? Represents { get; set; }

    /// <summary>People who are not members yet.</summary>
    public IReadOnlyList<Option> People { get; private set; } = [];

    public IReadOnlyList<Option> Institutions { get; private set; } = [];

    public IReadOnlyList<GroupMember> Members => Group.Members
        .OrderBy(m => m.Role == GroupRole.Coordinator ? 0 : 1)
        .ThenBy(m => m.Person!.FamilyName, Ui.Collation).ThenBy(m => m.Person!.GivenName, Ui.Collation).ToList();

    protected override bool MayChange(CurrentUser.Snapshot user, int groupId) => user.CanManageMembers(groupId);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(slug, ct) is { } refused) return refused;
        Version = Group.Version;
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string slug, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(slug, ct) is { } refused) return refused;
        await LoadOptionsAsync(ct);
        var badRole = ModelState.HasError(nameof(NewRole));
        ModelState.Clear();
        if (PersonId is not { } personId || !await Db.People.AnyAsync(p => p.Id == personId, ct))
        {
            ModelState.AddMessage(nameof(PersonId), "Choose a person.");
        }
        else if (Group.Members.Any(m => m.PersonId == personId))
        {
            ModelState.AddMessage(nameof(PersonId), "This person is already a member of the group.");
        }
        if (badRole || !Enum.IsDefined(NewRole)) ModelState.AddMessage(nameof(NewRole), "Choose a role.");
        if (NewRepresents is { } inst && Institutions.All(i => i.Id != inst)) ModelState.AddMessage(nameof(NewRepresents), "Choose an institution from the list.");
        if (!ModelState.IsValid) return Invalid();

        Group.Members.Add(new GroupMember
        {
            PersonId = PersonId!.Value, Role = NewRole, RepresentsInstitutionId = NewRepresents, Since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
        });
        return await SaveAsync($"/groups/{Group.Slug}/members", Options(ct), ct);
    }

    public async Task<IActionResult> OnPostChangeAsync(string slug, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(slug, ct) is { } refused) return refused;
        await LoadOptionsAsync(ct);
        var badRole = ModelState.HasError(nameof(Role));
        ModelState.Clear();
        var member = Group.Members.SingleOrDefault(m => m.Id == MemberId);
        if (member is null) return await GoneAsync(ct);
        if (badRole || !Enum.IsDefined(Role)) ModelState.AddMessage($"Role-{member.Id}", "Choose a role.");
        if (Represents is { } inst && Institutions.All(i => i.Id != inst)) ModelState.AddMessage($"Represents-{member.Id}", "Choose an institution from the list.");
        if (!ModelState.IsValid) return Invalid();
        member.Role = Role;
        member.RepresentsInstitutionId = Represents;
        return await SaveAsync($"/groups/{Group.Slug}/members", Options(ct), ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(slug, ct) is { } refused) return refused;
        var member = Group.Members.SingleOrDefault(m => m.Id == MemberId);
        if (member is null) return await GoneAsync(ct);
        Group.Members.Remove(member);
        return await SaveAsync($"/groups/{Group.Slug}/members", Options(ct), ct);
    }

    /// <summary>
    /// The membership is no longer there: somebody else removed it since the form was read, or the id was made up.
    /// Either way it is a conflict with what is saved, answered as one.
    /// </summary>
    private Task<IActionResult> GoneAsync(CancellationToken ct) => ConflictAsync(Options(ct), ct);

    private Func<Task> Options(CancellationToken ct) => () => LoadOptionsAsync(ct);

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        var members = Group.Members.Select(m => m.PersonId).ToHashSet();
        var people = await Db.People.AsNoTracking()
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, Acronym = p.Institution != null ? p.Institution.Acronym : null })
            .ToListAsync(ct);
        People = people.Where(p => !members.Contains(p.Id))
            .OrderBy(p => p.FamilyName, Ui.Collation).ThenBy(p => p.GivenName, Ui.Collation)
            .Select(p => new Option(p.Id, $"{p.FamilyName}, {p.GivenName}{(p.Acronym is null ? "" : $" ({p.Acronym})")}"))
            .ToList();
        var institutions = await Db.Institutions.AsNoTracking()
            .Select(i => new { i.Id, i.Acronym, Name = i.Name.ToDocument() })
            .ToListAsync(ct);
        Institutions = institutions
            .Select(i => new Option(i.Id, i.Acronym is null || i.Acronym == Ui.Plain(i.Name) ? Ui.Plain(i.Name) : $"{Ui.Plain(i.Name)} ({i.Acronym})"))
            .OrderBy(i => i.Label, Ui.Collation)
            .ToList();
    }
}
