using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Rumbo.Core.Exports;

/// <summary>
/// A row of a table read from a file: its number as a spreadsheet program shows it (the header is row 1) and its
/// cells, trimmed, null when empty.
/// </summary>
public sealed record ImportedRow(int Number, IReadOnlyList<string?> Cells);

/// <summary>
/// An open table: the header (trimmed cell texts; empty string for an empty header cell) and the rows after it, read
/// as they are enumerated (once). The stream given to <see cref="TableImport.Open"/> must stay open until the reader
/// is disposed; the reader does not close it.
/// </summary>
public sealed class TableReader : IDisposable
{
    private readonly IEnumerator<ImportedRow> _source;
    private readonly IDisposable[] _owned;
    private readonly bool _workbook;
    private readonly int _headerNumber;
    private bool _started;
    private bool _disposed;

    internal TableReader(ImportedRow header, IEnumerator<ImportedRow> source, bool workbook, IDisposable[] owned)
    {
        Header = header.Cells.Select(c => c ?? string.Empty).ToArray();
        _headerNumber = header.Number;
        _source = source;
        _workbook = workbook;
        _owned = owned;
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>
    /// The rows after the header, read from the file as they are enumerated, which can be done once. Rows entirely
    /// empty are skipped, but their numbers are not reused. Throws <see cref="InvalidDataException"/>, with a message
    /// for the person who uploaded, when a workbook turns out to be damaged past the header.
    /// </summary>
    public IEnumerable<ImportedRow> Rows => Read();

    private IEnumerable<ImportedRow> Read()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_started) throw new InvalidOperationException("The rows of a table can be read only once.");
        _started = true;
        var last = _headerNumber;
        while (true)
        {
            bool more;
            try
            {
                more = _source.MoveNext();
            }
            catch (Exception e) when (_workbook && TableImport.IsDamage(e))
            {
                throw new InvalidDataException($"The workbook is damaged after row {last}.", e);
            }
            if (!more) yield break;
            var row = _source.Current;
            last = row.Number;
            yield return row;
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _source.Dispose();
        for (var i = _owned.Length - 1; i >= 0; i--) _owned[i].Dispose();
    }
}

/// <summary>
/// The reading counterpart of <see cref="TableExport"/>: a table uploaded as CSV (UTF-8 with or without a byte order
/// mark, UTF-16 with one, or Windows-1252 as Excel's plain "CSV" saves; comma, semicolon or tab) or as an XLSX
/// workbook, read a row at a time so that files of a million rows pass through in little memory.
/// </summary>
public static class TableImport
{
    public const string EmptyFile = "The file is empty.";
    public const string NotATable = "The file is neither a CSV nor an XLSX workbook.";
    public const string OldWorkbook = "The file is an old Excel workbook (.xls) or a password-protected one: save it as XLSX or CSV, without a password.";
    public const string NoSheet = "The workbook has no sheet.";
    public const string NoHeader = "The file has no header row.";
    public const string TooLarge = "The workbook is too large once uncompressed.";
    public const string Damaged = "The workbook is damaged and cannot be read.";

    // Zip safety: what a workbook of indicator values can reasonably hold, far above a million rows of ten columns.
    private const long MaxUncompressed = 200L * 1024 * 1024;
    private const long MaxRatioFreeSize = 1024 * 1024;
    private const int MaxRatio = 100;
    private const int MaxEntries = 10_000;
    private const long MaxInMemoryCopy = 50L * 1024 * 1024;
    // A zip larger than this holds more than MaxUncompressed (deflate never grows data by more than a few parts in
    // ten thousand), so copying a non-seekable upload stops there.
    private const long MaxCopy = 256L * 1024 * 1024;

    private static ReadOnlySpan<byte> ZipSignature => "PK\x03\x04"u8;
    // An old .xls, or an XLSX encrypted with a password, is an OLE compound file.
    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static ReadOnlySpan<byte> Utf8Mark => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Utf32LittleEndianMark => [0xFF, 0xFE, 0x00, 0x00];
    private static ReadOnlySpan<byte> Utf16LittleEndianMark => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16BigEndianMark => [0xFE, 0xFF];

    // Enough bytes to tell the kind of file, the encoding of a CSV and whether it is text at all.
    private const int SniffLength = 64 * 1024;

