using Rumbo.Core.Capacities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Policies;
using Rumbo.Core.RoadMaps;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.RoadMaps;

/// <summary>
/// A country's road map: its actions by area and dimension with their progress, the milestones' timeline, its status
/// with who moved it and when; for the country, starting it and moving it on; for the secretariat, agreeing it. A reader
/// who may not see it gets 404, as for a country with none.
/// </summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class RoadMapModel(RoadMapReader reader, RoadMapStore store, CapacityReader capacities, CurrentUser currentUser, RumboDbContext db) : PageModel
{
    public RoadMapKeys Keys { get; private set; } = null!;
    /// <summary>Null when the country has no road map yet (shown only to those who may start one).</summary>
    public RoadMapDetail? Map { get; private set; }
    public IReadOnlyList<ActivityListItem> Activities { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool IsSecretariat { get; private set; }
    public bool CanSeeHistory { get; private set; }
    public bool Conflict { get; private set; }
    public ValidationMessage? Refusal { get; private set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? Language { get; set; }

    public async Task<IActionResult> OnGetAsync(string agenda, string country, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        var keys = await RoadMapKeys.ResolveAsync(db, agenda, country, ct);
        if (keys is null) return NotFound();
        return await ShowAsync(keys, user, StatusCodes.Status200OK, ct);
    }

    /// <summary>Starts the country's road map, a draft with no action.</summary>
    public async Task<IActionResult> OnPostCreateAsync(string agenda, string country, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var keys = await RoadMapKeys.ResolveAsync(db, agenda, country, ct);
        if (keys is null) return NotFound();
        var found = await reader.FindAsync(keys.AgendaId, keys.CountryId, ct);
        if (!user.CanEditRoadMap(keys.AgendaId, keys.CountryId))
            return found is { } f && user.CanSeeRoadMap(keys.AgendaId, keys.CountryId, f.IsPublic) ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
        if (found is not null)
        {
            Refusal = "This country already has a road map for this agenda.";
            return await ShowAsync(keys, user, StatusCodes.Status409Conflict, ct);
        }
        var language = Language?.Trim().ToLowerInvariant();
        if (language is null || !PolicyCheck.Languages.Contains(language))
        {
            Refusal = "Choose the language the texts are written in.";
            return await ShowAsync(keys, user, StatusCodes.Status422UnprocessableEntity, ct);
        }
        store.Create(keys.AgendaId, keys.CountryId, language);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A road map started meanwhile met the unique index: answered as the first would have been.
            db.ChangeTracker.Clear();
            Refusal = "This country already has a road map for this agenda.";
            return await ShowAsync(keys, user, StatusCodes.Status409Conflict, ct);
        }
        TempData.Notice("Road map started.");
        return Redirect(keys.Url);
    }

    /// <summary>
    /// Drafts an action for each gap of the country's latest closed TOPP diagnosis that no open action covers yet (its area,
    /// dimension, score and what is lacking), starting the road map when there is none.
    /// </summary>
    public async Task<IActionResult> OnPostDraftAsync(string agenda, string country, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var keys = await RoadMapKeys.ResolveAsync(db, agenda, country, ct);
        if (keys is null) return NotFound();
        var found = await reader.FindAsync(keys.AgendaId, keys.CountryId, ct);
        if (!user.CanEditRoadMap(keys.AgendaId, keys.CountryId))
            return found is { } f && user.CanSeeRoadMap(keys.AgendaId, keys.CountryId, f.IsPublic) ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
        var gaps = await capacities.GapsAsync(keys.AgendaId, keys.CountryId, ct);
        if (gaps.Count == 0)
        {
            Refusal = "The country has no gap in a closed diagnosis to draft actions from.";
            return await ShowAsync(keys, user, StatusCodes.Status422UnprocessableEntity, ct);
        }
        var language = (found is { } existing ? await db.RoadMaps.AsNoTracking().Where(r => r.Id == existing.Id).Select(r => r.Language).SingleAsync(ct) : null)
            ?? (PolicyCheck.Languages.Contains(Ui.Language) ? Ui.Language : "es");
        var roundIds = gaps.Select(g => g.RoundId).Distinct().ToList();
        var rounds = (await db.CapacityRounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).Select(r => new { r.Id, r.Title }).ToListAsync(ct))
            .ToDictionary(r => r.Id, r => r.Title.Source);
        var inputs = gaps.Select(g =>
        {
            var lacking = Rumbo.Core.Agendas.LocalizedStringExtensions.In(g.Lacking, language, "en").Text;
            if (string.IsNullOrWhiteSpace(lacking)) lacking = $"{g.AreaCode} · {g.Dimension}";
            return new GapInput(g.AreaId, g.Dimension, (int)Math.Round(g.Score, MidpointRounding.AwayFromZero), lacking, rounds.GetValueOrDefault(g.RoundId));
        }).ToList();
        var result = await store.DraftFromGapsAsync(keys.AgendaId, keys.CountryId, inputs, language, ct);
        if (result.Drafted.Count == 0)
        {
            db.ChangeTracker.Clear();
            Refusal = "Every gap of the latest closed diagnosis already has an open action.";
            return await ShowAsync(keys, user, StatusCodes.Status409Conflict, ct);
        }
        await db.SaveChangesAsync(ct);
        TempData.Notice("{0} actions drafted from the diagnosis's gaps.", result.Drafted.Count);
        return Redirect(keys.Url);
    }

    /// <summary>A change of status; agreeing (and reopening a completed road map) is the secretariat's.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string agenda, string country, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var keys = await RoadMapKeys.ResolveAsync(db, agenda, country, ct);
        if (keys is null) return NotFound();
        var map = await store.LoadAsync(keys.AgendaId, keys.CountryId, ct);
        if (map is null || !user.CanSeeRoadMap(map.AgendaId, map.CountryId, map.IsPublic)) return NotFound();
        if (!user.CanEditRoadMap(map.AgendaId, map.CountryId)) return StatusCode(StatusCodes.Status403Forbidden);
        var to = PolicyCheck.Parse<RoadMapStatus>(To);
        // Agreeing (and reopening) is a right, not a state: the country asking for it is refused as for any write it may not make.
        if (to is { } wanted && RoadMap.Next(map.Status).Any(n => n.To == wanted && n.SecretariatOnly) && !user.IsSecretariatAdmin)
            return StatusCode(StatusCodes.Status403Forbidden);
        if (map.Version != Version)
        {
            Conflict = true;
            db.ChangeTracker.Clear();
            return await ShowAsync(keys, user, StatusCodes.Status409Conflict, ct);
        }
        var refusal = to is null ? "Choose a status." : map.Move(to.Value, user.IsSecretariatAdmin, user.PersonId, store.Now);
        if (refusal is not null)
        {
            Refusal = refusal;
            db.ChangeTracker.Clear();
            return await ShowAsync(keys, user, StatusCodes.Status409Conflict, ct);
        }
        map.UpdatedAtUtc = store.Now;
        if (!await db.SaveIfVersionAsync(map, m => m.Version, Version, ct))
        {
            Conflict = true;
            return await ShowAsync(keys, user, StatusCodes.Status409Conflict, ct);
        }
        TempData.Notice("Status changed.");
        return Redirect(keys.Url);
    }

    private async Task<IActionResult> ShowAsync(RoadMapKeys keys, CurrentUser.Snapshot user, int status, CancellationToken ct)
    {
        Keys = keys;
        CanEdit = user.CanEditRoadMap(keys.AgendaId, keys.CountryId);
        IsSecretariat = user.IsSecretariatAdmin;
        CanSeeHistory = user.CanSeeAudit();
        var found = await reader.FindAsync(keys.AgendaId, keys.CountryId, ct);
        if (found is { } f)
        {
            if (!user.CanSeeRoadMap(keys.AgendaId, keys.CountryId, f.IsPublic)) return NotFound();
            // Whether the gaps closed is read against the country's latest closed diagnosis.
            Map = await reader.GetAsync(f.Id, await capacities.LatestScoresAsync(keys.AgendaId, keys.CountryId, ct), ct);
            Version = Map!.Version;
            Activities = await reader.ActivitiesOfRoadMapAsync(user, f.Id, ct);
        }
        else if (!CanEdit)
        {
            return NotFound();
        }
        Response.StatusCode = status;
        if (user.IsSignedIn) Response.Headers.CacheControl = Ui.PrivateNoStore;
        return Page();
    }
}
