using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Data;
using Xunit;

namespace Rumbo.TestSupport;

/// <summary>Tests against an empty, migrated database of their own, made before each test and removed after it.</summary>
public abstract class MigratedDatabaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        await using var db = Database.CreateContext();
        await RumboDatabase.MigrateAsync(db);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
