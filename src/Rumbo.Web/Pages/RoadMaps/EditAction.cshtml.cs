using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.RoadMaps;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.RoadMaps;

/// <summary>
/// An action's editor and its milestones (added, marked done or not, removed), for its country's focal points and the
/// secretariat. Every save goes through the action's version: a stale one answers 409 and changes nothing.
/// </summary>
public sealed class EditActionModel(RumboDbContext db, RoadMapStore store, CurrentUser currentUser) : ActionFormPage(db, store)
{
    public int Id { get; private set; }
    public CapacityAction Stored { get; private set; } = null!;

    [BindProperty] public TextInput MilestoneTitle { get; set; } = new();
    [BindProperty] public string? MilestoneDueOn { get; set; }
    [BindProperty] public int MilestoneId { get; set; }
    [BindProperty] public string? DoneOn { get; set; }

    /// <summary>Which form failed, so that only its fields show their messages.</summary>
    public string? FailedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Fill(Stored);
        Response.Headers.CacheControl = Ui.PrivateNoStore;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        FailedForm = "action";
        var read = Read(Stored.Lines.Select(l => l.LineOfActionId).ToList(), Stored);
        if (read is null) return Invalid();
        RoadMapStore.Apply(Stored, read);
        Stored.RoadMap!.UpdatedAtUtc = Store.Now;
        return await SaveAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAddMilestoneAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        FailedForm = "milestone";
        ModelState.Clear();
        ModelState.AddInputMessages(nameof(MilestoneTitle), MilestoneTitle);
        var title = new LocalizedText();
        MilestoneTitle.ApplyTo(title);
        var problems = RoadMapCheck.CheckMilestone(title, MilestoneDueOn, out var due);
        foreach (var (field, message) in problems)
        {
            if (!ModelState.HasError(field)) ModelState.AddMessage(field, message);
        }
        if (!ModelState.IsValid)
        {
            Fill(Stored);
            return Invalid();
        }
        Stored.Milestones.Add(new CapacityMilestone { Title = title, DueOn = due });
        return await SaveAsync(id, ct, "#milestones");
    }

    /// <summary>Marks a milestone done on a day (not in the future), or not done when the day is left empty.</summary>
    public async Task<IActionResult> OnPostMilestoneAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        FailedForm = "milestones";
        var milestone = Stored.Milestones.FirstOrDefault(m => m.Id == MilestoneId);
        if (milestone is null) return NotFound();
        ModelState.Clear();
        DateOnly? done = null;
        if (!string.IsNullOrWhiteSpace(DoneOn))
        {
            if (!DateOnly.TryParseExact(DoneOn.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
                ModelState.AddMessage($"DoneOn_{MilestoneId}", "Enter a date as year, month and day.");
            else if (!DateBounds.Contains(d)) ModelState.AddMessage($"DoneOn_{MilestoneId}", DateBounds.Outside);
            else if (d > Store.Today) ModelState.AddMessage($"DoneOn_{MilestoneId}", "A milestone cannot be done on a day still to come.");
            else done = d;
        }
        if (!ModelState.IsValid)
        {
            Fill(Stored);
            return Invalid();
        }
        milestone.DoneOn = done;
        return await SaveAsync(id, ct, "#milestones");
    }

    public async Task<IActionResult> OnPostRemoveMilestoneAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var milestone = Stored.Milestones.FirstOrDefault(m => m.Id == MilestoneId);
        if (milestone is null) return NotFound();
        Stored.Milestones.Remove(milestone);
        return await SaveAsync(id, ct, "#milestones");
    }

    private async Task<IActionResult> SaveAsync(int id, CancellationToken ct, string? fragment = null)
    {
        if (await Db.SaveIfVersionAsync(Stored, a => a.Version, Version, ct))
        {
            TempData.Notice("Saved.");
            return fragment is null ? Redirect($"{Keys.Url}#action-{id}") : Redirect($"/roadmaps/actions/{id}/edit{fragment}");
        }
        Conflict = true;
        Response.StatusCode = StatusCodes.Status409Conflict;
        Db.ChangeTracker.Clear();
        Stored = (await Store.LoadActionAsync(id, ct))!;
        Version = Stored.Version;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var action = await Store.LoadActionAsync(id, ct);
        if (action is null || !user.CanSeeRoadMap(action.RoadMap!.AgendaId, action.RoadMap.CountryId, action.RoadMap.IsPublic)) return NotFound();
        if (!user.CanEditRoadMap(action.RoadMap.AgendaId, action.RoadMap.CountryId)) return StatusCode(StatusCodes.Status403Forbidden);
        Id = id;
        Stored = action;
        SourceLanguage = action.RoadMap.Language;
        Keys = await RoadMapKeys.OfAsync(Db, action.RoadMap.AgendaId, action.RoadMap.CountryId, ct);
        await LoadContextAsync(action.RoadMap.AgendaId, ct);
        return null;
    }
}
