using Microsoft.Extensions.Configuration;

namespace Rumbo.Core.Documents;

/// <summary>Settings of the documents' repository: <c>Rumbo:Storage:Path</c> and <c>Rumbo:Documents:*</c>.</summary>
public sealed class DocumentsOptions
{
    public const long MegaByte = 1024 * 1024;

    /// <summary>Largest file accepted, in MiB (<c>Rumbo:Documents:MaxUploadMegabytes</c>).</summary>
    public int MaxUploadMegabytes { get; set; } = 25;

    /// <summary>Where files are stored (<c>Rumbo:Storage:Path</c>); relative paths are taken from the data directory.</summary>
    public string StoragePath { get; set; } = "files";

    /// <summary>Longest a PDF's text extraction may run.</summary>
    public TimeSpan ExtractionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>pdftotext</c> program (poppler-utils), found on the PATH by default.</summary>
    public string PdfToText { get; set; } = "pdftotext";

    public long MaxUploadBytes => MaxUploadMegabytes * MegaByte;

    /// <summary>What a request carrying one file may weigh: the file and its form fields.</summary>
    public long MaxRequestBytes => MaxUploadBytes + MegaByte;

    /// <summary>At most this much text is kept from one file: beyond it a phrase search gains little and rows grow large.</summary>
    public const int MaxTextCharacters = 2_000_000;

    /// <summary>Zip-based formats: entries, total uncompressed size and ratio beyond which the file is taken for a bomb.</summary>
    public const int MaxZipEntries = 5_000;
    public const long MaxZipUncompressedBytes = 200 * MegaByte;
    public const int MaxZipRatio = 100;

    public static DocumentsOptions From(IConfiguration? configuration)
    {
        var options = new DocumentsOptions();
        if (configuration is null) return options;
        var section = configuration.GetSection("Rumbo:Documents");
        if (int.TryParse(section["MaxUploadMegabytes"], out var max) && max > 0) options.MaxUploadMegabytes = max;
        if (!string.IsNullOrWhiteSpace(section["PdfToText"])) options.PdfToText = section["PdfToText"]!;
        if (TimeSpan.TryParse(section["ExtractionTimeout"], System.Globalization.CultureInfo.InvariantCulture, out var timeout) && timeout > TimeSpan.Zero)
        {
            options.ExtractionTimeout = timeout;
        }
        var storage = configuration["Rumbo:Storage:Path"];
        if (!string.IsNullOrWhiteSpace(storage)) options.StoragePath = storage;
        return options;
    }
}
