using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Data;
using Rumbo.Core.Exports;

namespace Rumbo.Core.Indicators;

/// <summary>One published observation as the open data files write it; <see cref="Country"/> is empty for the region.</summary>
public sealed record ObservationRow(
    string Indicator, int Version, string Unit, string Country, int Year, string Breakdown, double Value, string Source, string Notes);

/// <summary>
/// The open data of an agenda's indicators: only approved values, as CSV (streamed, for any size), JSON and XLSX per
/// indicator, and the whole agenda as a zip holding a Frictionless tabular data package (every column described) and
/// SDMX-CSV 2.0. Column names are stable: files made today and in a year read the same way.
/// </summary>
public sealed class OpenData(RumboDbContext db, IDbContextFactory<RumboDbContext> contexts)
{
    /// <summary>The licence of the published data (Open Definition id and its address).</summary>
    public const string LicenceId = "CC-BY-4.0";
    public const string LicenceUrl = "https://creativecommons.org/licenses/by/4.0/";
    public const string LicenceTitle = "Creative Commons Attribution 4.0";

    /// <summary>The observations' columns: the breakdown's dimensions are columns of their own.</summary>
    public static IReadOnlyList<string> Columns =>
        ["indicator", "version", "unit", "country", "year", .. Disaggregations.All.Select(d => d.Code), "value", "source", "notes"];

    private sealed record VersionKey(int Id, string Code, int Number, string Unit);

