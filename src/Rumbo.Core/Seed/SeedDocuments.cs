using System.Reflection;

namespace Rumbo.Core.Seed;

/// <summary>The source documents shipped inside the assembly, so that seeding and tests need no files on disk.</summary>
public static class SeedDocuments
{
    private const string Prefix = "Rumbo.Seed.";

    private static readonly Assembly Assembly = typeof(SeedDocuments).Assembly;

    public static IReadOnlyList<string> FileNames { get; } = Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(name => name[Prefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static string Read(string fileName)
    {
        using var stream = Assembly.GetManifestResourceStream(Prefix + fileName)
            ?? throw new FileNotFoundException($"No seed document named '{fileName}'.", fileName);
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
