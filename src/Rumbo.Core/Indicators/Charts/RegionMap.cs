using System.Globalization;
using System.Text;
using Rumbo.Core.People;

namespace Rumbo.Core.Indicators.Charts;

/// <summary>
/// A category of the legend: its label, and a style index (0..7, wrapped) choosing a fill colour and a hatch pattern
/// so that categories differ without colour (see <see cref="RegionMap.StyleFor"/>).
/// </summary>
public sealed record MapCategory(string Key, string Label, int Style);

/// <summary>
/// A country's entry: its ISO 3166-1 alpha-2 code, its name, the key of its <see cref="MapCategory"/> (null, or a key
/// no category has, = no data), the text of its tooltip and accessible name (e.g. "Chile: on track (2024: 65.4)") and,
/// optionally, a link.
/// </summary>
public sealed record MapEntry(string CountryCode, string Name, string? Category, string Title, string? Href = null);

/// <summary>The texts of a map, already in the reader's language.</summary>
public sealed record MapLabels(string Title, string Description, string NoData);

/// <summary>How a category looks: a fill colour and a hatch pattern drawn over it in dark ink.</summary>
public readonly record struct MapStyle(string Colour, MapPattern Pattern);

/// <summary>The hatch drawn over a category's colour.</summary>
public enum MapPattern
{
    Solid,
    Dots,
    Horizontal,
    Vertical,
    Grid,
    Diagonal,
    CrossDiagonal,
    Dashes,
}

/// <summary>
/// Draws a choropleth map of Latin America and the Caribbean as a hand-made SVG, on the server, so that a page shows it
/// without JavaScript, prints it, and reads it without colour (WCAG 2.2 AA): every category has a hatch pattern as well
/// as a colour, every fill has at least 3:1 contrast with the borders, every country has a text title, the legend is
/// text. Small States (the Lesser Antilles, Aruba, Curaçao, Bermuda…) are also drawn as a marker labelled with their
/// code; in the Lesser Antilles the markers stand in a column in the Atlantic joined to their islands by leader lines.
/// The SVG uses presentation attributes only (no <c>style</c> attribute, no <c>&lt;style&gt;</c>, no script, no
/// external reference), so a strict content-security policy allows it.
/// </summary>
/// <remarks>
/// The outlines are generated into <see cref="RegionMapData"/> by <c>tools/map/build-map.mjs</c> from Natural Earth.
/// Countries without an entry are drawn as "no data", named from <see cref="ReferenceData"/> in English: pass an entry
/// for every country to name them all in the reader's language.
/// </remarks>
public static class RegionMap
{
    public const double FontSize = 14;

    /// <summary>Fills with at least 4:1 contrast against the borders (<see cref="BorderColour"/>) and 8:1 against the hatch ink.</summary>
    public static readonly IReadOnlyList<string> Palette =
        ["#8ec1ea", "#f5a85f", "#93d3a2", "#cfa8e3", "#f2d45c", "#7fd3c9", "#f7a8ba", "#cdb98f"];

    public const string BorderColour = "#4d4d4d";
    public const string NoDataColour = "#f2f2f2";

    private const string InkColour = "#262626";
    private const string NoDataInk = "#8c8c8c";
    private const string TextColour = "#1a1a1a";
    private const string ContextColour = "#fcfcfc";
    private const string ContextBorder = "#8c8c8c";
    private const string White = "#ffffff";
    private const double Pad = 8;
    private const double BorderWidth = 0.6;
    private const double MarkerFontSize = 11;
    private const double SwatchWidth = 24;
    private const double SwatchHeight = 16;
    private const double SwatchGap = 8;
    private const double LegendWidth = 270;
    /// <summary>The legend stands in the Pacific, south of Easter Island; the viewBox grows when it needs more room.</summary>
    private const double LegendMinTop = 458;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly Dictionary<string, RegionMapShape> Shapes =
        RegionMapData.Countries.ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, string> DefaultNames =
        ReferenceData.Countries.ToDictionary(c => c.Code, c => c.En, StringComparer.OrdinalIgnoreCase);

    /// <summary>Large countries first, then small States, so that their markers are drawn on top; by code within each.</summary>
    private static readonly IReadOnlyList<RegionMapShape> DrawingOrder =
        [.. RegionMapData.Countries.OrderBy(IsSmall).ThenBy(s => s.Code, StringComparer.Ordinal)];

    /// <summary>The ISO 3166-1 alpha-2 codes of the countries drawn, in alphabetical order.</summary>
    public static IReadOnlyList<string> Countries { get; } =
        [.. RegionMapData.Countries.Select(s => s.Code).Order(StringComparer.Ordinal)];

