using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Rumbo.Core.Agendas;

namespace Rumbo.Web.Infrastructure;

/// <summary>A text as edited in a form: the source and its four translations.</summary>
public sealed class TextInput
{
    [Required(ErrorMessage = "The text is required.")]
    [StringLength(4000, ErrorMessage = "The text is longer than 4000 characters.")]
    public string? Source { get; set; }

    [StringLength(4000, ErrorMessage = "The text is longer than 4000 characters.")]
    public string? En { get; set; }

    [StringLength(4000, ErrorMessage = "The text is longer than 4000 characters.")]
    public string? Es { get; set; }

    [StringLength(4000, ErrorMessage = "The text is longer than 4000 characters.")]
    public string? Pt { get; set; }

    [StringLength(4000, ErrorMessage = "The text is longer than 4000 characters.")]
    public string? Fr { get; set; }

    /// <summary>The translations ticked as official (language codes); see <see cref="LocalizedText.Official"/>.</summary>
    public List<string> Official { get; set; } = [];

    /// <summary>
    /// What the shared partial lets one type in each field, when not its default (4000 on a line, 20000 in a box): set by
    /// the page for its own limits (a record's Markdown, a heading), never posted.
    /// </summary>
    [BindNever]
    public int? FieldLength { get; init; }

    /// <summary>
    /// The partial shows the source read-only, to translate from: the text is frozen (an approved record) and only its
    /// translations change. Never posted.
    /// </summary>
    [BindNever]
    public bool SourceReadOnly { get; init; }

    public static TextInput From(LocalizedText t) => new() { Source = t.Source, En = t.En, Es = t.Es, Pt = t.Pt, Fr = t.Fr, Official = TextCleaning.OfficialList(t.Official) };

    /// <summary>Whitespace is normalized as the importers do; an empty translation means none.</summary>
    public void ApplyTo(LocalizedText t, bool keepParagraphs = false) =>
        TextCleaning.Apply(t, Source, En, Es, Pt, Fr, Official, s => TextCleaning.Clean(s, keepParagraphs));

    /// <summary>The translations and their official marks only: the source stays as stored, whatever was posted for it.</summary>
    public void ApplyTranslationsTo(LocalizedText t, bool keepParagraphs = false) =>
        TextCleaning.Apply(t, null, En, Es, Pt, Fr, Official, s => TextCleaning.Clean(s, keepParagraphs), keepSource: true);

    public bool IsOfficial(string language) => Official.Contains(language);

    /// <summary>Nothing written in the source or any translation.</summary>
    public bool IsBlank => new[] { Source, En, Es, Pt, Fr }.All(string.IsNullOrWhiteSpace);

    /// <summary>The same text for the shared partial, with the page's own limit for its fields, its source read-only if asked.</summary>
    public TextInput ForField(int? length = null, bool sourceReadOnly = false) =>
        new() { Source = Source, En = En, Es = Es, Pt = Pt, Fr = Fr, Official = Official, FieldLength = length, SourceReadOnly = sourceReadOnly };

    /// <summary>The source and each translation, by the name of its field.</summary>
    public IEnumerable<(string Field, string? Value)> Fields() => [("Source", Source), ("En", En), ("Es", Es), ("Pt", Pt), ("Fr", Fr)];
}

/// <summary>A text that may be empty (a meeting, a background), with its translations.</summary>
public sealed class OptionalTextInput
{
    [StringLength(20000, ErrorMessage = "The text is longer than 20000 characters.")]
    public string? Source { get; set; }

    [StringLength(20000, ErrorMessage = "The text is longer than 20000 characters.")]
    public string? En { get; set; }

    [StringLength(20000, ErrorMessage = "The text is longer than 20000 characters.")]
    public string? Es { get; set; }

    [StringLength(20000, ErrorMessage = "The text is longer than 20000 characters.")]
    public string? Pt { get; set; }

    [StringLength(20000, ErrorMessage = "The text is longer than 20000 characters.")]
    public string? Fr { get; set; }

    /// <summary>The translations ticked as official (language codes); see <see cref="LocalizedText.Official"/>.</summary>
    public List<string> Official { get; set; } = [];

    public static OptionalTextInput From(LocalizedText t) => new() { Source = t.Source, En = t.En, Es = t.Es, Pt = t.Pt, Fr = t.Fr, Official = TextCleaning.OfficialList(t.Official) };

    /// <summary>The same fields, for the shared form partial.</summary>
    public TextInput AsText() => new() { Source = Source, En = En, Es = Es, Pt = Pt, Fr = Fr, Official = Official };

