using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Rumbo.Core.Documents;

/// <summary>The formats the repository accepts, each known by its content.</summary>
public enum FileFormat
{
    Pdf,
    Docx,
    Xlsx,
    Pptx,
    Odt,
    Ods,
    Odp,
    Png,
    Jpeg,
    Gif,
    WebP,
}

/// <summary>Why a file was refused. The message is English text with {0}-style arguments; pages show it translated.</summary>
public sealed record UploadRefusal(UploadProblem Problem, string Message, params object[] Arguments)
{
    public string Text => string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, Arguments);
}

public enum UploadProblem
{
    NoFile,
    Empty,
    TooLarge,
    BadName,
    UnknownType,
    LegacyOffice,
    Macros,
    ExtensionMismatch,
    ZipBomb,
    Damaged,
}

public static class FileTypes
{
    public static string MediaType(FileFormat f) => f switch
    {
        FileFormat.Pdf => "application/pdf",
        FileFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileFormat.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        FileFormat.Odt => "application/vnd.oasis.opendocument.text",
        FileFormat.Ods => "application/vnd.oasis.opendocument.spreadsheet",
        FileFormat.Odp => "application/vnd.oasis.opendocument.presentation",
        FileFormat.Png => "image/png",
        FileFormat.Jpeg => "image/jpeg",
        FileFormat.Gif => "image/gif",
        FileFormat.WebP => "image/webp",
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };

    /// <summary>The extension a download gets.</summary>
    public static string Extension(FileFormat f) => f == FileFormat.Jpeg ? "jpg" : f.ToString().ToLowerInvariant();

    /// <summary>Extensions a user's file name may end in for the format.</summary>
    public static IReadOnlyList<string> Extensions(FileFormat f) => f == FileFormat.Jpeg ? ["jpg", "jpeg"] : [Extension(f)];

    public static FileFormat? FromMediaType(string mediaType) =>
        Enum.GetValues<FileFormat>().Cast<FileFormat?>().FirstOrDefault(f => MediaType(f!.Value) == mediaType);

    /// <summary>A short name people know the format by.</summary>
    public static string Label(FileFormat f) => f switch
    {
        FileFormat.Pdf => "PDF",
        FileFormat.Docx => "Word (DOCX)",
        FileFormat.Xlsx => "Excel (XLSX)",
        FileFormat.Pptx => "PowerPoint (PPTX)",
        FileFormat.Odt => "OpenDocument text (ODT)",
        FileFormat.Ods => "OpenDocument spreadsheet (ODS)",
        FileFormat.Odp => "OpenDocument presentation (ODP)",
        FileFormat.Png => "PNG",
        FileFormat.Jpeg => "JPEG",
        FileFormat.Gif => "GIF",
        FileFormat.WebP => "WebP",
        _ => f.ToString(),
    };

    public static bool IsZipBased(FileFormat f) => f is FileFormat.Docx or FileFormat.Xlsx or FileFormat.Pptx or FileFormat.Odt or FileFormat.Ods or FileFormat.Odp;

    public static bool HasText(FileFormat f) => f is FileFormat.Pdf || IsZipBased(f);

    public static bool IsImage(FileFormat f) => f is FileFormat.Png or FileFormat.Jpeg or FileFormat.Gif or FileFormat.WebP;

    public static readonly UploadRefusal Unknown = new(UploadProblem.UnknownType,
        "The content of this file is not a PDF, Word, Excel, PowerPoint, OpenDocument or image (PNG, JPEG, GIF, WebP) file. Rumbo checks the content, not the name.");

    private static readonly UploadRefusal Legacy = new(UploadProblem.LegacyOffice,
        "Old Office formats (.doc, .xls, .ppt) are not accepted. Save the file as .docx, .xlsx, .pptx or PDF and upload it again.");

    private static readonly UploadRefusal Macros = new(UploadProblem.Macros,
        "Office files with macros (.docm, .xlsm, .pptm) are not accepted. Save the file without macros and upload it again.");

    private static readonly UploadRefusal Bomb = new(UploadProblem.ZipBomb,
        "This file expands to far more than its size when opened, as a compressed bomb does. It was not stored.");

    public static readonly UploadRefusal Damaged = new(UploadProblem.Damaged,
        "This file is damaged and cannot be read. Save it again and upload the new copy.");

    /// <summary>
    /// Finds the format from the content alone. The stream must be seekable; zip-based formats are checked against
    /// bombs from their central directory first, then by decompressing every entry with a hard cap.
    /// </summary>
    public static (FileFormat? Format, UploadRefusal? Refusal) Detect(Stream content)
    {
        Span<byte> head = stackalloc byte[16];
        content.Position = 0;
        var n = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        content.Position = 0;

        if (head.StartsWith("%PDF-"u8)) return (FileFormat.Pdf, null);
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return (FileFormat.Png, null);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return (FileFormat.Jpeg, null);
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return (FileFormat.Gif, null);
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return (FileFormat.WebP, null);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return (null, Legacy);
        if (head.StartsWith("PK\x03\x04"u8)) return DetectZip(content);
        return (null, Unknown);
    }

