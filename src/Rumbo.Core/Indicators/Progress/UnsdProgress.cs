namespace Rumbo.Core.Indicators;

/// <summary>
/// The UN Statistics Division's projection method in ECLAC's three categories, as issue 10 fixes it.
/// </summary>
/// <remarks>
/// <para>
/// Baseline as for Open SDG (the base year's observation, else the first year after it; or the given base value).
/// Observed CAGR = (latest / base)^(1 / (latest year − base year)) − 1.
/// </para>
/// <para>
/// With a target: projection = latest · (1 + CAGR)^(target year − latest year);
/// r = (projection − base) / (target − base); r ≥ 0.95 on track, r ≥ 0.10 too slow, else regression.
/// </para>
/// <para>
/// Without a target: the observed CAGR signed by the direction (× −1 when a decrease is desired), reported as the
/// score: ≥ 0.02 on track, ≥ 0.005 too slow, else regression.
/// </para>
/// <para>Choices where the issue leaves the method open:</para>
/// <list type="bullet">
/// <item>A target already met in the desired direction (latest ≥ target for an increase, ≤ for a decrease, no
/// tolerance) is on track, checked first, as Open SDG checks its target achieved first: even with one point or no
/// observation from the base year on. Only "no data" comes before it.</item>
/// <item>Not available below two distinct years: "no-data", "base-after-latest" (no observation from the base year on),
/// "one-point".</item>
/// <item>When the CAGR cannot be computed (base or latest ≤ 0) and there is a target, the projection is linear: annual
/// change = (latest − base) / (latest year − base year), projection = latest + change · (target year − latest year);
/// the observed rate is then null. Without a target such a series is not available, "non-positive-values".</item>
/// <item>A target equal to the baseline, or on the wrong side of it (below it when an increase is desired, above it
/// when a decrease is), makes r meaningless (a division by zero, or a ratio whose sign flips the reading). If such a
/// target is not met, the latest value has moved away from it against the desired direction: regression, with a null
/// ratio.</item>
/// <item>A projection too large for a double gives the status its infinite r implies, with null projection and ratio;
/// a NaN r is not available, "not-finite".</item>
/// </list>
/// </remarks>
public static class UnsdProgress
{
    /// <summary>On track and too slow, for r with a target.</summary>
    public static readonly IReadOnlyList<double> ThresholdsWithTarget = [0.95, 0.10];

    /// <summary>On track and too slow, for the signed annual growth rate without a target.</summary>
    public static readonly IReadOnlyList<double> ThresholdsWithoutTarget = [0.02, 0.005];

    public static ProgressResult Assess(ProgressSeries s)
    {
        var input = ProgressInput.Prepare(s);
        var target = input.Target;
        var thresholds = target is null ? ThresholdsWithoutTarget : ThresholdsWithTarget;
        var latest = input.Latest;
        var reason = input.MissingReason;
        int? baseYear = input.Base?.Year ?? (latest is null ? null : input.BaseYear);

        double? observed = null, score = null, projection = null, ratio = null;
        var targetBeyondBase = false;
        if (reason is null && latest is not null && input.Base is { } basePoint)
        {
            double b = basePoint.Value, c = latest.Value;
            var span = latest.Year - basePoint.Year;
            if (b > 0 && c > 0)
                observed = ProgressInput.Cagr(c, b, latest.Year, basePoint.Year);
            if (target is { } t)
            {
                projection = observed is { } g
                    ? c * Math.Pow(1 + g, input.TargetYear - latest.Year)
                    : c + (c - b) / span * (input.TargetYear - latest.Year);
                targetBeyondBase = input.Direction == Direction.Increase ? t > b : t < b;
                if (targetBeyondBase)
                    ratio = (projection - b) / (t - b);
            }
            else if (observed is { } g)
                score = input.Sign * g;
        }

        ProgressStatus status;
        if (latest is not null && target is { } tv && input.Meets(latest.Value, tv))
            status = ProgressStatus.OnTrack;
        else if (reason is not null)
            status = ProgressStatus.NotAvailable;
        else if (target is not null)
            status = !targetBeyondBase ? ProgressStatus.Regression
                : ratio is not { } r || double.IsNaN(r) ? NotFinite(out reason)
                : Classify(r, thresholds);
        else
            status = score is not { } rate ? NonPositive(out reason)
                : double.IsNaN(rate) ? NotFinite(out reason)
                : Classify(rate, thresholds);

        return new ProgressResult(
            ProgressMethod.Unsd, status,
            baseYear, ProgressInput.Clean(input.Base?.Value), latest?.Year, ProgressInput.Clean(latest?.Value), input.TargetYear,
            ProgressInput.Clean(target),
            ObservedRate: ProgressInput.Clean(observed),
            RequiredRate: null,
            Score: ProgressInput.Clean(score),
            Projection: ProgressInput.Clean(projection),
            Ratio: ProgressInput.Clean(ratio),
            thresholds,
            status == ProgressStatus.NotAvailable ? reason : null);
    }

    private static ProgressStatus Classify(double value, IReadOnlyList<double> thresholds) =>
        value >= thresholds[0] ? ProgressStatus.OnTrack
        : value >= thresholds[1] ? ProgressStatus.TooSlow
        : ProgressStatus.Regression;

    private static ProgressStatus NotFinite(out string? reason)
    {
        reason = "not-finite";
        return ProgressStatus.NotAvailable;
    }

    private static ProgressStatus NonPositive(out string? reason)
    {
        reason = "non-positive-values";
        return ProgressStatus.NotAvailable;
    }
}
