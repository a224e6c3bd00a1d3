using System.Globalization;
using System.Text;
using System.Xml;

namespace Rumbo.Core.Indicators.Charts;

/// <summary>One observation on a chart.</summary>
public sealed record ChartPoint(int Year, double Value);

/// <summary>
/// A line of the chart. Style index picks both a colour and a dash pattern and a marker shape, so lines differ without
/// colour (see <see cref="SeriesChart.StyleFor"/>).
/// </summary>
public sealed record ChartLine(string Label, IReadOnlyList<ChartPoint> Points, int Style = 0);

/// <summary>The baseline, the target and the milestones on the way. A null value is not drawn.</summary>
public sealed record ChartTarget(int BaselineYear, double? BaselineValue, int TargetYear, double? TargetValue, IReadOnlyList<ChartPoint> Milestones);

/// <summary>
/// The texts of a chart, already in the reader's language. <see cref="NoData"/> is shown in place of a chart when there
/// is nothing to draw.
/// </summary>
public sealed record ChartLabels(
    string Title, string Description, string Baseline, string Target, string Milestone, string YearAxis, string ValueAxis,
    string NoData = "No data");

/// <summary>The shape of a line's markers.</summary>
public enum ChartMarker
{
    Circle,
    Square,
    TriangleUp,
    Diamond,
    TriangleDown,
    Plus,
}

/// <summary>How a line looks: a colour with at least 3:1 contrast on white, a dash pattern ("" = solid) and a marker.</summary>
public readonly record struct ChartStyle(string Colour, string DashArray, ChartMarker Marker);

/// <summary>
/// Draws an indicator's time series as a hand-made SVG, on the server, so that a page shows its chart without
/// JavaScript, prints it, and reads it without colour (WCAG 2.2 AA: lines differ by dash pattern and marker shape too,
/// every mark has a text title, the legend is text). The SVG uses presentation attributes only (no <c>style</c>
/// attribute, no <c>&lt;style&gt;</c>, no script, no external reference), so a strict content-security policy allows it.
/// </summary>
public static class SeriesChart
{
    public const double DefaultFontSize = 14;

    /// <summary>Colours with at least 3:1 contrast against white (non-text contrast, WCAG 1.4.11).</summary>
    public static readonly IReadOnlyList<string> Palette = ["#1f5fa8", "#b5472b", "#2e7d32", "#6a3d9a", "#8a6d00", "#00695c"];

    /// <summary>Dash patterns for a line of width 2; "" is solid.</summary>
    public static readonly IReadOnlyList<string> DashPatterns = ["", "8 4", "2 3", "12 3 2 3", "5 5", "12 3 2 3 2 3"];

    private const string TextColour = "#1a1a1a";
    private const string TickTextColour = "#404040";
    private const string GridColour = "#e0e0e0";
    private const string AxisColour = "#767676";
    private const string TargetColour = "#1a1a1a";
    private const string White = "#ffffff";
    private const double MaxMagnitude = 1e300;
    private const int MinWidth = 160;
    private const int MinHeight = 120;
    private const int MaxSize = 10000;
    private const double Pad = 8;
    private const double MarkerSize = 4.5;
    private const double BaselineRadius = 7;
    private const double SampleWidth = 30;
    private const double SampleGap = 6;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// The look of a style index: colour and marker cycle through six; the dash pattern shifts by one every six styles, so
    /// the first 36 styles are all different pairs of marker and dash.
    /// </summary>
    public static ChartStyle StyleFor(int style)
    {
        var s = (int)(((long)style % 36 + 36) % 36);
        var n = Palette.Count;
        return new ChartStyle(Palette[s % n], DashPatterns[(s + s / n) % DashPatterns.Count], (ChartMarker)(s % 6));
    }