    /// <summary>The codes of the countries drawn also as a marker because they are too small to see.</summary>
    public static IReadOnlyList<string> SmallCountries { get; } =
        [.. RegionMapData.Countries.Where(IsSmall).Select(s => s.Code).Order(StringComparer.Ordinal)];

    /// <summary>The look of a style index: eight colours, each with its own pattern; indices wrap around.</summary>
    public static MapStyle StyleFor(int style)
    {
        var s = (int)(((long)style % Palette.Count + Palette.Count) % Palette.Count);
        return new MapStyle(Palette[s], (MapPattern)s);
    }

    /// <summary>
    /// Returns a complete <c>&lt;svg&gt;</c> element as a string (to be written raw into HTML): viewBox 600 wide (taller
    /// when the legend needs it), width="100%", a <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c> named by aria-labelledby
    /// with ids made unique by <paramref name="idPrefix"/>, as are the patterns' ids. The element has role="img", or
    /// role="group" when some entry has a link, since an image's content is hidden from assistive technology.
    /// Each country is a <c>&lt;path data-country="CL"&gt;</c> with a <c>&lt;title&gt;</c>, inside an
    /// <c>&lt;a&gt;</c> when its entry has a link (http, https, mailto or relative; others are dropped). Never throws:
    /// null lists and items are skipped, entries for countries not drawn are ignored, the first entry for a country and
    /// the first category for a key win.
    /// </summary>
    public static string Render(IReadOnlyList<MapCategory> categories, IReadOnlyList<MapEntry> entries, MapLabels labels, string idPrefix)
    {
        labels ??= new MapLabels("", "", "No data");
        var id = SanitizeId(idPrefix);

        var byKey = new Dictionary<string, MapCategory>(StringComparer.Ordinal);
        var legend = new List<MapCategory>();
        foreach (var category in categories ?? [])
        {
            if (category?.Key is null || !byKey.TryAdd(category.Key, category)) continue;
            legend.Add(category);
        }
        var byCountry = new Dictionary<string, MapEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries ?? [])
        {
            if (entry?.CountryCode is { } code && Shapes.ContainsKey(code)) byCountry.TryAdd(code, entry);
        }

        var anyLink = false;
        var items = new List<(RegionMapShape Shape, MapCategory? Category, string Title, string? Href)>();
        foreach (var shape in DrawingOrder)
        {
            byCountry.TryGetValue(shape.Code, out var entry);
            var category = entry?.Category is { } key && byKey.TryGetValue(key, out var c) ? c : null;
            var title = entry?.Title;
            if (string.IsNullOrWhiteSpace(title))
            {
                var name = !string.IsNullOrWhiteSpace(entry?.Name) ? entry.Name
                    : DefaultNames.TryGetValue(shape.Code, out var n) ? n : shape.Code;
                title = $"{name}: {category?.Label ?? labels.NoData}";
            }
            var href = SafeHref(entry?.Href);
            anyLink |= href is not null;
            items.Add((shape, category, title, href));
        }

        // Legend: a swatch and a label per category, then "no data", bottom left, in the Pacific.
        var lineH = FontSize * 1.25;
        var maxChars = Math.Max(8, (int)((LegendWidth - SwatchWidth - SwatchGap) / (FontSize * 0.6)));
        var rows = new List<(string Fill, List<string> Lines, double Height)>();
        foreach (var category in legend)
        {
            var lines = SeriesChart.Wrap(category.Label, maxChars);
            rows.Add((Fill(id, StyleFor(category.Style), category.Style), lines, RowHeight(lines.Count, lineH)));
        }
        var noDataLines = SeriesChart.Wrap(labels.NoData, maxChars);
        rows.Add(($"url(#{id}-nodata)", noDataLines, RowHeight(noDataLines.Count, lineH)));
        var legendHeight = rows.Sum(r => r.Height);
        var legendTop = Math.Max(LegendMinTop, RegionMapData.Height - Pad - legendHeight);
        var height = Math.Max(RegionMapData.Height, Math.Ceiling(legendTop + legendHeight + Pad));

