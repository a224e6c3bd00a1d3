using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.People;

namespace Rumbo.Core.Indicators;

/// <summary>An indicator as the framework's list shows it, with its current version's title and unit.</summary>
public sealed record IndicatorSummary(
    int Id, string Code, string ObjectiveCode, LocalizedString Title, IndicatorStatus Status, bool IsExample,
    IndicatorUnit Unit, Direction Direction, int Decimals, int VersionId, int VersionNumber);

public sealed record IndicatorVersionView(
    int Id, int Number, LocalizedString Title, LocalizedString Definition, LocalizedString Method, LocalizedString Source,
    IndicatorUnit Unit, int Decimals, double? Minimum, double? Maximum, Periodicity Periodicity, Direction Direction,
    string Dimensions, GroupLink? ResponsibleGroup, string ChangeNote, DateTime CreatedAtUtc)
{
    public IReadOnlyList<Disaggregations.Dimension> DimensionList => Disaggregations.Of(Dimensions);
}

public sealed record MilestoneView(int Year, double Value);

/// <summary>A baseline and target; <see cref="Country"/> is null for the regional one.</summary>
public sealed record TargetView(
    int Id, CountryLabel? Country, int BaselineYear, double? BaselineValue, int TargetYear, double? TargetValue, string Note,
    IReadOnlyList<MilestoneView> Milestones, int Version);

public sealed record IndicatorLineView(string Code, LocalizedString Text);

public sealed record IndicatorDetail(
    int Id, string Code, AgendaLabel Agenda, string AreaCode, string ObjectiveCode, LocalizedString ObjectiveText,
    IndicatorStatus Status, bool IsExample, int Version,
    IReadOnlyList<IndicatorVersionView> Versions, IReadOnlyList<IndicatorLineView> Lines, IReadOnlyList<string> SdgTargets,
    IReadOnlyList<TargetView> Targets)
{
    /// <summary>The newest version: what the indicator measures now.</summary>
    public IndicatorVersionView Current => Versions[0];

    public TargetView? Regional => Targets.FirstOrDefault(t => t.Country is null);

    /// <summary>The country's own target, else the regional one.</summary>
    public TargetView? TargetFor(string? countryCode) =>
        (countryCode is null ? null : Targets.FirstOrDefault(t => t.Country?.Code == countryCode)) ?? Regional;
}

/// <summary>One value of a series; <see cref="CountryCode"/> is null for the region.</summary>
public sealed record SeriesValue(int VersionId, string? CountryCode, string Breakdown, int Year, double Value, string Source, string Notes);

