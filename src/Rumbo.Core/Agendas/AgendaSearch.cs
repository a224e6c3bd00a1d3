using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Data;

namespace Rumbo.Core.Agendas;

public enum SearchHitKind
{
    Agenda,
    Principle,
    Area,
    Objective,
    Line,
    Background,
    FollowUp,
}

/// <summary>A part of a text, marked when it matched the query.</summary>
public sealed record TextSegment(string Text, bool Match);

public sealed record SearchHit(
    string AgendaSlug, string AgendaSymbol, LocalizedString AgendaTitle, SearchHitKind Kind, string? Code,
    string Language, IReadOnlyList<TextSegment> Segments, int Score)
{
    /// <summary>The page that shows the text found: the line's own page, else the agenda page at the item's anchor.</summary>
    public string Url => Kind switch
    {
        SearchHitKind.Line => $"/agendas/{AgendaSlug}/lines/{Code}",
        SearchHitKind.Objective => $"/agendas/{AgendaSlug}#objective-{Code!.Replace('.', '-')}",
        SearchHitKind.Area => $"/agendas/{AgendaSlug}#area-{Code!.Replace('.', '-')}",
        SearchHitKind.Principle => $"/agendas/{AgendaSlug}#principle-{Code}",
        SearchHitKind.Background => $"/agendas/{AgendaSlug}#background",
        SearchHitKind.FollowUp => $"/agendas/{AgendaSlug}#follow-up",
        _ => $"/agendas/{AgendaSlug}",
    };
}

public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits, int Total);

/// <summary>
/// Searches every text of every agenda, ignoring case and accents, with quoted phrases. The texts are read
/// from the cached agenda trees: a few thousand short texts scan in well under a millisecond, and the same
/// code runs on SQLite and PostgreSQL. A full-text index replaces it when the corpus outgrows memory.
/// </summary>
public sealed class AgendaSearch(RumboDbContext db, AgendaReader reader)
{
    public const int MaxQueryLength = 200;

    public async Task<SearchResults> SearchAsync(string query, string language, int limit = 100, string? agendaKey = null, CancellationToken ct = default)
    {
        var terms = ParseQuery(query);
        if (terms.Count == 0) return new SearchResults(query, [], 0);

        var slugs = await db.Agendas.AsNoTracking().OrderBy(a => a.Symbol).Select(a => a.Slug).ToListAsync(ct);
        var hits = new List<SearchHit>();
        foreach (var slug in slugs)
        {
            if (agendaKey is not null && slug != AgendaKeys.Slugify(agendaKey)) continue;
            var tree = await reader.GetTreeAsync(slug, ct);
            if (tree is null) continue;
            foreach (var (kind, code, text) in Texts(tree))
            {
                var (shown, lang) = text.In(language, tree.DocumentLanguage);
                var found = Paragraphs(kind, shown).Select(p => (Lang: lang, Hit: Match(p, terms))).Where(x => x.Hit is not null).ToList();
                if (found.Count == 0 && shown != text.Source)
                {
                    // A query in the document's language still finds a translated text.
                    found = Paragraphs(kind, text.Source).Select(p => (Lang: tree.DocumentLanguage, Hit: Match(p, terms))).Where(x => x.Hit is not null).ToList();
                }
                foreach (var (hitLanguage, hit) in found)
                {
                    hits.Add(new SearchHit(tree.Slug, tree.Symbol, tree.Title, kind, code, hitLanguage, hit!.Value.Segments, hit.Value.Score));
                }
            }
        }
        var ordered = hits.OrderByDescending(h => h.Score).ThenBy(h => h.AgendaSymbol).ThenBy(h => h.Kind)
            .ThenBy(h => h.Code, CodeComparer.Instance).ToList();
        return new SearchResults(query, ordered.Take(limit).ToList(), ordered.Count);
    }

    /// <summary>Long texts (background, follow-up) answer paragraph by paragraph; the others whole.</summary>
    private static IEnumerable<string> Paragraphs(SearchHitKind kind, string text) =>
        kind is SearchHitKind.Background or SearchHitKind.FollowUp
            ? text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [text];

    private static IEnumerable<(SearchHitKind Kind, string? Code, LocalizedString Text)> Texts(AgendaTree tree)
    {
        yield return (SearchHitKind.Agenda, null, tree.Title);
        yield return (SearchHitKind.Background, null, tree.Description);
        yield return (SearchHitKind.FollowUp, null, tree.FollowUpMechanism);
        foreach (var p in tree.Principles) yield return (SearchHitKind.Principle, p.Number.ToString(CultureInfo.InvariantCulture), p.Text);
        foreach (var a in tree.Areas)
        {
            yield return (SearchHitKind.Area, a.Code, a.Title);
            foreach (var o in a.Objectives)
            {
                yield return (SearchHitKind.Objective, o.Code, o.Text);
                foreach (var l in o.Lines) yield return (SearchHitKind.Line, l.Code, l.Text);
            }
        }
    }

    /// <summary>Words and "quoted phrases", folded; at most ten of them.</summary>
    public static IReadOnlyList<string> ParseQuery(string? query)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(query)) return terms;
        var q = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        var parts = q.Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1)
            {
                var phrase = Normalize(Fold(parts[i]));
                if (phrase.Length > 0) terms.Add(phrase);
            }
            else
            {
                terms.AddRange(Fold(parts[i]).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                    .Select(w => w.Trim(".,;:!?()[]{}'".ToCharArray())).Where(w => w.Length > 0));
            }
        }
        return terms.Distinct().Take(10).ToList();
    }

    private static (IReadOnlyList<TextSegment> Segments, int Score)? Match(string text, IReadOnlyList<string> terms)
    {
        var folded = Fold(text);
        var marks = new bool[text.Length];
        var score = 0;
        foreach (var term in terms)
        {
            var found = false;
            for (var at = folded.IndexOf(term, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(term, at + term.Length, StringComparison.Ordinal))
            {
                found = true;
                Array.Fill(marks, true, at, term.Length);
                // Whole words and phrases rank above parts of words.
                var wordStart = at == 0 || !char.IsLetterOrDigit(folded[at - 1]);
                var wordEnd = at + term.Length == folded.Length || !char.IsLetterOrDigit(folded[at + term.Length]);
                score += (wordStart && wordEnd ? 3 : 1) * (term.Contains(' ') ? 2 : 1);
            }
            if (!found) return null;
        }
        var segments = new List<TextSegment>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || marks[i] != marks[start])
            {
                segments.Add(new TextSegment(text[start..i], marks[start]));
                start = i;
            }
        }
        return (segments, score);
    }

    /// <summary>Lower case without diacritics, one character for one, so that positions map back to the text.</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var ch = c;
            // Half a surrogate pair cannot be normalized alone; emoji and the like are kept as they are.
            if (c > 127 && !char.IsSurrogate(c))
            {
                var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                ch = decomposed[0];
            }
            sb.Append(char.IsWhiteSpace(ch) ? ' ' : char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }

    private static string Normalize(string s) => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Orders codes by their numbers: 2.10 after 2.9.</summary>
public sealed class CodeComparer : IComparer<string?>
{
    public static readonly CodeComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return string.CompareOrdinal(x, y);
        var a = x.Split('.');
        var b = y.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = int.TryParse(a[i], out var ai) && int.TryParse(b[i], out var bi) ? ai.CompareTo(bi) : string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }
}
