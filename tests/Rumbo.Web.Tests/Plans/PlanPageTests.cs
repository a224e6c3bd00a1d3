using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Plans;

/// <summary>The plan pages, the timeline of table 2, the API and the three-meetings column, read by the public.</summary>
public abstract class PlanPageTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<int> Table2Async()
    {
        await using var db = app.Database.CreateContext();
        return await db.WorkPlans.Where(p => p.Group!.Slug == "regional-conference-on-social-development").Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task Table_2_s_timeline_has_a_column_per_month_under_its_year_and_marks_the_months_in_words()
    {
        var id = await Table2Async();
        var page = await client.GetPageAsync($"/plans/{id}");
        Assert.Equal("2020–2021 timeline of the working groups of the Regional Agenda for Inclusive Social Development", page.QuerySelector("h1")!.TextContent.Trim());
        var table = page.QuerySelector("table.timeline")!;
        Assert.Contains("August 2020 – December 2021", table.QuerySelector("caption")!.TextContent);
        var years = table.QuerySelectorAll("thead th[scope=colgroup]").Select(th => (th.TextContent.Trim(), th.GetAttribute("colspan"))).ToList();
        Assert.Equal([("2020", "5"), ("2021", "12")], years);
        var months = table.QuerySelectorAll("thead th[scope=col]").ToList();
        Assert.Equal(17, months.Count);
        Assert.Equal("Aug", months[0].TextContent.Trim());
        Assert.Equal("August 2020", months[0].QuerySelector("abbr")!.GetAttribute("title"));
        var rows = table.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(7, rows.Count);
        Assert.All(rows, r => Assert.Equal("row", r.QuerySelector("th")!.GetAttribute("scope")));

        var seminars = rows.Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Seminars and workshops");
        var marked = seminars.QuerySelectorAll("td.on").ToList();
        Assert.Equal(["2020-11", "2020-12", "2021-01", "2021-02", "2021-03", "2021-04", "2021-05", "2021-06", "2021-07", "2021-08", "2021-09", "2021-10"],
            marked.Select(td => td.GetAttribute("data-month")));
        // Not colour alone: each marked cell says it in words, and the mark itself is hidden from screen readers.
        Assert.Equal("Runs in November 2020", marked[0].QuerySelector(".visually-hidden")!.TextContent.Trim());
        Assert.Equal("true", marked[0].QuerySelector("[aria-hidden]")!.GetAttribute("aria-hidden"));
        Assert.All(seminars.QuerySelectorAll("td:not(.on)"), td => Assert.Equal("", td.TextContent.Trim()));

        // The plain list, with its details, and the description saying the months are indicative.
        Assert.Equal(7, page.QuerySelectorAll("ol.activities > li").Length);
        Assert.Contains("the months shown here are indicative", page.QuerySelector("section[aria-labelledby=description-heading]")!.TextContent);
        Assert.Contains("This plan is a draft", page.GetElementById("adoption")!.TextContent);
    }

    [Fact]
    public async Task The_plan_page_and_its_timeline_in_Spanish()
    {
        var id = await Table2Async();
        var page = await client.GetPageAsync($"/plans/{id}", "es");
        Assert.Equal("Cronograma 2020-2021 de los grupos de trabajo de la Agenda Regional de Desarrollo Social Inclusivo", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Cronograma", page.GetElementById("timeline-heading")!.TextContent.Trim());
        Assert.Equal("agosto de 2020", page.QuerySelector("table.timeline thead th[scope=col] abbr")!.GetAttribute("title"));
        Assert.Contains("Se realiza en", page.QuerySelector("table.timeline td.on")!.TextContent);
        Assert.Contains("Borrador", page.QuerySelector(".plan-status")!.TextContent);
        Assert.Contains("Terminada", page.QuerySelector("ol.activities .activity-status")!.TextContent);
    }

    [Fact]
    public async Task A_group_s_plans_and_its_page_show_the_current_plan()
    {
        var list = await client.GetPageAsync("/groups/regional-cooperation-and-integration/plans");
        var plans = list.QuerySelectorAll("ul.plans li").ToList();
        Assert.Single(plans);
        Assert.Contains("Plan of work of the regional cooperation and integration axis, 2020–2022", plans[0].TextContent);
        Assert.Null(list.QuerySelector("a[href$='/plans/new']"));

        var group = await client.GetPageAsync("/groups/regional-conference-on-social-development");
        Assert.NotNull(group.QuerySelector($"#plans a[href='/plans/{await Table2Async()}']"));
        Assert.Equal(7, group.QuerySelectorAll("#plans table.timeline tbody tr").Length);
        Assert.NotNull(group.QuerySelector("#plans a[href='/groups/regional-conference-on-social-development/plans']"));

        // A group with no plan shows nothing to the public.
        Assert.Null((await client.GetPageAsync("/groups/civil-society")).GetElementById("plans"));
    }

    [Fact]
    public async Task The_API_lists_and_returns_plans_with_months_as_year_and_month()
    {
        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/plans?agenda=lc-cds-3-5");
        Assert.Contains(all.EnumerateArray(), p => p.GetProperty("group").GetProperty("slug").GetString() == "regional-conference-on-social-development");
        var cooperation = await client.GetFromJsonAsync<JsonElement>("/api/v1/plans?group=regional-cooperation-and-integration&status=draft");
        var summary = Assert.Single(cooperation.EnumerateArray());
        Assert.Equal("2020-11", summary.GetProperty("periodStart").GetString());
        Assert.Equal(5, summary.GetProperty("activities").GetInt32());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/v1/plans?group=regional-cooperation-and-integration&status=adopted")).EnumerateArray());
        Assert.DoesNotContain((await client.GetFromJsonAsync<JsonElement>("/api/v1/plans?agenda=lc-crp-20-6")).EnumerateArray(),
            p => p.GetProperty("group").GetProperty("slug").GetString() == "regional-cooperation-and-integration");

        var id = await Table2Async();
        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}");
        Assert.Equal("draft", plan.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("adoption").ValueKind);
        Assert.Equal(17, plan.GetProperty("months").GetArrayLength());
        var activities = plan.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(7, activities.Count);
        Assert.Equal(("2020-08", "2020-09", "completed"), (activities[0].GetProperty("startMonth").GetString(), activities[0].GetProperty("endMonth").GetString(), activities[0].GetProperty("status").GetString()));
        Assert.Equal("regional-conference-on-social-development", activities[0].GetProperty("responsibleGroup").GetProperty("slug").GetString());
        Assert.Equal($"/plans/{id}", plan.GetProperty("html").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/plans?status=finished")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/plans/abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/plans/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/plans?group=no-such-group")).StatusCode);
        var problem = await client.GetAsync("/api/v1/plans/999999");
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Governance_shows_the_three_meetings_column_and_the_group_page_its_line_in_both_languages()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        await PlanScenario.EnsureMeetingsThisYearAsync(app.Database, s.Complete, 2);
        var page = await client.GetPageAsync("/governance");
        var header = page.QuerySelector("table.governance thead th[data-rule='meetings.three']")!;
        Assert.Contains("Three meetings a year", header.TextContent);
        Assert.Contains("LC/MDS.4/3, A.3 (a)", header.QuerySelector(".source")!.TextContent);
        var cell = page.QuerySelector($"tr[data-slug='{s.Complete}'] td[data-rule='meetings.three']")!;
        Assert.Equal("broken", cell.GetAttribute("data-outcome"));
        Assert.Equal("2 of 3 meetings this year", cell.QuerySelector(".rule-count")!.TextContent.Trim());
        Assert.Null(page.QuerySelector($"tr[data-slug='{s.AdHoc}'] td[data-rule='meetings.three'] .rule-count"));
        Assert.Equal("notapplicable", page.QuerySelector($"tr[data-slug='{s.AdHoc}'] td[data-rule='meetings.three']")!.GetAttribute("data-outcome"));
        var es = await client.GetPageAsync("/governance", "es");
        Assert.Contains("Tres reuniones al año", es.QuerySelector("th[data-rule='meetings.three']")!.TextContent);
        Assert.Equal("2 de 3 reuniones este año", es.QuerySelector($"tr[data-slug='{s.Complete}'] td[data-rule='meetings.three'] .rule-count")!.TextContent.Trim());

        var group = await client.GetPageAsync($"/groups/{s.Complete}");
        var line = group.QuerySelector("#rules li[data-rule='meetings.three']")!;
        Assert.Equal("broken", line.GetAttribute("data-outcome"));
        Assert.Contains("2 meetings this year: 1 still missing.", line.TextContent);
        Assert.Contains($"{DateTime.UtcNow.Year}-01-10", line.TextContent);
        Assert.Contains("2 reuniones este año: falta 1.", (await client.GetPageAsync($"/groups/{s.Complete}", "es")).QuerySelector("#rules li[data-rule='meetings.three']")!.TextContent);

        await PlanScenario.EnsureMeetingsThisYearAsync(app.Database, s.Complete, 3);
        var met = (await client.GetPageAsync($"/groups/{s.Complete}")).QuerySelector("#rules li[data-rule='meetings.three']")!;
        Assert.Equal("met", met.GetAttribute("data-outcome"));
        Assert.Contains("At least three meetings this year.", met.TextContent);
    }

    [Fact]
    public async Task Every_string_of_the_feature_has_its_Spanish()
    {
        var localizer = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>(app.Services);
        var keys = Enum.GetNames<Rumbo.Core.Plans.PlanStatus>().Select(n => $"PlanStatus:{n}")
            .Concat(Enum.GetNames<Rumbo.Core.Plans.ActivityStatus>().Select(n => $"ActivityStatus:{n}"))
            .Append("rule:meetings.three").ToList();
        // Messages are English text: their key is their English, so only the Spanish is looked up.
        string[] messages = ["At least three meetings this year.", "2 meetings this year: 1 still missing.", "1 meeting this year: 2 still missing.", "No meeting this year: 3 still missing."];
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { "en", "es" })
            {
                System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
                Assert.All(keys, k => Assert.False(localizer[k].ResourceNotFound, $"{k} has no {culture} text"));
            }
            Assert.All(messages, m => Assert.False(localizer[m].ResourceNotFound, $"'{m}' has no Spanish"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }
}

public sealed class SqlitePlanPageTests(SqliteApp app) : PlanPageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPlanPageTests(PostgresApp app) : PlanPageTests(app), IClassFixture<PostgresApp>;
