using Rumbo.Core.Agendas;
using Rumbo.Core.Policies;

namespace Rumbo.Core.Tests.Policies;

/// <summary>The comparison behind the overlaps page, on policies made by hand.</summary>
public sealed class PolicyOverlapTests
{
    private static PolicyOverlaps.Candidate P(int id, int country, string language, string title, string summary, string[]? lines = null,
        string[]? sdg = null, int? institution = null, int? from = null, int? to = null, PolicyInstrument instrument = PolicyInstrument.Policy,
        string? titleEn = null, string? summaryEn = null) =>
        new(id, country, language, new LocalizedString(title, En: titleEn), new LocalizedString(summary, En: summaryEn), lines ?? [], sdg ?? [],
            institution, null, from, to, instrument);

    // Policies about other things, so that the words the pairs share are rare in the register, as they are in a real one.
    private static readonly PolicyOverlaps.Candidate[] Others =
    [
        P(101, 9, "es", "Política Nacional de Vivienda", "Programa de subsidios para la vivienda social y el mejoramiento de barrios."),
        P(102, 9, "es", "Plan de Seguridad Alimentaria", "Acciones para garantizar el derecho a la alimentación de la población rural."),
        P(103, 9, "es", "Estrategia de Transición Energética", "Hoja de ruta para reducir las emisiones y ampliar las energías renovables."),
        P(104, 9, "es", "Ley de Educación Inclusiva", "Normas para la inclusión de estudiantes con discapacidad en la escuela pública."),
    ];

    [Fact]
    public void Two_policies_saying_nearly_the_same_thing_are_a_possible_duplicate_with_their_words_in_common()
    {
        var found = PolicyOverlaps.Compare([
            P(1, 1, "es", "Política Nacional de Gobierno Digital", "Impulsa la transformación digital del Estado, la interoperabilidad de los datos y los trámites en línea para la ciudadanía.",
                lines: ["1.3.4"], institution: 7, from: 2020, to: 2026, instrument: PolicyInstrument.Policy),
            P(2, 1, "es", "Política de Gobierno Digital del Estado", "Transformación digital del Estado: interoperabilidad de datos y trámites en línea para los ciudadanos.",
                lines: ["1.3.4", "1.3.6"], institution: 7, from: 2024, to: 2030, instrument: PolicyInstrument.Policy),
            .. Others,
        ]);

        var pair = Assert.Single(found);
        Assert.Equal((1, 2), (pair.First, pair.Second));
        Assert.Equal(OverlapKind.PossibleDuplicate, pair.Kind);
        Assert.True(pair.TextSimilarity >= PolicyOverlaps.DuplicateText, $"similarity {pair.TextSimilarity}");
        Assert.Equal("es", pair.ComparedIn);
        var words = pair.SharedWords.Select(w => w.Word.ToLowerInvariant()).ToList();
        Assert.Contains("digital", words);
        Assert.Contains("interoperabilidad", words);
        Assert.DoesNotContain("de", words);
        Assert.Equal(["1.3.4"], pair.SharedLines);
        Assert.True(pair.SameInstitution);
        Assert.True(pair.SameInstrument);
        Assert.Equal((2024, 2026), (pair.SharedFrom, pair.SharedTo));
        // Score = 0.7 × text + 0.3 × (1 shared line of 2).
        Assert.InRange(pair.Score, 0.7 * pair.TextSimilarity + 0.3 * 0.5 - 0.001, 0.7 * pair.TextSimilarity + 0.3 * 0.5 + 0.001);
    }

    [Fact]
    public void The_same_texts_in_two_countries_are_never_paired_and_unrelated_policies_are_not_either()
    {
        var found = PolicyOverlaps.Compare([
            P(1, 1, "es", "Política Nacional de Gobierno Digital", "Transformación digital del Estado e interoperabilidad de los datos."),
            P(2, 2, "es", "Política Nacional de Gobierno Digital", "Transformación digital del Estado e interoperabilidad de los datos."),
            P(3, 1, "es", "Plan Nacional de Cuidados", "Sistema de cuidados para personas mayores y primera infancia."),
            .. Others,
        ]);
        Assert.Empty(found);
    }

    [Fact]
    public void Shared_lines_and_targets_with_some_words_make_an_overlap_and_one_country_can_be_asked_for()
    {
        var policies = new[]
        {
            P(1, 1, "es", "Sistema Nacional de Evaluación de Políticas", "Evalúa las políticas públicas prioritarias y publica sus resultados.", lines: ["4.1.1", "4.2.1"], sdg: ["16.6"]),
            P(2, 1, "es", "Plan Nacional de Desarrollo", "Metas del gobierno para cuatro años con seguimiento anual de sus resultados.", lines: ["4.2.1", "4.1.1"], sdg: ["16.6"]),
            P(3, 2, "es", "Sistema Nacional de Evaluación de Políticas", "Evalúa las políticas públicas prioritarias.", lines: ["4.1.1"]),
            P(4, 2, "es", "Sistema de Evaluación de Políticas Públicas", "Evalúa las políticas públicas prioritarias.", lines: ["4.1.1"]),
        };
        var found = PolicyOverlaps.Compare([.. policies, .. Others]);
        var first = found.Single(f => f.First == 1);
        Assert.Equal(OverlapKind.Overlap, first.Kind);
        Assert.Equal(["4.1.1", "4.2.1"], first.SharedLines);
        Assert.Equal(["16.6"], first.SharedSdgTargets);
        Assert.True(first.Score >= PolicyOverlaps.ShowFrom);
        Assert.Contains(found, f => f.First == 3 && f.Second == 4);

        var onlyCountry2 = PolicyOverlaps.Compare([.. policies, .. Others], countryId: 2);
        Assert.Equal((3, 4), (Assert.Single(onlyCountry2).First, onlyCountry2[0].Second));
    }

    [Fact]
    public void Policies_held_in_different_languages_are_compared_in_a_translation_they_share()
    {
        var found = PolicyOverlaps.Compare([
            P(1, 1, "en", "National Open Government Action Plan", "Commitments on transparency, citizen participation and access to public information."),
            P(2, 1, "es", "Plan de Acción de Gobierno Abierto", "Compromisos de transparencia, participación ciudadana y acceso a la información pública.",
                titleEn: "Open Government Action Plan", summaryEn: "Commitments on transparency, citizen participation and access to public information."),
            P(3, 1, "pt", "Plano de Ação de Governo Aberto", "Compromissos de transparência, participação cidadã e acesso à informação pública."),
            P(105, 9, "en", "Housing Policy", "Subsidies for social housing and the upgrading of neighbourhoods."),
            P(106, 9, "en", "Energy Transition Strategy", "A road map to reduce emissions and expand renewable energy."),
            .. Others,
        ]);
        var pair = Assert.Single(found);
        Assert.Equal((1, 2), (pair.First, pair.Second));
        Assert.Equal("en", pair.ComparedIn);
        Assert.Contains(pair.SharedWords, w => w.Word.Equals("transparency", StringComparison.OrdinalIgnoreCase));
    }
}
