namespace Rumbo.Core.Policies.Suggestions;

/// <summary>
/// The lines of action a text serves, ranked, from what Rumbo holds: each line's own text in every language it has
/// (with its objective's as context), and the texts of policies already linked to lines. Four signals, each a tf-idf
/// dot product whose share per query word is kept (the supporting words):
/// <list type="bullet">
/// <item>the text against each line's words in the text's own language (the line's translation is the bridge);</item>
/// <item>a vote of the most similar linked policies of the same language;</item>
/// <item>the same two across languages, over character n-grams of the stemmed words (<see cref="CharGrams"/>): Spanish,
/// Portuguese, English and French share most of the vocabulary of public management as cognates
/// (información/informação/information), so a Portuguese text meets a line's English and Spanish words and the Spanish
/// policies countries linked, without a translation or a model.</item>
/// </list>
/// A query's words that no line or linked policy holds still count in its length: a sectoral text that shares a few
/// register words ("plan", "seguimiento") with the agenda is mostly about something else, and scores low for it.
/// Built once per version of the data (<see cref="LineSuggestions"/>); immutable and safe to share between requests.
/// </summary>
public sealed class LineSuggester
{
    /// <summary>A line with its texts by language (its own first, then its objective's, which weigh less).</summary>
    public sealed record Line(string Code, IReadOnlyDictionary<string, string> Texts, IReadOnlyDictionary<string, string> Context);

    /// <summary>A policy linked to lines: its text is evidence for each of them.</summary>
    public sealed record Example(int PolicyId, string Language, string Text, IReadOnlyList<string> Codes);

    public sealed record Suggestion(string Code, double Score, IReadOnlyList<string> Words, IReadOnlyList<(int Start, int End)> Spans);

    /// <summary>
    /// The parameters, chosen on the labelled set's tune split by leave one out (bench/policy-lines/README.md, decision
    /// 0034); the test split never chose any of them.
    /// </summary>
    public sealed record Settings
    {
        public double ContextWeight { get; init; } = 1.0;
        public double TextWeight { get; init; } = 1.0;
        public double VoteWeight { get; init; } = 0.5;
        public int Neighbours { get; init; } = 3;
        /// <summary>Weight of the text against the lines' texts in every language, over character n-grams.</summary>
        public double CrossTextWeight { get; init; } = 1.5;
        /// <summary>Weight of the vote of the linked policies of every language, found over character n-grams.</summary>
        public double CrossVoteWeight { get; init; } = 0.5;
        /// <summary>Length of the character n-grams the languages meet on.</summary>
        public int GramLength { get; init; } = 3;
        /// <summary>How much more the title's words count than the summary's: the title names what the instrument does.</summary>
        public double TitleWeight { get; init; } = 1.0;
        /// <summary>Whether the query's words unknown to the agenda and the linked policies count in its length.</summary>
        public bool UnknownWords { get; init; } = true;
        /// <summary>
        /// The least score of a suggestion Rumbo is confident of, for a language with no threshold of its own (French,
        /// which the labelled set lacks): the level Spanish and Portuguese were given.
        /// </summary>
        public double Threshold { get; init; } = 0.46;
        /// <summary>
        /// The least score per language of the text: each language's scores differ in scale (their lines' texts and
        /// linked policies differ in number), so each was calibrated on its own tune rows.
        /// </summary>
        public IReadOnlyDictionary<string, double> Thresholds { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["es"] = 0.4774,
            ["pt"] = 0.4465,
            ["en"] = 0.6318,
        };
        /// <summary>A suggestion after the first must score at least this share of the first's.</summary>
        public double Relative { get; init; } = 0.3;
        public int MaxSuggestions { get; init; } = 5;

        public double ThresholdFor(string language) => Thresholds.TryGetValue(language, out var t) ? t : Threshold;
    }

    private sealed record Vector(Dictionary<string, double> Weights);

    private sealed class Language
    {
        public required Dictionary<string, double> Idf { get; init; }
        public required Dictionary<string, Vector> Lines { get; init; }
        public required List<(Example Example, Vector Vector)> Examples { get; init; }
    }

