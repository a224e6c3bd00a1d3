using System.Reflection;
using System.Text.Json;
using Rumbo.Core.Agendas;

namespace Rumbo.Core.Seed;

/// <summary>
/// Translations of the source documents shipped with the demo data (Seed/Translations, one JSON file per agenda and
/// language): each text by its place in the agenda ("title", "description", "p3" for principle 3, "2", "2.1", "2.1.3"
/// for an area, objective or line), a text of paragraphs as a list. A text named in "official" is the body's own
/// wording in that language (an official name or title); every other one is an unofficial translation and is shown so.
/// </summary>
public static class SeedTranslations
{
    private const string Prefix = "Rumbo.SeedTranslations.";

    private static readonly Assembly Assembly = typeof(SeedTranslations).Assembly;

    public sealed record Translation(string Symbol, string Language, IReadOnlyDictionary<string, string> Texts, IReadOnlySet<string> Official);

    public static IReadOnlyList<Translation> All { get; } = Load();

    /// <summary>The document with every translation of its agenda put in beside the source.</summary>
    public static AgendaDocument Apply(AgendaDocument document)
    {
        foreach (var t in All.Where(t => t.Symbol == document.Symbol))
        {
            LocalizedString With(LocalizedString s, string key) =>
                t.Texts.TryGetValue(key, out var text) ? Translate(s, t.Language, text, t.Official.Contains(key)) : s;
            document = document with
            {
                Title = With(document.Title, "title"),
                AdoptingBody = With(document.AdoptingBody, "adoptingBody"),
                Meeting = With(document.Meeting, "meeting"),
                AreaLevelName = With(document.AreaLevelName, "areaLevelName"),
                Description = With(document.Description, "description"),
                FollowUpMechanism = With(document.FollowUpMechanism, "followUpMechanism"),
                Principles = document.Principles.Select(p => p with { Text = With(p.Text, $"p{p.Number}") }).ToList(),
                Areas = document.Areas.Select(a => a with
                {
                    Title = With(a.Title, $"{a.Number}"),
                    Objectives = a.Objectives.Select(o => o with
                    {
                        Text = With(o.Text, $"{a.Number}.{o.Number}"),
                        Lines = o.Lines.Select(l => l with { Text = With(l.Text, $"{a.Number}.{o.Number}.{l.Number}") }).ToList(),
                    }).ToList(),
                }).ToList(),
            };
        }
        return document;
    }

    /// <summary>The text with its translation into the language, official or not.</summary>
    public static LocalizedString Translate(LocalizedString s, string language, string text, bool official)
    {
        var translated = language switch
        {
            "en" => s with { En = text },
            "es" => s with { Es = text },
            "pt" => s with { Pt = text },
            "fr" => s with { Fr = text },
            _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Not a language of Rumbo."),
        };
        var languages = OfficialLanguages.All.Where(l => l == language ? official : OfficialLanguages.Contains(s.Official, l));
        return translated with { Official = OfficialLanguages.Of(languages) };
    }

    private static List<Translation> Load()
    {
        var list = new List<Translation>();
        foreach (var name in Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = Assembly.GetManifestResourceStream(name)!;
            using var json = JsonDocument.Parse(stream);
            var root = json.RootElement;
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in root.GetProperty("texts").EnumerateObject())
            {
                texts[p.Name] = p.Value.ValueKind == JsonValueKind.Array
                    ? string.Join("\n\n", p.Value.EnumerateArray().Select(e => e.GetString()))
                    : p.Value.GetString()!;
            }
            var official = root.TryGetProperty("official", out var o) ? o.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal) : [];
            list.Add(new Translation(root.GetProperty("symbol").GetString()!, root.GetProperty("language").GetString()!, texts, official));
        }
        return list;
    }
}
