using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Rumbo.Core.Meetings;
using Rumbo.TestSupport;
using Rumbo.Core.Records;
using Rumbo.Core.Agreements;

namespace Rumbo.Web.Tests.Records;

/// <summary>The files parse back: the record's PDF and Word files hold its text, the group's agreements CSV and XLSX their rows.</summary>
public abstract class RecordExportTests(RumboApp app)
{
    private readonly RecordsTestKit kit = new(app);

    private async Task<(int Number, string Marker)> RecordAsync(RecordsScenario s)
    {
        var marker = $"Ñandú {s.Groups.Suffix}";
        var number = await s.AddRecordAsync(app.Database, RecordStatus.Approved, Visibility.Public, marker);
        await using var db = kit.Db();
        var record = db.MeetingRecords.Single(r => r.MeetingId == s.Meeting && r.Number == number);
        // A long body, so that the PDF wraps lines and turns pages.
        record.Summary.Source = "## Present\n\n- Ana, *coordinator*\n- Ben\n\n" + string.Join("\n\n", Enumerable.Range(1, 60).Select(i => $"Paragraph {i} of the long discussion on foresight and planning in the region, with enough words to wrap."));
        await db.SaveChangesAsync();
        return (number, marker);
    }

    [Fact]
    public async Task The_pdf_holds_the_records_text()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var (number, marker) = await RecordAsync(s);
        var response = await kit.GetAsync($"/meetings/{s.Meeting}/records/{number}.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        foreach (var text in new[] { PdfText.Extract(bytes), PdfText.Decode(bytes) })
        {
            var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains($"Section {marker}", flat);
            Assert.Contains($"Action {marker}", flat);
            Assert.Contains("Government of Testland", flat);
            Assert.Contains("Paragraph 60 of the long discussion", flat);
            Assert.Contains("Minutes: Second working meeting", flat);
        }
        Assert.True(System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(bytes), @"/Type\s*/Page\b") > 1, "the long record should take more than one page");
    }

    [Fact]
    public async Task The_word_file_opens_and_holds_headings_lists_and_the_outcomes_table()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var (number, marker) = await RecordAsync(s);
        var response = await kit.GetAsync($"/meetings/{s.Meeting}/records/{number}.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ToList();
        string Style(DocumentFormat.OpenXml.Wordprocessing.Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        Assert.Contains(paragraphs, p => Style(p) == "Heading1" && p.InnerText == $"Section {marker}");
        // The record's sections are level 1, so a "##" heading inside one is level 3.
        Assert.Contains(paragraphs, p => Style(p) == "Heading3" && p.InnerText == "Present");
        Assert.Contains(paragraphs, p => Style(p) == "ListParagraph" && p.InnerText.EndsWith("Ana, coordinator", StringComparison.Ordinal));
        var table = Assert.Single(body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>());
        var rows = table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["Kind", "Text", "Owner", "Due"], rows[0]);
        Assert.Equal(["Action", $"Action {marker}", "Government of Testland"], rows[1].Take(3));
    }

    [Fact]
    public async Task A_spanish_records_files_have_spanish_labels()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var (number, _) = await RecordAsync(s);
        await using (var db = kit.Db())
        {
            db.MeetingRecords.Single(r => r.MeetingId == s.Meeting && r.Number == number).Language = "es";
            await db.SaveChangesAsync();
        }
        using var stream = new MemoryStream(await (await kit.GetAsync($"/meetings/{s.Meeting}/records/{number}.docx")).Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Acta: Second working meeting", text);
        Assert.Contains("Responsable", text);
    }

    [Fact]
    public async Task The_groups_agreements_csv_and_xlsx_have_one_row_per_agreement_and_country_report()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var reported = await s.AddAgreementAsync(app.Database, Visibility.Public, "Share the \"foresight\" studies, with commas");
        var silent = await s.AddAgreementAsync(app.Database, Visibility.Public, "Meet again");
        await using (var db = kit.Db())
        {
            foreach (var code in new[] { s.Groups.CountryA, s.Groups.CountryB })
            {
                db.AgreementFollowUps.Add(new AgreementFollowUp
                {
                    AgreementId = reported, CountryId = db.Countries.Single(c => c.Code == code).Id, Status = FollowUpStatus.InProgress,
                    Text = $"Report of {code}", EvidenceUrl = "https://example.org/evidence", ReportedAtUtc = DateTime.UtcNow,
                });
            }
            await db.SaveChangesAsync();
        }

        var csv = await kit.GetAsync($"/groups/{s.Groups.Complete}/agreements.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        using (var reader = new CsvHelper.CsvReader(new StreamReader(await csv.Content.ReadAsStreamAsync()), System.Globalization.CultureInfo.InvariantCulture))
        {
            var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(3, rows.Count);
            Assert.Equal([s.Groups.CountryA, s.Groups.CountryB], rows.Where(r => (string)r["agreement_id"] == reported.ToString()).Select(r => (string)r["country"]).Order());
            Assert.Equal("Share the \"foresight\" studies, with commas", rows.First(r => (string)r["agreement_id"] == reported.ToString())["text"]);
            var none = Assert.Single(rows, r => (string)r["agreement_id"] == silent.ToString());
            Assert.Equal("", none["country"]);
            Assert.Equal("2.4.1", none["lines"]);
        }

        var xlsx = await kit.GetAsync($"/groups/{s.Groups.Complete}/agreements.xlsx");
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var book = SpreadsheetDocument.Open(stream, false);
        var sheet = book.WorkbookPart!.WorksheetParts.Single().Worksheet!;
        var cells = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal("agreement_id", cells[0][0]);
        Assert.Equal(4, cells.Count);
        Assert.Contains(cells, r => r.Contains($"Report of {s.Groups.CountryB}") && r.Contains("InProgress"));
    }

    [Fact]
    public async Task Csv_cells_that_a_spreadsheet_would_run_as_formulas_start_with_a_quote_and_the_xlsx_keeps_them_as_typed()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        string[] typed = ["=HYPERLINK(\"https://evil.example\",\"click\")", "+1+2", "-2+3", "@SUM(A1)", "\tTabbed", "\rReturned", "Plain = text"];
        var ids = new List<int>();
        foreach (var text in typed) ids.Add(await s.AddAgreementAsync(app.Database, Visibility.Public, text));

        var csv = await kit.GetAsync($"/groups/{s.Groups.Complete}/agreements.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        using (var reader = new CsvHelper.CsvReader(new StreamReader(await csv.Content.ReadAsStreamAsync()), System.Globalization.CultureInfo.InvariantCulture))
        {
            var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
            for (var i = 0; i < typed.Length; i++)
            {
                var text = (string)rows.Single(r => (string)r["agreement_id"] == ids[i].ToString())["text"];
                Assert.Equal(i < typed.Length - 1 ? "'" + typed[i] : typed[i], text);
            }
        }

        var xlsx = await kit.GetAsync($"/groups/{s.Groups.Complete}/agreements.xlsx");
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var book = SpreadsheetDocument.Open(stream, false);
        var cells = book.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Cell>().Select(c => c.InnerText).ToHashSet();
        // An XML reader turns a carriage return into a line feed, whatever the writer wrote.
        foreach (var text in typed) Assert.Contains(text.Replace('\r', '\n'), cells);
        Assert.DoesNotContain(cells, c => c.StartsWith('\''));
    }
}

public sealed class SqliteRecordExportTests(SqliteApp app) : RecordExportTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRecordExportTests(PostgresApp app) : RecordExportTests(app), IClassFixture<PostgresApp>;
