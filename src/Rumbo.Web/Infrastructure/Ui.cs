using Rumbo.Core.Localization;
using System.Globalization;
using Microsoft.AspNetCore.Html;
using IStringLocalizer = Microsoft.Extensions.Localization.IStringLocalizer;
using Rumbo.Core.Agendas;
using Rumbo.Core.People;

namespace Rumbo.Web.Infrastructure;

/// <summary>Small rendering helpers shared by the pages.</summary>
public static class Ui
{
    public static string Language => InterfaceLanguages.Current;

    /// <summary>
    /// What a signed-in page says so that no cache keeps it. It includes <c>no-cache</c> because the layout's sign-out
    /// form makes antiforgery set <c>no-cache, no-store</c> too, and antiforgery warns in the log on every such page when
    /// it finds a Cache-Control without <c>no-cache</c> already there.
    /// </summary>
    public const string PrivateNoStore = "private, no-cache, no-store";

    /// <summary>The text in the interface language when translated, marked with its language when it is not.</summary>
    public static IHtmlContent Text(LocalizedString s, string sourceLanguage)
    {
        var (text, lang) = s.In(Language, sourceLanguage);
        return lang == Language
            ? new HtmlString(System.Net.WebUtility.HtmlEncode(text))
            : new HtmlString($"<span lang=\"{lang}\">{System.Net.WebUtility.HtmlEncode(text)}</span>");
    }

    /// <summary>
    /// The note that the text shown is a translation that is not official (decision 0024), to put near it; nothing when
    /// the text shows in its source language, untranslated, or in a translation the text names official. The note is in
    /// the interface language and says so with its lang, so that it reads right beside a text marked with another.
    /// <paramref name="block"/> puts it in a paragraph of its own (after a heading or a block of text).
    /// </summary>
    public static IHtmlContent Unofficial(IStringLocalizer localizer, LocalizedString s, string sourceLanguage, bool block = false) =>
        s.IsUnofficialIn(Language, sourceLanguage) ? UnofficialNote(localizer, sourceLanguage, block) : HtmlString.Empty;

    /// <summary>Whether any of the texts shows as a translation that is not official (one note for a page of them).</summary>
    public static bool AnyUnofficial(IEnumerable<LocalizedString> texts, string sourceLanguage) =>
        texts.Any(s => s.IsUnofficialIn(Language, sourceLanguage));

    /// <summary>The note itself, naming the language of the official text.</summary>
    public static IHtmlContent UnofficialNote(IStringLocalizer localizer, string sourceLanguage, bool block = false)
    {
        var text = System.Net.WebUtility.HtmlEncode(localizer["Unofficial translation (official text in {0})", LanguageInText(localizer, sourceLanguage)].Value);
        var note = $"<small class=\"unofficial-translation\" lang=\"{Language}\">{text}</small>";
        return new HtmlString(block ? $"<p class=\"unofficial-note muted\">{note}</p>" : note);
    }

    /// <summary>A search hit's text with its matches in mark elements.</summary>
    public static IHtmlContent Highlight(IEnumerable<TextSegment> segments) =>
        new HtmlString(string.Concat(segments.Select(s => s.Match
            ? $"<mark>{System.Net.WebUtility.HtmlEncode(s.Text)}</mark>"
            : System.Net.WebUtility.HtmlEncode(s.Text))));

