using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Data;
using Rumbo.Core.Seed;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.Data;

/// <summary>The one save with a version check, on both providers: a stale or raced save saves nothing and says so.</summary>
public abstract class VersionedSaveTests(DatabaseProvider provider) : IAsyncLifetime
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

    private async Task<(int Id, int Version)> AGroupAsync()
    {
        await using var db = database.CreateContext();
        var g = await db.Groups.AsNoTracking().OrderBy(g => g.Id).Select(g => new { g.Id, g.Version }).FirstAsync();
        return (g.Id, g.Version);
    }

    [Fact]
    public async Task Saves_and_bumps_the_version_when_nobody_saved_since_it_was_read()
    {
        var (id, version) = await AGroupAsync();
        await using (var db = database.CreateContext())
        {
            var group = await db.Groups.SingleAsync(g => g.Id == id);
            group.Name.En = "Saved once";
            Assert.True(await db.SaveIfVersionAsync(group, g => g.Version, version, CancellationToken.None));
        }
        await using var check = database.CreateContext();
        var saved = await check.Groups.AsNoTracking().SingleAsync(g => g.Id == id);
        Assert.Equal(("Saved once", version + 1), (saved.Name.En, saved.Version));
    }

    [Fact]
    public async Task A_stale_version_saves_nothing_and_leaves_nothing_tracked()
    {
        var (id, version) = await AGroupAsync();
        await using (var db = database.CreateContext())
        {
            var group = await db.Groups.SingleAsync(g => g.Id == id);
            group.Name.En = "Stale";
            Assert.False(await db.SaveIfVersionAsync(group, g => g.Version, version - 1, CancellationToken.None));
            Assert.Empty(db.ChangeTracker.Entries());
        }
        await using var check = database.CreateContext();
        var saved = await check.Groups.AsNoTracking().SingleAsync(g => g.Id == id);
        Assert.NotEqual("Stale", saved.Name.En);
        Assert.Equal(version, saved.Version);
    }

    [Fact]
    public async Task Of_two_editors_who_read_the_same_version_only_the_first_saves()
    {
        var (id, version) = await AGroupAsync();
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = await first.Groups.SingleAsync(g => g.Id == id);
        var b = await second.Groups.SingleAsync(g => g.Id == id);
        a.Name.En = "First";
        b.Name.En = "Second";
        Assert.True(await first.SaveIfVersionAsync(a, g => g.Version, version, CancellationToken.None));
        // The second still holds the version it read, so only the database can tell that it lost.
        Assert.False(await second.SaveIfVersionAsync(b, g => g.Version, version, CancellationToken.None));
        Assert.Empty(second.ChangeTracker.Entries());
        await using var check = database.CreateContext();
        var saved = await check.Groups.AsNoTracking().SingleAsync(g => g.Id == id);
        Assert.Equal(("First", version + 1), (saved.Name.En, saved.Version));
    }
}

public sealed class SqliteVersionedSaveTests() : VersionedSaveTests(DatabaseProvider.Sqlite);

public sealed class PostgresVersionedSaveTests() : VersionedSaveTests(DatabaseProvider.Postgres);
