using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using AngleSharp.Dom;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Agendas;

public abstract class PageTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task Home_says_what_Rumbo_is_and_lists_both_agendas()
    {
        var page = await client.GetPageAsync("/");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Follow-up of regional development agendas", page.QuerySelector("h1")!.TextContent);
        var links = page.QuerySelectorAll(".card h3 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/agendas/lc-crp-20-6", links);
        Assert.Contains("/agendas/lc-cds-3-5", links);
        var planning = page.QuerySelectorAll(".card").Single(c => c.TextContent.Contains("LC/CRP.20/6"));
        Assert.Contains("4 areas", Normalize(planning.QuerySelector(".stats")!.TextContent));
        var social = page.QuerySelectorAll(".card").Single(c => c.TextContent.Contains("LC/CDS.3/5"));
        Assert.Contains("8 principles", Normalize(social.QuerySelector(".stats")!.TextContent));
        Assert.Contains("4 axes", Normalize(social.QuerySelector(".stats")!.TextContent));
    }

    [Fact]
    public async Task Every_page_names_the_SVG_favicon_which_is_served()
    {
        var page = await client.GetPageAsync("/");
        var href = page.QuerySelector("head link[rel=icon][type='image/svg+xml']")?.GetAttribute("href");
        Assert.NotNull(href);
        Assert.StartsWith("/favicon.svg", href);
        using var icon = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await icon.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Agenda_page_shows_every_area_objective_and_line_with_codes_and_a_table_of_contents()
    {
        var page = await client.GetPageAsync("/agendas/lc-crp-20-6");
        Assert.Contains("Regional agenda on governance of planning and public management", page.QuerySelector("h1")!.TextContent);
        var areas = page.QuerySelectorAll("section.area").ToList();
        Assert.Equal(4, areas.Count);
        // Each area's heading comes before its disclosure, never inside the summary (whose button role hides headings).
        Assert.All(areas, a => Assert.Equal(["H2", "DETAILS"], a.Children.Select(c => c.TagName.ToUpperInvariant())));
        Assert.All(areas, a => Assert.NotNull(a.QuerySelector("details[open] > summary")));
        Assert.Empty(page.QuerySelectorAll("summary h1, summary h2, summary h3, summary h4, summary h5, summary h6"));
        Assert.Equal(["area-1", "area-2", "area-3", "area-4"], areas.Select(a => a.Id));

        var api = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/agendas/lc-crp-20-6");
        var expectedLines = api.GetProperty("areas").EnumerateArray()
            .SelectMany(a => a.GetProperty("objectives").EnumerateArray())
            .SelectMany(o => o.GetProperty("lines").EnumerateArray())
            .Select(l => l.GetProperty("code").GetString()!).ToList();
        var shownLines = page.QuerySelectorAll("ol.lines > li").Select(li => li.QuerySelector("a.code")!.TextContent).ToList();
        Assert.Equal(expectedLines, shownLines);

        var line = page.GetElementById("line-3-2-4")!;
        Assert.Equal("/agendas/lc-crp-20-6/lines/3.2.4", line.QuerySelector("a.code")!.GetAttribute("href"));
        Assert.StartsWith("Promote ongoing training", line.QuerySelector(".line-text")!.TextContent.Trim());

        var toc = page.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#area-2", toc);
        Assert.Contains("#objective-2-7", toc);
        Assert.All(toc, href => Assert.NotNull(page.GetElementById(href![1..])));
    }

    [Fact]
    public async Task Agenda_page_of_the_social_agenda_shows_principles_and_axes()
    {
        var page = await client.GetPageAsync("/agendas/lc-cds-3-5");
        var principles = page.QuerySelectorAll("ol.principles > li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(8, principles.Count);
        Assert.Equal("The rights-based approach as a normative principle.", principles[0]);
        var axes = page.QuerySelectorAll("section.area h2").Select(h => Normalize(h.TextContent)).ToList();
        Assert.Equal("Axis 4 Regional cooperation and integration", axes[3]);
    }

    [Theory]
    [InlineData("/agendas/LC-CRP.20-6")]
    [InlineData("/agendas/LC%2FCRP.20%2F6")]
    public async Task Other_spellings_of_an_agenda_redirect_to_its_one_address(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/agendas/lc-crp-20-6", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Line_page_shows_the_text_and_its_place()
    {
        var page = await client.GetPageAsync("/agendas/lc-crp-20-6/lines/2.4.1");
        Assert.Equal("Line of action 2.4.1", Normalize(page.QuerySelector("h1")!.TextContent));
        Assert.StartsWith("Strengthen prospective analytical capacities", page.QuerySelector(".line-statement")!.TextContent.Trim());
        var place = string.Join(" ", page.QuerySelectorAll("dl.place dt, dl.place dd").Select(e => Normalize(e.TextContent)));
        Assert.Contains("Area 2 Anticipatory governance", place);
        Assert.Contains("Strategic objective 2.4 Promote political foresight", place);
        Assert.Equal("/agendas/lc-crp-20-6/lines/2.3.5", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/agendas/lc-crp-20-6/lines/2.5.1", page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/agendas/lc-crp-20-6/lines/9.9.9")]
    [InlineData("/agendas/lc-crp-20-6/lines/abc")]
    [InlineData("/agendas/no-such-agenda")]
    public async Task Missing_records_answer_404_with_a_page(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Search_highlights_the_matches_and_links_to_the_line()
    {
        var page = await client.GetPageAsync("/search?q=%22innovation+labs%22");
        var hits = page.QuerySelectorAll("li.hit").ToList();
        var hit = Assert.Single(hits);
        Assert.Equal("innovation labs", hit.QuerySelector("mark")!.TextContent);
        Assert.Equal("Set up innovation labs in strategic sectors to experiment with mechanisms, methodologies and new technologies that impact public sector productivity.",
            hit.QuerySelector(".hit-text")!.TextContent);
        Assert.Equal("/agendas/lc-crp-20-6/lines/2.1.4", hit.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("1 result for \"innovation labs\"", page.QuerySelector("#results-heading")!.TextContent.Trim());
    }

    [Fact]
    public async Task Search_with_an_empty_query_says_so_by_the_field()
    {
        var page = await client.GetPageAsync("/search?q=+");
        Assert.Equal("true", page.GetElementById("q")!.GetAttribute("aria-invalid"));
        Assert.Contains("Type one or more words", page.GetElementById("q-error")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("li.hit"));
    }

    [Fact]
    public async Task Spanish_comes_from_Accept_Language_and_from_the_switch()
    {
        var page = await client.GetPageAsync("/agendas/lc-crp-20-6", "es-CL,es;q=0.9");
        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Líneas de acción", page.QuerySelector(".lines-label")!.TextContent.Trim());
        // The demo agendas have their Spanish; texts with no translation (none into Portuguese) are marked with their own
        // language and explained.
        Assert.Null(page.QuerySelector("h1 span[lang]"));
        // In Portuguese the title has its (unofficial) translation; the description has none and is marked English.
        var portuguese = await client.GetPageAsync("/agendas/lc-crp-20-6", "pt-BR,pt;q=0.9");
        Assert.Null(portuguese.QuerySelector("h1 span[lang]"));
        Assert.NotEmpty(portuguese.QuerySelectorAll("main [lang=en]"));
        Assert.Contains("inglês", portuguese.QuerySelector(".notice")!.TextContent);

        var response = await client.GetAsync("/culture?lang=es&returnUrl=%2Fsearch");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/search", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains(".AspNetCore.Culture=c%3Des%7Cuic%3Des", cookie);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var body = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<h1>Buscar en las agendas</h1>", body);
    }

    [Fact]
    public async Task Language_switch_refuses_other_languages_and_foreign_return_urls()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/culture?lang=xx")).StatusCode);
        var response = await client.GetAsync("/culture?lang=en&returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_no_inline_script()
    {
        var response = await client.GetAsync("/agendas/lc-crp-20-6");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline script found"));
    }

    [Fact]
    public async Task A_change_made_outside_the_site_shows_on_its_cached_pages()
    {
        var before = await client.GetPageAsync("/agendas/lc-crp-20-6");
        Assert.Contains("Brasília", before.QuerySelector("dl.meta")!.TextContent);

        // Another process (the command line, another instance) changes the agenda in the database.
        await using var db = app.Database.CreateContext();
        var store = new Rumbo.Core.Agendas.AgendaStore(db, TimeProvider.System, new Rumbo.Core.Agendas.AgendaReader(db, new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions())));
        var original = (await store.ExportAsync((await db.Agendas.SingleAsync(a => a.Slug == "lc-crp-20-6")).Id))!;
        await store.ImportAsync(original with { Place = "Brasília, Brazil" });
        try
        {
            var after = await client.GetPageAsync("/agendas/lc-crp-20-6");
            Assert.Contains("Brasília, Brazil", after.QuerySelector("dl.meta")!.TextContent);
            var api = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/agendas/lc-crp-20-6");
            Assert.Equal("Brasília, Brazil", api.GetProperty("place").GetString());
        }
        finally
        {
            await store.ImportAsync(original);
        }
    }

    [Fact]
    public async Task Cached_pages_differ_by_language()
    {
        var english = await client.GetPageAsync("/agendas/lc-cds-3-5", "en");
        var spanish = await client.GetPageAsync("/agendas/lc-cds-3-5", "es");
        var again = await client.GetPageAsync("/agendas/lc-cds-3-5", "en");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("es", spanish.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", again.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Principios", spanish.GetElementById("principles-heading")!.TextContent);
    }

    [Fact]
    public async Task Language_switch_drops_the_culture_parameter_from_where_it_returns()
    {
        var page = await client.GetPageAsync("/search?q=foresight&culture=es");
        var english = page.QuerySelector(".lang-switch a[hreflang=en]")!.GetAttribute("href")!;
        Assert.Equal("/culture?lang=en&returnUrl=" + Uri.EscapeDataString("/search?q=foresight"), english);
    }

    [Theory]
    [InlineData("/error/99")]
    [InlineData("/error/200")]
    public async Task Error_page_only_takes_error_statuses(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);

    [Fact]
    public async Task Search_survives_characters_outside_the_basic_plane()
    {
        var page = await client.GetPageAsync("/search?q=" + Uri.EscapeDataString("foresight 🌎"));
        Assert.Contains("0 results", page.QuerySelector("#results-heading")!.TextContent);
    }

    [Fact]
    public async Task Health_reports_healthy()
    {
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private static string Normalize(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed class SqlitePageTests(SqliteApp app) : PageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPageTests(PostgresApp app) : PageTests(app), IClassFixture<PostgresApp>;
