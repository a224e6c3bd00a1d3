using Rumbo.Core.Agendas;

namespace Rumbo.Core.Translations;

/// <summary>What a set of texts belongs to: an agenda, or a group with its meetings, records, agreements and plans.</summary>
public enum TranslationSetKind
{
    Agenda,
    Group,
}

/// <summary>Where a translation stands in one language.</summary>
public enum TranslationState
{
    /// <summary>No translation.</summary>
    Missing,
    /// <summary>Translated, but its source changed later than the translation did.</summary>
    NeedsReview,
    /// <summary>Translated after (or with) the latest change of its source.</summary>
    Translated,
}

/// <summary>
/// One translatable text: a <see cref="LocalizedText"/> property of one record. <paramref name="UnitId"/> is stable and an
/// XML NMTOKEN (kind, id, field: <c>line-12-text</c>); <paramref name="What"/> is the English key of a label for translators
/// ("Line of action {0}") with <paramref name="Code"/> its argument; <paramref name="EntityType"/> and
/// <paramref name="Property"/> are the names the audit trail records (<c>LineOfAction</c>, <c>Text</c>).
/// <paramref name="Markdown"/> texts (a meeting record's) keep their line breaks as written, which make their lists.
/// </summary>
public sealed record TranslationText(
    string UnitId, string EntityType, int EntityId, string Property, string What, string Code, LocalizedString Text, string EditUrl,
    bool Paragraphs, int MaxLength, bool Markdown = false);

/// <summary>The texts of an agenda or a group, in the order of their pages, and the language their sources are written in.</summary>
public sealed record TranslationSet(
    TranslationSetKind Kind, int Id, string Slug, string Name, LocalizedString Title, string SourceLanguage, IReadOnlyList<TranslationText> Texts)
{
    /// <summary>The id of the set's <c>&lt;file&gt;</c> in XLIFF: <c>agenda-3</c>, <c>group-12</c>.</summary>
    public string FileId => $"{(Kind == TranslationSetKind.Agenda ? "agenda" : "group")}-{Id}";

    /// <summary>The set's page: <c>/agendas/{slug}/translations</c> or <c>/groups/{slug}/translations</c>.</summary>
    public string PageUrl => $"/{(Kind == TranslationSetKind.Agenda ? "agendas" : "groups")}/{Slug}/translations";

    /// <summary>The languages the texts may be translated into: every interface language but the sources'.</summary>
    public IReadOnlyList<string> Targets => Localization.InterfaceLanguages.All.Where(l => l != SourceLanguage).ToList();

    public bool IsTarget(string? language) => language is not null && Localization.InterfaceLanguages.IsSupported(language) && language != SourceLanguage;
}

/// <summary>A text's translation in one language and where it stands.</summary>
public sealed record TextStatus(TranslationText Text, string? Translation, TranslationState State);

/// <summary>How many texts of a set are translated, need review or are missing in one language.</summary>
public sealed record LanguageSummary(string Language, int Translated, int NeedsReview, int Missing)
{
    public int Total => Translated + NeedsReview + Missing;

    /// <summary>Whole percentages that add up to 100 (the largest remainder takes what rounding down leaves).</summary>
    public (int Translated, int NeedsReview, int Missing) Percentages
    {
        get
        {
            if (Total == 0) return (0, 0, 0);
            int[] counts = [Translated, NeedsReview, Missing];
            var floors = counts.Select(c => c * 100 / Total).ToArray();
            var left = 100 - floors.Sum();
            foreach (var i in Enumerable.Range(0, 3).OrderByDescending(i => counts[i] * 100 % Total).Take(left)) floors[i]++;
            return (floors[0], floors[1], floors[2]);
        }
    }
}

public static class TranslationLanguages
{
    /// <summary>The translation in the language (en, es, pt, fr), or null when there is none.</summary>
    public static string? Of(LocalizedString s, string language)
    {
        var t = language switch
        {
            "en" => s.En,
            "es" => s.Es,
            "pt" => s.Pt,
            "fr" => s.Fr,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(t) ? null : t;
    }

    public static string? Of(LocalizedText s, string language) => Of(s.ToDocument(), language);

    public static void Set(LocalizedText s, string language, string value)
    {
        switch (language)
        {
            case "en": s.En = value; break;
            case "es": s.Es = value; break;
            case "pt": s.Pt = value; break;
            case "fr": s.Fr = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(language), language, "Not a language of the texts.");
        }
        // A translation that comes back from outside is nobody's official text until someone ticks it on the form:
        // an official translation replaced by a file loses its mark rather than lend it to the new words.
        s.Official = OfficialLanguages.Of(OfficialLanguages.All.Where(l => l != language && OfficialLanguages.Contains(s.Official, l)));
    }

    /// <summary>The audit trail's name of a translation's column: <c>Fr</c> for French.</summary>
    public static string Column(string language) => language switch
    {
        "en" => nameof(LocalizedText.En),
        "es" => nameof(LocalizedText.Es),
        "pt" => nameof(LocalizedText.Pt),
        "fr" => nameof(LocalizedText.Fr),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Not a language of the texts."),
    };

    /// <summary>The translation of a text as its editing form would keep it: see <see cref="Clean(string?, bool)"/> and <see cref="Rendering.Markdown.Clean"/>.</summary>
    public static string? Clean(string? s, TranslationText text) => text.Markdown ? Rendering.Markdown.Clean(s) : Clean(s, text.Paragraphs);

    /// <summary>
    /// A text as the editing forms keep it: spaces folded within a paragraph, paragraphs (where kept) apart by one blank
    /// line; null when nothing is left.
    /// </summary>
    public static string? Clean(string? s, bool paragraphs)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        static string Fold(string p) => string.Join(' ', p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (!paragraphs) return Fold(s);
        var kept = s.Replace("\r\n", "\n").Replace('\r', '\n').Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(Fold).Where(p => p.Length > 0);
        return string.Join("\n\n", kept);
    }
}
