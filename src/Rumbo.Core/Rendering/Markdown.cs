using System.Security.Cryptography;
using System.Text;
using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Caching.Memory;

namespace Rumbo.Core.Rendering;

/// <summary>
/// Markdown written by users (meeting descriptions, records, plans) rendered to HTML that is safe to put in a page:
/// Markdig renders, then HtmlSanitizer keeps only harmless elements and attributes, so raw HTML, script, event
/// handlers and javascript: links never reach the reader.
/// Sanitizing is the slow part (it parses the HTML into a DOM), and pages show the same texts on every request, so
/// the HTML is kept in memory keyed by the SHA-256 of the Markdown. The key is derived from the content alone: an
/// edited text has another key and renders afresh at once, and every web instance computes the same HTML for it.
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
        var key = Key(markdown);
        if (Rendered.TryGetValue(key, out string? html) && html is not null) return html;
        html = Render(markdown);
        Rendered.Set(key, html, new MemoryCacheEntryOptions { Size = key.Length + html.Length, SlidingExpiration = TimeSpan.FromHours(6) });
        return html;
    }

    /// <summary>The HTML of <see cref="ToHtml"/>, rendered and sanitized now.</summary>
    internal static string Render(string markdown) => Sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline));

    private static string Key(string markdown)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var bytes = Encoding.UTF8.GetBytes(markdown);
        SHA256.HashData(bytes, hash);
        return Convert.ToHexString(hash);
    }

    /// <summary>The text without its Markdown, for search, e-mails and exports.</summary>
    public static string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return string.Empty;
        return Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim();
    }
}