    private static (FileFormat?, UploadRefusal?) DetectZip(Stream content)
    {
        try
        {
            content.Position = 0;
            // Opening reads only the central directory; no entry is decompressed yet.
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count > DocumentsOptions.MaxZipEntries) return (null, Bomb);
            long declared = 0;
            foreach (var e in entries)
            {
                declared += e.Length;
                if (declared > DocumentsOptions.MaxZipUncompressedBytes) return (null, Bomb);
                if (e.Length > DocumentsOptions.MegaByte && e.Length / Math.Max(e.CompressedLength, 1) > DocumentsOptions.MaxZipRatio) return (null, Bomb);
            }
            if (declared > 10 * DocumentsOptions.MegaByte && declared / Math.Max(content.Length, 1) > DocumentsOptions.MaxZipRatio) return (null, Bomb);

            // The directory can lie about sizes: every entry is inflated, counting, and may not give more than it said.
            var buffer = new byte[81920];
            long total = 0;
            foreach (var e in entries)
            {
                using var s = e.Open();
                long got = 0;
                int read;
                while ((read = s.Read(buffer, 0, buffer.Length)) > 0)
                {
                    got += read;
                    total += read;
                    if (got > e.Length || total > DocumentsOptions.MaxZipUncompressedBytes) return (null, Bomb);
                }
            }

            // The zip reader above silently stops at the declared size, so it cannot tell a lying directory from an
            // honest one; the raw data is inflated again here, and any byte past the declared size refuses the file.
            if (InflatesPastDeclared(content)) return (null, Bomb);

            var mimetype = zip.GetEntry("mimetype");
            if (mimetype is not null)
            {
                var type = ReadSmall(mimetype, 256).Trim();
                FileFormat? odf = type switch
                {
                    "application/vnd.oasis.opendocument.text" => FileFormat.Odt,
                    "application/vnd.oasis.opendocument.spreadsheet" => FileFormat.Ods,
                    "application/vnd.oasis.opendocument.presentation" => FileFormat.Odp,
                    _ => null,
                };
                if (odf is null || zip.GetEntry("content.xml") is null) return (null, Unknown);
                return (odf, null);
            }

            var types = zip.GetEntry("[Content_Types].xml");
            var rels = zip.GetEntry("_rels/.rels");
            if (types is null || rels is null) return (null, Unknown);
            // The package's relationships name its main part; the content types say what that part is.
            var main = MainPart(rels);
            if (main is null) return (null, Unknown);
            if (zip.GetEntry(main) is null) return (null, Damaged);
            var (defaults, overrides) = ContentTypes(types);
            var extension = Path.GetExtension(main).TrimStart('.').ToLowerInvariant();
            var contentType = overrides.GetValueOrDefault("/" + main) ?? defaults.GetValueOrDefault(extension);
            if (contentType is null) return (null, Unknown);
            if (contentType.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)) return (null, Macros);
            FileFormat? ooxml = contentType switch
            {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" => FileFormat.Docx,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" => FileFormat.Xlsx,
                "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml" => FileFormat.Pptx,
                _ => null,
            };
            if (ooxml is not null) return (ooxml, null);
            return (null, Unknown);
        }
        catch (InvalidDataException)
        {
            return (null, Damaged);
        }
        catch (XmlException)
        {
            return (null, Damaged);
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>
    /// Walks the central directory itself and inflates each deflated entry's data from its local header, reading at
    /// most one byte past the size the directory declares.
    /// </summary>
    private static bool InflatesPastDeclared(Stream content)
    {
        var length = content.Length;
        var tailLength = (int)Math.Min(length, 22 + 65535);
        var tail = new byte[tailLength];
        content.Position = length - tailLength;
        content.ReadExactly(tail);
        var eocd = -1;
        for (var i = tailLength - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == 0x06054b50) { eocd = i; break; }
        }
        if (eocd < 0) throw new InvalidDataException("No end of central directory.");
        int count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(eocd + 10));
        long directory = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(eocd + 16));
        var header = new byte[46];
        var local = new byte[30];
        var buffer = new byte[81920];
        for (var n = 0; n < count; n++)
        {
            if (directory + 46 > length) throw new InvalidDataException("Central directory out of range.");
            content.Position = directory;
            content.ReadExactly(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != 0x02014b50) throw new InvalidDataException("Bad central directory.");
            var method = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(10));
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(20));
            long declared = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(24));
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30));
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32));
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(42));
            directory += 46 + nameLength + extraLength + commentLength;
            // Zip64 sizes are past any upload limit; the declared-size checks have already bounded those entries.
            if (method != 8 || compressed == uint.MaxValue || declared == uint.MaxValue || offset == uint.MaxValue) continue;
            if (offset + 30 > length) throw new InvalidDataException("Local header out of range.");
            content.Position = offset;
            content.ReadExactly(local);
            if (BinaryPrimitives.ReadUInt32LittleEndian(local) != 0x04034b50) throw new InvalidDataException("Bad local header.");
            var start = offset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(28));
            if (start > length) throw new InvalidDataException("Entry data out of range.");
            var raw = new byte[Math.Min(compressed, length - start)];
            content.Position = start;
            content.ReadExactly(raw);
            using var inflate = new DeflateStream(new MemoryStream(raw), CompressionMode.Decompress);
            long got = 0;
            int read;
            while ((read = inflate.Read(buffer, 0, (int)Math.Min(buffer.Length, declared - got + 1))) > 0)
            {
                got += read;
                if (got > declared) return true;
            }
        }
        return false;
    }

    private static string ReadSmall(ZipArchiveEntry entry, int max)
    {
        using var s = entry.Open();
        var buffer = new byte[max];
        var n = s.ReadAtLeast(buffer, max, throwOnEndOfStream: false);
        return Encoding.ASCII.GetString(buffer, 0, n);
    }

    private static XmlReader Xml(ZipArchiveEntry entry) =>
        XmlReader.Create(new CappedStream(entry.Open(), DocumentsOptions.MegaByte),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true });

    /// <summary>The main part's name in the zip (word/document.xml), from the package relationships.</summary>
    private static string? MainPart(ZipArchiveEntry rels)
    {
        using var xml = Xml(rels);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship") continue;
            var type = xml.GetAttribute("Type");
            if (type is "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
                or "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
                && xml.GetAttribute("TargetMode") != "External")
            {
                return xml.GetAttribute("Target")?.TrimStart('/');
            }
        }
        return null;
    }

    private static (Dictionary<string, string> Defaults, Dictionary<string, string> Overrides) ContentTypes(ZipArchiveEntry entry)
    {
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var xml = Xml(entry);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            var type = xml.GetAttribute("ContentType");
            if (type is null) continue;
            if (xml.LocalName == "Default" && xml.GetAttribute("Extension") is { } ext) defaults[ext.ToLowerInvariant()] = type;
            if (xml.LocalName == "Override" && xml.GetAttribute("PartName") is { } part) overrides[part] = type;
        }
        return (defaults, overrides);
    }
}

