using System.Data.Common;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
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
/// the whole file is stored in one transaction or not at all. The values are written in bulk (SQLite: a statement of
/// 400 rows as JSON; PostgreSQL: new values by binary COPY straight into the table, those replacing stored ones through a
/// temporary table and one upsert), and the import itself is the audit record: one <see cref="IndicatorImport"/> row
/// (audited by the context) to which every value points, and, when approved, the values' transition. A value the import
/// changes loses the evidence file the country had attached (it was the evidence of another number). A file keeps each
/// country's rows together, as the per-country templates do, so that a million rows are checked a country at a time.
/// </summary>
public sealed class IndicatorBulkImport(RumboDbContext db, IDbContextFactory<RumboDbContext> contexts, ReportingStore store, TimeProvider clock)
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

    /// <summary>A country's rows, checked and ready to write.</summary>
    private sealed record CountryChecked(int CountryId, IReadOnlyList<CheckedValue> Values);

    /// <summary>What reading and checking the file found.</summary>
    private sealed class Reading
    {
        public int Rows;
        public int Unchanged;
        public string? FileProblem;
        public readonly List<RowProblem> Problems = [];
        public readonly HashSet<string> Done = new(StringComparer.OrdinalIgnoreCase);
    }

    private async Task<BulkImportResult> ImportInTransactionAsync(int agendaId, TableReader reader, List<string> header, string fileName, ValueStatus status,
        int? personId, CancellationToken ct)
    {
        var indicators = await store.IndicatorsAsync(agendaId, ct);
        var versionIds = indicators.Values.Select(i => i.VersionId).ToList();
        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, ct);
        var round = await store.CurrentRoundAsync(agendaId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var import = new IndicatorImport { AgendaId = agendaId, FileName = Path.GetFileName(fileName), Status = status, AtUtc = now, PersonId = personId };
        db.IndicatorImports.Add(import);
        await db.SaveChangesAsync(ct);
        await using var writer = await BulkWriter.OpenAsync(db, import.Id, status, round?.Id, now, ct);

        // The file is read and checked a country at a time on another thread, which reads what each country has stored
        // on a context of its own (the committed values: the countries written before it in this transaction are other
        // countries), while this thread writes the countries already checked. On two cores the checks and the
        // database's work overlap; two countries at most wait between them.
        var reading = new Reading();
        var channel = Channel.CreateBounded<CountryChecked>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(() => ReadAndCheckAsync(reader, header, indicators, versionIds, countries, now.Year, reading, channel.Writer, stop.Token), stop.Token);
        var saved = 0;
        try
        {
            await foreach (var country in channel.Reader.ReadAllAsync(ct))
            {
                await writer.WriteCountryAsync(country.CountryId, country.Values, ct);
                saved += country.Values.Count;
            }
        }
        catch (Exception e)
        {
            await stop.CancelAsync();
            try { await producer; }
            catch (Exception) when (stop.IsCancellationRequested) { }
            if (!IsSavedMeanwhile(e)) throw;
            return await SavedMeanwhileAsync(writer, transaction, reading, ct);
        }
        await producer;
        if (reading.FileProblem is not null) return new BulkImportResult(reading.Rows, 0, 0, 0, reading.Problems, reading.FileProblem, null);
        if (reading.Problems.Count > 0)
        {
            // Countries checked before the first problem may have been written (on PostgreSQL, into a COPY still open).
            await writer.DisposeAsync();
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new BulkImportResult(reading.Rows, 0, reading.Unchanged, reading.Done.Count, reading.Problems.Take(MaxProblems).ToList(), null, null);
        }
        try
        {
            await writer.FinishAsync(ct);
        }
        catch (Exception e) when (IsSavedMeanwhile(e))
        {
            return await SavedMeanwhileAsync(writer, transaction, reading, ct);
        }
        import.Rows = reading.Rows;
        import.Saved = saved;
        import.Countries = reading.Done.Count;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new BulkImportResult(reading.Rows, saved, reading.Unchanged, reading.Done.Count, [], null, import.Id);
    }

    /// <summary>The import refused because values of the file were saved by someone else while it ran: nothing is kept.</summary>
    private async Task<BulkImportResult> SavedMeanwhileAsync(BulkWriter writer, IDbContextTransaction transaction, Reading reading, CancellationToken ct)
    {
        await writer.DisposeAsync();
        await transaction.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        return new BulkImportResult(reading.Rows, 0, 0, 0, [], "Values of this file were saved by someone else while it was imported; nothing was stored. Import it again.", null);
    }

    /// <summary>Reads the file's rows, checks each country's through <see cref="ReportingCheck"/> and hands on those to write.</summary>
    private async Task ReadAndCheckAsync(TableReader reader, List<string> header, IReadOnlyDictionary<string, ReportingIndicator> indicators,
        List<int> versionIds, Dictionary<string, int> countries, int lastYear, Reading reading, ChannelWriter<CountryChecked> output, CancellationToken ct)
    {
        try
        {
            await using var context = await contexts.CreateDbContextAsync(ct);
            var problems = reading.Problems;
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
                    var stored = await ReportingStore.StoredAsync(context, versionIds, countryId, ct);
                    var check = ReportingCheck.Check(indicators, stored, current, batch, lastYear);
                    problems.AddRange(check.Problems);
                    reading.Unchanged += check.Unchanged;
                    // Once a problem is found nothing will be kept; the rest is still checked, to list every problem.
                    if (problems.Count == 0) await output.WriteAsync(new CountryChecked(countryId, check.Values), ct);
                }
                reading.Done.Add(current);
                batch.Clear();
            }

            try
            {
                foreach (var r in ReportingTemplate.Reported(reader, header))
                {
                    reading.Rows++;
                    var country = r.Country?.Trim() ?? "";
                    if (country.Length == 0)
                    {
                        problems.Add(new RowProblem(r.Row, ReportingCheck.CountryColumn, "Give the country's code."));
                        continue;
                    }
                    if (!string.Equals(country, current, StringComparison.OrdinalIgnoreCase))
                    {
                        await FlushAsync();
                        if (reading.Done.Contains(country))
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
                reading.FileProblem = e.Message;
            }
            output.TryComplete();
        }
        catch (Exception e)
        {
            output.TryComplete(e);
            throw;
        }
    }

    /// <summary>The reason an approved import's transition from draft to approved gives, stored or implied.</summary>
    public const string ImportedReason = "Imported by the secretariat";

    /// <summary>
    /// Writes out, as <see cref="ValueTransition"/> rows, the approval that the earlier import of each of these values
    /// stands for (its <c>ImportId</c> is about to be replaced): the only transitions an approved import writes row by row,
    /// for the values it replaces. Followed by the list of the values' ids (a subquery or a JSON array's reading).
    /// </summary>
    private const string KeepEarlierImportTransitions = $"""
        INSERT INTO "indicator_value_transitions" ("ValueId", "From", "To", "PersonId", "AtUtc", "Reason")
        SELECT v."Id", 'Draft', 'Approved', i."PersonId", i."AtUtc", '{ImportedReason}'
        FROM "indicator_values" v JOIN "indicator_imports" i ON i."Id" = v."ImportId"
        WHERE i."Status" = 'Approved' AND v."Id" IN
        """;

    /// <summary>
    /// Inserts or replaces values on the context's connection and transaction, the fastest way each database has. An
    /// approved import writes no transition a value: the import itself (status, time, person) is the transition of every
    /// value that points to it, and the reporting page shows it with the value's own (decision 0031).
    /// </summary>
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

        /// <summary>Writes one country's checked values (new ones, and those replacing a stored draft or returned value).</summary>
        public abstract Task WriteCountryAsync(int countryId, IReadOnlyList<CheckedValue> values, CancellationToken ct);

        public abstract Task FinishAsync(CancellationToken ct);

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
        /// <summary>
        /// Rows a statement inserts, handed to SQLite as one JSON array that <c>json_each</c> reads in C. One statement a
        /// row cost more in Microsoft.Data.Sqlite (binding by name, stepping, resetting: about 15 µs) than SQLite spent in
        /// its B-trees; a statement of many rows with a parameter for each cell spent most of its time finding parameters
        /// by name (a linear search each). 400 rows keep the JSON text (about 70 characters a row) under the 85,000 bytes
        /// from which .NET allocates on the large object heap, which only a full collection frees.
        /// </summary>
        private const int RowsPerStatement = 400;

        private readonly ArrayBufferWriter<byte> json = new(128 * 1024);
        private readonly List<int> replaced = [];
        private Utf8JsonWriter? rows;
        private int count;
        private DbCommand? cmd;
        private DbCommand? keep;
        private bool disposed;

        protected override async Task StartAsync(CancellationToken ct)
        {
            if (Connection.State != System.Data.ConnectionState.Open) await Connection.OpenAsync(ct);
            // A million rows touch several B-trees: a 256 MB page cache for the import rather than the default 2 MB.
            await using (var pragma = Connection.CreateCommand())
            {
                pragma.Transaction = Transaction;
                pragma.CommandText = "PRAGMA cache_size = -262144;";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            cmd = Connection.CreateCommand();
            cmd.Transaction = Transaction;
            // "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join of the SELECT.
            cmd.CommandText = """
                INSERT INTO "indicator_values" ("IndicatorVersionId", "CountryId", "Year", "Breakdown", "Value", "Source", "Notes", "EvidenceUrl", "Status", "Locked", "RoundId", "ImportId", "UpdatedAtUtc", "Version")
                SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, $st, $l, $r, $i, $at, 0
                FROM json_each($rows) WHERE true
                ON CONFLICT ("IndicatorVersionId", "CountryId", "Breakdown", "Year")
                DO UPDATE SET "Value" = excluded."Value", "Source" = excluded."Source", "Notes" = excluded."Notes", "EvidenceUrl" = excluded."EvidenceUrl", "EvidenceFileId" = NULL,
                    "Status" = excluded."Status", "Locked" = excluded."Locked", "ImportId" = excluded."ImportId", "UpdatedAtUtc" = excluded."UpdatedAtUtc", "Version" = "Version" + 1
                """;
            Add(cmd, "$st", Status);
            Add(cmd, "$l", Status == nameof(ValueStatus.Approved) ? 1 : 0);
            Add(cmd, "$r", RoundId);
            Add(cmd, "$i", ImportId);
            // The same text as EF Core writes dates in SQLite, so that queries compare them as it does.
            Add(cmd, "$at", Now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
            Add(cmd, "$rows", null);
            await cmd.PrepareAsync(ct);
        }

        public override async Task WriteCountryAsync(int countryId, IReadOnlyList<CheckedValue> values, CancellationToken ct)
        {
            foreach (var v in values)
            {
                if (rows is null)
                {
                    rows = new Utf8JsonWriter(json);
                    rows.WriteStartArray();
                }
                rows.WriteStartArray();
                rows.WriteNumberValue(v.VersionId);
                rows.WriteNumberValue(countryId);
                rows.WriteNumberValue(v.Year);
                rows.WriteStringValue(v.Breakdown);
                rows.WriteNumberValue(v.Value);
                rows.WriteStringValue(v.Source);
                rows.WriteStringValue(v.Notes);
                if (v.Evidence is null) rows.WriteNullValue();
                else rows.WriteStringValue(v.Evidence);
                rows.WriteEndArray();
                if (v.StoredId is int id) replaced.Add(id);
                if (++count == RowsPerStatement) await FlushAsync(ct);
            }
        }

        public override Task FinishAsync(CancellationToken ct) => FlushAsync(ct);

        private async Task FlushAsync(CancellationToken ct)
        {
            if (rows is null) return;
            rows.WriteEndArray();
            await rows.FlushAsync(ct);
            await rows.DisposeAsync();
            rows = null;
            if (replaced.Count > 0)
            {
                if (keep is null)
                {
                    keep = Connection.CreateCommand();
                    keep.Transaction = Transaction;
                    keep.CommandText = KeepEarlierImportTransitions + " (SELECT value FROM json_each($ids))";
                    Add(keep, "$ids", null);
                }
                keep.Parameters["$ids"].Value = JsonSerializer.Serialize(replaced);
                await keep.ExecuteNonQueryAsync(ct);
                replaced.Clear();
            }
            cmd!.Parameters["$rows"].Value = Encoding.UTF8.GetString(json.WrittenSpan);
            json.ResetWrittenCount();
            count = 0;
            await cmd.ExecuteNonQueryAsync(ct);
        }

        public override async ValueTask DisposeAsync()
        {
            if (disposed) return;
            disposed = true;
            if (rows is not null) await rows.DisposeAsync();
            if (cmd is not null) await cmd.DisposeAsync();
            if (keep is not null) await keep.DisposeAsync();
            await using var pragma = Connection.CreateCommand();
            pragma.CommandText = "PRAGMA cache_size = -2000;";
            await pragma.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// New values go by binary COPY straight into the values table (no temporary table, no upsert: the check found no
    /// stored value for them); the values that replace stored ones go by COPY into a temporary table and one upsert from it
    /// at the end. A value saved by someone else between the check and the COPY breaks the unique index: the import is then
    /// refused as a whole (<see cref="IsSavedMeanwhile"/>), as any other conflict.
    /// </summary>
    private sealed class PostgresWriter(RumboDbContext db, int importId, ValueStatus status, int? roundId, DateTime now) : BulkWriter(db, importId, status, roundId, now)
    {
        private NpgsqlBinaryImporter? copy;
        private bool copyIntoValues;
        private bool anyReplaced;
        private readonly List<CheckedValue> replacing = [];

        private NpgsqlConnection Npgsql => (NpgsqlConnection)Connection;

        protected override async Task StartAsync(CancellationToken ct)
        {
            await using var create = Connection.CreateCommand();
            create.Transaction = Transaction;
            create.CommandText = """
                CREATE TEMPORARY TABLE "import_values" ("Id" integer, "IndicatorVersionId" integer, "CountryId" integer, "Year" integer, "Breakdown" text,
                    "Value" double precision, "Source" text, "Notes" text, "EvidenceUrl" text) ON COMMIT DROP
                """;
            await create.ExecuteNonQueryAsync(ct);
        }

        /// <summary>A connection takes one COPY at a time: the one open is completed before another starts.</summary>
        private async Task<NpgsqlBinaryImporter> CopyAsync(bool intoValues, CancellationToken ct)
        {
            if (copy is not null && copyIntoValues == intoValues) return copy;
            await CompleteCopyAsync(ct);
            copy = await Npgsql.BeginBinaryImportAsync(intoValues
                ? """COPY "indicator_values" ("IndicatorVersionId", "CountryId", "Year", "Breakdown", "Value", "Source", "Notes", "EvidenceUrl", "Status", "Locked", "RoundId", "ImportId", "UpdatedAtUtc", "Version") FROM STDIN (FORMAT BINARY)"""
                : """COPY "import_values" FROM STDIN (FORMAT BINARY)""", ct);
            copyIntoValues = intoValues;
            return copy;
        }

        private async Task CompleteCopyAsync(CancellationToken ct)
        {
            if (copy is null) return;
            await copy.CompleteAsync(ct);
            await copy.DisposeAsync();
            copy = null;
        }

        public override async Task WriteCountryAsync(int countryId, IReadOnlyList<CheckedValue> values, CancellationToken ct)
        {
            // One COPY for the new values of all the countries, as long as none replaces a stored value: the stored values
            // are read on the checking thread's own connection, so this one takes no other command meanwhile.
            var approved = Status == nameof(ValueStatus.Approved);
            foreach (var v in values)
            {
                if (v.StoredId is not null)
                {
                    replacing.Add(v);
                    continue;
                }
                var c = await CopyAsync(intoValues: true, ct);
                await c.StartRowAsync(ct);
                await c.WriteAsync(v.VersionId, NpgsqlDbType.Integer, ct);
                await c.WriteAsync(countryId, NpgsqlDbType.Integer, ct);
                await c.WriteAsync(v.Year, NpgsqlDbType.Integer, ct);
                await c.WriteAsync(v.Breakdown, NpgsqlDbType.Varchar, ct);
                await c.WriteAsync(v.Value, NpgsqlDbType.Double, ct);
                await c.WriteAsync(v.Source, NpgsqlDbType.Varchar, ct);
                await c.WriteAsync(v.Notes, NpgsqlDbType.Varchar, ct);
                if (v.Evidence is null) await c.WriteNullAsync(ct);
                else await c.WriteAsync(v.Evidence, NpgsqlDbType.Varchar, ct);
                await c.WriteAsync(Status, NpgsqlDbType.Varchar, ct);
                await c.WriteAsync(approved, NpgsqlDbType.Boolean, ct);
                if (RoundId is int round) await c.WriteAsync(round, NpgsqlDbType.Integer, ct);
                else await c.WriteNullAsync(ct);
                await c.WriteAsync(ImportId, NpgsqlDbType.Integer, ct);
                await c.WriteAsync(Now, NpgsqlDbType.TimestampTz, ct);
                await c.WriteAsync(0, NpgsqlDbType.Integer, ct);
            }
            if (replacing.Count == 0) return;
            var t = await CopyAsync(intoValues: false, ct);
            foreach (var v in replacing)
            {
                await t.StartRowAsync(ct);
                await t.WriteAsync(v.StoredId!.Value, NpgsqlDbType.Integer, ct);
                await t.WriteAsync(v.VersionId, NpgsqlDbType.Integer, ct);
                await t.WriteAsync(countryId, NpgsqlDbType.Integer, ct);
                await t.WriteAsync(v.Year, NpgsqlDbType.Integer, ct);
                await t.WriteAsync(v.Breakdown, NpgsqlDbType.Text, ct);
                await t.WriteAsync(v.Value, NpgsqlDbType.Double, ct);
                await t.WriteAsync(v.Source, NpgsqlDbType.Text, ct);
                await t.WriteAsync(v.Notes, NpgsqlDbType.Text, ct);
                if (v.Evidence is null) await t.WriteNullAsync(ct);
                else await t.WriteAsync(v.Evidence, NpgsqlDbType.Text, ct);
            }
            replacing.Clear();
            anyReplaced = true;
        }

        public override async Task FinishAsync(CancellationToken ct)
        {
            await CompleteCopyAsync(ct);
            if (!anyReplaced) return;
            await using (var keep = Connection.CreateCommand())
            {
                keep.Transaction = Transaction;
                keep.CommandText = KeepEarlierImportTransitions + """ (SELECT "Id" FROM "import_values")""";
                keep.CommandTimeout = 600;
                await keep.ExecuteNonQueryAsync(ct);
            }
            await using var upsert = Connection.CreateCommand();
            upsert.Transaction = Transaction;
            upsert.CommandText = """
                INSERT INTO "indicator_values" ("IndicatorVersionId", "CountryId", "Year", "Breakdown", "Value", "Source", "Notes", "EvidenceUrl", "Status", "Locked", "RoundId", "ImportId", "UpdatedAtUtc", "Version")
                SELECT "IndicatorVersionId", "CountryId", "Year", "Breakdown", "Value", "Source", "Notes", "EvidenceUrl", @st, @l, @r, @i, @at, 0 FROM "import_values"
                ON CONFLICT ("IndicatorVersionId", "CountryId", "Breakdown", "Year")
                DO UPDATE SET "Value" = excluded."Value", "Source" = excluded."Source", "Notes" = excluded."Notes", "EvidenceUrl" = excluded."EvidenceUrl", "EvidenceFileId" = NULL,
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

        public override async ValueTask DisposeAsync()
        {
            // An import not completed is cancelled: nothing of the COPY is kept.
            if (copy is not null) await copy.DisposeAsync();
            copy = null;
        }
    }

    /// <summary>A value of the file saved by someone else between its check and its COPY (PostgreSQL's unique index refused it).</summary>
    private static bool IsSavedMeanwhile(Exception e) => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
