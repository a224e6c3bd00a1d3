using Rumbo.Core.Capacities;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.RoadMaps;

namespace Rumbo.Core.Seed;

/// <summary>
/// Example road maps of two countries for the planning agenda (Chile's public and in implementation, Paraguay's an agreed
/// one it keeps to itself), a training and a peer exchange, every one marked as an example. Written in Spanish with English.
/// </summary>
public static class DemoRoadMaps
{
    private const string Note = " (Example for the demonstration.)";
    private const string NoteEs = " (Ejemplo para la demostración.)";

    private sealed record ExampleAction((string Es, string En) Title, string Area, CapacityDimension Dimension, int Baseline, int Target, string Institution,
        DateOnly Start, DateOnly Due, CapacityActionStatus Status, int? Percent, string[] Lines, ((string Es, string En) Title, DateOnly Due, DateOnly? Done)[] Milestones);

    private static readonly ExampleAction[] Chile =
    [
        new(("Formar a los equipos regionales en planificación con enfoque prospectivo", "Train the regional teams in planning with a foresight approach"),
            "2", CapacityDimension.Prospective, 35, 65, "Subsecretaría de Desarrollo Regional", new(2025, 3, 1), new(2026, 6, 30), CapacityActionStatus.InProgress, null,
            ["2.1.1"], [(("Diagnóstico de necesidades de formación", "Training-needs assessment"), new(2025, 4, 30), new DateOnly(2025, 4, 25)),
                        (("Curso con 16 gobiernos regionales", "Course with the 16 regional governments"), new(2025, 11, 30), new DateOnly(2025, 12, 5)),
                        (("Ejercicio prospectivo en tres regiones", "Foresight exercise in three regions"), new(2026, 5, 31), null)]),
        new(("Establecer un sistema de seguimiento de las metas del plan nacional", "Set up a monitoring system for the national plan's targets"),
            "4", CapacityDimension.Technical, 40, 75, "Ministerio de Desarrollo Social y Familia", new(2025, 1, 15), new(2025, 12, 31), CapacityActionStatus.InProgress, null,
            ["4.1.1", "4.2.1"], [(("Marco de indicadores acordado", "Indicator framework agreed"), new(2025, 5, 31), new DateOnly(2025, 6, 10)),
                               (("Tablero público en línea", "Public dashboard online"), new(2025, 12, 31), null)]),
        new(("Acuerdo interministerial sobre la coordinación de la planificación", "Inter-ministerial agreement on coordinating planning"),
            "1", CapacityDimension.Political, 50, 70, "Ministerio Secretaría General de la Presidencia", new(2025, 6, 1), new(2026, 12, 31), CapacityActionStatus.Planned, 10,
            ["1.1.1"], []),
    ];

    private static readonly ExampleAction[] Paraguay =
    [
        new(("Fortalecer la oficina de planificación con personal y procesos", "Strengthen the planning office's staff and processes"),
            "3", CapacityDimension.Operational, 30, 60, "Secretaría Técnica de Planificación", new(2026, 2, 1), new(2027, 1, 31), CapacityActionStatus.Planned, null,
            ["3.2.1"], [(("Manual de procesos aprobado", "Process manual approved"), new(2026, 7, 31), null)]),
    ];

