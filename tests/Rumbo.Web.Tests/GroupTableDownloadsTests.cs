using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests;

/// <summary>
/// A group's tables are downloaded one way: the same kind of endpoint for every feature, with the same file names,
/// content types, 404s and caching rules; no page writes a CSV or XLSX file.
/// </summary>
public abstract class GroupTableDownloadsTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });

    public static TheoryData<string, string> Downloads => new()
    {
        { "meetings", "csv" }, { "meetings", "xlsx" }, { "agreements", "csv" }, { "agreements", "xlsx" },
    };

    [Theory]
    [MemberData(nameof(Downloads))]
    public async Task A_download_is_named_after_the_group_and_typed_by_its_format(string table, string format)
    {
        var s = await GroupScenario.SharedAsync(app.Database);
        var response = await client.GetAsync($"/groups/{s.Complete}/{table}.{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(format == "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{s.Complete}-{table}.{format}", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.False(response.Headers.CacheControl?.NoStore ?? false, $"{table}.{format}: {response.Headers.CacheControl}");
    }

    [Theory]
    [MemberData(nameof(Downloads))]
    public async Task A_signed_in_download_is_private_and_not_stored(string table, string format)
    {
        var s = await GroupScenario.SharedAsync(app.Database);
        var response = await client.GetAsync($"/groups/{s.Complete}/{table}.{format}", await SignedIn.CookieAsync(app));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"{table}.{format}: {response.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("/groups/no-such-group/meetings.csv")]
    [InlineData("/groups/no-such-group/agreements.xlsx")]
    [InlineData("/groups/{0}/meetings.pdf")]
    [InlineData("/groups/{0}/agreements.json")]
    public async Task An_unknown_group_or_format_is_not_found(string url)
    {
        var s = await GroupScenario.SharedAsync(app.Database);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, s.Complete))).StatusCode);
    }

    [Fact]
    public void No_page_serves_a_table_file()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var pages = endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null || e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText ?? "").Where(p => p.Contains("csv", StringComparison.OrdinalIgnoreCase) || p.Contains("xlsx", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(pages);
        var tables = endpoints.Select(e => e.RoutePattern.RawText ?? "").Where(p => p.StartsWith("/groups/", StringComparison.Ordinal) && p.Contains("csv", StringComparison.Ordinal)).Order();
        // Besides the group tables, a group's texts for translation (TranslationsApi): not a table of the group's records,
        // and for its coordinators and the secretariat only, so it is neither public nor output-cached as MapGroupTable's are.
        Assert.Equal(["/groups/{slug}/agreements.{format:regex(^(csv|xlsx)$)}", "/groups/{slug}/meetings.{format:regex(^(csv|xlsx)$)}",
            "/groups/{slug}/translations/{lang:regex(^(en|es|pt|fr)$)}.{format:regex(^(xlf|xlsx|csv)$)}"], tables);
    }
}

public sealed class SqliteGroupTableDownloadsTests(SqliteApp app) : GroupTableDownloadsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresGroupTableDownloadsTests(PostgresApp app) : GroupTableDownloadsTests(app), IClassFixture<PostgresApp>;
