using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.Core.People;
using Rumbo.Core.Records;
using Rumbo.Core.Agreements;
using static Rumbo.Core.Seed.DemoTexts;

namespace Rumbo.Core.Seed;

/// <summary>
/// The meetings the two source documents name, as demo data, on the demo groups (<see cref="DemoGroups"/>): what the
/// documents say of them and nothing more. Where a meeting needs a detail the documents do not give (the hour, a
/// time zone, a format), a plain choice is made and its description says it is indicative. Every text has its Spanish:
/// the meetings' official Spanish names, and unofficial translations of the rest (<see cref="DemoTexts"/>).
/// </summary>
public static class DemoMeetings
{
    /// <summary>The slugs of the groups the meetings go on.</summary>
    public const string Council = "regional-council-for-planning";
    public const string PlanningPresidingOfficers = "planning-presiding-officers";
    public const string SouthSouth = "south-south-cooperation";
    public const string InstitutionalFramework = "social-institutional-framework";

    /// <summary>Said of every hour the documents do not give.</summary>
    private const string IndicativeHours = "The document gives the dates only: the hours shown are indicative.";
    private const string IndicativeHoursEs = "El documento solo indica las fechas: los horarios que se muestran son indicativos.";

    /// <summary>
    /// Creates the meetings when the database has none (a secretariat's own meetings are never mixed with demo ones)
    /// and the demo groups exist. Returns how many it created.
    /// </summary>
    public static async Task<int> SeedAsync(RumboDbContext db, CancellationToken ct = default)
    {
        if (await db.Meetings.AnyAsync(ct)) return 0;
        var slugs = new[] { Council, PlanningPresidingOfficers, SouthSouth, InstitutionalFramework };
        var groups = await db.Groups.Where(g => slugs.Contains(g.Slug)).ToDictionaryAsync(g => g.Slug, ct);
        var countries = await db.Countries.ToDictionaryAsync(c => c.Code, ct);
        var planningLines = await db.Lines.AsNoTracking()
            .Where(l => l.Agenda!.Slug == DemoGroups.PlanningAgenda && l.RetiredOn == null)
            .Select(l => new { l.Id, l.Code })
            .ToListAsync(ct);
        int[] LinesOfArea(string area) => planningLines.Where(l => l.Code.StartsWith(area + ".", StringComparison.Ordinal)).Select(l => l.Id).ToArray();
        int[] Line(string code) => planningLines.Where(l => l.Code == code).Select(l => l.Id).ToArray();

        var meetings = new List<Meeting>();
        if (groups.TryGetValue(Council, out var council))
        {
            meetings.Add(SantoDomingo(council, countries.GetValueOrDefault("DO")));
            meetings.Add(Brasilia(council, countries.GetValueOrDefault("BR")));
        }
        if (groups.TryGetValue(PlanningPresidingOfficers, out var officers))
        {
            meetings.Add(PresidingOfficers(officers, countries.GetValueOrDefault("CL"), Line("1.1.2")));
            meetings.Add(Dialogues(officers, LinesOfArea));
        }
        if (groups.TryGetValue(SouthSouth, out var southSouth))
        {
            meetings.Add(SouthSouthCooperation(southSouth));
        }
        if (groups.TryGetValue(InstitutionalFramework, out var framework))
        {
            meetings.Add(SocialInformationSystems(framework));
        }
        db.Meetings.AddRange(meetings);
        await db.SaveChangesAsync(ct);
        return meetings.Count;
    }

