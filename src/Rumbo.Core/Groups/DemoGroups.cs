using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.People;
using static Rumbo.Core.Seed.DemoTexts;

namespace Rumbo.Core.Groups;

/// <summary>
/// The bodies and groups the two source documents describe, as demo data: the follow-up mechanism of LC/CRP.20/6
/// (section C) and the working groups of LC/CDS.3/5 as LC/MDS.4/3 lists them (table 1, sections A.1, A.2, B.3).
/// Names and mandates are the documents' English text, with Spanish beside it: the bodies' official Spanish names, and
/// unofficial translations of the rest (<see cref="Seed.DemoTexts"/>). People are examples, never real persons.
/// </summary>
public static class DemoGroups
{
    public const string PlanningAgenda = "lc-crp-20-6";
    public const string SocialAgenda = "lc-cds-3-5";

    /// <summary>A thematic working group of table 1, its sub-working groups and its participating countries.</summary>
    /// <param name="Axis">The code of the agenda's axis the group works on; null for groups that are not an axis.</param>
    /// <param name="Es">The name in Spanish (an unofficial translation).</param>
    public sealed record TableGroup(string Slug, string Name, string Es, string? Axis, IReadOnlyList<(string Slug, string Name, string Es)> Subgroups, IReadOnlyList<string> Countries);

    /// <summary>
    /// Table 1 of LC/MDS.4/3 as Rumbo reads it. The countries column is one cell per group, so the countries take
    /// part in the group, not in one of its subgroups. "Leaving no one behind in the Caribbean" sits in the groups
    /// column, with no subgroups and no countries yet.
    /// </summary>
    public static IReadOnlyList<TableGroup> Table1 { get; } =
    [
        new("covid-19-social-crisis", "The social crisis caused by the COVID-19 pandemic and the response of the ministries of social development",
            "La crisis social provocada por la pandemia de COVID-19 y la respuesta de los ministerios de desarrollo social", null,
            [("social-protection-measures", "Challenges in implementing social protection measures", "Desafíos en la implementación de medidas de protección social"),
             ("post-pandemic-reactivation", "Post-pandemic economic reactivation and social and labour inclusion", "Reactivación económica pospandemia e inclusión social y laboral")],
            ["EC", "UY"]),
        new("social-protection-systems", "Social protection systems: progress and challenges", "Sistemas de protección social: avances y desafíos", "1",
            [("universalization", "The challenges of universalization", "Los desafíos de la universalización"),
             ("social-protection-and-care", "Social protection and care policies", "Protección social y políticas de cuidado"),
             ("contributory-and-non-contributory", "Challenges of integration of contributory and non-contributory dimensions", "Desafíos de la integración de los componentes contributivo y no contributivo")],
            ["CR", "EC", "MX", "PY"]),
        new("social-and-labour-inclusion", "Policies to promote social and labour inclusion", "Políticas de inclusión social y laboral", "2",
            [("social-and-solidarity-economy", "Social and solidarity economy", "Economía social y solidaria"),
             ("vulnerable-groups", "Vulnerable groups", "Grupos en situación de vulnerabilidad")],
            ["MX", "UY"]),
        new("social-institutional-framework", "A strengthened social institutional framework", "Una institucionalidad social fortalecida", "3",
            [("territorialization", "Territorialization of the Regional Agenda for Inclusive Social Development at the local level",
              "Territorialización de la Agenda Regional de Desarrollo Social Inclusivo en el nivel local")],
            ["MX", "PY"]),
        new("regional-cooperation-and-integration", "Regional cooperation and integration", "Cooperación e integración regional", "4",
            [("south-south-cooperation", "South-South cooperation", "Cooperación Sur-Sur")],
            ["AR", "CL", "UY"]),
        new("leaving-no-one-behind-in-the-caribbean", "Leaving no one behind in the Caribbean", "Que nadie se quede atrás en el Caribe", null, [], []),
    ];

    /// <summary>LC/MDS.4/3, B.3: the countries whose ministries coordinate the regional cooperation and integration group.</summary>
    public static IReadOnlyList<string> CoordinatingCountries { get; } = ["CL", "UY"];

