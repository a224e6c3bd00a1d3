using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Plans;
using static Rumbo.Core.Seed.DemoTexts;

namespace Rumbo.Core.Seed;

/// <summary>
/// The two plans of work of LC/MDS.4/3, as demo data: table 2 (the 2020–2021 timeline of the working groups of the
/// Regional Agenda for Inclusive Social Development) and table 3 (the activities proposed for the regional cooperation
/// and integration axis). Both are drafts: the document is the draft plan of work put to the Presiding Officers.
/// </summary>
public static class DemoPlans
{
    public const string Conference = "regional-conference-on-social-development";
    public const string Cooperation = "regional-cooperation-and-integration";

    /// <summary>Creates the plans when the database has none and their groups exist; returns how many it created.</summary>
    public static async Task<int> SeedAsync(RumboDbContext db, CancellationToken ct = default)
    {
        if (await db.WorkPlans.AnyAsync(ct)) return 0;
        var groups = await db.Groups.Where(g => g.Slug == Conference || g.Slug == Cooperation).ToDictionaryAsync(g => g.Slug, ct);
        var plans = new List<WorkPlan>();
        if (groups.TryGetValue(Conference, out var conference)) plans.Add(Table2(conference.Id));
        if (groups.TryGetValue(Cooperation, out var cooperation)) plans.Add(Table3(cooperation.Id));
        db.WorkPlans.AddRange(plans);
        await db.SaveChangesAsync(ct);
        return plans.Count;
    }

    /// <summary>
    /// Table 2. The printed table marks the months of each activity by shading, which the document's text does not keep;
    /// the months here follow the order of the activities and what the document says happened, and are indicative.
    /// </summary>
    private static WorkPlan Table2(int groupId)
    {
        var plan = new WorkPlan
        {
            GroupId = groupId,
            Title = Text("2020–2021 timeline of the working groups of the Regional Agenda for Inclusive Social Development",
                         "Cronograma 2020-2021 de los grupos de trabajo de la Agenda Regional de Desarrollo Social Inclusivo"),
            Description = Text("Table 2 of the draft plan of work for the implementation of the Regional Agenda for Inclusive Social Development " +
                               "(LC/MDS.4/3, section A.5), from August 2020 to December 2021.\n\n" +
                               "The printed table marks the months of each activity by shading, which is lost in the text of the document: " +
                               "**the months shown here are indicative.** The statuses follow what the document (8 January 2021) reports as done.",
                               "Cuadro 2 del proyecto de plan de trabajo para la implementación de la Agenda Regional de Desarrollo Social Inclusivo " +
                               "(LC/MDS.4/3, sección A.5), de agosto de 2020 a diciembre de 2021.\n\n" +
                               "El cuadro impreso marca los meses de cada actividad con sombreado, que se pierde en el texto del documento: " +
                               "**los meses que se muestran aquí son indicativos.** Los estados siguen lo que el documento (8 de enero de 2021) informa como hecho."),
            PeriodStart = new DateOnly(2020, 8, 1),
            PeriodEnd = new DateOnly(2021, 12, 1),
            Status = PlanStatus.Draft,
        };
        (string En, string Es, string Description, string DescriptionEs, (int, int) From, (int, int) To, ActivityStatus Status)[] rows =
        [
            ("Call for participation in the working groups", "Convocatoria a participar en los grupos de trabajo",
                "On 31 August 2020 the website of the Social Development Community of Latin America and the Caribbean was launched, and participants agreed " +
                "to advance in communication so that the countries could participate through its thematic groups.",
                "El 31 de agosto de 2020 se lanzó el sitio web de la Comunidad de Desarrollo Social de América Latina y el Caribe, y los participantes " +
                "acordaron avanzar en la comunicación para que los países pudieran participar por medio de sus grupos temáticos.",
                (2020, 8), (2020, 9), ActivityStatus.Completed),
            ("Meeting to determine groups", "Reunión para determinar los grupos",
                "Table 1 of the document lists the working groups active on the website of the Social Development Community, with their subgroups and participating countries.",
                "El cuadro 1 del documento presenta los grupos de trabajo activos en el sitio web de la Comunidad de Desarrollo Social, con sus subgrupos y países participantes.",
                (2020, 9), (2020, 10), ActivityStatus.Completed),
            ("Definition of priorities and plan of work for each group", "Definición de prioridades y plan de trabajo de cada grupo",
                "The plan of work of the regional cooperation and integration axis (table 3) is the document's example, drawn from the group's meeting of 21 October 2020.",
                "El plan de trabajo del eje de cooperación e integración regional (cuadro 3) es el ejemplo del documento, surgido de la reunión del grupo del 21 de octubre de 2020.",
                (2020, 10), (2021, 3), ActivityStatus.InProgress),
            ("Seminars and workshops", "Seminarios y talleres",
                "Three technical meetings associated with the working groups were held in the fourth quarter of 2020, among them the workshop of 3 December 2020 " +
                "on social information systems and social records.",
                "En el cuarto trimestre de 2020 se realizaron tres reuniones técnicas asociadas a los grupos de trabajo, entre ellas el taller del 3 de diciembre " +
                "de 2020 sobre sistemas de información social y registros sociales.",
                (2020, 11), (2021, 10), ActivityStatus.InProgress),
            ("Preparation of a document summarizing priorities in the lines of action, systematization of seminars and workshops",
                "Elaboración de un documento que resuma las prioridades en las líneas de acción y sistematización de los seminarios y talleres",
                "", "", (2021, 6), (2021, 10), ActivityStatus.Planned),
            ("Preparation of the plan of work for the following biennium", "Elaboración del plan de trabajo para el bienio siguiente",
                "", "", (2021, 7), (2021, 10), ActivityStatus.Planned),
            ("Adoption of the 2022–2023 plan of work of the Regional Agenda for Inclusive Social Development at the fourth session of the Regional Conference on Social Development in Latin America and the Caribbean",
                "Aprobación del plan de trabajo 2022-2023 de la Agenda Regional de Desarrollo Social Inclusivo en la cuarta reunión de la Conferencia Regional sobre Desarrollo Social de América Latina y el Caribe",
                "", "", (2021, 11), (2021, 12), ActivityStatus.Planned),
        ];
        var position = 0;
        foreach (var r in rows)
        {
            plan.Activities.Add(new PlanActivity
            {
                Position = ++position,
                Title = Text(r.En, r.Es),
                Description = r.Description.Length == 0 ? new LocalizedText() : Text(r.Description, r.DescriptionEs),
                StartMonth = new DateOnly(r.From.Item1, r.From.Item2, 1),
                EndMonth = new DateOnly(r.To.Item1, r.To.Item2, 1),
                Status = r.Status,
            });
        }
        return plan;
    }

