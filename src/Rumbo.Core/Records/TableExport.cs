using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Rumbo.Core.Records;

/// <summary>A header and rows of text as CSV (UTF-8 with a byte order mark) or as a one-sheet XLSX workbook.</summary>
public static class TableExport
{
    public static byte[] ToCsv(IReadOnlyList<string> header, IEnumerable<string?[]> rows)
    {
        using var stream = new MemoryStream();
        // A byte order mark lets spreadsheet programs read the accents right.
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var h in header) csv.WriteField(h);
            csv.NextRecord();
            foreach (var r in rows)
            {
                foreach (var v in r) csv.WriteField(v ?? string.Empty);
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    public static byte[] ToXlsx(string sheetName, IReadOnlyList<string> header, IEnumerable<string?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint index = 0;
            foreach (var values in rows.Prepend(header.ToArray<string?>()))
            {
                var row = new Row { RowIndex = ++index };
                foreach (var value in values)
                {
                    // Every cell is text: numbers of agreements and dates stay exactly as written.
                    row.AppendChild(new Cell
                    {
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(value ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                }
                data.AppendChild(row);
            }
            part.Worksheet = new Worksheet(data);
            sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = sheetName });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }
}
