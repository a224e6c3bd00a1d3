using System.Globalization;
using Microsoft.AspNetCore.Html;
using Rumbo.Core.Agendas;

namespace Rumbo.Web.Infrastructure;

/// <summary>Small rendering helpers shared by the pages.</summary>
public static class Ui
{
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>The text in the interface language when translated, marked with its language when it is not.</summary>
    public static IHtmlContent Text(LocalizedString s, string sourceLanguage)
    {
        var (text, lang) = s.In(Language, sourceLanguage);
        return lang == Language
            ? new HtmlString(System.Net.WebUtility.HtmlEncode(text))
            : new HtmlString($"<span lang=\"{lang}\">{System.Net.WebUtility.HtmlEncode(text)}</span>");
    }

    /// <summary>A search hit's text with its matches in mark elements.</summary>
    public static IHtmlContent Highlight(IEnumerable<TextSegment> segments) =>
        new HtmlString(string.Concat(segments.Select(s => s.Match
            ? $"<mark>{System.Net.WebUtility.HtmlEncode(s.Text)}</mark>"
            : System.Net.WebUtility.HtmlEncode(s.Text))));

    public static string Plain(LocalizedString s, string sourceLanguage) => s.In(Language, sourceLanguage).Text;

    public static bool IsTranslated(LocalizedString s, string sourceLanguage) => s.In(Language, sourceLanguage).Language == Language;

    /// <summary>Paragraphs are separated by blank lines in the stored texts.</summary>
    public static IEnumerable<string> Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Date(DateOnly? date) =>
        date?.ToString(Language == "es" ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy", CultureInfo.CurrentUICulture) ?? "";

    public static string Anchor(string prefix, string code) => $"{prefix}-{code.Replace('.', '-')}";

    public static string LanguageName(string code) => code switch
    {
        "en" => "English",
        "es" => "Spanish",
        "pt" => "Portuguese",
        "fr" => "French",
        _ => code,
    };
}
