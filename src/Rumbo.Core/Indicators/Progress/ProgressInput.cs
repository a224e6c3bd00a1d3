namespace Rumbo.Core.Indicators;

/// <summary>
/// A <see cref="ProgressSeries"/> cleaned for both methods: absent values dropped, defaults applied, the latest
/// observation and the baseline found.
/// </summary>
internal sealed record ProgressInput(
    Direction Direction, int BaseYear, int TargetYear, double? Target, ProgressPoint? Latest, ProgressPoint? Base)
{
    public const int DefaultBaseYear = 2015;
    public const int DefaultTargetYear = 2030;

    /// <summary>+1 when an increase is desired, −1 otherwise (sdg-build: anything but "positive" is a decrease).</summary>
    public int Sign => Direction == Direction.Increase ? 1 : -1;

    /// <summary>
    /// Why no rate can be computed from the series alone: "no-data", "base-after-latest" (no observation from the base
    /// year on), "one-point" (the baseline is the latest observation); null when there are two distinct years.
    /// </summary>
    public string? MissingReason =>
        Latest is null ? "no-data"
        : Base is null ? "base-after-latest"
        : Latest.Year - Base.Year < 1 ? "one-point"
        : null;

    /// <summary>Whether <paramref name="value"/> meets <paramref name="target"/> in the desired direction; no tolerance.</summary>
    public bool Meets(double value, double target) => Direction == Direction.Increase ? value >= target : value <= target;

    public static ProgressInput Prepare(ProgressSeries s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var baseYear = s.BaseYear ?? DefaultBaseYear;
        var targetYear = s.TargetYear ?? DefaultTargetYear;

        // Absent values are dropped before repeated years are looked for, as sdg-build does (notna, then duplicated).
        var values = new SortedDictionary<int, double>();
        var repeated = new SortedSet<int>();
        foreach (var point in s.Observations ?? [])
        {
            if (point is null || !double.IsFinite(point.Value))
                continue;
            if (!values.TryAdd(point.Year, point.Value))
                repeated.Add(point.Year);
        }
        if (repeated.Count > 0)
            throw new ArgumentException(
                $"A progress series takes one value a year; these years have more than one: {string.Join(", ", repeated)}.",
                nameof(s));

        if (Finite(s.BaseValue) is { } baseValue)
            values[baseYear] = baseValue;

        ProgressPoint? latest = null, basePoint = null;
        foreach (var (year, value) in values)
        {
            if (basePoint is null && year >= baseYear)
                basePoint = new ProgressPoint(year, value);
            latest = new ProgressPoint(year, value);
        }
        return new ProgressInput(
            s.Direction == Direction.Increase ? Direction.Increase : Direction.Decrease,
            baseYear, targetYear, Finite(s.TargetValue), latest, basePoint);
    }

    internal static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>Null for what is not finite; −0 becomes 0, so that a result never shows a negative zero.</summary>
    internal static double? Clean(double? value) => value is { } v && double.IsFinite(v) ? v + 0.0 : null;

    /// <summary>The compound annual growth rate from <paramref name="v0"/> in <paramref name="t0"/> to <paramref name="v1"/> in <paramref name="t1"/>.</summary>
    internal static double Cagr(double v1, double v0, int t1, int t0) => Math.Pow(v1 / v0, 1.0 / (t1 - t0)) - 1;
}
