using Rumbo.Core.Agendas;
using Rumbo.Core.Agendas.Import;
using Rumbo.Core.Policies.Suggestions;
using Rumbo.Core.Seed;

namespace Rumbo.Core.Tests.Policies;

/// <summary>The ranking on small hand-made cases, as a pure function of the lines' texts and the linked policies: no database.</summary>
public sealed class LineSuggesterTests
{
    private static readonly Dictionary<string, string> None = [];

    private static LineSuggester.Line Line(string code, string en, string? es = null) =>
        new(code, es is null ? new Dictionary<string, string> { ["en"] = en } : new Dictionary<string, string> { ["en"] = en, ["es"] = es }, None);

    private static readonly LineSuggester.Line[] Lines =
    [
        Line("1.1.1", "Design and apply collaborative governance methodologies with the principles of open government: transparency, participation and accountability.",
            "Diseñar y aplicar metodologías de gobernanza colaborativa con los principios de gobierno abierto: transparencia, participación y rendición de cuentas."),
        Line("4.2.1", "Develop centralized monitoring systems (dashboards, progress reports) to track objectives and targets through performance indicators.",
            "Desarrollar sistemas centralizados de seguimiento (tableros de control, informes de avance) para monitorear objetivos y metas mediante indicadores de desempeño."),
        Line("1.3.3", "Promote the ethical, transparent and responsible use of artificial intelligence as a public good.",
            "Promover el uso ético, transparente y responsable de la inteligencia artificial como bien público."),
    ];

    private const string SpanishAccess = "Ley de transparencia y acceso a la información pública\nGarantiza la transparencia activa y la rendición de cuentas de los órganos del Estado.";

    [Fact]
    public void A_Spanish_text_finds_a_line_held_in_English_through_its_Spanish_translation_or_else_through_cognates()
    {
        var suggested = LineSuggester.Build(Lines, []).Suggest(SpanishAccess, "es");
        Assert.Equal("1.1.1", suggested[0].Code);
        Assert.Contains("transparencia", suggested[0].Words);
        Assert.Contains("rendición", suggested[0].Words);

        var englishOnly = Lines.Select(l => l with { Texts = l.Texts.Where(t => t.Key == "en").ToDictionary() }).ToList();
        // Words alone cannot cross from Spanish to English; the character grams of cognates ("metodologías" and
        // "methodologies", "participación" and "participation") can.
        const string openGovernment = "Plan de acción de gobierno abierto\nMetodologías de gobernanza colaborativa para la transparencia y la participación.";
        Assert.Empty(LineSuggester.Build(englishOnly, [], WordsOnly).Suggest(openGovernment, "es"));
        var crossed = LineSuggester.Build(englishOnly, [], Cognates).Suggest(openGovernment, "es");
        Assert.True(crossed[0].Code == "1.1.1", string.Join(" ", crossed.Select(x => $"{x.Code}={x.Score:F3}")));
        Assert.Contains("participación", crossed[0].Words);
        // The same model reads an English text against the English texts.
        Assert.Equal("1.1.1", LineSuggester.Build(englishOnly, []).Suggest("Open Government Partnership action plan: transparency, citizen participation and accountability", "en")[0].Code);
    }

    [Fact]
    public void A_confirmed_link_changes_later_suggestions()
    {
        const string text = "Programa Compromisos Presidenciales\nUna oficina revisa cada mes los compromisos presidenciales de cada ministerio.";
        var before = LineSuggester.Build(Lines, []).Suggest(text, "es");
        Assert.DoesNotContain("4.2.1", before.Select(s => s.Code));

        // A Spanish policy already linked to 4.2.1 by its country: its words now speak for the line.
        LineSuggester.Example[] linked = [new(7, "es", "Sistema de compromisos presidenciales: cada ministerio informa el cumplimiento de sus compromisos.", ["4.2.1"])];
        var after = LineSuggester.Build(Lines, linked).Suggest(text, "es");
        Assert.Equal("4.2.1", after[0].Code);
        // A policy does not vote for itself: the same text as policy 7 is back to what the lines alone say.
        Assert.DoesNotContain("4.2.1", LineSuggester.Build(Lines, linked).Suggest(text, "es", policyId: 7).Select(s => s.Code));
    }

    [Fact]
    public void A_rejected_or_linked_line_is_not_offered_and_the_next_one_may_be()
    {
        var model = LineSuggester.Build(Lines, []);
        const string text = "Política nacional de inteligencia artificial transparente y de gobierno abierto, con rendición de cuentas.";
        Assert.Equal(["1.1.1", "1.3.3"], model.Suggest(text, "es").Select(s => s.Code).Order());
        Assert.Equal(["1.3.3"], model.Suggest(text, "es", new HashSet<string> { "1.1.1" }).Select(s => s.Code));
    }

    [Fact]
    public void A_text_about_nothing_the_agenda_holds_gets_no_suggestion()
    {
        var model = LineSuggester.Build(Lines, [new(1, "es", "Ley de acceso a la información pública y transparencia.", ["1.1.1"])]);
        Assert.Empty(model.Suggest("Ley general de pesca y acuicultura\nRegula la captura de merluza y los cultivos de salmón.", "es"));
        Assert.Empty(model.Suggest("", "es"));
        Assert.Empty(model.Suggest("de la y el 2024", "es"));
        Assert.Empty(model.Suggest("Transparencia", "de"));
    }

