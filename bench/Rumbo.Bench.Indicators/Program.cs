using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core;
using Rumbo.Core.Auditing;
using Rumbo.Core.Data;
using Rumbo.Core.Indicators;
using Rumbo.Core.People;
using Rumbo.Core.Seed;

// The indicators' benchmark (issue 10): a database with the demo data and 300 example indicators, a CSV of
// 33 countries x 300 indicators x 25 years x 4 breakdowns (990,000 rows) written by DemoIndicators, and its import
// through the same checks as a country's upload (IndicatorBulkImport), timed. Prints the figures beside the goal, then
// key=value lines for bench/indicators.sh (the indicator to load).
// Usage: Rumbo.Bench.Indicators DATA_DIRECTORY [sqlite | postgres CONNECTION_STRING]
if (args.Length is not (1 or 2 or 3))
{
    Console.Error.WriteLine("usage: Rumbo.Bench.Indicators DATA_DIRECTORY [sqlite | postgres CONNECTION_STRING]");
    return 2;
}
var dataDirectory = Path.GetFullPath(args[0]);
Directory.CreateDirectory(dataDirectory);
var postgres = args.Length == 3 && args[1] == "postgres";
const int Indicators = 300, FirstYear = 2000, LastYear = 2024, GoalRowsPerSecond = 100_000;

var services = new ServiceCollection();
services.AddSingleton<IAuditActor>(new SystemActor("bench data"));
services.AddSingleton(TimeProvider.System);
if (postgres) services.AddRumboCore(DatabaseProvider.Postgres, args[2]);
else services.AddRumboCore(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataDirectory, "rumbo.db")}");
await using var provider = services.BuildServiceProvider();
await DemoData.InitializeAsync(provider, new RumboOptions { DataDirectory = dataDirectory });

IReadOnlyList<string> codes;
IReadOnlyList<string> countries;
int agendaId;
await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
    agendaId = await db.Agendas.Where(a => a.Slug == DemoIndicators.AgendaSlug).Select(a => a.Id).SingleAsync();
    codes = await db.Indicators.Where(i => i.AgendaId == agendaId && i.Code.Contains("-b")).OrderBy(i => i.Id).Select(i => i.Code).ToListAsync();
    if (codes.Count == 0) codes = await DemoIndicators.CreateBenchmarkFrameworkAsync(db, Indicators);
    countries = await db.Countries.Where(c => c.Status == CountryStatus.MemberState).OrderBy(c => c.Code).Select(c => c.Code).ToListAsync();
}

var file = Path.Combine(dataDirectory, "bench-values.csv");
var write = Stopwatch.StartNew();
long rows;
await using (var writer = new StreamWriter(file, false, new System.Text.UTF8Encoding(false), 1 << 16))
{
    rows = await DemoIndicators.WriteBenchmarkValuesAsync(writer, codes, countries, FirstYear, LastYear);
}
Console.Error.WriteLine($"wrote {rows:N0} rows ({new FileInfo(file).Length / 1048576.0:F1} MB) in {write.Elapsed.TotalSeconds:F1} s");

await using (var scope = provider.CreateAsyncScope())
{
    var import = scope.ServiceProvider.GetRequiredService<IndicatorBulkImport>();
    var before = Process.GetCurrentProcess().WorkingSet64;
    var watch = Stopwatch.StartNew();
    await using var stream = File.OpenRead(file);
    var result = await import.ImportAsync(agendaId, stream, Path.GetFileName(file), ValueStatus.Approved, null);
    watch.Stop();
    if (result.FileProblem is not null || result.Problems.Count > 0)
    {
        Console.Error.WriteLine($"import refused: {result.FileProblem} {string.Join("; ", result.Problems.Take(5).Select(p => $"row {p.Row} {p.Column}: {p.Message.InEnglish()}"))}");
        return 1;
    }
    var rate = result.Rows / watch.Elapsed.TotalSeconds;
    Process.GetCurrentProcess().Refresh();
    Console.WriteLine($"import ({(postgres ? "PostgreSQL" : "SQLite")}): {result.Rows:N0} rows, {result.Saved:N0} saved, {result.Unchanged:N0} unchanged, {watch.Elapsed.TotalSeconds:F1} s, " +
        $"{rate:N0} rows/s (goal {GoalRowsPerSecond:N0}: {(rate >= GoalRowsPerSecond ? "met" : "NOT met")}), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB (at start {before / 1048576} MB)");
}
// The export without HTTP: what the server's own work costs, beside the figure bench/indicators.sh measures through it.
await using (var scope = provider.CreateAsyncScope())
{
    var open = scope.ServiceProvider.GetRequiredService<OpenData>();
    var counter = new CountingStream();
    var watch = Stopwatch.StartNew();
    await open.WriteAgendaCsvAsync(agendaId, counter, default);
    watch.Stop();
    var mb = counter.Length / 1048576.0;
    Console.WriteLine($"export in process ({(postgres ? "PostgreSQL" : "SQLite")}): {mb:F1} MB in {watch.Elapsed.TotalSeconds:F2} s, {mb / watch.Elapsed.TotalSeconds:F1} MB/s (goal 50 MB/s through HTTP)");
}
Console.WriteLine($"key:indicator={codes[0]}");
Console.WriteLine($"key:country={countries[0]}");
return 0;

/// <summary>A stream that only counts what is written to it.</summary>
internal sealed class CountingStream : Stream
{
    private long length;
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => length;
    public override long Position { get => length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => length += count;
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        length += buffer.Length;
        return ValueTask.CompletedTask;
    }
}
