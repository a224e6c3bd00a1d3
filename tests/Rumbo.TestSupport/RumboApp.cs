using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Rumbo.Core.Data;
using Xunit;

namespace Rumbo.TestSupport;

/// <summary>
/// Rumbo in-process on a new database of the given provider, migrated and filled with the demo data at start-up
/// exactly as the run command does.
/// </summary>
public class RumboApp(DatabaseProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public DatabaseProvider Provider => provider;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Rumbo:Database", provider == DatabaseProvider.Postgres ? "postgres" : "sqlite");
        builder.UseSetting("ConnectionStrings:Rumbo", Database.ConnectionString);
        builder.UseSetting("Rumbo:DataDirectory", Database.Directory);
        // Tests change content behind the site's back (as the command line does) and look at once.
        builder.UseSetting("Rumbo:ContentCheckInterval", "00:00:00");
        // The in-memory server's own address, as a site's public address is set in production.
        builder.UseSetting("Rumbo:Mail:SiteUrl", SiteUrl);
    }

    /// <summary>The public address mailed links point at.</summary>
    protected virtual string SiteUrl => "http://localhost";

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class SqliteApp() : RumboApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : RumboApp(DatabaseProvider.Postgres);
