using System.Security.Cryptography;

namespace Rumbo.Core.Documents;

/// <summary>
/// A file that passed every check, waiting in a temporary file until the document that holds it is saved. Nothing
/// of it is in the store until <see cref="CommitAsync"/>; disposing it deletes the temporary file.
/// </summary>
public sealed class ReceivedFile : IAsyncDisposable
{
    internal ReceivedFile(string tempPath, string hash, long size, FileFormat format, string fileName, string? text)
    {
        TempPath = tempPath;
        Hash = hash;
        Size = size;
        Format = format;
        FileName = fileName;
        Text = text;
    }

    internal string TempPath { get; }
    public string Hash { get; }
    public long Size { get; }
    public FileFormat Format { get; }
    public string MediaType => FileTypes.MediaType(Format);
    public string Extension => FileTypes.Extension(Format);
    /// <summary>The user's name for the file, checked: for display and downloads only.</summary>
    public string FileName { get; }
    /// <summary>The extracted text; null when the format has none or it could not be extracted.</summary>
    public string? Text { get; }

    /// <summary>Puts the file in the store under its hash (a no-op when the same content is there already).</summary>
    public async Task CommitAsync(IFileStore store, CancellationToken ct)
    {
        await using var s = File.OpenRead(TempPath);
        await store.PutAsync(Hash, s, ct);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(TempPath)) File.Delete(TempPath);
        }
        catch (IOException)
        {
            // The temporary folder is cleaned by the system; a file left there holds nothing anyone can reach.
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The checks every upload goes through, for pages and API alike: name, size, type from the content (with the zip-bomb
/// limits), agreement of the name's extension with the content; then the text for search.
/// </summary>
public sealed class DocumentUploads(DocumentsOptions options, DocumentTextExtractor extractor)
{
    public DocumentsOptions Options => options;

    public UploadRefusal TooLarge => new(UploadProblem.TooLarge, "The file is larger than {0} MB, the most Rumbo accepts.", options.MaxUploadMegabytes);

    public static readonly UploadRefusal NoFile = new(UploadProblem.NoFile, "Choose a file to upload.");

    /// <summary>Reads the content into a temporary file (never more than the limit) and checks it; the caller disposes the file.</summary>
    public async Task<(ReceivedFile? File, UploadRefusal? Refusal)> ReceiveAsync(Stream content, string? fileName, long? declaredLength, CancellationToken ct)
    {
        var (name, badName) = FileNames.Check(fileName);
        if (badName is not null) return (null, badName);
        if (declaredLength > options.MaxUploadBytes) return (null, TooLarge);

        var temp = Path.Combine(Path.GetTempPath(), "rumbo-upload-" + Guid.NewGuid().ToString("n"));
        var keep = false;
        try
        {
            long size = 0;
            string hash;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > options.MaxUploadBytes) return (null, TooLarge);
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
                if (size == 0) return (null, new(UploadProblem.Empty, "The file is empty."));

                var (format, refusal) = FileTypes.Detect(file);
                if (refusal is not null) return (null, refusal);
                if (FileNames.Contradicts(name!, format!.Value))
                {
                    return (null, new(UploadProblem.ExtensionMismatch,
                        "The file's name ends in .{0}, but its content is {1}. Rename the file or choose the right one.",
                        FileNames.ExtensionOf(name!), FileTypes.Label(format.Value)));
                }
                await file.DisposeAsync();
                var text = FileTypes.HasText(format.Value) ? await extractor.ExtractAsync(temp, format.Value, ct) : null;
                // An Office or OpenDocument file whose parts cannot be read (a valid empty one gives empty text) would
                // not open for its readers either. A PDF is kept without text: pdftotext may be missing or time out.
                if (text is null && FileTypes.IsZipBased(format.Value)) return (null, FileTypes.Damaged);
                keep = true;
                return (new ReceivedFile(temp, hash, size, format.Value, name!, text), null);
            }
        }
        finally
        {
            if (!keep && File.Exists(temp)) File.Delete(temp);
        }
    }
}
