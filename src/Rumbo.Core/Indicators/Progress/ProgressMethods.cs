namespace Rumbo.Core.Indicators;

/// <summary>The direction an indicator should move in.</summary>
public enum Direction
{
    Increase,
    Decrease,
}

/// <summary>One observation of a series: the value of a year.</summary>
public sealed record ProgressPoint(int Year, double Value);

/// <summary>
/// A time series and what it is measured against, the input of both progress methods.
/// </summary>
/// <param name="Direction">The desired direction.</param>
/// <param name="BaseYear">Null means 2015 (Open SDG's default).</param>
/// <param name="BaseValue">
/// When given, it is the value at <paramref name="BaseYear"/> and replaces any observation of that year (it joins the
/// series as that year's observation). When null, the baseline is the observation at the base year, else the first
/// year after it (never one before it), for both methods.
/// </param>
/// <param name="TargetYear">Null means 2030.</param>
/// <param name="TargetValue">Null means "no target": the methods' variants without a target.</param>
/// <param name="Observations">
/// One value a year at most (a repeated year is an <see cref="ArgumentException"/>). NaN and infinite values, like
/// NaN or infinite <paramref name="BaseValue"/> and <paramref name="TargetValue"/>, are treated as absent.
/// </param>
public sealed record ProgressSeries(
    Direction Direction, int? BaseYear, double? BaseValue, int? TargetYear, double? TargetValue,
    IReadOnlyList<ProgressPoint> Observations);

/// <summary>The statuses of both methods; each method uses its own subset.</summary>
public enum ProgressStatus
{
    NotAvailable,
    /// <summary>Open SDG.</summary>
    TargetAchieved,
    /// <summary>Open SDG.</summary>
    SubstantialProgress,
    /// <summary>Open SDG.</summary>
    ModerateProgress,
    /// <summary>Open SDG.</summary>
    LimitedProgress,
    /// <summary>Open SDG.</summary>
    Deterioration,
    /// <summary>UNSD.</summary>
    OnTrack,
    /// <summary>UNSD.</summary>
    TooSlow,
    /// <summary>UNSD.</summary>
    Regression,
}

public static class ProgressStatusCodes
{
    /// <summary>The wire name of a status: "not_available", "target_achieved", … (Open SDG's own names).</summary>
    public static string Code(ProgressStatus status) => status switch
    {
        ProgressStatus.NotAvailable => "not_available",
        ProgressStatus.TargetAchieved => "target_achieved",
        ProgressStatus.SubstantialProgress => "substantial_progress",
        ProgressStatus.ModerateProgress => "moderate_progress",
        ProgressStatus.LimitedProgress => "limited_progress",
        ProgressStatus.Deterioration => "deterioration",
        ProgressStatus.OnTrack => "on_track",
        ProgressStatus.TooSlow => "too_slow",
        ProgressStatus.Regression => "regression",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown progress status."),
    };
}

public enum ProgressMethod
{
    /// <summary>Open SDG's progress status (Statistics Canada's method), as <c>open-sdg/sdg-build</c> computes it.</summary>
    OpenSdg,
    /// <summary>The UN Statistics Division's projection to the target year, in ECLAC's three categories.</summary>
    Unsd,
}

public static class ProgressMethodCodes
{
    /// <summary>The wire name of a method: "open-sdg" or "unsd".</summary>
    public static string Code(ProgressMethod method) => method switch
    {
        ProgressMethod.OpenSdg => "open-sdg",
        ProgressMethod.Unsd => "unsd",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown progress method."),
    };
}

/// <summary>
/// A method's answer with the components that explain it. Null components are the ones that do not apply (or could
/// not be computed); every double is finite or null.
/// </summary>
/// <param name="BaseYear">The baseline's year; when no observation exists from the base year on, the year asked for.</param>
/// <param name="BaseValue">The baseline's value as the method used it (Open SDG: 0 is replaced by 0.001).</param>
/// <param name="TargetValue">The target as the method used it (Open SDG: 0 is replaced by 0.001).</param>
/// <param name="ObservedRate">The compound annual growth rate from the baseline to the latest value (0.02 = 2 % a year).</param>
/// <param name="RequiredRate">Open SDG with a target: the compound annual growth rate from the baseline to the target.</param>
/// <param name="Score">Open SDG: p, the value compared with the thresholds; UNSD without a target: the observed rate signed by the direction.</param>
/// <param name="Projection">UNSD with a target: the latest value projected to the target year.</param>
/// <param name="Ratio">UNSD with a target: r, the share of the way from the baseline to the target the projection covers.</param>
/// <param name="Thresholds">The thresholds of the variant used (with or without a target), high to low.</param>
/// <param name="NotAvailableReason">
/// A stable code when the status is <see cref="ProgressStatus.NotAvailable"/>: "no-data", "base-after-latest",
/// "one-point", "opposite-signs", "non-positive-values", "target-year-at-base", "target-opposite-sign", "not-finite".
/// </param>
public sealed record ProgressResult(
    ProgressMethod Method, ProgressStatus Status,
    int? BaseYear, double? BaseValue, int? LatestYear, double? LatestValue, int TargetYear, double? TargetValue,
    double? ObservedRate,
    double? RequiredRate,
    double? Score,
    double? Projection,
    double? Ratio,
    IReadOnlyList<double> Thresholds,
    string? NotAvailableReason);

/// <summary>Both methods side by side, and the three-level reading that compares them.</summary>
public static class Progress
{
    /// <summary>Both methods' results, Open SDG first.</summary>
    public static IReadOnlyList<ProgressResult> AssessAll(ProgressSeries s) =>
        [OpenSdgProgress.Assess(s), UnsdProgress.Assess(s)];

    /// <summary>
    /// The three-level reading used to compare the two methods: TargetAchieved, SubstantialProgress and OnTrack are 1
    /// (on track); ModerateProgress, LimitedProgress and TooSlow are 2 (too slow); Deterioration and Regression are 3;
    /// NotAvailable is null.
    /// </summary>
    public static int? Level(ProgressStatus s) => s switch
    {
        ProgressStatus.TargetAchieved or ProgressStatus.SubstantialProgress or ProgressStatus.OnTrack => 1,
        ProgressStatus.ModerateProgress or ProgressStatus.LimitedProgress or ProgressStatus.TooSlow => 2,
        ProgressStatus.Deterioration or ProgressStatus.Regression => 3,
        _ => null,
    };

    /// <summary>True when both results are available and their <see cref="Level"/>s differ.</summary>
    public static bool Disagree(ProgressResult a, ProgressResult b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Level(a.Status) is { } la && Level(b.Status) is { } lb && la != lb;
    }
}
