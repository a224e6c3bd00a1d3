using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Rumbo.Core.Exports;
using Xunit.Abstractions;

namespace Rumbo.Core.Tests.Exports;

/// <summary>
/// Reading tables back: CSVs and workbooks written by <see cref="TableExport"/>, by hand as Excel and LibreOffice
/// save them, and damaged or hostile files, which must give a problem for the uploader rather than an exception.
/// </summary>
public sealed class TableImportTests(ITestOutputHelper output)
{
    private static TableReader OpenOk(byte[] bytes, string? sheet = null) => OpenOk(new MemoryStream(bytes), sheet);

    private static TableReader OpenOk(Stream stream, string? sheet = null)
    {
        var (reader, problem) = TableImport.Open(stream, sheet);
        Assert.Null(problem);
        Assert.NotNull(reader);
        return reader!;
    }

    private static string? Problem(byte[] bytes)
    {
        var (reader, problem) = TableImport.Open(new MemoryStream(bytes));
        Assert.Null(reader);
        Assert.NotNull(problem);
        return problem;
    }

    private static byte[] Utf8(string text, bool bom = false) =>
        bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    private static List<ImportedRow> All(TableReader reader) => reader.Rows.ToList();

    private static void AssertRow(int number, string?[] cells, ImportedRow row)
    {
        Assert.Equal(number, row.Number);
        Assert.Equal(cells, row.Cells);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // CSV

    [Theory]
    [InlineData(",")]
    [InlineData(";")]
    [InlineData("\t")]
    public void Csv_delimiter_is_detected_from_the_header(string d)
    {
        // The other delimiters appear inside cells and must not be taken for the delimiter.
        var text = $"Código{d}Año{d}Valor\r\nind-1{d}2020{d}\"45,5\"\r\nind-2{d}2021{d}\"1;2\"\r\n";
        using var reader = OpenOk(Utf8(text));

        Assert.Equal(["Código", "Año", "Valor"], reader.Header);
        var rows = All(reader);
        Assert.Equal(2, rows.Count);
        AssertRow(2, ["ind-1", "2020", "45,5"], rows[0]);
        AssertRow(3, ["ind-2", "2021", "1;2"], rows[1]);
    }

    [Fact]
    public void Semicolons_win_over_commas_inside_quotes()
    {
        using var reader = OpenOk(Utf8("\"a,b\";\"c,d\";e\n1;2;3\n"));
        Assert.Equal(["a,b", "c,d", "e"], reader.Header);
        Assert.Equal(["1", "2", "3"], reader.Rows.Single().Cells);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Csv_is_read_as_utf8_with_or_without_a_byte_order_mark(bool bom)
    {
        using var reader = OpenOk(Utf8("Nombre,Región\nÑandú,Atlántico\n", bom));
        Assert.Equal(["Nombre", "Región"], reader.Header);
        Assert.Equal(["Ñandú", "Atlántico"], reader.Rows.Single().Cells);
    }

    [Fact]
    public void Csv_in_utf16_with_a_byte_order_mark_is_read()
    {
        // Excel's "Unicode text": UTF-16 little endian, tab-delimited.
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Nombre\tValor\r\nCañón\t3\r\n")).ToArray();
        using var reader = OpenOk(bytes);
        Assert.Equal(["Nombre", "Valor"], reader.Header);
        Assert.Equal(["Cañón", "3"], reader.Rows.Single().Cells);
    }

    [Fact]
    public void Csv_that_is_not_utf8_is_read_as_windows_1252()
    {
        // Excel in Spanish saves its plain "CSV" in the ANSI code page, with semicolons.
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("Región;Valor\r\nBogotá;12,5 €\r\n");
        using var reader = OpenOk(bytes);
        Assert.Equal(["Región", "Valor"], reader.Header);
        Assert.Equal(["Bogotá", "12,5 €"], reader.Rows.Single().Cells);
    }

    [Fact]
    public void Quoted_fields_keep_delimiters_quotes_and_newlines_and_rows_are_numbered_as_a_spreadsheet_shows()
    {
        var text =
            "Código,Nota,Valor\n" +
            "a,\"uno, dos\",1\n" +
            "b,\"dice \"\"hola\"\"\",2\n" +
            "c,\"línea 1\nlínea 2\r\nlínea 3\",3\n" +
            "d,fin,4\n";
        using var reader = OpenOk(Utf8(text));
        var rows = All(reader);

        Assert.Equal(4, rows.Count);
        AssertRow(2, ["a", "uno, dos", "1"], rows[0]);
        AssertRow(3, ["b", "dice \"hola\"", "2"], rows[1]);
        AssertRow(4, ["c", "línea 1\nlínea 2\r\nlínea 3", "3"], rows[2]);
        // The record above spans three lines of the file but is one row of the spreadsheet.
        AssertRow(5, ["d", "fin", "4"], rows[3]);
    }

    [Fact]
    public void Cells_are_trimmed_empty_cells_are_null_and_empty_rows_are_skipped_but_counted()
    {
        var text = "\n  Código , Valor,\n a ,  ,\n\n,,\n   \nb,2,\n";
        using var reader = OpenOk(Utf8(text));

        Assert.Equal(["Código", "Valor", ""], reader.Header);
        var rows = All(reader);
        Assert.Equal(2, rows.Count);
        AssertRow(3, ["a", null, null], rows[0]);
        AssertRow(7, ["b", "2", null], rows[1]);
    }

    [Fact]
    public void Defused_cells_round_trip()
    {
        var bytes = TableExport.ToCsv(["Valor", "Fórmula", "Correo"], [["-5", "=SUM(1)", "@user"], ["+3", "'quoted", "\tx"]]);
        using var reader = OpenOk(bytes);

        Assert.Equal(["Valor", "Fórmula", "Correo"], reader.Header);
        var rows = All(reader);
        Assert.Equal(new string?[] { "-5", "=SUM(1)", "@user" }, rows[0].Cells);
        // An apostrophe before anything else is the cell's own; a leading tab goes with the trimming.
        Assert.Equal(new string?[] { "+3", "'quoted", "x" }, rows[1].Cells);
    }

    [Fact]
    public void A_header_without_rows_is_a_table_with_no_rows()
    {
        using var reader = OpenOk(Utf8("Código,Valor\r\n"));
        Assert.Equal(["Código", "Valor"], reader.Header);
        Assert.Empty(reader.Rows);
    }

    [Fact]
    public void A_file_of_blank_lines_has_no_header()
    {
        Assert.Equal(TableImport.NoHeader, Problem(Utf8("\r\n ; ; \r\n\r\n", bom: true)));
        Assert.Equal(TableImport.NoHeader, Problem(Encoding.UTF8.GetPreamble()));
    }

    [Fact]
    public void Rows_are_read_once()
    {
        using var reader = OpenOk(Utf8("a\n1\n2\n"));
        Assert.Equal(2, reader.Rows.Count());
        Assert.Throws<InvalidOperationException>(() => reader.Rows.Count());
    }

    [Fact]
    public void A_csv_from_a_non_seekable_stream_is_read()
    {
        var bytes = TableExport.ToCsv(["Código", "Valor"], Enumerable.Range(1, 5000).Select(i => new string?[] { $"c{i}", $"{i}" }));
        using var reader = OpenOk(new ForwardOnlyStream(bytes));
        var rows = All(reader);
        Assert.Equal(5000, rows.Count);
        AssertRow(5001, ["c5000", "5000"], rows[^1]);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // XLSX

    [Fact]
    public void Xlsx_written_by_table_export_round_trips()
    {
        var bytes = TableExport.ToXlsx(
            "Valores", ["Código", "Año", "Valor", "Nota"],
            [["ind-1", "2020", "45.5", "Región Caribe"], ["ind-2", "", null, " ñandú "], ["-5", "=SUM(1)", "  ", "x"]]);
        using var reader = OpenOk(bytes);

        Assert.Equal(["Código", "Año", "Valor", "Nota"], reader.Header);
        var rows = All(reader);
        Assert.Equal(3, rows.Count);
        AssertRow(2, ["ind-1", "2020", "45.5", "Región Caribe"], rows[0]);
        AssertRow(3, ["ind-2", null, null, "ñandú"], rows[1]);
        AssertRow(4, ["-5", "=SUM(1)", null, "x"], rows[2]);
    }

    [Fact]
    public void Xlsx_as_excel_saves_it_is_read_with_shared_strings_numbers_booleans_formulas_errors_and_gaps()
    {
        using var reader = OpenOk(HandMadeWorkbook());

        Assert.Equal(["Código", "", "Valor"], reader.Header);
        var rows = All(reader);
        Assert.Equal(3, rows.Count);
        // Shared string, number with decimals, integer, boolean, formula with its cached value.
        AssertRow(2, ["ind-1", "45.5", "2020", "TRUE", "46.5"], rows[0]);
        // Row 3 is missing from the sheet; row 4 holds a rich-text shared string (its phonetic run left out), an
        // error, a text formula and a shared string that repeats.
        AssertRow(4, ["Región Norte", "#N/A", "ok", "ind-1"], rows[1]);
        // An apostrophe put by the CSV export and kept by a spreadsheet program is dropped here as well.
        AssertRow(5, [null, null, null, "-5", "0.1"], rows[2]);
    }

    [Fact]
    public void Preferred_sheet_is_chosen_by_name_else_the_first_visible_sheet()
    {
        var bytes = TableExport.ToXlsx(
            new TableSheet("Instrucciones", [["Lea esto"], ["Paso 1"]]),
            new TableSheet("Valores", [["Código", "Valor"], ["ind-1", "3"]]));

        using (var reader = OpenOk(bytes, "Valores"))
        {
            Assert.Equal(["Código", "Valor"], reader.Header);
            Assert.Equal(["ind-1", "3"], reader.Rows.Single().Cells);
        }
        using (var reader = OpenOk(bytes, "valores"))
            Assert.Equal(["Código", "Valor"], reader.Header);
        using (var reader = OpenOk(bytes, "Otra"))
            Assert.Equal(["Lea esto"], reader.Header);
        using (var reader = OpenOk(bytes))
            Assert.Equal(["Lea esto"], reader.Header);
    }

    [Fact]
    public void A_hidden_first_sheet_is_passed_over()
    {
        var bytes = HideFirstSheet(TableExport.ToXlsx(
            new TableSheet("Listas", [["Oculta"]]),
            new TableSheet("Valores", [["Código"], ["ind-1"]])));
        using var reader = OpenOk(bytes);
        Assert.Equal(["Código"], reader.Header);
    }

    [Fact]
    public void A_workbook_from_a_non_seekable_stream_is_read()
    {
        var bytes = TableExport.ToXlsx("Valores", ["Código", "Valor"], Enumerable.Range(1, 2000).Select(i => new string?[] { $"c{i}", $"{i}" }));
        var stream = new ForwardOnlyStream(bytes);
        using var reader = OpenOk(stream);
        Assert.Equal(["Código", "Valor"], reader.Header);
        Assert.Equal(2000, reader.Rows.Count());
    }

    [Fact]
    public void The_callers_stream_is_left_open()
    {
        var workbook = new MemoryStream(TableExport.ToXlsx("Valores", ["a"], [["1"]]));
        using (var reader = OpenOk(workbook)) Assert.Single(reader.Rows);
        Assert.True(workbook.CanRead);

        var csv = new MemoryStream(TableExport.ToCsv(["a"], [["1"]]));
        using (var reader = OpenOk(csv)) Assert.Single(reader.Rows);
        Assert.True(csv.CanRead);
    }

    [Fact]
    public void A_workbook_without_sheets_is_refused()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
        }
        Assert.Equal(TableImport.NoSheet, Problem(stream.ToArray()));
    }

    [Fact]
    public void A_sheet_without_any_content_has_no_header()
    {
        Assert.Equal(TableImport.NoHeader, Problem(TableExport.ToXlsx(new TableSheet("Vacía", []))));
        Assert.Equal(TableImport.NoHeader, Problem(TableExport.ToXlsx(new TableSheet("Vacía", [["", " "], [null]]))));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Bad content

    [Fact]
    public void Empty_file_is_a_problem() => Assert.Equal(TableImport.EmptyFile, Problem([]));

    [Fact]
    public void Random_bytes_are_neither_csv_nor_xlsx()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x42;
        Assert.Equal(TableImport.NotATable, Problem(bytes));
    }

    [Fact]
    public void An_old_excel_workbook_is_named()
    {
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        Assert.Equal(TableImport.OldWorkbook, Problem(bytes));
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            entry.Write("Código,Valor\nind-1,3\n");
        }
        Assert.Equal(TableImport.NotATable, Problem(stream.ToArray()));
    }

