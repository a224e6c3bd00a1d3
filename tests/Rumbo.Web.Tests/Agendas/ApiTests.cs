using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Rumbo.Core.Agendas;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Agendas;

public abstract class ApiTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task Lists_agendas_with_counts_and_links()
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/agendas");
        var planning = list.EnumerateArray().Single(a => a.GetProperty("symbol").GetString() == "LC/CRP.20/6");
        Assert.Equal("lc-crp-20-6", planning.GetProperty("slug").GetString());
        Assert.Equal(4, planning.GetProperty("counts").GetProperty("areas").GetInt32());
        Assert.Equal(21, planning.GetProperty("counts").GetProperty("objectives").GetInt32());
        Assert.Equal("/api/v1/agendas/lc-crp-20-6/structure.csv", planning.GetProperty("links").GetProperty("csv").GetString());
        Assert.Equal("adopted", planning.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("lc-crp-20-6")]
    [InlineData("LC%2FCRP.20%2F6")]
    [InlineData("LC-CRP.20-6")]
    public async Task Returns_the_whole_tree_with_codes_by_any_key(string key)
    {
        var agenda = await client.GetFromJsonAsync<JsonElement>($"/api/v1/agendas/{key}");
        Assert.Equal("LC/CRP.20/6", agenda.GetProperty("symbol").GetString());
        var area2 = agenda.GetProperty("areas")[1];
        Assert.Equal("2", area2.GetProperty("code").GetString());
        var objective = area2.GetProperty("objectives")[6];
        Assert.Equal("2.7", objective.GetProperty("code").GetString());
        Assert.Equal("2.7.2", objective.GetProperty("lines")[1].GetProperty("code").GetString());
        Assert.StartsWith("Anticipatory governance", area2.GetProperty("title").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Returns_one_line_by_code()
    {
        var line = await client.GetFromJsonAsync<JsonElement>("/api/v1/agendas/lc-crp-20-6/lines/3.2.4");
        Assert.Equal("3.2.4", line.GetProperty("code").GetString());
        Assert.Equal("3.2", line.GetProperty("objective").GetProperty("code").GetString());
        Assert.Equal("3.2.3", line.GetProperty("previousCode").GetString());
        Assert.Equal("/agendas/lc-crp-20-6/lines/3.2.4", line.GetProperty("html").GetString());
    }

    [Theory]
    [InlineData("/api/v1/agendas/nothing", 404)]
    [InlineData("/api/v1/agendas/lc-crp-20-6/lines/9.9.9", 404)]
    [InlineData("/api/v1/agendas/nothing/lines/1.1.1", 404)]
    [InlineData("/api/v1/agendas/lc-crp-20-6/lines/1..1", 400)]
    [InlineData("/api/v1/agendas/lc-crp-20-6/structure.pdf", 400)]
    [InlineData("/api/v1/search?q=", 400)]
    [InlineData("/api/v1/search?q=foresight&lang=xx", 400)]
    [InlineData("/api/v1/search?q=foresight&agenda=nothing", 404)]
    [InlineData("/api/v1/no-such-endpoint", 404)]
    public async Task Bad_requests_answer_problem_details(string url, int status)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("lc-cds-3-5", "LC-MDS")]
    [InlineData("lc-crp-20-6", "LC-CRP")]
    public async Task Json_download_is_exactly_what_the_document_gives(string slug, string seedPrefix)
    {
        var response = await client.GetAsync($"/api/v1/agendas/{slug}/structure.json");
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var json = await response.Content.ReadAsStringAsync();
        var seed = Rumbo.Core.Seed.SeedDocuments.FileNames.Single(n => n.StartsWith(seedPrefix, StringComparison.Ordinal));
        var parsed = Rumbo.Core.Agendas.Import.AgendaParser.Parse(Rumbo.Core.Seed.SeedDocuments.Read(seed), seed);
        // The demo agenda is the document with the Spanish shipped beside it (Seed/Translations), which the JSON keeps.
        var seeded = Rumbo.Core.Seed.SeedTranslations.Apply(parsed);
        Assert.Equal(AgendaJson.Serialize(seeded), json);
        Assert.Contains("\"official\": \"es\"", json);
    }

    [Fact]
    public async Task Head_requests_are_answered_like_get()
    {
        // The in-process server sends the body Kestrel would drop; what matters here is the status and the type.
        using var request = new HttpRequestMessage(HttpMethod.Head, "/api/v1/agendas/lc-crp-20-6");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var missing = new HttpRequestMessage(HttpMethod.Head, "/api/v1/agendas/nothing");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(missing)).StatusCode);
    }

    [Fact]
    public async Task Search_can_be_narrowed_to_one_agenda_by_any_key()
    {
        foreach (var key in new[] { "lc-crp-20-6", "LC%2FCRP.20%2F6" })
        {
            var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q=foresight&agenda={key}");
            Assert.True(result.GetProperty("total").GetInt32() > 0);
            Assert.All(result.GetProperty("hits").EnumerateArray(), h => Assert.Equal("lc-crp-20-6", h.GetProperty("agenda").GetString()));
        }
    }

    [Fact]
    public async Task Csv_download_has_a_row_per_item()
    {
        var bytes = await client.GetByteArrayAsync("/api/v1/agendas/lc-crp-20-6/structure.csv");
        var text = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        using var reader = new CsvHelper.CsvReader(new StringReader(text), System.Globalization.CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        var api = await client.GetFromJsonAsync<JsonElement>("/api/v1/agendas/lc-crp-20-6");
        var lines = api.GetProperty("areas").EnumerateArray().SelectMany(a => a.GetProperty("objectives").EnumerateArray()).Sum(o => o.GetProperty("lines").GetArrayLength());
        Assert.Equal(4 + 21 + lines, rows.Count);
        var row = rows.Single(r => (string)r["code"] == "3.2.1");
        Assert.Equal("line", row["level"]);
        Assert.Equal("3.2", row["objective_code"]);
        Assert.Contains("multidimensional positive impacts—social, economic and environmental—and", (string)row["text"]);
    }

    [Fact]
    public async Task Xlsx_download_opens_as_a_workbook_with_the_structure()
    {
        var bytes = await client.GetByteArrayAsync("/api/v1/agendas/lc-crp-20-6/structure.xlsx");
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Structure", "Agenda"], sheets);
        var part = (WorksheetPart)doc.WorkbookPart.GetPartById(doc.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First().Id!);
        var rows = part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        string Cell(int row, int col) => rows[row].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(col).InnerText;
        Assert.Equal("code", Cell(0, 2));
        Assert.Equal("area", Cell(1, 1));
        Assert.Equal("1", Cell(1, 2));
        Assert.Contains(rows, r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(2).InnerText == "4.6.5");
    }

    [Fact]
    public async Task Search_api_returns_segments_with_matches()
    {
        var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=qwertyuiop");
        Assert.Equal(0, result.GetProperty("total").GetInt32());
        result = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=rights-based");
        var hit = result.GetProperty("hits")[0];
        Assert.Equal("principle", hit.GetProperty("kind").GetString());
        Assert.Equal("/agendas/lc-cds-3-5#principle-1", hit.GetProperty("html").GetString());
        Assert.False(hit.TryGetProperty("score", out _), "the ranking score is internal");
        Assert.Contains(hit.GetProperty("segments").EnumerateArray(), s => s.GetProperty("match").GetBoolean() && s.GetProperty("text").GetString() == "rights-based");
    }

    [Fact]
    public async Task OpenApi_document_describes_the_endpoints()
    {
        var doc = await client.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/agendas", paths);
        Assert.Contains("/api/v1/agendas/{key}", paths);
        Assert.Contains("/api/v1/agendas/{key}/lines/{code}", paths);
        Assert.Equal("Rumbo API", doc.GetProperty("info").GetProperty("title").GetString());
        var explorer = await client.GetAsync("/api/explorer");
        Assert.Equal(HttpStatusCode.OK, explorer.StatusCode);
    }

    [Fact]
    public async Task Api_explorer_and_what_it_references_come_from_the_site_itself()
    {
        using var explorer = await client.GetAsync("/api/explorer");
        Assert.Equal(HttpStatusCode.OK, explorer.StatusCode);
        var html = await explorer.Content.ReadAsStringAsync();
        var baseUri = explorer.RequestMessage!.RequestUri!;
        AssertNoOtherHost(html, "/api/explorer");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var assets = page.QuerySelectorAll("script[src]").Select(e => e.GetAttribute("src")!)
            .Concat(page.QuerySelectorAll("link[href]").Select(e => e.GetAttribute("href")!))
            .Select(a => new Uri(baseUri, a)).ToList();
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            Assert.Equal(baseUri.Authority, asset.Authority);
            using var response = await client.GetAsync(asset.PathAndQuery);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {response.StatusCode}");
            // The vendor's bundle carries its own defaults as code; what the site emits (the page, its configuration script) must not point elsewhere.
            if (!asset.AbsolutePath.EndsWith("/scalar.js", StringComparison.Ordinal))
            {
                AssertNoOtherHost(await response.Content.ReadAsStringAsync(), asset.AbsolutePath);
            }
        }
        // The browser is held to the site too: nothing may be fetched from, or sent to, another host.
        var policy = string.Join(' ', explorer.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.DoesNotContain("http", policy);
    }

    private static void AssertNoOtherHost(string text, string where)
    {
        var others = System.Text.RegularExpressions.Regex.Matches(text, @"https?://[^\s""'`)<>]+")
            .Select(m => m.Value).Where(u => !new Uri(u).IsLoopback && new Uri(u).Host != "localhost").ToList();
        Assert.True(others.Count == 0, $"{where} names other hosts: {string.Join(", ", others)}");
    }
}

public sealed class SqliteApiTests(SqliteApp app) : ApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresApiTests(PostgresApp app) : ApiTests(app), IClassFixture<PostgresApp>;
