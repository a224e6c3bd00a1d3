using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SkiaSharp;

namespace Rumbo.Core.Records;

/// <summary>
/// A meeting record as Word (OpenXML) and PDF files. The PDF is drawn with Skia's PDF back end, the same library that
/// draws Chromium's PDFs, with the DejaVu fonts (wide Latin coverage, so Spanish, Portuguese and French accents print),
/// so no browser runs on the server.
/// </summary>
public static class RecordExport
{
    public static byte[] ToDocx(RecordDocument r)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main, r.Language);
            var body = new Body();
            body.Append(Para("Title", [new TextRun(r.Title, false, false)]));
            body.Append(Para("Subtitle", [new TextRun(r.Subtitle, false, false)]));
            foreach (var (label, value) in r.Facts) body.Append(Para(null, [new TextRun(label + ": ", true, false), new TextRun(value, false, false)]));
            if (r.Note is not null) body.Append(Para(null, [new TextRun(r.Note, false, true)]));
            if (!string.IsNullOrWhiteSpace(r.Summary))
            {
                body.Append(Para("Heading1", [new TextRun(r.Labels.Summary, false, false)]));
                AppendMarkdown(body, r.Summary, 1);
            }
            foreach (var s in r.Sections)
            {
                body.Append(Para("Heading1", [new TextRun(s.Heading, false, false)]));
                AppendMarkdown(body, s.Body, 1);
                if (s.Outcomes.Count > 0)
                {
                    body.Append(Para("Heading2", [new TextRun(r.Labels.Outcomes, false, false)]));
                    body.Append(OutcomesTable(r.Labels, s.Outcomes));
                }
            }
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
            doc.PackageProperties.Title = r.Title;
            doc.PackageProperties.Language = r.Language;
        }
        return stream.ToArray();
    }

    private static void AppendMarkdown(Body body, string markdown, int headingOffset)
    {
        foreach (var b in MarkdownBlocks.Parse(markdown))
        {
            var p = b.Kind switch
            {
                BlockKind.Heading => Para($"Heading{Math.Min(b.Level + headingOffset, 4)}", b.Runs),
                BlockKind.ListItem => Para("ListParagraph", [new TextRun(b.Marker + "\t", false, false), .. b.Runs], indent: b.Level),
                BlockKind.Quote => Para("Quote", b.Runs, indent: b.Level),
                _ => Para(null, b.Runs, indent: b.Level),
            };
            body.Append(p);
        }
    }

    private static Paragraph Para(string? style, IEnumerable<TextRun> runs, int indent = 0)
    {
        var p = new Paragraph();
        var props = new ParagraphProperties();
        if (style is not null) props.Append(new ParagraphStyleId { Val = style });
        if (indent > 0) props.Append(new Indentation { Left = (360 * indent).ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" });
        if (props.HasChildren) p.Append(props);
        foreach (var run in runs)
        {
            var r = new Run();
            if (run.Bold || run.Italic)
            {
                var rp = new RunProperties();
                if (run.Bold) rp.Append(new Bold());
                if (run.Italic) rp.Append(new Italic());
                r.Append(rp);
            }
            var parts = run.Text.Split('\t');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0) r.Append(new TabChar());
                if (parts[i].Length > 0) r.Append(new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
            }
            p.Append(r);
        }
        return p;
    }

    private static Table OutcomesTable(RecordDocumentLabels labels, IReadOnlyList<RecordDocumentOutcome> outcomes)
    {
        var border = new BorderType[] { new TopBorder(), new BottomBorder(), new LeftBorder(), new RightBorder(), new InsideHorizontalBorder(), new InsideVerticalBorder() };
        foreach (var b in border) { b.Val = BorderValues.Single; b.Size = 4; }
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, new TableBorders(border)));
        table.Append(Row(true, labels.Kind, labels.Text, labels.Owner, labels.Due));
        foreach (var o in outcomes) table.Append(Row(false, o.Kind, o.Text, o.Owner ?? "", o.Due ?? ""));
        return table;
    }

    private static TableRow Row(bool header, params string[] cells)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var c in cells) row.Append(new TableCell(Para(null, [new TextRun(c, header, false)])));
        return row;
    }

    private static void AddStyles(MainDocumentPart main, string language)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        var defaults = new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "22" }, new Languages { Val = language })));
        Style Heading(string id, string name, string size) => new(
            new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" },
                new OutlineLevel { Val = int.Parse(id[^1..], System.Globalization.CultureInfo.InvariantCulture) - 1 }),
            new StyleRunProperties(new Bold(), new FontSize { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = id };
        styles.Styles = new Styles(defaults,
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(), new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Title" }, new BasedOn { Val = "Normal" }, new PrimaryStyle(), new StyleRunProperties(new Bold(), new FontSize { Val = "36" }))
            { Type = StyleValues.Paragraph, StyleId = "Title" },
            new Style(new StyleName { Val = "Subtitle" }, new BasedOn { Val = "Normal" }, new PrimaryStyle(), new StyleRunProperties(new FontSize { Val = "26" }))
            { Type = StyleValues.Paragraph, StyleId = "Subtitle" },
            Heading("Heading1", "heading 1", "30"), Heading("Heading2", "heading 2", "26"), Heading("Heading3", "heading 3", "24"), Heading("Heading4", "heading 4", "22"),
            new Style(new StyleName { Val = "List Paragraph" }, new BasedOn { Val = "Normal" }, new StyleParagraphProperties(new SpacingBetweenLines { After = "60" }))
            { Type = StyleValues.Paragraph, StyleId = "ListParagraph" },
            new Style(new StyleName { Val = "Quote" }, new BasedOn { Val = "Normal" }, new StyleRunProperties(new Italic()))
            { Type = StyleValues.Paragraph, StyleId = "Quote" });
        styles.Styles.Save();
    }

    public static byte[] ToPdf(RecordDocument r, DateTime createdAtUtc)
    {
        using var stream = new MemoryStream();
        using (var pdf = new PdfWriter(stream, r, createdAtUtc))
        {
            pdf.Write(r.Title, pdf.Title, 8);
            pdf.Write(r.Subtitle, pdf.Subtitle, 10);
            foreach (var (label, value) in r.Facts) pdf.Runs([new TextRun(label + ": ", true, false), new TextRun(value, false, false)], 0, null, 4);
            if (r.Note is not null) pdf.Runs([new TextRun(r.Note, false, true)], 0, null, 4);
            if (!string.IsNullOrWhiteSpace(r.Summary))
            {
                pdf.Gap(10);
                pdf.Write(r.Labels.Summary, pdf.H1, 6);
                pdf.Markdown(r.Summary);
            }
            foreach (var s in r.Sections)
            {
                pdf.Gap(10);
                pdf.Write(s.Heading, pdf.H1, 6);
                pdf.Markdown(s.Body);
                if (s.Outcomes.Count > 0)
                {
                    pdf.Gap(4);
                    pdf.Write(r.Labels.Outcomes, pdf.H2, 4);
                    pdf.Table([r.Labels.Kind, r.Labels.Text, r.Labels.Owner, r.Labels.Due],
                        s.Outcomes.Select(o => new[] { o.Kind, o.Text, o.Owner ?? "", o.Due ?? "" }).ToList(), [0.17f, 0.5f, 0.2f, 0.13f]);
                }
            }
        }
        return stream.ToArray();
    }

    /// <summary>Lays text out on A4 pages: words wrapped to the width, a new page when one is full.</summary>
    private sealed class PdfWriter : IDisposable
    {
        private const float Width = 595, Height = 842, Margin = 56;
        private readonly SKDocument document;
        private readonly SKTypeface regular, bold, italic, boldItalic;
        private readonly SKPaint ink = new() { Color = SKColors.Black, IsAntialias = true };
        private readonly SKPaint rule = new() { Color = new SKColor(0x88, 0x88, 0x88), StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        private SKCanvas? canvas;
        private float y;

        public readonly (SKTypeface Face, float Size) Title, Subtitle, H1, H2, H3;

        public PdfWriter(Stream stream, RecordDocument r, DateTime createdAtUtc)
        {
            document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = r.Title, Creator = "Rumbo", Producer = "Rumbo", Creation = createdAtUtc });
            regular = Face(SKFontStyle.Normal);
            bold = Face(SKFontStyle.Bold);
            italic = Face(SKFontStyle.Italic);
            boldItalic = Face(SKFontStyle.BoldItalic);
            Title = (bold, 18);
            Subtitle = (regular, 13);
            H1 = (bold, 14);
            H2 = (bold, 12);
            H3 = (bold, 11);
            NewPage();
        }

        private static SKTypeface Face(SKFontStyle style) =>
            SKTypeface.FromFamilyName("DejaVu Sans", style) ?? SKTypeface.FromFamilyName(null, style) ?? SKTypeface.Default;

        private void NewPage()
        {
            if (canvas is not null) document.EndPage();
            canvas = document.BeginPage(Width, Height);
            y = Margin;
        }

        public void Gap(float points) => y += points;

        public void Write(string text, (SKTypeface Face, float Size) style, float after) =>
            Lines(Wrap([new TextRun(text, style.Face == bold, false)], Width - 2 * Margin, style.Size, style.Face == bold ? bold : null), Margin, style.Size, after);

        public void Runs(IReadOnlyList<TextRun> runs, float indent, string? marker, float after, float size = 10.5f)
        {
            var x = Margin + indent;
            var lines = Wrap(runs, Width - Margin - x, size, null);
            if (marker is not null && lines.Count > 0)
            {
                Ensure(size * 1.35f);
                using var font = new SKFont(regular, size);
                canvas!.DrawText(marker, x - 14, y + size, SKTextAlign.Left, font, ink);
            }
            Lines(lines, x, size, after);
        }

        public void Markdown(string markdown)
        {
            foreach (var b in MarkdownBlocks.Parse(markdown))
            {
                switch (b.Kind)
                {
                    case BlockKind.Heading:
                        var h = b.Level <= 1 ? H2 : H3;
                        Runs(b.Runs.Select(run => run with { Bold = true }).ToList(), 0, null, 4, h.Size);
                        break;
                    case BlockKind.ListItem:
                        Runs(b.Runs, 18 * b.Level, b.Marker, 3);
                        break;
                    case BlockKind.Quote:
                        Runs(b.Runs.Select(run => run with { Italic = true }).ToList(), 18 * b.Level, null, 6);
                        break;
                    default:
                        Runs(b.Runs, 18 * b.Level, null, 6);
                        break;
                }
            }
        }

        public void Table(string[] header, IReadOnlyList<string[]> rows, float[] shares)
        {
            const float size = 9.5f, pad = 3;
            var total = Width - 2 * Margin;
            var widths = shares.Select(s => s * total).ToArray();
            foreach (var (cells, isHeader) in rows.Select(r => (r, false)).Prepend((header, true)))
            {
                var wrapped = cells.Select((c, i) => Wrap([new TextRun(c, isHeader, false)], widths[i] - 2 * pad, size, null)).ToList();
                var height = wrapped.Max(w => Math.Max(1, w.Count)) * size * 1.35f + 2 * pad;
                Ensure(height);
                var x = Margin;
                canvas!.DrawLine(Margin, y, Margin + total, y, rule);
                for (var i = 0; i < cells.Length; i++)
                {
                    var ly = y + pad;
                    foreach (var line in wrapped[i])
                    {
                        DrawLine(line, x + pad, ly + size, size);
                        ly += size * 1.35f;
                    }
                    x += widths[i];
                }
                y += height;
                canvas.DrawLine(Margin, y, Margin + total, y, rule);
            }
            y += 6;
        }

        private void Ensure(float height)
        {
            if (y + height > Height - Margin) NewPage();
        }

        private void Lines(List<List<TextRun>> lines, float x, float size, float after)
        {
            foreach (var line in lines)
            {
                Ensure(size * 1.35f);
                DrawLine(line, x, y + size, size);
                y += size * 1.35f;
            }
            y += after;
        }

        private void DrawLine(List<TextRun> line, float x, float baseline, float size)
        {
            foreach (var run in line)
            {
                using var font = new SKFont(FaceOf(run), size);
                canvas!.DrawText(run.Text, x, baseline, SKTextAlign.Left, font, ink);
                x += font.MeasureText(run.Text);
            }
        }

        private SKTypeface FaceOf(TextRun run) => (run.Bold, run.Italic) switch
        {
            (true, true) => boldItalic,
            (true, false) => bold,
            (false, true) => italic,
            _ => regular,
        };

        /// <summary>Breaks runs into lines no wider than the width, at spaces; a word longer than a line is cut.</summary>
        private List<List<TextRun>> Wrap(IReadOnlyList<TextRun> runs, float width, float size, SKTypeface? face)
        {
            var lines = new List<List<TextRun>>();
            var line = new List<TextRun>();
            var used = 0f;
            foreach (var run in runs)
            {
                using var font = new SKFont(face ?? FaceOf(run), size);
                foreach (var (word, i) in Tokens(run.Text).Select((w, i) => (w, i)))
                {
                    if (word == "\n") { lines.Add(line); line = []; used = 0; continue; }
                    var w = font.MeasureText(word);
                    if (used + w > width && line.Count > 0 && !string.IsNullOrWhiteSpace(word))
                    {
                        lines.Add(line);
                        line = [];
                        used = 0;
                    }
                    if (line.Count == 0 && string.IsNullOrWhiteSpace(word)) continue;
                    var piece = word;
                    while (font.MeasureText(piece) > width && piece.Length > 1)
                    {
                        var n = (int)font.BreakText(piece, width);
                        n = Math.Max(1, n);
                        line.Add(run with { Text = piece[..n] });
                        lines.Add(line);
                        line = [];
                        piece = piece[n..];
                    }
                    line.Add(run with { Text = piece });
                    used += font.MeasureText(piece);
                }
            }
            if (line.Count > 0) lines.Add(line);
            return lines;
        }

        /// <summary>Words and the spaces between them, and line breaks as their own token.</summary>
        private static IEnumerable<string> Tokens(string text)
        {
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is ' ' or '\n')
                {
                    if (i > start) yield return text[start..i];
                    yield return text[i] == '\n' ? "\n" : " ";
                    start = i + 1;
                }
            }
            if (start < text.Length) yield return text[start..];
        }

        public void Dispose()
        {
            document.EndPage();
            document.Close();
            document.Dispose();
            foreach (var f in new[] { regular, bold, italic, boldItalic }) f.Dispose();
            ink.Dispose();
            rule.Dispose();
        }
    }
}
