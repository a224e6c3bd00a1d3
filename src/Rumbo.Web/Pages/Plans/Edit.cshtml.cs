using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.Plans;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Plans;

/// <summary>
/// A plan's editor: its own fields, its activities (added, edited, moved and removed with plain forms) and its
/// adoption. Only the group's coordinators and the secretariat may use it; every post carries the plan version the
/// editor read, so a post based on an older version answers 409 and changes nothing.
/// </summary>
public sealed class EditModel(RumboDbContext db, CurrentUser currentUser) : PageModel
{
    public sealed record GroupOption(int Id, string Slug, LocalizedString Name, string Language, bool Own);

    public sealed record CountryOption(string Code, LocalizedString Name);

    public sealed record MeetingOption(int Id, LocalizedString Title, DateTime StartsAtUtc, string TimeZone);

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public PlanInput Fields { get; set; } = new();

    [BindProperty]
    public ActivityInput Activity { get; set; } = new();

    [BindProperty]
    public AdoptionInput Adoption { get; set; } = new();

    /// <summary>The activity the activity form edits; none for a new one.</summary>
    [BindProperty(SupportsGet = true, Name = "activity")]
    public int? ActivityId { get; set; }

    /// <summary>The plan, tracked, with its activities, their countries and lines.</summary>
    public WorkPlan Plan { get; private set; } = null!;
    public Group Group { get; private set; } = null!;
    public string Language => Group.Agenda!.DocumentLanguage;
    public bool Conflict { get; private set; }
    /// <summary>Which form the errors are in, so that only it shows them.</summary>
    public string? FailedForm { get; private set; }

