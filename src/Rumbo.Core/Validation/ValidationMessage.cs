using Microsoft.Extensions.Localization;

namespace Rumbo.Core.Validation;

/// <summary>
/// A message for the person who filled a form: the key of the interface string (its English text) and the arguments
/// that fill its placeholders. It is put into words only when shown, in the reader's language, so the code that finds
/// the problem needs no localizer and no message is ever a string to be taken apart again.
/// </summary>
public sealed record ValidationMessage(string Key, params object[] Arguments)
{
    public static implicit operator ValidationMessage(string key) => new(key);

    /// <summary>
    /// The message in the interface language. A key without arguments is looked up as it is, so a key that happens to
    /// hold braces is never taken for a format.
    /// </summary>
    public string In(IStringLocalizer localizer) =>
        Arguments.Length == 0 ? localizer[Key].Value : localizer[Key, Arguments].Value;

    /// <summary>The message in English, the keys' language: what the API answers in its problem details.</summary>
    public string InEnglish() =>
        Arguments.Length == 0 ? Key : string.Format(System.Globalization.CultureInfo.InvariantCulture, Key, Arguments);
}
