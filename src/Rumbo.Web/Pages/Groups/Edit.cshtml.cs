using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Web.Infrastructure;
using Rumbo.Core.Validation;

namespace Rumbo.Web.Pages.Groups;

public sealed class EditModel(RumboDbContext db, CurrentUser currentUser) : GroupEditorPage(db, currentUser)
{
    public sealed record CountryOption(string Code, LocalizedString Name);

    public sealed record LineOption(string Code, LocalizedString Text, bool Retired);

    public sealed record ObjectiveOption(string Code, LocalizedString Text, IReadOnlyList<LineOption> Lines);

    /// <summary>The group's name and its translations; the address (slug) stays as it was.</summary>
    [BindProperty]
    public TextInput GroupName { get; set; } = new();

    [BindProperty]
    public TextInput Mandate { get; set; } = new();

    [BindProperty]
    public GroupStatus Status { get; set; }

    [BindProperty]
    public DateOnly? StartDate { get; set; }

    [BindProperty]
    public DateOnly? EndDate { get; set; }

    /// <summary>Country codes.</summary>
    [BindProperty]
    public List<string> Coordinating { get; set; } = [];

    /// <summary>Country codes.</summary>
    [BindProperty]
    public List<string> Participating { get; set; } = [];

    /// <summary>Codes of lines of action of the group's agenda.</summary>
    [BindProperty]
    public List<string> Lines { get; set; } = [];

    public IReadOnlyList<CountryOption> Countries { get; private set; } = [];

    public IReadOnlyList<ObjectiveOption> Objectives { get; private set; } = [];

    /// <summary>Codes that are checked in both country lists, to point at them.</summary>
    public IReadOnlySet<string> InBoth { get; private set; } = new HashSet<string>();

    private IReadOnlyList<LineLinks.Line> agendaLines = [];
    private LineLinks chosenLines = LineLinks.Resolve([], []);

