using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Rumbo.Core.Records;

/// <summary>A meeting record as the exports lay it out, in one language, labels included.</summary>
public sealed record RecordDocument(
    string Title, string Subtitle, string Language, IReadOnlyList<(string Label, string Value)> Facts,
    string Summary, IReadOnlyList<RecordDocumentSection> Sections, RecordDocumentLabels Labels)
{
    /// <summary>Said under the facts: that the text shown is a translation that is not official, when it is.</summary>
    public string? Note { get; init; }
}

public sealed record RecordDocumentSection(string Heading, string Body, IReadOnlyList<RecordDocumentOutcome> Outcomes);

public sealed record RecordDocumentOutcome(string Kind, string Text, string? Owner, string? Due);

public sealed record RecordDocumentLabels(string Summary, string Outcomes, string Kind, string Text, string Owner, string Due);

/// <summary>A run of text with its emphasis.</summary>
public sealed record TextRun(string Text, bool Bold, bool Italic);

public enum BlockKind
{
    Heading,
    Paragraph,
    ListItem,
    Quote,
    Code,
}

/// <summary>One block of a Markdown text, flattened for layout: headings, paragraphs and list items (with their depth and marker).</summary>
public sealed record TextBlock(BlockKind Kind, int Level, string? Marker, IReadOnlyList<TextRun> Runs);

/// <summary>Markdown turned into blocks the DOCX and PDF writers lay out; raw HTML is dropped, as in the page.</summary>
public static class MarkdownBlocks
{
    private static readonly Markdig.MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().UseListExtras().Build();

    public static IReadOnlyList<TextBlock> Parse(string? markdown)
    {
        var blocks = new List<TextBlock>();
        if (string.IsNullOrWhiteSpace(markdown)) return blocks;
        var doc = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var b in doc) Add(blocks, b, 0);
        return blocks;
    }

    private static void Add(List<TextBlock> blocks, Block block, int depth)
    {
        switch (block)
        {
            case HeadingBlock h:
                blocks.Add(new TextBlock(BlockKind.Heading, h.Level, null, Runs(h.Inline)));
                break;
            case ParagraphBlock p:
                blocks.Add(new TextBlock(BlockKind.Paragraph, depth, null, Runs(p.Inline)));
                break;
            case ListBlock list:
                var n = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{n++}." : "•";
                    var first = true;
                    foreach (var child in item)
                    {
                        if (first && child is ParagraphBlock lp)
                        {
                            blocks.Add(new TextBlock(BlockKind.ListItem, depth + 1, marker, Runs(lp.Inline)));
                        }
                        else
                        {
                            Add(blocks, child, depth + 1);
                        }
                        first = false;
                    }
                }
                break;
            case QuoteBlock q:
                foreach (var child in q)
                {
                    if (child is ParagraphBlock qp) blocks.Add(new TextBlock(BlockKind.Quote, depth + 1, null, Runs(qp.Inline)));
                    else Add(blocks, child, depth + 1);
                }
                break;
            case CodeBlock c:
                var lines = c.Lines.ToString();
                blocks.Add(new TextBlock(BlockKind.Code, depth, null, [new TextRun(lines.TrimEnd(), false, false)]));
                break;
            case Table t:
                foreach (var row in t.OfType<TableRow>())
                {
                    var cells = row.OfType<TableCell>().Select(cell => string.Concat(cell.OfType<ParagraphBlock>().SelectMany(cp => Runs(cp.Inline)).Select(r => r.Text)));
                    blocks.Add(new TextBlock(BlockKind.Paragraph, depth, null, [new TextRun(string.Join(" | ", cells), row.IsHeader, false)]));
                }
                break;
            case ContainerBlock container:
                foreach (var child in container) Add(blocks, child, depth);
                break;
        }
    }

    private static List<TextRun> Runs(ContainerInline? inline)
    {
        var runs = new List<TextRun>();
        if (inline is not null) Collect(inline, false, false, runs);
        return runs;
    }

    private static void Collect(Inline inline, bool bold, bool italic, List<TextRun> runs)
    {
        switch (inline)
        {
            case LiteralInline l:
                runs.Add(new TextRun(l.Content.ToString(), bold, italic));
                break;
            case CodeInline c:
                runs.Add(new TextRun(c.Content, bold, italic));
                break;
            case LineBreakInline:
                runs.Add(new TextRun(" ", bold, italic));
                break;
            case AutolinkInline a:
                runs.Add(new TextRun(a.Url, bold, italic));
                break;
            case EmphasisInline e:
                var strong = e.DelimiterCount >= 2 && e.DelimiterChar is '*' or '_';
                foreach (var child in e) Collect(child, bold || strong, italic || !strong, runs);
                break;
            case LinkInline link:
                foreach (var child in link) Collect(child, bold, italic, runs);
                if (!string.IsNullOrEmpty(link.Url) && !link.IsImage) runs.Add(new TextRun($" ({link.Url})", bold, italic));
                break;
            case ContainerInline container:
                foreach (var child in container) Collect(child, bold, italic, runs);
                break;
            // Raw HTML is not carried over: the page sanitizes it away, so the files do too.
        }
    }
}
