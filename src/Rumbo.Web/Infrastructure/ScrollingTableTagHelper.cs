using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Rumbo.Web.Infrastructure;

/// <summary>
/// A table's scrolling box (<c>&lt;div class="table-wrap"&gt;</c>): a wide table scrolls inside it rather than the page,
/// so a keyboard must be able to reach it (tabindex 0) and a screen reader must know what it holds (a region named by
/// the table's caption, or by the table's or the box's own aria-labelledby). The caption gets an id when it has none.
/// A box the page names itself, or makes focusable itself, keeps what it was given.
/// </summary>
[HtmlTargetElement("div", Attributes = "[class^=table-wrap]")]
public sealed partial class ScrollingTableTagHelper : TagHelper
{
    private const string CounterKey = "Rumbo.ScrollingTable.Count";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("tabindex")) output.Attributes.SetAttribute("tabindex", "0");
        if (!output.Attributes.ContainsName("role")) output.Attributes.SetAttribute("role", "region");
        if (output.Attributes.ContainsName("aria-label") || output.Attributes.ContainsName("aria-labelledby")) return;

        var content = (await output.GetChildContentAsync()).GetContent();
        var table = FirstTable().Match(content);
        var labelledBy = LabelledBy().Match(table.Success ? table.Value : "");
        if (labelledBy.Success)
        {
            output.Attributes.SetAttribute("aria-labelledby", labelledBy.Groups["id"].Value);
            return;
        }
        var caption = Caption().Match(content);
        if (!caption.Success)
        {
            // A box nobody named is a page's mistake, which the every-page browser sweep reports (an unnamed region);
            // the page must still answer, so it goes out focusable but without a region's role.
            output.Attributes.RemoveAll("role");
            return;
        }
        var id = caption.Groups["id"].Success ? caption.Groups["id"].Value : null;
        if (id is null)
        {
            var items = ViewContext.HttpContext.Items;
            var n = items.TryGetValue(CounterKey, out var value) && value is int count ? count + 1 : 1;
            items[CounterKey] = n;
            id = $"table-caption-{n}";
            content = content[..caption.Index] + $"<caption id=\"{id}\"" + content[(caption.Index + "<caption".Length)..];
        }
        output.Attributes.SetAttribute("aria-labelledby", id);
        output.Content.SetHtmlContent(content);
    }

    /// <summary>The first table's start tag.</summary>
    [GeneratedRegex("<table\\b[^>]*>")]
    private static partial Regex FirstTable();

    /// <summary>An aria-labelledby attribute.</summary>
    [GeneratedRegex("""\baria-labelledby="(?<id>[^"]+)""")]
    private static partial Regex LabelledBy();

    /// <summary>The first caption, with its id when it has one.</summary>
    [GeneratedRegex("""<caption\b(?:[^>]*?\bid="(?<id>[^"]+)")?""")]
    private static partial Regex Caption();
}
