using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Rumbo.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Settings under the "Rumbo" section (Rumbo__Database, Rumbo__DataDirectory, ...).</summary>
public sealed class RumboOptions
{
    public const string Section = "Rumbo";

    /// <summary>"sqlite" (default) or "postgres".</summary>
    public string Database { get; set; } = "sqlite";

    /// <summary>Where the SQLite file, uploads and the mail pickup folder live; relative paths are taken from the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Fill an empty database with the demo data (the agendas of the source documents).</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>Apply pending migrations at start-up. Turn off when several instances share one database and a deploy step migrates.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// How often an instance asks the database whether published content changed, to serve cached pages in
    /// between. Changes made through another instance or the command line show within this time.
    /// </summary>
    public TimeSpan ContentCheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}

public static class RumboDatabase
{
    public const string ConnectionStringName = "Rumbo";

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Rumbo:Database must be 'sqlite' or 'postgres', not '{value}'."),
    };

    /// <summary>Resolves the provider and connection string from configuration, creating the data directory.</summary>
    public static (DatabaseProvider Provider, string ConnectionString, string DataDirectory) Resolve(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(RumboOptions.Section).Get<RumboOptions>() ?? new RumboOptions();
        var provider = ParseProvider(options.Database);
        var dataDirectory = Path.GetFullPath(Path.Combine(contentRoot, options.DataDirectory));
        Directory.CreateDirectory(dataDirectory);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Rumbo:Database is 'postgres' but ConnectionStrings:Rumbo is not set.");
            }
            connectionString = $"Data Source={Path.Combine(dataDirectory, "rumbo.db")}";
        }
        return (provider, connectionString, dataDirectory);
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString, o => o.MigrationsAssembly("Rumbo.Migrations.Sqlite"));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(connectionString, o => o.MigrationsAssembly("Rumbo.Migrations.Postgres"));
                break;
        }
    }

    public static IServiceCollection AddRumboDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString) =>
        services.AddDbContext<RumboDbContext>(b => Configure(b, provider, connectionString));
}