    public IReadOnlyList<GroupOption> Groups { get; private set; } = [];
    public IReadOnlyList<CountryOption> Countries { get; private set; } = [];
    public IReadOnlyList<MeetingOption> Meetings { get; private set; } = [];
    /// <summary>The lines of the group's agenda; retired ones flagged.</summary>
    public IReadOnlyList<LineLinks.Line> AgendaLines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        Fill();
        if (ActivityId is { } aid)
        {
            var a = Plan.Activities.SingleOrDefault(x => x.Id == aid);
            if (a is null) return NotFound();
            Activity = await FromActivityAsync(a, ct);
        }
        return Page();
    }

    /// <summary>The plan's own fields.</summary>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        ModelState.Clear();
        var period = Fields.Validate(ModelState, nameof(Fields));
        if (period is { } p)
        {
            var outside = Plan.Activities.Where(a => a.StartMonth < p.Start || a.EndMonth > p.End).ToList();
            if (outside.Count > 0)
            {
                ModelState.AddMessage("Fields.PeriodEnd", "Some activities run outside this period: change their months first.");
            }
        }
        if (!ModelState.IsValid) return Invalid("plan");
        Fields.ApplyTo(Plan, period!.Value.Start, period.Value.End);
        return await SaveAsync($"/plans/{Plan.Id}", "plan", ct);
    }

    /// <summary>Adds an activity, or changes the one named by <see cref="ActivityId"/>.</summary>
    public async Task<IActionResult> OnPostActivityAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        var activity = ActivityId is { } aid ? Plan.Activities.SingleOrDefault(a => a.Id == aid) : null;
        if (ActivityId is not null && activity is null) return NotFound();
        var statusBindingFailed = ModelState.HasError("Activity.Status");
        ModelState.Clear();
        var valid = await ValidateActivityAsync(statusBindingFailed, ct);
        if (valid is null) return Invalid("activity");
        if (activity is null)
        {
            activity = new PlanActivity { Position = Plan.Activities.Count == 0 ? 1 : Plan.Activities.Max(a => a.Position) + 1 };
            Plan.Activities.Add(activity);
        }
        Activity.Title.ApplyTo(activity.Title);
        Activity.Description.ApplyTo(activity.Description, keepParagraphs: true);
        activity.StartMonth = valid.Value.Start;
        activity.EndMonth = valid.Value.End;
        activity.ResponsibleGroupId = valid.Value.ResponsibleId == Plan.GroupId ? null : valid.Value.ResponsibleId;
        activity.Status = Activity.Status;
        foreach (var c in activity.Countries.Where(c => !valid.Value.CountryIds.Contains(c.CountryId)).ToList()) activity.Countries.Remove(c);
        foreach (var cid in valid.Value.CountryIds.Where(cid => activity.Countries.All(c => c.CountryId != cid))) activity.Countries.Add(new PlanActivityCountry { CountryId = cid });
        LineLinks.Replace(activity.Lines, valid.Value.LineIds);
        return await SaveAsync($"/plans/{Plan.Id}/edit#activities", "activity", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        var activity = Plan.Activities.SingleOrDefault(a => a.Id == ActivityId);
        if (activity is null) return NotFound();
        Plan.Activities.Remove(activity);
        db.PlanActivities.Remove(activity);
        Renumber();
        return await SaveAsync($"/plans/{Plan.Id}/edit#activities", "list", ct);
    }

    /// <summary>Moves an activity one place up (by=-1) or down (by=1).</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int by, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        var ordered = Ordered();
        var index = ordered.FindIndex(a => a.Id == ActivityId);
        if (index < 0) return NotFound();
        var target = index + Math.Sign(by);
        if (by == 0 || target < 0 || target >= ordered.Count) return BadRequest();
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i + 1;
        return await SaveAsync($"/plans/{Plan.Id}/edit#activity-{ActivityId}", "list", ct);
    }

    /// <summary>Records the adoption: its date, and the meeting that adopted the plan or a note on where it was adopted.</summary>
    public async Task<IActionResult> OnPostAdoptAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        var meetingBindingFailed = ModelState.HasError("Adoption.MeetingId");
        ModelState.Clear();
        DateOnly adoptedOn = default;
        if (string.IsNullOrWhiteSpace(Adoption.AdoptedOn)
            || !DateOnly.TryParseExact(Adoption.AdoptedOn.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out adoptedOn))
        {
            ModelState.AddMessage("Adoption.AdoptedOn", "Enter a date as year, month and day.");
        }
        else if (!DateBounds.Contains(adoptedOn)) ModelState.AddMessage("Adoption.AdoptedOn", DateBounds.Outside);
        if (meetingBindingFailed || (Adoption.MeetingId is { } mid && Meetings.All(m => m.Id != mid)))
        {
            ModelState.AddMessage("Adoption.MeetingId", "Choose a meeting of this group from the list.");
        }
        var note = string.IsNullOrWhiteSpace(Adoption.Note) ? null : string.Join(' ', Adoption.Note.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (note is { Length: > 500 }) ModelState.AddMessage("Adoption.Note", "The note is longer than 500 characters.");
        else if (note is null && Adoption.MeetingId is null && !ModelState.HasError("Adoption.MeetingId"))
        {
            ModelState.AddMessage("Adoption.Note", "Choose the meeting that adopted the plan, or say in a note where it was adopted.");
        }
        if (!ModelState.IsValid) return Invalid("adoption");
        Plan.Status = PlanStatus.Adopted;
        Plan.AdoptedOn = adoptedOn;
        Plan.AdoptedAtMeetingId = Adoption.MeetingId;
        Plan.AdoptionNote = note;
        return await SaveAsync($"/plans/{Plan.Id}#adoption", "adoption", ct);
    }

    private async Task<(DateOnly? Start, DateOnly? End, int ResponsibleId, List<int> CountryIds, List<int> LineIds)?> ValidateActivityAsync(bool statusBindingFailed, CancellationToken ct)
    {
        PlanValidation.Text(ModelState, "Activity.Title", Activity.Title);
        PlanValidation.Text(ModelState, "Activity.Description", Activity.Description);
        var noMonths = string.IsNullOrWhiteSpace(Activity.StartMonth) && string.IsNullOrWhiteSpace(Activity.EndMonth);
        DateOnly? start = null, end = null;
        if (!noMonths)
        {
            start = PlanValidation.Month(ModelState, "Activity.StartMonth", Activity.StartMonth, required: true);
            end = PlanValidation.Month(ModelState, "Activity.EndMonth", Activity.EndMonth, required: true);
            if (start is { } s && (s < Plan.PeriodStart || s > Plan.PeriodEnd))
                ModelState.AddMessage("Activity.StartMonth", "The month is outside the plan's period.");
            if (end is { } e && (e < Plan.PeriodStart || e > Plan.PeriodEnd))
                ModelState.AddMessage("Activity.EndMonth", "The month is outside the plan's period.");
            if (start is { } s2 && end is { } e2 && e2 < s2 && !ModelState.HasError("Activity.EndMonth"))
                ModelState.AddMessage("Activity.EndMonth", "The last month cannot be before the first.");
        }
        if (statusBindingFailed || !Enum.IsDefined(Activity.Status)) ModelState.AddMessage("Activity.Status", "Choose a status.");

        var responsibleId = Plan.GroupId;
        if (!string.IsNullOrWhiteSpace(Activity.Responsible))
        {
            var slug = Activity.Responsible.Trim();
            var found = await db.Groups.AsNoTracking().Where(g => g.Slug == slug).Select(g => (int?)g.Id).SingleOrDefaultAsync(ct);
            if (found is null) ModelState.AddMessage("Activity.Responsible", "Choose a group from the list.");
            else responsibleId = found.Value;
        }

        var codes = Activity.Countries.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        var countryIds = await db.Countries.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => c.Id).ToListAsync(ct);
        if (countryIds.Count != codes.Count) ModelState.AddMessage("Activity.Countries", "Choose countries from the list.");

        var linked = ActivityId is { } aid ? Plan.Activities.Single(a => a.Id == aid).Lines.Select(l => l.LineOfActionId) : [];
        var lines = LineLinks.Resolve(AgendaLines, Activity.LineCodes());
        if (lines.Problem(linked, "Some codes are not lines of action of this group's agenda: {0}.",
            "A retired line of action cannot be newly linked: {0}.") is { } problem)
        {
            ModelState.AddMessage("Activity.Lines", problem);
        }

        if (!ModelState.IsValid) return null;
        return (start, end, responsibleId, countryIds, [.. lines.Ids]);
    }

    private List<PlanActivity> Ordered() => Plan.Activities.OrderBy(a => a.Position).ThenBy(a => a.Id).ToList();

    private void Renumber()
    {
        var i = 0;
        foreach (var a in Ordered()) a.Position = ++i;
    }

    private async Task<IActionResult?> LoadOrRefuseAsync(int id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var groupId = await db.WorkPlans.AsNoTracking().Where(p => p.Id == id).Select(p => (int?)p.GroupId).SingleOrDefaultAsync(ct);
        if (groupId is null) return NotFound();
        if (!user.CanEditPlans(groupId.Value)) return StatusCode(StatusCodes.Status403Forbidden);
        await LoadAsync(id, ct);
        return null;
    }

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        Plan = await db.WorkPlans
            .Include(p => p.Activities).ThenInclude(a => a.Countries)
            .Include(p => p.Activities).ThenInclude(a => a.Lines)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == id, ct);
        var groupId = Plan.GroupId;
        Group = await db.Groups.AsNoTracking().Include(g => g.Agenda).SingleAsync(g => g.Id == groupId, ct);
        await LoadOptionsAsync(ct);
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        var agendaId = Group.AgendaId;
        var groups = await db.Groups.AsNoTracking()
            .Select(g => new { g.Id, g.Slug, g.ParentId, g.Name, g.AgendaId, g.Agenda!.DocumentLanguage })
            .ToListAsync(ct);
        // The plan's group and its subgroups first (the usual choice), then the other groups of the agenda, then the rest.
        var family = new HashSet<int> { Group.Id };
        for (var added = true; added;)
        {
            added = false;
            foreach (var g in groups.Where(g => g.ParentId is { } p && family.Contains(p) && !family.Contains(g.Id))) added |= family.Add(g.Id);
        }
        Groups = groups
            .OrderBy(g => g.Id == Group.Id ? 0 : family.Contains(g.Id) ? 1 : g.AgendaId == agendaId ? 2 : 3)
            .ThenBy(g => g.Name.Source, StringComparer.Ordinal)
            .Select(g => new GroupOption(g.Id, g.Slug, g.Name.ToDocument(), g.DocumentLanguage, family.Contains(g.Id)))
            .ToList();
        var countries = await db.Countries.AsNoTracking()
            .Select(c => new CountryOption(c.Code, c.Name.ToDocument()))
            .ToListAsync(ct);
        Countries = countries.OrderBy(c => Ui.Plain(c.Name), Ui.Collation).ToList();
        var groupId = Group.Id;
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.GroupId == groupId)
            .Select(m => new { m.Id, m.Title, m.StartsAtUtc, m.TimeZone }).ToListAsync(ct);
        Meetings = meetings.OrderByDescending(m => m.StartsAtUtc)
            .Select(m => new MeetingOption(m.Id, m.Title.ToDocument(), m.StartsAtUtc, m.TimeZone)).ToList();
        AgendaLines = await db.Lines.AsNoTracking().Where(l => l.AgendaId == agendaId)
            .Select(l => new LineLinks.Line(l.Id, l.Code, l.RetiredOn != null)).ToListAsync(ct);
    }

    private void Fill()
    {
        Version = Plan.Version;
        Fields = PlanInput.From(Plan);
        FillAdoption();
    }

    private void FillAdoption()
    {
        Adoption = new AdoptionInput
        {
            AdoptedOn = Plan.AdoptedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            MeetingId = Plan.AdoptedAtMeetingId,
            Note = Plan.AdoptionNote,
        };
    }

    private async Task<ActivityInput> FromActivityAsync(PlanActivity a, CancellationToken ct)
    {
        var lineIds = a.Lines.Select(l => l.LineOfActionId).ToHashSet();
        var countryIds = a.Countries.Select(c => c.CountryId).ToList();
        return new ActivityInput
        {
            Title = TextInput.From(a.Title),
            Description = OptionalTextInput.From(a.Description),
            StartMonth = Months.Write(a.StartMonth),
            EndMonth = Months.Write(a.EndMonth),
            Responsible = Groups.FirstOrDefault(g => g.Id == a.ResponsibleGroupId)?.Slug ?? "",
            Status = a.Status,
            Countries = await db.Countries.AsNoTracking().Where(c => countryIds.Contains(c.Id)).Select(c => c.Code).ToListAsync(ct),
            Lines = string.Join(", ", AgendaLines.Where(l => lineIds.Contains(l.Id)).Select(l => l.Code).Order(Rumbo.Core.Agendas.CodeComparer.Instance)),
        };
    }

    /// <summary>
    /// Saves if nobody saved the plan since the editor read <see cref="Version"/>: the version read is the original
    /// value, so the database itself refuses a save that lost a race.
    /// </summary>
    private async Task<IActionResult> SaveAsync(string redirectTo, string form, CancellationToken ct)
    {
        var id = Plan.Id;
        if (await db.SaveIfVersionAsync(Plan, p => p.Version, Version, ct))
        {
            TempData.Notice("Saved.");
            return Redirect(redirectTo);
        }
        Conflict = true;
        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync(id, ct);
        Version = Plan.Version;
        // The form that was sent keeps what the editor wrote, to save again knowingly; the others show what is saved now.
        FailedForm = form;
        if (form != "plan") Fields = PlanInput.From(Plan);
        if (form != "adoption") FillAdoption();
        return Page();
    }

    private IActionResult Invalid(string form)
    {
        FailedForm = form;
        // The other forms show what is saved, not what this post sent for them.
        if (form != "plan") Fields = PlanInput.From(Plan);
        if (form != "adoption") FillAdoption();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
