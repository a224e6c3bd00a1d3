using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Indicators;
using Rumbo.Core.People;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Indicators;

/// <summary>
/// An indicator's baseline and targets: the regional one, kept by those who keep the framework, and a country's own,
/// set by its focal points (or the secretariat). Five years after the baseline by default.
/// </summary>
public sealed class TargetsModel(RumboDbContext db, AgendaReader agendas, IndicatorReader reader, IndicatorStore store, CurrentUser currentUser, TimeProvider clock)
    : PageModel
{
    public const int DefaultYears = 5;

    public IndicatorDetail Indicator { get; private set; } = null!;
    public bool CanEditRegional { get; private set; }
    /// <summary>The countries whose own target the user may set.</summary>
    public IReadOnlyList<CountryLabel> Countries { get; private set; } = [];

    /// <summary>The target being edited: empty for the regional one, else a country's code.</summary>
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty] public int Version { get; set; } = -1;
    [BindProperty] public string? BaselineYear { get; set; }
    [BindProperty] public string? BaselineValue { get; set; }
    [BindProperty] public string? TargetYear { get; set; }
    [BindProperty] public string? TargetValue { get; set; }
    [BindProperty] public string? Milestones { get; set; }
    [BindProperty] public string? Note { get; set; }

    public bool Editing => Country is null ? CanEditRegional : Countries.Any(c => c.Code == Country);

    private CurrentUser.Snapshot user = CurrentUser.Snapshot.Anonymous;

    private async Task<IActionResult?> LoadAsync(string key, string code, CancellationToken ct, bool posted = false)
    {
        user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var agenda = await agendas.ResolveAsync(key, ct);
        if (agenda is null) return NotFound();
        var found = await reader.GetAsync(agenda.Value.Id, code, ct);
        if (found is null) return NotFound();
        Indicator = found;
        CanEditRegional = user.CanEditIndicators(await store.AdHocGroupsAsync(agenda.Value.Id, ct));
        var all = await db.Countries.AsNoTracking().Where(c => c.Status == CountryStatus.MemberState).OrderBy(c => c.Code)
            .Select(c => new { c.Id, Label = new CountryLabel(c.Code, c.Name.ToDocument()) }).ToListAsync(ct);
        Countries = all.Where(c => user.CanReportIndicators(agenda.Value.Id, c.Id)).Select(c => c.Label).ToList();
        if (!CanEditRegional && Countries.Count == 0) return StatusCode(StatusCodes.Status403Forbidden);
        // Opening the page without a country shows what the user may edit; a post without one is for the regional target.
        Country = string.IsNullOrWhiteSpace(Country) ? (CanEditRegional || posted ? null : Countries[0].Code) : Country.Trim().ToUpperInvariant();
        if (!Editing) return StatusCode(StatusCodes.Status403Forbidden);
        return null;
    }

    public TargetView? Current => Country is null ? Indicator.Regional : Indicator.Targets.FirstOrDefault(t => t.Country?.Code == Country);

    public async Task<IActionResult> OnGetAsync(string key, string code, CancellationToken ct)
    {
        if (await LoadAsync(key, code, ct) is { } refused) return refused;
        var t = Current;
        var year = clock.GetUtcNow().Year;
        Version = t?.Version ?? -1;
        BaselineYear = (t?.BaselineYear ?? Indicator.Regional?.BaselineYear ?? year - 1).ToString(CultureInfo.InvariantCulture);
        BaselineValue = Show(t?.BaselineValue);
        TargetYear = (t?.TargetYear ?? int.Parse(BaselineYear, CultureInfo.InvariantCulture) + DefaultYears).ToString(CultureInfo.InvariantCulture);
        TargetValue = Show(t?.TargetValue);
        Milestones = t is null ? "" : string.Join("\n", t.Milestones.Select(m => $"{m.Year} {Show(m.Value)}"));
        Note = t?.Note;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, string code, CancellationToken ct)
    {
        if (await LoadAsync(key, code, ct, posted: true) is { } refused) return refused;
        var v = Indicator.Current;
        var baseYear = Year(nameof(BaselineYear), BaselineYear, required: true);
        var targetYear = Year(nameof(TargetYear), TargetYear, required: false) ?? (baseYear is int b ? b + DefaultYears : null);
        if (baseYear is int by && targetYear is int ty && ty <= by) ModelState.AddMessage(nameof(TargetYear), "The target year must come after the base year.");
        var baseValue = Value(nameof(BaselineValue), BaselineValue, v);
        var targetValue = Value(nameof(TargetValue), TargetValue, v);
        var milestones = new List<(int, double)>();
        foreach (var (n, point) in SeriesInput.ReadLines(Milestones))
        {
            if (point is not { Year: var my, Value: var mv })
            {
                ModelState.AddMessage(nameof(Milestones), new ValidationMessage("Line {0}: write a year and a number, such as 2020 45.5.", n));
                continue;
            }
            if (baseYear is int b1 && targetYear is int t1 && (my <= b1 || my >= t1))
            {
                ModelState.AddMessage(nameof(Milestones), new ValidationMessage("Line {0}: a milestone falls between the base year and the target year.", n));
                continue;
            }
            if (milestones.Any(m => m.Item1 == my))
            {
                ModelState.AddMessage(nameof(Milestones), new ValidationMessage("The year {0} is given twice.", my));
                continue;
            }
            milestones.Add((my, mv));
        }
        if (Note?.Length > 2000) ModelState.AddMessage(nameof(Note), new ValidationMessage("At most {0} characters.", 2000));
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        int? countryId = Country is null ? null : await db.Countries.AsNoTracking().Where(c => c.Code == Country).Select(c => c.Id).SingleAsync(ct);
        if (!await store.SetTargetAsync(Indicator.Id, countryId, Version, baseYear!.Value, baseValue, targetYear!.Value, targetValue, milestones, Note?.Trim() ?? "", ct))
        {
            ModelState.AddMessage(Forms.FormKey, "Someone saved this target meanwhile. Open the page again to see it.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData.Notice("Saved.");
        return Redirect($"/agendas/{Indicator.Agenda.Slug}/indicators/{Indicator.Code}#targets-heading");
    }

    private int? Year(string field, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) ModelState.AddMessage(field, new ValidationMessage("Enter a year from {0} to {1}.", SeriesInput.FirstYear, SeriesInput.LastYear));
            return null;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= SeriesInput.FirstYear && y <= SeriesInput.LastYear) return y;
        ModelState.AddMessage(field, new ValidationMessage("Enter a year from {0} to {1}.", SeriesInput.FirstYear, SeriesInput.LastYear));
        return null;
    }

    private double? Value(string field, string? text, IndicatorVersionView v)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (ReportingCheck.ParseNumber(text) is not double d)
        {
            ModelState.AddMessage(field, "Enter a number.");
            return null;
        }
        if (v.Minimum is double min && d < min || v.Maximum is double max && d > max)
        {
            ModelState.AddMessage(field, new ValidationMessage("The value must be from {0} to {1}.", Show(v.Minimum) ?? "–", Show(v.Maximum) ?? "–"));
        }
        return d;
    }

    private static string? Show(double? d) => d?.ToString("R", CultureInfo.InvariantCulture);
}
