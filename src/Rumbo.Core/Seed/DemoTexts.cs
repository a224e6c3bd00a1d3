using Rumbo.Core.Agendas;

namespace Rumbo.Core.Seed;

/// <summary>
/// The demo data's texts: the documents' English (the source, as the agendas' documents are in English) with a Spanish
/// translation. <see cref="Official"/> marks the Spanish that is the body's own wording (its name, a meeting's name as
/// ECLAC publishes it); everything else is translated for the demo and shown as an unofficial translation.
/// </summary>
public static class DemoTexts
{
    /// <summary>English with an unofficial Spanish translation (or none).</summary>
    public static LocalizedText Text(string en, string? es = null) => new() { Source = en, En = en, Es = es };

    /// <summary>English with the official Spanish.</summary>
    public static LocalizedText Official(string en, string es) => new() { Source = en, En = en, Es = es, Official = "es" };

    /// <summary>A text of paragraphs, each given in both languages, joined as the stored texts separate them.</summary>
    public static LocalizedText Paragraphs(params (string En, string Es)[] paragraphs) =>
        Text(string.Join("\n\n", paragraphs.Select(p => p.En)), string.Join("\n\n", paragraphs.Select(p => p.Es)));
}
