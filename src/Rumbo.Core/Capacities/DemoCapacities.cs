using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;

namespace Rumbo.Core.Capacities;

/// <summary>
/// The demo's TOPP diagnosis for the planning agenda: the proposed instrument published as version 1 (still marked as a
/// proposal), a draft version 2 for the working group to adapt, and two example rounds with closed diagnoses of three
/// countries, so that the profile, the change between rounds and the regional map show something. Every answer is
/// invented for the demo and marked as an example.
/// </summary>
public static class DemoCapacities
{
    public const string AgendaSlug = "lc-crp-20-6";

    /// <summary>(country, publicity, the level per dimension in 2023, in 2025): invented profiles of differing shapes.</summary>
    private static readonly (string Country, AssessmentPublicity Publicity, int[]? Earlier, int[] Latest)[] Examples =
    [
        ("CL", AssessmentPublicity.ScoresAndAnswers, [3, 2, 2, 1], [3, 3, 2, 2]),
        ("CO", AssessmentPublicity.Scores, [2, 2, 3, 1], [3, 2, 3, 1]),
        ("UY", AssessmentPublicity.Nothing, null, [2, 3, 3, 2]),
    ];

    /// <summary>Creates the examples when the planning agenda has no instrument; returns the number of diagnoses created.</summary>
    public static async Task<int> SeedAsync(RumboDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var agenda = await db.Agendas.AsNoTracking().Where(a => a.Slug == AgendaSlug).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        if (agenda is not int agendaId || await db.CapacityInstruments.AnyAsync(i => i.AgendaId == agendaId, ct)) return 0;
        var store = new CapacityStore(db, clock);
        var v1 = (await store.ProposeAsync(agendaId, ct))!;
        if (v1.Questions.Count == 0) return 0;
        var published = new DateTime(2023, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        v1.CreatedAtUtc = published;
        v1.Publish(null, published);
        await db.SaveChangesAsync(ct);
        var v2 = (await store.NewDraftAsync(agendaId, ct))!;
        v2.Note = new LocalizedText
        {
            Source = "Draft for the working group to adapt from version 1.",
            En = "Draft for the working group to adapt from version 1.",
            Es = "Borrador para que el grupo de trabajo adapte a partir de la versión 1.",
        };
        var codes = Examples.Select(e => e.Country).ToList();
        var countries = await db.Countries.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        var areaOrder = v1.Questions.Select(q => q.AreaId).Distinct().Order().Select((id, n) => (id, n)).ToDictionary(x => x.id, x => x.n);
        var created = 0;
        foreach (var (year, latest) in new[] { (2023, false), (2025, true) })
        {
            var chosen = Examples.Where(e => countries.ContainsKey(e.Country) && (latest || e.Earlier is not null)).ToList();
            var title = new LocalizedText { Source = $"{year} (example)", En = $"{year} (example)", Es = $"{year} (ejemplo)" };
            var (round, _) = await store.OpenRoundAsync(agendaId, 1, title, new DateOnly(year, 4, 1), new DateOnly(year, 7, 31),
                chosen.Select(e => countries[e.Country]).ToList(), isExample: true, ct);
            round!.CreatedAtUtc = new DateTime(year, 4, 1, 12, 0, 0, DateTimeKind.Utc);
            foreach (var e in chosen)
            {
                var a = round.Assessments.Single(x => x.CountryId == countries[e.Country]);
                var levels = latest ? e.Latest : e.Earlier!;
                var at = new DateTime(year, 6, 15, 12, 0, 0, DateTimeKind.Utc);
                foreach (var q in v1.Questions)
                {
                    // The second question of a cell a level lower than the first, the first area a level higher and the last a level
                    // lower, so that the cells differ as they would.
                    var shift = areaOrder[q.AreaId] == 0 ? 1 : areaOrder[q.AreaId] == areaOrder.Count - 1 ? -1 : 0;
                    var level = Math.Clamp(levels[(int)q.Dimension] - (q.Position - 1) + shift, 0, 4);
                    a.Answer(q, level, null, q.AsksEvidence && level >= 2 ? "https://www.cepal.org/en/topics/planning-development" : null, null, at);
                }
                a.Submit(null, at);
                a.Close(null, at.AddDays(30), null);
                a.Publicity = e.Publicity;
                a.UpdatedAtUtc = at.AddDays(30);
                created++;
            }
        }
        await db.SaveChangesAsync(ct);
        return created;
    }
}
