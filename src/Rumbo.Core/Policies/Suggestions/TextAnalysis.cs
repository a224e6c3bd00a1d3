using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Rumbo.Core.Policies.Suggestions;

/// <summary>
/// Words of a text reduced to what the suggestions compare, in the text's own language: stop words out, each word stemmed
/// by its language's light stemmer and then folded to plain letters, so "evaluación", "evaluaciones" and "evaluacion"
/// meet. Each term keeps where it stands in the text, which is how the page marks the words that support a suggestion.
/// </summary>
public static class TextAnalysis
{
    public sealed record Term(string Stem, int Start, int End);

    public static readonly IReadOnlyList<string> Languages = ["en", "es", "pt", "fr"];

    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Words every register entry uses whatever it is about (law, decree, national, article): they name the instrument,
    // not what it does, and the agenda's texts never do, so they only add noise to the kNN side.
    private static readonly CharArraySet ExtraEs = Set("ley", "decreto", "nacional", "articulo", "artículo", "establece", "crea", "mediante", "así", "través", "año", "años", "n°", "nº");
    private static readonly CharArraySet ExtraPt = Set("lei", "decreto", "nacional", "artigo", "institui", "dispõe", "sobre", "ano", "anos", "nº");
    private static readonly CharArraySet ExtraEn = Set("act", "law", "decree", "national", "section", "year", "years", "also");
    private static readonly CharArraySet ExtraFr = Set("loi", "décret", "national", "nationale", "article", "année", "années");

    private static CharArraySet Set(params string[] words) => new(Version, words, true);

    public static bool IsLanguage(string? language) => language is not null && Languages.Contains(language);

    public static IReadOnlyList<Term> Analyze(string? text, string language)
    {
        var terms = new List<Term>();
        if (string.IsNullOrWhiteSpace(text)) return terms;
        using var stream = Chain(new StandardTokenizer(Version, new StringReader(text)), language);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var stem = term.ToString();
            // Numbers (years, law numbers) say nothing of what a policy does; one- and two-letter stems are mostly
            // what stemming leaves of articles and acronyms' pieces.
            if (stem.Length < 3 || stem.Any(char.IsDigit)) continue;
            terms.Add(new Term(stem, offset.StartOffset, offset.EndOffset));
        }
        stream.End();
        return terms;
    }

    private static TokenStream Chain(Tokenizer tokenizer, string language)
    {
        TokenStream s = new LowerCaseFilter(Version, tokenizer);
        switch (language)
        {
            case "es":
                s = new StopFilter(Version, new StopFilter(Version, s, SpanishAnalyzer.DefaultStopSet), ExtraEs);
                s = new SpanishLightStemFilter(s);
                break;
            case "pt":
                s = new StopFilter(Version, new StopFilter(Version, s, PortugueseAnalyzer.DefaultStopSet), ExtraPt);
                s = new PortugueseLightStemFilter(s);
                break;
            case "fr":
                s = new ElisionFilter(s, FrenchAnalyzer.DEFAULT_ARTICLES);
                s = new StopFilter(Version, new StopFilter(Version, s, FrenchAnalyzer.DefaultStopSet), ExtraFr);
                s = new FrenchLightStemFilter(s);
                break;
            default:
                s = new EnglishPossessiveFilter(Version, s);
                s = new StopFilter(Version, new StopFilter(Version, s, EnglishAnalyzer.DefaultStopSet), ExtraEn);
                s = new PorterStemFilter(s);
                break;
        }
        return new ASCIIFoldingFilter(s);
    }
}
