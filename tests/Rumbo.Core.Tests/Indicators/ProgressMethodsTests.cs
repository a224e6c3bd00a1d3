using Rumbo.Core.Indicators;

namespace Rumbo.Core.Tests.Indicators;

/// <summary>
/// Open SDG's progress status (as sdg-build's ProgressMeasure.py computes it) and the UNSD projection method, each
/// expected number worked by hand. Notation: CAGR(v1, v0, t1, t0) = (v1 / v0)^(1 / (t1 − t0)) − 1; Open SDG's
/// p = sign · dir · CAGR_o [/ |CAGR_r|]; UNSD's projection = latest · (1 + CAGR)^(target year − latest year) and
/// r = (projection − base) / (target − base).
/// </summary>
public sealed class ProgressMethodsTests
{
    private const int Precision = 6;

    private static ProgressSeries Series(
        Direction direction, double? target, int? targetYear, params (int Year, double Value)[] points) =>
        new(direction, null, null, targetYear, target, Points(points));

    private static ProgressSeries Based(
        Direction direction, int? baseYear, double? baseValue, params (int Year, double Value)[] points) =>
        new(direction, baseYear, baseValue, null, null, Points(points));

    private static List<ProgressPoint> Points((int Year, double Value)[] points) =>
        points.Select(p => new ProgressPoint(p.Year, p.Value)).ToList();