    /// <summary>
    /// Where the language switch returns to: the page the user asked for (not the error page it was re-executed
    /// to), without the culture parameters, which would otherwise override the choice just made.
    /// </summary>
    public static string ReturnUrl(HttpContext context)
    {
        var reexecuted = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>();
        var path = reexecuted is not null ? reexecuted.OriginalPathBase + reexecuted.OriginalPath : (context.Request.PathBase + context.Request.Path).ToString();
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(reexecuted?.OriginalQueryString ?? context.Request.QueryString.Value);
        var kept = query.Where(q => q.Key is not ("culture" or "ui-culture"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, kept);
    }

    /// <summary>
    /// What the agenda calls its first level ("Area", "Axis"), in the interface language: the agenda's own
    /// translation first, then the interface's resources, then the name as the agenda gives it.
    /// </summary>
    public static string Level(Microsoft.Extensions.Localization.IStringLocalizer t, LocalizedString level, string sourceLanguage, int? count = null)
    {
        var key = count is null ? level.Source : $"{level.Source}:{(count == 1 ? "one" : "plural")}";
        var resource = t[key];
        if (!resource.ResourceNotFound) return resource.Value;
        var (text, _) = level.In(Language, sourceLanguage);
        return count is null or 1 ? text : text.ToLowerInvariant();
    }

    public static string Plain(LocalizedString s, string sourceLanguage) => s.In(Language, sourceLanguage).Text;

    public static bool IsTranslated(LocalizedString s, string sourceLanguage) => s.In(Language, sourceLanguage).Language == Language;

    /// <summary>Paragraphs are separated by blank lines in the stored texts.</summary>
    public static IEnumerable<string> Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Date(DateOnly? date) =>
        date?.ToString(InterfaceLanguages.DatePattern(Language), CultureInfo.CurrentUICulture) ?? "";

    public static string Anchor(string prefix, string code) => $"{prefix}-{code.Replace('.', '-')}";

    public static string LanguageName(string code) => code switch
    {
        "en" => "English",
        "es" => "Spanish",
        "pt" => "Portuguese",
        "fr" => "French",
        _ => code,
    };

    /// <summary>A language's name inside a sentence: English capitalizes it, Spanish, Portuguese and French do not.</summary>
    public static string LanguageInText(IStringLocalizer localizer, string code)
    {
        var name = localizer[LanguageName(code)].Value;
        return Language == "en" ? name : name.ToLower(CultureInfo.CurrentUICulture);
    }

    /// <summary>The language to mark a text with, or null when it shows in the interface language.</summary>
    public static string? LangOf(LocalizedString s, string sourceLanguage)
    {
        var lang = s.In(Language, sourceLanguage).Language;
        return lang == Language ? null : lang;
    }

    /// <summary>An enum value's name in the interface language, from the resource keys "Type:Value" (GroupKind:ThematicWorkingGroup).</summary>
    public static string Name<TEnum>(this IStringLocalizer localizer, TEnum value) where TEnum : struct, Enum =>
        localizer[$"{typeof(TEnum).Name}:{value}"];

    /// <summary>
    /// A text written in the code in English (a rule's message), in the interface language when the resource table has
    /// it, else left in English and marked so: a rule added without its Spanish still reads right.
    /// </summary>
    public static IHtmlContent Translated(IStringLocalizer localizer, string english)
    {
        var s = localizer[english];
        var text = System.Net.WebUtility.HtmlEncode(s.Value);
        return s.ResourceNotFound && Language != "en" ? new HtmlString($"<span lang=\"en\">{text}</span>") : new HtmlString(text);
    }

    /// <summary>A governance rule's short name; a rule added without one in the resource table shows its code.</summary>
    public static string RuleName(IStringLocalizer localizer, string code)
    {
        var s = localizer[$"rule:{code}"];
        return s.ResourceNotFound ? code : s.Value;
    }

    /// <summary>Country and institution names, whose source texts are in <see cref="PeopleReader.ReferenceLanguage"/>.</summary>
    public static IHtmlContent Text(LocalizedString s) => Text(s, PeopleReader.ReferenceLanguage);

    public static string Plain(LocalizedString s) => Plain(s, PeopleReader.ReferenceLanguage);

    public static IHtmlContent Institution(InstitutionLabel i) => i.Acronym is null || i.Acronym == Plain(i.Name)
        ? Text(i.Name)
        : new HtmlContentBuilder().AppendHtml(Text(i.Name)).Append($" ({i.Acronym})");

    /// <summary>Orders by the names as shown, with the interface language's collation.</summary>
    public static StringComparer Collation => StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true);

    /// <summary>Whether rendered HTML holds anything but white space (a view component with nothing to show renders nothing).</summary>
    public static bool HasContent(IHtmlContent html)
    {
        using var writer = new StringWriter();
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return !string.IsNullOrWhiteSpace(writer.ToString());
    }
}
