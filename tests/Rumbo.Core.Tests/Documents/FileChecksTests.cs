using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Rumbo.Core.Documents;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.Documents;

/// <summary>The type of a file comes from its content; names and zip-based formats are checked before anything is kept.</summary>
public sealed class FileChecksTests
{
    private static (FileFormat? Format, UploadRefusal? Refusal) Detect(byte[] bytes) => FileTypes.Detect(new MemoryStream(bytes));

    [Fact]
    public void Finds_each_accepted_format_from_its_content()
    {
        Assert.Equal(FileFormat.Pdf, Detect(DocumentFiles.Pdf("Hello")).Format);
        Assert.Equal(FileFormat.Docx, Detect(DocumentFiles.Docx("Hello")).Format);
        Assert.Equal(FileFormat.Odt, Detect(DocumentFiles.Odt("Hello")).Format);
        Assert.Equal(FileFormat.Png, Detect(DocumentFiles.Png()).Format);
        Assert.Equal(FileFormat.Jpeg, Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]).Format);
        Assert.Equal(FileFormat.Gif, Detect(Encoding.ASCII.GetBytes("GIF89a\x01\x00\x01\x00")).Format);
        Assert.Equal(FileFormat.WebP, Detect(Encoding.ASCII.GetBytes("RIFF\x10\x00\x00\x00WEBPVP8 ")).Format);
    }

    [Fact]
    public void Refuses_what_is_not_an_accepted_format_whatever_it_is_called()
    {
        Assert.Equal(UploadProblem.UnknownType, Detect(DocumentFiles.HtmlWithScript()).Refusal!.Problem);
        Assert.Equal(UploadProblem.UnknownType, Detect(DocumentFiles.Exe()).Refusal!.Problem);
        Assert.Equal(UploadProblem.LegacyOffice, Detect(DocumentFiles.Ole()).Refusal!.Problem);
        // A zip that is no Office or OpenDocument file.
        using var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, true))
        {
            using var s = zip.CreateEntry("payload.js").Open();
            s.Write("alert(1)"u8);
        }
        Assert.Equal(UploadProblem.UnknownType, Detect(ms.ToArray()).Refusal!.Problem);
    }

    [Fact]
    public void Refuses_zip_bombs_from_the_directory_and_when_the_directory_lies()
    {
        Assert.Equal(UploadProblem.ZipBomb, Detect(DocumentFiles.ZipBomb()).Refusal!.Problem);
        // A directory that understates a size: the zip reader stops at the size it declared (so the checks on declared
        // sizes bound what any reader inflates), or the file is refused.
        var lying = DocumentFiles.LyingZipBomb();
        var (format, refusal) = Detect(lying);
        // Stopping at the declared size is not enough: the file would be kept and a later reader trusted with it.
        Assert.Null(format);
        Assert.Equal(UploadProblem.ZipBomb, refusal?.Problem);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(lying));
        using var filler = zip.GetEntry("word/media/filler.bin")!.Open();
        var read = 0L;
        var buffer = new byte[65536];
        try
        {
            for (int n; (n = filler.Read(buffer)) > 0;) read += n;
        }
        catch (InvalidDataException)
        {
            // Refusing to go on is as good as stopping.
        }
        Assert.True(read <= 1000, $"inflated {read} bytes from an entry that declared 1000");
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("reports/q1.pdf")]
    [InlineData("..\\..\\boot.ini.pdf")]
    [InlineData("C:report.pdf")]
    [InlineData("report\t.pdf")]
    [InlineData("report\u0000.pdf")]
    [InlineData("invoice\u202Efdp.exe")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("   ")]
    public void Refuses_names_with_paths_control_characters_or_nothing(string name)
    {
        var (clean, refusal) = FileNames.Check(name);
        Assert.Null(clean);
        Assert.Equal(UploadProblem.BadName, refusal!.Problem);
    }

    [Fact]
    public void Keeps_ordinary_names_and_judges_extensions_against_the_content()
    {
        Assert.Equal("Informe de avance, año 2025.pdf", FileNames.Check("  Informe de avance, año 2025.pdf ").Clean);
        Assert.True(FileNames.Contradicts("report.pdf", FileFormat.Docx));
        Assert.True(FileNames.Contradicts("photo.html", FileFormat.Png));
        Assert.False(FileNames.Contradicts("photo.JPEG", FileFormat.Jpeg));
        Assert.False(FileNames.Contradicts("Acta 21.10.2020", FileFormat.Pdf));
        Assert.Equal("Acta 21.10.2020.pdf", FileNames.DownloadName("Acta 21.10.2020", "pdf"));
        Assert.Equal("photo.jpeg", FileNames.DownloadName("photo.jpeg", "jpg"));
    }

    [Fact]
    public async Task The_store_keeps_one_file_per_content_under_its_hash_and_nothing_else()
    {
        var root = Path.Combine(Path.GetTempPath(), "rumbo-store-" + Guid.NewGuid().ToString("n"));
        try
        {
            var store = new FileSystemFileStore(root);
            var bytes = DocumentFiles.Pdf("Stored once");
            var hash = await ContentHash.OfAsync(new MemoryStream(bytes));
            await store.PutAsync(hash, new MemoryStream(bytes));
            await store.PutAsync(hash, new MemoryStream(bytes));
            var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
            Assert.Equal([Path.Combine(root, hash[..2], hash[2..4], hash)], files);
            await using (var s = store.OpenRead(hash)!)
            {
                using var copy = new MemoryStream();
                await s.CopyToAsync(copy);
                Assert.Equal(bytes, copy.ToArray());
            }
            // Content that does not match the hash it is stored under leaves nothing behind.
            var other = new string('a', 64);
            await Assert.ThrowsAsync<InvalidDataException>(() => store.PutAsync(other, new MemoryStream(bytes)));
            Assert.False(store.Exists(other));
            Assert.Single(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
            Assert.Throws<ArgumentException>(() => store.Exists("../../etc/passwd"));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    [Fact]
    public async Task Extracts_the_text_of_docx_odt_and_pdf()
    {
        var extractor = new DocumentTextExtractor(new DocumentsOptions(), NullLogger<DocumentTextExtractor>.Instance);
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, DocumentFiles.Docx("Primera línea", "Segunda   línea"));
            Assert.Equal("Primera línea\nSegunda línea", await extractor.ExtractAsync(path, FileFormat.Docx, default));
            await File.WriteAllBytesAsync(path, DocumentFiles.Odt("Acción regional", "Cooperación Sur-Sur"));
            Assert.Equal("Acción regional\nCooperación Sur-Sur", await extractor.ExtractAsync(path, FileFormat.Odt, default));
            await File.WriteAllBytesAsync(path, DocumentFiles.Pdf("Planificación para el desarrollo", "segunda línea"));
            var pdf = await extractor.ExtractAsync(path, FileFormat.Pdf, default);
            Assert.Contains("Planificación para el desarrollo", pdf);

            // Without pdftotext the PDF is kept, its text marked as not extracted (null).
            var missing = new DocumentTextExtractor(new DocumentsOptions { PdfToText = "no-such-pdftotext-program" }, NullLogger<DocumentTextExtractor>.Instance);
            Assert.Null(await missing.ExtractAsync(path, FileFormat.Pdf, default));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