    /// <summary>
    /// Opens a CSV or XLSX by its content (an XLSX is a zip: starts with "PK\x03\x04"), not by its name. For XLSX,
    /// reads the sheet named <paramref name="preferredSheet"/> when there is one, else the first visible worksheet.
    /// Returns a null reader and a problem (an English sentence for the person who uploaded) when it cannot be opened;
    /// bad content never throws.
    /// </summary>
    public static (TableReader? Reader, string? Problem) Open(Stream content, string? preferredSheet = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var start = content.CanSeek ? content.Position : 0;
        var prefix = new byte[SniffLength];
        var length = content.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        var head = prefix.AsSpan(0, length);
        if (length == 0) return (null, EmptyFile);
        if (head.StartsWith(ZipSignature)) return OpenXlsx(content, start, prefix, length, preferredSheet);
        if (head.StartsWith(CompoundFileSignature)) return (null, OldWorkbook);
        var encoding = DetectEncoding(head, atEnd: length < prefix.Length);
        if (encoding is null) return (null, NotATable);
        return OpenCsv(new PrefixedStream(prefix, length, content), encoding);
    }

    /// <summary>The exceptions that a damaged zip or XML part raises, as against a failing disk or a bug.</summary>
    internal static bool IsDamage(Exception e) =>
        e is InvalidDataException or OpenXmlPackageException or XmlException or FileFormatException or EndOfStreamException;

    /// <summary>
    /// System.IO.Packaging's word, as the package loads its parts lazily, for a relationship to a part that is
    /// missing or whose name is malformed.
    /// </summary>
    private static bool IsPackageDamage(Exception e) =>
        e is ArgumentException or InvalidOperationException && e is not ObjectDisposedException;

    /// <summary>
    /// Trimmed, null when empty, and without the apostrophe that <see cref="TableExport.Defuse"/> puts before a
    /// leading = + - @ tab or carriage return.
    /// </summary>
    internal static string? Clean(string? value)
    {
        if (value is null) return null;
        var text = value.Trim();
        if (text.Length == 0) return null;
        if (text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = text[1..].Trim();
            if (text.Length == 0) return null;
        }
        return text;
    }

    private static (TableReader?, string?) Start(IEnumerator<ImportedRow> rows, bool workbook, IDisposable[] owned)
    {
        string? problem;
        try
        {
            if (rows.MoveNext()) return (new TableReader(rows.Current, rows, workbook, owned), null);
            problem = NoHeader;
        }
        catch (Exception e) when (workbook && IsDamage(e))
        {
            problem = Damaged;
        }
        rows.Dispose();
        Dispose(owned);
        return (null, problem);
    }

