using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Rumbo.Core.Data;
using Rumbo.Core.Exports;

namespace Rumbo.Core.Indicators;

/// <summary>What a bulk import did, or every problem that stopped it (then nothing was stored).</summary>
public sealed record BulkImportResult(int Rows, int Saved, int Unchanged, int Countries, IReadOnlyList<RowProblem> Problems, string? FileProblem, int? ImportId);

/// <summary>
/// The secretariat's import of a region's values (every country, in the template's columns, the country column
/// filled): each country's rows go through <see cref="ReportingCheck"/> exactly as a focal point's upload does, and
/// the whole file is stored in one transaction or not at all. The values are written in bulk (SQLite: one kept
/// statement; PostgreSQL: binary COPY into a temporary table, then one upsert), and the import itself is the audit
/// record: one <see cref="IndicatorImport"/> row (audited by the context) to which every value points. A file keeps each
/// country's rows together, as the per-country templates do, so that a million rows are checked a country at a time.
/// </summary>
public sealed class IndicatorBulkImport(RumboDbContext db, ReportingStore store, TimeProvider clock)
{
    public const int MaxProblems = 1000;

    public async Task<BulkImportResult> ImportAsync(int agendaId, Stream content, string fileName, ValueStatus status, int? personId, CancellationToken ct = default)
    {
        if (status is not (ValueStatus.Draft or ValueStatus.Approved)) throw new ArgumentOutOfRangeException(nameof(status));
        var (reader, fileProblem) = TableImport.Open(content, ReportingTemplate.SheetName);
        if (reader is null) return new BulkImportResult(0, 0, 0, 0, [], fileProblem, null);
        using var _ = reader;
        var header = reader.Header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var headerProblems = ReportingCheck.CheckHeader(header).ToList();
        if (!header.Contains(ReportingCheck.CountryColumn))
        {
            headerProblems.Add(new RowProblem(1, ReportingCheck.CountryColumn, new Validation.ValidationMessage("The column {0} is missing.", ReportingCheck.CountryColumn)));
        }
        if (headerProblems.Count > 0) return new BulkImportResult(0, 0, 0, 0, headerProblems, null, null);

        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            // Each upsert (which may abort on a key or a foreign key) writes a statement journal, by default to a
            // temporary file: strace showed one write a row and half the import's time in the kernel. In memory for the
            // import (SQLite takes this only outside a transaction); back to the default after it.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store = MEMORY", ct);
        }
        try
        {
            return await ImportInTransactionAsync(agendaId, reader, header, fileName, status, personId, ct);
        }
        finally
        {
            if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store = DEFAULT", CancellationToken.None);
        }
    }

    private async Task<BulkImportResult> ImportInTransactionAsync(int agendaId, TableReader reader, List<string> header, string fileName, ValueStatus status,
        int? personId, CancellationToken ct)
    {
        var indicators = await store.IndicatorsAsync(agendaId, ct);
        var versionIds = indicators.Values.Select(i => i.VersionId).ToList();
        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, ct);
        var round = await store.CurrentRoundAsync(agendaId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var lastYear = now.Year;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var import = new IndicatorImport { AgendaId = agendaId, FileName = Path.GetFileName(fileName), Status = status, AtUtc = now, PersonId = personId };
        db.IndicatorImports.Add(import);
        await db.SaveChangesAsync(ct);
        await using var writer = await BulkWriter.OpenAsync(db, import.Id, status, round?.Id, now, ct);

        var problems = new List<RowProblem>();
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int rows = 0, saved = 0, unchanged = 0;
        string? current = null;
        var batch = new List<ReportedRow>();

        async Task FlushAsync()
        {
            if (current is null || batch.Count == 0) return;
            if (!countries.TryGetValue(current, out var countryId))
            {
                problems.AddRange(batch.Select(r => new RowProblem(r.Row, ReportingCheck.CountryColumn, new Validation.ValidationMessage("{0} is not a country code.", current))));
            }
            else
            {
                var stored = await store.StoredAsync(versionIds, countryId, ct);
                var check = ReportingCheck.Check(indicators, stored, current, batch, lastYear);
                problems.AddRange(check.Problems);
                unchanged += check.Unchanged;
                // Once a problem is found nothing will be kept; the rest is still checked, to list every problem.
                if (problems.Count == 0)
                {
                    foreach (var v in check.Values) await writer.WriteAsync(countryId, v, ct);
                    await writer.EndBatchAsync(ct);
                    saved += check.Values.Count;
                }
            }
            done.Add(current);
            batch.Clear();
        }

        try
        {
            foreach (var r in ReportingTemplate.Reported(reader, header))
            {
                rows++;
                var country = r.Country?.Trim() ?? "";
                if (country.Length == 0)
                {
                    problems.Add(new RowProblem(r.Row, ReportingCheck.CountryColumn, "Give the country's code."));
                    continue;
                }
                if (!string.Equals(country, current, StringComparison.OrdinalIgnoreCase))
                {
                    await FlushAsync();
                    if (done.Contains(country))
                    {
                        problems.Add(new RowProblem(r.Row, ReportingCheck.CountryColumn,
                            new Validation.ValidationMessage("The rows of {0} must be together in the file, as in its template.", country)));
                        current = null;
                        continue;
                    }
                    current = country;
                }
                batch.Add(r);
                if (problems.Count >= MaxProblems) break;
            }
            await FlushAsync();
        }
        catch (InvalidDataException e)
        {
            return new BulkImportResult(rows, 0, 0, 0, problems, e.Message, null);
        }
        if (problems.Count > 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new BulkImportResult(rows, 0, unchanged, done.Count, problems.Take(MaxProblems).ToList(), null, null);
        }
        await writer.FinishAsync(ct);
        import.Rows = rows;
        import.Saved = saved;
        import.Countries = done.Count;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new BulkImportResult(rows, saved, unchanged, done.Count, [], null, import.Id);
    }

    /// <summary>Inserts or replaces values on the context's connection and transaction, the fastest way each database has.</summary>
    private abstract class BulkWriter : IAsyncDisposable
    {
        protected readonly RumboDbContext Db;
        protected readonly int ImportId;
        protected readonly string Status;
        protected readonly int? RoundId;
        protected readonly DateTime Now;

        protected BulkWriter(RumboDbContext db, int importId, ValueStatus status, int? roundId, DateTime now) =>
            (Db, ImportId, Status, RoundId, Now) = (db, importId, status.ToString(), roundId, now);

        public static async Task<BulkWriter> OpenAsync(RumboDbContext db, int importId, ValueStatus status, int? roundId, DateTime now, CancellationToken ct)
        {
            BulkWriter w = db.Database.IsNpgsql() ? new PostgresWriter(db, importId, status, roundId, now) : new SqliteWriter(db, importId, status, roundId, now);
            await w.StartAsync(ct);
            return w;
        }

        protected DbConnection Connection => Db.Database.GetDbConnection();
        protected DbTransaction? Transaction => Db.Database.CurrentTransaction?.GetDbTransaction();

        protected abstract Task StartAsync(CancellationToken ct);
        public abstract Task WriteAsync(int countryId, CheckedValue v, CancellationToken ct);

        /// <summary>Ends a country's writes, so that the connection is free for the next country's reads.</summary>
        public virtual Task EndBatchAsync(CancellationToken ct) => Task.CompletedTask;

        /// <summary>Completes the writes, then records one transition per approved value, from the values the import brought.</summary>
        public virtual async Task FinishAsync(CancellationToken ct)
        {
            if (Status != nameof(ValueStatus.Approved)) return;
            await using var cmd = Connection.CreateCommand();
            cmd.Transaction = Transaction;
            cmd.CommandText = """
                INSERT INTO "indicator_value_transitions" ("ValueId", "From", "To", "PersonId", "AtUtc", "Reason")
                SELECT "Id", 'Draft', 'Approved', NULL, @at, 'Imported by the secretariat' FROM "indicator_values" WHERE "ImportId" = @import
                """;
            Add(cmd, "@at", Now);
            Add(cmd, "@import", ImportId);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        protected static void Add(DbCommand cmd, string name, object? value)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }

        public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class SqliteWriter(RumboDbContext db, int importId, ValueStatus status, int? roundId, DateTime now) : BulkWriter(db, importId, status, roundId, now)
    {
        private DbCommand? cmd;
        private DbParameter[] p = [];

        protected override async Task StartAsync(CancellationToken ct)
        {
            if (Connection.State != System.Data.ConnectionState.Open) await Connection.OpenAsync(ct);
            // A million rows touch five B-trees: a 256 MB page cache for the import rather than the default 2 MB.
            await using (var pragma = Connection.CreateCommand())
            {
                pragma.Transaction = Transaction;
                pragma.CommandText = "PRAGMA cache_size = -262144;";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            cmd = Connection.CreateCommand();
            cmd.Transaction = Transaction;
            // The same text as EF Core writes dates in SQLite, so that queries compare them as it does.
            cmd.CommandText = """
                INSERT INTO "indicator_values" ("IndicatorVersionId", "CountryId", "Year", "Breakdown", "Value", "Source", "Notes", "EvidenceUrl", "Status", "Locked", "RoundId", "ImportId", "UpdatedAtUtc", "Version")
                VALUES ($v, $c, $y, $b, $val, $s, $n, $e, $st, $l, $r, $i, $at, 0)
                ON CONFLICT ("IndicatorVersionId", "CountryId", "Breakdown", "Year") WHERE "CountryId" IS NOT NULL
                DO UPDATE SET "Value" = excluded."Value", "Source" = excluded."Source", "Notes" = excluded."Notes", "EvidenceUrl" = excluded."EvidenceUrl",
                    "Status" = excluded."Status", "Locked" = excluded."Locked", "ImportId" = excluded."ImportId", "UpdatedAtUtc" = excluded."UpdatedAtUtc", "Version" = "Version" + 1
                """;
            p = new[] { "$v", "$c", "$y", "$b", "$val", "$s", "$n", "$e", "$st", "$l", "$r", "$i", "$at" }.Select(name =>
            {
                var x = cmd.CreateParameter();
                x.ParameterName = name;
                cmd.Parameters.Add(x);
                return x;
            }).ToArray();
            p[8].Value = Status;
            p[9].Value = Status == nameof(ValueStatus.Approved) ? 1 : 0;
            p[10].Value = (object?)RoundId ?? DBNull.Value;
            p[11].Value = ImportId;
            p[12].Value = Now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            await cmd.PrepareAsync(ct);
        }

        public override async Task WriteAsync(int countryId, CheckedValue v, CancellationToken ct)
        {
            p[0].Value = v.VersionId;
            p[1].Value = countryId;
            p[2].Value = v.Year;
            p[3].Value = v.Breakdown;
            p[4].Value = v.Value;
            p[5].Value = v.Source;
            p[6].Value = v.Notes;
            p[7].Value = (object?)v.Evidence ?? DBNull.Value;
            await cmd!.ExecuteNonQueryAsync(ct);
        }

        public override async ValueTask DisposeAsync()
        {
            if (cmd is not null) await cmd.DisposeAsync();
            await using var pragma = Connection.CreateCommand();
            pragma.CommandText = "PRAGMA cache_size = -2000;";
            await pragma.ExecuteNonQueryAsync();
        }
    }

    private sealed class PostgresWriter(RumboDbContext db, int importId, ValueStatus status, int? roundId, DateTime now) : BulkWriter(db, importId, status, roundId, now)
    {
        private NpgsqlBinaryImporter? copy;

        private NpgsqlConnection Npgsql => (NpgsqlConnection)Connection;

        protected override async Task StartAsync(CancellationToken ct)
        {
            await using (var create = Connection.CreateCommand())
            {
                create.Transaction = Transaction;
                create.CommandText = """
                    CREATE TEMPORARY TABLE "import_values" ("IndicatorVersionId" integer, "CountryId" integer, "Year" integer, "Breakdown" text, "Value" double precision,
                        "Source" text, "Notes" text, "EvidenceUrl" text) ON COMMIT DROP
                    """;
                await create.ExecuteNonQueryAsync(ct);
            }
        }

        public override async Task WriteAsync(int countryId, CheckedValue v, CancellationToken ct)
        {
            // One COPY a country: while it runs the connection takes no other command, and the next country's stored
            // values are read between two.
            copy ??= await Npgsql.BeginBinaryImportAsync("""COPY "import_values" FROM STDIN (FORMAT BINARY)""", ct);
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(v.VersionId, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(countryId, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(v.Year, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(v.Breakdown, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(v.Value, NpgsqlDbType.Double, ct);
            await copy.WriteAsync(v.Source, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(v.Notes, NpgsqlDbType.Text, ct);
            if (v.Evidence is null) await copy.WriteNullAsync(ct);
            else await copy.WriteAsync(v.Evidence, NpgsqlDbType.Text, ct);
        }

        public override async Task EndBatchAsync(CancellationToken ct)
        {
            if (copy is null) return;
            await copy.CompleteAsync(ct);
            await copy.DisposeAsync();
            copy = null;
        }

        public override async Task FinishAsync(CancellationToken ct)
        {
            await EndBatchAsync(ct);
            await using (var upsert = Connection.CreateCommand())
            {
                upsert.Transaction = Transaction;
                upsert.CommandText = """
                    INSERT INTO "indicator_values" ("IndicatorVersionId", "CountryId", "Year", "Breakdown", "Value", "Source", "Notes", "EvidenceUrl", "Status", "Locked", "RoundId", "ImportId", "UpdatedAtUtc", "Version")
                    SELECT "IndicatorVersionId", "CountryId", "Year", "Breakdown", "Value", "Source", "Notes", "EvidenceUrl", @st, @l, @r, @i, @at, 0 FROM "import_values"
                    ON CONFLICT ("IndicatorVersionId", "CountryId", "Breakdown", "Year") WHERE "CountryId" IS NOT NULL
                    DO UPDATE SET "Value" = excluded."Value", "Source" = excluded."Source", "Notes" = excluded."Notes", "EvidenceUrl" = excluded."EvidenceUrl",
                        "Status" = excluded."Status", "Locked" = excluded."Locked", "ImportId" = excluded."ImportId", "UpdatedAtUtc" = excluded."UpdatedAtUtc",
                        "Version" = "indicator_values"."Version" + 1
                    """;
                Add(upsert, "@st", Status);
                Add(upsert, "@l", Status == nameof(ValueStatus.Approved));
                Add(upsert, "@r", RoundId);
                Add(upsert, "@i", ImportId);
                Add(upsert, "@at", Now);
                upsert.CommandTimeout = 600;
                await upsert.ExecuteNonQueryAsync(ct);
            }
            await base.FinishAsync(ct);
        }

        public override async ValueTask DisposeAsync()
        {
            if (copy is not null) await copy.DisposeAsync();
        }
    }
}
