using System.Globalization;
using System.Xml.Linq;
using Rumbo.Core.Indicators.Charts;

namespace Rumbo.Core.Tests.Indicators;

/// <summary>
/// The server-side SVG chart: every output is parsed as XML and its structure checked (accessible name, markers,
/// ticks, target marks, legend, geometry inside the viewBox), not compared as text.
/// </summary>
public sealed class SeriesChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly ChartLabels Labels = new(
        "Poverty rate", "Share of people below the poverty line, 2015 to 2024", "Baseline", "Target", "Milestone", "Year", "Percent");

    private static string Fmt(double v) => v.ToString("R", Inv);

    private static ChartLine Line(string label, int style, params (int Year, double Value)[] points) =>
        new(label, points.Select(p => new ChartPoint(p.Year, p.Value)).ToList(), style);

    private static ChartTarget Target(int baseYear, double? baseValue, int targetYear, double? targetValue, params (int Year, double Value)[] milestones) =>
        new(baseYear, baseValue, targetYear, targetValue, milestones.Select(p => new ChartPoint(p.Year, p.Value)).ToList());

    private static string Render(IReadOnlyList<ChartLine> lines, ChartTarget? target = null, ChartLabels? labels = null, int width = 640, int height = 320) =>
        SeriesChart.Render(lines, target, labels ?? Labels, "ind-1-2", Fmt, width, height);

    private static XDocument Parse(string svg) => XDocument.Parse(svg);

    private static IEnumerable<XElement> ByClass(XContainer root, string cssClass) =>
        root.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    private static double Num(XElement e, string attribute) => double.Parse((string)e.Attribute(attribute)!, NumberStyles.Float, Inv);

    private static List<double> YTicks(XDocument doc) => ByClass(doc, "y-tick").Select(e => double.Parse(e.Value, NumberStyles.Float, Inv)).ToList();

    private static List<string> XTicks(XDocument doc) => ByClass(doc, "x-tick").Select(e => e.Value).ToList();

    private static (double Width, double Height) ViewBox(XDocument doc)
    {
        var parts = ((string)doc.Root!.Attribute("viewBox")!).Split(' ').Select(p => double.Parse(p, Inv)).ToArray();
        Assert.Equal(0, parts[0]);
        Assert.Equal(0, parts[1]);
        return (parts[2], parts[3]);
    }

    private static List<(double X, double Y)> PointList(string points) =>
        points.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(','))
            .Select(p => (double.Parse(p[0], Inv), double.Parse(p[1], Inv)))
            .ToList();

    /// <summary>The markers of each line, in order of the lines.</summary>
    private static List<List<XElement>> SeriesMarkers(XDocument doc) =>
        ByClass(doc, "series").Select(g => ByClass(g, "marker").ToList()).ToList();

    /// <summary>
    /// Every coordinate (x, y, x1…, cx, cy, a rect's far corner, a circle's extent, polygon and polyline points) and
    /// every text's estimated extent (0.6 × font size per character) lies inside the viewBox.
    /// </summary>
    private static void AssertInsideViewBox(XDocument doc)
    {
        var (w, h) = ViewBox(doc);
        var fs = Num(doc.Root!, "font-size");
        const double eps = 0.05;
        void InX(double x) => Assert.InRange(x, -eps, w + eps);
        void InY(double y) => Assert.InRange(y, -eps, h + eps);
        foreach (var e in doc.Root!.Descendants())
        {
            foreach (var a in new[] { "x", "x1", "x2", "cx" }) if (e.Attribute(a) is not null) InX(Num(e, a));
            foreach (var a in new[] { "y", "y1", "y2", "cy" }) if (e.Attribute(a) is not null) InY(Num(e, a));
            if (e.Name == Svg + "rect")
            {
                InX(Num(e, "x") + Num(e, "width"));
                InY(Num(e, "y") + Num(e, "height"));
            }
            if (e.Name == Svg + "circle")
            {
                var r = Num(e, "r");
                InX(Num(e, "cx") - r);
                InX(Num(e, "cx") + r);
                InY(Num(e, "cy") - r);
                InY(Num(e, "cy") + r);
            }
            if (e.Attribute("points") is { } points)
            {
                foreach (var (x, y) in PointList(points.Value))
                {
                    InX(x);
                    InY(y);
                }
            }
        }
        foreach (var text in doc.Descendants(Svg + "text"))
        {
            var anchor = (string?)text.Attribute("text-anchor") ?? "start";
            var runs = text.Elements(Svg + "tspan").Any() ? text.Elements(Svg + "tspan").ToList() : [text];
            foreach (var run in runs)
            {
                var x = run.Attribute("x") is not null ? Num(run, "x") : Num(text, "x");
                var width = run.Value.Length * 0.6 * fs;
                var (left, right) = anchor switch
                {
                    "middle" => (x - width / 2, x + width / 2),
                    "end" => (x - width, x),
                    _ => (x, x + width),
                };
                Assert.InRange(left, -0.5, w + 0.5);
                Assert.InRange(right, -0.5, w + 0.5);
            }
        }
    }

    private static void AssertNiceTicks(List<double> ticks, double min, double max)
    {
        Assert.InRange(ticks.Count, 4, 6);
        var step = ticks[1] - ticks[0];
        Assert.True(step > 0);
        for (var i = 1; i < ticks.Count; i++) Assert.Equal(step, ticks[i] - ticks[i - 1], step * 1e-9);
        var mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-12));
        Assert.Contains(new[] { 1.0, 2.0, 5.0 }, m => Math.Abs(m - mantissa) < 1e-9);
        foreach (var t in ticks)
        {
            var k = t / step;
            Assert.Equal(Math.Round(k), k, Math.Max(1e-9, Math.Abs(k) * 1e-12));
            // Labels are the shortest form of a decimal, e.g. 0.3 and not 0.30000000000000004.
            var digits = t.ToString("R", Inv).Split('E')[0].Replace("-", "").Replace(".", "").Trim('0');
            Assert.True(digits.Length <= 6, $"tick {t:R} is not a short decimal");
        }
        Assert.True(ticks[0] <= min, $"first tick {ticks[0]} above the minimum {min}");
        Assert.True(ticks[^1] >= max, $"last tick {ticks[^1]} below the maximum {max}");
    }

    [Fact]
    public void Root_is_an_accessible_svg_with_a_viewbox()
    {
        var doc = Parse(Render([Line("Observed", 0, (2015, 30), (2018, 27.5), (2021, 22))]));
        var root = doc.Root!;

        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("0 0 640 320", (string?)root.Attribute("viewBox"));
        Assert.Equal("100%", (string?)root.Attribute("width"));
        Assert.Null(root.Attribute("height"));
        Assert.Equal("inherit", (string?)root.Attribute("font-family"));

        var title = root.Element(Svg + "title");
        var desc = root.Element(Svg + "desc");
        Assert.NotNull(title);
        Assert.NotNull(desc);
        Assert.Equal(Labels.Title, title!.Value);
        Assert.Equal(Labels.Description, desc!.Value);
        Assert.Same(title, root.Elements().First());

        var ids = ((string)root.Attribute("aria-labelledby")!).Split(' ');
        Assert.Equal(2, ids.Length);
        Assert.Equal(title, doc.Descendants().Single(e => (string?)e.Attribute("id") == ids[0]));
        Assert.Equal(desc, doc.Descendants().Single(e => (string?)e.Attribute("id") == ids[1]));
        Assert.All(ids, id => Assert.StartsWith("ind-1-2", id, StringComparison.Ordinal));
    }

    [Fact]
    public void Id_prefix_makes_ids_unique_and_is_made_safe()
    {
        var a = Parse(SeriesChart.Render([Line("A", 0, (2020, 1))], null, Labels, "chart-a", Fmt));
        var b = Parse(SeriesChart.Render([Line("A", 0, (2020, 1))], null, Labels, "9 \"x\"<y>", Fmt));
        var idsA = a.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        var idsB = b.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();

        Assert.Empty(idsA.Intersect(idsB));
        Assert.All(idsB, id => Assert.Matches("^[A-Za-z][A-Za-z0-9_-]*$", id));
        foreach (var id in ((string)b.Root!.Attribute("aria-labelledby")!).Split(' ')) Assert.Contains(id, idsB);
    }

    [Fact]
    public void Each_line_has_a_marker_per_valid_point_and_a_polyline_through_them()
    {
        var lines = new[]
        {
            // 2017 and 2019 are missing: the line still joins 2016 to 2018 to 2020; NaN and infinity are skipped.
            Line("Urban", 0, (2015, 10), (2016, 12), (2018, 13), (2020, 15), (2021, double.NaN), (2022, double.PositiveInfinity)),
            Line("Rural", 1, (2015, 20), (2020, 18)),
            Line("Single", 2, (2019, 17)),
        };
        var doc = Parse(Render(lines));

        var markers = SeriesMarkers(doc);
        Assert.Equal([4, 2, 1], markers.Select(m => m.Count));

        var polylines = ByClass(doc, "series").Select(g => g.Elements(Svg + "polyline").ToList()).ToList();
        Assert.Equal(4, PointList((string)polylines[0].Single().Attribute("points")!).Count);
        Assert.Equal(2, PointList((string)polylines[1].Single().Attribute("points")!).Count);
        Assert.Empty(polylines[2]);

        // The polyline passes through the markers, left to right in year order.
        var vertices = PointList((string)polylines[0].Single().Attribute("points")!);
        var centres = markers[0].Select(m => (Num(m, "cx"), Num(m, "cy"))).ToList();
        Assert.Equal(centres, vertices);
        Assert.True(vertices.Zip(vertices.Skip(1)).All(p => p.First.X < p.Second.X));
        // Higher values are higher up.
        Assert.True(vertices[3].Y < vertices[0].Y);

        var titles = markers[0].Select(m => m.Element(Svg + "title")!.Value).ToList();
        Assert.Equal(["Urban, 2015: 10", "Urban, 2016: 12", "Urban, 2018: 13", "Urban, 2020: 15"], titles);
        AssertInsideViewBox(doc);
    }

    [Fact]
    public void Points_given_out_of_order_are_drawn_in_year_order()
    {
        var doc = Parse(Render([Line("A", 0, (2020, 3), (2015, 1), (2018, 2))]));
        var titles = SeriesMarkers(doc)[0].Select(m => m.Element(Svg + "title")!.Value).ToList();
        Assert.Equal(["A, 2015: 1", "A, 2018: 2", "A, 2020: 3"], titles);
    }

    [Fact]
    public void Texts_are_escaped_and_round_trip()
    {
        const string nasty = "Men & women <15> \"aged\" 'x'";
        var labels = new ChartLabels(nasty, "d<&>", "B&", "T<", "M>", "Y\"", "V'");
        var svg = SeriesChart.Render(
            [Line(nasty, 0, (2015, 1), (2016, 2))], Target(2015, 1, 2030, 5, (2020, 3)), labels, "c", v => "<" + Fmt(v) + "&>");

        Assert.DoesNotContain("<15>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("& ", svg, StringComparison.Ordinal);
        var doc = Parse(svg);
        Assert.Equal(nasty, doc.Root!.Element(Svg + "title")!.Value);
        Assert.Equal("d<&>", doc.Root!.Element(Svg + "desc")!.Value);
        Assert.Equal($"{nasty}, 2015: <1&>", SeriesMarkers(doc)[0][0].Element(Svg + "title")!.Value);
        Assert.Contains(doc.Descendants(Svg + "tspan"), t => t.Value == nasty);
        Assert.Equal("B&, 2015: <1&>", ByClass(doc, "baseline").Single().Element(Svg + "title")!.Value);
        Assert.Equal("M>, 2020: <3&>", ByClass(doc, "milestone").Single().Element(Svg + "title")!.Value);
        Assert.Contains(ByClass(doc, "y-tick"), t => t.Value.StartsWith('<') && t.Value.EndsWith("&>", StringComparison.Ordinal));
        Assert.Contains(doc.Descendants(Svg + "tspan"), t => t.Value == "V'");
    }

    [Fact]
    public void Characters_xml_forbids_are_dropped_rather_than_breaking_the_document()
    {
        var doc = Parse(SeriesChart.Render([Line("bell\u0007 \ud800 end 😀", 0, (2015, 1))], null, Labels with { Title = "a\u0000b" }, "c", Fmt));
        Assert.Equal("ab", doc.Root!.Element(Svg + "title")!.Value);
        Assert.Contains(doc.Descendants(Svg + "tspan"), t => t.Value == "bell  end 😀" || t.Value == "bell end 😀");
    }

    [Theory]
    [InlineData(180, 220, false)]
    [InlineData(10, 100, true)]
    [InlineData(0.012, 0.087, true)]
    [InlineData(-3.2, 7.9, true)]
    [InlineData(1234, 98765, true)]
    [InlineData(52000, 61000, false)]
    [InlineData(-50, -40, false)]
    [InlineData(-95, -10, true)]
    [InlineData(0.3, 0.7, false)]
    [InlineData(99.1, 99.9, false)]
    public void Value_ticks_are_nice_numbers_covering_every_value(double min, double max, bool showsZero)
    {
        var doc = Parse(Render([Line("A", 0, (2015, min), (2020, (min + max) / 2), (2024, max))]));
        var ticks = YTicks(doc);
        AssertNiceTicks(ticks, min, max);
        Assert.Equal(showsZero, ticks.Contains(0));
        AssertInsideViewBox(doc);
    }

    [Fact]
    public void Value_ticks_cover_baseline_target_and_milestones_too()
    {
        var target = Target(2010, 80, 2030, 5, (2020, 120));
        var doc = Parse(Render([Line("A", 0, (2015, 40), (2022, 60))], target));
        AssertNiceTicks(YTicks(doc), 5, 120);
    }

    [Fact]
    public void Value_ticks_are_placed_at_their_values()
    {
        var doc = Parse(Render([Line("A", 0, (2015, 0), (2024, 100))]));
        var ticks = ByClass(doc, "y-tick").Select(e => (Value: double.Parse(e.Value, Inv), Y: Num(e, "y"))).ToList();
        var markers = SeriesMarkers(doc)[0];
        // 0 and 100 are both ticks (0 to 100 by 20), and the markers at 0 and 100 sit on them.
        Assert.Equal(ticks.Single(t => t.Value == 0).Y, Num(markers[0], "cy"), 1);
        Assert.Equal(ticks.Single(t => t.Value == 100).Y, Num(markers[1], "cy"), 1);
    }

    [Theory]
    [InlineData(1990, 2030, 640)]
    [InlineData(2015, 2030, 640)]
    [InlineData(2019, 2020, 640)]
    [InlineData(1900, 2200, 640)]
    [InlineData(2000, 2030, 320)]
    [InlineData(2015, 2024, 200)]
    public void Year_ticks_are_at_most_eight_plain_integers_within_the_years(int first, int last, int width)
    {
        var doc = Parse(Render([Line("A", 0, (first, 1), (last, 2))], width: width));
        var labels = XTicks(doc);
        Assert.InRange(labels.Count, 1, 8);
        Assert.All(labels, l => Assert.Matches("^[0-9]+$", l));
        var years = labels.Select(int.Parse).ToList();
        Assert.All(years, y => Assert.InRange(y, first, last));
        Assert.Equal(years.Order(), years);
        if (years.Count > 1)
        {
            var step = years[1] - years[0];
            Assert.All(years.Zip(years.Skip(1)), p => Assert.Equal(step, p.Second - p.First));
            Assert.Contains(step, new[] { 1, 2, 5, 10, 20, 50, 100, 200 });
        }
        // Labels do not overlap (estimated at 0.6 × font size per digit).
        var fs = Num(doc.Root!, "font-size");
        var xs = ByClass(doc, "x-tick").Select(e => Num(e, "x")).ToList();
        Assert.All(xs.Zip(xs.Skip(1)), p => Assert.True(p.Second - p.First > 4 * 0.6 * fs));
        AssertInsideViewBox(doc);
    }

    [Fact]
    public void Year_axis_spans_points_baseline_target_and_milestones()
    {
        var doc = Parse(Render([Line("A", 0, (2016, 1), (2020, 2))], Target(2010, 1, 2030, 3, (2025, 2.5))));
        var years = XTicks(doc).Select(int.Parse).ToList();
        Assert.Equal(2010, years.First());
        Assert.Equal(2030, years.Last());
        var baselineX = Num(ByClass(doc, "baseline").Single(), "cx");
        var firstMarkerX = Num(SeriesMarkers(doc)[0][0], "cx");
        Assert.True(baselineX < firstMarkerX);
    }

    [Fact]
    public void Target_marker_and_path_only_with_a_target_value()
    {
        var line = Line("A", 0, (2015, 30), (2020, 25));

        var full = Parse(Render([line], Target(2015, 30, 2030, 10)));
        Assert.Single(ByClass(full, "baseline"));
        Assert.Single(ByClass(full, "target-marker"));
        Assert.Single(ByClass(full, "target-path"));
        Assert.Equal("Baseline", ByClass(full, "baseline-label").Single().Value);
        Assert.Equal("Target", ByClass(full, "target-label").Single().Value);
        Assert.Equal("Target, 2030: 10", ByClass(full, "target-marker").Single().Element(Svg + "title")!.Value);
        Assert.Equal("none", (string?)ByClass(full, "target-path").Single().Attribute("fill"));
        Assert.NotNull(ByClass(full, "target-path").Single().Attribute("stroke-dasharray"));
        // The baseline is a ring (a line's marker under it stays visible), the target a filled star, unlike any line's marker.
        Assert.Equal("none", (string?)ByClass(full, "baseline").Single().Attribute("fill"));
        Assert.NotEqual("none", (string?)ByClass(full, "target-marker").Single().Attribute("fill"));
        Assert.Equal(10, PointList((string)ByClass(full, "target-marker").Single().Attribute("points")!).Count);
        AssertInsideViewBox(full);

        var noTarget = Parse(Render([line], Target(2015, 30, 2030, null)));
        Assert.Single(ByClass(noTarget, "baseline"));
        Assert.Empty(ByClass(noTarget, "target-marker"));
        Assert.Empty(ByClass(noTarget, "target-path"));
        Assert.Empty(ByClass(noTarget, "target-label"));

        var noBaseline = Parse(Render([line], Target(2015, null, 2030, 10)));
        Assert.Empty(ByClass(noBaseline, "baseline"));
        Assert.Single(ByClass(noBaseline, "target-marker"));
        Assert.Empty(ByClass(noBaseline, "target-path"));

        var none = Parse(Render([line]));
        Assert.Empty(ByClass(none, "target"));
    }

    [Fact]
    public void Baseline_and_target_labels_stay_between_the_plot_edges()
    {
        // The baseline is the highest value (its label would go above, into the axis title) and the target the lowest
        // (its label would go below, onto the year labels): both flip inside.
        var doc = Parse(Render([Line("A", 0, (2015, 200), (2020, 150))], Target(2015, 200, 2030, 0)));
        var gridYs = ByClass(doc, "grid").Single().Elements(Svg + "line").Where(l => Num(l, "y1") == Num(l, "y2")).Select(l => Num(l, "y1")).ToList();
        var (top, bottom) = (gridYs.Min(), gridYs.Max());
        var fs = Num(doc.Root!, "font-size");
        foreach (var label in ByClass(doc, "baseline-label").Concat(ByClass(doc, "target-label")))
        {
            Assert.InRange(Num(label, "y") - 0.8 * fs, top, bottom);
        }
        // Away from the y-axis' tick labels, too.
        var axisX = ByClass(doc, "axes").Single().Elements(Svg + "line").First();
        var label0 = ByClass(doc, "baseline-label").Single();
        Assert.True(Num(label0, "x") - label0.Value.Length * 0.6 * fs / 2 >= Num(axisX, "x1"));
    }

    [Fact]
    public void Path_to_the_target_runs_from_baseline_to_target()
    {
        var doc = Parse(Render([Line("A", 0, (2016, 28))], Target(2015, 30, 2030, 10)));
        var path = ByClass(doc, "target-path").Single();
        var baseline = ByClass(doc, "baseline").Single();
        Assert.Equal(Num(baseline, "cx"), Num(path, "x1"));
        Assert.Equal(Num(baseline, "cy"), Num(path, "y1"));
        Assert.True(Num(path, "x2") > Num(path, "x1"));
        Assert.True(Num(path, "y2") > Num(path, "y1"));
    }

    [Fact]
    public void Milestones_are_small_hollow_diamonds_with_titles()
    {
        var target = Target(2015, 30, 2030, 10, (2020, 25), (2025, 18), (2027, double.NaN));
        var doc = Parse(Render([Line("A", 0, (2015, 30), (2020, 26))], target));
        var milestones = ByClass(doc, "milestone").ToList();
        Assert.Equal(2, milestones.Count);
        Assert.All(milestones, m =>
        {
            Assert.Equal(Svg + "polygon", m.Name);
            Assert.Equal(4, PointList((string)m.Attribute("points")!).Count);
            Assert.Equal("#ffffff", (string?)m.Attribute("fill"));
        });
        Assert.Equal(["Milestone, 2020: 25", "Milestone, 2025: 18"], milestones.Select(m => m.Element(Svg + "title")!.Value));
    }

    [Fact]
    public void Legend_shows_every_line_and_the_target_symbols()
    {
        var lines = new[] { Line("Women", 0, (2015, 1), (2016, 2)), Line("Men", 1, (2015, 2), (2016, 3)) };
        var doc = Parse(Render(lines, Target(2015, 1, 2030, 5, (2020, 3))));
        var items = ByClass(doc, "legend-item").ToList();
        Assert.Equal(["Women", "Men", "Baseline", "Target", "Milestone"], items.Select(i => i.Element(Svg + "text")!.Value));
        // A line's entry shows its dash pattern and its marker shape.
        var women = items[0];
        var men = items[1];
        Assert.Null(women.Element(Svg + "line")!.Attribute("stroke-dasharray"));
        Assert.NotNull(men.Element(Svg + "line")!.Attribute("stroke-dasharray"));
        Assert.Equal(Svg + "circle", ByClass(women, "legend-marker").Single().Name);
        Assert.Equal(Svg + "rect", ByClass(men, "legend-marker").Single().Name);

        var plain = Parse(Render(lines));
        Assert.Equal(["Women", "Men"], ByClass(plain, "legend-item").Select(i => i.Element(Svg + "text")!.Value));
    }

    [Fact]
    public void Long_legend_labels_wrap_onto_several_rows_inside_the_viewbox()
    {
        var lines = Enumerable.Range(0, 5)
            .Select(i => Line($"Proportion of population living below the national poverty line, group {i}", i, (2015, i), (2020, i + 1)))
            .Append(Line(new string('x', 150), 5, (2015, 3)))
            .ToList();
        var doc = Parse(Render(lines, Target(2015, 1, 2030, 5, (2020, 3))));

        var rows = ByClass(doc, "legend-item").Select(i => i.Element(Svg + "text")!.Elements(Svg + "tspan").First()).Select(t => Num(t, "y")).Distinct().Count();
        Assert.True(rows >= 3, $"{rows} rows");
        // The unbroken label is cut into lines that fit.
        Assert.True(ByClass(doc, "legend-item").Last(i => i.Value.StartsWith('x')).Elements(Svg + "text").Single().Elements(Svg + "tspan").Count() >= 2);
        AssertInsideViewBox(doc);
        // The plot keeps a usable height: the viewBox grows rather than the legend overlapping the chart.
        var legendTop = ByClass(doc, "legend").Single().Descendants().Where(e => e.Attribute("y1") is not null || e.Attribute("cy") is not null)
            .Min(e => e.Attribute("y1") is not null ? Num(e, "y1") : Num(e, "cy"));
        var lowestMarker = SeriesMarkers(doc).SelectMany(m => m).Where(m => m.Attribute("cy") is not null).Max(m => Num(m, "cy"));
        Assert.True(legendTop > lowestMarker);
    }

    [Fact]
    public void Narrow_chart_fits_a_phone_and_keeps_everything_inside()
    {
        var doc = Parse(Render([Line("Observed values for the whole country", 0, (2000, 12345.678), (2024, 23456.789))], Target(2000, 12345.678, 2030, 30000), width: 390, height: 300));
        Assert.StartsWith("0 0 390 ", (string)doc.Root!.Attribute("viewBox")!, StringComparison.Ordinal);
        AssertInsideViewBox(doc);
    }

    [Fact]
    public void No_style_attribute_script_or_external_reference()
    {
        var doc = Parse(Render(
            [Line("A", 0, (2015, 1), (2016, 2)), Line("B", 3, (2015, 3))], Target(2015, 1, 2030, 5, (2020, 3)), Labels));
        var all = doc.Descendants().ToList();
        Assert.DoesNotContain(all, e => e.Attribute("style") is not null);
        Assert.DoesNotContain(all, e => e.Name.LocalName is "style" or "script" or "foreignObject" or "image" or "use" or "a");
        Assert.DoesNotContain(all.SelectMany(e => e.Attributes()), a => a.Name.LocalName == "href" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        Assert.DoesNotContain(all.SelectMany(e => e.Attributes()), a => a.Value.Contains("url(", StringComparison.Ordinal));
    }

    [Fact]
    public void Different_styles_differ_in_dash_marker_and_colour()
    {
        var doc = Parse(Render([Line("A", 0, (2015, 1), (2016, 2)), Line("B", 1, (2015, 2), (2016, 3))]));
        var series = ByClass(doc, "series").ToList();
        var a = series[0];
        var b = series[1];
        Assert.NotEqual((string?)a.Element(Svg + "polyline")!.Attribute("stroke-dasharray"), (string?)b.Element(Svg + "polyline")!.Attribute("stroke-dasharray"));
        Assert.NotEqual(ByClass(a, "marker").First().Name, ByClass(b, "marker").First().Name);
        Assert.NotEqual((string?)a.Attribute("stroke"), (string?)b.Attribute("stroke"));
    }

    [Fact]
    public void The_first_36_styles_all_differ_without_colour()
    {
        var looks = Enumerable.Range(0, 36).Select(SeriesChart.StyleFor).Select(s => (s.Marker, s.DashArray)).ToList();
        Assert.Equal(36, looks.Distinct().Count());
        Assert.Equal(6, Enumerable.Range(0, 6).Select(SeriesChart.StyleFor).Select(s => s.Marker).Distinct().Count());
        Assert.Equal(6, Enumerable.Range(0, 6).Select(SeriesChart.StyleFor).Select(s => s.DashArray).Distinct().Count());
        Assert.Equal(SeriesChart.StyleFor(0), SeriesChart.StyleFor(36));
        _ = SeriesChart.StyleFor(-1);
        _ = SeriesChart.StyleFor(int.MinValue);
    }

    [Fact]
    public void Palette_keeps_three_to_one_contrast_against_white()
    {
        static double Channel(int c)
        {
            var s = c / 255.0;
            return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }
        foreach (var colour in SeriesChart.Palette)
        {
            var rgb = Convert.FromHexString(colour[1..]);
            var luminance = 0.2126 * Channel(rgb[0]) + 0.7152 * Channel(rgb[1]) + 0.0722 * Channel(rgb[2]);
            Assert.True(1.05 / (luminance + 0.05) >= 3, colour);
        }
    }

    [Fact]
    public void Every_marker_shape_is_well_formed()
    {
        var lines = Enumerable.Range(0, 6).Select(i => Line($"S{i}", i, (2015, i), (2020, i * 2))).ToList();
        var doc = Parse(Render(lines));
        // Shape signature: element name and the polygon's vertices relative to its centre.
        static string Signature(XElement marker)
        {
            if (marker.Attribute("points") is not { } p) return marker.Name.LocalName;
            var points = PointList(p.Value);
            var (mx, my) = (points.Average(q => q.X), points.Average(q => q.Y));
            return string.Join(' ', points.Select(q => $"{Math.Round(q.X - mx)},{Math.Round(q.Y - my)}"));
        }
        var shapes = SeriesMarkers(doc).Select(m => Signature(m[0])).ToList();
        Assert.Equal(6, shapes.Distinct().Count());
        AssertInsideViewBox(doc);
    }

    [Fact]
    public void Empty_input_gives_a_small_valid_svg_saying_no_data()
    {
        var cases = new (IReadOnlyList<ChartLine> Lines, ChartTarget? Target)[]
        {
            ([], null),
            ([Line("A", 0)], null),
            ([Line("A", 0, (2015, double.NaN), (2016, double.NegativeInfinity))], null),
            ([], Target(2015, null, 2030, null)),
        };
        foreach (var (lines, target) in cases)
        {
            var svg = SeriesChart.Render(lines, target, Labels with { Description = "No data" }, "empty", Fmt);
            var doc = Parse(svg);
            Assert.Equal(Svg + "svg", doc.Root!.Name);
            Assert.Equal("img", (string?)doc.Root.Attribute("role"));
            Assert.Equal("No data", doc.Root.Element(Svg + "desc")!.Value);
            Assert.Equal("No data", ByClass(doc, "no-data").Single().Value);
            Assert.Empty(ByClass(doc, "marker"));
            var (_, h) = ViewBox(doc);
            Assert.True(h < 100);
            AssertInsideViewBox(doc);
        }

        // The shown text is ChartLabels.NoData, so a page can say it in the reader's language.
        var spanish = Parse(SeriesChart.Render([], null, Labels with { NoData = "Sin datos" }, "e", Fmt));
        Assert.Equal("Sin datos", ByClass(spanish, "no-data").Single().Value);
        Assert.Equal(Labels.Description, spanish.Root!.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public void Null_arguments_do_not_throw()
    {
        var svg = SeriesChart.Render(
            [null!, new ChartLine(null!, null!), new ChartLine("A", [null!, new ChartPoint(2015, 1)])],
            new ChartTarget(2015, 1, 2030, 2, null!), null!, null!, null!, width: -5, height: 0, fontSize: double.NaN);
        var doc = Parse(svg);
        Assert.Single(SeriesMarkers(doc).Single());
        AssertInsideViewBox(doc);
    }

    [Theory]
    [InlineData(new[] { 5.0 })]
    [InlineData(new[] { 200.0, 200.0, 200.0 })]
    [InlineData(new[] { 0.0, 0.0 })]
    [InlineData(new[] { -7.5 })]
    [InlineData(new[] { 1e-7, 1e-7 })]
    [InlineData(new[] { 3e12 })]
    public void Single_point_and_constant_series_render_sensibly(double[] values)
    {
        var line = new ChartLine("A", values.Select((v, i) => new ChartPoint(2020 + i, v)).ToList());
        var svg = Render([line]);
        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", svg, StringComparison.Ordinal);
        var doc = Parse(svg);
        AssertNiceTicks(YTicks(doc), values.Min(), values.Max());
        Assert.Equal(values.Length, SeriesMarkers(doc).Single().Count);
        Assert.NotEmpty(XTicks(doc));
        AssertInsideViewBox(doc);
    }

    [Fact]
    public void Only_a_target_still_draws_a_chart()
    {
        var svg = Render([], Target(2015, 40, 2030, 20));
        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
        var doc = Parse(svg);
        Assert.Single(ByClass(doc, "baseline"));
        Assert.Single(ByClass(doc, "target-marker"));
        AssertNiceTicks(YTicks(doc), 20, 40);
        AssertInsideViewBox(doc);
    }

    [Fact]
    public void Coordinates_use_the_invariant_culture_with_at_most_one_decimal()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var svg = Render([Line("A", 0, (2015, 1.2345), (2016, 2.3456), (2017, -0.0001))], Target(2015, 1.5, 2030, 3.25));
            var doc = Parse(svg);
            var numeric = new[] { "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height" };
            foreach (var a in doc.Descendants().SelectMany(e => e.Attributes()).Where(a => numeric.Contains(a.Name.LocalName) && a.Parent!.Name != Svg + "svg"))
            {
                Assert.Matches(@"^-?[0-9]+(\.[0-9])?$", a.Value);
                Assert.NotEqual("-0", a.Value);
            }
            foreach (var p in doc.Descendants().Select(e => (string?)e.Attribute("points")).OfType<string>())
            {
                Assert.Matches(@"^-?[0-9]+(\.[0-9])?,-?[0-9]+(\.[0-9])?( -?[0-9]+(\.[0-9])?,-?[0-9]+(\.[0-9])?)*$", p);
            }
            Assert.Matches(@"^0 0 [0-9]+ [0-9]+$", (string)doc.Root!.Attribute("viewBox")!);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Wrap_breaks_at_spaces_and_cuts_long_words()
    {
        Assert.Equal(["one two", "three"], SeriesChart.Wrap("one two three", 8));
        Assert.Equal(["abcd", "efgh", "ij"], SeriesChart.Wrap("abcdefghij", 4));
        Assert.Equal([""], SeriesChart.Wrap("", 4));
        Assert.All(SeriesChart.Wrap(new string('a', 100) + " b c " + new string('d', 33), 10), l => Assert.InRange(l.Length, 1, 10));
    }

    [Fact]
    public void Nice_scale_is_nice_for_many_ranges()
    {
        var random = new Random(20240611);
        for (var i = 0; i < 2000; i++)
        {
            var magnitude = Math.Pow(10, random.Next(-6, 10));
            var a = (random.NextDouble() * 2 - 0.5) * magnitude;
            var b = a + random.NextDouble() * magnitude;
            var scale = SeriesChart.NiceScale(a, b);
            AssertNiceTicks(scale.Ticks.ToList(), a, b);
            Assert.Equal(scale.Ticks[0], scale.Min);
            Assert.Equal(scale.Ticks[^1], scale.Max);
        }
    }
}
