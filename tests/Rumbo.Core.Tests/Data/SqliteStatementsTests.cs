using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.People;
using Rumbo.TestSupport;
using SQLitePCL;

namespace Rumbo.Core.Tests.Data;

/// <summary>
/// On SQLite each pooled context keeps its connection open and its queries' compiled statements between requests
/// (decision 0018). What a request reads must still be what the database holds, and writes keep their rules.
/// </summary>
public sealed class SqliteStatementsTests() : MigratedDatabaseTests(DatabaseProvider.Sqlite)
{
    private const int StatementRecompiled = 5;

    private ServiceProvider Application()
    {
        var services = new ServiceCollection();
        services.AddRumboDatabase(DatabaseProvider.Sqlite, Database.ConnectionString);
        return services.BuildServiceProvider();
    }

    private static async Task<T> InRequest<T>(ServiceProvider app, Func<RumboDbContext, Task<T>> read)
    {
        await using var scope = app.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<RumboDbContext>());
    }

    private static Task<List<string>> CodesAfter(RumboDbContext db, string after) =>
        db.Countries.Where(c => string.Compare(c.Code, after) > 0).OrderBy(c => c.Code).Select(c => c.Code).ToListAsync();

    private async Task AddCountryElsewhere(string code)
    {
        await using var other = Database.CreateContext();
        other.Countries.Add(new Country { Code = code, Code3 = code + "X", Name = new LocalizedText { Source = code } });
        await other.SaveChangesAsync();
    }

    [Fact]
    public async Task A_context_keeps_its_connection_open_between_requests_and_reads_what_changed_meanwhile()
    {
        await using var app = Application();
        await AddCountryElsewhere("AA");
        var (first, connection) = await InRequest(app, async db => (await CodesAfter(db, ""), db.Database.GetDbConnection()));
        Assert.Equal(["AA"], first);
        Assert.Equal(ConnectionState.Open, connection.State);

        // Written through another connection: the kept one holds no snapshot from the last request.
        await AddCountryElsewhere("BB");
        var (second, again) = await InRequest(app, async db => (await CodesAfter(db, ""), db.Database.GetDbConnection()));
        Assert.Same(connection, again);
        Assert.Equal(["AA", "BB"], second);
        Assert.Equal(ConnectionState.Open, connection.State);
    }

    [Fact]
    public async Task A_kept_statement_takes_each_request_s_own_values()
    {
        await using var app = Application();
        foreach (var code in new[] { "AA", "BB", "CC" }) await AddCountryElsewhere(code);

        Assert.Equal(["BB", "CC"], await InRequest(app, db => CodesAfter(db, "AA")));
        Assert.Equal(["CC"], await InRequest(app, db => CodesAfter(db, "BB")));
        Assert.Empty(await InRequest(app, db => CodesAfter(db, "CC")));
        Assert.Equal(["AA", "BB", "CC"], await InRequest(app, db => CodesAfter(db, "")));
    }

    [Fact]
    public async Task A_take_is_kept_per_value_and_SQLite_does_not_compile_its_statement_again_on_each_request()
    {
        await using var app = Application();
        foreach (var code in new[] { "AA", "BB", "CC" }) await AddCountryElsewhere(code);
        static Task<List<string>> First(RumboDbContext db, int n) =>
            db.Countries.Where(c => string.Compare(c.Code, "") > 0).OrderBy(c => c.Code).Select(c => c.Code).Take(n).ToListAsync();
        // The one kept connection, made to list the statements compiled on it from now on.
        var connection = (SqliteConnection)await InRequest(app, db => Task.FromResult(db.Database.GetDbConnection()));
        connection.Handle!.enable_sqlite3_next_stmt(true);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(["AA", "BB"], await InRequest(app, db => First(db, 2)));
            Assert.Equal(["AA"], await InRequest(app, db => First(db, 1)));
            Assert.Equal(["AA", "BB", "CC"], await InRequest(app, db => First(db, 10)));
        }

        // SQLite counts, per statement (SQLITE_STMTSTATUS_REPREPARE, which SQLitePCLRaw does not name), how often it had to compile it again; a LIMIT bound as a parameter made it
        // do so on every run.
        Assert.Same(connection, await InRequest(app, db => Task.FromResult(db.Database.GetDbConnection())));
        var kept = new List<(string Sql, int Compiled)>();
        for (var stmt = raw.sqlite3_next_stmt(connection.Handle, null); stmt is not null && !stmt.IsInvalid; stmt = raw.sqlite3_next_stmt(connection.Handle, stmt))
        {
            kept.Add((raw.sqlite3_sql(stmt).utf8_to_string(), raw.sqlite3_stmt_status(stmt, StatementRecompiled, 0)));
        }
        var takes = kept.Where(s => s.Sql.Contains("FROM \"countries\"", StringComparison.Ordinal) && s.Sql.Contains("LIMIT", StringComparison.Ordinal)).ToList();
        Assert.Equal(["LIMIT 1", "LIMIT 10", "LIMIT 2"], takes.Select(s => s.Sql[s.Sql.IndexOf("LIMIT", StringComparison.Ordinal)..].Trim()).Order(StringComparer.Ordinal));
        Assert.All(takes, s => Assert.Equal(0, s.Compiled));
    }

    [Fact]
    public async Task The_same_statement_run_inside_its_own_loop_gives_both_answers()
    {
        await using var app = Application();
        foreach (var code in new[] { "AA", "BB" }) await AddCountryElsewhere(code);

        var pairs = await InRequest(app, async db =>
        {
            var found = new List<string>();
            await foreach (var code in db.Countries.Where(c => string.Compare(c.Code, "") > 0).OrderBy(c => c.Code).Select(c => c.Code).AsAsyncEnumerable())
            {
                found.Add(code + ":" + string.Join(",", await CodesAfter(db, code)));
            }
            return found;
        });

        Assert.Equal(["AA:BB", "BB:"], pairs);
    }

    [Fact]
    public async Task Foreign_keys_are_enforced_on_a_kept_connection()
    {
        await using var app = Application();
        await InRequest(app, db => CodesAfter(db, ""));

        var refused = await InRequest(app, async db =>
        {
            db.People.Add(new Person { GivenName = "Nobody", FamilyName = "Anywhere", InstitutionId = 999_999 });
            return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });

        Assert.Contains("FOREIGN KEY", refused.InnerException?.Message ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transaction_left_open_by_a_failed_request_is_rolled_back_and_not_carried_into_the_next()
    {
        await using var app = Application();
        var connection = await InRequest(app, async db =>
        {
            await db.Database.BeginTransactionAsync();
            db.Countries.Add(new Country { Code = "ZZ", Code3 = "ZZZ", Name = new LocalizedText { Source = "Never" } });
            await db.SaveChangesAsync();
            return (SqliteConnection)db.Database.GetDbConnection();
        });

        Assert.Empty(await InRequest(app, db => CodesAfter(db, "")));
        Assert.True(connection.State != ConnectionState.Open || SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) != 0);
        await AddCountryElsewhere("AA");
        Assert.Equal(["AA"], await InRequest(app, db => CodesAfter(db, "")));
    }

    [Fact]
    public async Task Stopping_the_application_closes_the_kept_connections()
    {
        var app = Application();
        var connection = await InRequest(app, async db =>
        {
            await CodesAfter(db, "");
            return db.Database.GetDbConnection();
        });
        Assert.Equal(ConnectionState.Open, connection.State);

        await app.DisposeAsync();

        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public async Task A_migrated_database_file_is_in_write_ahead_log_mode_and_its_readers_see_only_committed_writes()
    {
        await using var app = Application();
        Assert.Equal("wal", await InRequest(app, db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync()) is [var mode] ? mode : null);

        // A write not yet committed on another connection is not read; once committed, the kept connection reads it.
        await using var writer = new SqliteConnection(Database.ConnectionString);
        await writer.OpenAsync();
        await using var tx = (SqliteTransaction)await writer.BeginTransactionAsync();
        await using (var insert = writer.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO countries (Code, Code3, Name_Source, Subregion, Status) VALUES ('QW', 'QWX', 'QW', 'Caribbean', 'Member')";
            await insert.ExecuteNonQueryAsync();
        }
        Assert.DoesNotContain("QW", await InRequest(app, db => CodesAfter(db, "QA")));
        await tx.CommitAsync();
        Assert.Contains("QW", await InRequest(app, db => CodesAfter(db, "QA")));
    }
}
