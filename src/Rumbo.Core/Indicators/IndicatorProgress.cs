namespace Rumbo.Core.Indicators;

/// <summary>One series (a country or the region, one breakdown) with both methods' answers.</summary>
public sealed record SeriesProgress(
    string? CountryCode, string Breakdown, TargetView? Target, IReadOnlyList<ProgressPoint> Points, IReadOnlyList<ProgressResult> Results)
{
    public ProgressResult OpenSdg => Results.First(r => r.Method == ProgressMethod.OpenSdg);

    public ProgressResult Unsd => Results.First(r => r.Method == ProgressMethod.Unsd);

    public bool MethodsDisagree => Progress.Disagree(OpenSdg, Unsd);
}

/// <summary>The share of indicators in each status of one method: the regional commissions' "progress snapshot".</summary>
public sealed record ProgressSnapshot(ProgressMethod Method, int Indicators, IReadOnlyDictionary<ProgressStatus, int> Counts)
{
    public double Share(ProgressStatus status) => Indicators == 0 ? 0 : (double)Counts.GetValueOrDefault(status) / Indicators;
}

/// <summary>Puts an indicator's targets and approved values into the series the progress methods assess.</summary>
public static class IndicatorProgress
{
    /// <summary>The series of a target and values, in the form both methods take.</summary>
    public static ProgressSeries Series(Direction direction, TargetView? target, IEnumerable<(int Year, double Value)> values) =>
        new(direction, target?.BaselineYear, target?.BaselineValue, target?.TargetYear, target?.TargetValue,
            values.OrderBy(v => v.Year).Select(v => new ProgressPoint(v.Year, v.Value)).ToList());

    /// <summary>
    /// Every series of the indicator's current version: the region first, then each country, each with its total and
    /// breakdowns. A country is assessed against its own target, else the regional one.
    /// </summary>
    public static IReadOnlyList<SeriesProgress> Assess(IndicatorDetail indicator, IEnumerable<SeriesValue> values)
    {
        var current = indicator.Current;
        return values.Where(v => v.VersionId == current.Id)
            .GroupBy(v => (v.CountryCode, v.Breakdown))
            .OrderBy(g => g.Key.CountryCode is null ? 0 : 1).ThenBy(g => g.Key.CountryCode, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Breakdown.Length == 0 ? 0 : 1).ThenBy(g => g.Key.Breakdown, StringComparer.Ordinal)
            .Select(g =>
            {
                var target = indicator.TargetFor(g.Key.CountryCode);
                // The regional baseline value is the region's; a country's own series starts from its own value that year.
                if (g.Key.CountryCode is not null && target?.Country is null && target is not null) target = target with { BaselineValue = null };
                if (g.Key.Breakdown.Length > 0 && target is not null) target = target with { BaselineValue = null };
                var points = g.Select(v => (v.Year, v.Value)).ToList();
                var series = Series(current.Direction, target, points);
                return new SeriesProgress(g.Key.CountryCode, g.Key.Breakdown, target, series.Observations, Progress.AssessAll(series));
            })
            .ToList();
    }

    /// <summary>Counts each status of one method over the indicators' headline results.</summary>
    public static ProgressSnapshot Snapshot(ProgressMethod method, IEnumerable<ProgressResult> headline)
    {
        var list = headline.Where(r => r.Method == method).ToList();
        return new ProgressSnapshot(method, list.Count, list.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>The statuses a method can give, best first, for legends and tables.</summary>
    public static IReadOnlyList<ProgressStatus> StatusesOf(ProgressMethod method) => method == ProgressMethod.OpenSdg
        ? [ProgressStatus.TargetAchieved, ProgressStatus.SubstantialProgress, ProgressStatus.ModerateProgress, ProgressStatus.LimitedProgress,
           ProgressStatus.Deterioration, ProgressStatus.NotAvailable]
        : [ProgressStatus.OnTrack, ProgressStatus.TooSlow, ProgressStatus.Regression, ProgressStatus.NotAvailable];
}
