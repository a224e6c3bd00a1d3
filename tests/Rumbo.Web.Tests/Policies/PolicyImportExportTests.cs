using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Exports;
using Rumbo.Core.Policies;
using Rumbo.TestSupport;
using Rumbo.Web.Tests.Documents;

namespace Rumbo.Web.Tests.Policies;

/// <summary>A country's policies from a spreadsheet and back: the template, the checks by row and column, the round trip.</summary>
public abstract class PolicyImportExportTests(RumboApp app)
{
    private readonly PolicyKit kit = new(app);

    private static string Import(string country) => $"/policies/import?agenda={PolicyKit.Agenda}&country={country}";

    private async Task<(HttpResponseMessage Response, string Body)> UploadAsync(string country, string cookie, string name, byte[] content)
    {
        var form = await kit.Kit.OpenAsync(Import(country), cookie);
        using var request = new HttpRequestMessage(HttpMethod.Post, Import(country))
        {
            Content = DocumentTestClient.Multipart([new("__RequestVerificationToken", form.Token)], ("file", name, content)),
        };
        request.Headers.Add("Cookie", form.Cookies);
        var response = await kit.Client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<int> CountAsync(string country)
    {
        await using var db = app.Database.CreateContext();
        return await db.Policies.CountAsync(p => p.Country!.Code == country);
    }

    private const string Header = "title,language,level,territory,instrument,institution,start_year,end_year,budget_amount,budget_currency,status,progress_percent,lines,sdg_targets,public,links";

    [Fact]
    public async Task A_focal_point_imports_their_country_s_policies_from_a_csv()
    {
        var (cookie, _) = await kit.FocalPointAsync("NI");
        var csv = Header + "\n" +
            "Plan Nacional de Desarrollo Humano,es,National,,Plan,Ministerio de Hacienda,2022,2026,,,InImplementation,30,\"3.2.1, 4.2.1\",16.6,yes,https://example.org/pndh\n" +
            "Estrategia municipal,es,Subnational,Managua,Strategy,,2024,2028,250000,usd,in implementation,,3.5.2,,no,\n";
        var (response, _) = await UploadAsync("ni", cookie, "policies.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Database.CreateContext();
        var stored = await db.Policies.AsNoTracking().Include(p => p.Lines).Where(p => p.Country!.Code == "NI").OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, p => Assert.Equal(PolicyReview.Draft, p.Review));
        Assert.Equal(2, stored[0].Lines.Count);
        Assert.Equal("Ministerio de Hacienda", stored[0].InstitutionName);
        Assert.Equal("Managua", stored[1].Territory);
        Assert.Equal("USD", stored[1].BudgetCurrency);
        Assert.Equal(PolicyStatus.InImplementation, stored[1].Status);
        Assert.False(stored[1].IsPublic);
    }

    [Fact]
    public async Task A_file_with_bad_rows_stores_nothing_and_says_each_problem_by_row_and_column()
    {
        var (cookie, _) = await kit.FocalPointAsync("PA");
        var csv = Header + "\n" +
            "Plan estratégico,es,National,,Plan,,2020,2025,,,Approved,,3.2.1,,yes,\n" +
            ",es,Regional,,Decree,,2030,2020,12,,Approved,101,7.7.7,SDG1,maybe,ftp://x\n" +
            "Otra,xx,National,,Plan,,,,,,Approved,,,,no,\n";
        var (response, body) = await UploadAsync("pa", cookie, "bad.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(0, await CountAsync("PA"));
        var rows = new HtmlParser().ParseDocument(body).QuerySelectorAll("table.file-problems tbody tr")
            .Select(r => (Row: r.Children[0].TextContent, Column: r.Children[1].TextContent)).ToList();
        foreach (var column in (string[])["title", "level", "instrument", "end_year", "budget_currency", "progress_percent", "lines", "sdg_targets", "public", "links"])
            Assert.Contains(("3", column), rows);
        Assert.Contains(("4", "language"), rows);
        Assert.DoesNotContain(rows, r => r.Row == "2");

        // A file that is no table, and one with an unknown column, are refused whole.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await UploadAsync("pa", cookie, "x.csv", [0, 1, 2, 3, 0, 0, 0, 5])).Response.StatusCode);
        var (_, unknown) = await UploadAsync("pa", cookie, "x.csv", Encoding.UTF8.GetBytes("title,language,level,instrument,status,colour\nA,es,National,Plan,Design,red\n"));
        Assert.Contains("colour", unknown);
        Assert.Equal(0, await CountAsync("PA"));
        // Another country's focal point may not import here.
        var (other, _) = await kit.FocalPointAsync("DO");
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.Kit.GetAsync(Import("pa"), other)).StatusCode);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task The_export_imports_back_unchanged_and_an_edited_cell_changes_only_its_policy(string format)
    {
        var country = format == "csv" ? "JM" : "TT";
        var (cookie, _) = await kit.FocalPointAsync(country);
        var (a, _) = await kit.CreateAsync(country, PolicyReview.Draft, isPublic: false, lines: ["3.4.5", "2.1.1"]);
        var (b, _) = await kit.CreateAsync(country, PolicyReview.Reviewed, isPublic: true, instrument: PolicyInstrument.Law);
        var before = await kit.StoredAsync(b);

        var file = await kit.Kit.GetAsync($"/policies.{format}?agenda={PolicyKit.Agenda}&country={country}", cookie);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        var (same, body) = await UploadAsync(country, cookie, $"export.{format}", bytes);
        Assert.True(same.StatusCode == HttpStatusCode.Redirect, body);
        Assert.Equal(before.Version, (await kit.StoredAsync(b)).Version);
        Assert.Equal(PolicyReview.Reviewed, (await kit.StoredAsync(b)).Review);
        Assert.Equal(2, await CountAsync(country));

        // Change one title in the file: that policy changes (and, changed by the country, goes back for review).
        var (opened, _) = TableImport.Open(new MemoryStream(bytes), PolicySheet.SheetName);
        var reader = opened!;
        List<string?[]> rows;
        using (reader)
        {
            rows = reader.Rows.Select(r => PolicySheet.Columns.Select((_, i) => i < r.Cells.Count ? r.Cells[i] : null).ToArray()).ToList();
        }
        var title = Array.IndexOf(PolicySheet.Columns, "title");
        var row = rows.Single(r => r[0] == b.ToString(System.Globalization.CultureInfo.InvariantCulture));
        row[title] = "Ley marco de planificación";
        var edited = format == "csv" ? TableExport.ToCsv(PolicySheet.Columns, rows) : TableExport.ToXlsx(PolicySheet.SheetName, PolicySheet.Columns, rows);
        var (changed, changedBody) = await UploadAsync(country, cookie, $"edited.{format}", edited);
        Assert.True(changed.StatusCode == HttpStatusCode.Redirect, changedBody);
        var after = await kit.StoredAsync(b);
        Assert.Equal("Ley marco de planificación", after.Title.Source);
        Assert.Equal(before.Title.En, after.Title.En);
        Assert.Equal(PolicyReview.Submitted, after.Review);
        Assert.Equal(2, (await kit.StoredAsync(a)).Lines.Count);
    }

    [Fact]
    public async Task The_template_has_the_import_s_columns()
    {
        foreach (var format in (string[])["csv", "xlsx"])
        {
            var response = await kit.Client.GetAsync($"/policies/template.{format}?country=uy");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var (opened, problem) = TableImport.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            Assert.Null(problem);
            var reader = opened!;
            using (reader)
            {
                Assert.Equal(PolicySheet.Columns, reader.Header);
                Assert.Equal("UY", reader.Rows.Single().Cells[1]);
            }
        }
    }
}

public sealed class SqlitePolicyImportExportTests(SqliteApp app) : PolicyImportExportTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPolicyImportExportTests(PostgresApp app) : PolicyImportExportTests(app), IClassFixture<PostgresApp>;
