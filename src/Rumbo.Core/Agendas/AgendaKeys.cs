using System.Text;

namespace Rumbo.Core.Agendas;

public static class AgendaKeys
{
    /// <summary>
    /// The URL form of a symbol: lower case, every run of other characters one dash, so that the symbol
    /// (LC/CRP.20/6), the file-name form (LC-CRP.20-6) and the slug itself (lc-crp-20-6) all resolve alike.
    /// </summary>
    public static string Slugify(string value)
    {
        var text = Uri.UnescapeDataString(value.Trim());
        var sb = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (!dash && sb.Length > 0)
            {
                sb.Append('-');
                dash = true;
            }
        }
        return sb.ToString().TrimEnd('-');
    }

    /// <summary>Line codes as people type them in a form (2.4.1, 2.5.1): separated by commas, semicolons or white space, each once.</summary>
    public static IReadOnlyList<string> ParseCodeList(string? codes) =>
        (codes ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Stable codes are dot-separated positive numbers: 3, 3.2, 3.2.4.</summary>
    public static bool IsValidCode(string code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 16) return false;
        foreach (var part in code.Split('.'))
        {
            if (part.Length == 0 || part.Length > 4 || !part.All(char.IsAsciiDigit) || part[0] == '0') return false;
        }
        return true;
    }
}