    /// <summary>LC/CRP.20/6, A: the nineteenth meeting of the Council, 7 to 9 November 2023, Santo Domingo.</summary>
    private static Meeting SantoDomingo(Group council, Country? dominicanRepublic)
    {
        var m = New(council, MeetingKind.Session, MeetingFormat.InPerson, Visibility.Public,
            Local(2023, 11, 7, 9, 0, "America/Santo_Domingo"), "America/Santo_Domingo", DaysUntil(2023, 11, 7, 9, 0, 2023, 11, 9, 18, 0),
            Official("Nineteenth meeting of the Regional Council for Planning of ILPES",
                 "XIX Reunión del Consejo Regional de Planificación del ILPES"),
            Text("The nineteenth meeting of the Regional Council for Planning of the Latin American and Caribbean Institute for Economic " +
                 "and Social Planning (ILPES), held from 7 to 9 November 2023 in Santo Domingo (LC/CRP.20/6, section A).\n\n" + IndicativeHours,
                 "La XIX Reunión del Consejo Regional de Planificación del Instituto Latinoamericano y del Caribe de Planificación Económica " +
                 "y Social (ILPES), celebrada del 7 al 9 de noviembre de 2023 en Santo Domingo (LC/CRP.20/6, sección A).\n\n" + IndicativeHoursEs));
        m.City = "Santo Domingo";
        m.Country = dominicanRepublic;
        m.Items.Add(Item(1, Text("Regional agenda on governance of planning and public management for sustainable development in Latin America and the Caribbean",
                                 "Agenda regional de gobernanza de la planificación y la gestión pública para el desarrollo sostenible en América Latina y el Caribe"),
            Text("The Council agreed to begin the negotiation of the regional agenda with a view to identifying priority lines of work for the following five years.",
                 "El Consejo acordó iniciar la negociación de la agenda regional con miras a identificar líneas de trabajo prioritarias para los cinco años siguientes.")));
        m.Agreements.Add(new Agreement
        {
            Group = council,
            Number = 1,
            Kind = AgreementKind.Agreement,
            AdoptedOn = new DateOnly(2023, 11, 9),
            Visibility = Visibility.Public,
            Text = Text("To begin the negotiation of a regional agenda on governance of planning and public management for sustainable development in " +
                        "Latin America and the Caribbean with a view to identifying priority lines of work for the following five years, aligning efforts " +
                        "and resources and sharing lessons learned, in order to generate capacities to move towards more productive, sustainable and " +
                        "inclusive development in the region.",
                        "Iniciar la negociación de una agenda regional de gobernanza de la planificación y la gestión pública para el desarrollo " +
                        "sostenible en América Latina y el Caribe con miras a identificar líneas de trabajo prioritarias para los cinco años siguientes, " +
                        "alinear esfuerzos y recursos y compartir lecciones aprendidas, a fin de generar capacidades para avanzar hacia un desarrollo " +
                        "más productivo, sostenible e inclusivo en la región."),
        });
        return m;
    }

    /// <summary>The cover of LC/CRP.20/6: the twentieth meeting of the Council, with the nineteenth Conference of Ministers and Heads of Planning.</summary>
    private static Meeting Brasilia(Group council, Country? brazil)
    {
        var m = New(council, MeetingKind.Session, MeetingFormat.InPerson, Visibility.Public,
            Local(2025, 10, 2, 9, 0, "America/Sao_Paulo"), "America/Sao_Paulo", DaysUntil(2025, 10, 2, 9, 0, 2025, 10, 3, 18, 0),
            Official("Twentieth meeting of the Regional Council for Planning of ILPES",
                 "XX Reunión del Consejo Regional de Planificación del ILPES"),
            Text("The twentieth meeting of the Regional Council for Planning of the Latin American and Caribbean Institute for Economic and Social " +
                 "Planning (ILPES), held with the Nineteenth Conference of Ministers and Heads of Planning of Latin America and the Caribbean, " +
                 "Brasília, 2 and 3 October 2025 (the cover of LC/CRP.20/6).\n\n" + IndicativeHours,
                 "La XX Reunión del Consejo Regional de Planificación del Instituto Latinoamericano y del Caribe de Planificación Económica y " +
                 "Social (ILPES), celebrada junto con la XIX Conferencia de Ministros y Jefes de Planificación de América Latina y el Caribe, " +
                 "Brasilia, 2 y 3 de octubre de 2025 (portada de LC/CRP.20/6).\n\n" + IndicativeHoursEs));
        m.City = "Brasília";
        m.Country = brazil;
        m.Items.Add(Item(1, Text("Draft regional agenda on governance of planning and public management for sustainable development in Latin America and the Caribbean (LC/CRP.20/6)",
                                 "Proyecto de agenda regional de gobernanza de la planificación y la gestión pública para el desarrollo sostenible en América Latina y el Caribe (LC/CRP.20/6)"),
            Text("The Presiding Officers of the Council present the draft regional agenda for consideration and adoption by the Council.",
                 "La Mesa Directiva del Consejo presenta el proyecto de agenda regional para su consideración y aprobación por el Consejo.")));
        return m;
    }

