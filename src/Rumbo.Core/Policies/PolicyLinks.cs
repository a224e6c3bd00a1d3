namespace Rumbo.Core.Policies;

/// <summary>A policy's web addresses, kept as one text of one address a line: they are only ever read and written whole.</summary>
public static class PolicyLinks
{
    public const int MaxLength = 4000;
    public const int MaxCount = 10;

    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split(['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();

    public static string? Join(IEnumerable<string> links)
    {
        var list = links.ToList();
        return list.Count == 0 ? null : string.Join('\n', list);
    }

    /// <summary>Only absolute http and https addresses: a link a reader follows must not run script or open a local file.</summary>
    public static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;
}