    /// <summary>
    /// Creates the groups when the database has none, for each of the two agendas it holds, with the reference data
    /// they need. Returns how many groups it created: none when groups exist already, so that a secretariat's own
    /// groups are never mixed with demo ones.
    /// </summary>
    public static async Task<int> SeedAsync(RumboDbContext db, CancellationToken ct = default)
    {
        if (await db.Groups.AnyAsync(ct)) return 0;
        await ReferenceData.EnsureAsync(db, ct);

        var agendas = await db.Agendas.Where(a => a.Slug == PlanningAgenda || a.Slug == SocialAgenda)
            .Include(a => a.Areas)
            .ToDictionaryAsync(a => a.Slug, ct);
        var countries = await db.Countries.ToDictionaryAsync(c => c.Code, ct);
        var institutions = await db.Institutions.ToListAsync(ct);
        Institution FindInstitution(string name, string? country) =>
            institutions.Single(i => i.Name.Source == name && i.Country?.Code == country);

        var groups = new List<Group>();
        if (agendas.TryGetValue(PlanningAgenda, out var planning))
        {
            groups.AddRange(PlanningGroups(planning));
        }
        if (agendas.TryGetValue(SocialAgenda, out var social))
        {
            groups.AddRange(await SocialGroups(db, social, countries, FindInstitution, ct));
        }
        db.Groups.AddRange(groups);
        await db.SaveChangesAsync(ct);
        return groups.Count;
    }

    /// <summary>LC/CRP.20/6, section C: the spheres of the agenda's follow-up and governance mechanism.</summary>
    private static IEnumerable<Group> PlanningGroups(Agenda agenda)
    {
        var council = new Group
        {
            Agenda = agenda,
            Slug = "regional-council-for-planning",
            Kind = GroupKind.CouncilOrConference,
            Name = Official("Regional Council for Planning", "Consejo Regional de Planificación"),
            Mandate = Text("The Regional Council for Planning is a subsidiary body of the Economic Commission for Latin America and the Caribbean (ECLAC) " +
                           "and governs the activities of the Latin American and Caribbean Institute for Economic and Social Planning (ILPES). " +
                           "It comprises the ministers or heads of planning of the Council's Latin American and Caribbean member States.",
                           "El Consejo Regional de Planificación es un órgano subsidiario de la Comisión Económica para América Latina y el Caribe (CEPAL) " +
                           "que orienta las actividades del Instituto Latinoamericano y del Caribe de Planificación Económica y Social (ILPES). " +
                           "Está integrado por los ministros y ministras o jefes y jefas de planificación de los Estados miembros de América Latina y el Caribe que forman parte del Consejo."),
        };
        yield return council;
        yield return new Group
        {
            Agenda = agenda,
            Parent = council,
            Slug = "planning-presiding-officers",
            Kind = GroupKind.PresidingOfficers,
            Name = Official("Presiding Officers of the Regional Council for Planning", "Mesa Directiva del Consejo Regional de Planificación"),
        };
        yield return new Group
        {
            Agenda = agenda,
            Parent = council,
            Slug = "targets-and-indicators",
            Kind = GroupKind.AdHocWorkingGroup,
            Name = Text("Ad hoc working group to prepare a report defining targets and monitoring indicators",
                        "Grupo de trabajo ad hoc para elaborar un informe que defina metas e indicadores de seguimiento"),
            // The document names no coordinating country; the governance rules flag that, as they should.
            Mandate = Text("It is agreed to establish an ad hoc working group to prepare a report to define targets and monitoring indicators, " +
                           "so that proposed objectives will have quantifiable and verifiable results for the next five years. " +
                           "This report will be presented to the Regional Council for Planning at its twenty-first meeting.",
                           "Se acuerda establecer un grupo de trabajo ad hoc para elaborar un informe que defina metas e indicadores de seguimiento, " +
                           "de modo que los objetivos propuestos tengan resultados cuantificables y verificables para los próximos cinco años. " +
                           "Este informe se presentará al Consejo Regional de Planificación en su XXI Reunión."),
        };
        yield return new Group
        {
            Agenda = agenda,
            Parent = council,
            Slug = "planning-inter-agency-support-group",
            Kind = GroupKind.InterAgencySupportGroup,
            Name = Text("Inter-agency support group", "Grupo interinstitucional de apoyo"),
            Mandate = Text("This will comprise entities of the United Nations system and related international and regional organizations " +
                           "and will support the implementation of the regional agenda on the governance of planning and public management " +
                           "for sustainable development in Latin America and the Caribbean in the countries concerned, acting as a platform for cooperation.",
                           "Estará integrado por entidades del sistema de las Naciones Unidas y organismos internacionales y regionales afines, y apoyará " +
                           "la implementación de la agenda regional de gobernanza de la planificación y la gestión pública para el desarrollo sostenible " +
                           "en América Latina y el Caribe en los países interesados, actuando como plataforma de cooperación."),
        };
        yield return new Group
        {
            Agenda = agenda,
            Parent = council,
            Slug = "planning-technical-secretariat",
            Kind = GroupKind.TechnicalSecretariat,
            Name = Text("Technical secretariat: ECLAC, through ILPES", "Secretaría técnica: la CEPAL, por medio del ILPES"),
            Mandate = Text("ECLAC, through ILPES, will serve as technical secretariat for the regional agenda on the governance of planning and public " +
                           "management for sustainable development in Latin America and the Caribbean. It will provide ongoing technical support to the " +
                           "Presiding Officers of the Regional Council for Planning and act as coordinator and facilitator for the ad hoc working groups " +
                           "responsible for monitoring and implementing the regional agenda. The secretariat will also be responsible for producing studies, " +
                           "analyses and substantive information to guide decision-making and the design of public policies in the region.",
                           "La CEPAL, por medio del ILPES, ejercerá la secretaría técnica de la agenda regional de gobernanza de la planificación y la gestión " +
                           "pública para el desarrollo sostenible en América Latina y el Caribe. Brindará apoyo técnico permanente a la Mesa Directiva del " +
                           "Consejo Regional de Planificación y actuará como coordinadora y facilitadora de los grupos de trabajo ad hoc encargados del " +
                           "seguimiento y la implementación de la agenda regional. La secretaría también se encargará de elaborar estudios, análisis e " +
                           "información sustantiva para orientar la toma de decisiones y el diseño de políticas públicas en la región."),
        };
    }