    /// <summary>
    /// Returns a complete <c>&lt;svg&gt;</c> element as a string (to be written raw into HTML), with role="img",
    /// aria-labelledby pointing at a <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c> inside it (ids made unique with
    /// <paramref name="idPrefix"/>), a viewBox (width × height, default 640 × 320) and width="100%" so it scales to a
    /// phone and keeps its aspect ratio. When the legend needs more rows than the height leaves room for, the viewBox
    /// grows taller rather than squeezing the plot. Never throws: NaN and infinite values are skipped, and a chart with
    /// nothing to draw is a small SVG saying <see cref="ChartLabels.NoData"/>.
    /// </summary>
    /// <param name="formatValue">Formats a value for the reader (ticks and titles), by culture.</param>
    /// <param name="fontSize">Text size in viewBox units; at 640 wide on a 390 px phone, 14 shows as about 8.5 px.</param>
    public static string Render(
        IReadOnlyList<ChartLine> lines, ChartTarget? target, ChartLabels labels, string idPrefix, Func<double, string> formatValue,
        int width = 640, int height = 320, double fontSize = DefaultFontSize)
    {
        labels ??= new ChartLabels("", "", "", "", "", "", "");
        formatValue ??= static v => v.ToString("G", Inv);
        string Format(double v)
        {
            var text = formatValue(v);
            return text ?? "";
        }
        double w = Math.Clamp(width, MinWidth, MaxSize);
        double h = Math.Clamp(height, MinHeight, MaxSize);
        var fs = double.IsFinite(fontSize) ? Math.Clamp(fontSize, 6, 48) : DefaultFontSize;
        var id = SanitizeId(idPrefix);

        var series = Normalise(lines);
        double? baseValue = target?.BaselineValue is double bv && Plottable(bv) ? bv : null;
        double? targetValue = target?.TargetValue is double tv && Plottable(tv) ? tv : null;
        var milestones = target is null ? [] : ValidPoints(target.Milestones);

        var values = new List<double>();
        var years = new List<long>();
        foreach (var s in series)
        {
            foreach (var p in s.Points)
            {
                values.Add(p.Value);
                years.Add(p.Year);
            }
        }
        if (baseValue is double b0) values.Add(b0);
        if (targetValue is double t0) values.Add(t0);
        foreach (var m in milestones)
        {
            values.Add(m.Value);
            years.Add(m.Year);
        }
        if (values.Count == 0) return RenderEmpty(labels, id, w, fs);
        if (target is not null)
        {
            years.Add(target.BaselineYear);
            years.Add(target.TargetYear);
        }

        var lineH = fs * 1.3;
        var charW = fs * 0.6;

        // Value scale and the left margin its labels need.
        var yScale = NiceScale(values.Min(), values.Max());
        var yLabels = yScale.Ticks.Select(Format).ToList();
        var plotLeft = Math.Clamp(Pad + yLabels.Max(l => TextWidth(l, charW)) + 10, Pad + 12, w * 0.45);
        var plotRight = w - Math.Max(Pad, 2 * charW + 4);
        var plotW = plotRight - plotLeft;

        // Top: the value axis' title.
        var valueTitle = string.IsNullOrWhiteSpace(labels.ValueAxis) ? [] : Wrap(labels.ValueAxis, MaxChars(w - 2 * Pad, charW));
        var plotTop = Pad + valueTitle.Count * lineH + (valueTitle.Count > 0 ? fs * 0.4 : 0) + 8;

        // Bottom: year labels, the year axis' title and the legend.
        var yearTitle = string.IsNullOrWhiteSpace(labels.YearAxis) ? [] : Wrap(labels.YearAxis, MaxChars(plotW, charW));
        var legend = LayoutLegend(LegendEntries(series, labels, baseValue is not null, targetValue is not null, milestones.Count > 0),
            w - 2 * Pad, fs, lineH, charW);
        var bottomBlock = 6 + lineH + yearTitle.Count * lineH + (legend.Height > 0 ? 10 + legend.Height : 0) + Pad;
        var minPlot = Math.Max(60, fs * 5);
        var plotBottom = h - bottomBlock;
        if (plotBottom - plotTop < minPlot)
        {
            h = Math.Ceiling(plotTop + minPlot + bottomBlock);
            plotBottom = h - bottomBlock;
        }

        // Year scale.
        long minYear = years.Min(), maxYear = years.Max();
        double x0 = minYear, x1 = maxYear;
        if (minYear == maxYear)
        {
            x0 -= 1;
            x1 += 1;
        }
        var inset = Math.Max(12, fs * 0.8);
        double X(double year) => plotLeft + inset + (year - x0) / (x1 - x0) * (plotW - 2 * inset);
        double Y(double v) => plotBottom - (v - yScale.Min) / (yScale.Max - yScale.Min) * (plotBottom - plotTop);
        var yearLabelW = Math.Max(Year(minYear).Length, Year(maxYear).Length) * charW;
        var maxYearLabels = Math.Clamp((int)((plotW - 2 * inset) / (yearLabelW + fs)) + 1, 2, 8);
        var yearTicks = YearTicks((long)x0, (long)x1, maxYearLabels);

        var sb = new StringBuilder(8192);
        sb.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(w)} {N(h)}\" width=\"100%\" ");
        sb.Append(Inv, $"preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" ");
        sb.Append(Inv, $"font-family=\"inherit\" font-size=\"{N(fs)}\">");
        sb.Append(Inv, $"<title id=\"{id}-title\">{Esc(labels.Title)}</title>");
        sb.Append(Inv, $"<desc id=\"{id}-desc\">{Esc(labels.Description)}</desc>");
        sb.Append(Inv, $"<rect x=\"0\" y=\"0\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"{White}\"/>");

        // Gridlines.
        sb.Append(Inv, $"<g class=\"grid\" stroke=\"{GridColour}\" stroke-width=\"1\" fill=\"none\">");
        foreach (var t in yScale.Ticks)
        {
            sb.Append(Inv, $"<line x1=\"{N(plotLeft)}\" y1=\"{N(Y(t))}\" x2=\"{N(plotRight)}\" y2=\"{N(Y(t))}\"/>");
        }
        foreach (var yr in yearTicks)
        {
            sb.Append(Inv, $"<line x1=\"{N(X(yr))}\" y1=\"{N(plotTop)}\" x2=\"{N(X(yr))}\" y2=\"{N(plotBottom)}\"/>");
        }
        sb.Append("</g>");

        // Axes, ticks and their labels.
        sb.Append(Inv, $"<g class=\"axes\" stroke=\"{AxisColour}\" stroke-width=\"1\" fill=\"none\">");
        sb.Append(Inv, $"<line x1=\"{N(plotLeft)}\" y1=\"{N(plotTop)}\" x2=\"{N(plotLeft)}\" y2=\"{N(plotBottom)}\"/>");
        sb.Append(Inv, $"<line x1=\"{N(plotLeft)}\" y1=\"{N(plotBottom)}\" x2=\"{N(plotRight)}\" y2=\"{N(plotBottom)}\"/>");
        if (yScale.Min < 0 && yScale.Max > 0)
        {
            sb.Append(Inv, $"<line class=\"zero\" x1=\"{N(plotLeft)}\" y1=\"{N(Y(0))}\" x2=\"{N(plotRight)}\" y2=\"{N(Y(0))}\"/>");
        }
        foreach (var t in yScale.Ticks)
        {
            sb.Append(Inv, $"<line x1=\"{N(plotLeft - 4)}\" y1=\"{N(Y(t))}\" x2=\"{N(plotLeft)}\" y2=\"{N(Y(t))}\"/>");
        }
        foreach (var yr in yearTicks)
        {
            sb.Append(Inv, $"<line x1=\"{N(X(yr))}\" y1=\"{N(plotBottom)}\" x2=\"{N(X(yr))}\" y2=\"{N(plotBottom + 4)}\"/>");
        }
        sb.Append("</g>");
        sb.Append(Inv, $"<g class=\"tick-labels\" fill=\"{TickTextColour}\">");
        for (var i = 0; i < yScale.Ticks.Count; i++)
        {
            sb.Append(Inv, $"<text class=\"y-tick\" x=\"{N(plotLeft - 7)}\" y=\"{N(Y(yScale.Ticks[i]))}\" dy=\"0.35em\" text-anchor=\"end\">");
            sb.Append(Esc(yLabels[i])).Append("</text>");
        }
        var yearLabelY = plotBottom + 6 + fs;
        foreach (var yr in yearTicks)
        {
            sb.Append(Inv, $"<text class=\"x-tick\" x=\"{N(X(yr))}\" y=\"{N(yearLabelY)}\" text-anchor=\"middle\">{Year(yr)}</text>");
        }
        sb.Append("</g>");
        if (valueTitle.Count > 0)
        {
            sb.Append(Inv, $"<text class=\"axis-title value-axis\" fill=\"{TextColour}\" text-anchor=\"start\">");
            for (var i = 0; i < valueTitle.Count; i++)
            {
                sb.Append(Inv, $"<tspan x=\"{N(Pad)}\" y=\"{N(Pad + i * lineH + fs)}\">{Esc(valueTitle[i])}</tspan>");
            }
            sb.Append("</text>");
        }
        if (yearTitle.Count > 0)
        {
            var cx = (plotLeft + plotRight) / 2;
            sb.Append(Inv, $"<text class=\"axis-title year-axis\" fill=\"{TextColour}\" text-anchor=\"middle\">");
            for (var i = 0; i < yearTitle.Count; i++)
            {
                sb.Append(Inv, $"<tspan x=\"{N(cx)}\" y=\"{N(yearLabelY + (i + 1) * lineH)}\">{Esc(yearTitle[i])}</tspan>");
            }
            sb.Append("</text>");
        }

        // Beneath the lines: the path from baseline to target, and the milestones on it.
        if (target is not null && ((baseValue is not null && targetValue is not null) || milestones.Count > 0))
        {
            sb.Append("<g class=\"target\">");
            if (baseValue is double bvalue && targetValue is double tvalue)
            {
                sb.Append(Inv, $"<line class=\"target-path\" x1=\"{N(X(target.BaselineYear))}\" y1=\"{N(Y(bvalue))}\" x2=\"{N(X(target.TargetYear))}\" y2=\"{N(Y(tvalue))}\" ");
                sb.Append(Inv, $"stroke=\"{TargetColour}\" stroke-width=\"1.25\" stroke-dasharray=\"3 3\" fill=\"none\"/>");
            }
            foreach (var m in milestones)
            {
                var title = $"{labels.Milestone}, {Year(m.Year)}: {Format(m.Value)}";
                AppendPolygon(sb, "milestone", DiamondPoints(X(m.Year), Y(m.Value), 3.5), White, TargetColour, 1.5, title);
            }
            sb.Append("</g>");
        }

        // Lines: consecutive points are joined whatever the years between them; markers only where there is data.
        foreach (var s in series)
        {
            sb.Append(Inv, $"<g class=\"series\" fill=\"{s.Style.Colour}\" stroke=\"{s.Style.Colour}\">");
            if (s.Points.Count > 1)
            {
                sb.Append("<polyline class=\"line\" points=\"");
                for (var i = 0; i < s.Points.Count; i++)
                {
                    if (i > 0) sb.Append(' ');
                    sb.Append(N(X(s.Points[i].Year))).Append(',').Append(N(Y(s.Points[i].Value)));
                }
                sb.Append("\" fill=\"none\" stroke-width=\"2\" stroke-linejoin=\"round\"");
                if (s.Style.DashArray.Length > 0) sb.Append(Inv, $" stroke-dasharray=\"{s.Style.DashArray}\"");
                sb.Append("/>");
            }
            foreach (var p in s.Points)
            {
                var title = $"{s.Label}, {Year(p.Year)}: {Format(p.Value)}";
                AppendMarker(sb, s.Style.Marker, X(p.Year), Y(p.Value), MarkerSize, "marker", s.Style.Colour, White, 1, title);
            }
            sb.Append("</g>");
        }

        // Above the lines: the baseline as a ring (a data marker under it stays visible), the target as a star.
        if (target is not null && (baseValue is not null || targetValue is not null))
        {
            sb.Append("<g class=\"target\">");
            double bx = X(target.BaselineYear), tx = X(target.TargetYear);
            var plot = (plotLeft, plotTop, plotBottom);
            // The baseline's label goes on the side away from the target, so the two labels do not meet.
            var targetAbove = baseValue is not double bb || targetValue is not double tt || tt >= bb;
            if (baseValue is double bvl)
            {
                var by = Y(bvl);
                var title = $"{labels.Baseline}, {Year(target.BaselineYear)}: {Format(bvl)}";
                sb.Append(Inv, $"<circle class=\"baseline\" cx=\"{N(bx)}\" cy=\"{N(by)}\" r=\"{N(BaselineRadius)}\" fill=\"none\" stroke=\"{TargetColour}\" stroke-width=\"2\">");
                sb.Append(Inv, $"<title>{Esc(title)}</title></circle>");
                AppendPointLabel(sb, "baseline-label", labels.Baseline, bx, by, above: !targetAbove || targetValue is null, plot, w, fs, charW);
            }
            if (targetValue is double tvl)
            {
                var ty = Y(tvl);
                var title = $"{labels.Target}, {Year(target.TargetYear)}: {Format(tvl)}";
                AppendPolygon(sb, "target-marker", StarPoints(tx, ty, 8, 3.4), TargetColour, White, 1, title);
                AppendPointLabel(sb, "target-label", labels.Target, tx, ty, above: targetAbove, plot, w, fs, charW);
            }
            sb.Append("</g>");
        }

        // Legend, under the chart.
        if (legend.Items.Count > 0)
        {
            var top = yearLabelY + fs * 0.3 + yearTitle.Count * lineH + 10;
            sb.Append(Inv, $"<g class=\"legend\" fill=\"{TextColour}\">");
            foreach (var item in legend.Items)
            {
                var ix = Pad + item.X;
                var iy = top + item.Y;
                var cy = iy + lineH / 2;
                sb.Append("<g class=\"legend-item\">");
                AppendSample(sb, item.Entry, ix, cy);
                sb.Append("<text>");
                for (var i = 0; i < item.Lines.Count; i++)
                {
                    var y = cy + fs * 0.35 + i * lineH;
                    sb.Append(Inv, $"<tspan x=\"{N(ix + SampleWidth + SampleGap)}\" y=\"{N(y)}\">{Esc(item.Lines[i])}</tspan>");
                }
                sb.Append("</text></g>");
            }
            sb.Append("</g>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>A "nice" value scale: 4 to 6 ticks a step of 1, 2 or 5 × 10ⁿ apart, covering min and max.</summary>
    internal static ValueScale NiceScale(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            min = 0;
            max = 1;
        }
        if (min > max) (min, max) = (max, min);
        var magnitude = Math.Max(Math.Abs(min), Math.Abs(max));
        if (max - min <= magnitude * 1e-9)
        {
            // One value (or several equal ones): pad it by a tenth either way, or show 0 to 1.
            if (magnitude == 0)
            {
                min = 0;
                max = 1;
            }
            else
            {
                var mid = (min + max) / 2;
                min = mid - magnitude * 0.1;
                max = mid + magnitude * 0.1;
            }
        }
        // Zero is shown when it costs at most 30 % of the height; 180 to 220 is not stretched down to 0.
        if (min >= 0 && min <= 0.3 * max) min = 0;
        else if (max <= 0 && max >= 0.3 * min) max = 0;

        // Of the steps 1, 2, 5 × 10ⁿ, the one whose ticks span the least; a step that gives fewer than 4 ticks gets one
        // more on the side with less room (never crossing zero), since some ranges (4.5 to 5.5) have no step giving 4 to 6.
        int[] mantissas = [1, 2, 5];
        var exponent = (int)Math.Floor(Math.Log10(max - min)) - 1;
        ValueScale? best = null;
        for (var e = exponent; e < exponent + 4; e++)
        {
            foreach (var m in mantissas)
            {
                var step = TickValue(1, m, e);
                var kMin = Math.Floor(min / step + 1e-9);
                var kMax = Math.Ceiling(max / step - 1e-9);
                if (kMax - kMin + 1 > 6) continue;
                while (kMax - kMin + 1 < 4)
                {
                    var roomBelow = min - kMin * step;
                    var roomAbove = kMax * step - max;
                    var canGoBelow = min < 0 || kMin > 0;
                    var canGoAbove = max > 0 || kMax < 0;
                    if (canGoBelow && (!canGoAbove || roomBelow <= roomAbove)) kMin--;
                    else kMax++;
                }
                var ticks = new List<double>();
                for (var k = kMin; k <= kMax; k++) ticks.Add(TickValue(k, m, e));
                if (ticks.Count < 2 || !ticks.All(double.IsFinite) || ticks[^1] <= ticks[0]) continue;
                if (best is null || ticks[^1] - ticks[0] < best.Max - best.Min) best = new ValueScale(ticks[0], ticks[^1], step, ticks);
            }
        }
        if (best is not null) return best;
        // Only for values so small or large that powers of ten stop being exact: plain ticks over the range.
        var fallback = Enumerable.Range(0, 5).Select(i => min + (max - min) * i / 4).ToList();
        return new ValueScale(min, max, (max - min) / 4, fallback);
    }

    /// <summary>
    /// Year ticks: multiples of the smallest step of 1, 2, 5 × 10ⁿ years that gives at most <paramref name="maxLabels"/>.
    /// </summary>
    internal static IReadOnlyList<long> YearTicks(long from, long to, int maxLabels)
    {
        if (from > to) (from, to) = (to, from);
        maxLabels = Math.Max(1, maxLabels);
        for (long decade = 1; decade <= 1_000_000_000_000; decade *= 10)
        {
            foreach (var m in (long[])[1, 2, 5])
            {
                var step = m * decade;
                var first = CeilDiv(from, step) * step;
                var last = FloorDiv(to, step) * step;
                var count = first > last ? 0 : (last - first) / step + 1;
                if (count > maxLabels) continue;
                var ticks = new List<long>();
                for (var y = first; y <= last; y += step) ticks.Add(y);
                if (ticks.Count == 0) ticks.Add(from);
                return ticks;
            }
        }
        return [from];
    }

    internal sealed record ValueScale(double Min, double Max, double Step, IReadOnlyList<double> Ticks);

    private sealed record Series(string Label, List<ChartPoint> Points, ChartStyle Style);

    private enum EntryKind
    {
        Line,
        Baseline,
        Target,
        Milestone,
    }

    private sealed record LegendEntry(EntryKind Kind, string Label, ChartStyle Style);

    private sealed record PlacedEntry(LegendEntry Entry, IReadOnlyList<string> Lines, double X, double Y);

    private sealed record LegendLayout(IReadOnlyList<PlacedEntry> Items, double Height);

    private static List<LegendEntry> LegendEntries(List<Series> series, ChartLabels labels, bool baseline, bool target, bool milestones)
    {
        var entries = series.Select(s => new LegendEntry(EntryKind.Line, s.Label, s.Style)).ToList();
        var none = new ChartStyle(TargetColour, "", ChartMarker.Circle);
        if (baseline) entries.Add(new LegendEntry(EntryKind.Baseline, labels.Baseline ?? "", none));
        if (target) entries.Add(new LegendEntry(EntryKind.Target, labels.Target ?? "", none));
        if (milestones) entries.Add(new LegendEntry(EntryKind.Milestone, labels.Milestone ?? "", none));
        return entries;
    }

    /// <summary>Places the legend's entries left to right, starting a new row when one would overflow; long labels wrap.</summary>
    private static LegendLayout LayoutLegend(List<LegendEntry> entries, double available, double fs, double lineH, double charW)
    {
        var placed = new List<PlacedEntry>();
        if (entries.Count == 0) return new LegendLayout(placed, 0);
        var maxChars = MaxChars(available - SampleWidth - SampleGap, charW);
        var gap = fs * 1.2;
        const double rowGap = 4;
        double x = 0, rowTop = 0, rowHeight = 0;
        foreach (var entry in entries)
        {
            var lines = Wrap(entry.Label, maxChars);
            var itemW = SampleWidth + SampleGap + lines.Max(l => TextWidth(l, charW));
            var itemH = lines.Count * lineH;
            if (x > 0 && x + itemW > available)
            {
                rowTop += rowHeight + rowGap;
                x = 0;
                rowHeight = 0;
            }
            placed.Add(new PlacedEntry(entry, lines, x, rowTop));
            x += itemW + gap;
            rowHeight = Math.Max(rowHeight, itemH);
        }
        return new LegendLayout(placed, rowTop + rowHeight);
    }

    private static void AppendSample(StringBuilder sb, LegendEntry entry, double x, double cy)
    {
        var mid = x + SampleWidth / 2;
        switch (entry.Kind)
        {
            case EntryKind.Line:
                sb.Append(Inv, $"<line x1=\"{N(x)}\" y1=\"{N(cy)}\" x2=\"{N(x + SampleWidth)}\" y2=\"{N(cy)}\" stroke=\"{entry.Style.Colour}\" stroke-width=\"2\"");
                if (entry.Style.DashArray.Length > 0) sb.Append(Inv, $" stroke-dasharray=\"{entry.Style.DashArray}\"");
                sb.Append("/>");
                AppendMarker(sb, entry.Style.Marker, mid, cy, MarkerSize, "legend-marker", entry.Style.Colour, White, 1, null);
                break;
            case EntryKind.Baseline:
                sb.Append(Inv, $"<circle cx=\"{N(mid)}\" cy=\"{N(cy)}\" r=\"{N(BaselineRadius)}\" fill=\"none\" stroke=\"{TargetColour}\" stroke-width=\"2\"/>");
                break;
            case EntryKind.Target:
                sb.Append(Inv, $"<line x1=\"{N(x)}\" y1=\"{N(cy)}\" x2=\"{N(x + SampleWidth)}\" y2=\"{N(cy)}\" stroke=\"{TargetColour}\" stroke-width=\"1.25\" stroke-dasharray=\"3 3\"/>");
                AppendPolygon(sb, null, StarPoints(mid, cy, 8, 3.4), TargetColour, White, 1, null);
                break;
            case EntryKind.Milestone:
                AppendPolygon(sb, null, DiamondPoints(mid, cy, 3.5), White, TargetColour, 1.5, null);
                break;
        }
    }

    /// <summary>
    /// A baseline's or target's name above or below its marker, kept inside the plot (it flips side rather than run
    /// into the axis labels), with a white halo so it reads over lines and gridlines.
    /// </summary>
    private static void AppendPointLabel(
        StringBuilder sb, string cssClass, string? text, double cx, double cy, bool above,
        (double Left, double Top, double Bottom) plot, double w, double fs, double charW)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var textW = TextWidth(text, charW);
        var left = plot.Left + 2;
        var right = w - Pad;
        var x = textW >= right - left ? Math.Max(Pad + textW / 2, (left + right) / 2) : Math.Clamp(cx, left + textW / 2, right - textW / 2);
        var offset = BaselineRadius + 3;
        var yAbove = cy - offset - fs * 0.2;
        var yBelow = cy + offset + fs * 0.8;
        if (above && yAbove - fs * 0.8 < plot.Top) above = false;
        else if (!above && yBelow > plot.Bottom - 2) above = true;
        var y = above ? yAbove : yBelow;
        y = Math.Max(y, fs);
        sb.Append(Inv, $"<text class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"middle\" fill=\"{TextColour}\" ");
        sb.Append(Inv, $"stroke=\"{White}\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">{Esc(text)}</text>");
    }

    private static void AppendMarker(
        StringBuilder sb, ChartMarker shape, double cx, double cy, double r, string cssClass, string fill, string stroke, double strokeWidth, string? title)
    {
        var paint = $"fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\"";
        string element;
        switch (shape)
        {
            case ChartMarker.Circle:
                element = "circle";
                sb.Append(Inv, $"<circle class=\"{cssClass}\" cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" {paint}");
                break;
            case ChartMarker.Square:
                element = "rect";
                var side = r * 1.7;
                sb.Append(Inv, $"<rect class=\"{cssClass}\" x=\"{N(cx - side / 2)}\" y=\"{N(cy - side / 2)}\" width=\"{N(side)}\" height=\"{N(side)}\" {paint}");
                break;
            default:
                element = "polygon";
                sb.Append(Inv, $"<polygon class=\"{cssClass}\" points=\"{PolygonPoints(shape, cx, cy, r)}\" {paint}");
                break;
        }
        if (title is null)
        {
            sb.Append("/>");
        }
        else
        {
            sb.Append(Inv, $"><title>{Esc(title)}</title></{element}>");
        }
    }

    private static void AppendPolygon(StringBuilder sb, string? cssClass, string points, string fill, string stroke, double strokeWidth, string? title)
    {
        sb.Append("<polygon");
        if (cssClass is not null) sb.Append(Inv, $" class=\"{cssClass}\"");
        sb.Append(Inv, $" points=\"{points}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\"");
        if (title is null) sb.Append("/>");
        else sb.Append(Inv, $"><title>{Esc(title)}</title></polygon>");
    }

    private static string PolygonPoints(ChartMarker shape, double cx, double cy, double r) => shape switch
    {
        ChartMarker.TriangleUp => Points(cx, cy, [(0, -1.25 * r), (1.15 * r, 0.85 * r), (-1.15 * r, 0.85 * r)]),
        ChartMarker.TriangleDown => Points(cx, cy, [(0, 1.25 * r), (1.15 * r, -0.85 * r), (-1.15 * r, -0.85 * r)]),
        ChartMarker.Diamond => DiamondPoints(cx, cy, r * 1.3),
        _ => PlusPoints(cx, cy, r * 1.25, r * 0.45),
    };

    private static string DiamondPoints(double cx, double cy, double r) => Points(cx, cy, [(0, -r), (r, 0), (0, r), (-r, 0)]);

    private static string PlusPoints(double cx, double cy, double arm, double half) => Points(cx, cy,
    [
        (-half, -arm), (half, -arm), (half, -half), (arm, -half), (arm, half), (half, half),
        (half, arm), (-half, arm), (-half, half), (-arm, half), (-arm, -half), (-half, -half),
    ]);

    private static string StarPoints(double cx, double cy, double outer, double inner)
    {
        var offsets = new (double, double)[10];
        for (var i = 0; i < 10; i++)
        {
            var radius = i % 2 == 0 ? outer : inner;
            var angle = -Math.PI / 2 + i * Math.PI / 5;
            offsets[i] = (radius * Math.Cos(angle), radius * Math.Sin(angle));
        }
        return Points(cx, cy, offsets);
    }

    private static string Points(double cx, double cy, (double Dx, double Dy)[] offsets) =>
        string.Join(' ', offsets.Select(o => N(cx + o.Dx) + "," + N(cy + o.Dy)));

    private static string RenderEmpty(ChartLabels labels, string id, double w, double fs)
    {
        var noData = string.IsNullOrWhiteSpace(labels.NoData) ? "No data" : labels.NoData;
        var description = string.IsNullOrWhiteSpace(labels.Description) ? noData : labels.Description;
        var h = Math.Ceiling(fs * 4);
        var sb = new StringBuilder(512);
        sb.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(w)} {N(h)}\" width=\"100%\" ");
        sb.Append(Inv, $"preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" ");
        sb.Append(Inv, $"font-family=\"inherit\" font-size=\"{N(fs)}\">");
        sb.Append(Inv, $"<title id=\"{id}-title\">{Esc(labels.Title)}</title>");
        sb.Append(Inv, $"<desc id=\"{id}-desc\">{Esc(description)}</desc>");
        sb.Append(Inv, $"<rect x=\"0.5\" y=\"0.5\" width=\"{N(w - 1)}\" height=\"{N(h - 1)}\" fill=\"{White}\" stroke=\"{GridColour}\"/>");
        sb.Append(Inv, $"<text class=\"no-data\" x=\"{N(w / 2)}\" y=\"{N(h / 2)}\" dy=\"0.35em\" text-anchor=\"middle\" fill=\"{TextColour}\">{Esc(noData)}</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static List<Series> Normalise(IReadOnlyList<ChartLine>? lines)
    {
        var result = new List<Series>();
        if (lines is null) return result;
        foreach (var line in lines)
        {
            if (line is null) continue;
            var points = ValidPoints(line.Points);
            if (points.Count > 0) result.Add(new Series(line.Label ?? "", points, StyleFor(line.Style)));
        }
        return result;
    }

    private static List<ChartPoint> ValidPoints(IReadOnlyList<ChartPoint>? points) =>
        points is null ? [] : points.Where(p => p is not null && Plottable(p.Value)).OrderBy(p => p.Year).ToList();

    private static bool Plottable(double v) => double.IsFinite(v) && Math.Abs(v) <= MaxMagnitude;

    /// <summary>m × 10^e × k, computed so that decimal ticks (0.1, 0.3) are the doubles nearest to them.</summary>
    private static double TickValue(double k, int m, int e)
    {
        var v = e >= 0 ? k * m * Math.Pow(10, e) : k * m / Math.Pow(10, -e);
        return v == 0 ? 0 : v;
    }

    private static long FloorDiv(long a, long b) => a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0);

    private static long CeilDiv(long a, long b) => -FloorDiv(-a, b);

    private static string Year(long year) => year.ToString(Inv);

    private static int MaxChars(double width, double charW) => Math.Max(1, (int)(width / charW));

    private static double TextWidth(string? text, double charW) =>
        string.IsNullOrEmpty(text) ? 0 : new StringInfo(text).LengthInTextElements * charW;

    /// <summary>Breaks a text into lines of at most <paramref name="maxChars"/> characters, at spaces where it can.</summary>
    internal static List<string> Wrap(string? text, int maxChars)
    {
        maxChars = Math.Max(1, maxChars);
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > maxChars)
            {
                if (current.Length > 0)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                }
                var cut = maxChars > 1 && char.IsHighSurrogate(rest[maxChars - 1]) ? maxChars - 1 : maxChars;
                lines.Add(rest[..cut]);
                rest = rest[cut..];
            }
            if (rest.Length == 0) continue;
            if (current.Length == 0)
            {
                current.Append(rest);
            }
            else if (current.Length + 1 + rest.Length <= maxChars)
            {
                current.Append(' ').Append(rest);
            }
            else
            {
                lines.Add(current.ToString());
                current.Clear().Append(rest);
            }
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current.ToString());
        return lines;
    }

    /// <summary>A number for a coordinate: invariant culture, at most one decimal, never "-0".</summary>
    private static string N(double v)
    {
        if (!double.IsFinite(v)) return "0";
        var r = Math.Round(v, 1, MidpointRounding.AwayFromZero);
        return (r == 0 ? 0 : r).ToString("0.#", Inv);
    }

    /// <summary>Text for XML content or attributes: the five special characters escaped, characters XML forbids dropped.</summary>
    internal static string Esc(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[i + 1]);
                        i++;
                    }
                    else if (XmlConvert.IsXmlChar(c))
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>An id prefix made safe for HTML and XML: ASCII letters, digits, '-' and '_', starting with a letter.</summary>
    private static string SanitizeId(string? prefix)
    {
        var sb = new StringBuilder();
        foreach (var c in prefix ?? "") sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        if (sb.Length == 0 || !char.IsAsciiLetter(sb[0])) sb.Insert(0, "chart-");
        return sb.ToString();
    }
}
