using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Agendas;
using Rumbo.Core.Indicators;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Indicators;

/// <summary>An agenda's indicators by area and objective, with the region's progress by both methods and the snapshot.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class IndexModel(AgendaReader agendas, IndicatorReader reader, IndicatorStore store, Rumbo.Core.Accounts.CurrentUser currentUser) : PageModel
{
    public sealed record Row(IndicatorSummary Indicator, (int Year, double Value)? Latest, SeriesProgress Progress);

    public AgendaTree Agenda { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<ProgressSnapshot> Snapshots { get; private set; } = [];

    /// <summary>A line of the roll-up: the agenda, an area or an objective, with each method's snapshot of its indicators.</summary>
    public sealed record RollUpRow(int Level, string Code, LocalizedString Title, ProgressSnapshot OpenSdg, ProgressSnapshot Unsd);

    public IReadOnlyList<RollUpRow> RollUp { get; private set; } = [];

    /// <summary>Safe under the output cache, which never stores or serves a signed-in request.</summary>
    public bool CanEdit { get; private set; }
    public bool CanReport { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var tree = await agendas.GetTreeAsync(key, ct);
        if (tree is null) return NotFound();
        if (key != tree.Slug) return RedirectPermanent($"/agendas/{tree.Slug}/indicators{Request.QueryString}");
        Agenda = tree;
        var user = await currentUser.GetAsync(User, ct);
        CanEdit = Rumbo.Core.Accounts.Permissions.CanEditIndicators(user, await store.AdHocGroupsAsync(tree.Id, ct));
        CanReport = user.IsSecretariatAdmin || user.FocalPoints.Any(f => f.AgendaId == tree.Id);
        var list = await reader.ListAsync(tree.Id, ct);
        var totals = await reader.RegionalTotalsAsync(list.Select(i => i.VersionId).ToList(), ct);
        var targets = await reader.TargetsAsync(list.Select(i => i.Id).ToList(), ct);
        Rows = list.Select(i =>
        {
            var points = totals.GetValueOrDefault(i.VersionId) ?? [];
            var target = targets.GetValueOrDefault(i.Id)?.FirstOrDefault(t => t.Country is null);
            var series = IndicatorProgress.Series(i.Direction, target, points);
            var progress = new SeriesProgress(null, "", target, series.Observations, Progress.AssessAll(series));
            return new Row(i, points.Count == 0 ? null : points[^1], progress);
        }).ToList();
        var headline = Rows.SelectMany(r => r.Progress.Results).ToList();
        Snapshots = [IndicatorProgress.Snapshot(ProgressMethod.OpenSdg, headline), IndicatorProgress.Snapshot(ProgressMethod.Unsd, headline)];
        RollUpRow Row(int level, string code, LocalizedString title, IEnumerable<Row> rows)
        {
            var results = rows.SelectMany(r => r.Progress.Results).ToList();
            return new RollUpRow(level, code, title, IndicatorProgress.Snapshot(ProgressMethod.OpenSdg, results), IndicatorProgress.Snapshot(ProgressMethod.Unsd, results));
        }
        var rollUp = new List<RollUpRow> { Row(0, tree.Symbol, tree.Title, Rows) };
        foreach (var area in tree.Areas)
        {
            var codes = area.Objectives.Select(o => o.Code).ToHashSet();
            var inArea = Rows.Where(r => codes.Contains(r.Indicator.ObjectiveCode)).ToList();
            if (inArea.Count == 0) continue;
            rollUp.Add(Row(1, area.Code, area.Title, inArea));
            foreach (var o in area.Objectives)
            {
                var inObjective = inArea.Where(r => r.Indicator.ObjectiveCode == o.Code).ToList();
                if (inObjective.Count > 0) rollUp.Add(Row(2, o.Code, o.Text, inObjective));
            }
        }
        RollUp = rollUp;
        return Page();
    }
}
