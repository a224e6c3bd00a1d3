using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Rumbo.Cli;
using Rumbo.Core.Data;
using Rumbo.Core.Exports;
using Rumbo.Core.Indicators;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.Indicators;

/// <summary>
/// The secretariat's bulk import of a region's values (<c>indicators import FILE --agenda KEY [--approve]</c>) on the demo
/// data, on both providers: a file of two countries is stored whole, as drafts or approved (each approved value showing
/// one transition, the import's), with one import record; a file with one bad row, a country's rows split in two blocks or no country
/// column stores nothing and says why.
/// </summary>
public abstract class BulkImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private IConfiguration configuration = null!;

    private const string Agenda = IndicatorScenario.Agenda;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rumbo:Database"] = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["ConnectionStrings:Rumbo"] = database.ConnectionString,
            ["Rumbo:DataDirectory"] = database.Directory,
        }).Build();
        var seed = await Run("seed");
        Assert.True(seed.Code == 0, seed.Err);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await Commands.Run(args, stdout, stderr, configuration);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private Task<(int Code, string Out, string Err)> Import(string file, bool approve) =>
        approve ? Run("indicators", "import", file, "--agenda", Agenda, "--approve") : Run("indicators", "import", file, "--agenda", Agenda);

    private static readonly string[] Header = ["indicator", "country", "year", "sex", "age", "area", "value", "source", "notes"];

    private const string Source = "Regional database of planning bodies", Notes = "Compiled by the secretariat.";

    private static string?[] Line(string indicator, string country, int year, string value, string? sex = null, string? area = null) =>
        [indicator, country, year.ToString(CultureInfo.InvariantCulture), sex, null, area, value, Source, Notes];

    private string Write(string name, IReadOnlyList<string> header, IEnumerable<string?[]> rows)
    {
        var path = Path.Combine(database.Directory, name);
        File.WriteAllBytes(path, TableExport.ToCsv(header, rows));
        return path;
    }

    private string Write(string name, IEnumerable<string?[]> rows) => Write(name, Header, rows);

    /// <summary>Every value, transition and import, and the audit trail: what a refused file must leave as it was.</summary>
    private async Task<(List<(int Id, int Version, double Value, ValueStatus Status, int? ImportId)> Values, int Transitions, int Imports, int Audit)> StateAsync()
    {
        await using var db = database.CreateContext();
        var values = (await db.IndicatorValues.AsNoTracking().OrderBy(v => v.Id).Select(v => new { v.Id, v.Version, v.Value, v.Status, v.ImportId }).ToListAsync())
            .Select(v => (v.Id, v.Version, v.Value, v.Status, v.ImportId)).ToList();
        return (values, await db.ValueTransitions.CountAsync(), await db.IndicatorImports.CountAsync(), await db.AuditEntries.CountAsync());
    }

    private async Task NothingStoredAsync((List<(int Id, int Version, double Value, ValueStatus Status, int? ImportId)> Values, int Transitions, int Imports, int Audit) before)
    {
        var after = await StateAsync();
        Assert.Equal(before.Values.Count, after.Values.Count);
        Assert.Equal(before.Values, after.Values);
        Assert.Equal((before.Transitions, before.Imports, before.Audit), (after.Transitions, after.Imports, after.Audit));
    }

    private async Task<IndicatorValue?> StoredAsync(string country, string indicator, int year, string breakdown = "")
    {
        await using var db = database.CreateContext();
        return await db.IndicatorValues.AsNoTracking().SingleOrDefaultAsync(v => v.Country!.Code == country && v.IndicatorVersion!.Indicator!.Code == indicator
            && v.IndicatorVersion.Indicator.Agenda!.Slug == Agenda && v.Year == year && v.Breakdown == breakdown);
    }

    private static string Tenth(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>
    /// A region's file: Argentina (two of its 2025 drafts changed, one approved 2024 value as stored) and Bolivia, which had
    /// no value (five new ones, a breakdown among them).
    /// </summary>
    private async Task<(string Path, IndicatorValue Changed1, IndicatorValue Changed2, IndicatorValue Same, List<string?[]> Bolivia)> RegionFileAsync(string name)
    {
        var changed1 = (await StoredAsync("AR", "1.1-a", 2025))!;
        var changed2 = (await StoredAsync("AR", "4.4-a", 2025))!;
        Assert.Equal((ValueStatus.Draft, ValueStatus.Draft), (changed1.Status, changed2.Status));
        IndicatorValue same;
        await using (var db = database.CreateContext())
        {
            same = await db.IndicatorValues.AsNoTracking().Where(v => v.Country!.Code == "AR" && v.IndicatorVersion!.Indicator!.Code == "3.1-a" && v.Year == 2024
                && v.Breakdown == "" && v.Status == ValueStatus.Approved).SingleAsync();
            Assert.False(await db.IndicatorValues.AnyAsync(v => v.Country!.Code == "BO"));
        }
        List<string?[]> bolivia =
        [
            Line("1.1-a", "BO", 2023, "40.5"),
            Line("1.1-a", "BO", 2024, "41.2"),
            Line("2.7-a", "BO", 2024, "3.4"),
            Line("2.7-a", "BO", 2024, "3.9", sex: "female", area: "urban"),
            Line("3.2-a", "BO", 2024, "195"),
        ];
        var asStored = Line("3.1-a", "AR", 2024, same.Value.ToString("R", CultureInfo.InvariantCulture));
        (asStored[^2], asStored[^1]) = (same.Source, same.Notes);
        var rows = new List<string?[]>
        {
            Line("1.1-a", "AR", 2025, Tenth(Math.Round(changed1.Value + 0.5, 1))),
            Line("4.4-a", "AR", 2025, (changed2.Value + 1).ToString("R", CultureInfo.InvariantCulture)),
            asStored,
        };
        rows.AddRange(bolivia);
        return (Write(name, rows), changed1, changed2, same, bolivia);
    }

    [Fact]
    public async Task A_region_s_file_of_two_countries_is_imported_approved_with_one_import_record_and_one_transition_a_value()
    {
        var (path, changed1, changed2, same, _) = await RegionFileAsync("regional.csv");
        var before = await StateAsync();

        var result = await Import(path, approve: true);
        Assert.True(result.Code == 0, result.Err);
        Assert.StartsWith("regional.csv: 8 rows, 7 values saved, 1 unchanged, 2 countries", result.Out.Trim());

        await using var db = database.CreateContext();
        var import = await db.IndicatorImports.AsNoTracking().SingleAsync();
        Assert.Equal(("regional.csv", 8, 7, 2, ValueStatus.Approved, (int?)null), (import.FileName, import.Rows, import.Saved, import.Countries, import.Status, import.PersonId));
        Assert.Equal(await db.Agendas.Where(a => a.Slug == Agenda).Select(a => a.Id).SingleAsync(), import.AgendaId);

        var imported = await db.IndicatorValues.AsNoTracking().Include(v => v.Country).Include(v => v.IndicatorVersion).ThenInclude(v => v!.Indicator)
            .Where(v => v.ImportId == import.Id).ToListAsync();
        Assert.Equal(7, imported.Count);
        Assert.All(imported, v => Assert.Equal((ValueStatus.Approved, true), (v.Status, v.Locked)));
        Assert.Equal(5, imported.Count(v => v.Country!.Code == "BO"));
        Assert.Equal(before.Values.Count + 5, await db.IndicatorValues.CountAsync());

        var ar1 = imported.Single(v => v.Id == changed1.Id);
        Assert.Equal((Math.Round(changed1.Value + 0.5, 1), Source, Notes, changed1.Version + 1), (ar1.Value, ar1.Source, ar1.Notes, ar1.Version));
        Assert.Equal(changed2.Value + 1, imported.Single(v => v.Id == changed2.Id).Value);
        var urban = imported.Single(v => v.Country!.Code == "BO" && v.IndicatorVersion!.Indicator!.Code == "2.7-a" && v.Breakdown == "sex=female;area=urban");
        Assert.Equal((2024, 3.9), (urban.Year, urban.Value));

        // The row equal to what was stored is left as it was.
        var unchanged = await db.IndicatorValues.AsNoTracking().SingleAsync(v => v.Id == same.Id);
        Assert.Equal((same.Version, same.ImportId, same.UpdatedAtUtc), (unchanged.Version, unchanged.ImportId, unchanged.UpdatedAtUtc));

        // One transition a value, from draft (or new) to approved, shown with the value: the import itself, not a row a value.
        Assert.Equal(before.Transitions, await db.ValueTransitions.CountAsync());
        var shown = await ShownAsync(db, import.AgendaId);
        foreach (var v in imported)
        {
            var t = Assert.Single(shown[v.Id]);
            Assert.Equal((ValueStatus.Draft, ValueStatus.Approved, import.AtUtc, IndicatorBulkImport.ImportedReason), (t.From, t.To, t.AtUtc, t.Reason));
        }
        // The import is the audit record of its rows: a few entries, not one a value.
        var audit = await db.AuditEntries.CountAsync();
        Assert.InRange(audit - before.Audit, 1, 3);

        // The same file again stores nothing new.
        var again = await Import(path, approve: true);
        Assert.True(again.Code == 0, again.Err);
        Assert.StartsWith("regional.csv: 8 rows, 0 values saved, 8 unchanged, 2 countries", again.Out.Trim());
        var after = await StateAsync();
        Assert.Equal(before.Values.Count + 5, after.Values.Count);
        Assert.Equal(before.Transitions, after.Transitions);
    }

    /// <summary>Every value's transitions as the reporting page shows them, for Argentina and Bolivia.</summary>
    private static async Task<Dictionary<int, IReadOnlyList<TransitionView>>> ShownAsync(RumboDbContext db, int agendaId)
    {
        var store = new ReportingStore(db, TimeProvider.System);
        var shown = new Dictionary<int, IReadOnlyList<TransitionView>>();
        foreach (var code in new[] { "AR", "BO" })
        {
            var country = await db.Countries.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
            foreach (var v in await store.ValuesAsync(agendaId, country, 2000, 2030)) shown[v.Id] = v.Transitions;
        }
        return shown;
    }

    [Fact]
    public async Task An_import_that_replaces_a_value_an_earlier_import_approved_keeps_that_approval_in_the_value_s_history()
    {
        var (path, changed1, _, _, _) = await RegionFileAsync("first.csv");
        var first = await Import(path, approve: true);
        Assert.True(first.Code == 0, first.Err);
        int agendaId, firstImport;
        DateTime firstAt;
        await using (var db = database.CreateContext())
        {
            var import = await db.IndicatorImports.AsNoTracking().SingleAsync();
            (agendaId, firstImport, firstAt) = (import.AgendaId, import.Id, import.AtUtc);
            var value = await db.IndicatorValues.AsNoTracking().SingleAsync(v => v.Id == changed1.Id);
            Assert.Equal((ValueStatus.Approved, (int?)firstImport), (value.Status, value.ImportId));
            // The secretariat unlocks it: it goes back to Argentina as returned.
            Assert.Null(await new ReportingStore(db, TimeProvider.System).ReviewAsync(value.Id, value.Version, ReviewAction.Unlock, "Revised series", null));
        }
        var transitionsBefore = (await StateAsync()).Transitions;

        // A second file replaces the returned value; the other value of the first import is left as it was.
        var second = await Import(Write("second.csv", [Line("1.1-a", "AR", 2025, Tenth(Math.Round(changed1.Value + 1.5, 1)))]), approve: true);
        Assert.True(second.Code == 0, second.Err);
        Assert.StartsWith("second.csv: 1 rows, 1 values saved, 0 unchanged, 1 countries", second.Out.Trim());

        await using var check = database.CreateContext();
        var imports = await check.IndicatorImports.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(2, imports.Count);
        var replaced = await check.IndicatorValues.AsNoTracking().SingleAsync(v => v.Id == changed1.Id);
        Assert.Equal((ValueStatus.Approved, (int?)imports[1].Id, Math.Round(changed1.Value + 1.5, 1)), (replaced.Status, replaced.ImportId, replaced.Value));
        // The first import's approval of this value is written out as a row, its only one; the second import is implied.
        Assert.Equal(transitionsBefore + 1, await check.ValueTransitions.CountAsync());
        var history = (await ShownAsync(check, agendaId))[replaced.Id];
        Assert.Equal(
            [(ValueStatus.Draft, ValueStatus.Approved, firstAt), (ValueStatus.Approved, ValueStatus.Returned, history[1].AtUtc), (ValueStatus.Draft, ValueStatus.Approved, imports[1].AtUtc)],
            history.Select(t => (t.From, t.To, t.AtUtc)).ToList());
        Assert.Equal((IndicatorBulkImport.ImportedReason, "Revised series", IndicatorBulkImport.ImportedReason), (history[0].Reason, history[1].Reason, history[2].Reason));
        // A value of the first import that the second did not touch still shows the first import's approval.
        var untouched = await check.IndicatorValues.AsNoTracking().FirstAsync(v => v.ImportId == firstImport);
        var kept = Assert.Single((await ShownAsync(check, agendaId))[untouched.Id]);
        Assert.Equal((ValueStatus.Draft, ValueStatus.Approved, firstAt), (kept.From, kept.To, kept.AtUtc));
    }

    [Fact]
    public async Task Without_approve_the_values_are_drafts_and_no_transition_is_written()
    {
        var (path, changed1, _, _, _) = await RegionFileAsync("drafts.csv");
        var before = await StateAsync();

        var result = await Import(path, approve: false);
        Assert.True(result.Code == 0, result.Err);
        Assert.StartsWith("drafts.csv: 8 rows, 7 values saved, 1 unchanged, 2 countries", result.Out.Trim());

        await using var db = database.CreateContext();
        var import = await db.IndicatorImports.AsNoTracking().SingleAsync();
        Assert.Equal(ValueStatus.Draft, import.Status);
        var imported = await db.IndicatorValues.AsNoTracking().Where(v => v.ImportId == import.Id).ToListAsync();
        Assert.Equal(7, imported.Count);
        Assert.All(imported, v => Assert.Equal((ValueStatus.Draft, false), (v.Status, v.Locked)));
        Assert.Equal(Math.Round(changed1.Value + 0.5, 1), imported.Single(v => v.Id == changed1.Id).Value);
        Assert.Equal(before.Transitions, await db.ValueTransitions.CountAsync());
    }

    [Fact]
    public async Task A_file_with_one_bad_row_stores_nothing_and_lists_the_problem()
    {
        var (_, changed1, _, _, _) = await RegionFileAsync("unused.csv");
        // Argentina's block is good and comes first; the bad row is Bolivia's.
        var rows = new List<string?[]>
        {
            Line("1.1-a", "AR", 2025, Tenth(Math.Round(changed1.Value + 0.5, 1))),
            Line("1.1-a", "BO", 2023, "40.5"),
            Line("1.1-a", "BO", 2024, "abc"),
            Line("3.2-a", "BO", 2024, "195"),
        };
        var path = Write("bad-row.csv", rows);
        var before = await StateAsync();

        var result = await Import(path, approve: true);
        Assert.Equal(1, result.Code);
        Assert.Contains("row 4, value: abc is not a number.", result.Err);
        Assert.Contains("bad-row.csv: 1 problem(s); nothing was stored.", result.Err);
        Assert.Equal("", result.Out.Trim());
        await NothingStoredAsync(before);
        Assert.Equal(changed1.Value, (await StoredAsync("AR", "1.1-a", 2025))!.Value);
        Assert.Null(await StoredAsync("BO", "1.1-a", 2023));
    }

    [Fact]
    public async Task A_country_whose_rows_are_split_in_two_blocks_is_refused_and_nothing_is_stored()
    {
        var rows = new List<string?[]>
        {
            Line("1.1-a", "BO", 2023, "40.5"),
            Line("1.1-a", "PY", 2023, "35.5"),
            Line("1.1-a", "BO", 2024, "41.2"),
            Line("1.1-a", "PY", 2024, "36.0"),
        };
        var path = Write("split.csv", rows);
        var before = await StateAsync();

        var result = await Import(path, approve: false);
        Assert.Equal(1, result.Code);
        Assert.Contains("row 4, country: The rows of BO must be together in the file, as in its template.", result.Err);
        Assert.Contains("row 5, country: The rows of PY must be together in the file, as in its template.", result.Err);
        Assert.Contains("nothing was stored", result.Err);
        await NothingStoredAsync(before);
    }

    [Fact]
    public async Task A_file_without_the_country_column_is_refused_and_nothing_is_stored()
    {
        string[] header = ["indicator", "year", "value", "source", "notes"];
        var path = Write("no-country.csv", header, [["1.1-a", "2023", "40.5", Source, Notes], ["1.1-a", "2024", "41.2", Source, Notes]]);
        var before = await StateAsync();

        var result = await Import(path, approve: true);
        Assert.Equal(1, result.Code);
        Assert.Contains("row 1, country: The column country is missing.", result.Err);
        Assert.Contains("nothing was stored", result.Err);
        await NothingStoredAsync(before);

        // An empty country cell is refused by its row.
        path = Write("empty-country.csv", [Line("1.1-a", "BO", 2023, "40.5"), Line("1.1-a", "", 2024, "41.2")]);
        result = await Import(path, approve: true);
        Assert.Equal(1, result.Code);
        Assert.Contains("row 3, country: Give the country's code.", result.Err);
        await NothingStoredAsync(before);
    }

    /// <summary>
    /// A country or an indicator version that has values cannot be deleted: on SQLite by the values' foreign keys, on
    /// PostgreSQL (which has none on them, decision 0035) by the triggers that stand for them. A country without values can.
    /// </summary>
    [Fact]
    public async Task A_country_or_an_indicator_version_with_imported_values_cannot_be_deleted()
    {
        await using (var db = database.CreateContext())
        {
            db.Countries.Add(new Rumbo.Core.People.Country { Code = "QX", Code3 = "QXA", Subregion = Rumbo.Core.People.Subregion.SouthAmerica, Status = Rumbo.Core.People.CountryStatus.MemberState });
            db.Countries.Add(new Rumbo.Core.People.Country { Code = "QY", Code3 = "QYA", Subregion = Rumbo.Core.People.Subregion.SouthAmerica, Status = Rumbo.Core.People.CountryStatus.MemberState });
            await db.SaveChangesAsync();
        }
        var result = await Import(Write("qx.csv", [Line("1.1-a", "QX", 2023, "40.5"), Line("2.7-a", "QX", 2024, "3.4")]), approve: true);
        Assert.True(result.Code == 0, result.Err);

        await using var check = database.CreateContext();
        var values = await check.IndicatorValues.CountAsync();
        var versionId = await check.IndicatorValues.Where(v => v.Country!.Code == "QX").Select(v => v.IndicatorVersionId).FirstAsync();
        Assert.Equal(1, await check.Countries.Where(c => c.Code == "QY").ExecuteDeleteAsync());
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => check.Countries.Where(c => c.Code == "QX").ExecuteDeleteAsync());
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => check.IndicatorVersions.Where(v => v.Id == versionId).ExecuteDeleteAsync());
        Assert.True(await check.Countries.AnyAsync(c => c.Code == "QX"));
        Assert.True(await check.IndicatorVersions.AnyAsync(v => v.Id == versionId));
        Assert.Equal(values, await check.IndicatorValues.CountAsync());
    }

    [Fact]
    public async Task An_unknown_agenda_or_file_is_refused()
    {
        var path = Write("one.csv", [Line("1.1-a", "BO", 2023, "40.5")]);
        var before = await StateAsync();
        var noAgenda = await Run("indicators", "import", path, "--agenda", "no-such-agenda");
        Assert.Equal(1, noAgenda.Code);
        Assert.Contains("no-such-agenda: no such agenda.", noAgenda.Err);
        var noFile = await Run("indicators", "import", Path.Combine(database.Directory, "missing.csv"), "--agenda", Agenda);
        Assert.Equal(1, noFile.Code);
        Assert.Contains("no such file", noFile.Err);
        await NothingStoredAsync(before);
    }
}

public sealed class SqliteBulkImportTests() : BulkImportTests(DatabaseProvider.Sqlite);

public sealed class PostgresBulkImportTests() : BulkImportTests(DatabaseProvider.Postgres);
