namespace Rumbo.Core.Policies.Suggestions;

/// <summary>
/// The lines of action a text serves, ranked, from what Rumbo holds: each line's own text in every language it has
/// (with its objective's as context), and the texts of policies already linked to lines. A text is compared only with
/// texts of its own language, so the bridge from a Spanish policy to a line written in English is the line's Spanish
/// translation, and the policies a country already linked. Two signals, both tf-idf cosines over stemmed terms: the
/// text against the line's own words, and a vote of the most similar linked policies. Built once per version of the
/// data (<see cref="LineSuggestions"/>); immutable and safe to share between requests.
/// </summary>
public sealed class LineSuggester
{
    /// <summary>A line with its texts by language (its own first, then its objective's, which weigh less).</summary>
    public sealed record Line(string Code, IReadOnlyDictionary<string, string> Texts, IReadOnlyDictionary<string, string> Context);

    /// <summary>A policy linked to lines: its text is evidence for each of them.</summary>
    public sealed record Example(int PolicyId, string Language, string Text, IReadOnlyList<string> Codes);

    public sealed record Suggestion(string Code, double Score, IReadOnlyList<string> Words, IReadOnlyList<(int Start, int End)> Spans);

    /// <summary>The parameters, chosen on the labelled set's tune split (bench/policy-lines/README.md).</summary>
    public sealed record Settings
    {
        public double ContextWeight { get; init; } = 0.5;
        public double TextWeight { get; init; } = 1.0;
        public double VoteWeight { get; init; } = 1.0;
        public int Neighbours { get; init; } = 8;
        /// <summary>The least score of a suggestion Rumbo is confident of.</summary>
        public double Threshold { get; init; } = 0.29;
        /// <summary>A suggestion after the first must score at least this share of the first's.</summary>
        public double Relative { get; init; } = 0.3;
        public int MaxSuggestions { get; init; } = 5;
    }

    private sealed record Vector(Dictionary<string, double> Weights);

    private sealed class Language
    {
        public required Dictionary<string, double> Idf { get; init; }
        public required Dictionary<string, Vector> Lines { get; init; }
        public required List<(Example Example, Vector Vector)> Examples { get; init; }
    }

    private readonly Dictionary<string, Language> languages = new(StringComparer.Ordinal);
    private readonly Settings settings;

    public IReadOnlyList<string> Codes { get; }

    private LineSuggester(Settings settings, IReadOnlyList<string> codes)
    {
        this.settings = settings;
        Codes = codes;
    }

