using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Rumbo.TestSupport;

/// <summary>Files made in the test, good and hostile, for the documents' uploads.</summary>
public static class DocumentFiles
{
    /// <summary>A one-page PDF written by hand: its lines in Helvetica, Latin-1 (WinAnsi) encoded, with a correct xref.</summary>
    public static byte[] Pdf(params string[] lines)
    {
        var latin1 = Encoding.Latin1;
        var text = new StringBuilder("BT /F1 12 Tf 14 TL 72 720 Td ");
        foreach (var line in lines)
        {
            text.Append('(').Append(line.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)")).Append(") Tj T* ");
        }
        text.Append("ET");
        var stream = latin1.GetBytes(text.ToString());
        var objects = new List<byte[]>
        {
            latin1.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"),
            latin1.GetBytes("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            latin1.GetBytes("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
            latin1.GetBytes($"<< /Length {stream.Length} >>\nstream\n").Concat(stream).Concat(latin1.GetBytes("\nendstream")).ToArray(),
            latin1.GetBytes("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
        };
        using var pdf = new MemoryStream();
        void Write(string s) => pdf.Write(latin1.GetBytes(s));
        Write("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write($"{i + 1} 0 obj\n");
            pdf.Write(objects[i]);
            Write("\nendobj\n");
        }
        var xref = pdf.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Write($"{o:D10} 00000 n \n");
        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>A Word document made with the Open XML SDK, one paragraph per string.</summary>
    public static byte[] Docx(params string[] paragraphs)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p) { Space = SpaceProcessingModeValues.Preserve })))));
            main.Document.Save();
        }
        return ms.ToArray();
    }

    /// <summary>An OpenDocument text: the mimetype entry first, then content.xml.</summary>
    public static byte[] Odt(params string[] paragraphs)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "mimetype", "application/vnd.oasis.opendocument.text", CompressionLevel.NoCompression);
            var body = string.Concat(paragraphs.Select(p => $"<text:p>{System.Security.SecurityElement.Escape(p)}</text:p>"));
            Add(zip, "content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>" + body + "</office:text></office:body></office:document-content>");
        }
        return ms.ToArray();
    }

    public static byte[] Png() =>
        Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static byte[] HtmlWithScript() => Encoding.UTF8.GetBytes("<!doctype html><html><body><script>fetch('/account/tokens').then(r => r.text()).then(alert)</script></body></html>");

    /// <summary>The start of a Windows executable.</summary>
    public static byte[] Exe() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[512]];

    /// <summary>A legacy Office (OLE compound) file's signature and some padding.</summary>
    public static byte[] Ole() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1024]];

    private static readonly Lazy<byte[]> Bomb = new(() => DocxLookingZip(hugeEntry: 512L * 1024 * 1024, lieAboutSize: false));

    /// <summary>
    /// A zip that looks like a Word document ([Content_Types].xml and word/document.xml) with a 512 MB entry of zeros,
    /// which deflates to about half a megabyte.
    /// </summary>
    public static byte[] ZipBomb() => Bomb.Value;

    /// <summary>The same kind of zip whose directory says its big entry holds 1000 bytes, while it inflates to 20 MB.</summary>
    public static byte[] LyingZipBomb() => DocxLookingZip(hugeEntry: 20L * 1024 * 1024, lieAboutSize: true);

    private static byte[] DocxLookingZip(long hugeEntry, bool lieAboutSize)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Add(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Add(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Quarterly report</w:t></w:r></w:p></w:body></w:document>");
            var entry = zip.CreateEntry("word/media/filler.bin", CompressionLevel.SmallestSize);
            using var s = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < hugeEntry; written += zeros.Length) s.Write(zeros);
        }
        var bytes = ms.ToArray();
        if (lieAboutSize) Patch(bytes, "word/media/filler.bin", 1000);
        return bytes;
    }

    /// <summary>Rewrites an entry's uncompressed size in its local header and in the central directory.</summary>
    private static void Patch(byte[] zip, string name, uint size)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var sig = BitConverter.ToUInt32(zip, i);
            if (sig == 0x04034b50 && Matches(zip, i + 30, nameBytes, BitConverter.ToUInt16(zip, i + 26)))
            {
                BitConverter.GetBytes(size).CopyTo(zip, i + 22);
            }
            else if (sig == 0x02014b50 && Matches(zip, i + 46, nameBytes, BitConverter.ToUInt16(zip, i + 28)))
            {
                BitConverter.GetBytes(size).CopyTo(zip, i + 24);
            }
        }
        static bool Matches(byte[] zip, int at, byte[] name, int length) =>
            length == name.Length && at + length <= zip.Length && zip.AsSpan(at, length).SequenceEqual(name);
    }

    private static void Add(ZipArchive zip, string name, string content, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = zip.CreateEntry(name, level);
        using var s = entry.Open();
        s.Write(Encoding.UTF8.GetBytes(content));
    }
}