    /// <summary>Table 3: the activities proposed after the meeting of 21 October 2020. The document gives them no months.</summary>
    private static WorkPlan Table3(int groupId)
    {
        var plan = new WorkPlan
        {
            GroupId = groupId,
            Title = Text("Plan of work of the regional cooperation and integration axis, 2020–2022",
                         "Plan de trabajo del eje de cooperación e integración regional, 2020-2022"),
            Description = Text("The activities proposed for the plan of work of the regional cooperation and integration axis (LC/MDS.4/3, section B, table 3), " +
                               "based on the group's first meeting of 21 October 2020. That meeting also highlighted the need to include other government " +
                               "sectors in the discussions in order to expand the scope and to address specific issues such as financing cooperation, " +
                               "for which it has been proposed to create special spaces for discussion.\n\n" +
                               "The document gives the activities no months, so none is shown; the period's months (November 2020 to December 2022) are indicative.",
                               "Las actividades propuestas para el plan de trabajo del eje de cooperación e integración regional (LC/MDS.4/3, sección B, cuadro 3), " +
                               "sobre la base de la primera reunión del grupo, del 21 de octubre de 2020. Esa reunión también puso de relieve la necesidad de incluir " +
                               "a otros sectores del gobierno en las discusiones para ampliar su alcance y abordar temas específicos como el financiamiento de la " +
                               "cooperación, para lo cual se ha propuesto crear espacios especiales de discusión.\n\n" +
                               "El documento no asigna meses a las actividades, por lo que no se muestra ninguno; los meses del período (noviembre de 2020 a diciembre de 2022) son indicativos."),
            PeriodStart = new DateOnly(2020, 11, 1),
            PeriodEnd = new DateOnly(2022, 12, 1),
            Status = PlanStatus.Draft,
        };
        (string En, string Es, string Description, string DescriptionEs)[] rows =
        [
            ("Sharing of experiences", "Intercambio de experiencias",
                "Ninety-minute monthly virtual meetings in which two or three experiences are presented by countries on a voluntary basis.",
                "Reuniones virtuales mensuales de noventa minutos en las que los países presentan voluntariamente dos o tres experiencias."),
            ("Systematization of experiences", "Sistematización de experiencias",
                "Recording of experiences on the website of the Social Development Community of Latin America and the Caribbean, including those presented at " +
                "meetings, as well as others that are proposed. There was also a proposal to upload a short video on the programmes or policies of each country.",
                "Registro de experiencias en el sitio web de la Comunidad de Desarrollo Social de América Latina y el Caribe, incluidas las presentadas en " +
                "las reuniones y otras que se propongan. También se propuso subir un video breve sobre los programas o políticas de cada país."),
            ("Expert workshops (subject to feasibility)", "Talleres de expertos (sujetos a factibilidad)",
                "Definition of themes for special seminars for those in charge of international relations, inviting them to make presentations during the virtual meetings.",
                "Definición de temas para seminarios especiales dirigidos a los encargados de relaciones internacionales, a quienes se invitaría a exponer en las reuniones virtuales."),
            ("Virtual visits", "Visitas virtuales",
                "Alternative to face-to-face meetings where a country or institution can present a \"virtual visit\" relating to one of its policy experiences, " +
                "fostering South-South cooperation.",
                "Alternativa a las reuniones presenciales en la que un país o una institución puede presentar una \"visita virtual\" sobre una de sus experiencias " +
                "de política, para fomentar la cooperación Sur-Sur."),
            ("Intersectoral meetings", "Reuniones intersectoriales",
                "Coordination of meetings with substantive teams from social development ministries and other ministries addressing inclusive social development issues.",
                "Coordinación de reuniones con equipos sustantivos de los ministerios de desarrollo social y de otros ministerios que abordan temas de desarrollo social inclusivo."),
        ];
        var position = 0;
        foreach (var r in rows)
        {
            plan.Activities.Add(new PlanActivity { Position = ++position, Title = Text(r.En, r.Es), Description = Text(r.Description, r.DescriptionEs), Status = ActivityStatus.Planned });
        }
        return plan;
    }
}