    public static LineSuggester Build(IReadOnlyList<Line> lines, IReadOnlyList<Example> examples, Settings? settings = null)
    {
        settings ??= new Settings();
        var suggester = new LineSuggester(settings, lines.Select(l => l.Code).ToList());
        var known = lines.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var language in TextAnalysis.Languages)
        {
            var lineTerms = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
            foreach (var line in lines)
            {
                var counts = new Dictionary<string, double>(StringComparer.Ordinal);
                if (line.Texts.TryGetValue(language, out var text)) Count(counts, TextAnalysis.Analyze(text, language), 1);
                if (counts.Count == 0) continue;
                if (line.Context.TryGetValue(language, out var context)) Count(counts, TextAnalysis.Analyze(context, language), settings.ContextWeight);
                lineTerms[line.Code] = counts;
            }
            var exampleTerms = new List<(Example, Dictionary<string, double>)>();
            foreach (var e in examples.Where(e => e.Language == language))
            {
                var codes = e.Codes.Where(known.Contains).ToList();
                if (codes.Count == 0) continue;
                var counts = new Dictionary<string, double>(StringComparer.Ordinal);
                Count(counts, TextAnalysis.Analyze(e.Text, language), 1);
                if (counts.Count > 0) exampleTerms.Add((e with { Codes = codes }, counts));
            }
            var documents = lineTerms.Values.Concat(exampleTerms.Select(e => e.Item2)).ToList();
            if (documents.Count == 0) continue;
            var df = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var d in documents)
                foreach (var t in d.Keys) df[t] = df.GetValueOrDefault(t) + 1;
            var idf = df.ToDictionary(p => p.Key, p => Math.Log(1 + (double)documents.Count / p.Value), StringComparer.Ordinal);
            suggester.languages[language] = new Language
            {
                Idf = idf,
                Lines = lineTerms.ToDictionary(p => p.Key, p => Weigh(p.Value, idf), StringComparer.Ordinal),
                Examples = exampleTerms.Select(e => (e.Item1, Weigh(e.Item2, idf))).ToList(),
            };
        }
        return suggester;
    }

    /// <summary>
    /// The lines the text serves, best first, only those scoring above the confidence threshold; none for a text that
    /// shares nothing with any line. <paramref name="exclude"/> are lines not to offer (already linked or rejected);
    /// <paramref name="policyId"/> keeps a registered policy from voting for itself.
    /// </summary>
    public IReadOnlyList<Suggestion> Suggest(string text, string language, IReadOnlySet<string>? exclude = null, int? policyId = null) =>
        Rank(text, language, exclude, policyId, confident: true);

    /// <summary>Every line with a score above zero, best first, with no threshold: what the benchmark calibrates on.</summary>
    public IReadOnlyList<Suggestion> Rank(string text, string language, IReadOnlySet<string>? exclude, int? policyId, bool confident)
    {
        if (!languages.TryGetValue(language, out var lang)) return [];
        var terms = TextAnalysis.Analyze(text, language);
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        Count(counts, terms, 1);
        // A word no line or linked policy of the language has carries no evidence either way.
        var query = Weigh(counts.Where(p => lang.Idf.ContainsKey(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), lang.Idf);
        if (query.Weights.Count == 0) return [];

        var contributions = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        void Add(string code, string term, double value)
        {
            if (exclude?.Contains(code) == true || value <= 0) return;
            if (!contributions.TryGetValue(code, out var c)) contributions[code] = c = new Dictionary<string, double>(StringComparer.Ordinal);
            c[term] = c.GetValueOrDefault(term) + value;
        }
        foreach (var (code, line) in lang.Lines)
            foreach (var (term, w) in query.Weights)
                if (line.Weights.TryGetValue(term, out var lw)) Add(code, term, settings.TextWeight * w * lw);

        var neighbours = lang.Examples.Where(e => e.Example.PolicyId != policyId)
            .Select(e => (e.Example, e.Vector, Similarity: Dot(query, e.Vector)))
            .Where(e => e.Similarity > 0).OrderByDescending(e => e.Similarity).Take(settings.Neighbours);
        foreach (var (example, vector, _) in neighbours)
            foreach (var code in example.Codes)
                foreach (var (term, w) in query.Weights)
                    if (vector.Weights.TryGetValue(term, out var ew)) Add(code, term, settings.VoteWeight * w * ew);

        var ranked = contributions.Select(p => (Code: p.Key, Score: p.Value.Values.Sum(), Terms: p.Value))
            .OrderByDescending(p => p.Score).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        var all = ranked.Select(p =>
        {
            var words = p.Terms.OrderByDescending(t => t.Value).Take(6).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
            var spans = terms.Where(t => words.Contains(t.Stem)).Select(t => (t.Start, t.End)).ToList();
            var surface = spans.Select(s => text[s.Start..s.End]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return new Suggestion(p.Code, p.Score, surface, spans);
        }).ToList();
        return confident ? Confident(all, settings) : all;
    }

    /// <summary>The ranked lines Rumbo is confident of: above the threshold, and not far below the first.</summary>
    public static IReadOnlyList<Suggestion> Confident(IReadOnlyList<Suggestion> ranked, Settings settings)
    {
        var top = ranked.Count == 0 ? 0 : ranked[0].Score;
        return ranked.Where(p => p.Score >= settings.Threshold && p.Score >= settings.Relative * top).Take(settings.MaxSuggestions).ToList();
    }

    private static void Count(Dictionary<string, double> counts, IReadOnlyList<TextAnalysis.Term> terms, double weight)
    {
        foreach (var t in terms) counts[t.Stem] = counts.GetValueOrDefault(t.Stem) + weight;
    }

    private static Vector Weigh(Dictionary<string, double> counts, Dictionary<string, double> idf)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (term, count) in counts)
            if (count > 0 && idf.TryGetValue(term, out var i)) weights[term] = (count >= 1 ? 1 + Math.Log(count) : count) * i;
        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        if (norm > 0) foreach (var k in weights.Keys.ToList()) weights[k] /= norm;
        return new Vector(weights);
    }

    private static double Dot(Vector a, Vector b)
    {
        var (small, large) = a.Weights.Count <= b.Weights.Count ? (a, b) : (b, a);
        var sum = 0.0;
        foreach (var (t, w) in small.Weights)
            if (large.Weights.TryGetValue(t, out var v)) sum += w * v;
        return sum;
    }
}
