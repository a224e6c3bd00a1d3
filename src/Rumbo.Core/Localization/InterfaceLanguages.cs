using System.Globalization;

namespace Rumbo.Core.Localization;

/// <summary>
/// The languages Rumbo's interface and mails are written in, and how each writes a date. Every page, mail and
/// calendar asks here, so a language is added in one place (and in the resource files, which a test checks).
/// </summary>
public static class InterfaceLanguages
{
    public const string Default = "en";

    /// <summary>In the order the language switch and the profile offer them.</summary>
    public static readonly IReadOnlyList<string> All = ["en", "es", "pt", "fr"];

    public static bool IsSupported(string? code) => code is "en" or "es" or "pt" or "fr";

    /// <summary>The code when Rumbo speaks it, else English.</summary>
    public static string Normalize(string? code) => IsSupported(code) ? code! : Default;

    /// <summary>The language's own name, as a switch shows it to those who read it.</summary>
    public static string Endonym(string code) => code switch
    {
        "es" => "Español",
        "pt" => "Português",
        "fr" => "Français",
        _ => "English",
    };

    /// <summary>
    /// Shared read-only cultures: a culture made with <c>new CultureInfo</c> keeps no format information for NodaTime,
    /// which then parsed every date pattern again on each call. Portuguese is ICU's "pt", the Brazilian usage.
    /// </summary>
    public static CultureInfo Culture(string? code) => CultureInfo.GetCultureInfo(Normalize(code));

    /// <summary>The interface language of the current thread (the request's, or the one <see cref="Use"/> set).</summary>
    public static string Current => Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    /// <summary>"7 December 2026", "7 de diciembre de 2026", "7 de dezembro de 2026", "7 décembre 2026".</summary>
    public static string DatePattern(string code) => code is "es" or "pt" ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy";

    /// <summary>The date with its weekday: "Monday 7 December 2026", "lunes 7 de diciembre de 2026".</summary>
    public static string DayPattern(string code) => "dddd " + DatePattern(code);

    /// <summary>"December 2026", "diciembre de 2026".</summary>
    public static string MonthPattern(string code) => code is "es" or "pt" ? "MMMM 'de' yyyy" : "MMMM yyyy";

    /// <summary>The colon after a label ("Where:"), which French writes after a no-break space ("Où :").</summary>
    public static string Colon(string code) => code == "fr" ? "\u00a0:" : ":";

    /// <summary>
    /// Writes in <paramref name="code"/>'s language until disposed: a mail is written in its recipient's language
    /// while the request that sends it goes on in its reader's.
    /// </summary>
    public static IDisposable Use(string? code)
    {
        var scope = new CultureScope(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var culture = Culture(code);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return scope;
    }

    private sealed class CultureScope(CultureInfo culture, CultureInfo uiCulture) : IDisposable
    {
        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
