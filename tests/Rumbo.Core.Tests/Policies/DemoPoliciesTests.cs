using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Data;
using Rumbo.Core.Policies;
using Rumbo.Core.Seed;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.Policies;

/// <summary>The example policies, seeded as at start-up, on both providers.</summary>
public abstract class DemoPoliciesTests(DatabaseProvider provider) : IAsyncLifetime
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

    [Fact]
    public async Task A_dozen_examples_in_their_countries_languages_each_serving_lines_of_action()
    {
        await using var db = database.CreateContext();
        var policies = await db.Policies.AsNoTracking().Include(p => p.Country).Include(p => p.Lines).Include(p => p.StatusChanges).ToListAsync();
        Assert.Equal(12, policies.Count);
        Assert.All(policies, p => Assert.True(p.IsExample));
        Assert.All(policies, p => Assert.NotEmpty(p.Lines));
        Assert.All(policies, p => Assert.Equal(p.Status, p.StatusChanges.OrderBy(c => c.On).Last().To));
        Assert.All(policies.Where(p => p.Country!.Code == "BR"), p => Assert.Equal("pt", p.Language));
        Assert.All(policies.Where(p => p.Country!.Code != "BR"), p => Assert.Equal("es", p.Language));
        Assert.All(policies, p => Assert.False(string.IsNullOrWhiteSpace(p.Title.En)));
        Assert.True(policies.Count(p => p.IsPublished) >= 8);
        Assert.Contains(policies, p => p.Level == PolicyLevel.Subnational);
        Assert.Contains(policies, p => !p.IsPublished && p.Country!.Code == "UY");
        // Seeding again adds nothing.
        Assert.Equal(0, await DemoPolicies.SeedAsync(db));
    }
}

public sealed class SqliteDemoPoliciesTests() : DemoPoliciesTests(DatabaseProvider.Sqlite);

public sealed class PostgresDemoPoliciesTests() : DemoPoliciesTests(DatabaseProvider.Postgres);
