using System.Text;
using System.Text.RegularExpressions;

namespace Rumbo.Core.Agendas.Import;

internal enum BlockKind
{
    Paragraph,
    Heading,
    Bullet,
}

/// <summary>One paragraph, heading or list item of a Markdown file, with the line it starts on (1-based).</summary>
internal sealed record MarkdownBlock(BlockKind Kind, int Line, string Content)
{
    /// <summary>The content without emphasis markers, whitespace normalized.</summary>
    public string Text { get; } = SourceText.Normalize(MarkdownBlocks.StripEmphasis(Content));
}

/// <summary>
/// A deliberately small Markdown reader: documents converted from PDF only use headings, emphasis and
/// (possibly indented) bullets, and nesting carries no meaning in them, so every bullet is a block of its own.
/// </summary>
internal static partial class MarkdownBlocks
{
    public static List<MarkdownBlock> Read(IReadOnlyList<string> lines)
    {
        var blocks = new List<MarkdownBlock>();
        BlockKind? openKind = null;
        var openLine = 0;
        var open = new StringBuilder();

        void Close()
        {
            if (openKind is { } kind)
            {
                blocks.Add(new MarkdownBlock(kind, openLine, open.ToString()));
            }

            openKind = null;
            open.Clear();
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line) || ThematicBreak().IsMatch(line))
            {
                Close();
                continue;
            }

            var heading = Heading().Match(line);
            if (heading.Success)
            {
                Close();
                blocks.Add(new MarkdownBlock(BlockKind.Heading, i + 1, heading.Groups["content"].Value));
                continue;
            }

            var bullet = Bullet().Match(line);
            if (bullet.Success)
            {
                Close();
                openKind = BlockKind.Bullet;
                openLine = i + 1;
                open.Append(bullet.Groups["content"].Value);
                continue;
            }

            // A line right after a paragraph or a list item continues it (Markdown's lazy continuation),
            // which is how the converter writes hard-wrapped cover lines.
            if (openKind is null)
            {
                openKind = BlockKind.Paragraph;
                openLine = i + 1;
            }
            else
            {
                open.Append(' ');
            }

            open.Append(line.Trim());
        }

        Close();
        return blocks;
    }

    public static string StripEmphasis(string content) => Emphasis().Replace(content, string.Empty);

    public static bool LooksLikeMarkdown(IReadOnlyList<string> lines) =>
        lines.Any(line => Heading().IsMatch(line) || line.TrimStart().StartsWith("**", StringComparison.Ordinal));

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<content>.*?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[ \t]*[-+*][ \t]+(?<content>\S.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"\*+")]
    private static partial Regex Emphasis();
}
