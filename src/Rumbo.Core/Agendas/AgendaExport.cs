using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Rumbo.Core.Agendas;

/// <summary>One row of an agenda's structure as downloaded in CSV and XLSX: a row per principle, area, objective and line.</summary>
public sealed record StructureRow(
    string Agenda, string Level, string Code, string? AreaCode, string? ObjectiveCode, int Number,
    string Text, string Language, string? TextEn, string? TextEs, string? TextPt, string? TextFr);

public static class AgendaExport
{
    public static readonly string[] Header =
        ["agenda", "level", "code", "area_code", "objective_code", "number", "text", "language", "text_en", "text_es", "text_pt", "text_fr"];

    public static IEnumerable<StructureRow> Rows(AgendaTree tree)
    {
        StructureRow Row(string level, string code, string? area, string? objective, int number, LocalizedString t) =>
            new(tree.Symbol, level, code, area, objective, number, t.Source, tree.DocumentLanguage, t.En, t.Es, t.Pt, t.Fr);

        foreach (var p in tree.Principles)
            yield return Row("principle", "P" + p.Number.ToString(CultureInfo.InvariantCulture), null, null, p.Number, p.Text);
        foreach (var a in tree.Areas)
        {
            yield return Row("area", a.Code, null, null, a.Number, a.Title);
            foreach (var o in a.Objectives)
            {
                yield return Row("objective", o.Code, a.Code, null, o.Number, o.Text);
                foreach (var l in o.Lines) yield return Row("line", l.Code, a.Code, o.Code, l.Number, l.Text);
            }
        }
    }

    public static byte[] ToCsv(AgendaTree tree)
    {
        using var stream = new MemoryStream();
        // A byte order mark lets spreadsheet programs read the accents right.
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var h in Header) csv.WriteField(h);
            csv.NextRecord();
            foreach (var r in Rows(tree))
            {
                foreach (var v in Values(r)) csv.WriteField(v);
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    public static byte[] ToXlsx(AgendaTree tree)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            AddSheet(workbook, sheets, 1, "Structure", [Header, .. Rows(tree).Select(Values)]);
            AddSheet(workbook, sheets, 2, "Agenda",
            [
                ["field", "value"],
                ["symbol", tree.Symbol],
                ["title", tree.Title.Source],
                ["adopting_body", tree.AdoptingBody.Source],
                ["meeting", tree.Meeting.Source],
                ["place", tree.Place],
                ["date", tree.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
                ["status", tree.Status.ToString()],
                ["document_language", tree.DocumentLanguage],
                ["original_language", tree.OriginalLanguage],
                ["source_document", tree.SourceDocument],
            ]);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static string?[] Values(StructureRow r) =>
    [
        r.Agenda, r.Level, r.Code, r.AreaCode, r.ObjectiveCode, r.Number.ToString(CultureInfo.InvariantCulture),
        r.Text, r.Language, r.TextEn, r.TextEs, r.TextPt, r.TextFr,
    ];

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, IEnumerable<string?[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint rowIndex = 0;
        foreach (var values in rows)
        {
            rowIndex++;
            var row = new Row { RowIndex = rowIndex };
            foreach (var value in values)
            {
                // Inline strings keep the writer free of a shared-strings table; every cell is text, codes included
                // (a number cell would turn 1.10 into 1.1).
                row.AppendChild(new Cell
                {
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(value ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve }),
                });
            }
            data.AppendChild(row);
        }
        part.Worksheet = new Worksheet(data);
        sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }
}