    public void ApplyTo(LocalizedText t, bool keepParagraphs = false) =>
        TextCleaning.Apply(t, Source, En, Es, Pt, Fr, Official, s => TextCleaning.Clean(s, keepParagraphs));
}

/// <summary>
/// A Markdown text that may be empty (a record's summary or a section's body), with its translations: kept as written,
/// line breaks included, since they make its lists.
/// </summary>
public sealed class MarkdownTextInput
{
    public const int MaxLength = Rumbo.Core.Records.MeetingRecord.MaxMarkdown;

    [StringLength(MaxLength, ErrorMessage = "The text is longer than 50000 characters.")]
    public string? Source { get; set; }

    [StringLength(MaxLength, ErrorMessage = "The text is longer than 50000 characters.")]
    public string? En { get; set; }

    [StringLength(MaxLength, ErrorMessage = "The text is longer than 50000 characters.")]
    public string? Es { get; set; }

    [StringLength(MaxLength, ErrorMessage = "The text is longer than 50000 characters.")]
    public string? Pt { get; set; }

    [StringLength(MaxLength, ErrorMessage = "The text is longer than 50000 characters.")]
    public string? Fr { get; set; }

    /// <summary>The translations ticked as official (language codes); see <see cref="LocalizedText.Official"/>.</summary>
    public List<string> Official { get; set; } = [];

    public static MarkdownTextInput From(LocalizedText t) => new() { Source = t.Source, En = t.En, Es = t.Es, Pt = t.Pt, Fr = t.Fr, Official = TextCleaning.OfficialList(t.Official) };

    /// <summary>The same fields, for the shared form partial.</summary>
    public TextInput AsText(bool sourceReadOnly = false) =>
        new() { Source = Source, En = En, Es = Es, Pt = Pt, Fr = Fr, Official = Official, FieldLength = MaxLength, SourceReadOnly = sourceReadOnly };

    public bool IsBlank => new[] { Source, En, Es, Pt, Fr }.All(string.IsNullOrWhiteSpace);

    public void ApplyTo(LocalizedText t) => TextCleaning.Apply(t, Source, En, Es, Pt, Fr, Official, Rumbo.Core.Rendering.Markdown.Clean);

    /// <summary>The translations and their official marks only: the source stays as stored.</summary>
    public void ApplyTranslationsTo(LocalizedText t) => TextCleaning.Apply(t, null, En, Es, Pt, Fr, Official, Rumbo.Core.Rendering.Markdown.Clean, keepSource: true);
}

internal static class TextCleaning
{
    public static List<string> OfficialList(string? official) => OfficialLanguages.All.Where(l => OfficialLanguages.Contains(official, l)).ToList();

    /// <summary>
    /// Sets the text from a form; <paramref name="keepSource"/> leaves the source exactly as stored (a frozen record's,
    /// which not even a cleaning may touch) and sets the translations only.
    /// </summary>
    public static void Apply(LocalizedText t, string? source, string? en, string? es, string? pt, string? fr, IEnumerable<string> official, Func<string?, string?> clean,
        bool keepSource = false)
    {
        var oldSource = t.Source;
        if (!keepSource) t.Source = clean(source) ?? string.Empty;
        // The form has no field for the translation in the source's own language (the source is that text), so nothing
        // comes back for it. A stored translation that is a copy of the source (as the demo data and imports of a
        // document's own language write it) would be wiped by every save: it follows the source instead. A translation
        // that is not a copy was on the form, and an empty field still clears it.
        string? Translation(string? posted, string? stored) =>
            clean(posted) ?? (stored is not null && stored == oldSource && t.Source.Length > 0 ? t.Source : null);
        t.En = Translation(en, t.En);
        t.Es = Translation(es, t.Es);
        t.Pt = Translation(pt, t.Pt);
        t.Fr = Translation(fr, t.Fr);
        // Only a translation that is there can be official; the source always is, and is not listed.
        string? Of(string language) => language switch { "en" => t.En, "es" => t.Es, "pt" => t.Pt, _ => t.Fr };
        t.Official = OfficialLanguages.Of(official.Where(l => OfficialLanguages.All.Contains(l) && Of(l) is not null));
    }

    /// <summary>Spaces folded within a paragraph; paragraphs, where kept, separated by one blank line as stored.</summary>
    public static string? Clean(string? s, bool keepParagraphs)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        static string Fold(string p) => string.Join(' ', p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (!keepParagraphs) return Fold(s);
        var paragraphs = s.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(Fold).Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }
}
