using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Agendas;
using Rumbo.Core.Indicators;
using Rumbo.Core.People;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Indicators;

/// <summary>An indicator: what it measures (every version), its targets, the approved values and progress by both methods.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class IndicatorModel(AgendaReader agendas, IndicatorReader reader, IndicatorStore store, Rumbo.Core.Accounts.CurrentUser currentUser) : PageModel
{
    public IndicatorDetail Indicator { get; private set; } = null!;
    public IReadOnlyList<SeriesValue> Values { get; private set; } = [];
    public IReadOnlyList<SeriesProgress> Progress { get; private set; } = [];
    public IReadOnlyDictionary<string, CountryLabel> Countries { get; private set; } = new Dictionary<string, CountryLabel>();

    /// <summary>Safe under the output cache, which never stores or serves a signed-in request.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>The country drawn beside the region, when one is chosen and has values.</summary>
    public string? Country { get; private set; }

    /// <summary>The method the map shows: UNSD's three levels (ECLAC's categories) unless Open SDG's is asked for.</summary>
    public ProgressMethod MapMethod { get; private set; } = ProgressMethod.Unsd;

    public async Task<IActionResult> OnGetAsync(string key, string code, string? country, string? map, CancellationToken ct)
    {
        var agenda = await agendas.ResolveAsync(key, ct);
        if (agenda is null) return NotFound();
        var indicator = await reader.GetAsync(agenda.Value.Id, code, ct);
        if (indicator is null) return NotFound();
        if (key != indicator.Agenda.Slug) return RedirectPermanent($"/agendas/{indicator.Agenda.Slug}/indicators/{indicator.Code}{Request.QueryString}");
        Indicator = indicator;
        CanEdit = Rumbo.Core.Accounts.Permissions.CanEditIndicators(await currentUser.GetAsync(User, ct), await store.AdHocGroupsAsync(indicator.Agenda.Id, ct));
        Values = await reader.ApprovedValuesAsync(indicator.Versions.Select(v => v.Id).ToList(), ct: ct);
        Progress = IndicatorProgress.Assess(indicator, Values);
        Countries = await reader.CountryLabelsAsync(ct);
        if (map == "open-sdg") MapMethod = ProgressMethod.OpenSdg;
        var wanted = country?.Trim().ToUpperInvariant();
        Country = wanted is not null && Values.Any(v => v.CountryCode == wanted && v.VersionId == indicator.Current.Id) ? wanted : null;
        return Page();
    }
}
