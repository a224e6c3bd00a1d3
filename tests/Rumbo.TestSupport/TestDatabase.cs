using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rumbo.Core.Data;

namespace Rumbo.TestSupport;

/// <summary>
/// A new, empty database for one test class, on SQLite (a temporary file) or PostgreSQL (a new database on the
/// server named by RUMBO_TEST_POSTGRES, which the test command starts). Dropped when disposed.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "RUMBO_TEST_POSTGRES";

    private TestDatabase(DatabaseProvider provider, string connectionString, string directory, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Directory = directory;
        PostgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    /// <summary>A temporary data directory that goes with the database.</summary>
    public string Directory { get; }
    private string? PostgresName { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), "rumbo-tests", Guid.NewGuid().ToString("n"));
        System.IO.Directory.CreateDirectory(directory);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, $"Data Source={Path.Combine(directory, "rumbo.db")}", directory, null);
        }
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with ./test.sh, which starts PostgreSQL on loopback and sets it.");
        }
        var name = "rumbo_test_" + Guid.NewGuid().ToString("n")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, directory, name);
    }

    public RumboDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<RumboDbContext>();
        RumboDatabase.Configure(options, Provider, ConnectionString);
        return new RumboDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (PostgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {PostgresName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a late finalizer is left in the temp folder; it holds only test data.
        }
    }
}