/// <summary>A read-only view of a stream that fails once more than a set number of bytes has come out of it.</summary>
public sealed class CappedStream(Stream inner, long cap) : Stream
{
    private long read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        read += n;
        if (read > cap) throw new InvalidDataException("The content is larger than allowed.");
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>The name a file was uploaded under: kept for display and downloads only, and refused when it plays tricks.</summary>
public static class FileNames
{
    public const int MaxLength = 255;

    public static (string? Clean, UploadRefusal? Refusal) Check(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return (null, new(UploadProblem.BadName, "The file has no name. Give it a name and upload it again."));
        if (name.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
        {
            // Format characters include the right-to-left override that makes "evil‮fdp.exe" read as "evilexe.pdf".
            return (null, new(UploadProblem.BadName, "The file's name has control or invisible characters. Rename the file and upload it again."));
        }
        var trimmed = name.Trim();
        if (trimmed.Contains('/') || trimmed.Contains('\\') || trimmed.Contains(':') || trimmed is "." or "..")
        {
            return (null, new(UploadProblem.BadName, "The file's name may not contain folders, drive letters or the characters / \\ :. Rename the file and upload it again."));
        }
        if (trimmed.Length > MaxLength) return (null, new(UploadProblem.BadName, "The file's name is longer than 255 characters. Rename the file and upload it again."));
        return (trimmed, null);
    }

    /// <summary>The extension of a checked name, lower case without the dot; empty when it has none.</summary>
    public static string ExtensionOf(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot <= 0 || dot == name.Length - 1 ? string.Empty : name[(dot + 1)..].ToLowerInvariant();
    }

    private static readonly HashSet<string> KnownExtensions =
    [
        "pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "png", "jpg", "jpeg", "gif", "webp",
        "doc", "docm", "dot", "dotx", "xls", "xlsm", "xlsb", "xlt", "xltx", "ppt", "pptm", "pps", "ppsx", "potx", "rtf", "txt", "csv",
        "html", "htm", "xhtml", "mht", "svg", "xml", "js", "mjs", "json", "php", "exe", "dll", "com", "scr", "bat", "cmd", "sh", "ps1",
        "vbs", "hta", "msi", "jar", "apk", "zip", "rar", "7z", "gz", "tar", "bmp", "tif", "tiff", "heic", "ico", "odg", "mp3", "mp4",
    ];

    /// <summary>
    /// Whether the name's extension names another type than the content's. An extension nobody uses for a file type
    /// ("Acta 21.10.2020") says nothing about the content and is no contradiction.
    /// </summary>
    public static bool Contradicts(string name, FileFormat format)
    {
        var extension = ExtensionOf(name);
        return KnownExtensions.Contains(extension) && !FileTypes.Extensions(format).Contains(extension);
    }

    /// <summary>The name a download gets: the user's name, with the format's extension when it lacks it.</summary>
    public static string DownloadName(string name, string extension)
    {
        var own = ExtensionOf(name);
        return own == extension || (extension == "jpg" && own == "jpeg") ? name : $"{name}.{extension}";
    }
}
