using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rumbo.Core.Data;

/// <summary>
/// Keeps SQLite's compiled statements from one request to the next (decision 0018). Microsoft.Data.Sqlite compiles a
/// command's SQL each time a new command runs it, and EF Core makes a new command for every query: on a group's page
/// SQLite spent a quarter of the processor compiling the same sixteen statements again. Two parts:
/// <list type="bullet">
/// <item>Each pooled context keeps one connection open for its whole life in the pool (<see cref="Keep"/>), so what
/// SQLite compiled on it stays valid; EF Core closes only the connections it opened itself.</item>
/// <item>On a kept connection, a LINQ query runs on a command kept per SQL text, which SQLite compiled once.</item>
/// <item>A query's <c>LIMIT @p</c> is written into the kept statement as its number (decision 0020). SQLite plans with
/// the limit's value and so compiles a statement again whenever that parameter is bound, which Microsoft.Data.Sqlite
/// does on every run: the group page's five latest agreements took 128 µs instead of 21. A statement is kept per
/// limit value; the few values a page uses stay well inside <see cref="MaxPerConnection"/>.</item>
/// </list>
/// A connection stays with one context, and a context serves one request at a time, so nothing here is shared between
/// threads. Only SQLite: Npgsql prepares statements itself.
/// </summary>
public sealed class SqliteStatements : IDbCommandInterceptor, IDisposable
{
    /// <summary>Beyond this many statements on one connection, further ones run as EF Core runs them.</summary>
    public const int MaxPerConnection = 200;

    private sealed class Kept
    {
        public readonly Dictionary<string, SqliteCommand> Commands = new(StringComparer.Ordinal);
        public readonly Dictionary<SqliteCommand, DbDataReader> Readers = [];

        /// <summary>Each SQL text's LIMIT parameters, found once.</summary>
        public readonly Dictionary<string, string[]> Limits = new(StringComparer.Ordinal);
    }

    // EF Core writes a Take as "LIMIT @name" (a Skip alone as "LIMIT -1 OFFSET @name"; OFFSET does not make SQLite
    // compile again, measured).
    private static readonly Regex LimitParameter = new(@"\bLIMIT (@\w+)", RegexOptions.CultureInvariant);

    private readonly ConditionalWeakTable<SqliteConnection, Kept> kept = [];
    private readonly List<SqliteConnection> open = [];
    private bool disposed;

    /// <summary>
    /// Gives the context a connection of its own, open, the first time it is leased; later leases find it open. EF Core
    /// made the connection (with the functions it registers on it) and is told it no longer owns it, so that returning
    /// the context to the pool leaves it open.
    /// </summary>
    public void Keep(RumboDbContext db)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection connection || kept.TryGetValue(connection, out _)) return;
        db.Database.SetDbConnection(null, contextOwnsConnection: false);
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        connection.Open();
        // What EF Core does on each connection it opens itself.
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA foreign_keys=ON;";
            pragma.ExecuteNonQuery();
        }
        kept.Add(connection, new Kept());
        lock (open)
        {
            if (disposed)
            {
                connection.Close();
                throw new ObjectDisposedException(nameof(SqliteStatements));
            }
            open.Add(connection);
        }
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Run(command, eventData) is { } reader ? InterceptionResult<DbDataReader>.SuppressWithResult(reader) : result;

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    private SqliteDataReader? Run(DbCommand command, CommandEventData eventData)
    {
        // Only kept connections: on one EF Core closes, the connection would finalize the statements at each close.
        if (eventData.CommandSource != CommandSource.LinqQuery
            || command is not SqliteCommand { Connection: { State: ConnectionState.Open } connection } given
            || !kept.TryGetValue(connection, out var mine))
        {
            return null;
        }
        if (!mine.Limits.TryGetValue(given.CommandText, out var limits))
        {
            if (mine.Limits.Count >= MaxPerConnection) return null;
            limits = LimitParameter.Matches(given.CommandText).Select(m => m.Groups[1].Value).Distinct().ToArray();
            mine.Limits.Add(given.CommandText, limits);
        }
        var text = given.CommandText;
        if (limits.Length > 0)
        {
            var values = new Dictionary<string, string>(limits.Length, StringComparer.Ordinal);
            foreach (SqliteParameter p in given.Parameters)
            {
                // Only a whole number is written into the text.
                if (Array.IndexOf(limits, p.ParameterName) >= 0 && p.Value is int or long)
                    values[p.ParameterName] = Convert.ToInt64(p.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            }
            // Anything else runs as EF Core runs it.
            if (values.Count < limits.Length) return null;
            text = LimitParameter.Replace(text, m => "LIMIT " + values[m.Groups[1].Value]);
        }
        if (!mine.Commands.TryGetValue(text, out var cached))
        {
            if (mine.Commands.Count >= MaxPerConnection) return null;
            cached = new SqliteCommand(text, connection);
            mine.Commands.Add(text, cached);
        }
        // The same statement still being read (a query run inside another's loop) runs on EF Core's own command.
        if (mine.Readers.TryGetValue(cached, out var previous) && !previous.IsClosed) return null;
        cached.Transaction = given.Transaction;
        cached.CommandTimeout = given.CommandTimeout;
        cached.Parameters.Clear();
        // The parameters as EF Core made and typed them; its own command clears its list when the reader closes. A limit
        // parameter stays when the text still uses it elsewhere: EF Core writes "LIMIT @p OFFSET @p" when a page's skip
        // equals its take (page 2).
        foreach (SqliteParameter p in given.Parameters)
        {
            if (Array.IndexOf(limits, p.ParameterName) < 0 || Regex.IsMatch(text, Regex.Escape(p.ParameterName) + @"\b")) cached.Parameters.Add(p);
        }
        var reader = cached.ExecuteReader();
        mine.Readers[cached] = reader;
        return reader;
    }

    public void Dispose()
    {
        lock (open)
        {
            disposed = true;
            foreach (var connection in open) connection.Dispose();
            open.Clear();
        }
    }
}