        var sb = new StringBuilder(RegionMapData.Countries.Sum(s => s.Path.Length) + 16384);
        sb.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {RegionMapData.Width} {N(height)}\" width=\"100%\" ");
        sb.Append(Inv, $"preserveAspectRatio=\"xMidYMid meet\" role=\"{(anyLink ? "group" : "img")}\" aria-labelledby=\"{id}-title {id}-desc\" ");
        sb.Append(Inv, $"font-family=\"inherit\" font-size=\"{N(FontSize)}\">");
        sb.Append(Inv, $"<title id=\"{id}-title\">{SeriesChart.Esc(labels.Title)}</title>");
        sb.Append(Inv, $"<desc id=\"{id}-desc\">{SeriesChart.Esc(labels.Description)}</desc>");

        // Patterns: one per style in use, and "no data".
        sb.Append("<defs>");
        foreach (var style in legend.Select(c => Wrapped(c.Style)).Distinct().Order())
        {
            AppendPattern(sb, id, style);
        }
        sb.Append(Inv, $"<pattern id=\"{id}-nodata\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(-45)\">");
        sb.Append(Inv, $"<rect width=\"6\" height=\"6\" fill=\"{NoDataColour}\"/>");
        sb.Append(Inv, $"<line x1=\"3\" y1=\"0\" x2=\"3\" y2=\"6\" stroke=\"{NoDataInk}\" stroke-width=\"0.8\"/></pattern>");
        sb.Append("</defs>");

        sb.Append(Inv, $"<rect x=\"0\" y=\"0\" width=\"{RegionMapData.Width}\" height=\"{N(height)}\" fill=\"{White}\"/>");

        // Land that is not part of the map, so that no hole opens in the continent.
        sb.Append(Inv, $"<g class=\"context\" aria-hidden=\"true\" fill=\"{ContextColour}\" stroke=\"{ContextBorder}\" stroke-width=\"{N(BorderWidth)}\">");
        foreach (var shape in RegionMapData.Context)
        {
            sb.Append(Inv, $"<path d=\"{shape.Path}\"/>");
        }
        sb.Append("</g>");

        sb.Append(Inv, $"<g class=\"countries\" stroke=\"{BorderColour}\" stroke-width=\"{N(BorderWidth)}\" stroke-linejoin=\"round\">");
        foreach (var (shape, category, title, href) in items)
        {
            var fill = category is null ? $"url(#{id}-nodata)" : Fill(id, StyleFor(category.Style), category.Style);
            var state = category is null ? "no-data" : "category";
            var code = shape.Code;
            var text = SeriesChart.Esc(title);
            var linked = href is not null;
            var categoryAttr = category is null ? "" : $" data-category=\"{SeriesChart.Esc(category.Key)}\"";
            if (linked)
            {
                sb.Append(Inv, $"<a class=\"country {state}\" href=\"{SeriesChart.Esc(href)}\" data-country=\"{code}\"{categoryAttr}><title>{text}</title>");
            }
            else
            {
                sb.Append(Inv, $"<g class=\"country {state}\" data-country=\"{code}\"{categoryAttr}>");
            }
            var ownTitle = linked ? "" : $"<title>{text}</title>";
            if (shape.Path.Length > 0)
            {
                sb.Append(Inv, $"<path data-country=\"{code}\" d=\"{shape.Path}\" fill=\"{fill}\">{ownTitle}</path>");
            }
            if (IsSmall(shape))
            {
                var mx = shape.MarkerX ?? shape.X;
                var my = shape.MarkerY ?? shape.Y;
                if (Math.Abs(mx - shape.X) + Math.Abs(my - shape.Y) > RegionMapData.MarkerRadius)
                {
                    sb.Append(Inv, $"<line class=\"leader\" x1=\"{N(shape.X)}\" y1=\"{N(shape.Y)}\" x2=\"{N(mx)}\" y2=\"{N(my)}\" stroke-width=\"0.7\"/>");
                }
                sb.Append(Inv, $"<circle class=\"marker\" data-country=\"{code}\" cx=\"{N(mx)}\" cy=\"{N(my)}\" r=\"{N(RegionMapData.MarkerRadius)}\" ");
                sb.Append(Inv, $"fill=\"{fill}\" stroke=\"{TextColour}\" stroke-width=\"1\">{ownTitle}</circle>");
                var lx = shape.LabelLeft ? mx - RegionMapData.MarkerRadius - 2.5 : mx + RegionMapData.MarkerRadius + 2.5;
                sb.Append(Inv, $"<text class=\"marker-label\" aria-hidden=\"true\" x=\"{N(lx)}\" y=\"{N(my)}\" dy=\"0.35em\" ");
                sb.Append(Inv, $"text-anchor=\"{(shape.LabelLeft ? "end" : "start")}\" font-size=\"{N(MarkerFontSize)}\" fill=\"{TextColour}\" ");
                sb.Append(Inv, $"stroke=\"{White}\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">{code}</text>");
            }
            sb.Append(linked ? "</a>" : "</g>");
        }
        sb.Append("</g>");

        sb.Append(Inv, $"<g class=\"legend\" font-size=\"{N(FontSize)}\" fill=\"{TextColour}\">");
        var y = legendTop;
        foreach (var (fill, lines, rowHeight) in rows)
        {
            var textTop = y + (rowHeight - 6 - lines.Count * lineH) / 2;
            var swatchY = y + (rowHeight - 6 - SwatchHeight) / 2;
            sb.Append("<g class=\"legend-item\">");
            sb.Append(Inv, $"<rect x=\"{N(Pad)}\" y=\"{N(swatchY)}\" width=\"{N(SwatchWidth)}\" height=\"{N(SwatchHeight)}\" fill=\"{fill}\" ");
            sb.Append(Inv, $"stroke=\"{BorderColour}\" stroke-width=\"1\"/>");
            sb.Append(Inv, $"<text x=\"{N(Pad + SwatchWidth + SwatchGap)}\" y=\"{N(textTop)}\">");
            for (var i = 0; i < lines.Count; i++)
            {
                sb.Append(Inv, $"<tspan x=\"{N(Pad + SwatchWidth + SwatchGap)}\" y=\"{N(textTop + i * lineH + FontSize * 0.95)}\">{SeriesChart.Esc(lines[i])}</tspan>");
            }
            sb.Append("</text></g>");
            y += rowHeight;
        }
        sb.Append("</g>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static bool IsSmall(RegionMapShape shape) => shape.Area < RegionMapData.SmallArea;

    private static double RowHeight(int lines, double lineH) => Math.Max(SwatchHeight, Math.Max(1, lines) * lineH) + 6;

    private static int Wrapped(int style) => (int)(((long)style % Palette.Count + Palette.Count) % Palette.Count);

    private static string Fill(string id, MapStyle style, int index) =>
        style.Pattern == MapPattern.Solid ? style.Colour : $"url(#{id}-style-{Wrapped(index)})";

    private static void AppendPattern(StringBuilder sb, string id, int index)
    {
        var style = StyleFor(index);
        if (style.Pattern == MapPattern.Solid) return;
        var (size, transform) = style.Pattern switch
        {
            MapPattern.Diagonal or MapPattern.CrossDiagonal => (6, " patternTransform=\"rotate(45)\""),
            MapPattern.Dashes => (8, ""),
            _ => (6, ""),
        };
        sb.Append(Inv, $"<pattern id=\"{id}-style-{index}\" patternUnits=\"userSpaceOnUse\" width=\"{size}\" height=\"{size}\"{transform}>");
        sb.Append(Inv, $"<rect width=\"{size}\" height=\"{size}\" fill=\"{style.Colour}\"/>");
        const string ink = $"stroke=\"{InkColour}\" stroke-width=\"1\"";
        switch (style.Pattern)
        {
            case MapPattern.Dots:
                sb.Append(Inv, $"<circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"{InkColour}\"/>");
                break;
            case MapPattern.Horizontal:
                sb.Append(Inv, $"<line x1=\"0\" y1=\"3\" x2=\"6\" y2=\"3\" {ink}/>");
                break;
            case MapPattern.Vertical:
            case MapPattern.Diagonal:
                sb.Append(Inv, $"<line x1=\"3\" y1=\"0\" x2=\"3\" y2=\"6\" {ink}/>");
                break;
            case MapPattern.Grid:
            case MapPattern.CrossDiagonal:
                sb.Append(Inv, $"<line x1=\"0\" y1=\"3\" x2=\"6\" y2=\"3\" {ink}/><line x1=\"3\" y1=\"0\" x2=\"3\" y2=\"6\" {ink}/>");
                break;
            case MapPattern.Dashes:
                sb.Append(Inv, $"<line x1=\"0\" y1=\"2\" x2=\"4\" y2=\"2\" {ink}/><line x1=\"4\" y1=\"6\" x2=\"8\" y2=\"6\" {ink}/>");
                break;
        }
        sb.Append("</pattern>");
    }

    /// <summary>A link kept only when it is relative or http, https or mailto, so no script can ride in on it.</summary>
    private static string? SafeHref(string? href)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        var trimmed = href.Trim();
        if (trimmed.Any(char.IsControl)) return null;
        var colon = trimmed.IndexOf(':');
        if (colon < 0) return trimmed;
        var firstDelimiter = trimmed.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon) return trimmed;
        var scheme = trimmed[..colon];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase)
            ? trimmed
            : null;
    }

    private static string N(double v)
    {
        if (!double.IsFinite(v)) return "0";
        var r = Math.Round(v, 1, MidpointRounding.AwayFromZero);
        return (r == 0 ? 0 : r).ToString("0.#", Inv);
    }

    /// <summary>An id prefix made safe for HTML and XML: ASCII letters, digits, '-' and '_', starting with a letter.</summary>
    private static string SanitizeId(string? prefix)
    {
        var sb = new StringBuilder();
        foreach (var c in prefix ?? "") sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        if (sb.Length == 0 || !char.IsAsciiLetter(sb[0])) sb.Insert(0, "map-");
        return sb.ToString();
    }
}