/// <summary>
/// Reads the framework, targets and published (approved) values. Only approved values are read here: pages, API and
/// exports for readers go through it, so a draft never reaches them. Reporting pages read a country's own entries
/// through the reporting reader.
/// </summary>
public sealed class IndicatorReader(RumboDbContext db)
{
    public async Task<IReadOnlyList<IndicatorSummary>> ListAsync(int agendaId, CancellationToken ct = default)
    {
        var rows = await db.Indicators.AsNoTracking().Where(i => i.AgendaId == agendaId)
            .Select(i => new
            {
                i.Id, i.Code, ObjectiveCode = i.Objective!.Code, i.Status, i.IsExample,
                Current = i.Versions.OrderByDescending(v => v.Number)
                    .Select(v => new { Title = v.Title.ToDocument(), v.Unit, v.Direction, v.Decimals, v.Id, v.Number }).First(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new IndicatorSummary(r.Id, r.Code, r.ObjectiveCode, r.Current.Title, r.Status, r.IsExample,
                r.Current.Unit, r.Current.Direction, r.Current.Decimals, r.Current.Id, r.Current.Number))
            .OrderBy(r => r.ObjectiveCode, CodeComparer.Instance).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<IndicatorDetail?> GetAsync(int agendaId, string code, CancellationToken ct = default)
    {
        var head = await db.Indicators.AsNoTracking().Where(i => i.AgendaId == agendaId && i.Code == code)
            .Select(i => new
            {
                i.Id, i.Code, i.Status, i.IsExample, i.Version,
                Agenda = new AgendaLabel(i.Agenda!.Id, i.Agenda.Slug, i.Agenda.Symbol, i.Agenda.Title.ToDocument(), i.Agenda.DocumentLanguage,
                    i.Agenda.AreaLevelName.ToDocument()),
                AreaCode = db.Areas.Where(a => a.Id == i.Objective!.AreaId).Select(a => a.Code).First(),
                ObjectiveCode = i.Objective!.Code, ObjectiveText = i.Objective.Text.ToDocument(),
            })
            .SingleOrDefaultAsync(ct);
        if (head is null) return null;
        var id = head.Id;
        var versions = await db.IndicatorVersions.AsNoTracking().Where(v => v.IndicatorId == id).OrderByDescending(v => v.Number)
            .Select(v => new IndicatorVersionView(v.Id, v.Number, v.Title.ToDocument(), v.Definition.ToDocument(), v.Method.ToDocument(),
                v.Source.ToDocument(), v.Unit, v.Decimals, v.Minimum, v.Maximum, v.Periodicity, v.Direction, v.Dimensions,
                v.ResponsibleGroup == null ? null
                    : new GroupLink(v.ResponsibleGroup.Slug, v.ResponsibleGroup.Name.ToDocument(), v.ResponsibleGroup.Kind, v.ResponsibleGroup.Status,
                        v.ResponsibleGroup.Agenda!.DocumentLanguage),
                v.ChangeNote, v.CreatedAtUtc))
            .ToListAsync(ct);
        var lines = await db.IndicatorLines.AsNoTracking().Where(l => l.IndicatorId == id)
            .Select(l => new IndicatorLineView(l.LineOfAction!.Code, l.LineOfAction.Text.ToDocument())).ToListAsync(ct);
        var sdg = await db.IndicatorSdgTargets.AsNoTracking().Where(t => t.IndicatorId == id).Select(t => t.Code).ToListAsync(ct);
        var targets = await TargetsAsync([id], ct);
        return new IndicatorDetail(head.Id, head.Code, head.Agenda, head.AreaCode, head.ObjectiveCode, head.ObjectiveText, head.Status,
            head.IsExample, head.Version, versions,
            lines.OrderBy(l => l.Code, CodeComparer.Instance).ToList(),
            sdg.OrderBy(c => c, CodeComparer.Instance).ToList(),
            targets.GetValueOrDefault(id) ?? []);
    }

    /// <summary>The targets of some indicators, regional first, then by country code.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<TargetView>>> TargetsAsync(IReadOnlyCollection<int> indicatorIds, CancellationToken ct = default)
    {
        var ids = indicatorIds.ToList();
        var rows = await db.IndicatorTargets.AsNoTracking().Where(t => ids.Contains(t.IndicatorId))
            .Select(t => new
            {
                t.IndicatorId,
                View = new TargetView(t.Id, t.Country == null ? null : new CountryLabel(t.Country.Code, t.Country.Name.ToDocument()),
                    t.BaselineYear, t.BaselineValue, t.TargetYear, t.TargetValue, t.Note,
                    t.Milestones.OrderBy(m => m.Year).Select(m => new MilestoneView(m.Year, m.Value)).ToList(), t.Version),
            })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.IndicatorId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<TargetView>)g.Select(r => r.View).OrderBy(t => t.Country is null ? "" : t.Country.Code, StringComparer.Ordinal).ToList());
    }

    /// <summary>The approved values of some indicator versions, ordered by country (region first), breakdown and year.</summary>
    public async Task<IReadOnlyList<SeriesValue>> ApprovedValuesAsync(IReadOnlyCollection<int> versionIds, string? countryCode = null, CancellationToken ct = default)
    {
        var ids = versionIds.ToList();
        var q = db.IndicatorValues.AsNoTracking().Where(v => ids.Contains(v.IndicatorVersionId) && v.Status == ValueStatus.Approved);
        if (countryCode is not null) q = q.Where(v => v.Country!.Code == countryCode);
        var rows = await q.Select(v => new SeriesValue(v.IndicatorVersionId, v.Country == null ? null : v.Country.Code, v.Breakdown, v.Year, v.Value,
                v.Source, v.Notes))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.CountryCode ?? "", StringComparer.Ordinal).ThenBy(r => r.Breakdown, StringComparer.Ordinal).ThenBy(r => r.Year).ToList();
    }

