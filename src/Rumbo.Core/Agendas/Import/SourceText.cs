using System.Globalization;
using System.Text.RegularExpressions;

namespace Rumbo.Core.Agendas.Import;

/// <summary>Text handling shared by the document parsers.</summary>
internal static partial class SourceText
{
    public const string ParagraphSeparator = "\n\n";

    /// <summary>
    /// Splits into lines so that index + 1 is the line number an editor shows: a final newline does not
    /// open one more line.
    /// </summary>
    public static string[] SplitLines(string text)
    {
        var normalized = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lines = normalized.Split('\n');
        return lines.Length > 1 && lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    public static int LastLine(IReadOnlyList<string> lines) => Math.Max(1, lines.Count);

    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    public static string UpperFirst(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));

    public static bool HasLowercase(string text) => text.Any(char.IsLower);

    public static bool IsAllCaps(string text) => text.Any(char.IsLetter) && !HasLowercase(text);

    /// <summary>True when the text closes a sentence, a list lead-in or a clause, ignoring closing quotes and brackets.</summary>
    public static bool EndsClause(string text)
    {
        var trimmed = text.TrimEnd(' ', ')', ']', '"', '\'', '\u2019', '\u201D');
        return trimmed.Length > 0 && ".:;!?".Contains(trimmed[^1]);
    }

    /// <summary>Finds the first line holding only a document symbol, such as LC/CRP.20/6.</summary>
    public static (string Symbol, int Index)? FindSymbolLine(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var match = SymbolLine().Match(lines[i].Trim());
            if (match.Success)
            {
                return (match.Groups["symbol"].Value, i);
            }
        }

        return null;
    }

    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(Normalize(text), "d MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>
    /// Reads the language lines of a United Nations cover ("ENGLISH", "ORIGINAL: SPANISH"), searching lines
    /// [0, end).
    /// </summary>
    public static (string Document, string Original) ReadCoverLanguages(IReadOnlyList<string> lines, int end, int errorLine)
    {
        string? document = null;
        string? original = null;
        for (var i = 0; i < end && i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            var originalMatch = OriginalLanguageLine().Match(line);
            if (originalMatch.Success)
            {
                original ??= LanguageCode(originalMatch.Groups["language"].Value);
            }
            else if (LanguageCode(line) is { } code)
            {
                document ??= code;
            }
        }

        if (document is null)
        {
            throw new AgendaFormatException("the cover does not say which language the document is in (e.g. ENGLISH)", errorLine);
        }

        return (document, original ?? document);
    }

    private static string? LanguageCode(string name) => name.ToUpperInvariant() switch
    {
        "ENGLISH" => "en",
        "SPANISH" => "es",
        "PORTUGUESE" => "pt",
        "FRENCH" => "fr",
        _ => null,
    };

    /// <summary>Number words as agendas write counts ("eight guiding principles", "four axes").</summary>
    public static int? ParseCount(string word)
    {
        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var index = Array.IndexOf(NumberWords, word.ToLowerInvariant());
        return index < 0 ? null : index;
    }

    private static readonly string[] NumberWords =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];

    public static string Roman(int number)
    {
        ReadOnlySpan<(int Value, string Digits)> table =
        [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ];
        var result = new System.Text.StringBuilder();
        foreach (var (value, digits) in table)
        {
            while (number >= value)
            {
                result.Append(digits);
                number -= value;
            }
        }

        return result.ToString();
    }

    public const string SymbolPattern = @"[A-Z]{1,5}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+";

    // A symbol always carries a session or document number; the digit rules out lines such as "N/A".
    [GeneratedRegex(@"^(?<symbol>(?=[^\d]*\d)" + SymbolPattern + ")$")]
    private static partial Regex SymbolLine();

    [GeneratedRegex(@"^ORIGINAL\s*:\s*(?<language>\p{L}+)$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalLanguageLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
