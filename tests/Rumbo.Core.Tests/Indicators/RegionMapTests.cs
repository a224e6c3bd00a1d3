using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Rumbo.Core.Indicators.Charts;
using Rumbo.Core.People;

namespace Rumbo.Core.Tests.Indicators;

/// <summary>
/// The server-side SVG map of the region: every output is parsed as XML and its structure checked (accessible name,
/// one shape per country, markers for small States, fills and patterns per category, legend, geometry inside the
/// viewBox), not compared as text.
/// </summary>
public sealed partial class RegionMapTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const string Prefix = "ind-4-1-map";

    private static readonly string[] SmallCaribbeanStates = ["AG", "BB", "DM", "GD", "KN", "LC", "VC"];

    private static readonly MapLabels Labels = new("Progress by country", "Status of indicator 4.1 in each country, 2024", "No data");

    private static readonly MapCategory[] Categories =
    [
        new("on-track", "On track", 0),
        new("some-progress", "Some progress", 1),
        new("off-track", "Off track", 5),
    ];

    private static readonly MapEntry[] Entries =
    [
        new("CL", "Chile", "on-track", "Chile: on track (2024: 65.4)"),
        new("BR", "Brazil", "some-progress", "Brazil: some progress (2023: 41.2)"),
        new("BB", "Barbados", "off-track", "Barbados: off track (2022: 12.0)"),
        new("AG", "Antigua and Barbuda", "on-track", "Antigua and Barbuda: on track (2024: 80.1)"),
        new("MX", "Mexico", null, "Mexico: no data"),
    ];

    private static IEnumerable<string> MemberStates =>
        ReferenceData.Countries.Where(c => c.Status == CountryStatus.MemberState).Select(c => c.Code);

    private static XDocument Render(
        IReadOnlyList<MapCategory>? categories = null, IReadOnlyList<MapEntry>? entries = null, MapLabels? labels = null, string prefix = Prefix) =>
        XDocument.Parse(RegionMap.Render(categories ?? Categories, entries ?? Entries, labels ?? Labels, prefix));

    private static IEnumerable<XElement> ByClass(XContainer root, string cssClass) =>
        root.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    private static XElement CountryPath(XDocument doc, string code) =>
        doc.Descendants(Svg + "path").Single(p => (string?)p.Attribute("data-country") == code);

    private static XElement? Marker(XDocument doc, string code) =>
        ByClass(doc, "marker").SingleOrDefault(c => (string?)c.Attribute("data-country") == code);

    private static double Num(XElement e, string attribute) => double.Parse((string)e.Attribute(attribute)!, NumberStyles.Float, Inv);

    private static (double Width, double Height) ViewBox(XDocument doc)
    {
        var parts = ((string)doc.Root!.Attribute("viewBox")!).Split(' ').Select(p => double.Parse(p, Inv)).ToArray();
        Assert.Equal(0, parts[0]);
        Assert.Equal(0, parts[1]);
        return (parts[2], parts[3]);
    }

    /// <summary>The title shown for a country: its own, or its link's.</summary>
    private static string CountryTitle(XDocument doc, string code)
    {
        var path = CountryPath(doc, code);
        var title = path.Element(Svg + "title") ?? path.Parent!.Element(Svg + "title");
        return title!.Value;
    }

    [GeneratedRegex(@"-?\d+(?:\.\d+)?")]
    private static partial Regex NumberPattern();

    [Fact]
    public void Output_is_an_accessible_svg_image()
    {
        var doc = Render();
        var root = doc.Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("100%", (string?)root.Attribute("width"));
        var (width, height) = ViewBox(doc);
        Assert.Equal(600, width);
        Assert.True(height >= 640);

        var ids = ((string)root.Attribute("aria-labelledby")!).Split(' ');
        Assert.Equal([$"{Prefix}-title", $"{Prefix}-desc"], ids);
        Assert.Equal(Labels.Title, root.Elements(Svg + "title").Single(e => (string?)e.Attribute("id") == ids[0]).Value);
        Assert.Equal(Labels.Description, root.Elements(Svg + "desc").Single(e => (string?)e.Attribute("id") == ids[1]).Value);
    }

    [Fact]
    public void Every_member_state_and_associate_member_is_drawn()
    {
        var doc = Render();
        Assert.Equal(33, MemberStates.Count());
        foreach (var code in MemberStates)
        {
            var path = CountryPath(doc, code);
            Assert.False(string.IsNullOrWhiteSpace((string?)path.Attribute("d")), code);
        }
        Assert.Equal(ReferenceData.Countries.Select(c => c.Code).Order(StringComparer.Ordinal), RegionMap.Countries);
        foreach (var code in RegionMap.Countries)
        {
            Assert.True(doc.Descendants().Any(e => (string?)e.Attribute("data-country") == code), code);
        }
    }

    [Fact]
    public void Small_caribbean_states_have_visible_markers_with_their_fill()
    {
        var doc = Render();
        var (width, height) = ViewBox(doc);
        foreach (var code in SmallCaribbeanStates)
        {
            Assert.Contains(code, RegionMap.SmallCountries);
            var marker = Marker(doc, code);
            Assert.NotNull(marker);
            Assert.Equal(Svg + "circle", marker.Name);
            Assert.InRange(Num(marker, "r"), 5, 8);
            Assert.InRange(Num(marker, "cx"), 0, width);
            Assert.InRange(Num(marker, "cy"), 0, height);
            Assert.Equal((string?)CountryPath(doc, code).Attribute("fill"), (string?)marker.Attribute("fill"));
            Assert.NotNull(marker.Attribute("stroke"));
            Assert.Equal(CountryTitle(doc, code), marker.Element(Svg + "title")!.Value);
        }
        Assert.DoesNotContain("BR", RegionMap.SmallCountries);
        Assert.DoesNotContain("CU", RegionMap.SmallCountries);
        Assert.Null(Marker(doc, "BR"));
    }

    [Fact]
    public void Markers_do_not_overlap_each_other()
    {
        var markers = ByClass(Render(), "marker").Select(m => (Code: (string)m.Attribute("data-country")!, X: Num(m, "cx"), Y: Num(m, "cy"), R: Num(m, "r"))).ToList();
        Assert.True(markers.Count >= SmallCaribbeanStates.Length);
        for (var i = 0; i < markers.Count; i++)
        {
            for (var j = i + 1; j < markers.Count; j++)
            {
                var (a, b) = (markers[i], markers[j]);
                var distance = Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
                Assert.True(distance >= a.R + b.R, $"{a.Code} and {b.Code} overlap");
            }
        }
    }

    [Fact]
    public void Entry_titles_are_the_countries_titles()
    {
        var doc = Render();
        foreach (var entry in Entries)
        {
            Assert.Equal(entry.Title, CountryTitle(doc, entry.CountryCode));
        }
        // Without an entry, the country is named and said to have no data.
        Assert.Equal("Argentina: No data", CountryTitle(doc, "AR"));
    }

    [Fact]
    public void Categories_choose_fills_and_patterns()
    {
        var doc = Render();
        var patterns = doc.Descendants(Svg + "pattern").ToDictionary(p => (string)p.Attribute("id")!);

        // Style 0 is a plain colour; other styles are patterns over their colour.
        Assert.Equal(RegionMap.StyleFor(0).Colour, (string?)CountryPath(doc, "CL").Attribute("fill"));
        Assert.Equal(RegionMap.StyleFor(0).Colour, (string?)CountryPath(doc, "AG").Attribute("fill"));
        Assert.Equal($"url(#{Prefix}-style-1)", (string?)CountryPath(doc, "BR").Attribute("fill"));
        Assert.Equal($"url(#{Prefix}-style-5)", (string?)CountryPath(doc, "BB").Attribute("fill"));
        Assert.Equal(RegionMap.StyleFor(1).Colour, (string?)patterns[$"{Prefix}-style-1"].Element(Svg + "rect")!.Attribute("fill"));
        Assert.Equal(RegionMap.StyleFor(5).Colour, (string?)patterns[$"{Prefix}-style-5"].Element(Svg + "rect")!.Attribute("fill"));
        Assert.True(patterns[$"{Prefix}-style-1"].Elements().Count() > 1, "a hatch over the colour");

        // No data: null category, no entry, or a category no one defined.
        Assert.Equal($"url(#{Prefix}-nodata)", (string?)CountryPath(doc, "MX").Attribute("fill"));
        Assert.Equal($"url(#{Prefix}-nodata)", (string?)CountryPath(doc, "AR").Attribute("fill"));
        var unknown = Render(entries: [new("PE", "Peru", "no-such-category", "Peru")]);
        Assert.Equal($"url(#{Prefix}-nodata)", (string?)CountryPath(unknown, "PE").Attribute("fill"));
        Assert.Equal(RegionMap.NoDataColour, (string?)patterns[$"{Prefix}-nodata"].Element(Svg + "rect")!.Attribute("fill"));

        // Patterns only for styles in use.
        Assert.Equal([$"{Prefix}-nodata", $"{Prefix}-style-1", $"{Prefix}-style-5"], patterns.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Styles_differ_in_colour_and_pattern_and_wrap_around()
    {
        var styles = Enumerable.Range(0, 8).Select(RegionMap.StyleFor).ToList();
        Assert.Equal(8, styles.Select(s => s.Colour).Distinct().Count());
        Assert.Equal(8, styles.Select(s => s.Pattern).Distinct().Count());
        Assert.Equal(RegionMap.StyleFor(1), RegionMap.StyleFor(9));
        Assert.Equal(RegionMap.StyleFor(7), RegionMap.StyleFor(-1));
        Assert.Equal(RegionMap.StyleFor(0), RegionMap.StyleFor(int.MinValue));
    }

    [Fact]
    public void Fills_contrast_three_to_one_with_the_borders()
    {
        foreach (var colour in RegionMap.Palette.Append(RegionMap.NoDataColour))
        {
            Assert.True(Contrast(colour, RegionMap.BorderColour) >= 3, colour);
        }
        Assert.True(Contrast(RegionMap.BorderColour, "#ffffff") >= 3);
    }

    [Fact]
    public void Legend_lists_categories_then_no_data_with_their_swatches()
    {
        var doc = Render();
        var items = ByClass(doc, "legend-item").ToList();
        Assert.Equal(["On track", "Some progress", "Off track", "No data"], items.Select(i => i.Element(Svg + "text")!.Value));
        Assert.Equal(
            [RegionMap.StyleFor(0).Colour, $"url(#{Prefix}-style-1)", $"url(#{Prefix}-style-5)", $"url(#{Prefix}-nodata)"],
            items.Select(i => (string?)i.Element(Svg + "rect")!.Attribute("fill")));
    }

    [Fact]
    public void A_long_legend_grows_the_viewbox_and_stays_inside_it()
    {
        var many = Enumerable.Range(0, 12).Select(i => new MapCategory($"k{i}", $"Category number {i} with a label long enough to wrap onto a second line", i)).ToList();
        var doc = Render(categories: many, entries: []);
        var (_, height) = ViewBox(doc);
        Assert.True(height > 640);
        Assert.Equal(13, ByClass(doc, "legend-item").Count());
        foreach (var tspan in ByClass(doc, "legend").Single().Descendants(Svg + "tspan"))
        {
            Assert.InRange(Num(tspan, "y"), 0, height);
        }
    }

    [Fact]
    public void Entries_for_countries_not_drawn_are_ignored()
    {
        MapEntry[] extra = [.. Entries, new("US", "United States of America", "on-track", "United States of America"), new("ZZ", "Nowhere", null, "Nowhere"), new("", "", null, "")];
        var withExtra = RegionMap.Render(Categories, extra, Labels, Prefix);
        Assert.Equal(RegionMap.Render(Categories, Entries, Labels, Prefix), withExtra);
        var doc = XDocument.Parse(withExtra);
        Assert.DoesNotContain(doc.Descendants(), e => (string?)e.Attribute("data-country") is "US" or "ZZ" or "");
        Assert.DoesNotContain("United States of America", withExtra);
    }

    [Fact]
    public void Codes_match_without_regard_to_case_and_the_first_entry_wins()
    {
        var doc = Render(entries: [new("cl", "Chile", "on-track", "first"), new("CL", "Chile", "off-track", "second")]);
        Assert.Equal("first", CountryTitle(doc, "CL"));
        Assert.Equal(RegionMap.StyleFor(0).Colour, (string?)CountryPath(doc, "CL").Attribute("fill"));
    }

    [Fact]
    public void Texts_are_escaped()
    {
        const string nasty = "a <b> & \"c\" 'd' </svg><script>x</script>";
        var doc = Render(
            categories: [new("k<&>", "Label " + nasty, 2)],
            entries: [new("UY", "Uruguay " + nasty, "k<&>", "Uruguay " + nasty)],
            labels: new MapLabels("Title " + nasty, "Desc " + nasty, "None " + nasty));
        Assert.Equal("Title " + nasty, doc.Root!.Element(Svg + "title")!.Value);
        Assert.Equal("Desc " + nasty, doc.Root!.Element(Svg + "desc")!.Value);
        Assert.Equal("Uruguay " + nasty, CountryTitle(doc, "UY"));
        Assert.Equal($"url(#{Prefix}-style-2)", (string?)CountryPath(doc, "UY").Attribute("fill"));
        var legend = ByClass(doc, "legend-item").Select(i => string.Join(" ", i.Descendants(Svg + "tspan").Select(t => t.Value))).ToList();
        Assert.Equal(["Label " + nasty, "None " + nasty], legend);
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName == "script");
    }

    [Fact]
    public void No_inline_style_no_script_no_event_handler()
    {
        var doc = Render(entries: [.. Entries, new("PE", "Peru", "on-track", "Peru", "/indicators/4.1/PE")]);
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "style" or "script" or "foreignObject");
        foreach (var e in doc.Descendants())
        {
            Assert.Null(e.Attribute("style"));
            Assert.DoesNotContain(e.Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Ids_are_prefixed_and_references_resolve()
    {
        var doc = Render();
        var ids = doc.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.StartsWith(Prefix + "-", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var references = doc.Descendants().SelectMany(e => e.Attributes()).Select(a => Regex.Match(a.Value, @"url\(#([^)]+)\)")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Contains(r, ids));

        var other = Render(prefix: "second map!");
        var otherIds = other.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.Empty(ids.Intersect(otherIds));
        Assert.All(otherIds, id => Assert.Matches("^[A-Za-z][A-Za-z0-9_-]*$", id));
    }

    [Fact]
    public void All_coordinates_lie_within_the_viewbox()
    {
        var doc = Render();
        var (width, height) = ViewBox(doc);
        var paths = doc.Descendants(Svg + "path").Where(p => !p.Ancestors(Svg + "pattern").Any()).ToList();
        Assert.True(paths.Count >= RegionMap.Countries.Count);
        foreach (var path in paths)
        {
            var d = (string)path.Attribute("d")!;
            Assert.Matches("^[MLZ0-9., -]+$", d);
            var numbers = NumberPattern().Matches(d).Select(m => double.Parse(m.Value, Inv)).ToList();
            Assert.True(numbers.Count >= 6 && numbers.Count % 2 == 0, (string?)path.Attribute("data-country"));
            for (var i = 0; i < numbers.Count; i += 2)
            {
                Assert.InRange(numbers[i], 0, width);
                Assert.InRange(numbers[i + 1], 0, height);
            }
        }
        foreach (var circle in ByClass(doc, "marker"))
        {
            var r = Num(circle, "r");
            Assert.InRange(Num(circle, "cx"), r, width - r);
            Assert.InRange(Num(circle, "cy"), r, height - r);
        }
        foreach (var line in ByClass(doc, "leader"))
        {
            Assert.InRange(Num(line, "x1"), 0, width);
            Assert.InRange(Num(line, "x2"), 0, width);
            Assert.InRange(Num(line, "y1"), 0, height);
            Assert.InRange(Num(line, "y2"), 0, height);
        }
    }

    [Fact]
    public void The_map_is_not_mirrored()
    {
        // North is up and east is right: Mexico north-west of Brazil, Chile south of Colombia, Barbados east of Jamaica.
        var doc = Render();
        (double X, double Y) Centre(string code)
        {
            var n = NumberPattern().Matches((string)CountryPath(doc, code).Attribute("d")!).Select(m => double.Parse(m.Value, Inv)).ToList();
            var xs = n.Where((_, i) => i % 2 == 0).ToList();
            var ys = n.Where((_, i) => i % 2 == 1).ToList();
            return ((xs.Min() + xs.Max()) / 2, (ys.Min() + ys.Max()) / 2);
        }
        Assert.True(Centre("MX").X < Centre("BR").X && Centre("MX").Y < Centre("BR").Y);
        Assert.True(Centre("CL").Y > Centre("CO").Y);
        Assert.True(Centre("BB").X > Centre("JM").X);
        Assert.True(Centre("AR").Y > Centre("PE").Y);
    }

    [Fact]
    public void Links_wrap_the_country_and_unsafe_links_are_dropped()
    {
        var doc = Render(entries:
        [
            new("PE", "Peru", "on-track", "Peru: on track", "/indicators/4.1?country=PE&year=2024"),
            new("GD", "Grenada", "off-track", "Grenada: off track", "https://example.org/gd"),
            new("CO", "Colombia", "on-track", "Colombia", "javascript:alert(1)"),
            new("EC", "Ecuador", "on-track", "Ecuador", " JavaScript:alert(1)"),
        ]);
        Assert.Equal("group", (string?)doc.Root!.Attribute("role"));
        var links = doc.Descendants(Svg + "a").ToList();
        Assert.Equal(["GD", "PE"], links.Select(a => (string?)a.Attribute("data-country")).Order());
        var peru = links.Single(a => (string?)a.Attribute("data-country") == "PE");
        Assert.Equal("/indicators/4.1?country=PE&year=2024", (string?)peru.Attribute("href"));
        Assert.Equal("Peru: on track", peru.Element(Svg + "title")!.Value);
        Assert.Equal(peru, CountryPath(doc, "PE").Parent);
        Assert.Equal(links.Single(a => (string?)a.Attribute("data-country") == "GD"), Marker(doc, "GD")!.Parent);
        Assert.Equal(Svg + "g", CountryPath(doc, "CO").Parent!.Name);
        Assert.Equal(Svg + "g", CountryPath(doc, "EC").Parent!.Name);
    }

    [Fact]
    public void Output_is_deterministic_and_never_throws_on_nulls()
    {
        Assert.Equal(RegionMap.Render(Categories, Entries, Labels, Prefix), RegionMap.Render(Categories, Entries, Labels, Prefix));
        var svg = RegionMap.Render(null!, null!, null!, null!);
        var doc = XDocument.Parse(svg);
        Assert.Equal(RegionMap.Countries.Count, RegionMap.Countries.Count(c => doc.Descendants().Any(e => (string?)e.Attribute("data-country") == c)));
        XDocument.Parse(RegionMap.Render([null!, new(null!, null!, 3)], [null!, new(null!, null!, null, null!), new("CL", null!, null, null!)], new(null!, null!, null!), ""));
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int i)
        {
            var c = Convert.ToInt32(hex.Substring(1 + 2 * i, 2), 16) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(1) + 0.0722 * Channel(2);
    }
}