    /// <summary>Creates the examples when the database has no road map and the planning agenda is there; returns how many road maps.</summary>
    public static async Task<int> SeedAsync(RumboDbContext db, CancellationToken ct = default)
    {
        if (await db.RoadMaps.AnyAsync(ct) || await db.CapacityActivities.AnyAsync(ct)) return 0;
        var agenda = await db.Agendas.AsNoTracking().Where(a => a.Slug == DemoIndicators.AgendaSlug).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        if (agenda is null) return 0;
        var codes = new[] { "CL", "PY", "CO", "UY", "CR" };
        var countries = await db.Countries.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        if (countries.Count < codes.Length) return 0;
        var areas = await db.Areas.AsNoTracking().Where(a => a.AgendaId == agenda).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        var lines = await db.Lines.AsNoTracking().Where(l => l.AgendaId == agenda).Select(l => new LineLinks.Line(l.Id, l.Code, l.RetiredOn != null)).ToListAsync(ct);
        var at = new DateTime(2025, 1, 10, 15, 0, 0, DateTimeKind.Utc);

        RoadMap Map(string country, bool isPublic, RoadMapStatus status, ExampleAction[] actions, (string Es, string En) summary)
        {
            var map = new RoadMap
            {
                AgendaId = agenda.Value, CountryId = countries[country], Language = "es", IsPublic = isPublic, IsExample = true, Status = RoadMapStatus.Draft,
                Summary = new LocalizedText { Source = summary.Es + NoteEs, En = summary.En + Note }, CreatedAtUtc = at, UpdatedAtUtc = at,
            };
            foreach (var e in actions.Where(e => areas.ContainsKey(e.Area)))
            {
                map.Actions.Add(new CapacityAction
                {
                    Title = new LocalizedText { Source = e.Title.Es, En = e.Title.En }, AreaId = areas[e.Area], Dimension = e.Dimension,
                    BaselineScore = e.Baseline, BaselineRound = "2024", TargetScore = e.Target, ResponsibleInstitution = e.Institution,
                    StartOn = e.Start, DueOn = e.Due, Status = e.Status, ManualPercent = e.Percent, CreatedAtUtc = at,
                    Lines = [.. LineLinks.Resolve(lines, e.Lines).Ids.Select(id => new CapacityActionLine { LineOfActionId = id })],
                    Milestones = [.. e.Milestones.Select(m => new CapacityMilestone { Title = new LocalizedText { Source = m.Title.Es, En = m.Title.En }, DueOn = m.Due, DoneOn = m.Done })],
                });
            }
            // The transitions as they were made: agreed by the secretariat, then put in implementation.
            foreach (var (to, day) in new[] { (RoadMapStatus.Agreed, new DateTime(2025, 2, 14, 15, 0, 0, DateTimeKind.Utc)), (RoadMapStatus.InImplementation, new DateTime(2025, 3, 1, 15, 0, 0, DateTimeKind.Utc)) })
            {
                if (map.Status == status) break;
                map.Move(to, bySecretariat: true, byPersonId: null, day);
            }
            db.RoadMaps.Add(map);
            return map;
        }

        var chile = Map("CL", true, RoadMapStatus.InImplementation, Chile,
            ("Hoja de ruta para fortalecer las capacidades de planificación del Estado, a partir del diagnóstico de 2024.",
             "A road map to strengthen the State's planning capacities, drawn from the 2024 diagnosis."));
        Map("PY", false, RoadMapStatus.Agreed, Paraguay,
            ("Hoja de ruta acordada con la secretaría técnica para la Secretaría Técnica de Planificación.",
             "A road map agreed with the technical secretariat for the Technical Planning Secretariat."));
        await db.SaveChangesAsync(ct);

        var firstAction = chile.Actions.OrderBy(a => a.Id).First();
        db.CapacityActivities.Add(new CapacityActivity
        {
            AgendaId = agenda.Value, Kind = CapacityActivityKind.Training, Language = "es", IsPublic = true, IsExample = true, Mode = CapacityActivityMode.Hybrid,
            Topic = new LocalizedText { Source = "Curso regional de planificación prospectiva para el desarrollo", En = "Regional course on foresight planning for development" },
            StartOn = new(2025, 10, 6), EndOn = new(2025, 10, 10), Providers = "ILPES (CEPAL)",
            Outcome = new LocalizedText { Source = "38 personas de 4 países completaron el curso y prepararon un ejercicio prospectivo para su institución." + NoteEs,
                                          En = "38 people from 4 countries completed the course and prepared a foresight exercise for their institution." + Note },
            Participants =
            [
                new CapacityParticipant { CountryId = countries["CL"], Institution = "Subsecretaría de Desarrollo Regional", Count = 16 },
                new CapacityParticipant { CountryId = countries["CO"], Institution = "Departamento Nacional de Planeación", Count = 9 },
                new CapacityParticipant { CountryId = countries["PY"], Institution = "Secretaría Técnica de Planificación", Count = 7 },
                new CapacityParticipant { CountryId = countries["UY"], Institution = "Oficina de Planeamiento y Presupuesto", Count = 6 },
            ],
            Actions = [new CapacityActivityAction { CapacityActionId = firstAction.Id }],
        });
        db.CapacityActivities.Add(new CapacityActivity
        {
            AgendaId = agenda.Value, Kind = CapacityActivityKind.PeerExchange, Language = "es", IsPublic = true, IsExample = true, Mode = CapacityActivityMode.InPerson,
            Topic = new LocalizedText { Source = "Intercambio entre pares sobre sistemas de seguimiento de planes nacionales", En = "Peer exchange on monitoring systems for national plans" },
            StartOn = new(2025, 8, 18), EndOn = new(2025, 8, 20), HostCountryId = countries["CR"], Providers = "MIDEPLAN; ILPES (CEPAL)",
            Outcome = new LocalizedText { Source = "Chile adaptará el tablero de metas de Costa Rica para su propio sistema de seguimiento." + NoteEs,
                                          En = "Chile will adapt Costa Rica's targets dashboard for its own monitoring system." + Note },
            Participants =
            [
                new CapacityParticipant { CountryId = countries["CR"], Institution = "Ministerio de Planificación Nacional y Política Económica", Count = 5 },
                new CapacityParticipant { CountryId = countries["CL"], Institution = "Ministerio de Desarrollo Social y Familia", Count = 3 },
            ],
            Actions = [.. chile.Actions.Where(a => a.Dimension == CapacityDimension.Technical).Select(a => new CapacityActivityAction { CapacityActionId = a.Id })],
        });
        await db.SaveChangesAsync(ct);
        return 2;
    }
}
