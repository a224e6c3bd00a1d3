using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rumbo.Core.Agendas.Import;

/// <summary>A paragraph of plain text and the line it starts on (1-based).</summary>
internal sealed record TextParagraph(int Line, string Text);

/// <summary>
/// Turns the plain text a PDF extractor produces back into paragraphs: page numbers, footnotes, tables and
/// diagrams are taken out, and paragraphs cut by page breaks are joined again.
/// </summary>
internal static partial class PdfText
{
    public static List<TextParagraph> Paragraphs(IReadOnlyList<string> lines)
    {
        var kept = RemoveNonText(lines);
        var segments = Segments(kept);
        var paragraphs = new List<TextParagraph>();
        foreach (var segment in segments)
        {
            if (paragraphs.Count > 0 && Continues(paragraphs[^1].Text, segment.Text))
            {
                paragraphs[^1] = paragraphs[^1] with { Text = paragraphs[^1].Text + " " + segment.Text };
            }
            else
            {
                paragraphs.Add(segment);
            }
        }

        return paragraphs;
    }

    /// <summary>A heading in capitals ("A. DRAFT PLAN OF WORK") or a numbered one ("1. Participants and roles").</summary>
    public static bool IsHeading(string paragraph) =>
        (SourceText.IsAllCaps(paragraph) && !paragraph.Contains("..", StringComparison.Ordinal))
        || (Numbered().IsMatch(paragraph) && !SourceText.EndsClause(paragraph));

    public static bool IsListItem(string paragraph) => ListLabel().IsMatch(paragraph) || Numbered().IsMatch(paragraph);

    /// <summary>
    /// Text cut by a page break or a stray blank line continues the paragraph before it; nothing continues a
    /// heading, a finished sentence or a list lead-in, and list items always start afresh.
    /// </summary>
    private static bool Continues(string previous, string next) =>
        !SourceText.EndsClause(previous) && !IsHeading(previous) && !IsHeading(next) && !IsListItem(next);

    /// <summary>
    /// Runs of non-blank lines. An indented line also starts a run, since the extractor indents the first line of
    /// a paragraph and the text that resumes after a page break.
    /// </summary>
    private static List<TextParagraph> Segments(string?[] lines)
    {
        var segments = new List<TextParagraph>();
        var current = new StringBuilder();
        var start = 0;

        void Close()
        {
            if (current.Length > 0)
            {
                segments.Add(new TextParagraph(start, SourceText.Normalize(current.ToString())));
            }

            current.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                Close();
                continue;
            }

            if (char.IsWhiteSpace(line[0]))
            {
                Close();
            }

            if (current.Length == 0)
            {
                start = i + 1;
            }

            current.Append(line).Append(' ');
        }

        Close();
        return segments;
    }

    /// <summary>Blanks out (keeping line numbers) everything that is not running text, and cleans what is left.</summary>
    private static string?[] RemoveNonText(IReadOnlyList<string> lines)
    {
        var kept = lines.Select(l => (string?)l).ToArray();

        for (var i = 0; i < kept.Length; i++)
        {
            if (PageNumber().IsMatch(kept[i]!))
            {
                kept[i] = null;
            }
        }

        RemoveFigures(kept);
        var footnotes = RemoveFootnotes(kept);

        for (var i = 0; i < kept.Length; i++)
        {
            if (kept[i] is { } line && footnotes.Count > 0)
            {
                kept[i] = FootnoteReference().Replace(line, m =>
                    footnotes.Contains(int.Parse(m.Groups["number"].Value, CultureInfo.InvariantCulture)) ? string.Empty : m.Value);
            }
        }

        return kept;
    }

    /// <summary>
    /// Drops tables and diagrams, from their caption ("Table 1") to the end of their "Source:" note, which may run
    /// over a blank line.
    /// </summary>
    private static void RemoveFigures(string?[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] is not { } caption || !FigureCaption().IsMatch(caption.Trim()))
            {
                continue;
            }

            var source = Array.FindIndex(lines, i + 1, l => l is not null && l.TrimStart().StartsWith("Source:", StringComparison.Ordinal));
            if (source < 0)
            {
                throw new AgendaFormatException($"\"{caption.Trim()}\" has no \"Source:\" line to end it", i + 1);
            }

            var note = new StringBuilder();
            var end = source;
            for (; end < lines.Length; end++)
            {
                if (string.IsNullOrWhiteSpace(lines[end]))
                {
                    continue;
                }

                note.Append(lines[end]).Append(' ');
                if (SourceText.EndsClause(note.ToString().TrimEnd()))
                {
                    break;
                }
            }

            for (var j = i; j <= end && j < lines.Length; j++)
            {
                lines[j] = null;
            }

            i = end;
        }
    }

    /// <summary>
    /// Footnotes sit where the page ended: a line starting with the next footnote number ("3  For example ...")
    /// and the lines after it, up to the indented line where the next page's text resumes. Only the expected next
    /// number counts, so that body lines starting with a figure ("2030 Agenda ...") are left alone.
    /// </summary>
    private static HashSet<int> RemoveFootnotes(string?[] lines)
    {
        var found = new HashSet<int>();
        var next = 1;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!IsFootnoteStart(lines[i], next))
            {
                continue;
            }

            found.Add(next);
            next++;
            lines[i] = null;
            for (i++; i < lines.Length; i++)
            {
                var line = lines[i];
                if (string.IsNullOrWhiteSpace(line))
                {
                    lines[i] = null;
                    continue;
                }

                if (IsFootnoteStart(line, next))
                {
                    found.Add(next);
                    next++;
                    lines[i] = null;
                    continue;
                }

                var trimmed = line.Trim();
                if (char.IsWhiteSpace(line[0]) || IsHeading(trimmed) || IsListItem(trimmed))
                {
                    i--;
                    break;
                }

                lines[i] = null;
            }
        }

        return found;
    }

    private static bool IsFootnoteStart(string? line, int number)
    {
        var match = line is null ? Match.Empty : FootnoteStart().Match(line);
        return match.Success && int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture) == number;
    }

    [GeneratedRegex(@"^\s*\d{1,3}\s*$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(?<number>\d{1,2})[ \t]{1,2}(?=\S)")]
    private static partial Regex FootnoteStart();

    // A reference is a number glued to the end of a word or punctuation ("spaces.3", "Caribbean,1").
    [GeneratedRegex(@"(?<=[\p{L}.,;:)\u2019\u201D])(?<number>\d{1,2})(?=\s|$)")]
    private static partial Regex FootnoteReference();

    [GeneratedRegex(@"^(?:Table|Diagram|Figure|Chart|Map)\s+\d+$")]
    private static partial Regex FigureCaption();

    [GeneratedRegex(@"^\((?:[a-z]|[ivxlc]+)\)\s")]
    private static partial Regex ListLabel();

    [GeneratedRegex(@"^\d+\.\s+\S")]
    private static partial Regex Numbered();
}
