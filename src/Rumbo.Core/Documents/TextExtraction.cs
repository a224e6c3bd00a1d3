using System.ComponentModel;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Logging;
using Drawing = DocumentFormat.OpenXml.Drawing;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;
using Wordprocessing = DocumentFormat.OpenXml.Wordprocessing;

namespace Rumbo.Core.Documents;

/// <summary>
/// The text of a file, for search: PDF through poppler's <c>pdftotext</c> run as a process with a time limit and an
/// output cap; Office Open XML through DocumentFormat.OpenXml; OpenDocument from its content.xml. Images have none.
/// </summary>
public sealed class DocumentTextExtractor(DocumentsOptions options, ILogger<DocumentTextExtractor> log)
{
    /// <summary>The text, normalized (one space between words, one line per paragraph); null when it could not be extracted.</summary>
    public async Task<string?> ExtractAsync(string path, FileFormat format, CancellationToken ct)
    {
        try
        {
            var raw = format switch
            {
                FileFormat.Pdf => await PdfAsync(path, ct),
                FileFormat.Docx => Word(path),
                FileFormat.Xlsx => Excel(path),
                FileFormat.Pptx => PowerPoint(path),
                FileFormat.Odt or FileFormat.Ods or FileFormat.Odp => OpenDocument(path),
                _ => null,
            };
            return raw is null ? null : Normalize(raw);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException)
        {
            log.LogWarning(e, "The text of a {Format} file could not be extracted; the document is kept without it.", format);
            return null;
        }
    }

    /// <summary>Lines trimmed and their white space folded, blank lines dropped, and no more than the cap.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            if (sb.Length > 0) sb.Append('\n');
            sb.AppendJoin(' ', words);
            if (sb.Length >= DocumentsOptions.MaxTextCharacters) break;
        }
        return sb.Length > DocumentsOptions.MaxTextCharacters ? sb.ToString(0, DocumentsOptions.MaxTextCharacters) : sb.ToString();
    }

    private async Task<string?> PdfAsync(string path, CancellationToken ct)
    {
        var start = new ProcessStartInfo(options.PdfToText)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in new[] { "-enc", "UTF-8", "-nopgbrk", "-q", path, "-" }) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("The process did not start.");
        }
        catch (Win32Exception e)
        {
            log.LogWarning(e, "{Program} (poppler-utils) is not available: a PDF's text is not extracted, and the PDF is not found by its contents. Install poppler-utils.", options.PdfToText);
            return null;
        }
        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.ExtractionTimeout);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            var sb = new StringBuilder();
            var buffer = new char[8192];
            try
            {
                int n;
                while ((n = await process.StandardOutput.ReadAsync(buffer, timeout.Token)) > 0)
                {
                    sb.Append(buffer, 0, n);
                    // More text than is ever kept: stop reading and stop the program.
                    if (sb.Length > DocumentsOptions.MaxTextCharacters * 2) break;
                }
                Stop(process);
                await process.WaitForExitAsync(timeout.Token);
                await errors;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                Stop(process);
                log.LogWarning("pdftotext took longer than {Timeout}; the PDF is kept without its text.", options.ExtractionTimeout);
                return null;
            }
            if (process.ExitCode != 0 && sb.Length == 0 && process.ExitCode != -1 && process.ExitCode != 137)
            {
                log.LogWarning("pdftotext could not read a PDF (exit code {Code}); it is kept without its text.", process.ExitCode);
                return null;
            }
            return sb.ToString();
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own in between.
        }
    }

    private static string Word(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        var body = doc.MainDocumentPart?.Document?.Body;
        if (body is null) return string.Empty;
        return string.Join('\n', body.Descendants<Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    private static string Excel(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        var wb = doc.WorkbookPart;
        // The workbook part is read even when no sheet has text of its own, so that a damaged one is found.
        if (wb?.Workbook is null) return string.Empty;
        var lines = new List<string>();
        if (wb.SharedStringTablePart?.SharedStringTable is { } table)
        {
            lines.AddRange(table.Elements<Spreadsheet.SharedStringItem>().Select(i => i.InnerText));
        }
        foreach (var sheet in wb.WorksheetParts)
        {
            lines.AddRange(sheet.Worksheet.Descendants<Spreadsheet.InlineString>().Select(i => i.InnerText));
        }
        return string.Join('\n', lines);
    }

    private static string PowerPoint(string path)
    {
        using var doc = PresentationDocument.Open(path, false);
        var presentation = doc.PresentationPart;
        if (presentation?.Presentation?.SlideIdList is null) return string.Empty;
        var lines = new List<string>();
        foreach (var id in presentation.Presentation.SlideIdList.Elements<DocumentFormat.OpenXml.Presentation.SlideId>())
        {
            if (id.RelationshipId?.Value is not { } rel || presentation.GetPartById(rel) is not SlidePart slide) continue;
            lines.AddRange(slide.Slide.Descendants<Drawing.Paragraph>().Select(p => p.InnerText));
        }
        return string.Join('\n', lines);
    }

    private static string OpenDocument(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var content = zip.GetEntry("content.xml");
        if (content is null) return string.Empty;
        using var stream = new CappedStream(content.Open(), DocumentsOptions.MaxZipUncompressedBytes);
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
        var sb = new StringBuilder();
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace when xml.Depth > 0:
                    sb.Append(xml.Value);
                    break;
                case XmlNodeType.Element when xml.NamespaceURI == TextNs && xml.LocalName is "s" or "tab":
                    sb.Append(' ');
                    break;
                case XmlNodeType.Element when xml.NamespaceURI == TextNs && xml.LocalName == "line-break":
                    sb.Append('\n');
                    break;
                case XmlNodeType.EndElement when xml.NamespaceURI == TextNs && xml.LocalName is "p" or "h":
                    sb.Append('\n');
                    break;
            }
            if (sb.Length > DocumentsOptions.MaxTextCharacters * 2) break;
        }
        return sb.ToString();
    }
}
