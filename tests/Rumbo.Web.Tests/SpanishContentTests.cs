using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests;

/// <summary>
/// The demo data read in Spanish (issue 11): both agendas, a group and its meeting show their Spanish, asked for by the
/// culture cookie or the query string; a translation made for the demo is marked as unofficial near the text, and an
/// official one (a body's or a meeting's own Spanish name) is not; in English nothing is marked.
/// </summary>
public abstract class SpanishContentTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { AllowAutoRedirect = false });

    /// <summary>A page in Spanish by the cookie the language switch sets.</summary>
    private async Task<IHtmlDocument> SpanishAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Des%7Cuic%3Des");
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static string Text(IElement? e) => string.Join(' ', e!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task The_planning_agenda_reads_in_Spanish_with_its_official_title_and_the_rest_marked_unofficial()
    {
        var page = await SpanishAsync("/agendas/lc-crp-20-6");
        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Agenda regional de gobernanza de la planificación y la gestión pública para el desarrollo sostenible en América Latina y el Caribe",
            Text(page.QuerySelector("h1")));
        Assert.Null(page.QuerySelector("h1 [lang]"));
        Assert.Contains("Gobernanza, institucionalidad y diálogo social", Text(page.QuerySelector("#area-1-heading")));
        Assert.StartsWith("Realizar diálogos sociales multiactor", Text(page.QuerySelector("#line-1-1-2 .line-text")));
        Assert.Contains("Traducción no oficial", Text(page.QuerySelector(".unofficial-notice")));
        Assert.Contains("inglés", Text(page.QuerySelector(".unofficial-notice")));
        Assert.Empty(page.QuerySelectorAll(".area [lang]"));

        // A line's own page says it beside the line.
        var line = await SpanishAsync("/agendas/lc-crp-20-6/lines/1.1.2?culture=es");
        Assert.StartsWith("Realizar diálogos sociales multiactor", Text(line.QuerySelector(".line-statement")));
        var note = line.QuerySelector(".line-statement + .unofficial-note .unofficial-translation");
        Assert.NotNull(note);
        Assert.Equal("es", note!.GetAttribute("lang"));
        Assert.Equal("Traducción no oficial (texto oficial en inglés)", Text(note));
    }

    [Fact]
    public async Task The_social_agenda_reads_in_Spanish_by_the_query_string()
    {
        var page = await client.GetPageAsync("/agendas/lc-cds-3-5?culture=es");
        Assert.Equal("Agenda Regional de Desarrollo Social Inclusivo", Text(page.QuerySelector("h1")));
        Assert.Equal("El enfoque de derechos como principio normativo.", Text(page.QuerySelector("#principle-1")));
        Assert.Contains("Sistemas de protección social universales e integrales", Text(page.QuerySelector("#area-1-heading")));
        Assert.Contains("Eje 1", Text(page.QuerySelector("#area-1-heading")));
        Assert.Contains("En esta sección se describen", Text(page.QuerySelector("#follow-up")));
        Assert.NotNull(page.QuerySelector(".unofficial-notice"));
    }

    [Fact]
    public async Task A_group_and_its_meeting_read_in_Spanish_the_official_names_unmarked()
    {
        var group = await SpanishAsync("/groups/regional-council-for-planning");
        Assert.Equal("Consejo Regional de Planificación", Text(group.QuerySelector("h1")));
        // The body's name is official: nothing by it. Its mandate is translated for the demo: marked.
        Assert.Null(group.QuerySelector("h1 + .unofficial-note"));
        Assert.StartsWith("El Consejo Regional de Planificación es un órgano subsidiario", Text(group.QuerySelector("section[aria-labelledby=mandate-heading] .prose")));
        Assert.NotNull(group.QuerySelector("section[aria-labelledby=mandate-heading] .unofficial-note .unofficial-translation[lang=es]"));
        Assert.Contains("Mesa Directiva del Consejo Regional de Planificación", group.Body!.TextContent);

        int id;
        await using (var db = app.Database.CreateContext())
        {
            id = await db.Meetings.Where(m => m.Group!.Slug == "regional-council-for-planning" && m.StartsAtUtc.Year == 2023).Select(m => m.Id).SingleAsync();
        }
        var meeting = await SpanishAsync($"/meetings/{id}");
        Assert.Equal("XIX Reunión del Consejo Regional de Planificación del ILPES", Text(meeting.QuerySelector("h1")));
        Assert.Null(meeting.QuerySelector("h1 + .unofficial-note"));
        Assert.StartsWith("La XIX Reunión del Consejo Regional de Planificación", Text(meeting.QuerySelector("section[aria-labelledby=description-heading] .prose-block")));
        Assert.NotNull(meeting.QuerySelector("section[aria-labelledby=description-heading] .unofficial-translation"));
        var item = meeting.QuerySelector("ol.meeting-items > li")!;
        Assert.StartsWith("Agenda regional de gobernanza de la planificación", Text(item.QuerySelector("h3")));
        Assert.NotNull(item.QuerySelector("h3 + .unofficial-note"));
        Assert.Contains("Iniciar la negociación de una agenda regional", meeting.Body!.TextContent);

        // In English every text is the source: nothing is marked.
        var english = await client.GetPageAsync($"/meetings/{id}", "en");
        Assert.Equal("Nineteenth meeting of the Regional Council for Planning of ILPES", Text(english.QuerySelector("h1")));
        Assert.Empty(english.QuerySelectorAll(".unofficial-translation"));
        Assert.Empty((await client.GetPageAsync("/agendas/lc-crp-20-6", "en")).QuerySelectorAll(".unofficial-notice, .unofficial-translation"));
    }

    [Fact]
    public async Task The_planning_agenda_names_itself_and_its_areas_in_Portuguese_marked_unofficial()
    {
        // A person invited in Portuguese opens the agenda first: its title and areas were left in English.
        var page = await client.GetPageAsync("/agendas/lc-crp-20-6?culture=pt");
        Assert.Equal("pt", page.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("Agenda regional de governança do planejamento e da gestão pública", Text(page.QuerySelector("h1")));
        Assert.Contains("Área 1", Text(page.QuerySelector("#area-1-heading")));
        Assert.Contains("Governança, institucionalidade e diálogo social", Text(page.QuerySelector("#area-1-heading")));
        Assert.Contains("Avaliação, valor público e estabelecimento de uma cultura de aprendizagem contínua", Text(page.QuerySelector("#area-4-heading")));
        Assert.Null(page.QuerySelector("#area-1-heading [lang], #area-4-heading [lang], h1 [lang]"));
        Assert.Contains("Tradução não oficial", Text(page.QuerySelector(".unofficial-notice")));
    }

    [Fact]
    public async Task A_plan_of_work_reads_in_Spanish()
    {
        int plan;
        await using (var db = app.Database.CreateContext())
        {
            plan = await db.WorkPlans.Where(p => p.Group!.Slug == "regional-cooperation-and-integration").Select(p => p.Id).SingleAsync();
        }
        var page = await SpanishAsync($"/plans/{plan}");
        Assert.Equal("Plan de trabajo del eje de cooperación e integración regional, 2020-2022", Text(page.QuerySelector("h1")));
        Assert.Contains("Intercambio de experiencias", page.QuerySelector("table.timeline")!.TextContent);
        Assert.NotNull(page.QuerySelector(".unofficial-note"));
    }
}

public sealed class SqliteSpanishContentTests(SqliteApp app) : SpanishContentTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSpanishContentTests(PostgresApp app) : SpanishContentTests(app), IClassFixture<PostgresApp>;
