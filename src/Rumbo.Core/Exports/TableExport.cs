using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Rumbo.Core.Exports;

/// <summary>One sheet of a workbook: its name and its rows, the header first.</summary>
public sealed record TableSheet(string Name, IEnumerable<string?[]> Rows);

/// <summary>
/// A header and rows of text as CSV (UTF-8 with a byte order mark) or as an XLSX workbook of one or more sheets; the
/// one table writer of the agenda, meeting and agreement exports.
/// </summary>
public static class TableExport
{
    public static byte[] ToCsv(IReadOnlyList<string> header, IEnumerable<string?[]> rows)
    {
        using var stream = new MemoryStream();
        // A byte order mark lets spreadsheet programs read the accents right.
        using (var csv = new CsvStreamWriter(stream))
        {
            foreach (var h in header) csv.Field(Defuse(h));
            csv.EndRow();
            foreach (var r in rows)
            {
                foreach (var v in r) csv.Field(Defuse(v));
                csv.EndRow();
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A spreadsheet program opening the CSV runs a cell that starts with one of these as a formula (=HYPERLINK to
    /// a foreign site, a DDE call), and the cells hold what any member typed. As OWASP's guidance on CSV injection
    /// says, a leading single quote makes the program show the cell as text. XLSX cells are typed as text already.
    /// </summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <remarks>A plain number (-12.5, +3) is left as it is: it cannot be a formula, and quoted it would be text.</remarks>
    public static string Defuse(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty
        : Array.IndexOf(FormulaStarts, value[0]) >= 0
          && !double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _)
            ? "'" + value
        : value;

    /// <summary>A one-sheet workbook: the header, then the rows.</summary>
    public static byte[] ToXlsx(string sheetName, IReadOnlyList<string> header, IEnumerable<string?[]> rows) =>
        ToXlsx(new TableSheet(sheetName, rows.Prepend(header.ToArray<string?>())));

    /// <summary>A workbook of the given sheets, in order, numbered from 1.</summary>
    public static byte[] ToXlsx(params IEnumerable<TableSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 0;
            foreach (var sheet in sheets) AddSheet(workbook, list, ++id, sheet);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, TableSheet sheet)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint index = 0;
        foreach (var values in sheet.Rows)
        {
            var row = new Row { RowIndex = ++index };
            foreach (var value in values)
            {
                // Inline strings keep the writer free of a shared-strings table; every cell is text, so codes, numbers
                // of agreements and dates stay exactly as written (a number cell would turn 1.10 into 1.1).
                row.AppendChild(new Cell
                {
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(value ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve }),
                });
            }
            data.AppendChild(row);
        }
        part.Worksheet = new Worksheet(data);
        sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = sheet.Name });
    }
}