    private async Task<(List<VersionKey> Versions, Dictionary<int, string> Countries)> KeysAsync(int agendaId, string? indicatorCode, CancellationToken ct)
    {
        var versions = db.IndicatorVersions.AsNoTracking().Where(v => v.Indicator!.AgendaId == agendaId);
        if (indicatorCode is not null) versions = versions.Where(v => v.Indicator!.Code == indicatorCode);
        var list = (await versions.OrderBy(v => v.Id).Select(v => new { v.Id, v.Indicator!.Code, v.Number, v.Unit }).ToListAsync(ct))
            .Select(v => new VersionKey(v.Id, v.Code, v.Number, v.Unit.ToString())).ToList();
        return (list, await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, ct));
    }

    /// <summary>
    /// One version's approved values (of one country, or of the region when <paramref name="countryId"/> is 0), in the order
    /// of the values' unique index (version, country, breakdown, year): no join and no sort before the first row. One query
    /// over the agenda, joined to its versions, made SQLite sort the whole set, at a quarter of the export's time.
    /// </summary>
    private static async IAsyncEnumerable<ObservationRow> VersionRowsAsync(RumboDbContext context, VersionKey version, Dictionary<int, string> countries,
        int? countryId, [EnumeratorCancellation] CancellationToken ct)
    {
        var q = context.IndicatorValues.AsNoTracking().Where(v => v.IndicatorVersionId == version.Id && v.Status == ValueStatus.Approved);
        if (countryId is int only) q = only == 0 ? q.Where(v => v.CountryId == null) : q.Where(v => v.CountryId == only);
        var rows = q.OrderBy(v => v.CountryId).ThenBy(v => v.Breakdown).ThenBy(v => v.Year)
            .Select(v => new { v.CountryId, v.Year, v.Breakdown, v.Value, v.Source, v.Notes })
            .AsAsyncEnumerable().WithCancellation(ct);
        await foreach (var v in rows)
        {
            yield return new ObservationRow(version.Code, version.Number, version.Unit, v.CountryId is int c ? countries[c] : "", v.Year, v.Breakdown,
                v.Value, v.Source, v.Notes);
        }
    }

    /// <summary>The approved observations of an agenda (or one indicator, or one country; "" for the region), streamed in a stable order.</summary>
    public async IAsyncEnumerable<ObservationRow> ObservationsAsync(int agendaId, string? indicatorCode = null, string? countryCode = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var (versions, countries) = await KeysAsync(agendaId, indicatorCode, ct);
        int? countryId = null;
        if (countryCode is not null)
        {
            countryId = countryCode.Length == 0 ? 0 : countries.Where(c => c.Value == countryCode).Select(c => (int?)c.Key).FirstOrDefault();
            if (countryId is null) yield break;
        }
        foreach (var version in versions)
        {
            await foreach (var r in VersionRowsAsync(db, version, countries, countryId, ct)) yield return r;
        }
    }

    /// <summary>How many versions are read at once, each on a context of its own, for the agenda's whole export.</summary>
    private const int ExportReaders = 2;

    /// <summary>
    /// Every approved observation of the agenda as CSV, streamed to <paramref name="output"/>, in the order of
    /// <see cref="ObservationsAsync"/>. Versions are read and written as CSV two at a time, each on a context of its own
    /// (SQLite's readers do not wait for each other; PostgreSQL works in processes of its own), into buffers that go to the
    /// output in order: memory holds a few versions' rows, never the export.
    /// </summary>
    public async Task WriteAgendaCsvAsync(int agendaId, Stream output, CancellationToken ct)
    {
        var (versions, countries) = await KeysAsync(agendaId, null, ct);
        await using var csv = new CsvStreamWriter(output);
        WriteHeader(csv, Columns);
        await csv.FlushAsync(ct);
        using var readers = new SemaphoreSlim(ExportReaders);
        // The readers stop with the download, and with a failure of the writing.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var parts = new Queue<Task<CsvStreamWriter>>();
        async Task<CsvStreamWriter> PartAsync(VersionKey version)
        {
            await readers.WaitAsync(stop.Token);
            try
            {
                await using var context = await contexts.CreateDbContextAsync(stop.Token);
                var part = new CsvStreamWriter(Stream.Null, byteOrderMark: false);
                var dimensions = new BreakdownCells();
                await foreach (var r in VersionRowsAsync(context, version, countries, null, stop.Token)) WriteRow(part, r, dimensions);
                return part;
            }
            finally
            {
                readers.Release();
            }
        }
        async Task WritePartAsync(Task<CsvStreamWriter> pending)
        {
            // Straight to the output: a version's rows are not copied into another buffer.
            using var part = await pending;
            await part.WriteToAsync(output, ct);
        }
        var completed = false;
        try
        {
            foreach (var version in versions)
            {
                parts.Enqueue(Task.Run(() => PartAsync(version), stop.Token));
                // The readers kept busy, and no more: one part waiting to be written beside those being read.
                while (parts.Count > ExportReaders) await WritePartAsync(parts.Dequeue());
            }
            while (parts.Count > 0) await WritePartAsync(parts.Dequeue());
            completed = true;
        }
        finally
        {
            if (!completed) await stop.CancelAsync();
            // The readers end (and give their buffers back) before the request does.
            foreach (var pending in parts)
            {
                try { (await pending).Dispose(); }
                catch (Exception) when (stop.IsCancellationRequested || pending.IsFaulted) { }
            }
        }
    }

    public static string?[] Cells(ObservationRow r)
    {
        var dims = Disaggregations.Read(r.Breakdown);
        return
        [
            r.Indicator, r.Version.ToString(CultureInfo.InvariantCulture), r.Unit, r.Country, r.Year.ToString(CultureInfo.InvariantCulture),
            .. Disaggregations.All.Select(d => dims.GetValueOrDefault(d.Code)),
            r.Value.ToString("R", CultureInfo.InvariantCulture), r.Source, r.Notes,
        ];
    }

    /// <summary>Writes observations as CSV (UTF-8, header first) to a stream as they are read, flushing as it goes.</summary>
    public static async Task WriteCsvAsync(IAsyncEnumerable<ObservationRow> rows, Stream output, CancellationToken ct)
    {
        // A byte order mark, as the other CSV files of Rumbo: spreadsheet programs then read the accents right.
        await using var csv = new CsvStreamWriter(output);
        WriteHeader(csv, Columns);
        var dimensions = new BreakdownCells();
        await foreach (var r in rows.WithCancellation(ct))
        {
            WriteRow(csv, r, dimensions);
            await csv.FlushIfFullAsync(ct);
        }
    }

    private static void WriteHeader(CsvStreamWriter csv, IReadOnlyList<string> columns)
    {
        foreach (var h in columns) csv.Field(h);
        csv.EndRow();
    }

    private static void WriteRow(CsvStreamWriter csv, ObservationRow r, BreakdownCells dimensions)
    {
        csv.Field(r.Indicator);
        csv.Field(r.Version);
        csv.Field(r.Unit);
        csv.Field(r.Country);
        csv.Field(r.Year);
        foreach (var cell in dimensions.Of(r.Breakdown)) csv.Field(cell);
        csv.Field(r.Value);
        // Only the typed texts (source, notes) are defused against formulas: a negative value must stay a number.
        csv.Field(TableExport.Defuse(r.Source));
        csv.Field(TableExport.Defuse(r.Notes));
        csv.EndRow();
    }

    /// <summary>A breakdown's cells in the order of <see cref="Disaggregations.All"/>, read once for each breakdown an export meets.</summary>
    private sealed class BreakdownCells
    {
        private readonly Dictionary<string, string?[]> cells = new(StringComparer.Ordinal);

        public string?[] Of(string breakdown)
        {
            if (!cells.TryGetValue(breakdown, out var found))
            {
                var dims = Disaggregations.Read(breakdown);
                found = Disaggregations.All.Select(d => dims.GetValueOrDefault(d.Code)).ToArray();
                cells[breakdown] = found;
            }
            return found;
        }
    }

    /// <summary>
    /// SDMX-CSV 2.0: STRUCTURE, STRUCTURE_ID and ACTION, then the dimensions (indicator, reference area, sex, age,
    /// urbanisation, time), the value and the attributes (unit, source, comment). The total of a dimension is "_T".
    /// </summary>
    public static IReadOnlyList<string> SdmxColumns =>
        ["STRUCTURE", "STRUCTURE_ID", "ACTION", "INDICATOR", "REF_AREA", "SEX", "AGE", "URBANISATION", "TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE", "SOURCE_DETAIL", "COMMENT"];

    public static string?[] SdmxCells(ObservationRow r, string dataflow)
    {
        var dims = Disaggregations.Read(r.Breakdown);
        string Dim(string code) => dims.GetValueOrDefault(code)?.ToUpperInvariant() ?? "_T";
        return
        [
            "dataflow", dataflow, "I", r.Indicator, r.Country.Length == 0 ? "LAC" : r.Country, Dim("sex") switch { "FEMALE" => "F", "MALE" => "M", var s => s },
            Dim("age"), Dim("area") switch { "URBAN" => "U", "RURAL" => "R", var s => s }, r.Year.ToString(CultureInfo.InvariantCulture),
            r.Value.ToString("R", CultureInfo.InvariantCulture), r.Unit, r.Source, r.Notes,
        ];
    }

    /// <summary>The Frictionless descriptor of the zip: the package, its licence and every column of every resource.</summary>
    public static string DataPackage(string agendaSlug, string agendaTitle, DateTime createdUtc)
    {
        object Field(string name, string type, string description) => new { name, type, description };
        var observationFields = new List<object>
        {
            Field("indicator", "string", "The indicator's code within the agenda (its objective's code and a letter)."),
            Field("version", "integer", "The version of the indicator's definition the value was reported under."),
            Field("unit", "string", "The unit of the value: Percent, Number, Index, Ratio, Rate, UsDollars, Years or Boolean."),
            Field("country", "string", "The country's ISO 3166-1 alpha-2 code; empty for the regional value."),
            Field("year", "year", "The year the value refers to."),
        };
        observationFields.AddRange(Disaggregations.All.Select(d =>
            Field(d.Code, "string", $"Breakdown by {d.Label.ToLowerInvariant()}: {string.Join(", ", d.Values.Select(v => v.Code))}; empty for the total.")));
        observationFields.Add(Field("value", "number", "The approved value."));
        observationFields.Add(Field("source", "string", "Where the value comes from, as the country reported it."));
        observationFields.Add(Field("notes", "string", "The country's notes on the value."));
        var package = new Dictionary<string, object>
        {
            ["profile"] = "tabular-data-package",
            ["name"] = $"{agendaSlug}-indicators",
            ["title"] = $"{agendaTitle}: indicators",
            ["created"] = createdUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["licenses"] = new[] { new { name = LicenceId, path = LicenceUrl, title = LicenceTitle } },
            ["resources"] = new object[]
            {
                new
                {
                    name = "observations", path = "observations.csv", profile = "tabular-data-resource", format = "csv", mediatype = "text/csv", encoding = "utf-8",
                    schema = new { fields = observationFields },
                },
                new
                {
                    name = "indicators", path = "indicators.csv", profile = "tabular-data-resource", format = "csv", mediatype = "text/csv", encoding = "utf-8",
                    schema = new
                    {
                        fields = new[]
                        {
                            Field("indicator", "string", "The indicator's code."), Field("objective", "string", "The strategic objective it measures."),
                            Field("title", "string", "The indicator's title, in the agenda's document language."), Field("unit", "string", "The unit of its values."),
                            Field("direction", "string", "The desired direction: Increase or Decrease."), Field("version", "integer", "The current version of its definition."),
                            Field("status", "string", "Proposed, Adopted or Retired."), Field("example", "boolean", "True when the indicator is an example made for the demonstration."),
                        },
                    },
                },
                new
                {
                    name = "targets", path = "targets.csv", profile = "tabular-data-resource", format = "csv", mediatype = "text/csv", encoding = "utf-8",
                    schema = new
                    {
                        fields = new[]
                        {
                            Field("indicator", "string", "The indicator's code."), Field("country", "string", "ISO 3166-1 alpha-2 code of a country's own target; empty for the regional one."),
                            Field("baseline_year", "year", "The baseline's year."), Field("baseline_value", "number", "The baseline's value, when set."),
                            Field("target_year", "year", "The target's year."), Field("target_value", "number", "The target's value; empty when only a direction is set."),
                        },
                    },
                },
                new
                {
                    name = "sdmx", path = "sdmx.csv", profile = "tabular-data-resource", format = "csv", mediatype = "text/csv", encoding = "utf-8",
                    description = "The observations in SDMX-CSV 2.0.",
                    schema = new { fields = SdmxColumns.Select(c => Field(c, c is "OBS_VALUE" ? "number" : "string", $"SDMX-CSV column {c}.")).ToArray() },
                },
            },
        };
        return JsonSerializer.Serialize(package, new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>
    /// The whole agenda's open data as a zip, written to <paramref name="output"/> entry by entry. The zip writes its
    /// directory synchronously when it closes, so <paramref name="output"/> is a file, never a response body.
    /// </summary>
    public async Task WriteZipAsync(int agendaId, string agendaSlug, string agendaTitle, DateTime createdUtc, Stream output, CancellationToken ct)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await using (var s = zip.CreateEntry("datapackage.json").Open())
        {
            await s.WriteAsync(Encoding.UTF8.GetBytes(DataPackage(agendaSlug, agendaTitle, createdUtc)), ct);
        }
        await using (var s = zip.CreateEntry("observations.csv").Open())
        {
            await WriteAgendaCsvAsync(agendaId, s, ct);
        }
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.AgendaId == agendaId).OrderBy(i => i.Code)
            .Select(i => new
            {
                i.Code, Objective = i.Objective!.Code, i.Status, i.IsExample,
                V = i.Versions.OrderByDescending(v => v.Number).Select(v => new { v.Title.Source, v.Unit, v.Direction, v.Number }).First(),
            })
            .ToListAsync(ct);
        await WriteTableAsync(zip, "indicators.csv", ["indicator", "objective", "title", "unit", "direction", "version", "status", "example"],
            indicators.Select(i => new string?[] { i.Code, i.Objective, i.V.Source, i.V.Unit.ToString(), i.V.Direction.ToString(), i.V.Number.ToString(CultureInfo.InvariantCulture),
                i.Status.ToString(), i.IsExample ? "true" : "false" }), ct);
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.Indicator!.AgendaId == agendaId)
            .OrderBy(t => t.Indicator!.Code).ThenBy(t => t.Country == null ? "" : t.Country.Code)
            .Select(t => new { t.Indicator!.Code, Country = t.Country == null ? "" : t.Country.Code, t.BaselineYear, t.BaselineValue, t.TargetYear, t.TargetValue })
            .ToListAsync(ct);
        await WriteTableAsync(zip, "targets.csv", ["indicator", "country", "baseline_year", "baseline_value", "target_year", "target_value"],
            targets.Select(t => new string?[] { t.Code, t.Country, t.BaselineYear.ToString(CultureInfo.InvariantCulture), t.BaselineValue?.ToString("R", CultureInfo.InvariantCulture),
                t.TargetYear.ToString(CultureInfo.InvariantCulture), t.TargetValue?.ToString("R", CultureInfo.InvariantCulture) }), ct);
        await using (var s = zip.CreateEntry("sdmx.csv").Open())
        {
            await using var csv = new CsvStreamWriter(s);
            foreach (var h in SdmxColumns) csv.Field(h);
            csv.EndRow();
            var dataflow = $"ECLAC:{agendaSlug.ToUpperInvariant().Replace('-', '_')}_INDICATORS(1.0)";
            await foreach (var r in ObservationsAsync(agendaId, ct: ct))
            {
                foreach (var cell in SdmxCells(r, dataflow)) csv.Field(cell);
                csv.EndRow();
                await csv.FlushIfFullAsync(ct);
            }
        }
    }

    private static async Task WriteTableAsync(ZipArchive zip, string name, IReadOnlyList<string> header, IEnumerable<string?[]> rows, CancellationToken ct)
    {
        await using var s = zip.CreateEntry(name).Open();
        await s.WriteAsync(Exports.TableExport.ToCsv(header, rows), ct);
    }
}