    private readonly Dictionary<string, Language> languages = new(StringComparer.Ordinal);
    private Language cross = new() { Idf = [], Lines = [], Examples = [] };
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
        examples = examples.Select(e => e with { Codes = e.Codes.Where(known.Contains).ToList() }).Where(e => e.Codes.Count > 0).ToList();
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
                var counts = new Dictionary<string, double>(StringComparer.Ordinal);
                Count(counts, TextAnalysis.Analyze(e.Text, language), 1);
                if (counts.Count > 0) exampleTerms.Add((e, counts));
            }
            if (Space(lineTerms, exampleTerms) is { } space) suggester.languages[language] = space;
        }

        // Every language's texts in one space of character n-grams: a line's texts in all its languages make one document.
        var lineGrams = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var counts = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (language, text) in line.Texts.Where(t => TextAnalysis.IsLanguage(t.Key)))
                CountGrams(counts, TextAnalysis.Analyze(text, language), 1, settings.GramLength);
            foreach (var (language, text) in line.Context.Where(t => TextAnalysis.IsLanguage(t.Key)))
                CountGrams(counts, TextAnalysis.Analyze(text, language), settings.ContextWeight, settings.GramLength);
            if (counts.Count > 0) lineGrams[line.Code] = counts;
        }
        var exampleGrams = new List<(Example, Dictionary<string, double>)>();
        foreach (var e in examples.Where(e => TextAnalysis.IsLanguage(e.Language)))
        {
            var counts = new Dictionary<string, double>(StringComparer.Ordinal);
            CountGrams(counts, TextAnalysis.Analyze(e.Text, e.Language), 1, settings.GramLength);
            if (counts.Count > 0) exampleGrams.Add((e, counts));
        }
        if (Space(lineGrams, exampleGrams) is { } grams) suggester.cross = grams;
        return suggester;
    }

    private static Language? Space(Dictionary<string, Dictionary<string, double>> lines, List<(Example, Dictionary<string, double>)> examples)
    {
        var documents = lines.Values.Concat(examples.Select(e => e.Item2)).ToList();
        if (documents.Count == 0) return null;
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in documents)
            foreach (var t in d.Keys) df[t] = df.GetValueOrDefault(t) + 1;
        var idf = df.ToDictionary(p => p.Key, p => Math.Log(1 + (double)documents.Count / p.Value), StringComparer.Ordinal);
        return new Language
        {
            Idf = idf,
            Lines = lines.ToDictionary(p => p.Key, p => Weigh(p.Value, idf, null), StringComparer.Ordinal),
            Examples = examples.Select(e => (e.Item1, Weigh(e.Item2, idf, null))).ToList(),
        };
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
        if (!TextAnalysis.IsLanguage(language)) return [];
        var terms = TextAnalysis.Analyze(text, language);
        if (terms.Count == 0) return [];
        // The title is the text's first line (LineSuggestions.Join).
        var titleEnd = text.IndexOf('\n') is var n and >= 0 ? n : text.Length;
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var t in terms) counts[t.Stem] = counts.GetValueOrDefault(t.Stem) + (t.Start < titleEnd ? settings.TitleWeight : 1);

        var contributions = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        void Add(string code, string term, double value)
        {
            if (exclude?.Contains(code) == true || value <= 0) return;
            if (!contributions.TryGetValue(code, out var c)) contributions[code] = c = new Dictionary<string, double>(StringComparer.Ordinal);
            c[term] = c.GetValueOrDefault(term) + value;
        }

        if (languages.TryGetValue(language, out var lang) && (settings.TextWeight > 0 || settings.VoteWeight > 0))
        {
            var query = Query(counts, lang.Idf);
            foreach (var (code, line) in lang.Lines)
                foreach (var (term, w) in query.Weights)
                    if (line.Weights.TryGetValue(term, out var lw)) Add(code, term, settings.TextWeight * w * lw);
            foreach (var (example, vector) in Nearest(lang, query, policyId))
                foreach (var code in example.Codes)
                    foreach (var (term, w) in query.Weights)
                        if (vector.Weights.TryGetValue(term, out var ew)) Add(code, term, settings.VoteWeight * w * ew);
        }

        if (cross.Idf.Count > 0 && (settings.CrossTextWeight > 0 || settings.CrossVoteWeight > 0))
        {
            // Each n-gram's share goes back to the words that hold it, so the supporting words stay the text's own.
            var gramCounts = new Dictionary<string, double>(StringComparer.Ordinal);
            var holders = new Dictionary<string, List<(string Stem, double Count)>>(StringComparer.Ordinal);
            foreach (var (stem, count) in counts)
                foreach (var g in CharGrams(stem, settings.GramLength))
                {
                    gramCounts[g] = gramCounts.GetValueOrDefault(g) + count;
                    if (!holders.TryGetValue(g, out var h)) holders[g] = h = [];
                    h.Add((stem, count));
                }
            var query = Query(gramCounts, cross.Idf);
            void Spread(string code, string gram, double value)
            {
                var total = gramCounts[gram];
                foreach (var (stem, count) in holders[gram]) Add(code, stem, value * count / total);
            }
            if (settings.CrossTextWeight > 0)
                foreach (var (code, line) in cross.Lines)
                    foreach (var (gram, w) in query.Weights)
                        if (line.Weights.TryGetValue(gram, out var lw)) Spread(code, gram, settings.CrossTextWeight * w * lw);
            if (settings.CrossVoteWeight > 0)
                foreach (var (example, vector) in Nearest(cross, query, policyId))
                    foreach (var code in example.Codes)
                        foreach (var (gram, w) in query.Weights)
                            if (vector.Weights.TryGetValue(gram, out var ew)) Spread(code, gram, settings.CrossVoteWeight * w * ew);
        }

        var ranked = contributions.Select(p => (Code: p.Key, Score: p.Value.Values.Sum(), Terms: p.Value))
            .OrderByDescending(p => p.Score).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        var all = ranked.Select(p =>
        {
            var words = p.Terms.OrderByDescending(t => t.Value).Take(6).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
            var spans = terms.Where(t => words.Contains(t.Stem)).Select(t => (t.Start, t.End)).ToList();
            var surface = spans.Select(s => text[s.Start..s.End]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return new Suggestion(p.Code, p.Score, surface, spans);
        }).ToList();
        return confident ? Confident(all, language, settings) : all;
    }

    /// <summary>The ranked lines Rumbo is confident of: above the language's threshold, and not far below the first.</summary>
    public static IReadOnlyList<Suggestion> Confident(IReadOnlyList<Suggestion> ranked, string language, Settings settings)
    {
        var top = ranked.Count == 0 ? 0 : ranked[0].Score;
        var threshold = settings.ThresholdFor(language);
        return ranked.Where(p => p.Score >= threshold && p.Score >= settings.Relative * top).Take(settings.MaxSuggestions).ToList();
    }

    /// <summary>
    /// The character n-grams (of <paramref name="length"/> letters, the word's ends marked) of a stemmed, folded word:
    /// what cognates across Spanish, Portuguese, English and French share ("informacion", "informaca", "inform" meet on
    /// "_inf", "info", "nfor", "form"). A word shorter than the length is its own gram.
    /// </summary>
    public static IEnumerable<string> CharGrams(string stem, int length)
    {
        var marked = $"_{stem}_";
        if (marked.Length <= length)
        {
            yield return marked;
            yield break;
        }
        for (var i = 0; i + length <= marked.Length; i++) yield return marked.Substring(i, length);
    }

    private IEnumerable<(Example Example, Vector Vector)> Nearest(Language space, Vector query, int? policyId) =>
        space.Examples.Where(e => e.Example.PolicyId != policyId)
            .Select(e => (e.Example, e.Vector, Similarity: Dot(query, e.Vector)))
            .Where(e => e.Similarity > 0).OrderByDescending(e => e.Similarity).Take(settings.Neighbours)
            .Select(e => (e.Example, e.Vector));

    /// <summary>
    /// The query's vector over the space's known terms. With <see cref="Settings.UnknownWords"/>, the words the space
    /// does not hold still count in the length (at the space's highest idf, as the rarest of words): they weigh nothing
    /// for any line, and they dilute the rest.
    /// </summary>
    private Vector Query(Dictionary<string, double> counts, Dictionary<string, double> idf)
    {
        var vector = Weigh(counts, idf, settings.UnknownWords ? idf.Values.DefaultIfEmpty(0).Max() : null);
        foreach (var term in vector.Weights.Keys.Where(t => !idf.ContainsKey(t)).ToList()) vector.Weights.Remove(term);
        return vector;
    }

    private static void Count(Dictionary<string, double> counts, IReadOnlyList<TextAnalysis.Term> terms, double weight)
    {
        foreach (var t in terms) counts[t.Stem] = counts.GetValueOrDefault(t.Stem) + weight;
    }

    private static void CountGrams(Dictionary<string, double> counts, IReadOnlyList<TextAnalysis.Term> terms, double weight, int length)
    {
        foreach (var t in terms)
            foreach (var g in CharGrams(t.Stem, length)) counts[g] = counts.GetValueOrDefault(g) + weight;
    }

    private static Vector Weigh(Dictionary<string, double> counts, Dictionary<string, double> idf, double? unknownIdf)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (term, count) in counts)
        {
            if (count <= 0) continue;
            if (idf.TryGetValue(term, out var i) || unknownIdf is double u && (i = u) > 0)
                weights[term] = (count >= 1 ? 1 + Math.Log(count) : count) * i;
        }
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