    [Fact]
    public void A_word_document_is_not_a_workbook()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body());
        }
        Assert.Equal(TableImport.NotATable, Problem(stream.ToArray()));
    }

    [Fact]
    public void A_truncated_workbook_is_a_problem_not_an_exception()
    {
        var bytes = TableExport.ToXlsx("Valores", ["Código", "Valor"], Enumerable.Range(1, 500).Select(i => new string?[] { $"c{i}", $"{i}" }));
        Assert.Equal(TableImport.Damaged, Problem(bytes[..(bytes.Length / 2)]));
        Assert.NotNull(Problem(bytes[..^1]));
        Assert.NotNull(Problem(bytes[..40]));
    }

    [Fact]
    public void A_workbook_with_a_damaged_sheet_is_a_problem_not_an_exception()
    {
        var bytes = WithSheetXml("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c></row><row r=\"2\"><c><v>1</v></c></row><row r=\"3\"><c><v>2</v></row></sheetData></worksheet>");
        using var reader = OpenOk(bytes);
        Assert.Equal(["a"], reader.Header);
        var rows = new List<ImportedRow>();
        var error = Assert.Throws<InvalidDataException>(() => { foreach (var row in reader.Rows) rows.Add(row); });
        Assert.Equal("The workbook is damaged after row 2.", error.Message);
        Assert.Equal(["1"], rows.Single().Cells);

        Assert.Equal(TableImport.Damaged, Problem(WithSheetXml("<worksheet><sheetData><row")));
    }

    [Fact]
    public void A_zip_bomb_is_refused_without_being_inflated()
    {
        var bomb = Zeros(300L * 1024 * 1024);
        output.WriteLine($"300 MB of zeros compress to {bomb.Length:N0} bytes");

        var clock = Stopwatch.StartNew();
        Assert.Equal(TableImport.TooLarge, Problem(bomb));
        Assert.Equal(TableImport.TooLarge, TableImport.Open(new ForwardOnlyStream(bomb)).Problem);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");

        // Under the total but compressed more than a hundredfold.
        Assert.Equal(TableImport.TooLarge, Problem(Zeros(20L * 1024 * 1024)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Streaming

    [Fact]
    public void A_large_csv_is_streamed()
    {
        const int Count = 200_000;
        var path = Path.Combine(Path.GetTempPath(), $"rumbo-import-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllBytes(path, []);
            using (var file = new StreamWriter(path, false, new UTF8Encoding(true)))
            {
                file.Write("Código;Indicador;Año;Valor;Unidad;Región;Fuente;Nota;Estado;Revisado\r\n");
                for (var i = 0; i < Count; i++)
                    file.Write(string.Create(CultureInfo.InvariantCulture, $"ind-{i % 1000};Indicador número {i};{2000 + i % 25};{i * 0.25};porcentaje;Región {i % 33};DANE;\"nota; con {i}\";activo;{i % 2 == 0}\r\n"));
            }
            output.WriteLine($"CSV of {Count:N0} rows: {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB");

            using (var stream = File.OpenRead(path))
            using (var reader = OpenOk(stream))
            {
                var before = GC.GetTotalMemory(true);
                var rows = reader.Rows.GetEnumerator();
                for (var i = 0; i < Count / 2; i++) Assert.True(rows.MoveNext());
                var after = GC.GetTotalMemory(true);
                output.WriteLine($"Managed memory grew by {(after - before) / 1024.0 / 1024.0:F2} MB over {Count / 2:N0} rows");
                Assert.True(after - before < 50L * 1024 * 1024, $"grew by {after - before:N0} bytes");
                Assert.Equal(Count / 2 + 1, rows.Current.Number);
                Assert.Equal($"nota; con {Count / 2 - 1}", rows.Current.Cells[7]);
                GC.KeepAlive(rows);
            }

            for (var run = 0; run < 3; run++)
            {
                using var stream = File.OpenRead(path);
                var clock = Stopwatch.StartNew();
                using var reader = OpenOk(stream);
                var n = 0;
                foreach (var row in reader.Rows) n += row.Cells.Count > 0 ? 1 : 0;
                clock.Stop();
                Assert.Equal(Count, n);
                output.WriteLine($"CSV run {run + 1}: {Count / clock.Elapsed.TotalSeconds:N0} rows/s ({clock.ElapsedMilliseconds} ms)");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_large_workbook_is_streamed()
    {
        const int Count = 100_000;
        var path = Path.Combine(Path.GetTempPath(), $"rumbo-import-{Guid.NewGuid():N}.xlsx");
        try
        {
            WriteLargeWorkbook(path, Count);
            output.WriteLine($"XLSX of {Count:N0} rows: {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB");

            using (var stream = File.OpenRead(path))
            using (var reader = OpenOk(stream))
            {
                var before = GC.GetTotalMemory(true);
                var rows = reader.Rows.GetEnumerator();
                for (var i = 0; i < Count / 2; i++) Assert.True(rows.MoveNext());
                var after = GC.GetTotalMemory(true);
                output.WriteLine($"Managed memory grew by {(after - before) / 1024.0 / 1024.0:F2} MB over {Count / 2:N0} rows");
                Assert.True(after - before < 50L * 1024 * 1024, $"grew by {after - before:N0} bytes");
                Assert.Equal(Count / 2 + 1, rows.Current.Number);
                GC.KeepAlive(rows);
            }

            for (var run = 0; run < 2; run++)
            {
                using var stream = File.OpenRead(path);
                var clock = Stopwatch.StartNew();
                using var reader = OpenOk(stream);
                Assert.Equal(["Código", "Indicador", "Año", "Valor", "Unidad", "Región", "Fuente", "Nota", "Estado", "Revisado"], reader.Header);
                ImportedRow? last = null;
                foreach (var row in reader.Rows) last = row;
                clock.Stop();
                Assert.Equal(Count + 1, last!.Number);
                Assert.Equal(["ind-999", $"Indicador número {Count - 1}", "2024", (Count - 1 + 0.25).ToString("R", CultureInfo.InvariantCulture), "porcentaje", $"Región {(Count - 1) % 33}", "DANE", null, "activo", "FALSE"], last.Cells);
                output.WriteLine($"XLSX run {run + 1}: {Count / clock.Elapsed.TotalSeconds:N0} rows/s ({clock.ElapsedMilliseconds} ms)");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Files made by hand

    /// <summary>
    /// A workbook as Excel saves one: shared strings, typed cells with references, a header with a gap (A1, C1),
    /// a missing row, formulas with their cached values and an error cell.
    /// </summary>
    private static byte[] HandMadeWorkbook()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("Código")),
                new SharedStringItem(new Text("Valor")),
                new SharedStringItem(new Text("ind-1")),
                new SharedStringItem(
                    new Run(new Text("Región")),
                    new Run(new RunProperties(new Bold()), new Text(" Norte") { Space = SpaceProcessingModeValues.Preserve }),
                    new PhoneticRun(new Text("レギオン")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 }),
                new SharedStringItem(new Text("'-5")));

            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(
                new Row(
                    Shared("A1", 0),
                    Shared("C1", 1)) { RowIndex = 1 },
                new Row(
                    Shared("A2", 2),
                    new Cell { CellReference = "B2", CellValue = new CellValue("45.5") },
                    new Cell { CellReference = "C2", DataType = CellValues.Number, CellValue = new CellValue("2020") },
                    new Cell { CellReference = "D2", DataType = CellValues.Boolean, CellValue = new CellValue("1") },
                    new Cell { CellReference = "E2", CellFormula = new CellFormula("B2+1"), CellValue = new CellValue("46.5") }) { RowIndex = 2 },
                new Row(
                    Shared("A4", 3),
                    new Cell { CellReference = "B4", DataType = CellValues.Error, CellFormula = new CellFormula("NA()"), CellValue = new CellValue("#N/A") },
                    new Cell { CellReference = "C4", DataType = CellValues.String, CellFormula = new CellFormula("\"ok\""), CellValue = new CellValue("ok") },
                    Shared("D4", 2)) { RowIndex = 4 },
                new Row(
                    new Cell { CellReference = "B5" },
                    Shared("D5", 4),
                    new Cell { CellReference = "E5", CellValue = new CellValue("0.10000000000000001") }) { RowIndex = 5 },
                new Row(new Cell { CellReference = "A6", DataType = CellValues.SharedString }) { RowIndex = 6 }));
            workbook.Workbook.Sheets!.AppendChild(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Datos" });
        }
        return stream.ToArray();

        static Cell Shared(string reference, int index) =>
            new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };
    }

    private static byte[] HideFirstSheet(byte[] bytes)
    {
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First().State = SheetStateValues.Hidden;
            document.WorkbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A one-sheet workbook whose sheet part holds exactly the given XML, well-formed or not.</summary>
    private static byte[] WithSheetXml(string xml)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = new StreamWriter(sheet.GetStream(FileMode.Create), new UTF8Encoding(false)))
                writer.Write(xml);
            workbook.Workbook.Sheets!.AppendChild(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Datos" });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A workbook as a zip bomb carries it: one entry of zeros, compressed as small as it goes.</summary>
    private static byte[] Zeros(long size)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < size; written += zeros.Length) entry.Write(zeros, 0, (int)Math.Min(zeros.Length, size - written));
        }
        return stream.ToArray();
    }

    /// <summary>Ten columns a row, as the bulk upload of indicator values has: shared strings, numbers, booleans.</summary>
    private static void WriteLargeWorkbook(string path, int count)
    {
        string[] header = ["Código", "Indicador", "Año", "Valor", "Unidad", "Región", "Fuente", "Nota", "Estado", "Revisado"];
        var strings = new List<string>(header) { "porcentaje", "DANE", "activo" };
        for (var i = 0; i < 33; i++) strings.Add($"Región {i}");
        for (var i = 0; i < 1000; i++) strings.Add($"ind-{i}");

        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        var table = workbook.AddNewPart<SharedStringTablePart>();
        table.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", "1")]);
            for (var c = 0; c < header.Length; c++) writer.WriteElement(SharedCell(c, 1, c));
            writer.WriteEndElement();
            for (var i = 0; i < count; i++)
            {
                var r = i + 2;
                writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", r.ToString(CultureInfo.InvariantCulture))]);
                writer.WriteElement(SharedCell(0, r, 13 + 33 + i % 1000));
                writer.WriteElement(new Cell { CellReference = Reference(1, r), DataType = CellValues.InlineString, InlineString = new InlineString(new Text($"Indicador número {i}")) });
                writer.WriteElement(new Cell { CellReference = Reference(2, r), CellValue = new CellValue((2000 + i % 25).ToString(CultureInfo.InvariantCulture)) });
                writer.WriteElement(new Cell { CellReference = Reference(3, r), CellValue = new CellValue((i + 0.25).ToString("R", CultureInfo.InvariantCulture)) });
                writer.WriteElement(SharedCell(4, r, 10));
                writer.WriteElement(SharedCell(5, r, 13 + i % 33));
                writer.WriteElement(SharedCell(6, r, 11));
                writer.WriteElement(SharedCell(8, r, 12));
                writer.WriteElement(new Cell { CellReference = Reference(9, r), DataType = CellValues.Boolean, CellValue = new CellValue(i % 2 == 0 ? "1" : "0") });
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbook.Workbook.Sheets!.AppendChild(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Valores" });
        workbook.Workbook.Save();

        static Cell SharedCell(int column, int row, int index) =>
            new() { CellReference = Reference(column, row), DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };

        static string Reference(int column, int row) => $"{(char)('A' + column)}{row}";
    }

    /// <summary>A request body: read forward only, no length, no seeking.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 1000));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
