using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Policies.Suggestions;

namespace Rumbo.Core.Policies;

/// <summary>How close two policies of one country are, and on what.</summary>
public enum OverlapKind
{
    /// <summary>They share lines of action or targets and some of their words: they may pull in the same direction.</summary>
    Overlap,
    /// <summary>Their texts say nearly the same thing: the same policy registered twice, or two that duplicate each other.</summary>
    PossibleDuplicate,
}

/// <summary>A word both texts use, as the first of them writes it.</summary>
public sealed record SharedWord(string Word, double Weight);

/// <summary>
/// Two policies of one country that overlap, with what they share: the weight of their common words (the cosine of
/// their tf-idf vectors), those words, the lines of action and SDG targets both serve, the responsible institution, the
/// years both run.
/// </summary>
public sealed record PolicyOverlap(
    PolicyListItem First, PolicyListItem Second, OverlapKind Kind, double Score, double TextSimilarity, string? ComparedIn,
    IReadOnlyList<SharedWord> SharedWords, IReadOnlyList<string> SharedLines, IReadOnlyList<string> SharedSdgTargets,
    bool SameInstitution, int? SharedFrom, int? SharedTo, bool SameInstrument);

/// <summary>
/// Finds overlapping and duplicated policies within each country (LC/CRP.20/6 asks for tools that "identify alignments
/// and avoid duplications"): every pair of a country's policies that the viewer may see, compared on their texts and on
/// their links. Texts are compared in a language both are held in (the source of one or a translation), word by word
/// after the suggestions' analysis (stop words out, stems, accents folded), each word weighted by how rare it is in the
/// register in that language; links by the share of lines of action and SDG targets they have in common.
/// </summary>
public sealed class PolicyOverlaps(PolicyReader reader)
{
    /// <summary>A pair is shown from this score on.</summary>
    public const double ShowFrom = 0.30;

    /// <summary>Texts this similar say nearly the same thing.</summary>
    public const double DuplicateText = 0.60;

    private const int WordsShown = 8;

    /// <summary>The policies one overlap reads: its texts in every language held, links and dates.</summary>
    public sealed record Candidate(
        int Id, int CountryId, string Language, LocalizedString Title, LocalizedString Summary, IReadOnlyList<string> Lines, IReadOnlyList<string> SdgTargets,
        int? InstitutionId, string? InstitutionName, int? StartYear, int? EndYear, PolicyInstrument Instrument);

    /// <summary>The overlaps among the policies the viewer may see, for one country or all, of one agenda or all; closest first.</summary>
    public async Task<IReadOnlyList<PolicyOverlap>> FindAsync(CurrentUser.Snapshot viewer, int? agendaId, int? countryId, CancellationToken ct = default)
    {
        var visible = reader.Visible(viewer);
        if (agendaId is int a) visible = visible.Where(p => p.AgendaId == a);
        // Rarity is read over every policy the viewer may see, whatever the country, so that a word common to the
        // region's policies weighs little in any one country.
        var all = await visible
            .Select(p => new
            {
                p.Id, p.CountryId, p.Language, p.Title, p.Summary, p.InstitutionId, p.InstitutionName, p.StartYear, p.EndYear, p.Instrument,
                Lines = p.Lines.Select(l => l.LineOfAction!.Code).ToList(),
                Sdg = p.SdgTargets.Select(t => t.Code).ToList(),
            })
            .ToListAsync(ct);
        var candidates = all.Select(p => new Candidate(p.Id, p.CountryId, p.Language, p.Title.ToDocument(), p.Summary.ToDocument(), p.Lines, p.Sdg, p.InstitutionId,
            p.InstitutionName, p.StartYear, p.EndYear, p.Instrument)).ToList();
        var found = Compare(candidates, countryId);
        if (found.Count == 0) return [];
        var ids = found.SelectMany(f => new[] { f.First, f.Second }).Distinct().ToList();
        var items = (await reader.ItemsAsync(viewer, ids, ct)).ToDictionary(i => i.Id);
        return found.Where(f => items.ContainsKey(f.First) && items.ContainsKey(f.Second))
            .Select(f => f.With(items[f.First], items[f.Second])).ToList();
    }

    /// <summary>A pair found, before its policies are read for the page.</summary>
    public sealed record Found(
        int First, int Second, OverlapKind Kind, double Score, double TextSimilarity, string? ComparedIn, IReadOnlyList<SharedWord> SharedWords,
        IReadOnlyList<string> SharedLines, IReadOnlyList<string> SharedSdgTargets, bool SameInstitution, int? SharedFrom, int? SharedTo, bool SameInstrument)
    {
        public PolicyOverlap With(PolicyListItem first, PolicyListItem second) => new(first, second, Kind, Score, TextSimilarity, ComparedIn, SharedWords,
            SharedLines, SharedSdgTargets, SameInstitution, SharedFrom, SharedTo, SameInstrument);
    }

