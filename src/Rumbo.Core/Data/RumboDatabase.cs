using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Agendas;
using Rumbo.Core.Auditing;

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

    /// <summary>The IANA zone times are shown in for a reader who has not chosen one (decision 0016).</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    public const string DefaultTimeZone = "America/Santiago";
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
        EnsureWritable(dataDirectory);
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

    /// <summary>
    /// Creates the data directory and writes and removes a small file in it, so that a folder that is read-only, full
    /// or not a folder stops Rumbo at start-up with a message naming it, rather than failing the first upload,
    /// sign-in (its keys live there) or SQLite write.
    /// </summary>
    public static void EnsureWritable(string dataDirectory)
    {
        var probe = Path.Combine(dataDirectory, $".rumbo-write-check-{Guid.NewGuid():n}");
        try
        {
            Directory.CreateDirectory(dataDirectory);
            using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                // A few pages rather than one byte: a file system with a little room left holds neither keys nor a database.
                file.Write(new byte[64 * 1024]);
                file.Flush(flushToDisk: true);
            }
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            try
            {
                if (File.Exists(probe)) File.Delete(probe);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The message below says what matters; a probe left behind in a full folder is harmless.
            }
            throw new InvalidOperationException(
                $"Rumbo:DataDirectory \"{dataDirectory}\" cannot be written ({e.Message}). Rumbo keeps its SQLite database, uploaded files, keys and mail there: give a folder that exists or can be created, is writable and has free space.", e);
        }
    }

    /// <summary>
    /// Applies the pending migrations; on SQLite, also puts the database file in write-ahead-log mode (a setting the
    /// file keeps). In that mode readers do not wait for a writer, and each query's read transaction costs less: a
    /// group's page served some 12 % more requests (decision 0019).
    /// </summary>
    public static async Task MigrateAsync(RumboDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <remarks>
    /// A list in a query (<c>ids.Contains(x.Id)</c>) goes to the database as one parameter (json_each on SQLite, = ANY
    /// on PostgreSQL) rather than EF Core's default of one parameter per element: with the default the SQL text
    /// depends on the list's length, so EF Core cannot keep the command it generated and builds it again under a lock
    /// on every request (a third of the lock waits in a profile of a group's page).
    /// </remarks>
    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString, o => o.MigrationsAssembly("Rumbo.Migrations.Sqlite").UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(connectionString, o => o.MigrationsAssembly("Rumbo.Migrations.Postgres").UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
        }
        builder.AddInterceptors(LocalizedTextProjection.Instance);
    }

    /// <summary>
    /// Contexts come from a pool, leased for a request's scope and returned when it ends. A context made afresh for each
    /// request built its options and resolved some forty internal services again (a tenth of a page's time in a
    /// profile of a group's page); a pooled one keeps them, and EF Core resets its state between leases.
    /// <para>
    /// The application's contexts skip EF Core's thread-safety check (decision 0020). It keeps a count in an async-local
    /// value that it sets twice per query, and each set copies every async-local value the request holds (culture,
    /// logging scope, ...): a short query cost 39 µs and 13.5 KB instead of 21 µs and 2.7 KB, a fifth of all that a
    /// group's page allocated. The check only reports a context used by two operations at once, a programming error;
    /// the contexts the tests make themselves (<see cref="Configure"/>) keep it.
    /// </para>
    /// </summary>
    public static IServiceCollection AddRumboDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        // One per application, made by the container so that it closes the connections the pooled contexts kept open
        // when the application stops.
        if (provider == DatabaseProvider.Sqlite) services.AddSingleton<SqliteStatements>();
        services.AddPooledDbContextFactory<RumboDbContext>((sp, b) =>
        {
            Configure(b, provider, connectionString);
            b.EnableThreadSafetyChecks(false);
            if (sp.GetService<SqliteStatements>() is { } statements) b.AddInterceptors(statements);
        });
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<RumboDbContext>>().CreateDbContext()
                .Lease(sp.GetService<IAuditActor>(), sp.GetService<TimeProvider>(), sp.GetService<ContentStamp>());
            sp.GetService<SqliteStatements>()?.Keep(db);
            return db;
        });
        return services;
    }
}
