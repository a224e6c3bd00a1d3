using Rumbo.Core.Agendas;

namespace Rumbo.Core.Capacities;

/// <summary>
/// The instrument Rumbo proposes for an agenda that has none: for every strategic area of the agenda, two questions per
/// TOPP dimension on a scale of five levels, in English and Spanish. It is a starting point marked as a proposal, for
/// the ad hoc working group to adapt, not a validated methodology.
/// </summary>
public static class CapacityProposal
{
    public static LocalizedText Note => Text(
        "Proposed by Rumbo from the agenda's strategic areas and the four TOPP dimensions, for the working group to adapt before it is used.",
        "Propuesto por Rumbo a partir de las áreas estratégicas de la agenda y las cuatro dimensiones TOPP, para que el grupo de trabajo lo adapte antes de usarlo.");

    /// <summary>The scale every proposed question uses, from nothing in place to consolidated.</summary>
    public static readonly (string En, string Es)[] Scale =
    [
        ("Nothing in place.", "No existe nada al respecto."),
        ("Initial: isolated efforts that depend on individuals.", "Inicial: esfuerzos aislados que dependen de personas."),
        ("Developing: defined, but applied unevenly or without resources.", "En desarrollo: definido, pero aplicado de forma desigual o sin recursos."),
        ("Established: applied regularly, with resources and responsibilities.", "Establecido: se aplica con regularidad, con recursos y responsables."),
        ("Consolidated: institutionalized, evaluated and improved over time.", "Consolidado: institucionalizado, evaluado y mejorado en el tiempo."),
    ];

    public static readonly IReadOnlyDictionary<CapacityDimension, (string En, string Es)> Guidance = new Dictionary<CapacityDimension, (string, string)>
    {
        [CapacityDimension.Technical] = ("Think of the people, methods, data and systems the institutions in charge of this area rely on.",
            "Piense en las personas, los métodos, los datos y los sistemas con que cuentan las instituciones a cargo de esta área."),
        [CapacityDimension.Operational] = ("Think of procedures, budget, coordination routines and tools in daily use.",
            "Piense en los procedimientos, el presupuesto, las rutinas de coordinación y las herramientas de uso diario."),
        [CapacityDimension.Political] = ("Think of mandates in law, high-level backing, and the participation of other powers, levels of government and society.",
            "Piense en los mandatos legales, el respaldo de alto nivel y la participación de otros poderes, niveles de gobierno y la sociedad."),
        [CapacityDimension.Prospective] = ("Think of how the long term, scenarios and emerging trends inform decisions in this area.",
            "Piense en cómo el largo plazo, los escenarios y las tendencias emergentes informan las decisiones en esta área."),
    };

    public static readonly IReadOnlyDictionary<CapacityDimension, (string En, string Es, bool Evidence)[]> Questions = new Dictionary<CapacityDimension, (string, string, bool)[]>
    {
        [CapacityDimension.Technical] =
        [
            ("Do the institutions in charge of this area have staff trained in the methods it requires?",
             "¿Cuentan las instituciones a cargo de esta área con personal capacitado en los métodos que requiere?", false),
            ("Is there reliable, timely information (data, indicators, information systems) to plan and follow up this area?",
             "¿Existe información confiable y oportuna (datos, indicadores, sistemas de información) para planificar y dar seguimiento a esta área?", true),
        ],
        [CapacityDimension.Operational] =
        [
            ("Are there established procedures and responsibilities to carry out the work of this area?",
             "¿Existen procedimientos y responsabilidades establecidos para llevar a cabo el trabajo de esta área?", true),
            ("Does the work of this area have a budget and resources assigned over several years?",
             "¿Cuenta el trabajo de esta área con presupuesto y recursos asignados por varios años?", false),
        ],
        [CapacityDimension.Political] =
        [
            ("Does a law, decree or plan give the work of this area a mandate and a lead institution?",
             "¿Otorga una ley, un decreto o un plan un mandato y una institución rectora al trabajo de esta área?", true),
            ("Do high-level authorities and other actors (levels of government, legislature, society) take part in and back this work?",
             "¿Participan y respaldan este trabajo las autoridades de alto nivel y otros actores (niveles de gobierno, poder legislativo, sociedad)?", false),
        ],
        [CapacityDimension.Prospective] =
        [
            ("Are long-term visions or scenarios used when deciding on this area?",
             "¿Se utilizan visiones de largo plazo o escenarios al decidir sobre esta área?", false),
            ("Are emerging trends and risks for this area monitored, and do they lead to adjustments?",
             "¿Se monitorean las tendencias y los riesgos emergentes de esta área, y dan lugar a ajustes?", true),
        ],
    };

    /// <summary>The proposed instrument for an agenda's areas, as version <paramref name="number"/>, a draft.</summary>
    public static CapacityInstrument Build(int agendaId, IEnumerable<int> areaIds, int number, DateTime atUtc)
    {
        var instrument = new CapacityInstrument
        {
            AgendaId = agendaId, Number = number, Status = InstrumentStatus.Draft, IsProposal = true, CreatedAtUtc = atUtc, Note = Note,
        };
        foreach (var area in areaIds)
        {
            foreach (var (dimension, questions) in Questions)
            {
                for (var i = 0; i < questions.Length; i++)
                {
                    instrument.Questions.Add(new CapacityQuestion
                    {
                        AreaId = area, Dimension = dimension, Position = i + 1, Text = Text(questions[i].En, questions[i].Es),
                        Guidance = Text(Guidance[dimension].En, Guidance[dimension].Es), AsksEvidence = questions[i].Evidence,
                        Levels = [.. Scale.Select((s, v) => new CapacityLevel { Value = v, Descriptor = Text(s.En, s.Es) })],
                    });
                }
            }
        }
        return instrument;
    }

    // The proposal is written in English with an unofficial Spanish translation, as the demo's texts are.
    private static LocalizedText Text(string en, string es) => new() { Source = en, En = en, Es = es };
}
