using System.Xml.Linq;
using Rumbo.Core.Capacities;

namespace Rumbo.Core.Tests.Capacities;

/// <summary>The profile's chart as SVG: long area titles broken into lines, not cut; the narrow drawing for phones.</summary>
public sealed class CapacityChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const string LongTitle = "4. Evaluación, valor público y establecimiento de una cultura de aprendizaje continuo en la gestión pública";

    private static IReadOnlyList<CapacityBarGroup> Groups =>
    [
        new(LongTitle, [new("Técnica", CapacityDimension.Technical, 25), new("Operativa", CapacityDimension.Operational, null)]),
        new("1. Short", [new("Técnica", CapacityDimension.Technical, 100)]),
    ];

    private static readonly CapacityChartLabels Labels = new("TOPP", "Scores", "Not answered", "Gap threshold (50)");

    [Theory]
    [InlineData(CapacityChart.Layout.Wide, 640, 72)]
    [InlineData(CapacityChart.Layout.Narrow, 350, 40)]
    public void A_long_area_title_is_broken_into_lines_within_the_drawing_and_every_word_is_kept(CapacityChart.Layout layout, int width, int chars)
    {
        var svg = XElement.Parse(CapacityChart.Render(Groups, Labels, "c", layout));
        Assert.Equal($"0 0 {width}", string.Join(' ', svg.Attribute("viewBox")!.Value.Split(' ').Take(3)));
        var title = svg.Elements(Svg + "text").First(t => t.Attribute("font-weight")?.Value == "bold");
        var lines = title.Elements(Svg + "tspan").Select(t => t.Value).ToList();
        Assert.True(lines.Count >= 2, $"one line: {string.Join('|', lines)}");
        Assert.All(lines, l => Assert.True(l.Length <= chars, $"\"{l}\" is longer than {chars} characters"));
        Assert.Equal(LongTitle, string.Join(' ', lines));
        // The bars start below the title's last line.
        var lastLine = double.Parse(title.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture) + 17 * (lines.Count - 1);
        var firstBar = svg.Elements(Svg + "rect").Select(r => double.Parse(r.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture)).Min();
        Assert.True(firstBar > lastLine, $"first bar at {firstBar}, title's last line at {lastLine}");
        Assert.Single(svg.Elements(Svg + "text"), t => t.Value == "1. Short" || t.Elements(Svg + "tspan").Any(s => s.Value == "1. Short"));
        Assert.Contains(svg.Elements(Svg + "text"), t => t.Value == "Not answered");
    }

    [Fact]
    public void Wrapping_keeps_a_word_longer_than_the_line_whole()
    {
        Assert.Equal(["a", "Transversalización", "b c"], CapacityChart.Wrap("a Transversalización b c", 5));
        Assert.Equal([""], CapacityChart.Wrap("", 10));
    }
}
