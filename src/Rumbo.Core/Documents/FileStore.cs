using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Rumbo.Core.Documents;

/// <summary>
/// Where the files of the documents live, keyed by the lower-case hex SHA-256 of their content. Nothing a user typed
/// ever reaches a path: the key is checked to be 64 hex digits before it is used.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the content under its hash; a second put of the same content stores nothing more.</summary>
    /// <exception cref="InvalidDataException">The content's hash is not <paramref name="hash"/>.</exception>
    Task PutAsync(string hash, Stream content, CancellationToken ct = default);

    /// <summary>The content, or null when there is none under that hash.</summary>
    Stream? OpenRead(string hash);

    bool Exists(string hash);

    void Delete(string hash);
}

public static partial class ContentHash
{
    public static bool IsValid(string? hash) => hash is not null && Hex().IsMatch(hash);

    public static async Task<string> OfAsync(Stream content, CancellationToken ct = default) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Hex();
}

/// <summary>
/// Files under a root folder as <c>ab/cd/abcd…</c>. A put writes a temporary file in the root's <c>tmp</c> folder
/// and moves it into place, so that a reader never sees half a file and a failed write leaves nothing behind.
/// </summary>
public sealed class FileSystemFileStore : IFileStore
{
    public FileSystemFileStore(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public async Task PutAsync(string hash, Stream content, CancellationToken ct = default)
    {
        var path = PathOf(hash);
        if (File.Exists(path)) return;
        var tmp = Path.Combine(Root, "tmp");
        Directory.CreateDirectory(tmp);
        var temp = Path.Combine(tmp, Guid.NewGuid().ToString("n"));
        try
        {
            string actual;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                await file.FlushAsync(ct);
                actual = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            if (actual != hash) throw new InvalidDataException("The content does not match its hash.");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another upload of the same content won the race; its file is this one.
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public Stream? OpenRead(string hash)
    {
        var path = PathOf(hash);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null;
    }

    public bool Exists(string hash) => File.Exists(PathOf(hash));

    public void Delete(string hash)
    {
        var path = PathOf(hash);
        if (File.Exists(path)) File.Delete(path);
    }

    private string PathOf(string hash)
    {
        if (!ContentHash.IsValid(hash)) throw new ArgumentException("A content hash is 64 lower-case hex digits.", nameof(hash));
        return Path.Combine(Root, hash[..2], hash[2..4], hash);
    }
}
