using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Web.Infrastructure;
using Rumbo.Web.Pages.Records;
using Rumbo.Core.Agreements;
using Rumbo.Core.Validation;

namespace Rumbo.Web.Pages.Agreements;

/// <summary>
/// The agreement form, shared by adding one to a meeting and editing one: kind, text and translations, adoption date,
/// lines of action of the group's agenda by code, and visibility. Only the group's coordinators and the secretariat.
/// </summary>
public abstract class AgreementFormPage(RumboDbContext db, CurrentUser currentUser) : PageModel
{
    protected RumboDbContext Db { get; } = db;

    public sealed record LineOption(string Code, LocalizedString Text);

    public MeetingHeader Meeting { get; protected set; } = null!;

    /// <summary>The group's own lines, offered as a hint beside the codes field.</summary>
    public IReadOnlyList<LineOption> GroupLines { get; private set; } = [];

    public string AgendaSlug { get; private set; } = "";

    public bool Conflict { get; protected set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public AgreementKind Kind { get; set; }

    [BindProperty]
    public TextInput Text { get; set; } = new();

    [BindProperty]
    public DateOnly? AdoptedOn { get; set; }

    /// <summary>Codes of lines of action, separated by commas or spaces (2.4.1, 2.5.1).</summary>
    [BindProperty]
    public string? Lines { get; set; }

    [BindProperty]
    public Visibility Visibility { get; set; } = Visibility.Public;

    /// <summary>The lines the codes named, once validated.</summary>
    protected LineLinks? ChosenLines { get; private set; }

    protected async Task<IActionResult?> RefuseUnlessAllowedAsync(int meetingId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var meeting = await MeetingHeader.LoadAsync(Db, meetingId, ct);
        if (meeting is null) return NotFound();
        if (!user.CanEditAgreement(meeting.GroupId)) return StatusCode(StatusCodes.Status403Forbidden);
        Meeting = meeting;
        var groupId = meeting.GroupId;
        AgendaSlug = await Db.Agendas.Where(a => a.Id == meeting.AgendaId).Select(a => a.Slug).SingleAsync(ct);
        var lines = await Db.GroupLines.AsNoTracking().Where(l => l.GroupId == groupId && l.LineOfAction!.AgendaId == meeting.AgendaId)
            .Select(l => l.LineOfAction!).ToListAsync(ct);
        GroupLines = lines.OrderBy(l => l.Position).ThenBy(l => l.Code, StringComparer.Ordinal)
            .Select(l => new LineOption(l.Code, l.Text.ToDocument())).ToList();
        return null;
    }

    /// <param name="linked">Ids of the lines the agreement already has: a retired one may stay, not be newly linked.</param>
    /// <param name="ct">Cancels the request.</param>
    protected async Task<bool> ValidateAsync(IReadOnlySet<int> linked, CancellationToken ct)
    {
        var badKind = ModelState.HasError(nameof(Kind));
        var badVisibility = ModelState.HasError(nameof(Visibility));
        var badDate = ModelState.HasError(nameof(AdoptedOn));
        ModelState.Clear();
        if (badKind || !Enum.IsDefined(Kind)) ModelState.AddMessage(nameof(Kind), "Choose agreement or recommendation.");
        if (badVisibility || !Enum.IsDefined(Visibility)) ModelState.AddMessage(nameof(Visibility), "Choose who may see it.");
        if (badDate) ModelState.AddMessage(nameof(AdoptedOn), "Enter a date as year, month and day.");
        else if (AdoptedOn is null) ModelState.AddMessage(nameof(AdoptedOn), "Give the date it was adopted.");
        else if (!DateBounds.Contains(AdoptedOn.Value)) ModelState.AddMessage(nameof(AdoptedOn), DateBounds.Outside);
        ModelState.AddInputMessages(nameof(Text), Text);
        ChosenLines = await LineLinks.ResolveAsync(Db, Meeting.AgendaId, AgendaKeys.ParseCodeList(Lines), ct);
        if (ChosenLines.Problem(linked, "Give codes of lines of action of the group's agenda, such as 2.4.1.",
            "A retired line of action cannot be newly linked.") is { } problem)
        {
            ModelState.AddMessage(nameof(Lines), problem);
        }
        return ModelState.IsValid;
    }

    protected void ApplyTo(Agreement a)
    {
        a.Kind = Kind;
        Text.ApplyTo(a.Text, keepParagraphs: true);
        a.AdoptedOn = AdoptedOn!.Value;
        a.Visibility = Visibility;
        LineLinks.Replace(a.Lines, ChosenLines!.Ids);
    }

    protected IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