    private static void Dispose(IDisposable[] owned)
    {
        for (var i = owned.Length - 1; i >= 0; i--) owned[i].Dispose();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // CSV

    /// <summary>
    /// The encoding a byte order mark names; else UTF-8 when the first bytes are valid UTF-8, else Windows-1252 (what
    /// Excel's plain "CSV" saves in Spanish); null when the bytes are not text.
    /// </summary>
    private static Encoding? DetectEncoding(ReadOnlySpan<byte> head, bool atEnd)
    {
        if (head.StartsWith(Utf8Mark)) return new UTF8Encoding(false);
        if (head.StartsWith(Utf32LittleEndianMark)) return new UTF32Encoding(bigEndian: false, byteOrderMark: false);
        if (head.StartsWith(Utf16LittleEndianMark)) return new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
        if (head.StartsWith(Utf16BigEndianMark)) return new UnicodeEncoding(bigEndian: true, byteOrderMark: false);

        // Text has no NUL and hardly any other control character; a binary file has plenty.
        var controls = 0;
        foreach (var b in head)
        {
            if (b == 0) return null;
            if (b is < 0x20 and not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C or 0x7F) controls++;
        }
        if (controls > Math.Max(2, head.Length / 100)) return null;
        return IsUtf8(head, atEnd) ? new UTF8Encoding(false) : Windows1252();
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool atEnd)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return true;
        // The sniffed bytes may end inside a character.
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status == OperationStatus.InvalidData) return false;
            if (status == OperationStatus.NeedMoreData) return !atEnd;
            bytes = bytes[consumed..];
        }
        return true;
    }

    private static Encoding Windows1252()
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
        }
        catch (NotSupportedException)
        {
            return Encoding.Latin1;
        }
    }

    private static (TableReader?, string?) OpenCsv(Stream stream, Encoding encoding)
    {
        var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        var (chars, length, delimiter) = ReadFirstLine(text);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            // A blank line is a row of the spreadsheet too: read it so that the numbers after it stay right.
            IgnoreBlankLines = false,
            BufferSize = 64 * 1024,
        };
        var parser = new CsvParser(new PrefixedTextReader(chars, length, text), configuration);
        return Start(ReadCsv(parser), workbook: false, [parser]);
    }

    private static IEnumerator<ImportedRow> ReadCsv(CsvParser parser)
    {
        var number = 0;
        while (parser.Read())
        {
            number++;
            string?[] cells = parser.Record!;
            var any = false;
            for (var i = 0; i < cells.Length; i++)
            {
                var cell = Clean(cells[i]);
                cells[i] = cell;
                any |= cell is not null;
            }
            if (any) yield return new ImportedRow(number, cells);
        }
    }

    /// <summary>
    /// Reads the text up to the end of the first line with content (or a megabyte of it) and picks the delimiter
    /// that line uses most outside quotes: a comma, a semicolon (Excel in Spanish) or a tab.
    /// </summary>
    private static (char[] Chars, int Length, char Delimiter) ReadFirstLine(TextReader text)
    {
        var chars = new char[16 * 1024];
        var length = 0;
        int commas = 0, semicolons = 0, tabs = 0;
        // The delimiters of the lines without content, for a file that has nothing else.
        int allCommas = 0, allSemicolons = 0, allTabs = 0;
        bool quoted = false, content = false;
        while (length < 1024 * 1024)
        {
            if (length == chars.Length) Array.Resize(ref chars, chars.Length * 2);
            var read = text.Read(chars, length, chars.Length - length);
            if (read == 0) break;
            var end = length + read;
            for (var i = length; i < end; i++)
            {
                var c = chars[i];
                if (c == '"') quoted = !quoted;
                else if (quoted) content = true;
                else if (c is '\n' or '\r')
                {
                    if (content) return (chars, end, Pick(commas, semicolons, tabs));
                    allCommas += commas;
                    allSemicolons += semicolons;
                    allTabs += tabs;
                    commas = semicolons = tabs = 0;
                }
                else if (c == ',') commas++;
                else if (c == ';') semicolons++;
                else if (c == '\t') tabs++;
                else if (!char.IsWhiteSpace(c)) content = true;
            }
            length = end;
        }
        return (chars, length, content
            ? Pick(commas, semicolons, tabs)
            : Pick(allCommas + commas, allSemicolons + semicolons, allTabs + tabs));

        static char Pick(int commas, int semicolons, int tabs) =>
            semicolons > commas && semicolons >= tabs ? ';' : tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    /// <summary>The characters read to find the delimiter, then the rest of the text.</summary>
    private sealed class PrefixedTextReader(char[] prefix, int length, TextReader rest) : TextReader
    {
        private int _position;

        public override int Peek() => _position < length ? prefix[_position] : rest.Peek();

        public override int Read() => _position < length ? prefix[_position++] : rest.Read();

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (_position >= length) return rest.Read(buffer);
            var n = Math.Min(buffer.Length, length - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) rest.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>The bytes read to tell the kind of file, then the rest of the caller's stream (left open).</summary>
    private sealed class PrefixedStream(byte[] prefix, int length, Stream rest) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= length) return rest.Read(buffer);
            var n = Math.Min(buffer.Length, length - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // XLSX

    private static (TableReader?, string?) OpenXlsx(Stream content, long start, byte[] prefix, int length, string? preferredSheet)
    {
        Stream? copy = null;
        Stream zip;
        if (content.CanSeek && start == 0)
        {
            content.Position = 0;
            zip = content;
        }
        else
        {
            copy = Copy(prefix, length, content);
            if (copy is null) return (null, TooLarge);
            zip = copy;
        }

        var owned = new List<IDisposable>();
        if (copy is not null) owned.Add(copy);
        try
        {
            var problem = Inspect(zip);
            if (problem is not null)
            {
                Dispose([.. owned]);
                return (null, problem);
            }
            zip.Position = 0;
            SpreadsheetDocument document;
            try
            {
                document = SpreadsheetDocument.Open(zip, false, new OpenSettings { AutoSave = false });
            }
            catch (OpenXmlPackageException)
            {
                // An Open XML package of another kind, such as a Word document.
                Dispose([.. owned]);
                return (null, NotATable);
            }
            owned.Add(document);
            var workbook = document.WorkbookPart;
            if (workbook is not null && !IsWorkbook(workbook.ContentType))
            {
                // The main part of a Word or PowerPoint file, which the package opens as if it were a workbook.
                Dispose([.. owned]);
                return (null, NotATable);
            }
            var sheet = workbook is null ? null : ChooseSheet(workbook, preferredSheet);
            if (workbook is null || sheet is null)
            {
                Dispose([.. owned]);
                return (null, NoSheet);
            }
            var names = new Names();
            var shared = ReadSharedStrings(workbook.SharedStringTablePart, names);
            var reader = CreateXmlReader(sheet, names);
            owned.Add(reader);
            return Start(ReadSheet(reader, names, shared), workbook: true, [.. owned]);
        }
        catch (Exception e) when (IsDamage(e) || IsPackageDamage(e))
        {
            Dispose([.. owned]);
            return (null, Damaged);
        }
    }

    /// <summary>
    /// The whole upload in a seekable stream, as a zip needs: in memory up to 50 MB, then in a temporary file that
    /// goes when closed; null when it is larger than any acceptable workbook.
    /// </summary>
    private static Stream? Copy(byte[] prefix, int length, Stream content)
    {
        Stream copy = new MemoryStream();
        copy.Write(prefix, 0, length);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (copy.Length + read > MaxCopy)
                {
                    copy.Dispose();
                    return null;
                }
                if (copy is MemoryStream memory && memory.Length + read > MaxInMemoryCopy)
                {
                    var file = new FileStream(
                        Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite,
                        FileShare.None, 81920, FileOptions.DeleteOnClose);
                    memory.Position = 0;
                    memory.CopyTo(file);
                    memory.Dispose();
                    copy = file;
                }
                copy.Write(buffer, 0, read);
            }
        }
        catch
        {
            copy.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        copy.Position = 0;
        return copy;
    }

    /// <summary>
    /// Refuses a zip bomb by the sizes its directory declares (the runtime inflates an entry no further than its
    /// declared size), and a zip that is no Open XML package at all.
    /// </summary>
    private static string? Inspect(Stream zip)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        var entries = archive.Entries;
        if (entries.Count > MaxEntries) return TooLarge;
        long total = 0;
        var package = false;
        foreach (var entry in entries)
        {
            total += entry.Length;
            if (total > MaxUncompressed) return TooLarge;
            if (entry.Length > MaxRatioFreeSize && entry.Length > MaxRatio * entry.CompressedLength) return TooLarge;
            package |= string.Equals(entry.FullName, "[Content_Types].xml", StringComparison.OrdinalIgnoreCase);
        }
        return package ? null : NotATable;
    }

    /// <summary>
    /// A workbook's main part: an XLSX, an XLSM, a template or an add-in (transitional or strict) as against a
    /// document or a presentation.
    /// </summary>
    private static bool IsWorkbook(string contentType) =>
        contentType.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/vnd.ms-excel", StringComparison.OrdinalIgnoreCase);

    /// <summary>The worksheet named as preferred, else the first visible one, else the first one.</summary>
    private static WorksheetPart? ChooseSheet(WorkbookPart workbook, string? preferred)
    {
        var sheets = new List<(string Name, bool Visible, WorksheetPart Part)>();
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
            {
                var visible = sheet.State is null || sheet.State.Value == SheetStateValues.Visible;
                sheets.Add((sheet.Name?.Value ?? string.Empty, visible, worksheet));
            }
        }
        if (!string.IsNullOrWhiteSpace(preferred))
        {
            var name = preferred.Trim();
            foreach (var s in sheets) if (s.Name == name) return s.Part;
            foreach (var s in sheets) if (string.Equals(s.Name.Trim(), name, StringComparison.OrdinalIgnoreCase)) return s.Part;
        }
        foreach (var s in sheets) if (s.Visible) return s.Part;
        return sheets.Count > 0 ? sheets[0].Part : null;
    }

    // The sheet and the shared strings are read with a plain XmlReader over the part's stream rather than with
    // OpenXmlReader: the latter builds an element object for every tag and reads a sheet of ten columns at some
    // 30,000 rows a second, a fifth of the speed of the XmlReader beneath it.

    /// <summary>The names of SpreadsheetML, atomized so that the readers compare references.</summary>
    private sealed class Names
    {
        public readonly XmlNameTable Table = new NameTable();
        public readonly string Main;
        public readonly string Strict;
        public readonly string Row, Cell, Value, InlineString, Item, Text, Run, Phonetic;

        public Names()
        {
            Main = Table.Add("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
            Strict = Table.Add("http://purl.oclc.org/ooxml/spreadsheetml/main");
            Row = Table.Add("row");
            Cell = Table.Add("c");
            Value = Table.Add("v");
            InlineString = Table.Add("is");
            Item = Table.Add("si");
            Text = Table.Add("t");
            Run = Table.Add("r");
            Phonetic = Table.Add("rPh");
        }

        public bool Is(XmlReader reader, string name) =>
            ReferenceEquals(reader.LocalName, name) && (ReferenceEquals(reader.NamespaceURI, Main) || ReferenceEquals(reader.NamespaceURI, Strict));
    }

    private static XmlReader CreateXmlReader(OpenXmlPart part, Names names) =>
        XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings
        {
            NameTable = names.Table,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        });

    private static string[] ReadSharedStrings(SharedStringTablePart? part, Names names)
    {
        if (part is null) return [];
        var strings = new List<string>();
        using var reader = CreateXmlReader(part, names);
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && names.Is(reader, names.Item)) strings.Add(ReadText(reader, names));
            else reader.Read();
        }
        return [.. strings];
    }

    /// <summary>
    /// The text of the string item (a shared string's &lt;si&gt; or a cell's &lt;is&gt;) the reader is at: its
    /// &lt;t&gt; and its runs' &lt;t&gt;, without phonetic runs; leaves the reader past the item.
    /// </summary>
    private static string ReadText(XmlReader reader, Names names)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }
        var depth = reader.Depth;
        string? single = null;
        StringBuilder? several = null;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element) reader.Read();
            else if (names.Is(reader, names.Text))
            {
                var text = reader.ReadElementContentAsString();
                if (single is null) single = text;
                else (several ??= new StringBuilder(single)).Append(text);
            }
            // Into a run, to its text; past its properties, past phonetic runs and anything else.
            else if (names.Is(reader, names.Run) && !reader.IsEmptyElement) reader.Read();
            else reader.Skip();
        }
        reader.Read();
        return several?.ToString() ?? single ?? string.Empty;
    }

    private static IEnumerator<ImportedRow> ReadSheet(XmlReader reader, Names names, string[] shared)
    {
        var number = 0;
        var cells = new List<string?>(16);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || !names.Is(reader, names.Row)) continue;
            number = RowNumber(reader.GetAttribute("r")) ?? number + 1;
            if (reader.IsEmptyElement) continue;
            var depth = reader.Depth;
            cells.Clear();
            var any = false;
            reader.Read();
            while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType != XmlNodeType.Element) reader.Read();
                else if (!names.Is(reader, names.Cell)) reader.Skip();
                else
                {
                    var (column, value) = ReadCell(reader, names, shared);
                    column ??= cells.Count;
                    value = Clean(value);
                    any |= value is not null;
                    if (column < cells.Count) cells[column.Value] = value;
                    else
                    {
                        while (cells.Count < column) cells.Add(null);
                        cells.Add(value);
                    }
                }
            }
            if (any) yield return new ImportedRow(number, cells.ToArray());
        }
    }

    private static int? RowNumber(string? r) =>
        int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;

    /// <summary>The column and the text of the cell the reader is at; leaves the reader past the cell.</summary>
    private static (int? Column, string? Value) ReadCell(XmlReader reader, Names names, string[] shared)
    {
        var column = ColumnIndex(reader.GetAttribute("r"));
        var type = reader.GetAttribute("t");
        string? raw = null;
        string? inline = null;
        if (reader.IsEmptyElement) reader.Read();
        else
        {
            var depth = reader.Depth;
            reader.Read();
            while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType != XmlNodeType.Element) reader.Read();
                else if (names.Is(reader, names.Value)) raw = reader.ReadElementContentAsString();
                else if (names.Is(reader, names.InlineString)) inline = ReadText(reader, names);
                // A formula, an extension.
                else reader.Skip();
            }
            reader.Read();
        }

        var value = type switch
        {
            "s" => SharedString(raw, shared),
            "inlineStr" => inline ?? raw,
            "b" => raw is null ? null : raw.Trim() is "1" or "true" ? "TRUE" : "FALSE",
            "str" or "e" or "d" => raw,
            _ => Number(raw),
        };
        return (column, value);
    }

    private static string? SharedString(string? raw, string[] shared)
    {
        if (raw is null) return null;
        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Length)
            return shared[index];
        throw new InvalidDataException($"The shared string {raw} does not exist.");
    }

    /// <summary>A number cell's text as written, normalised: "45.5" stays "45.5", "2020" stays "2020".</summary>
    private static string? Number(string? raw)
    {
        if (raw is null) return null;
        if (raw.Length is > 0 and <= 15 && (raw.Length == 1 || raw[0] != '0') && raw.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
            return raw;
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : raw;
    }

    /// <summary>The 0-based column of a cell reference such as "C5"; null when it has none.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var i = 0;
        for (; i < reference.Length && i < 3; i++)
        {
            var c = reference[i];
            if (c is >= 'A' and <= 'Z') column = column * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') column = column * 26 + (c - 'a' + 1);
            else break;
        }
        // Excel's last column is XFD, the 16,384th.
        return i == 0 || column > 16384 ? null : column - 1;
    }
}