    /// <summary>LC/MDS.4/3: the Conference, its Presiding Officers and secretariat, table 1 and the coordination of B.3.</summary>
    private static async Task<List<Group>> SocialGroups(RumboDbContext db, Agenda agenda, Dictionary<string, Country> countries,
        Func<string, string?, Institution> institution, CancellationToken ct)
    {
        var conference = new Group
        {
            Agenda = agenda,
            Slug = "regional-conference-on-social-development",
            Kind = GroupKind.CouncilOrConference,
            Name = Official("Regional Conference on Social Development in Latin America and the Caribbean",
                        "Conferencia Regional sobre Desarrollo Social de América Latina y el Caribe"),
        };
        var groups = new List<Group>
        {
            conference,
            new()
            {
                Agenda = agenda,
                Parent = conference,
                Slug = "social-development-presiding-officers",
                Kind = GroupKind.PresidingOfficers,
                Name = Official("Presiding Officers of the Regional Conference on Social Development in Latin America and the Caribbean",
                            "Mesa Directiva de la Conferencia Regional sobre Desarrollo Social de América Latina y el Caribe"),
                Mandate = Text("The Chair and Vice-Chairs of the Presiding Officers are in a privileged position to propose to the countries new themes " +
                               "and areas of work, or to propose modalities of organization and implementation.",
                               "La Presidencia y las Vicepresidencias de la Mesa Directiva se encuentran en una posición privilegiada para proponer a los " +
                               "países nuevos temas y ámbitos de trabajo, o modalidades de organización e implementación."),
            },
            new()
            {
                Agenda = agenda,
                Parent = conference,
                Slug = "social-development-technical-secretariat",
                Kind = GroupKind.TechnicalSecretariat,
                Name = Text("Technical secretariat: ECLAC", "Secretaría técnica: CEPAL"),
                Mandate = Text("ECLAC, in its capacity as technical secretariat of the Regional Conference on Social Development, is responsible for " +
                               "supporting countries and working groups in terms of organization, systematization of themes and discussions, " +
                               "provision of information and technical analysis.",
                               "La CEPAL, en su calidad de secretaría técnica de la Conferencia Regional sobre Desarrollo Social, se encarga de apoyar a los " +
                               "países y a los grupos de trabajo en la organización, la sistematización de temas y discusiones, la provisión de información " +
                               "y el análisis técnico."),
            },
        };

        const string thematicMandate = "These thematic working groups would provide the framework to move towards more targeted work in sub-working " +
                                       "groups to further explore some issues and facilitate the exchange of ideas regarding possible means of implementation.";
        const string ThematicMandateEs = "Estos grupos de trabajo temáticos darían el marco para avanzar hacia un trabajo más focalizado en " +
                                         "subgrupos de trabajo, que permitan profundizar en algunos temas y faciliten el intercambio de ideas sobre " +
                                         "posibles medios de implementación.";
        foreach (var row in Table1)
        {
            var area = row.Axis is null ? null : agenda.Areas.Single(a => a.Code == row.Axis);
            var group = new Group
            {
                Agenda = agenda,
                Parent = conference,
                Slug = row.Slug,
                Kind = GroupKind.ThematicWorkingGroup,
                Name = Text(row.Name, row.Es),
                Mandate = area is null ? new LocalizedText() : Text(thematicMandate, ThematicMandateEs),
                Area = area,
            };
            foreach (var code in row.Countries)
            {
                var role = row.Slug == "regional-cooperation-and-integration" && CoordinatingCountries.Contains(code)
                    ? GroupCountryRole.Coordinating
                    : GroupCountryRole.Participating;
                group.Countries.Add(new GroupCountry { Country = countries[code], Role = role });
            }
            groups.Add(group);
            foreach (var (slug, name, es) in row.Subgroups)
            {
                groups.Add(new Group
                {
                    Agenda = agenda,
                    Parent = group,
                    Slug = slug,
                    Kind = GroupKind.SubWorkingGroup,
                    Name = Text(name, es),
                    Area = area,
                });
            }
        }

        groups.Add(new Group
        {
            Agenda = agenda,
            Parent = conference,
            Slug = "civil-society",
            Kind = GroupKind.CivilSocietyDiscussionGroup,
            Name = Text("Civil society", "Sociedad civil"),
            Mandate = Text("The group format can be used by civil society organizations for their discussions and proposals for the implementation " +
                           "of Regional Agenda for Inclusive Social Development.",
                           "Las organizaciones de la sociedad civil pueden utilizar el formato de grupo para sus discusiones y propuestas para la " +
                           "implementación de la Agenda Regional de Desarrollo Social Inclusivo."),
        });

        // B.3: the international cooperation representatives of the two ministries and a representative of ECLAC's
        // Social Development Division. The document names no one, so the coordinators are plainly examples.
        var cooperation = groups.Single(g => g.Slug == "regional-cooperation-and-integration");
        var coordinators = new[]
        {
            (Family: "Coordinator (Chile)", Email: "coordinator.chile@example.org", Country: (string?)"CL",
                Represents: institution(ReferenceData.ChileMinistry, "CL"),
                Position: "International cooperation, Ministry of Social Development and Family Affairs of Chile"),
            (Family: "Coordinator (Uruguay)", Email: "coordinator.uruguay@example.org", Country: (string?)"UY",
                Represents: institution(ReferenceData.UruguayMinistry, "UY"),
                Position: "International cooperation, Ministry of Social Development of Uruguay"),
            (Family: "Coordinator (ECLAC)", Email: "coordinator.eclac@example.org", Country: (string?)null,
                Represents: institution(ReferenceData.SocialDevelopmentDivision, null),
                Position: "Social Development Division, ECLAC"),
        };
        foreach (var c in coordinators)
        {
            // Demo groups may be created again after every group was deleted; the example people are reused then.
            var person = await db.People.FirstOrDefaultAsync(p => p.IsExample && p.Email == c.Email, ct)
                ?? new Person
                {
                    GivenName = "Example",
                    FamilyName = c.Family,
                    Position = c.Position,
                    Institution = c.Represents,
                    Country = c.Country is null ? null : countries[c.Country],
                    Email = c.Email,
                    ContactIsPublic = false,
                    IsExample = true,
                };
            cooperation.Members.Add(new GroupMember { Person = person, Role = GroupRole.Coordinator, RepresentsInstitution = c.Represents });
        }
        return groups;
    }
}
