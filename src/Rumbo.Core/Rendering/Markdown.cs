using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Caching.Memory;

namespace Rumbo.Core.Rendering;

/// <summary>
/// Markdown written by users (meeting descriptions, records, plans) rendered to HTML that is safe to put in a page:
/// Markdig renders, then HtmlSanitizer keeps only harmless elements and attributes, so raw HTML, script, event
/// handlers and javascript: links never reach the reader.
/// Sanitizing is the slow part (it parses the HTML into a DOM), and pages show the same texts on every request, so
/// the HTML is kept in memory keyed by the Markdown text itself. The key is the content alone: an edited text has
/// another key and renders afresh at once, and every web instance computes the same HTML for it. (A SHA-256 of the
/// text served as the key before; encoding each text to hash it was a twentieth of what a meeting's page allocated.)
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

    /// <summary>Bounded by the characters held (keys and HTML); the least recently used go first when it is full.</summary>
    private static readonly MemoryCache Rendered = new(new MemoryCacheOptions { SizeLimit = 32 * 1024 * 1024, CompactionPercentage = 0.25 });

    /// <summary>Sanitized HTML of the Markdown text; empty for an empty text.</summary>
    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return string.Empty;
        if (Rendered.TryGetValue(markdown, out string? html) && html is not null) return html;
        html = Render(markdown);
        Rendered.Set(markdown, html, new MemoryCacheEntryOptions { Size = markdown.Length + html.Length, SlidingExpiration = TimeSpan.FromHours(6) });
        return html;
    }

    /// <summary>The HTML of <see cref="ToHtml"/>, rendered and sanitized now.</summary>
    internal static string Render(string markdown) => Sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline));

    /// <summary>
    /// Markdown as the record editor and a translated file keep it: as written, with one kind of line end and no trailing
    /// blank lines (its line breaks make lists, so they are never folded as a plain text's are); null when blank.
    /// </summary>
    public static string? Clean(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? null : markdown.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd();

    /// <summary>The text without its Markdown, for search, e-mails and exports.</summary>
    public static string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return string.Empty;
        return Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim();
    }
}