    /// <summary>The region's approved totals (no breakdown) of some indicator versions, by version and year.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<(int Year, double Value)>>> RegionalTotalsAsync(IReadOnlyCollection<int> versionIds, CancellationToken ct = default)
    {
        var ids = versionIds.ToList();
        var rows = await db.IndicatorValues.AsNoTracking()
            .Where(v => ids.Contains(v.IndicatorVersionId) && v.CountryId == null && v.Breakdown == "" && v.Status == ValueStatus.Approved)
            .Select(v => new { v.IndicatorVersionId, v.Year, v.Value })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.IndicatorVersionId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<(int, double)>)g.OrderBy(r => r.Year).Select(r => (r.Year, r.Value)).ToList());
    }

    /// <summary>Every country's code and name, for the tables and the map.</summary>
    public async Task<IReadOnlyDictionary<string, CountryLabel>> CountryLabelsAsync(CancellationToken ct = default) =>
        await db.Countries.AsNoTracking().Select(c => new CountryLabel(c.Code, c.Name.ToDocument())).ToDictionaryAsync(c => c.Code, ct);

    /// <summary>One indicator's progress for a country: its latest approved total and both methods' statuses.</summary>
    public sealed record CountryIndicator(IndicatorSummary Indicator, (int Year, double Value)? Latest, SeriesProgress Progress);

    /// <summary>A country's indicators, agenda by agenda: every indicator with the country's approved totals and progress.</summary>
    public async Task<IReadOnlyList<(AgendaLabel Agenda, IReadOnlyList<CountryIndicator> Indicators)>> ForCountryAsync(string countryCode, CancellationToken ct = default)
    {
        var agendas = await db.Agendas.AsNoTracking().Where(a => db.Indicators.Any(i => i.AgendaId == a.Id)).OrderBy(a => a.Symbol)
            .Select(a => new AgendaLabel(a.Id, a.Slug, a.Symbol, a.Title.ToDocument(), a.DocumentLanguage, a.AreaLevelName.ToDocument())).ToListAsync(ct);
        var result = new List<(AgendaLabel, IReadOnlyList<CountryIndicator>)>();
        foreach (var agenda in agendas)
        {
            var list = await ListAsync(agenda.Id, ct);
            var versionIds = list.Select(i => i.VersionId).ToList();
            var values = await db.IndicatorValues.AsNoTracking()
                .Where(v => versionIds.Contains(v.IndicatorVersionId) && v.Country!.Code == countryCode && v.Breakdown == "" && v.Status == ValueStatus.Approved)
                .Select(v => new { v.IndicatorVersionId, v.Year, v.Value }).ToListAsync(ct);
            if (values.Count == 0) continue;
            var targets = await TargetsAsync(list.Select(i => i.Id).ToList(), ct);
            var items = list.Select(i =>
            {
                var points = values.Where(v => v.IndicatorVersionId == i.VersionId).OrderBy(v => v.Year).Select(v => (v.Year, v.Value)).ToList();
                var own = targets.GetValueOrDefault(i.Id)?.FirstOrDefault(t => t.Country?.Code == countryCode);
                // The regional baseline value is the region's: against the regional target, a country starts from its own value.
                var regional = targets.GetValueOrDefault(i.Id)?.FirstOrDefault(t => t.Country is null);
                var target = own ?? (regional is null ? null : regional with { BaselineValue = null });
                var series = IndicatorProgress.Series(i.Direction, target, points);
                return new CountryIndicator(i, points.Count == 0 ? null : points[^1],
                    new SeriesProgress(countryCode, "", target, series.Observations, Progress.AssessAll(series)));
            }).ToList();
            result.Add((agenda, items));
        }
        return result;
    }
}