    /// <summary>LC/CRP.20/6, A: the thirtieth meeting of the Presiding Officers, ECLAC headquarters, Santiago, 27 and 28 November 2024.</summary>
    private static Meeting PresidingOfficers(Group officers, Country? chile, int[] dialogueLine)
    {
        // A meeting of the presiding officers is theirs: closed. What it agreed is public, since the document reports it.
        var m = New(officers, MeetingKind.Session, MeetingFormat.InPerson, Visibility.Members,
            Local(2024, 11, 27, 9, 0, "America/Santiago"), "America/Santiago", DaysUntil(2024, 11, 27, 9, 0, 2024, 11, 28, 18, 0),
            Official("Thirtieth meeting of the Presiding Officers of the Regional Council for Planning",
                 "XXX Reunión de la Mesa Directiva del Consejo Regional de Planificación"),
            Text("Held at ECLAC headquarters in Santiago on 27 and 28 November 2024 (LC/CRP.20/6, section A).\n\n" + IndicativeHours,
                 "Celebrada en la sede de la CEPAL en Santiago los días 27 y 28 de noviembre de 2024 (LC/CRP.20/6, sección A).\n\n" + IndicativeHoursEs));
        m.Place = "ECLAC headquarters";
        m.City = "Santiago";
        m.Country = chile;
        m.Items.Add(Item(1, Text("Proposed guidelines for the drafting of a regional agenda on governance of planning and public management for sustainable development in Latin America and the Caribbean",
                                 "Propuesta de lineamientos para la elaboración de una agenda regional de gobernanza de la planificación y la gestión pública para el desarrollo sostenible en América Latina y el Caribe"),
            Text("Presented by the Dominican Republic, in its capacity as Chair.", "Presentada por la República Dominicana, en su calidad de Presidencia."),
            presenter: "Dominican Republic (Chair)"));
        var adopted = new DateOnly(2024, 11, 28);
        m.Agreements.Add(new Agreement
        {
            Group = officers, Number = 1, Kind = AgreementKind.Agreement, AdoptedOn = adopted, Visibility = Visibility.Public,
            Text = Text("To endorse the proposed guidelines for the drafting of a regional agenda on governance of planning and public management for " +
                        "sustainable development in Latin America and the Caribbean presented by the Dominican Republic.",
                        "Respaldar la propuesta de lineamientos para la elaboración de una agenda regional de gobernanza de la planificación y la " +
                        "gestión pública para el desarrollo sostenible en América Latina y el Caribe presentada por la República Dominicana."),
        });
        var dialogues = new Agreement
        {
            Group = officers, Number = 2, Kind = AgreementKind.Agreement, AdoptedOn = adopted, Visibility = Visibility.Public,
            Text = Text("To organize multi-stakeholder dialogues in the first half of 2025.", "Organizar diálogos multiactor en el primer semestre de 2025."),
        };
        dialogues.Lines.AddRange(dialogueLine.Select(id => new AgreementLine { LineOfActionId = id }));
        m.Agreements.Add(dialogues);
        return m;
    }