    protected override bool MayChange(CurrentUser.Snapshot user, int groupId) => user.CanEditGroup(groupId);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(slug, ct) is { } refused) return refused;
        Fill();
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(slug, ct) is { } refused) return refused;
        await LoadOptionsAsync(ct);
        Coordinating = Clean(Coordinating);
        Participating = Clean(Participating);
        Lines = Lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (!Validate()) return Invalid();

        GroupName.ApplyTo(Group.Name);
        Mandate.ApplyTo(Group.Mandate);
        Group.Status = Status;
        Group.StartDate = StartDate;
        Group.EndDate = EndDate;
        await ApplyCountriesAsync(ct);
        var agendaId = Group.AgendaId;
        // Links to lines of other agendas are not on this form, so they stay as they are.
        LineLinks.Replace(Group.Lines, chosenLines.Ids, l => l.LineOfAction!.AgendaId == agendaId);
        return await SaveAsync($"/groups/{Group.Slug}", () => Task.CompletedTask, ct, announce: false);
    }

    private bool Validate()
    {
        // Binding failures only come from tampered or mistyped dates and statuses; say so in the interface language.
        var badDates = new[] { nameof(StartDate), nameof(EndDate) }.Where(ModelState.HasError).ToList();
        var badStatus = ModelState.HasError(nameof(Status));
        ModelState.Clear();
        foreach (var field in badDates) ModelState.AddMessage(field, "Enter a date as year, month and day.");
        if (StartDate is { } first && !DateBounds.Contains(first) && !badDates.Contains(nameof(StartDate))) ModelState.AddMessage(nameof(StartDate), DateBounds.Outside);
        if (EndDate is { } last && !DateBounds.Contains(last) && !badDates.Contains(nameof(EndDate))) ModelState.AddMessage(nameof(EndDate), DateBounds.Outside);
        if (badStatus || !Enum.IsDefined(Status)) ModelState.AddMessage(nameof(Status), "Choose a status.");

        ModelState.AddInputMessages(nameof(GroupName), GroupName);

        var mandateEmpty = new[] { Mandate.Source, Mandate.En, Mandate.Es, Mandate.Pt, Mandate.Fr }.All(string.IsNullOrWhiteSpace);
        if (!mandateEmpty)
        {
            // A group may have no mandate yet; once any of its texts is given, it is checked as any other text.
            ModelState.AddInputMessages(nameof(Mandate), Mandate);
        }

        if (StartDate is { } start && EndDate is { } end && end < start && !badDates.Contains(nameof(EndDate)))
        {
            ModelState.AddMessage(nameof(EndDate), "The end date cannot be before the start date.");
        }

        var known = Countries.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        if (Coordinating.Concat(Participating).Any(c => !known.Contains(c)))
        {
            ModelState.AddMessage("Countries", "Choose countries from the list.");
        }
        InBoth = Coordinating.Intersect(Participating).ToHashSet(StringComparer.Ordinal);
        if (InBoth.Count > 0)
        {
            ModelState.AddMessage("Countries", "A country is either coordinating or participating, not both.");
        }

        chosenLines = LineLinks.Resolve(agendaLines, Lines);
        var linked = Group.Lines.Select(l => l.LineOfActionId);
        if (chosenLines.Problem(linked, "Choose lines of action from the list.", "A retired line of action cannot be newly linked.") is { } problem)
        {
            ModelState.AddMessage(nameof(Lines), problem);
        }
        return ModelState.IsValid;
    }

    private async Task ApplyCountriesAsync(CancellationToken ct)
    {
        var wanted = Coordinating.Select(c => (Code: c, Role: GroupCountryRole.Coordinating))
            .Concat(Participating.Select(c => (Code: c, Role: GroupCountryRole.Participating))).ToList();
        var codes = wanted.Select(w => w.Code).ToList();
        var ids = await Db.Countries.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        var roles = wanted.ToDictionary(w => ids[w.Code], w => w.Role);
        foreach (var gc in Group.Countries.ToList())
        {
            if (!roles.TryGetValue(gc.CountryId, out var role)) Group.Countries.Remove(gc);
            else gc.Role = role;
        }
        foreach (var (countryId, role) in roles)
        {
            if (Group.Countries.All(c => c.CountryId != countryId)) Group.Countries.Add(new GroupCountry { CountryId = countryId, Role = role });
        }
    }

    private static List<string> Clean(List<string> codes) =>
        codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();

    private void Fill()
    {
        GroupName = TextInput.From(Group.Name);
        Mandate = TextInput.From(Group.Mandate);
        Status = Group.Status;
        StartDate = Group.StartDate;
        EndDate = Group.EndDate;
        Version = Group.Version;
        Lines = Group.Lines.Where(l => l.LineOfAction!.AgendaId == Group.AgendaId).Select(l => l.LineOfAction!.Code).ToList();
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        var countries = await Db.Countries.AsNoTracking()
            .Select(c => new CountryOption(c.Code, c.Name.ToDocument()))
            .ToListAsync(ct);
        Countries = countries.OrderBy(c => Ui.Plain(c.Name), Ui.Collation).ToList();
        var ids = Group.Countries.ToDictionary(c => c.CountryId, c => c.Role);
        var codes = await Db.Countries.AsNoTracking().Where(c => ids.Keys.Contains(c.Id)).Select(c => new { c.Id, c.Code }).ToListAsync(ct);
        if (Request.Method == HttpMethods.Get)
        {
            Coordinating = codes.Where(c => ids[c.Id] == GroupCountryRole.Coordinating).Select(c => c.Code).ToList();
            Participating = codes.Where(c => ids[c.Id] == GroupCountryRole.Participating).Select(c => c.Code).ToList();
        }

        var agendaId = Group.AgendaId;
        var objectives = await Db.Objectives.AsNoTracking()
            .Where(o => o.AgendaId == agendaId)
            .Select(o => new { o.Id, o.Code, o.Position, o.Number, o.AreaId, Text = o.Text.ToDocument() })
            .ToListAsync(ct);
        var lines = await Db.Lines.AsNoTracking()
            .Where(l => l.AgendaId == agendaId)
            .Select(l => new { l.Id, l.ObjectiveId, l.Code, l.Position, l.Number, l.RetiredOn, Text = l.Text.ToDocument() })
            .ToListAsync(ct);
        agendaLines = lines.Select(l => new LineLinks.Line(l.Id, l.Code, l.RetiredOn is not null)).ToList();
        var areas = await Db.Areas.AsNoTracking().Where(a => a.AgendaId == agendaId).ToDictionaryAsync(a => a.Id, a => a.Number, ct);
        Objectives = objectives
            .OrderBy(o => areas.GetValueOrDefault(o.AreaId)).ThenBy(o => o.Position).ThenBy(o => o.Number)
            .Select(o => new ObjectiveOption(o.Code, o.Text, lines.Where(l => l.ObjectiveId == o.Id)
                .OrderBy(l => l.Position).ThenBy(l => l.Number)
                .Select(l => new LineOption(l.Code, l.Text, l.RetiredOn is not null)).ToList()))
            .Where(o => o.Lines.Count > 0)
            .ToList();
    }
}
