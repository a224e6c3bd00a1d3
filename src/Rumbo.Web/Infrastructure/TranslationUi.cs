using Microsoft.Extensions.Localization;
using Rumbo.Core.Translations;

namespace Rumbo.Web.Infrastructure;

/// <summary>How the translations' pages and files name a text and a state, in the reader's language.</summary>
public static class TranslationUi
{
    /// <summary>"Line of action 1.2.3", "Línea de acción 1.2.3".</summary>
    public static string Label(IStringLocalizer t, TranslationText text) =>
        text.Code.Length == 0 ? t[text.What].Value : t[text.What, text.Code].Value;

    public static string State(IStringLocalizer t, TranslationState state) => state switch
    {
        TranslationState.Translated => t["Translated"].Value,
        TranslationState.NeedsReview => t["Needs review"].Value,
        _ => t["Missing"].Value,
    };

    /// <summary>The note of a unit whose source changed after its translation.</summary>
    public static string ReviewNote(IStringLocalizer t) => t["The source changed after this text was translated: check the translation against it."].Value;
}