    /// <summary>LC/CRP.20/6, A: the dialogues of 31 March 2025, one for each of the four areas of the agenda.</summary>
    private static Meeting Dialogues(Group officers, Func<string, int[]> linesOfArea)
    {
        var m = New(officers, MeetingKind.MultiStakeholderDialogue, MeetingFormat.InPerson, Visibility.Public,
            Local(2025, 3, 31, 9, 0, "America/Santiago"), "America/Santiago", 9 * 60,
            Text("Multi-stakeholder dialogues on the regional agenda on governance of planning and public management",
                 "Diálogos multiactor sobre la agenda regional de gobernanza de la planificación y la gestión pública"),
            Text("Held on 31 March 2025 within the framework of the eighth meeting of the Forum of the Countries of Latin America and the Caribbean " +
                 "on Sustainable Development, as the Presiding Officers agreed at their thirtieth meeting; they addressed each of the four areas " +
                 "of the regional agenda (LC/CRP.20/6, section A).\n\n" +
                 "The document gives neither the place, the format nor the hours: the time zone (Santiago), the format and the hours shown are indicative.",
                 "Realizados el 31 de marzo de 2025 en el marco de la octava reunión del Foro de los Países de América Latina y el Caribe sobre el " +
                 "Desarrollo Sostenible, según lo acordado por la Mesa Directiva en su XXX Reunión; abordaron cada una de las cuatro áreas de la " +
                 "agenda regional (LC/CRP.20/6, sección A).\n\n" +
                 "El documento no indica el lugar, el formato ni los horarios: el huso horario (Santiago), el formato y los horarios que se muestran son indicativos."));
        (string En, string Es)[] areas =
        [
            ("Governance, institutional frameworks and social dialogue", "Gobernanza, institucionalidad y diálogo social"),
            ("Anticipatory governance and the dimension of the future in the framework of sustainable development",
             "Gobernanza anticipatoria y dimensión de futuro en el marco del desarrollo sostenible"),
            ("Coordination for comprehensive and coherent public policies", "Coordinación para políticas públicas integrales y coherentes"),
            ("Evaluation, public value and establishing a culture of continuous learning",
             "Evaluación, valor público y establecimiento de una cultura de aprendizaje continuo"),
        ];
        for (var i = 0; i < areas.Length; i++)
        {
            var item = Item(i + 1, Text($"Area {i + 1}: {areas[i].En}", $"Área {i + 1}: {areas[i].Es}"), new LocalizedText());
            item.Lines.AddRange(linesOfArea((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(id => new MeetingItemLine { LineOfActionId = id }));
            m.Items.Add(item);
        }
        return m;
    }

    /// <summary>LC/MDS.4/3, B.2: the first meeting of the South-South cooperation subgroup, 21 October 2020, and its memory aid.</summary>
    private static Meeting SouthSouthCooperation(Group subgroup)
    {
        var m = New(subgroup, MeetingKind.WorkingMeeting, MeetingFormat.Virtual, Visibility.Public,
            Local(2020, 10, 21, 10, 0, "America/Santiago"), "America/Santiago", 90,
            Text("Meeting to establish and define activities", "Reunión para establecer y definir actividades"),
            Text("The first meeting of the South-South cooperation subgroup of the regional cooperation and integration working group " +
                 "(LC/MDS.4/3, section B.2), held virtually.\n\n" +
                 "The document gives the date only: the hour, duration and time zone (Santiago) shown are indicative.",
                 "La primera reunión del subgrupo de cooperación Sur-Sur del grupo de trabajo de cooperación e integración regional " +
                 "(LC/MDS.4/3, sección B.2), celebrada de manera virtual.\n\n" +
                 "El documento solo indica la fecha: la hora, la duración y el huso horario (Santiago) que se muestran son indicativos."));
        var pacific = Item(1, Text("Experience of the Pacific Alliance", "Experiencia de la Alianza del Pacífico"), new LocalizedText(), presenter: "Pacific Alliance");
        var redCalle = Item(2, Text("Uruguay's Red Calle project", "Proyecto Red Calle del Uruguay"), new LocalizedText(), presenter: "Uruguay");
        var discussion = Item(3, Text("How to leverage these instances and continue coordinated work",
            "Cómo aprovechar estas instancias y continuar el trabajo coordinado"), new LocalizedText());
        m.Items.AddRange([pacific, redCalle, discussion]);
        var approved = new DateTime(2021, 1, 8, 12, 0, 0, DateTimeKind.Utc);
        m.Records.Add(new MeetingRecord
        {
            Number = 1,
            Kind = RecordKind.MemoryAid,
            Status = RecordStatus.Approved,
            Language = "en",
            Dissemination = Visibility.Public,
            CreatedAtUtc = approved,
            ApprovedAtUtc = approved,
            // The memory aid is written in English, as the document it comes from; its Spanish, as every demo text's but the
            // bodies' own names, is an unofficial translation.
            Summary = Text(
                "The first meeting was held on 21 October 2020 and involved the participation of a large number of Latin American countries.\n\n" +
                "*This memory aid says only what LC/MDS.4/3 (8 January 2021), section B.2, says of the meeting.*",
                "La primera reunión se celebró el 21 de octubre de 2020 y contó con la participación de un gran número de países latinoamericanos.\n\n" +
                "*Esta ayuda memoria recoge solo lo que el documento LC/MDS.4/3 (8 de enero de 2021), en su sección B.2, dice de la reunión.*"),
            Sections =
            [
                new RecordSection
                {
                    MeetingItem = pacific, Position = 1,
                    Heading = Text("Experience of the Pacific Alliance", "Experiencia de la Alianza del Pacífico"),
                    Body = Text("The experience of the Pacific Alliance was presented.", "Se presentó la experiencia de la Alianza del Pacífico."),
                    Outcomes =
                    [
                        new RecordOutcome
                        {
                            Position = 1, Kind = OutcomeKind.Information,
                            Text = Text("Experiences of the Pacific Alliance were presented.", "Se presentaron las experiencias de la Alianza del Pacífico."),
                        },
                    ],
                },
                new RecordSection
                {
                    MeetingItem = redCalle, Position = 2,
                    Heading = Text("Uruguay's Red Calle project", "Proyecto Red Calle del Uruguay"),
                    Body = Text("Uruguay's Red Calle project was presented.", "Se presentó el proyecto Red Calle del Uruguay."),
                    Outcomes =
                    [
                        new RecordOutcome
                        {
                            Position = 1, Kind = OutcomeKind.Information,
                            Text = Text("Uruguay's Red Calle project was presented.", "Se presentó el proyecto Red Calle del Uruguay."),
                        },
                    ],
                },
                new RecordSection
                {
                    MeetingItem = discussion, Position = 3,
                    Heading = Text("How to leverage these instances and continue coordinated work", "Cómo aprovechar estas instancias y continuar el trabajo coordinado"),
                    Body = Text(
                        "There was a discussion on how to leverage these instances and continue coordinated work, which is addressed by the proposed plan of work. " +
                        "Based on this meeting, table 3 of LC/MDS.4/3 presents activities to develop a plan of work for 2020–2022: sharing of experiences, " +
                        "systematization of experiences, expert workshops, virtual visits and intersectoral meetings.\n\n" +
                        "The meeting also highlighted the need to include other government sectors in the discussions in order to expand the scope and " +
                        "to address specific issues such as financing cooperation, for which it has been proposed to create special spaces for discussion.",
                        "Se debatió cómo aprovechar estas instancias y continuar el trabajo coordinado, cuestión que aborda la propuesta de plan de trabajo. " +
                        "A partir de esta reunión, el cuadro 3 del documento LC/MDS.4/3 presenta actividades para elaborar un plan de trabajo para 2020-2022: " +
                        "intercambio de experiencias, sistematización de experiencias, talleres de expertos, visitas virtuales y reuniones intersectoriales.\n\n" +
                        "En la reunión también se destacó la necesidad de incluir a otros sectores del gobierno en los debates, a fin de ampliar su alcance y " +
                        "abordar temas específicos como el financiamiento de la cooperación, para los que se ha propuesto crear espacios especiales de discusión."),
                    Outcomes =
                    [
                        new RecordOutcome
                        {
                            Position = 1, Kind = OutcomeKind.Information,
                            Text = Text("Activities for a plan of work for 2020–2022 (table 3 of LC/MDS.4/3) are based on this meeting.",
                                "Las actividades de un plan de trabajo para 2020-2022 (cuadro 3 del documento LC/MDS.4/3) se basan en esta reunión."),
                        },
                        new RecordOutcome
                        {
                            Position = 2, Kind = OutcomeKind.Information,
                            Text = Text("The need to include other government sectors in the discussions, with special spaces for discussion proposed for issues such as financing cooperation.",
                                "La necesidad de incluir a otros sectores del gobierno en los debates, y la propuesta de crear espacios especiales de discusión para temas como el financiamiento de la cooperación."),
                        },
                    ],
                },
            ],
        });
        return m;
    }

    /// <summary>LC/MDS.4/3, background and footnote 4: the workshop of 3 December 2020 organized by ECLAC.</summary>
    private static Meeting SocialInformationSystems(Group group)
    {
        var m = New(group, MeetingKind.ExpertWorkshop, MeetingFormat.Virtual, Visibility.Public,
            Local(2020, 12, 3, 10, 0, "America/Santiago"), "America/Santiago", 120,
            // The Spanish is the event's name on ECLAC's page, which the description links to.
            Official("Workshop on social information systems and social records in Latin America",
                 "Taller de discusión: sistemas de información social y registros sociales en América Latina"),
            Text("A virtual workshop organized by ECLAC on social information systems and social records in Latin America with regard to progress " +
                 "and challenges in the face of COVID-19 (LC/MDS.4/3, background and footnote 4). Event page: " +
                 "<https://comunidades.cepal.org/desarrollosocial/es/grupos/evento/encuentro-virtual-taller-de-discusion-sistemas-de-informacion-social-y-registros>\n\n" +
                 "The document gives the date only: the hour, duration and time zone (Santiago) shown are indicative.",
                 "Taller virtual organizado por la CEPAL sobre los sistemas de información social y los registros sociales en América Latina, " +
                 "sus avances y desafíos frente al COVID-19 (LC/MDS.4/3, antecedentes y nota 4). Página del evento: " +
                 "<https://comunidades.cepal.org/desarrollosocial/es/grupos/evento/encuentro-virtual-taller-de-discusion-sistemas-de-informacion-social-y-registros>\n\n" +
                 "El documento solo indica la fecha: la hora, la duración y el huso horario (Santiago) que se muestran son indicativos."));
        m.Items.Add(Item(1, Text("Social information systems and social records in Latin America: progress and challenges in the face of COVID-19",
            "Sistemas de información social y registros sociales en América Latina: avances y desafíos frente al COVID-19"), new LocalizedText()));
        m.Items.Add(Item(2, Text("Study by ECLAC to provide the countries with technical tools to record beneficiaries",
            "Estudio de la CEPAL para dotar a los países de herramientas técnicas para el registro de destinatarios"), new LocalizedText(), presenter: "ECLAC"));
        return m;
    }

    private static Meeting New(Group group, MeetingKind kind, MeetingFormat format, Visibility access, DateTime startsAtUtc, string timeZone, int minutes,
        LocalizedText title, LocalizedText description) => new()
    {
        Group = group,
        Kind = kind,
        Format = format,
        Access = access,
        StartsAtUtc = startsAtUtc,
        TimeZone = timeZone,
        DurationMinutes = minutes,
        Title = title,
        Description = description,
        Status = MeetingStatus.Scheduled,
        CalendarUid = $"{Guid.NewGuid():n}@rumbo",
    };

    private static MeetingItem Item(int position, LocalizedText title, LocalizedText description, string? presenter = null) => new()
    {
        Position = position, Title = title, Description = description, PresenterName = presenter,
    };

    /// <summary>A local time in the meeting's zone, in UTC.</summary>
    private static DateTime Local(int year, int month, int day, int hour, int minute, string zone) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), TimeZoneInfo.FindSystemTimeZoneById(zone));

    /// <summary>Minutes from the first day's opening to the last day's closing, both local.</summary>
    private static int DaysUntil(int y1, int m1, int d1, int h1, int min1, int y2, int m2, int d2, int h2, int min2) =>
        (int)(new DateTime(y2, m2, d2, h2, min2, 0) - new DateTime(y1, m1, d1, h1, min1, 0)).TotalMinutes;
}
