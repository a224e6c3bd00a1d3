using System.Globalization;
using System.Text;

namespace Rumbo.Core.Capacities;

/// <summary>A bar of the profile's chart: the dimension's name (already in the reader's language) and its score, null when unanswered.</summary>
public sealed record CapacityBar(string Label, CapacityDimension Dimension, double? Score);

/// <summary>An area of the chart: its label and its four bars.</summary>
public sealed record CapacityBarGroup(string Label, IReadOnlyList<CapacityBar> Bars);

/// <summary>The chart's texts in the reader's language.</summary>
public sealed record CapacityChartLabels(string Title, string Description, string NotAnswered, string Threshold);

/// <summary>
/// A country's profile as horizontal bars, one per area and dimension, drawn on the server as SVG with presentation
/// attributes only (the content-security policy forbids inline styles). It reads without colour: every bar is named by
/// its dimension and carries its score as text, the dimensions differ by hatching too, and the gap threshold is a dashed
/// line named in the legend.
/// </summary>
public static class CapacityChart
{
    private const int BarHeight = 16;
    private const int BarGap = 6;
    private const int LineHeight = 17;

    /// <summary>Colours with at least 3:1 contrast on white, one per dimension.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#1f5fa8", "#b5472b", "#2e7d32", "#6a3d9a"];

    /// <summary>
    /// The two layouts: wide for a desktop column (drawn at up to 640 px), narrow for a phone, where the wide one would be
    /// scaled down to about half and its text with it. The page shows one or the other by the screen's width.
    /// </summary>
    public enum Layout { Wide, Narrow }

    private sealed record Measures(int Width, int LabelWidth, int ScoreRoom, int AreaChars, int FontSize, int TitleSize);

    private static Measures For(Layout layout) => layout == Layout.Wide
        ? new Measures(640, 150, 70, 72, 13, 14)
        // Drawn at about 350 px on a 390 px screen, so one unit is about one pixel: 12-13 px text, a shorter label column.
        : new Measures(350, 104, 34, 40, 12, 13);

    public static string Render(IReadOnlyList<CapacityBarGroup> groups, CapacityChartLabels labels, string id, Layout layout = Layout.Wide)
    {
        var m = For(layout);
        var barLeft = m.LabelWidth + 8;
        var barMax = m.Width - barLeft - m.ScoreRoom;
        var titles = groups.Select(g => Wrap(g.Label, m.AreaChars)).ToList();
        var height = 30 + groups.Select((g, i) => titles[i].Count * LineHeight + 9 + g.Bars.Count * (BarHeight + BarGap)).Sum() + 10;
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"capacity-chart capacity-chart-{(layout == Layout.Wide ? "wide" : "narrow")}\" viewBox=\"0 0 {m.Width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        sb.Append(c, $"<title id=\"{id}-title\">{E(labels.Title)}</title><desc id=\"{id}-desc\">{E(labels.Description)}</desc>");
        sb.Append("<defs>");
        for (var i = 0; i < Palette.Count; i++)
        {
            // Hatching differs per dimension: none, diagonal, horizontal, crossed.
            sb.Append(c, $"<pattern id=\"{id}-p{i}\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\"><rect width=\"6\" height=\"6\" fill=\"{Palette[i]}\"/>");
            sb.Append(i switch
            {
                1 => "<path d=\"M0 6 L6 0\" stroke=\"#ffffff\" stroke-width=\"1.2\"/>",
                2 => "<path d=\"M0 3 L6 3\" stroke=\"#ffffff\" stroke-width=\"1.2\"/>",
                3 => "<path d=\"M0 6 L6 0 M0 0 L6 6\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
                _ => "",
            });
            sb.Append("</pattern>");
        }
        sb.Append("</defs>");
        // The scale: 0, 50 (the gap threshold, dashed) and 100.
        var top = 20;
        foreach (var tick in new[] { 0, 50, 100 })
        {
            var x = barLeft + barMax * tick / 100.0;
            sb.Append(c, $"<text x=\"{x:0.#}\" y=\"14\" font-size=\"12\" text-anchor=\"middle\" fill=\"#404040\">{tick}</text>");
            sb.Append(c, $"<line x1=\"{x:0.#}\" y1=\"{top}\" x2=\"{x:0.#}\" y2=\"{height - 10}\" stroke=\"{(tick == 50 ? "#404040" : "#bdbdbd")}\" stroke-width=\"1\"{(tick == 50 ? " stroke-dasharray=\"4 3\"" : "")}><title>{(tick == 50 ? E(labels.Threshold) : tick.ToString(c))}</title></line>");
        }
        var y = top + 4;
        for (var gi = 0; gi < groups.Count; gi++)
        {
            var g = groups[gi];
            // A long area title is broken into lines rather than cut at the chart's edge.
            sb.Append(c, $"<text x=\"0\" y=\"{y + 14}\" font-size=\"{m.TitleSize}\" font-weight=\"bold\" fill=\"#1a1a1a\">");
            for (var li = 0; li < titles[gi].Count; li++)
                sb.Append(c, $"<tspan x=\"0\" dy=\"{(li == 0 ? 0 : LineHeight)}\">{E(titles[gi][li])}</tspan>");
            sb.Append("</text>");
            y += titles[gi].Count * LineHeight + 9;
            foreach (var b in g.Bars)
            {
                var d = (int)b.Dimension;
                sb.Append(c, $"<text x=\"{m.LabelWidth}\" y=\"{y + 12}\" font-size=\"{m.FontSize}\" text-anchor=\"end\" fill=\"#1a1a1a\">{E(b.Label)}</text>");
                if (b.Score is double s)
                {
                    var w = Math.Max(1, barMax * s / 100.0);
                    var text = s.ToString("0", c);
                    sb.Append(c, $"<rect x=\"{barLeft}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{BarHeight}\" fill=\"url(#{id}-p{d})\" stroke=\"{Palette[d]}\"><title>{E(g.Label)}, {E(b.Label)}: {text}</title></rect>");
                    sb.Append(c, $"<text x=\"{barLeft + w + 6:0.#}\" y=\"{y + 12}\" font-size=\"{m.FontSize}\" fill=\"#1a1a1a\">{text}</text>");
                }
                else
                {
                    sb.Append(c, $"<text x=\"{barLeft + 4}\" y=\"{y + 12}\" font-size=\"{m.FontSize}\" font-style=\"italic\" fill=\"#404040\">{E(labels.NotAnswered)}</text>");
                }
                y += BarHeight + BarGap;
            }
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Breaks a text at spaces into lines of at most <paramref name="chars"/> characters (a longer word stays whole).</summary>
    public static IReadOnlyList<string> Wrap(string text, int chars)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > chars)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line.ToString());
        return lines;
    }

    private static string E(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
