using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Accounts;
using Rumbo.Core.Capacities;
using Rumbo.Core.Data;
using Rumbo.Core.Seed;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.Capacities;

/// <summary>The demo diagnosis seeded as at start-up, read as the public, a focal point and the secretariat, on both providers.</summary>
public abstract class DemoCapacitiesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        services = new ServiceCollection().AddRumboCore(provider, database.ConnectionString).BuildServiceProvider();
        await DemoData.InitializeAsync(services, new RumboOptions());
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private static CurrentUser.Snapshot Secretariat => new(1, 1, true, new HashSet<int>(), new HashSet<int>(), new HashSet<(int, int)>());

    private static CurrentUser.Snapshot FocalPoint(int agenda, int country) =>
        new(2, 2, false, new HashSet<int>(), new HashSet<int>(), new HashSet<(int, int)> { (agenda, country) });

    [Fact]
    public async Task A_proposed_instrument_a_draft_to_adapt_and_closed_example_rounds_each_reader_seeing_what_the_country_made_public()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
        var reader = scope.ServiceProvider.GetRequiredService<CapacityReader>();
        var agenda = await db.Agendas.AsNoTracking().Where(a => a.Slug == DemoCapacities.AgendaSlug).Select(a => a.Id).SingleAsync();
        var countries = await db.Countries.AsNoTracking().Where(c => c.Code == "CL" || c.Code == "CO" || c.Code == "UY").ToDictionaryAsync(c => c.Code, c => c.Id);

        var versions = await reader.InstrumentsAsync(agenda);
        Assert.Equal([(2, InstrumentStatus.Draft), (1, InstrumentStatus.Published)], versions.Select(v => (v.Number, v.Status)));
        Assert.All(versions, v => Assert.True(v.IsProposal));
        var v1 = (await reader.InstrumentAsync(agenda, 1))!;
        Assert.Equal(4, v1.Areas.Count);
        Assert.Equal(32, v1.Questions.Count);
        Assert.All(v1.Areas, a => Assert.Equal(8, v1.Questions.Count(q => q.AreaId == a.Id)));

        // The public sees Chile's and Colombia's closed diagnoses (scores, and Chile's answers), never Uruguay's.
        var anonymous = await reader.ListAsync(CurrentUser.Snapshot.Anonymous, new AssessmentFilter(agenda));
        Assert.Equal(4, anonymous.Total);
        Assert.DoesNotContain(anonymous.Items, i => i.Country.Code == "UY");
        var map = (await reader.RegionalAsync(CurrentUser.Snapshot.Anonymous, agenda))!;
        Assert.Equal("2025 (example)", map.Round.Title.Source);
        Assert.Equal(["CL", "CO"], map.Rows.Select(r => r.Assessment.Country.Code));
        var secretariatMap = (await reader.RegionalAsync(Secretariat, agenda))!;
        Assert.Equal(["CL", "CO", "UY"], secretariatMap.Rows.Select(r => r.Assessment.Country.Code));
        Assert.Null(await reader.ProfileAsync(CurrentUser.Snapshot.Anonymous, agenda, countries["UY"]));
        var uruguay = (await reader.ProfileAsync(FocalPoint(agenda, countries["UY"]), agenda, countries["UY"]))!;
        Assert.Equal(AssessmentAccess.Answers, uruguay.Access);
        var colombia = (await reader.ProfileAsync(CurrentUser.Snapshot.Anonymous, agenda, countries["CO"]))!;
        Assert.Equal(AssessmentAccess.Scores, colombia.Access);
        Assert.NotNull(colombia.Previous);

        // The region's mean of a cell is the mean of the countries' scores of it.
        var area = secretariatMap.Areas[0].Id;
        var (mean, count) = secretariatMap.Mean(area, CapacityDimension.Technical);
        Assert.Equal(3, count);
        Assert.Equal(secretariatMap.Rows.Average(r => r.Scores.Cell(area, CapacityDimension.Technical)!.Score!.Value), mean!.Value, 10);

        // Colombia's latest levels per dimension are 3, 2, 3, 1 (the second question of a cell one lower, the first area one
        // higher and the last one lower): the prospective cell of the second area is (1 + 0) / 2 of 4, 12.5.
        var prospective = colombia.Latest.Scores.Cell(v1.Areas[1].Id, CapacityDimension.Prospective)!;
        Assert.Equal(12.5, prospective.Score);
        // Technical went from 2 to 3 between the rounds: (50 + 25) / 2 = 37.5 to (75 + 50) / 2 = 62.5; political stayed.
        Assert.Equal(25, colombia.Change(v1.Areas[1].Id, CapacityDimension.Technical));
        Assert.Equal(0, colombia.Change(v1.Areas[1].Id, CapacityDimension.Political));

        // The gaps road maps will read: lowest first, each below the threshold, with what its next levels ask for.
        var gaps = await reader.GapsAsync(agenda, countries["CO"]);
        Assert.NotEmpty(gaps);
        Assert.All(gaps, g => Assert.True(g.Score < CapacityScoring.GapThreshold));
        Assert.Equal(gaps.OrderBy(g => g.Score).Select(g => g.Score), gaps.Select(g => g.Score));
        var gap = gaps.Single(g => g.AreaId == v1.Areas[1].Id && g.Dimension == CapacityDimension.Prospective);
        Assert.Equal((12.5, 0.5, 4), (gap.Score, gap.MeanLevel, gap.ScaleMax));
        Assert.Equal(secretariatMap.Round.Id, gap.RoundId);
        Assert.Equal(v1.Areas[1].Code, gap.AreaCode);
        Assert.StartsWith("Initial: isolated efforts", gap.Lacking.En);
        Assert.StartsWith("Inicial:", gap.Lacking.Es);
        Assert.Empty(await reader.GapsAsync(agenda, countries.Values.Max() + 1000));

        // Seeding again adds nothing.
        Assert.Equal(0, await DemoCapacities.SeedAsync(db, TimeProvider.System));
    }
}

public sealed class SqliteDemoCapacitiesTests() : DemoCapacitiesTests(DatabaseProvider.Sqlite);

public sealed class PostgresDemoCapacitiesTests() : DemoCapacitiesTests(DatabaseProvider.Postgres);