    [Fact]
    public void The_passage_is_the_sentence_with_most_supporting_words_marked()
    {
        var s = LineSuggester.Build(Lines, []).Suggest(SpanishAccess, "es")[0];
        var parts = LineSuggestions.Passage(SpanishAccess, s.Spans);
        Assert.Equal("Garantiza la transparencia activa y la rendición de cuentas de los órganos del Estado.", string.Concat(parts.Select(p => p.Text)));
        Assert.Contains(("transparencia", true), parts);
        Assert.Contains(("rendición", true), parts);
        Assert.DoesNotContain(parts, p => p.Marked && p.Text.Contains(' '));
    }

    [Fact]
    public void Character_grams_mark_the_words_ends_and_a_short_word_is_its_own_gram()
    {
        Assert.Equal(["_inf", "info", "nfor", "form", "orm_"], LineSuggester.CharGrams("inform", 4));
        Assert.Equal(["_ia_"], LineSuggester.CharGrams("ia", 4));
        Assert.Equal(["_in", "inf", "nfo", "fo_"], LineSuggester.CharGrams("info", 3));
    }

    private static readonly LineSuggester.Settings WordsOnly = new() { CrossTextWeight = 0, CrossVoteWeight = 0, Threshold = 0.1, Thresholds = new Dictionary<string, double>() };
    private static readonly LineSuggester.Settings Cognates = WordsOnly with { CrossTextWeight = 1, CrossVoteWeight = 0.5 };

    private const string PortugueseAccess = "Plano de ação de governo aberto\nMetodologias de governança colaborativa para a transparência, a participação cidadã e a prestação de contas.";

    [Fact]
    public void A_Portuguese_text_meets_a_line_held_only_in_English_and_Spanish_through_cognates_and_its_own_words_support_it()
    {
        // The lines have no Portuguese: the same-language signal has nothing to compare with.
        Assert.Empty(LineSuggester.Build(Lines, [], WordsOnly).Suggest(PortugueseAccess, "pt"));

        var suggested = LineSuggester.Build(Lines, [], Cognates).Suggest(PortugueseAccess, "pt");
        Assert.True(suggested[0].Code == "1.1.1", string.Join(" ", suggested.Select(x => $"{x.Code}={x.Score:F3}")));
        Assert.Contains("transparência", suggested[0].Words);
        Assert.Contains("participação", suggested[0].Words);
        Assert.All(suggested[0].Spans, s => Assert.Contains(PortugueseAccess[s.Start..s.End], suggested[0].Words));
    }

    [Fact]
    public void A_Spanish_policy_a_country_linked_votes_for_a_Portuguese_text_that_shares_its_cognates()
    {
        const string text = "Programa Compromissos Presidenciais\nUm escritório revisa cada mês os compromissos presidenciais de cada ministério.";
        LineSuggester.Example[] linked = [new(7, "es", "Sistema de compromisos presidenciales: cada ministerio informa el cumplimiento de sus compromisos.", ["4.2.1"])];
        Assert.DoesNotContain("4.2.1", LineSuggester.Build(Lines, linked, WordsOnly).Suggest(text, "pt").Select(s => s.Code));
        Assert.Equal("4.2.1", LineSuggester.Build(Lines, linked, Cognates).Suggest(text, "pt")[0].Code);
    }

    [Fact]
    public void Words_no_line_holds_dilute_the_few_a_sectoral_text_shares_with_the_agenda()
    {
        const string shared = "Transparencia y rendición de cuentas.";
        const string sectoral = "Ley general de pesca y acuicultura. Regula la captura de merluza, las cuotas de los pescadores artesanales y los cultivos de salmón. Transparencia y rendición de cuentas.";
        double Top(bool unknown, string text) => LineSuggester.Build(Lines, [], WordsOnly with { UnknownWords = unknown }).Rank(text, "es", null, null, confident: false)[0].Score;
        // Without the unknown words, both texts are the same two words to the model; with them, the sectoral text is mostly about fish.
        Assert.Equal(Top(false, shared), Top(false, sectoral), 9);
        Assert.True(Top(true, sectoral) < 0.6 * Top(true, shared), $"{Top(true, sectoral)} vs {Top(true, shared)}");
        Assert.Equal(Top(false, shared), Top(true, shared), 9);
    }

    [Fact]
    public void A_language_with_its_own_threshold_is_held_to_it_and_the_others_to_the_common_one()
    {
        var settings = WordsOnly with { Thresholds = new Dictionary<string, double> { ["es"] = 100 } };
        var model = LineSuggester.Build(Lines, [], settings);
        Assert.Empty(model.Suggest(SpanishAccess, "es"));
        Assert.NotEmpty(model.Rank(SpanishAccess, "es", null, null, confident: false));
        Assert.Equal("1.1.1", model.Suggest("Open Government Partnership action plan: transparency, citizen participation and accountability", "en")[0].Code);
    }

    [Fact]
    public void Every_line_and_objective_of_the_planning_agenda_has_an_unofficial_Portuguese()
    {
        var name = SeedDocuments.FileNames.Single(n => n.StartsWith("LC-CRP", StringComparison.Ordinal));
        var agenda = SeedTranslations.Apply(AgendaParser.Parse(SeedDocuments.Read(name), name));
        var objectives = agenda.Areas.SelectMany(a => a.Objectives).ToList();
        var lines = objectives.SelectMany(o => o.Lines).ToList();
        Assert.Equal(89, lines.Count);
        Assert.All(lines.Select(l => l.Text).Concat(objectives.Select(o => o.Text)), t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Pt));
            Assert.True(t.IsUnofficialIn("pt", "en"));
        });
        Assert.Empty(SeedTranslations.All.Single(t => t.Symbol == "LC/CRP.20/6" && t.Language == "pt").Official);
    }
}