    private static void Near(double expected, double? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected, actual!.Value, Precision);
    }

    /// <summary>Every double of a result is finite or null, and a reason is given exactly when not available.</summary>
    private static void WellFormed(ProgressResult r)
    {
        foreach (var value in new[] { r.BaseValue, r.LatestValue, r.TargetValue, r.ObservedRate, r.RequiredRate, r.Score, r.Projection, r.Ratio })
            Assert.True(value is null || double.IsFinite(value.Value), $"{value} is not finite");
        Assert.All(r.Thresholds, t => Assert.True(double.IsFinite(t)));
        Assert.Equal(r.Status == ProgressStatus.NotAvailable, r.NotAvailableReason is not null);
    }

    private static (ProgressResult Open, ProgressResult Unsd) Both(ProgressSeries s)
    {
        var all = Progress.AssessAll(s);
        Assert.Equal(2, all.Count);
        Assert.Equal(ProgressMethod.OpenSdg, all[0].Method);
        Assert.Equal(ProgressMethod.Unsd, all[1].Method);
        WellFormed(all[0]);
        WellFormed(all[1]);
        Assert.Equal(OpenSdgProgress.Assess(s), all[0], ResultComparer.Instance);
        Assert.Equal(UnsdProgress.Assess(s), all[1], ResultComparer.Instance);
        return (all[0], all[1]);
    }

    // ---- An increase desired, with a target: each Open SDG status ----------------------------------------------

    [Fact]
    public void Increase_with_target_substantial_progress_and_on_track()
    {
        // Base 2015 (default) = 100, latest 2017 = 121, target 146.41 in 2019.
        // Open SDG: CAGR_o = (121/100)^(1/2) − 1 = 1.1 − 1 = 0.1; CAGR_r = (146.41/100)^(1/4) − 1 = 1.1 − 1 = 0.1;
        //   p = 1 · 1 · 0.1 / 0.1 = 1 ≥ 0.95 → substantial progress.
        // UNSD: projection = 121 · 1.1^(2019 − 2017) = 121 · 1.21 = 146.41; r = (146.41 − 100) / (146.41 − 100) = 1 ≥ 0.95 → on track.
        var (open, unsd) = Both(Series(Direction.Increase, 146.41, 2019, (2015, 100), (2017, 121)));

        Assert.Equal(ProgressStatus.SubstantialProgress, open.Status);
        Assert.Equal(2015, open.BaseYear);
        Near(100, open.BaseValue);
        Assert.Equal(2017, open.LatestYear);
        Near(121, open.LatestValue);
        Assert.Equal(2019, open.TargetYear);
        Near(146.41, open.TargetValue);
        Near(0.1, open.ObservedRate);
        Near(0.1, open.RequiredRate);
        Near(1, open.Score);
        Assert.Null(open.Projection);
        Assert.Null(open.Ratio);
        Assert.Equal([0.95, 0.6, 0.0], open.Thresholds);

        Assert.Equal(ProgressStatus.OnTrack, unsd.Status);
        Near(0.1, unsd.ObservedRate);
        Near(146.41, unsd.Projection);
        Near(1, unsd.Ratio);
        Assert.Null(unsd.RequiredRate);
        Assert.Null(unsd.Score);
        Assert.Equal([0.95, 0.10], unsd.Thresholds);
    }

    [Fact]
    public void Increase_with_target_moderate_progress_and_too_slow()
    {
        // Latest 2017 = 114.49: CAGR_o = (1.1449)^(1/2) − 1 = 1.07 − 1 = 0.07; CAGR_r = 0.1 (as above);
        //   p = 0.07 / 0.1 = 0.7, 0.6 ≤ 0.7 < 0.95 → moderate progress.
        // UNSD: projection = 114.49 · 1.07² = 114.49 · 1.1449 = 131.079601;
        //   r = (131.079601 − 100) / 46.41 = 31.079601 / 46.41 = 0.669675; 0.10 ≤ r < 0.95 → too slow.
        var (open, unsd) = Both(Series(Direction.Increase, 146.41, 2019, (2015, 100), (2017, 114.49)));

        Assert.Equal(ProgressStatus.ModerateProgress, open.Status);
        Near(0.07, open.ObservedRate);
        Near(0.7, open.Score);
        Assert.Equal(ProgressStatus.TooSlow, unsd.Status);
        Near(131.079601, unsd.Projection);
        Near(0.669675, unsd.Ratio);
    }

    [Fact]
    public void Increase_with_target_limited_progress_and_too_slow()
    {
        // Latest 2017 = 110.25: CAGR_o = (1.1025)^(1/2) − 1 = 1.05 − 1 = 0.05; p = 0.05 / 0.1 = 0.5, 0 ≤ 0.5 < 0.6 → limited.
        // UNSD: projection = 110.25 · 1.05² = 110.25 · 1.1025 = 121.550625;
        //   r = 21.550625 / 46.41 = 0.464353 → too slow.
        var (open, unsd) = Both(Series(Direction.Increase, 146.41, 2019, (2015, 100), (2017, 110.25)));

        Assert.Equal(ProgressStatus.LimitedProgress, open.Status);
        Near(0.5, open.Score);
        Assert.Equal(ProgressStatus.TooSlow, unsd.Status);
        Near(121.550625, unsd.Projection);
        Near(0.464353, unsd.Ratio);
    }

    [Fact]
    public void Increase_with_target_deterioration_and_regression()
    {
        // Latest 2017 = 81: CAGR_o = (0.81)^(1/2) − 1 = 0.9 − 1 = −0.1; p = −0.1 / 0.1 = −1 < 0 → deterioration.
        // UNSD: projection = 81 · 0.9² = 65.61; r = (65.61 − 100) / 46.41 = −34.39 / 46.41 = −0.741004 < 0.10 → regression.
        var (open, unsd) = Both(Series(Direction.Increase, 146.41, 2019, (2015, 100), (2017, 81)));

        Assert.Equal(ProgressStatus.Deterioration, open.Status);
        Near(-0.1, open.ObservedRate);
        Near(-1, open.Score);
        Assert.Equal(ProgressStatus.Regression, unsd.Status);
        Near(65.61, unsd.Projection);
        Near(-0.741004, unsd.Ratio);
    }

    // ---- A decrease desired, with a target --------------------------------------------------------------------

    [Fact]
    public void Decrease_with_target_on_course_the_methods_agree()
    {
        // Base 2015 = 200, latest 2017 = 162, target 131.22 in 2019, a decrease desired (dir = −1).
        // Open SDG: CAGR_o = (162/200)^(1/2) − 1 = 0.81^(1/2) − 1 = −0.1; CAGR_r = (131.22/200)^(1/4) − 1 = 0.6561^(1/4) − 1 = −0.1;
        //   p = 1 · (−1) · (−0.1) / |−0.1| = 1 → substantial progress (level 1).
        // UNSD: projection = 162 · 0.9² = 131.22; r = (131.22 − 200) / (131.22 − 200) = 1 → on track (level 1).
        var (open, unsd) = Both(Series(Direction.Decrease, 131.22, 2019, (2015, 200), (2017, 162)));

        Assert.Equal(ProgressStatus.SubstantialProgress, open.Status);
        Near(-0.1, open.ObservedRate);
        Near(-0.1, open.RequiredRate);
        Near(1, open.Score);
        Assert.Equal(ProgressStatus.OnTrack, unsd.Status);
        Near(131.22, unsd.Projection);
        Near(1, unsd.Ratio);
        Assert.False(Progress.Disagree(open, unsd));
        Assert.False(Progress.Disagree(unsd, open));
    }

    [Fact]
    public void Decrease_with_target_moving_up_is_deterioration_and_regression()
    {
        // Base 2015 = 200, latest 2017 = 242, target 131.22 in 2019, a decrease desired.
        // Open SDG: CAGR_o = (1.21)^(1/2) − 1 = 0.1; CAGR_r = −0.1; p = 1 · (−1) · 0.1 / 0.1 = −1 → deterioration.
        // UNSD: projection = 242 · 1.1² = 292.82; r = (292.82 − 200) / (131.22 − 200) = 92.82 / −68.78 = −1.349520 → regression.
        var (open, unsd) = Both(Series(Direction.Decrease, 131.22, 2019, (2015, 200), (2017, 242)));

        Assert.Equal(ProgressStatus.Deterioration, open.Status);
        Near(-1, open.Score);
        Assert.Equal(ProgressStatus.Regression, unsd.Status);
        Near(292.82, unsd.Projection);
        Near(-1.349520, unsd.Ratio);
        Assert.False(Progress.Disagree(open, unsd));
    }

    // ---- A target already achieved -----------------------------------------------------------------------------

    [Fact]
    public void Target_already_achieved_wins_and_the_components_are_still_reported()
    {
        // Base 2015 = 100, latest 2017 = 144 ≥ target 121 (in 2017), an increase desired.
        // Open SDG: target achieved, checked first. Components: CAGR_o = 1.44^(1/2) − 1 = 0.2;
        //   CAGR_r = (121/100)^(1/2) − 1 = 0.1; p = 0.2 / 0.1 = 2.
        // UNSD: the target is met → on track. CAGR = 0.2; projection = 144 · 1.2^(2017 − 2017) = 144;
        //   r = (144 − 100) / (121 − 100) = 44 / 21 = 2.095238.
        var (open, unsd) = Both(Series(Direction.Increase, 121, 2017, (2015, 100), (2017, 144)));

        Assert.Equal(ProgressStatus.TargetAchieved, open.Status);
        Near(0.2, open.ObservedRate);
        Near(0.1, open.RequiredRate);
        Near(2, open.Score);
        Assert.Equal(ProgressStatus.OnTrack, unsd.Status);
        Near(144, unsd.Projection);
        Near(2.095238, unsd.Ratio);
        Assert.False(Progress.Disagree(open, unsd));
    }

    [Fact]
    public void Target_achieved_with_equality_and_a_single_point_decrease()
    {
        // One observation, 2016 = 5, a decrease desired, target 10: 5 ≤ 10, achieved. No rate can be computed
        // (one point), but the target check comes first: target achieved / on track, with no rate.
        var (open, unsd) = Both(Series(Direction.Decrease, 10, null, (2016, 5)));
        Assert.Equal(ProgressStatus.TargetAchieved, open.Status);
        Assert.Null(open.ObservedRate);
        Assert.Null(open.Score);
        Assert.Equal(2030, open.TargetYear);
        Assert.Equal(ProgressStatus.OnTrack, unsd.Status);
        Assert.Null(unsd.Ratio);

        // Equality counts (no tolerance): latest 10 = target 10 with a decrease desired.
        var (openEqual, unsdEqual) = Both(Series(Direction.Decrease, 10, null, (2015, 20), (2017, 10)));
        Assert.Equal(ProgressStatus.TargetAchieved, openEqual.Status);
        Assert.Equal(ProgressStatus.OnTrack, unsdEqual.Status);
    }

    [Fact]
    public void Target_achieved_even_when_the_base_year_is_after_the_data()
    {
        // 2010 = 8, 2012 = 5; base year 2015 (default) has nothing from it on, but 5 ≤ target 10 (decrease): achieved.
        var (open, unsd) = Both(Series(Direction.Decrease, 10, null, (2010, 8), (2012, 5)));
        Assert.Equal(ProgressStatus.TargetAchieved, open.Status);
        Assert.Equal(ProgressStatus.OnTrack, unsd.Status);
        Assert.Null(open.BaseValue);
    }

    // ---- Too little data ---------------------------------------------------------------------------------------

    [Fact]
    public void One_data_point_is_not_available()
    {
        // Only 2018 = 50 (target 80 not met): base year 2015 has no value, so the base is the first year after, 2018,
        // which is also the latest: 2018 − 2018 < 1, "must have at least 2 data points".
        var (open, unsd) = Both(Series(Direction.Increase, 80, null, (2018, 50)));

        foreach (var r in new[] { open, unsd })
        {
            Assert.Equal(ProgressStatus.NotAvailable, r.Status);
            Assert.Equal("one-point", r.NotAvailableReason);
            Assert.Equal(2018, r.BaseYear);
            Near(50, r.BaseValue);
            Assert.Equal(2018, r.LatestYear);
            Assert.Null(r.ObservedRate);
        }
        Assert.False(Progress.Disagree(open, unsd));
    }

    [Fact]
    public void No_data_is_not_available()
    {
        var (open, unsd) = Both(Series(Direction.Increase, 80, null));
        foreach (var r in new[] { open, unsd })
        {
            Assert.Equal(ProgressStatus.NotAvailable, r.Status);
            Assert.Equal("no-data", r.NotAvailableReason);
            Assert.Null(r.BaseYear);
            Assert.Null(r.LatestYear);
            Assert.Null(r.LatestValue);
            Assert.Equal(2030, r.TargetYear);
        }

        // Only absent values (NaN, ±infinity) is no data too.
        var (openNaN, unsdNaN) = Both(Series(Direction.Increase, null, null,
            (2015, double.NaN), (2016, double.PositiveInfinity), (2017, double.NegativeInfinity)));
        Assert.Equal("no-data", openNaN.NotAvailableReason);
        Assert.Equal("no-data", unsdNaN.NotAvailableReason);
    }

    [Fact]
    public void A_base_year_after_the_latest_year_is_not_available()
    {
        // 2010 = 10, 2012 = 12, base year 2015 (default): no observation from 2015 on (sdg-build would fail here).
        var (open, unsd) = Both(Series(Direction.Increase, null, null, (2010, 10), (2012, 12)));
        foreach (var r in new[] { open, unsd })
        {
            Assert.Equal(ProgressStatus.NotAvailable, r.Status);
            Assert.Equal("base-after-latest", r.NotAvailableReason);
            Assert.Equal(2015, r.BaseYear);
            Assert.Null(r.BaseValue);
            Assert.Equal(2012, r.LatestYear);
        }

        // Likewise with an explicit base year after the data and a target not met.
        var late = new ProgressSeries(Direction.Increase, 2020, null, null, 50, Points([(2016, 10), (2018, 12)]));
        Assert.Equal("base-after-latest", OpenSdgProgress.Assess(late).NotAvailableReason);
        Assert.Equal("base-after-latest", UnsdProgress.Assess(late).NotAvailableReason);
    }

    // ---- No target: every band of both methods -----------------------------------------------------------------

    [Theory]
    // Base 2015 (default) = 100, latest 2017 = x; CAGR = (x/100)^(1/2) − 1. Open SDG thresholds 0.015 / 0.005 / 0,
    // UNSD 0.02 / 0.005; both scores are the CAGR signed by the direction (and Open SDG's sign, +1 here).
    // 106.09 = 100 · 1.03²: g = 0.03 ≥ 0.015 substantial; ≥ 0.02 on track.
    [InlineData(106.09, 0.03, ProgressStatus.SubstantialProgress, ProgressStatus.OnTrack)]
    // 103.6324 = 100 · 1.018²: g = 0.018 ≥ 0.015 substantial; 0.005 ≤ 0.018 < 0.02 too slow (they disagree).
    [InlineData(103.6324, 0.018, ProgressStatus.SubstantialProgress, ProgressStatus.TooSlow)]
    // 102.01 = 100 · 1.01²: g = 0.01, 0.005 ≤ 0.01 < 0.015 moderate; 0.005 ≤ 0.01 < 0.02 too slow.
    [InlineData(102.01, 0.01, ProgressStatus.ModerateProgress, ProgressStatus.TooSlow)]
    // 100.6009 = 100 · 1.003²: g = 0.003, 0 ≤ 0.003 < 0.005 limited; 0.003 < 0.005 regression (they disagree).
    [InlineData(100.6009, 0.003, ProgressStatus.LimitedProgress, ProgressStatus.Regression)]
    // 98.01 = 100 · 0.99²: g = −0.01 < 0 deterioration; < 0.005 regression.
    [InlineData(98.01, -0.01, ProgressStatus.Deterioration, ProgressStatus.Regression)]
    public void No_target_bands_increase(double latest, double rate, ProgressStatus openStatus, ProgressStatus unsdStatus)
    {
        var (open, unsd) = Both(Series(Direction.Increase, null, null, (2015, 100), (2017, latest)));

        Assert.Equal(openStatus, open.Status);
        Near(rate, open.ObservedRate);
        Near(rate, open.Score);
        Assert.Null(open.RequiredRate);
        Assert.Null(open.TargetValue);
        Assert.Equal([0.015, 0.005, 0.0], open.Thresholds);

        Assert.Equal(unsdStatus, unsd.Status);
        Near(rate, unsd.ObservedRate);
        Near(rate, unsd.Score);
        Assert.Null(unsd.Projection);
        Assert.Null(unsd.Ratio);
        Assert.Equal([0.02, 0.005], unsd.Thresholds);

        Assert.Equal(Progress.Level(openStatus) != Progress.Level(unsdStatus), Progress.Disagree(open, unsd));
    }

    [Fact]
    public void No_target_decrease_signs_the_rate()
    {
        // 100 → 94.09 = 100 · 0.97² from 2015 to 2017, a decrease desired: CAGR = 0.97 − 1 = −0.03;
        // Open SDG p = sign · dir · CAGR = 1 · (−1) · (−0.03) = 0.03 ≥ 0.015 substantial;
        // UNSD score = −1 · (−0.03) = 0.03 ≥ 0.02 on track.
        var (open, unsd) = Both(Series(Direction.Decrease, null, null, (2015, 100), (2017, 94.09)));
        Assert.Equal(ProgressStatus.SubstantialProgress, open.Status);
        Near(-0.03, open.ObservedRate);
        Near(0.03, open.Score);
        Assert.Equal(ProgressStatus.OnTrack, unsd.Status);
        Near(-0.03, unsd.ObservedRate);
        Near(0.03, unsd.Score);

        // 100 → 106.09 with a decrease desired: CAGR 0.03, score −0.03 → deterioration / regression.
        var (openUp, unsdUp) = Both(Series(Direction.Decrease, null, null, (2015, 100), (2017, 106.09)));
        Assert.Equal(ProgressStatus.Deterioration, openUp.Status);
        Near(-0.03, openUp.Score);
        Assert.Equal(ProgressStatus.Regression, unsdUp.Status);
        Near(-0.03, unsdUp.Score);
    }

    // ---- Zero and negative values ------------------------------------------------------------------------------

    [Fact]
    public void Zero_baseline_is_replaced_by_0_001_in_Open_SDG()
    {
        // 2015 = 0, 2017 = 0.004, an increase desired, no target.
        // Open SDG: sign = +1 (0 is not negative), base 0 → 0.001; CAGR_o = (0.004/0.001)^(1/2) − 1 = 2 − 1 = 1;
        //   p = 1 ≥ 0.015 → substantial; the base value reported is the one used, 0.001.
        // UNSD without a target: the CAGR needs positive values → not available, "non-positive-values".
        var (open, unsd) = Both(Series(Direction.Increase, null, null, (2015, 0), (2017, 0.004)));
        Assert.Equal(ProgressStatus.SubstantialProgress, open.Status);
        Near(0.001, open.BaseValue);
        Near(1, open.ObservedRate);
        Near(1, open.Score);
        Assert.Equal(ProgressStatus.NotAvailable, unsd.Status);
        Assert.Equal("non-positive-values", unsd.NotAvailableReason);
        Near(0, unsd.BaseValue);
        Assert.Null(unsd.ObservedRate);
    }

    [Fact]
    public void Zero_baseline_with_a_target_the_methods_disagree()
    {
        // 2015 = 0, 2017 = 0.004, target 0.01 in 2019, an increase desired.
        // Open SDG: base 0.001; CAGR_o = 1 (above); CAGR_r = (0.01/0.001)^(1/4) − 1 = 10^0.25 − 1 = 1.778279 − 1 = 0.778279;
        //   p = 1 / 0.778279 = 1.284886 ≥ 0.95 → substantial (level 1).
        // UNSD: base 0, so linear: change = (0.004 − 0) / 2 = 0.002 a year; projection = 0.004 + 0.002 · 2 = 0.008;
        //   r = (0.008 − 0) / (0.01 − 0) = 0.8 → too slow (level 2). Observed rate null.
        var (open, unsd) = Both(Series(Direction.Increase, 0.01, 2019, (2015, 0), (2017, 0.004)));
        Assert.Equal(ProgressStatus.SubstantialProgress, open.Status);
        Near(0.778279, open.RequiredRate);
        Near(1.284886, open.Score);
        Assert.Equal(ProgressStatus.TooSlow, unsd.Status);
        Assert.Null(unsd.ObservedRate);
        Near(0.008, unsd.Projection);
        Near(0.8, unsd.Ratio);
        Assert.True(Progress.Disagree(open, unsd));
    }

    [Fact]
    public void Zero_target_is_replaced_by_0_001_in_Open_SDG()
    {
        // 2015 = 0.004, 2017 = 0.001, target 0 in 2030 (default), a decrease desired.
        // Open SDG: target 0 → 0.001; 0.001 ≤ 0.001 → target achieved (without the replacement it would not be).
        //   CAGR_o = (0.25)^(1/2) − 1 = −0.5; CAGR_r = (0.001/0.004)^(1/15) − 1 = 0.25^(1/15) − 1 = −0.088278;
        //   p = (−1) · (−0.5) / 0.088278 = 5.663957.
        // UNSD keeps 0: 0.001 > 0 not met. CAGR = −0.5; projection = 0.001 · 0.5^(2030 − 2017) = 0.001 / 8192 = 1.220703125e−7;
        //   r = (1.220703125e−7 − 0.004) / (0 − 0.004) = 1 − 3.0517578125e−5 = 0.999969 ≥ 0.95 → on track.
        var (open, unsd) = Both(Series(Direction.Decrease, 0, null, (2015, 0.004), (2017, 0.001)));
        Assert.Equal(ProgressStatus.TargetAchieved, open.Status);
        Near(0.001, open.TargetValue);
        Near(-0.5, open.ObservedRate);
        Near(-0.088278, open.RequiredRate);
        Near(5.663957, open.Score);
        Assert.Equal(ProgressStatus.OnTrack, unsd.Status);
        Near(0, unsd.TargetValue);
        Near(1.220703125e-7, unsd.Projection);
        Near(0.999969, unsd.Ratio);
    }

    [Fact]
    public void Zero_baseline_and_a_negative_latest_value_have_opposite_signs_in_Open_SDG()
    {
        // 2015 = 0 → 0.001 > 0, 2017 = −1 < 0: opposite signs. UNSD without a target: non-positive values.
        var (open, unsd) = Both(Series(Direction.Increase, null, null, (2015, 0), (2017, -1)));
        Assert.Equal("opposite-signs", open.NotAvailableReason);
        Near(0.001, open.BaseValue);
        Assert.Equal("non-positive-values", unsd.NotAvailableReason);
    }

    [Fact]
    public void Negative_baseline_flips_the_sign_in_Open_SDG()
    {
        // 2015 = −100, 2017 = −81, an increase desired, no target.
        // Open SDG: CAGR_o = (−81/−100)^(1/2) − 1 = 0.9 − 1 = −0.1; sign = −1 (negative base), dir = +1;
        //   p = (−1) · 1 · (−0.1) = 0.1 ≥ 0.015 → substantial (rising towards 0 is the increase desired).
        // UNSD without a target: non-positive values.
        var (open, unsd) = Both(Series(Direction.Increase, null, null, (2015, -100), (2017, -81)));
        Assert.Equal(ProgressStatus.SubstantialProgress, open.Status);
        Near(-0.1, open.ObservedRate);
        Near(0.1, open.Score);
        Assert.Equal(ProgressStatus.NotAvailable, unsd.Status);
        Assert.Equal("non-positive-values", unsd.NotAvailableReason);

        // The same series with a decrease desired: p = (−1) · (−1) · (−0.1) = −0.1 < 0 → deterioration.
        var decrease = OpenSdgProgress.Assess(Series(Direction.Decrease, null, null, (2015, -100), (2017, -81)));
        Assert.Equal(ProgressStatus.Deterioration, decrease.Status);
        Near(-0.1, decrease.Score);
    }

    [Fact]
    public void Negative_baseline_with_a_target_Open_SDG_flips_and_UNSD_projects_linearly()
    {
        // 2015 = −100, 2017 = −81, target −65.61 in 2019, an increase desired.
        // Open SDG: CAGR_o = −0.1; CAGR_r = (−65.61/−100)^(1/4) − 1 = 0.6561^(1/4) − 1 = 0.9 − 1 = −0.1;
        //   p = (−1) · 1 · (−0.1) / 0.1 = 1 → substantial.
        // UNSD: base < 0, so linear: change = (−81 − (−100)) / 2 = 9.5 a year; projection = −81 + 9.5 · 2 = −62;
        //   r = (−62 − (−100)) / (−65.61 − (−100)) = 38 / 34.39 = 1.104972 → on track; observed rate null.
        var (open, unsd) = Both(Series(Direction.Increase, -65.61, 2019, (2015, -100), (2017, -81)));
        Assert.Equal(ProgressStatus.SubstantialProgress, open.Status);
        Near(-0.1, open.RequiredRate);
        Near(1, open.Score);
        Assert.Equal(ProgressStatus.OnTrack, unsd.Status);
        Assert.Null(unsd.ObservedRate);
        Near(-62, unsd.Projection);
        Near(1.104972, unsd.Ratio);
    }

    [Fact]
    public void Opposite_signs_are_not_available_in_Open_SDG_and_projected_linearly_by_UNSD()
    {
        // 2015 = −10, 2017 = 5, target 20 in 2019, an increase desired.
        // Open SDG: base < 0 and current > 0 → not available, "opposite-signs".
        // UNSD: linear: change = (5 − (−10)) / 2 = 7.5; projection = 5 + 7.5 · 2 = 20; r = (20 + 10) / (20 + 10) = 1 → on track.
        var (open, unsd) = Both(Series(Direction.Increase, 20, 2019, (2015, -10), (2017, 5)));
        Assert.Equal(ProgressStatus.NotAvailable, open.Status);
        Assert.Equal("opposite-signs", open.NotAvailableReason);
        Assert.Null(open.ObservedRate);
        Assert.Null(open.Score);
        Assert.Equal(ProgressStatus.OnTrack, unsd.Status);
        Near(20, unsd.Projection);
        Near(1, unsd.Ratio);
        Assert.False(Progress.Disagree(open, unsd));

        // Without a target: Open SDG opposite signs, UNSD non-positive values.
        var (openNoTarget, unsdNoTarget) = Both(Series(Direction.Increase, null, null, (2015, -10), (2017, 5)));
        Assert.Equal("opposite-signs", openNoTarget.NotAvailableReason);
        Assert.Equal("non-positive-values", unsdNoTarget.NotAvailableReason);
    }

    [Fact]
    public void A_target_of_the_other_sign_than_the_baseline_is_not_available_in_Open_SDG()
    {
        // 2015 = −10, 2017 = −5, target 5 in 2019, an increase desired.
        // Open SDG: CAGR_o = (0.5)^(1/2) − 1 = −0.292893; CAGR_r would be (5/−10)^(1/4) − 1, a negative number to a
        //   fractional power → not available, "target-opposite-sign" (the observed rate is still shown).
        // UNSD: linear: change = (−5 + 10) / 2 = 2.5; projection = −5 + 2.5 · 2 = 0; r = (0 + 10) / (5 + 10) = 0.666667 → too slow.
        var (open, unsd) = Both(Series(Direction.Increase, 5, 2019, (2015, -10), (2017, -5)));
        Assert.Equal(ProgressStatus.NotAvailable, open.Status);
        Assert.Equal("target-opposite-sign", open.NotAvailableReason);
        Near(-0.292893, open.ObservedRate);
        Assert.Null(open.RequiredRate);
        Assert.Null(open.Score);
        Assert.Equal(ProgressStatus.TooSlow, unsd.Status);
        Near(0, unsd.Projection);
        Near(0.666667, unsd.Ratio);
    }

    // ---- Choosing the baseline ---------------------------------------------------------------------------------

    [Fact]
    public void Missing_base_year_takes_the_first_year_after_and_ignores_years_before()
    {
        // 2013 = 50, 2016 = 100, 2018 = 121; base year 2015 (default) has no value: the base is 2016 = 100 (2013 is
        // before the base year and is ignored). CAGR = (121/100)^(1/2) − 1 = 0.1 (had 2013 been used:
        // (121/50)^(1/5) − 1 = 0.193337). Open SDG p = 0.1 ≥ 0.015 substantial; UNSD 0.1 ≥ 0.02 on track.
        var (open, unsd) = Both(Series(Direction.Increase, null, null, (2013, 50), (2016, 100), (2018, 121)));
        foreach (var r in new[] { open, unsd })
        {
            Assert.Equal(2016, r.BaseYear);
            Near(100, r.BaseValue);
            Assert.Equal(2018, r.LatestYear);
            Near(0.1, r.ObservedRate);
            Near(0.1, r.Score);
        }
        Assert.Equal(ProgressStatus.SubstantialProgress, open.Status);
        Assert.Equal(ProgressStatus.OnTrack, unsd.Status);
    }

    [Fact]
    public void An_explicit_base_year_with_data_is_used()
    {
        // Base year 2016 asked for: 2015 = 100 is ignored, base 2016 = 110, latest 2018 = 133.1:
        // CAGR = (133.1/110)^(1/2) − 1 = 1.21^(1/2) − 1 = 0.1.
        var r = OpenSdgProgress.Assess(Based(Direction.Increase, 2016, null, (2015, 100), (2016, 110), (2018, 133.1)));
        Assert.Equal(2016, r.BaseYear);
        Near(110, r.BaseValue);
        Near(0.1, r.ObservedRate);
    }

    [Fact]
    public void An_explicit_base_value_replaces_the_observation_of_the_base_year()
    {
        // 2015 = 100, 2017 = 121, base value 81 given for 2015: CAGR = (121/81)^(1/2) − 1 = 11/9 − 1 = 2/9 = 0.222222.
        var (open, unsd) = Both(Based(Direction.Increase, 2015, 81, (2015, 100), (2017, 121)));
        foreach (var r in new[] { open, unsd })
        {
            Assert.Equal(2015, r.BaseYear);
            Near(81, r.BaseValue);
            Near(0.222222, r.ObservedRate);
        }

        // A base value for a year without an observation: 2014 = 100 given; 2013 = 10 is before it (ignored);
        // latest 2016 = 121: CAGR = (121/100)^(1/(2016 − 2014)) − 1 = 0.1.
        var (open2, unsd2) = Both(Based(Direction.Increase, 2014, 100, (2013, 10), (2016, 121)));
        foreach (var r in new[] { open2, unsd2 })
        {
            Assert.Equal(2014, r.BaseYear);
            Near(100, r.BaseValue);
            Near(0.1, r.ObservedRate);
        }
    }

    [Fact]
    public void An_explicit_base_value_of_the_latest_year_leaves_one_point()
    {
        // The base value joins the series as its year's value: base 2020 = 50 after observations up to 2018 makes
        // 2020 both the baseline and the latest year → one point.
        var (open, unsd) = Both(Based(Direction.Increase, 2020, 50, (2016, 40), (2018, 45)));
        Assert.Equal("one-point", open.NotAvailableReason);
        Assert.Equal("one-point", unsd.NotAvailableReason);
        Assert.Equal(2020, open.LatestYear);
        Near(50, open.LatestValue);
    }

    // ---- Guards ------------------------------------------------------------------------------------------------

    [Fact]
    public void Duplicate_years_are_rejected()
    {
        var s = Series(Direction.Increase, null, null, (2015, 1), (2016, 2), (2015, 3));
        var open = Assert.Throws<ArgumentException>(() => OpenSdgProgress.Assess(s));
        Assert.Contains("2015", open.Message);
        Assert.Throws<ArgumentException>(() => UnsdProgress.Assess(s));
        Assert.Throws<ArgumentException>(() => Progress.AssessAll(s));
    }

    [Fact]
    public void NaN_and_infinite_inputs_are_ignored()
    {
        // 2015 = NaN and 2015 = 100 (the NaN is dropped first, so 2015 is not a repeated year), 2016 = NaN,
        // 2017 = 121, 2019 = +∞ (dropped, so 2017 is the latest). Base value NaN → none given; target NaN → no target.
        // CAGR = (121/100)^(1/2) − 1 = 0.1: substantial / on track, as without the absent values.
        var s = new ProgressSeries(Direction.Increase, 2015, double.NaN, 2030, double.NaN,
            Points([(2015, double.NaN), (2015, 100), (2016, double.NaN), (2017, 121), (2019, double.PositiveInfinity)]));
        var (open, unsd) = Both(s);
        foreach (var r in new[] { open, unsd })
        {
            Assert.Equal(2017, r.LatestYear);
            Near(100, r.BaseValue);
            Assert.Null(r.TargetValue);
            Near(0.1, r.ObservedRate);
        }
        Assert.Equal(ProgressStatus.SubstantialProgress, open.Status);
        Assert.Equal(ProgressStatus.OnTrack, unsd.Status);

        // An infinite target is no target either.
        var infinite = UnsdProgress.Assess(s with { TargetValue = double.PositiveInfinity });
        Assert.Null(infinite.TargetValue);
        Assert.Equal([0.02, 0.005], infinite.Thresholds);
    }

    [Fact]
    public void Target_equal_to_the_baseline_is_deterioration_or_regression_without_dividing_by_zero()
    {
        // 2015 = 100, 2017 = 81, target 100 in 2019, an increase desired: 81 < 100, not achieved.
        // Open SDG: CAGR_o = −0.1; CAGR_r = (100/100)^(1/4) − 1 = 0; p = −0.1 / 0 = −∞ (as in sdg-build's numpy
        //   division) → deterioration, reported with a null score.
        // UNSD: target − base = 0, r undefined → regression with a null ratio; projection = 81 · 0.9² = 65.61.
        var (open, unsd) = Both(Series(Direction.Increase, 100, 2019, (2015, 100), (2017, 81)));
        Assert.Equal(ProgressStatus.Deterioration, open.Status);
        Near(0, open.RequiredRate);
        Assert.Null(open.Score);
        Assert.Equal(ProgressStatus.Regression, unsd.Status);
        Assert.Null(unsd.Ratio);
        Near(65.61, unsd.Projection);

        // Latest 100 = target 100 = base: met → target achieved / on track.
        var (openMet, unsdMet) = Both(Series(Direction.Increase, 100, 2019, (2015, 100), (2017, 100)));
        Assert.Equal(ProgressStatus.TargetAchieved, openMet.Status);
        Assert.Equal(ProgressStatus.OnTrack, unsdMet.Status);
    }

    [Fact]
    public void A_target_on_the_wrong_side_of_the_baseline_not_met_is_regression_in_UNSD()
    {
        // 2015 = 100, 2017 = 81, target 90 in 2019 (below the base although an increase is desired); 81 < 90 not met.
        // UNSD: r = (65.61 − 100) / (90 − 100) = 3.439 would read "on track" for a fall: regression, ratio null.
        // Open SDG: CAGR_r = 0.9^(1/4) − 1 = −0.025996; p = 1 · 1 · (−0.1) / 0.025996 = −3.846708 → deterioration.
        var (open, unsd) = Both(Series(Direction.Increase, 90, 2019, (2015, 100), (2017, 81)));
        Assert.Equal(ProgressStatus.Regression, unsd.Status);
        Assert.Null(unsd.Ratio);
        Assert.Equal(ProgressStatus.Deterioration, open.Status);
        Near(-0.025996, open.RequiredRate);
        Near(-3.846708, open.Score);
    }

    [Fact]
    public void A_target_year_equal_to_the_base_year_is_not_available_in_Open_SDG()
    {
        // 2015 = 100, 2017 = 121, target 150 in 2015: CAGR_r would need 1 / (2015 − 2015).
        // UNSD: projection = 121 · 1.1^(2015 − 2017) = 121 / 1.21 = 100; r = (100 − 100) / (150 − 100) = 0 < 0.10 → regression.
        var (open, unsd) = Both(Series(Direction.Increase, 150, 2015, (2015, 100), (2017, 121)));
        Assert.Equal("target-year-at-base", open.NotAvailableReason);
        Near(0.1, open.ObservedRate);
        Assert.Equal(ProgressStatus.Regression, unsd.Status);
        Near(100, unsd.Projection);
        Near(0, unsd.Ratio);
    }

    [Fact]
    public void Overflowing_values_never_reach_the_result()
    {
        // 2015 = 1, 2016 = 1e300, target 1e301 in 2030: UNSD CAGR = 1e300 − 1; projection = 1e300 · (1e300)^14 = +∞,
        // r = +∞ ≥ 0.95 → on track, with null projection and ratio. Open SDG: CAGR_r = (1e301)^(1/15) − 1 ≈ 1.1659e20,
        // p ≈ 1e300 / 1.1659e20, finite → substantial.
        var (open, unsd) = Both(Series(Direction.Increase, 1e301, null, (2015, 1), (2016, 1e300)));
        Assert.Equal(ProgressStatus.SubstantialProgress, open.Status);
        Assert.Equal(ProgressStatus.OnTrack, unsd.Status);
        Assert.Null(unsd.Projection);
        Assert.Null(unsd.Ratio);

        // Linear: 2015 = −1e308, 2016 = 1e308, target 1.5e308 in 2016: change = 2e308 = +∞ a year, times 0 years = NaN;
        // target − base = +∞ as well → r is NaN → not available, "not-finite". Open SDG: opposite signs.
        var (openNaN, unsdNaN) = Both(Series(Direction.Increase, 1.5e308, 2016, (2015, -1e308), (2016, 1e308)));
        Assert.Equal("not-finite", unsdNaN.NotAvailableReason);
        Assert.Equal("opposite-signs", openNaN.NotAvailableReason);
    }

    // ---- Comparing the methods ---------------------------------------------------------------------------------

    [Fact]
    public void The_methods_disagree_on_slow_growth_towards_a_target()
    {
        // 2015 = 100, 2016 = 101, target 144 in 2017, an increase desired.
        // Open SDG: CAGR_o = 1.01 − 1 = 0.01; CAGR_r = (1.44)^(1/2) − 1 = 0.2; p = 0.01 / 0.2 = 0.05, 0 ≤ p < 0.6 → limited (level 2).
        // UNSD: projection = 101 · 1.01^(2017 − 2016) = 102.01; r = (102.01 − 100) / (144 − 100) = 2.01 / 44 = 0.045682
        //   < 0.10 → regression (level 3).
        var (open, unsd) = Both(Series(Direction.Increase, 144, 2017, (2015, 100), (2016, 101)));
        Assert.Equal(ProgressStatus.LimitedProgress, open.Status);
        Near(0.01, open.ObservedRate);
        Near(0.2, open.RequiredRate);
        Near(0.05, open.Score);
        Assert.Equal(ProgressStatus.Regression, unsd.Status);
        Near(102.01, unsd.Projection);
        Near(0.045682, unsd.Ratio);
        Assert.True(Progress.Disagree(open, unsd));
        Assert.True(Progress.Disagree(unsd, open));
    }

    [Fact]
    public void Not_available_never_disagrees()
    {
        var available = OpenSdgProgress.Assess(Series(Direction.Increase, null, null, (2015, 100), (2017, 121)));
        var missing = UnsdProgress.Assess(Series(Direction.Increase, null, null));
        Assert.False(Progress.Disagree(available, missing));
        Assert.False(Progress.Disagree(missing, available));
        Assert.False(Progress.Disagree(missing, missing));
    }

    [Theory]
    [InlineData(ProgressStatus.TargetAchieved, 1)]
    [InlineData(ProgressStatus.SubstantialProgress, 1)]
    [InlineData(ProgressStatus.OnTrack, 1)]
    [InlineData(ProgressStatus.ModerateProgress, 2)]
    [InlineData(ProgressStatus.LimitedProgress, 2)]
    [InlineData(ProgressStatus.TooSlow, 2)]
    [InlineData(ProgressStatus.Deterioration, 3)]
    [InlineData(ProgressStatus.Regression, 3)]
    [InlineData(ProgressStatus.NotAvailable, null)]
    public void Levels(ProgressStatus status, int? level) => Assert.Equal(level, Progress.Level(status));

    [Fact]
    public void Wire_codes()
    {
        Assert.Equal(
            ["not_available", "target_achieved", "substantial_progress", "moderate_progress", "limited_progress",
             "deterioration", "on_track", "too_slow", "regression"],
            Enum.GetValues<ProgressStatus>().Select(ProgressStatusCodes.Code));
        Assert.Equal("open-sdg", ProgressMethodCodes.Code(ProgressMethod.OpenSdg));
        Assert.Equal("unsd", ProgressMethodCodes.Code(ProgressMethod.Unsd));
    }

    /// <summary>Records holding lists compare the lists by reference; this compares them by content.</summary>
    private sealed class ResultComparer : IEqualityComparer<ProgressResult>
    {
        public static readonly ResultComparer Instance = new();

        private static readonly double[] None = [];

        public bool Equals(ProgressResult? x, ProgressResult? y) =>
            x is not null && y is not null && x with { Thresholds = None } == y with { Thresholds = None }
            && x.Thresholds.SequenceEqual(y.Thresholds);

        public int GetHashCode(ProgressResult obj) => obj.Status.GetHashCode();
    }
}