    /// <summary>
    /// The comparison itself, on policies already read: pairs within one country only, scored
    /// 0.7 × text similarity + 0.3 × the share of lines and targets in common (Jaccard), shown from <see cref="ShowFrom"/>.
    /// </summary>
    public static IReadOnlyList<Found> Compare(IReadOnlyList<Candidate> policies, int? countryId = null)
    {
        var vectors = new Dictionary<(int Id, string Language), Dictionary<string, double>>();
        var surface = new Dictionary<(int Id, string Language), Dictionary<string, string>>();
        var documentFrequency = new Dictionary<string, Dictionary<string, int>>();
        var documents = new Dictionary<string, int>();
        foreach (var p in policies)
        {
            foreach (var (language, text) in Texts(p))
            {
                var counts = new Dictionary<string, double>(StringComparer.Ordinal);
                var words = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var term in TextAnalysis.Analyze(text, language))
                {
                    counts[term.Stem] = counts.GetValueOrDefault(term.Stem) + 1;
                    words.TryAdd(term.Stem, text[term.Start..term.End]);
                }
                if (counts.Count == 0) continue;
                vectors[(p.Id, language)] = counts;
                surface[(p.Id, language)] = words;
                documents[language] = documents.GetValueOrDefault(language) + 1;
                var df = documentFrequency.TryGetValue(language, out var d) ? d : documentFrequency[language] = new(StringComparer.Ordinal);
                foreach (var stem in counts.Keys) df[stem] = df.GetValueOrDefault(stem) + 1;
            }
        }
        // tf-idf with a smoothed idf, then unit length, so that a pair's similarity is a plain dot product.
        foreach (var ((id, language), counts) in vectors)
        {
            var n = documents[language];
            var df = documentFrequency[language];
            foreach (var stem in counts.Keys.ToList()) counts[stem] = (1 + Math.Log(counts[stem])) * Math.Log(1 + (double)n / df[stem]);
            var norm = Math.Sqrt(counts.Values.Sum(v => v * v));
            foreach (var stem in counts.Keys.ToList()) counts[stem] = norm == 0 ? 0 : counts[stem] / norm;
        }

        var found = new List<Found>();
        foreach (var country in policies.Where(p => countryId is null || p.CountryId == countryId).GroupBy(p => p.CountryId))
        {
            var list = country.OrderBy(p => p.Id).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (Pair(list[i], list[j], vectors, surface) is { } pair) found.Add(pair);
                }
            }
        }
        return found.OrderByDescending(f => f.Kind).ThenByDescending(f => f.Score).ThenBy(f => f.First).ThenBy(f => f.Second).ToList();
    }

    private static Found? Pair(Candidate a, Candidate b, Dictionary<(int, string), Dictionary<string, double>> vectors,
        Dictionary<(int, string), Dictionary<string, string>> surface)
    {
        // The language both are held in, the first's own preferred; none when they share none.
        string? language = null;
        var similarity = 0.0;
        IReadOnlyList<SharedWord> words = [];
        foreach (var l in Texts(a).Select(t => t.Language).Distinct().OrderBy(l => l == a.Language ? 0 : l == b.Language ? 1 : 2))
        {
            if (!vectors.TryGetValue((a.Id, l), out var va) || !vectors.TryGetValue((b.Id, l), out var vb)) continue;
            var common = va.Keys.Where(vb.ContainsKey).Select(k => (Stem: k, Weight: va[k] * vb[k])).OrderByDescending(x => x.Weight).ToList();
            var s = common.Sum(x => x.Weight);
            if (language is null || s > similarity)
            {
                language = l;
                similarity = s;
                var shown = surface[(a.Id, l)];
                words = common.Take(WordsShown).Select(x => new SharedWord(shown[x.Stem], Math.Round(x.Weight, 3))).ToList();
            }
        }
        var lines = a.Lines.Intersect(b.Lines, StringComparer.Ordinal).OrderBy(c => c, CodeComparer.Instance).ToList();
        var targets = a.SdgTargets.Intersect(b.SdgTargets, StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList();
        var union = a.Lines.Union(b.Lines, StringComparer.Ordinal).Count() + a.SdgTargets.Union(b.SdgTargets, StringComparer.Ordinal).Count();
        var links = union == 0 ? 0 : (lines.Count + targets.Count) / (double)union;
        var score = 0.7 * similarity + 0.3 * links;
        var duplicate = similarity >= DuplicateText;
        if (!duplicate && score < ShowFrom) return null;
        var sameInstitution = (a.InstitutionId is int x && x == b.InstitutionId)
            || (a.InstitutionId is null && b.InstitutionId is null && !string.IsNullOrWhiteSpace(a.InstitutionName)
                && string.Equals(a.InstitutionName.Trim(), b.InstitutionName?.Trim(), StringComparison.OrdinalIgnoreCase));
        int? from = null, to = null;
        if (a.StartYear is not null || b.StartYear is not null || a.EndYear is not null || b.EndYear is not null)
        {
            var start = Math.Max(a.StartYear ?? int.MinValue, b.StartYear ?? int.MinValue);
            var end = Math.Min(a.EndYear ?? int.MaxValue, b.EndYear ?? int.MaxValue);
            if (start <= end)
            {
                from = start == int.MinValue ? null : start;
                to = end == int.MaxValue ? null : end;
            }
        }
        return new Found(a.Id, b.Id, duplicate ? OverlapKind.PossibleDuplicate : OverlapKind.Overlap, Math.Round(score, 3), Math.Round(similarity, 3),
            similarity > 0 ? language : null, similarity > 0 ? words : [], lines, targets, sameInstitution, from, to, a.Instrument == b.Instrument);
    }

    /// <summary>A policy's title and summary in each language it is held in: its own and the translations entered.</summary>
    private static IEnumerable<(string Language, string Text)> Texts(Candidate p)
    {
        foreach (var language in TextAnalysis.Languages)
        {
            var title = Held(p.Title, language, p.Language);
            var summary = Held(p.Summary, language, p.Language);
            if (string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(summary)) continue;
            // The title counts twice: it is what the policy is about, where a summary also says how.
            yield return (language, $"{title}. {title}. {summary}");
        }
    }

    private static string? Held(LocalizedString s, string language, string sourceLanguage) =>
        s.In(language, sourceLanguage) is var (text, held) && held == language ? text : null;
}
