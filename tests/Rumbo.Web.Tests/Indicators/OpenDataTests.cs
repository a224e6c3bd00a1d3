using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Exports;
using Rumbo.Core.Indicators;
using Rumbo.Core.Seed;
using Rumbo.TestSupport;
using Rumbo.Web.Api;
using static Rumbo.TestSupport.IndicatorScenario;

namespace Rumbo.Web.Tests.Indicators;

/// <summary>
/// The open data and the API's reads of the indicators: the list and its status filter, an indicator, its observations
/// with every filter and the pages they walk, the downloads per indicator, the agenda's streamed CSV and its zip (a
/// Frictionless tabular data package and SDMX-CSV), and the page that lists the stable addresses and the licence. Every
/// row is counted against the approved values in the database: Chile's submitted 2025 values and Argentina's drafts
/// reach none of them.
/// </summary>
public abstract partial class OpenDataTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    private const string Api = $"/api/v1/agendas/{Agenda}/indicators";

    /// <summary>Broken down by sex and area: the total and four breakdowns per country and year, and the region's.</summary>
    private const string ByBreakdown = "2.7-a";

    /// <summary>A published row as every file and answer is compared: country empty for the region, the value as written.</summary>
    private sealed record Row(string Indicator, int Version, string Country, int Year, string Breakdown, string Value);

    private static Row Of(PublishedRow r) => new(r.Indicator, r.Version, r.Country ?? "", r.Year, r.Breakdown, r.Value.ToString("R", CultureInfo.InvariantCulture));

    private static HashSet<Row> Set(IEnumerable<PublishedRow> rows) => rows.Select(Of).ToHashSet();

    /// <summary>As seeded: Chile sent its 2025 values, Argentina's are drafts. Neither may be published.</summary>
    private async Task UnapprovedAreThereAsync()
    {
        Assert.Equal(ValueStatus.Submitted, (await ValueAsync(app.Database, "CL", ByBreakdown, 2025))!.Status);
        Assert.Equal(ValueStatus.Draft, (await ValueAsync(app.Database, "AR", ByBreakdown, 2025))!.Status);
        Assert.Equal(ValueStatus.Submitted, (await ValueAsync(app.Database, "CL", "4.4-a", 2025))!.Status);
        Assert.Equal(ValueStatus.Draft, (await ValueAsync(app.Database, "AR", "4.4-a", 2025))!.Status);
    }

    private static void NoneUnapproved(IEnumerable<Row> rows, string where)
    {
        var leaked = rows.Where(r => r.Year == 2025 && r.Country is "CL" or "AR").ToList();
        Assert.True(leaked.Count == 0, $"{where} publishes unapproved values: {string.Join("; ", leaked.Take(5))}");
    }

    private async Task<JsonElement> JsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 400)]}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A CSV as text: the header and the rows (the byte order mark, if any, left out).</summary>
    private static (List<string> Header, List<string[]> Rows) ReadCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        Assert.True(csv.Read());
        csv.ReadHeader();
        var header = csv.HeaderRecord!.ToList();
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, header.Count).Select(i => csv.GetField(i) ?? "").ToArray());
        return (header, rows);
    }

    /// <summary>Rows in the columns of <see cref="OpenData.Columns"/>, as compared.</summary>
    private static List<Row> Rows(List<string> header, IEnumerable<string?[]> rows)
    {
        int Col(string name) => header.IndexOf(name);
        return rows.Select(r =>
        {
            string Cell(string name) => r[Col(name)] ?? "";
            var breakdown = Disaggregations.Write(Disaggregations.All.Select(d => new KeyValuePair<string, string>(d.Code, Cell(d.Code))));
            return new Row(Cell("indicator"), int.Parse(Cell("version"), CultureInfo.InvariantCulture), Cell("country"),
                int.Parse(Cell("year"), CultureInfo.InvariantCulture), breakdown, Cell("value"));
        }).ToList();
    }

    private static Row FromJson(JsonElement o) => new(o.GetProperty("indicator").GetString()!, o.GetProperty("version").GetInt32(),
        o.GetProperty("country").GetString() ?? "", o.GetProperty("year").GetInt32(),
        Disaggregations.Write(o.GetProperty("breakdown").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!))),
        o.GetProperty("value").GetDouble().ToString("R", CultureInfo.InvariantCulture));

    [Fact]
    public async Task The_list_has_every_indicator_and_filters_by_a_status_of_either_method()
    {
        var all = await JsonAsync(Api);
        var codes = all.EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Equal(DemoIndicators.Definitions.Select(d => d.Code), codes);
        foreach (var i in all.EnumerateArray())
        {
            var code = i.GetProperty("code").GetString();
            Assert.Equal($"{Api}/{code}", i.GetProperty("self").GetString());
            Assert.Equal($"/agendas/{Agenda}/indicators/{code}", i.GetProperty("html").GetString());
            // The region's latest approved value: 2024, never the unapproved 2025.
            Assert.Equal(2024, i.GetProperty("latestRegional").GetProperty("year").GetInt32());
            Assert.Equal(["open-sdg", "unsd"], i.GetProperty("regionalProgress").EnumerateArray().Select(m => m.GetProperty("method").GetString()));
        }

        string[] Having(string status) => all.EnumerateArray()
            .Where(i => i.GetProperty("regionalProgress").EnumerateArray().Any(m => m.GetProperty("status").GetString() == status))
            .Select(i => i.GetProperty("code").GetString()!).ToArray();
        var statuses = all.EnumerateArray().SelectMany(i => i.GetProperty("regionalProgress").EnumerateArray().Select(m => m.GetProperty("status").GetString()!))
            .Append("on_track").Distinct().ToList();
        foreach (var status in statuses)
        {
            var filtered = await JsonAsync($"{Api}?status={status}");
            Assert.Equal(Having(status), filtered.EnumerateArray().Select(i => i.GetProperty("code").GetString()!));
        }

        var bad = await JsonAsync($"{Api}?status=fast", HttpStatusCode.UnprocessableEntity);
        Assert.Contains("on_track", bad.GetProperty("errors").GetProperty("status")[0].GetString());
        await JsonAsync("/api/v1/agendas/no-such-agenda/indicators", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_indicator_links_its_observations_and_downloads()
    {
        var i = await JsonAsync($"{Api}/{ByBreakdown}");
        Assert.Equal((ByBreakdown, "2.7", 1), (i.GetProperty("code").GetString(), i.GetProperty("objective").GetString(), i.GetProperty("current").GetProperty("number").GetInt32()));
        Assert.Equal(["sex", "area"], i.GetProperty("current").GetProperty("dimensions").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal($"{Api}/{ByBreakdown}/observations", i.GetProperty("observations").GetString());
        foreach (var (field, format) in new[] { ("csv", "csv"), ("xlsx", "xlsx"), ("json", "json") })
        {
            var url = i.GetProperty(field).GetString()!;
            Assert.Equal($"{Api}/{ByBreakdown}/data.{format}", url);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
        Assert.Contains(i.GetProperty("targets").EnumerateArray(), t => t.GetProperty("country").ValueKind == JsonValueKind.Null);
        await JsonAsync($"{Api}/9.9-z", HttpStatusCode.NotFound);
        await JsonAsync($"{Api}/9.9-z/observations", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Api}/9.9-z/data.csv")).StatusCode);
    }

    public static TheoryData<string> Filters() =>
    [
        "", "country=CL", "country=cl", "country=region", "country=AR", "from=2018", "to=2020", "from=2018&to=2020", "breakdown=total",
        "breakdown=sex%3Dfemale%3Barea%3Durban", "version=1", "version=2", "country=CL&breakdown=sex%3Dmale%3Barea%3Drural&from=2020",
    ];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Observations_are_the_approved_values_the_filter_asks_for(string query)
    {
        await UnapprovedAreThereAsync();
        var q = System.Web.HttpUtility.ParseQueryString(query);
        var expected = (await ApprovedAsync(app.Database, ByBreakdown)).Where(r =>
            (q["country"] is not { } c || (c.Equals("region", StringComparison.OrdinalIgnoreCase) ? r.Country is null : r.Country == c.ToUpperInvariant()))
            && (q["from"] is not { } f || r.Year >= int.Parse(f, CultureInfo.InvariantCulture))
            && (q["to"] is not { } t || r.Year <= int.Parse(t, CultureInfo.InvariantCulture))
            && (q["breakdown"] is not { } b || r.Breakdown == (b == "total" ? "" : b))
            && (q["version"] is not { } v || r.Version == int.Parse(v, CultureInfo.InvariantCulture))).ToList();
        if (query is "" or "country=CL" or "breakdown=total") Assert.NotEmpty(expected);

        var page = await JsonAsync($"{Api}/{ByBreakdown}/observations?{query}&pageSize={IndicatorsApi.MaxPageSize}");
        Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().Select(FromJson).ToList();
        Assert.Equal(Set(expected), items.ToHashSet());
        Assert.Equal(items.Count, items.Distinct().Count());
        NoneUnapproved(items, $"observations?{query}");
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }

    public static TheoryData<string, string> BadFilters() => new()
    {
        { "pageSize=0", "pageSize" },
        { $"pageSize={IndicatorsApi.MaxPageSize + 1}", "pageSize" },
        { "page=0", "page" },
        { "from=1800", "from" },
        { "to=2300", "to" },
        { "breakdown=area%3Durban%3Bsex%3Dfemale", "breakdown" },
        { "breakdown=colour%3Dred", "breakdown" },
        { "breakdown=female", "breakdown" },
    };

    [Theory]
    [MemberData(nameof(BadFilters))]
    public async Task A_bad_filter_answers_422_by_its_parameter(string query, string parameter)
    {
        var problem = await JsonAsync($"{Api}/{ByBreakdown}/observations?{query}", HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), $"No error for {parameter}: {problem}");
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Theory]
    [InlineData("", 37)]
    [InlineData("country=region&breakdown=total", 4)]
    public async Task The_next_link_walks_every_page_once(string query, int pageSize)
    {
        var expected = (await ApprovedAsync(app.Database, ByBreakdown))
            .Where(r => query.Length == 0 || (r.Country is null && r.Breakdown.Length == 0)).ToList();
        Assert.True(expected.Count > 2 * pageSize, "The series is too short to walk pages.");
        var seen = new List<Row>();
        string? next = $"{Api}/{ByBreakdown}/observations?{query}{(query.Length == 0 ? "" : "&")}pageSize={pageSize}";
        var pages = 0;
        while (next is not null)
        {
            var page = await JsonAsync(next);
            pages++;
            Assert.Equal((pages, pageSize, expected.Count), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("total").GetInt32()));
            var items = page.GetProperty("items").EnumerateArray().Select(FromJson).ToList();
            Assert.True(items.Count == pageSize || page.GetProperty("next").ValueKind == JsonValueKind.Null, $"Page {pages} has {items.Count} items and a next page.");
            seen.AddRange(items);
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            Assert.True(pages <= expected.Count / pageSize + 1, "The next links do not end.");
        }
        Assert.Equal((expected.Count + pageSize - 1) / pageSize, pages);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(Set(expected), seen.ToHashSet());
    }

    [Fact]
    public async Task Each_indicator_s_CSV_XLSX_and_JSON_hold_its_approved_values_and_nothing_else()
    {
        await UnapprovedAreThereAsync();
        foreach (var code in new[] { ByBreakdown, "4.4-a", "1.3-a" })
        {
            var expected = Set(await ApprovedAsync(app.Database, code));

            var csv = await client.GetAsync($"{Api}/{code}/data.csv");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            var (header, rows) = ReadCsv(await csv.Content.ReadAsByteArrayAsync());
            Assert.Equal(OpenData.Columns, header);
            var fromCsv = Rows(header, rows);
            NoneUnapproved(fromCsv, $"{code}/data.csv");
            Assert.Equal(expected.Count, fromCsv.Count);
            Assert.Equal(expected, fromCsv.ToHashSet());

            var xlsx = await client.GetAsync($"{Api}/{code}/data.xlsx");
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            var (reader, problem) = TableImport.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), "Observations");
            Assert.True(reader is not null, problem);
            using (reader)
            {
                var xh = reader.Header.ToList();
                Assert.Equal(OpenData.Columns, xh);
                var fromXlsx = Rows(xh, reader.Rows.Select(r => Enumerable.Range(0, xh.Count).Select(i => i < r.Cells.Count ? r.Cells[i] : null).ToArray()).ToList());
                Assert.Equal(expected.Count, fromXlsx.Count);
                Assert.Equal(expected, fromXlsx.ToHashSet());
            }

            var json = await JsonAsync($"{Api}/{code}/data.json");
            var fromJson = json.EnumerateArray().Select(FromJson).ToList();
            Assert.Equal(expected.Count, fromJson.Count);
            Assert.Equal(expected, fromJson.ToHashSet());
        }
    }

    [Fact]
    public async Task The_agenda_s_observations_CSV_holds_every_approved_value_and_nothing_else()
    {
        await UnapprovedAreThereAsync();
        var response = await client.GetAsync($"{Api}/observations.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"{Agenda}-observations.csv", response.Content.Headers.ContentDisposition?.ToString());
        // Streamed as it is read: no length is known before the last row.
        using (var headers = await client.GetAsync($"{Api}/observations.csv", HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, headers.StatusCode);
            Assert.Null(headers.Content.Headers.ContentLength);
        }
        var (header, rows) = ReadCsv(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(OpenData.Columns, header);
        var published = Rows(header, rows);
        var expected = await ApprovedAsync(app.Database);
        Assert.Equal(expected.Count, published.Count);
        Assert.Equal(Set(expected), published.ToHashSet());
        NoneUnapproved(published, "observations.csv");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/agendas/no-such-agenda/indicators/observations.csv")).StatusCode);
    }

    /// <summary>The types a Frictionless table schema's field may have.</summary>
    private static readonly string[] FrictionlessTypes =
        ["string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any"];

    [GeneratedRegex("^[a-z0-9._-]+$")]
    private static partial Regex FrictionlessName();

    /// <summary>Whether a cell reads as its field's type; an empty cell is a missing value, which every type takes.</summary>
    private static bool Reads(string type, string cell) => cell.Length == 0 || type switch
    {
        "year" => Regex.IsMatch(cell, "^-?[0-9]{4}$"),
        "integer" => long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "number" => double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        "boolean" => cell is "true" or "false" or "True" or "False" or "TRUE" or "FALSE" or "1" or "0",
        _ => true,
    };

    private async Task<Dictionary<string, byte[]>> ZipAsync()
    {
        var response = await client.GetAsync($"{Api}/data.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>();
        foreach (var e in zip.Entries)
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            await s.CopyToAsync(m);
            entries[e.FullName] = m.ToArray();
        }
        return entries;
    }

    [Fact]
    public async Task The_zip_is_a_valid_tabular_data_package_under_CC_BY_4_0_whose_fields_are_its_CSV_headers()
    {
        await UnapprovedAreThereAsync();
        var entries = await ZipAsync();
        Assert.True(entries.ContainsKey("datapackage.json"), "The zip has no datapackage.json.");
        var package = JsonDocument.Parse(entries["datapackage.json"]).RootElement;

        Assert.Equal("tabular-data-package", package.GetProperty("profile").GetString());
        Assert.Matches(FrictionlessName(), package.GetProperty("name").GetString()!);
        Assert.True(DateTime.TryParseExact(package.GetProperty("created").GetString(), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "created is not an RFC 3339 time");
        var licence = Assert.Single(package.GetProperty("licenses").EnumerateArray());
        Assert.Equal(("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"), (licence.GetProperty("name").GetString(), licence.GetProperty("path").GetString()));

        var resources = package.GetProperty("resources").EnumerateArray().ToList();
        Assert.NotEmpty(resources);
        Assert.Equal(resources.Count, resources.Select(r => r.GetProperty("name").GetString()).Distinct().Count());
        // Every file of the zip is described, and every described file is there.
        Assert.Equal(entries.Keys.Where(k => k != "datapackage.json").Order(StringComparer.Ordinal),
            resources.Select(r => r.GetProperty("path").GetString()!).Order(StringComparer.Ordinal));
        foreach (var r in resources)
        {
            var name = r.GetProperty("name").GetString()!;
            Assert.Matches(FrictionlessName(), name);
            Assert.Equal("tabular-data-resource", r.GetProperty("profile").GetString());
            var path = r.GetProperty("path").GetString()!;
            var fields = r.GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => (Name: f.GetProperty("name").GetString()!, Type: f.GetProperty("type").GetString()!)).ToList();
            Assert.All(fields, f => Assert.Contains(f.Type, FrictionlessTypes));
            Assert.Equal(fields.Count, fields.Select(f => f.Name).Distinct().Count());
            var (header, rows) = ReadCsv(entries[path]);
            Assert.True(fields.Select(f => f.Name).SequenceEqual(header), $"{path}: the fields [{string.Join(", ", fields.Select(f => f.Name))}] are not its header [{string.Join(", ", header)}]");
            foreach (var (row, n) in rows.Select((row, n) => (row, n + 2)))
            {
                Assert.Equal(header.Count, row.Length);
                for (var c = 0; c < fields.Count; c++)
                {
                    Assert.True(Reads(fields[c].Type, row[c]), $"{path}, row {n}: {fields[c].Name} is {fields[c].Type} but holds '{row[c]}'");
                }
            }
        }

        var expected = await ApprovedAsync(app.Database);
        var (obsHeader, obsRows) = ReadCsv(entries["observations.csv"]);
        var observations = Rows(obsHeader, obsRows);
        Assert.Equal(expected.Count, observations.Count);
        Assert.Equal(Set(expected), observations.ToHashSet());
        NoneUnapproved(observations, "data.zip observations.csv");

        var (indicatorHeader, indicators) = ReadCsv(entries["indicators.csv"]);
        Assert.Equal(DemoIndicators.Definitions.Select(d => d.Code), indicators.Select(r => r[indicatorHeader.IndexOf("indicator")]));
        int targets;
        await using (var db = app.Database.CreateContext())
        {
            targets = await db.IndicatorTargets.CountAsync(t => t.Indicator!.Agenda!.Slug == Agenda);
        }
        Assert.Equal(targets, ReadCsv(entries["targets.csv"]).Rows.Count);
    }

    [Fact]
    public async Task The_zip_s_SDMX_CSV_has_one_row_per_approved_observation()
    {
        await UnapprovedAreThereAsync();
        var entries = await ZipAsync();
        Assert.StartsWith("STRUCTURE,STRUCTURE_ID,ACTION,", Encoding.UTF8.GetString(entries["sdmx.csv"]).TrimStart('\uFEFF'));
        var (header, rows) = ReadCsv(entries["sdmx.csv"]);
        Assert.Equal(OpenData.SdmxColumns, header);
        var expected = await ApprovedAsync(app.Database);
        Assert.Equal(expected.Count, rows.Count);
        int Col(string name) => header.IndexOf(name);
        Assert.All(rows, r => Assert.Equal(("dataflow", "I"), (r[Col("STRUCTURE")], r[Col("ACTION")])));
        Assert.Single(rows.Select(r => r[Col("STRUCTURE_ID")]).Distinct());
        // The same observations: indicator, area (LAC for the region), breakdown (_T for a total) and year, with the value.
        static string Sex(string? s) => s switch { "female" => "F", "male" => "M", null => "_T", _ => s.ToUpperInvariant() };
        static string Area(string? s) => s switch { "urban" => "U", "rural" => "R", null => "_T", _ => s.ToUpperInvariant() };
        var wanted = expected.Select(r =>
        {
            var d = Disaggregations.Read(r.Breakdown);
            return (r.Indicator, r.Country ?? "LAC", Sex(d.GetValueOrDefault("sex")), d.GetValueOrDefault("age")?.ToUpperInvariant() ?? "_T", Area(d.GetValueOrDefault("area")),
                r.Year.ToString(CultureInfo.InvariantCulture), r.Value.ToString("R", CultureInfo.InvariantCulture));
        }).ToList();
        var written = rows.Select(r => (r[Col("INDICATOR")], r[Col("REF_AREA")], r[Col("SEX")], r[Col("AGE")], r[Col("URBANISATION")], r[Col("TIME_PERIOD")], r[Col("OBS_VALUE")])).ToList();
        Assert.Equal(wanted.Order(), written.Order());
        Assert.DoesNotContain(written, w => w.Item6 == "2025" && w.Item2 is "CL" or "AR");
    }

    [Fact]
    public async Task A_negative_value_is_published_as_a_number_in_every_file()
    {
        // Evaluations published, read as a change: a series that may go below zero, in a value and in a baseline.
        const string Code = "4.4-a";
        int valueId, targetId;
        double value;
        double? baseline;
        await using (var db = app.Database.CreateContext())
        {
            var v = await db.IndicatorValues.SingleAsync(v => v.IndicatorVersion!.Indicator!.Code == Code && v.CountryId == null && v.Breakdown == "" && v.Year == 2016);
            (valueId, value) = (v.Id, v.Value);
            var t = await db.IndicatorTargets.SingleAsync(t => t.Indicator!.Code == Code && t.CountryId == null);
            (targetId, baseline) = (t.Id, t.BaselineValue);
            t.BaselineValue = -3;
            await db.SaveChangesAsync();
        }
        await SetValueAsync(app.Database, valueId, -12.5);
        try
        {
            var wrong = new List<string>();
            void Check(string file, IEnumerable<Row> rows)
            {
                var row = rows.Single(r => r.Indicator == Code && r.Country == "" && r.Year == 2016 && r.Breakdown == "");
                if (row.Value != "-12.5") wrong.Add($"{file} writes the value -12.5 as {row.Value}");
            }
            var (header, rows) = ReadCsv(await (await client.GetAsync($"{Api}/{Code}/data.csv")).Content.ReadAsByteArrayAsync());
            Check($"{Code}/data.csv", Rows(header, rows));
            var json = await JsonAsync($"{Api}/{Code}/data.json");
            Check($"{Code}/data.json", json.EnumerateArray().Select(FromJson));
            (header, rows) = ReadCsv(await (await client.GetAsync($"{Api}/observations.csv")).Content.ReadAsByteArrayAsync());
            Check("observations.csv", Rows(header, rows));
            var entries = await ZipAsync();
            (header, rows) = ReadCsv(entries["observations.csv"]);
            Check("data.zip observations.csv", Rows(header, rows));
            (header, rows) = ReadCsv(entries["sdmx.csv"]);
            var sdmx = rows.Single(r => r[header.IndexOf("INDICATOR")] == Code && r[header.IndexOf("REF_AREA")] == "LAC" && r[header.IndexOf("SEX")] == "_T"
                && r[header.IndexOf("TIME_PERIOD")] == "2016")[header.IndexOf("OBS_VALUE")];
            if (sdmx != "-12.5") wrong.Add($"data.zip sdmx.csv writes the value -12.5 as {sdmx}");
            (header, rows) = ReadCsv(entries["targets.csv"]);
            var target = rows.Single(r => r[header.IndexOf("indicator")] == Code && r[header.IndexOf("country")] == "")[header.IndexOf("baseline_value")];
            if (target != "-3") wrong.Add($"data.zip targets.csv writes the baseline -3 as {target}");
            Assert.True(wrong.Count == 0, string.Join("; ", wrong));
        }
        finally
        {
            await SetValueAsync(app.Database, valueId, value);
            await using var db = app.Database.CreateContext();
            (await db.IndicatorTargets.SingleAsync(t => t.Id == targetId)).BaselineValue = baseline;
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task The_open_data_page_lists_the_stable_addresses_and_the_licence_and_each_answers()
    {
        var page = await client.GetPageAsync("/open-data");
        var licence = page.QuerySelector("a[rel=license]")!;
        Assert.Equal(OpenData.LicenceUrl, licence.GetAttribute("href"));
        Assert.Contains("CC-BY-4.0", licence.TextContent);
        var section = page.QuerySelector($"section[aria-labelledby='data-{Agenda}']")!;
        var shown = section.QuerySelectorAll("code").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains($"{Api}/data.zip", shown);
        Assert.Contains($"{Api}/observations.csv", shown);
        Assert.Contains(Api, shown);
        var links = section.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => h.StartsWith("/api/", StringComparison.Ordinal)).Distinct().ToList();
        foreach (var code in DemoIndicators.Definitions.Select(d => d.Code))
        {
            foreach (var file in new[] { "data.csv", "data.xlsx", "data.json", "observations" }) Assert.Contains($"{Api}/{code}/{file}", links);
        }
        foreach (var link in links)
        {
            var response = await client.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {link} answered {(int)response.StatusCode}");
        }
    }
}

public sealed class SqliteOpenDataTests(SqliteApp app) : OpenDataTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresOpenDataTests(PostgresApp app) : OpenDataTests(app), IClassFixture<PostgresApp>;
