using Ganss.Xss;
using Markdig;

namespace Rumbo.Core.Rendering;

/// <summary>
/// Markdown written by users (meeting descriptions, records, plans) rendered to HTML that is safe to put in a page:
/// Markdig renders, then HtmlSanitizer keeps only harmless elements and attributes, so raw HTML, script, event
/// handlers and javascript: links never reach the reader.
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        s.AllowedTags.ExceptWith(["form", "input", "button", "select", "textarea", "img", "style", "iframe"]);
        s.AllowedAttributes.ExceptWith(["style", "class", "id"]);
        s.AllowedCssProperties.Clear();
        // Links written by users open as ordinary links and give the target no hold on Rumbo's window.
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } a)
            {
                a.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        return s;
    }

    /// <summary>Sanitized HTML of the Markdown text; empty for an empty text.</summary>
    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return string.Empty;
        return Sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline));
    }

    /// <summary>The text without its Markdown, for search, e-mails and exports.</summary>
    public static string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return string.Empty;
        return Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim();
    }
}
