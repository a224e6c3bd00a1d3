namespace Rumbo.Core.Indicators;

/// <summary>
/// Open SDG's progress status for one series (Statistics Canada's method), following <c>SeriesProgress</c>,
/// <c>growth_calculation</c> and <c>get_progress_status</c> in <c>open-sdg/sdg-build</c>'s <c>sdg/ProgressMeasure.py</c>
/// (read at commit 139fede7).
/// </summary>
/// <remarks>
/// <para>
/// As sdg-build: the latest year in the data is the current one; the baseline is the base year's observation, else the
/// first year after it; a target of 0 and a baseline of 0 are replaced by 0.001; sign = −1 when the baseline is negative
/// (taken before the replacement, so 0 counts as positive), dir = +1 when an increase is desired, −1 otherwise.
/// CAGR(v1, v0, t1, t0) = (v1 / v0)^(1 / (t1 − t0)) − 1. Without a target p = sign · dir · CAGR_observed, thresholds
/// 0.015, 0.005, 0; with a target p = sign · dir · CAGR_observed / |CAGR_required| (baseline to target in the target year),
/// thresholds 0.95, 0.6, 0. The target achieved check (current ≥ target for an increase, ≤ for a decrease, no tolerance)
/// comes first and wins over everything, even when p cannot be computed. Then p ≥ 0.95 (0.015) substantial,
/// ≥ 0.6 (0.005) moderate, ≥ 0 limited, below deterioration. No p (no data, base and current of opposite signs, fewer than
/// two distinct years) is not available. No rounding.
/// </para>
/// <para>
/// Deliberate deviations, where sdg-build raises an error or where its answer depends on incidental number types:
/// </para>
/// <list type="bullet">
/// <item>No observation from the base year on: sdg-build fails (<c>.item()</c> on an empty selection) before it could
/// reach its own "base year after the current year" check; here it is not available, "base-after-latest" (the target
/// achieved check still comes first).</item>
/// <item>Target year equal to the base year: sdg-build divides by zero in the exponent, raising ZeroDivisionError when the
/// configured base year has data and yielding an infinite exponent when the base year was moved (numpy integers); here it
/// is not available, "target-year-at-base".</item>
/// <item>Target and baseline of opposite signs: the required growth is a negative number to a fractional power, which
/// sdg-build computes as a complex number (Python floats, configured base year present) or as NaN, hence not available
/// (numpy floats, base year moved); here it is always not available, "target-opposite-sign".</item>
/// <item>Target equal to the baseline (CAGR_required = 0) when not achieved: sdg-build divides a numpy float by zero
/// and gets −∞ (the current value is then on the wrong side of the baseline), hence deterioration. The same status is
/// given here, computed the same way, but the infinite p is reported as a null <see cref="ProgressResult.Score"/>.
/// Likewise any other infinite p gives sdg-build's status with a null score, and a NaN p is not available, "not-finite".</item>
/// <item>Infinite observations are dropped like NaN ones (pandas keeps them).</item>
/// <item>Not implemented: the <c>limit</c> option (thresholds shrunk near a floor or ceiling), overriding the thresholds,
/// the −5…5 score and the mean over several series.</item>
/// </list>
/// </remarks>
public static class OpenSdgProgress
{
    /// <summary>Thresholds high, med, low with a target (p is a ratio of growth rates).</summary>
    public static readonly IReadOnlyList<double> ThresholdsWithTarget = [0.95, 0.6, 0.0];

    /// <summary>Thresholds high, med, low without a target (p is an annual growth rate).</summary>
    public static readonly IReadOnlyList<double> ThresholdsWithoutTarget = [0.015, 0.005, 0.0];

    /// <summary>What sdg-build uses in place of a baseline or target of 0.</summary>
    public const double ZeroReplacement = 0.001;

    public static ProgressResult Assess(ProgressSeries s)
    {
        var input = ProgressInput.Prepare(s);
        var dir = input.Sign;
        double? target = input.Target is 0 ? ZeroReplacement : input.Target;
        var thresholds = target is null ? ThresholdsWithoutTarget : ThresholdsWithTarget;
        var latest = input.Latest;
        var achieved = target is { } t && latest is not null && input.Meets(latest.Value, t);

        int? baseYear = input.Base?.Year ?? (latest is null ? null : input.BaseYear);
        var baseValue = input.Base?.Value;
        double? observed = null, required = null, p = null;
        string? reason = null;

        if (latest is null)
            reason = "no-data";
        else if (input.Base is not { } basePoint)
            reason = "base-after-latest";
        else
        {
            var b = basePoint.Value;
            var sign = b < 0 ? -1 : 1;
            if (b == 0)
                b = ZeroReplacement;
            baseValue = b;
            var c = latest.Value;
            if ((b > 0 && c < 0) || (b < 0 && c > 0))
                reason = "opposite-signs";
            else if (latest.Year - basePoint.Year < 1)
                reason = "one-point";
            else
            {
                var cagrObserved = ProgressInput.Cagr(c, b, latest.Year, basePoint.Year);
                observed = cagrObserved;
                if (target is not { } tv)
                    p = sign * dir * cagrObserved;
                else if (input.TargetYear == basePoint.Year)
                    reason = "target-year-at-base";
                else if (Math.Sign(tv) != Math.Sign(b))
                    reason = "target-opposite-sign";
                else
                {
                    var cagrRequired = ProgressInput.Cagr(tv, b, input.TargetYear, basePoint.Year);
                    required = cagrRequired;
                    // |0| when the target is the baseline: ±∞ as in sdg-build (numpy), see the remarks.
                    p = sign * dir * cagrObserved / Math.Abs(cagrRequired);
                }
            }
        }

        ProgressStatus status;
        if (achieved)
            status = ProgressStatus.TargetAchieved;
        else if (p is not { } score)
            status = ProgressStatus.NotAvailable;
        else if (double.IsNaN(score))
        {
            status = ProgressStatus.NotAvailable;
            reason = "not-finite";
        }
        else
            status = Classify(score, thresholds);

        return new ProgressResult(
            ProgressMethod.OpenSdg, status,
            baseYear, ProgressInput.Clean(baseValue), latest?.Year, ProgressInput.Clean(latest?.Value), input.TargetYear,
            ProgressInput.Clean(target),
            ObservedRate: ProgressInput.Clean(observed),
            RequiredRate: ProgressInput.Clean(required),
            Score: ProgressInput.Clean(p),
            Projection: null,
            Ratio: null,
            thresholds,
            status == ProgressStatus.NotAvailable ? reason : null);
    }

    /// <summary><c>get_progress_status</c>: p ≥ high, med ≤ p &lt; high, low ≤ p &lt; med, p &lt; low.</summary>
    private static ProgressStatus Classify(double p, IReadOnlyList<double> thresholds) =>
        p >= thresholds[0] ? ProgressStatus.SubstantialProgress
        : p >= thresholds[1] ? ProgressStatus.ModerateProgress
        : p >= thresholds[2] ? ProgressStatus.LimitedProgress
        : ProgressStatus.Deterioration;
}
