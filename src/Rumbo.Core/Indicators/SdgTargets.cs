using System.Text.RegularExpressions;

namespace Rumbo.Core.Indicators;

/// <summary>SDG target codes (16.6, 17.18, 4.a) as indicators and policies link them: the one rule of their form.</summary>
public static partial class SdgTargets
{
    public const string Refused = "{0} is not an SDG target code such as 17.18.";

    [GeneratedRegex(@"^\d{1,2}\.[0-9a-z]{1,2}$")]
    private static partial Regex Pattern();

    /// <summary>The codes in a text separated by commas, semicolons or spaces, in lower case, each once.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.ToLowerInvariant()).Distinct().ToList();

    public static bool IsValid(string code) => Pattern().IsMatch(code);

    /// <summary>The codes that are not SDG targets' codes.</summary>
    public static IReadOnlyList<string> Invalid(IEnumerable<string> codes) => codes.Where(c => !IsValid(c)).ToList();
}
