using Rumbo.Core.Capacities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.RoadMaps;
using Rumbo.Core.Seed;
using Rumbo.Core.Tests.Plans;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.RoadMaps;

/// <summary>Drafting a road map from the diagnosis's gaps, the reader's roll-up and the demo examples, on both providers.</summary>
public abstract class DraftFromGapsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private TestDatabase database = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        services = new ServiceCollection().AddRumboCore(provider, database.ConnectionString).AddSingleton<TimeProvider>(new FixedClock(Now)).BuildServiceProvider();
        await DemoData.InitializeAsync(services, new RumboOptions());
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task<(int Agenda, int Country, Dictionary<string, int> Areas)> KeysAsync(RumboDbContext db, string country)
    {
        var agenda = await db.Agendas.Where(a => a.Slug == DemoIndicators.AgendaSlug).Select(a => a.Id).SingleAsync();
        var countryId = await db.Countries.Where(c => c.Code == country).Select(c => c.Id).SingleAsync();
        var areas = await db.Areas.Where(a => a.AgendaId == agenda).ToDictionaryAsync(a => a.Code, a => a.Id);
        return (agenda, countryId, areas);
    }

    [Fact]
    public async Task One_action_is_drafted_per_gap_no_open_action_covers_and_the_road_map_is_made_when_there_is_none()
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<RoadMapStore>();
        var (agenda, country, areas) = await KeysAsync(db, "AR");
        GapInput[] gaps =
        [
            new(areas["1"], CapacityDimension.Technical, 35, "Sistemas de información   para la planificación", "2026"),
            new(areas["1"], CapacityDimension.Political, 40, "Respaldo político a la coordinación"),
            new(areas["2"], CapacityDimension.Prospective, 20, "Unidades de prospectiva"),
            // The same gap twice in the input is drafted once.
            new(areas["2"], CapacityDimension.Prospective, 20, "Unidades de prospectiva"),
        ];
        var first = await store.DraftFromGapsAsync(agenda, country, gaps);
        Assert.Equal(3, first.Drafted.Count);
        Assert.Single(first.Covered);
        await db.SaveChangesAsync();
        var map = await db.RoadMaps.AsNoTracking().Include(r => r.Actions).SingleAsync(r => r.AgendaId == agenda && r.CountryId == country);
        Assert.Equal(RoadMapStatus.Draft, map.Status);
        var technical = map.Actions.Single(a => a.Dimension == CapacityDimension.Technical);
        Assert.Equal(("Sistemas de información para la planificación", (int?)35, "2026", CapacityActionStatus.Planned, areas["1"]),
            (technical.Title.Source, technical.BaselineScore, technical.BaselineRound, technical.Status, technical.AreaId));

        // A done action covers nothing any more; a cancelled one neither; an open one does.
        var tracked = await db.CapacityActions.Where(a => a.RoadMapId == map.Id).ToListAsync();
        tracked.Single(a => a.Dimension == CapacityDimension.Technical).Status = CapacityActionStatus.Done;
        tracked.Single(a => a.Dimension == CapacityDimension.Political).Status = CapacityActionStatus.Cancelled;
        tracked.Single(a => a.Dimension == CapacityDimension.Prospective).Status = CapacityActionStatus.InProgress;
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var again = await store.DraftFromGapsAsync(agenda, country, gaps[..3]);
        Assert.Equal([CapacityDimension.Technical, CapacityDimension.Political], again.Drafted.Select(a => a.Dimension));
        Assert.Equal(CapacityDimension.Prospective, Assert.Single(again.Covered).Dimension);
        Assert.Equal(map.Id, again.RoadMap.Id);
        await db.SaveChangesAsync();
        Assert.Equal(5, await db.CapacityActions.CountAsync(a => a.RoadMapId == map.Id));
        Assert.Equal(1, await db.RoadMaps.CountAsync(r => r.AgendaId == agenda && r.CountryId == country));
    }

    [Fact]
    public async Task A_gap_of_another_agenda_s_area_or_a_score_out_of_range_is_refused_and_nothing_is_drafted()
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<RoadMapStore>();
        var (agenda, country, areas) = await KeysAsync(db, "BO");
        var otherArea = await db.Areas.Where(a => a.AgendaId != agenda).Select(a => a.Id).FirstAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => store.DraftFromGapsAsync(agenda, country, [new(otherArea, CapacityDimension.Technical, 10, "x")]));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DraftFromGapsAsync(agenda, country, [new(areas["1"], CapacityDimension.Technical, 101, "x")]));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DraftFromGapsAsync(agenda, country, [new(areas["1"], CapacityDimension.Technical, 10, " ")]));
        Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.State == EntityState.Added);
        Assert.False(await db.RoadMaps.AnyAsync(r => r.CountryId == country));
    }

    [Fact]
    public async Task The_reader_rolls_up_the_demo_road_map_and_shows_the_latest_score_it_is_given()
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
        var reader = scope.ServiceProvider.GetRequiredService<RoadMapReader>();
        var (agenda, chile, areas) = await KeysAsync(db, "CL");
        var id = await db.RoadMaps.Where(r => r.AgendaId == agenda && r.CountryId == chile).Select(r => r.Id).SingleAsync();
        var latest = new Dictionary<(int, CapacityDimension), int> { [(areas["4"], CapacityDimension.Technical)] = 80, [(areas["2"], CapacityDimension.Prospective)] = 50 };
        var map = (await reader.GetAsync(id, latest))!;
        // By hand, from the examples: area 2 prospective 2 of 3 milestones (66.67), area 4 technical 1 of 2 (50),
        // area 1 political no milestone at 10 %: (66.667 + 50 + 10) / 3 = 42.222.
        Assert.Equal(42.222, map.Progress!.Value, 3);
        Assert.Equal(["1", "2", "4"], map.Groups.Select(g => g.AreaCode));
        var monitoring = map.Actions.Single(a => a.AreaCode == "4");
        Assert.Equal((50.0, true, (int?)40, (int?)75, (int?)80, (bool?)true), (monitoring.Progress, monitoring.ProgressFromMilestones, monitoring.BaselineScore, monitoring.TargetScore, monitoring.LatestScore, monitoring.GapClosed));
        // Due on 2025-12-31, in progress, seen on 2026-12-07: overdue, as is its milestone not done.
        Assert.True(monitoring.Overdue);
        Assert.True(monitoring.Milestones.Single(m => m.DoneOn is null).Overdue);
        var foresight = map.Actions.Single(a => a.AreaCode == "2");
        Assert.Equal((false, (int?)50), (foresight.GapClosed, foresight.LatestScore));
        Assert.Null(map.Actions.Single(a => a.AreaCode == "1").GapClosed);
        Assert.Equal([RoadMapStatus.Agreed, RoadMapStatus.InImplementation], map.Transitions.Select(t => t.To));

        // The public sees Chile's, not Paraguay's; the secretariat both; the list's roll-up is the page's.
        var anonymous = CurrentUser.Snapshot.Anonymous;
        var list = await reader.ListAsync(anonymous, new RoadMapFilter(agenda));
        Assert.Equal("CL", Assert.Single(list.Items).Country.Code);
        Assert.Equal(map.Progress, list.Items[0].Progress);
        // Two actions past their due dates on 2026-12-07 and in progress: the foresight course (2026-06-30) and the monitoring system (2025-12-31).
        Assert.Equal(2, list.Items[0].Overdue);
        var secretariat = new CurrentUser.Snapshot(null, null, true, new HashSet<int>(), new HashSet<int>(), new HashSet<(int, int)>());
        Assert.Equal(["CL", "PY"], (await reader.ListAsync(secretariat, new RoadMapFilter(agenda))).Items.Select(i => i.Country.Code));
        Assert.Equal(2, (await reader.ActivitiesAsync(anonymous, agenda, null, default)).Count);
        Assert.Equal(0, await DemoRoadMaps.SeedAsync(db));
    }
}

public sealed class SqliteDraftFromGapsTests() : DraftFromGapsTests(DatabaseProvider.Sqlite);

public sealed class PostgresDraftFromGapsTests() : DraftFromGapsTests(DatabaseProvider.Postgres);
