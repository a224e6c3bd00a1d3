using Rumbo.Core.Capacities;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Agendas;
using Rumbo.Core.RoadMaps;
using Rumbo.TestSupport;
using Rumbo.Web.Tests.Policies;

namespace Rumbo.Web.Tests.RoadMaps;

/// <summary>
/// Road maps through the pages and the API: a focal point writes their country's only, the secretariat agrees, the
/// messages by the field and the 409 of a stale save, and what the public sees (pages, API, downloads, country page).
/// </summary>
public abstract class RoadMapPageTests(RumboApp app)
{
    private const string Agenda = PolicyKit.Agenda;
    private readonly PolicyKit kit = new(app);

    private static string Url(string country) => $"/roadmaps/{Agenda}/{country.ToLowerInvariant()}";

    private static (string, string)[] Action(string title) =>
        [("Title.Source", title), ("Area", "1"), ("Dimension", "Technical"), ("Status", "Planned"), ("BaselineScore", "30"), ("TargetScore", "70"),
         ("StartOn", "2026-01-01"), ("DueOn", "2027-06-30"), ("Lines", "1.1.1"), ("ResponsibleInstitution", "Secretaría de Planificación")];

    private async Task<int> RoadMapIdAsync(string country)
    {
        await using var db = kit.Kit.Db();
        return await db.RoadMaps.Where(r => r.Country!.Code == country && r.Agenda!.Slug == Agenda).Select(r => r.Id).SingleAsync();
    }

    [Fact]
    public async Task A_focal_point_writes_their_country_s_road_map_and_no_other_country_s()
    {
        var (cookie, _) = await kit.FocalPointAsync("AR");
        var (other, _) = await kit.FocalPointAsync("PE");
        // No road map yet: its writers are offered to start one; anyone else is answered as for nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync(Url("AR"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync(Url("AR"), other)).StatusCode);
        var start = await kit.Kit.OpenAsync(Url("AR"), cookie);
        Assert.NotNull(start.Page.QuerySelector($"form[action='{Url("AR")}?handler=Create']"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await kit.Kit.PostAsync($"{Url("AR")}?handler=Create", start, ("Language", "xx"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.Kit.PostAsync($"{Url("AR")}?handler=Create", start, ("Language", "es"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.Kit.PostAsync($"{Url("AR")}?handler=Create", start, ("Language", "es"))).StatusCode);

        // An action: refused by the field with nothing stored, then stored.
        var form = await kit.Kit.OpenAsync($"{Url("AR")}/actions/new", cookie);
        var before = await kit.Kit.AuditCountAsync();
        var refused = await kit.Kit.PostAsync($"{Url("AR")}/actions/new", form,
            [("Title.Source", ""), ("Area", "99"), ("Dimension", "Sideways"), ("Status", "Planned"), ("TargetScore", "150"), ("DueOn", "2026-13-01"), ("Lines", "9.9.9")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        foreach (var id in new[] { "Area", "Dimension", "TargetScore", "DueOn", "Lines" }) Assert.Equal("true", page.QuerySelector($"#{id}")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await kit.Kit.AuditCountAsync());
        var saved = await kit.Kit.PostAsync($"{Url("AR")}/actions/new", form, Action("Sistema de información para la planificación"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        int actionId;
        await using (var db = kit.Kit.Db())
        {
            var action = await db.CapacityActions.Include(a => a.Lines).Include(a => a.RoadMap).SingleAsync(a => a.RoadMap!.Country!.Code == "AR");
            Assert.Equal((CapacityDimension.Technical, (int?)30, (int?)70, 1), (action.Dimension, action.BaselineScore, action.TargetScore, action.Lines.Count));
            actionId = action.Id;
        }

        // Two milestones, one done: the action is at 50 %, and so is the road map.
        var edit = await kit.Kit.OpenAsync($"/roadmaps/actions/{actionId}/edit", cookie);
        var version = edit.Value("Version")!;
        Assert.Equal(HttpStatusCode.Redirect, (await kit.Kit.PostAsync($"/roadmaps/actions/{actionId}/edit?handler=AddMilestone", edit,
            ("Version", version), ("MilestoneTitle.Source", "Diagnóstico"), ("MilestoneDueOn", "2026-03-31"))).StatusCode);
        // The version moved: the same form again is stale.
        Assert.Equal(HttpStatusCode.Conflict, (await kit.Kit.PostAsync($"/roadmaps/actions/{actionId}/edit?handler=AddMilestone", edit,
            ("Version", version), ("MilestoneTitle.Source", "Otro"), ("MilestoneDueOn", "2026-04-30"))).StatusCode);
        edit = await kit.Kit.OpenAsync($"/roadmaps/actions/{actionId}/edit", cookie);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await kit.Kit.PostAsync($"/roadmaps/actions/{actionId}/edit?handler=AddMilestone", edit,
            ("Version", edit.Value("Version")!), ("MilestoneTitle.Source", ""), ("MilestoneDueOn", "someday"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.Kit.PostAsync($"/roadmaps/actions/{actionId}/edit?handler=AddMilestone", edit,
            ("Version", edit.Value("Version")!), ("MilestoneTitle.Source", "Piloto"), ("MilestoneDueOn", "2027-03-31"))).StatusCode);
        edit = await kit.Kit.OpenAsync($"/roadmaps/actions/{actionId}/edit", cookie);
        var first = edit.Page.QuerySelectorAll("input[name=MilestoneId]").First().GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await kit.Kit.PostAsync($"/roadmaps/actions/{actionId}/edit?handler=Milestone", edit,
            ("Version", edit.Value("Version")!), ("MilestoneId", first), ("DoneOn", "2199-01-01"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.Kit.PostAsync($"/roadmaps/actions/{actionId}/edit?handler=Milestone", edit,
            ("Version", edit.Value("Version")!), ("MilestoneId", first), ("DoneOn", "2026-03-20"))).StatusCode);
        var shown = await kit.Kit.PageAsync(Url("AR"), cookie);
        Assert.Contains("50", shown.QuerySelector(".roadmap-progress")!.TextContent);
        Assert.Contains("50", shown.QuerySelector($"#action-{actionId} .progress-figure")!.TextContent);
        Assert.NotNull(shown.QuerySelector($"#action-{actionId} svg[role=img]"));
        Assert.Equal(2, shown.QuerySelectorAll("ol.timeline li").Length);

        // Not public: Peru's focal point and the public get 404 everywhere; made public, they read it and Peru may still not write.
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/roadmaps/actions/{actionId}/edit", other)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"{Url("AR")}/actions/new", other)).StatusCode);
        var settings = await kit.Kit.OpenAsync($"{Url("AR")}/edit", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.Kit.PostAsync($"{Url("AR")}/edit", settings,
            ("Version", settings.Value("Version")!), ("Language", "es"), ("Summary.Source", "Hoja de ruta."), ("IsPublic", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.Kit.PostAsync($"{Url("AR")}/edit", settings,
            ("Version", settings.Value("Version")!), ("Language", "es"), ("Summary.Source", "Otra."))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kit.Kit.GetAsync(Url("AR"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kit.Kit.GetAsync(Url("AR"), other)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.Kit.GetAsync($"/roadmaps/actions/{actionId}/edit", other)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.Kit.GetAsync($"{Url("AR")}/edit", other)).StatusCode);
        var otherForm = await kit.Kit.OpenAsync(Url("AR"), other);
        Assert.Null(otherForm.Page.QuerySelector("form.roadmap-transition"));
    }

    [Fact]
    public async Task A_road_map_is_drafted_from_the_gaps_of_the_country_s_latest_closed_diagnosis_and_shows_whether_they_closed()
    {
        // Colombia's demo diagnosis is closed and has no road map: drafting starts one with an action a gap.
        var gaps = await app.Services.CreateScope().ServiceProvider.GetRequiredService<CapacityReader>()
            .GapsAsync(await AgendaIdAsync(), await CountryIdAsync("CO"));
        Assert.NotEmpty(gaps);
        var (cookie, _) = await kit.FocalPointAsync("CO");
        var (other, _) = await kit.FocalPointAsync("PE");
        var start = await kit.Kit.OpenAsync(Url("CO"), cookie);
        Assert.NotNull(start.Page.QuerySelector($"form[action='{Url("CO")}?handler=Draft']"));
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.PostAsync($"{Url("CO")}?handler=Draft", await kit.Kit.OpenAsync(Url("PE"), other))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.Kit.PostAsync($"{Url("CO")}?handler=Draft", start)).StatusCode);
        await using (var db = kit.Kit.Db())
        {
            var actions = await db.CapacityActions.Where(a => a.RoadMap!.Country!.Code == "CO").ToListAsync();
            Assert.Equal(gaps.Count, actions.Count);
            foreach (var g in gaps)
            {
                var action = actions.Single(a => a.AreaId == g.AreaId && a.Dimension == g.Dimension);
                Assert.Equal((int)Math.Round(g.Score, MidpointRounding.AwayFromZero), action.BaselineScore);
                Assert.False(string.IsNullOrWhiteSpace(action.Title.Source));
            }
        }
        // Every gap covered now: drafting again adds nothing.
        var again = await kit.Kit.OpenAsync(Url("CO"), cookie);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.Kit.PostAsync($"{Url("CO")}?handler=Draft", again)).StatusCode);
        // The latest scores are read against each action's baseline.
        var shown = await kit.Kit.PageAsync(Url("CO"), cookie);
        Assert.Contains(gaps[0].Score.ToString("0", System.Globalization.CultureInfo.InvariantCulture), shown.QuerySelector("section[aria-labelledby=actions-heading]")!.TextContent);

        // Argentina has no closed diagnosis: nothing to draft from.
        var (argentina, _) = await kit.FocalPointAsync("AR");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await kit.Kit.PostAsync($"{Url("AR")}?handler=Draft", await kit.Kit.OpenAsync(Url("AR"), argentina))).StatusCode);
    }

    private async Task<int> AgendaIdAsync()
    {
        await using var db = kit.Kit.Db();
        return await db.Agendas.Where(a => a.Slug == Agenda).Select(a => a.Id).SingleAsync();
    }

    private async Task<int> CountryIdAsync(string code)
    {
        await using var db = kit.Kit.Db();
        return await db.Countries.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task The_secretariat_agrees_a_road_map_the_country_implements_it_and_a_refused_move_changes_nothing()
    {
        var (cookie, person) = await kit.FocalPointAsync("EC");
        var secretariat = await kit.SecretariatAsync();
        var start = await kit.Kit.OpenAsync(Url("EC"), cookie);
        await kit.Kit.PostAsync($"{Url("EC")}?handler=Create", start, ("Language", "es"));
        var form = await kit.Kit.OpenAsync($"{Url("EC")}/actions/new", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.Kit.PostAsync($"{Url("EC")}/actions/new", form, Action("Formación en prospectiva"))).StatusCode);

        // The country cannot agree its own road map: no option offered, and a forged post is forbidden with nothing saved.
        var page = await kit.Kit.OpenAsync(Url("EC"), cookie);
        Assert.Null(page.Page.QuerySelector("form.roadmap-transition"));
        var before = await kit.Kit.AuditCountAsync();
        var version = (await kit.Kit.OpenAsync($"{Url("EC")}/edit", cookie)).Value("Version")!;
        var refused = await kit.Kit.PostAsync($"{Url("EC")}?handler=Move", page, ("Version", version), ("To", "Agreed"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before, await kit.Kit.AuditCountAsync());

        var asSecretariat = await kit.Kit.OpenAsync(Url("EC"), secretariat);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.Kit.PostAsync($"{Url("EC")}?handler=Move", asSecretariat, ("Version", version), ("To", "Agreed"))).StatusCode);
        // The same version again is stale.
        Assert.Equal(HttpStatusCode.Conflict, (await kit.Kit.PostAsync($"{Url("EC")}?handler=Move", asSecretariat, ("Version", version), ("To", "InImplementation"))).StatusCode);
        page = await kit.Kit.OpenAsync(Url("EC"), cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.Kit.PostAsync($"{Url("EC")}?handler=Move", page, ("Version", page.Value("Version")!), ("To", "InImplementation"))).StatusCode);
        await using var db = kit.Kit.Db();
        var map = await db.RoadMaps.Include(r => r.Transitions).SingleAsync(r => r.Country!.Code == "EC");
        Assert.Equal(RoadMapStatus.InImplementation, map.Status);
        Assert.Equal([RoadMapStatus.Agreed, RoadMapStatus.InImplementation], map.Transitions.OrderBy(t => t.Id).Select(t => t.To));
        // Who and when: the focal point's move carries their person; both were made just now.
        Assert.Equal(person, map.Transitions.OrderBy(t => t.Id).Last().ByPersonId);
        Assert.All(map.Transitions, t => Assert.True(t.AtUtc > DateTime.UtcNow.AddHours(-1)));
        Assert.Equal(HttpStatusCode.Conflict, (await kit.Kit.PostAsync($"{Url("EC")}?handler=Move", page, ("Version", map.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("To", "Nonsense"))).StatusCode);
    }

    [Fact]
    public async Task The_public_never_sees_a_road_map_or_an_activity_that_is_not_public()
    {
        // The demo: Chile's road map public, Paraguay's not; a training and a peer exchange, public.
        var overview = await kit.Kit.PageAsync($"/roadmaps?agenda={Agenda}");
        var countries = overview.QuerySelectorAll("table.roadmaps tbody tr th a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(Url("CL"), countries);
        Assert.DoesNotContain(Url("PY"), countries);
        Assert.NotNull(overview.QuerySelector("table.roadmaps .badge"));
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync(Url("PY"))).StatusCode);
        var paraguay = await RoadMapIdAsync("PY");
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/api/v1/roadmaps/{paraguay}")).StatusCode);
        var list = await (await kit.Kit.GetAsync($"/api/v1/roadmaps?agenda={Agenda}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain("PY", list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("country").GetProperty("code").GetString()));
        var csv = await (await kit.Kit.GetAsync($"/roadmaps.csv?agenda={Agenda}")).Content.ReadAsStringAsync();
        Assert.Contains("Formar a los equipos regionales", csv);
        Assert.DoesNotContain("Fortalecer la oficina de planificación", csv);
        Assert.Equal(HttpStatusCode.OK, (await kit.Kit.GetAsync($"/roadmaps.xlsx?agenda={Agenda}")).StatusCode);
        Assert.Null((await kit.Kit.PageAsync("/countries/py")).QuerySelector(".country-roadmaps"));
        Assert.NotNull((await kit.Kit.PageAsync("/countries/cl")).QuerySelector(".country-roadmaps"));

        // Paraguay's focal point and the secretariat see it, through the page, the API and the download.
        var (focal, person) = await kit.FocalPointAsync("PY");
        Assert.Equal(HttpStatusCode.OK, (await kit.Kit.GetAsync(Url("PY"), focal)).StatusCode);
        var token = await kit.Kit.TokenAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await kit.Kit.GetAsync($"/api/v1/roadmaps/{paraguay}", bearer: token)).StatusCode);
        Assert.Contains("Fortalecer la oficina", await (await kit.Kit.GetAsync($"/roadmaps.csv?country=PY", focal)).Content.ReadAsStringAsync());

        // Chile's road map whole from the API, with the roll-up the page states.
        var chile = await (await kit.Kit.GetAsync($"/api/v1/roadmaps/{await RoadMapIdAsync("CL")}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, chile.GetProperty("actions").GetArrayLength());
        Assert.Equal(42.2, chile.GetProperty("progress").GetDouble());
        Assert.Equal("inImplementation", chile.GetProperty("status").GetString());
        Assert.True(chile.GetProperty("actions").EnumerateArray().Sum(a => a.GetProperty("milestones").GetArrayLength()) == 5);

        // An activity the secretariat has not made public: 404 to the public and to focal points, absent from the list.
        int hidden;
        await using (var db = kit.Kit.Db())
        {
            var activity = new CapacityActivity
            {
                AgendaId = await db.Agendas.Where(a => a.Slug == Agenda).Select(a => a.Id).SingleAsync(), Kind = CapacityActivityKind.TechnicalAssistance, Language = "es",
                Topic = new LocalizedText { Source = "Misión reservada" }, StartOn = new(2026, 5, 1), EndOn = new(2026, 5, 3), Mode = CapacityActivityMode.Online,
            };
            db.CapacityActivities.Add(activity);
            await db.SaveChangesAsync();
            hidden = activity.Id;
        }
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/roadmaps/activities/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/roadmaps/activities/{hidden}", focal)).StatusCode);
        Assert.DoesNotContain("Misión reservada", (await kit.Kit.PageAsync("/roadmaps/activities")).Body!.TextContent);
        var secretariat = await kit.SecretariatAsync();
        Assert.Contains("Misión reservada", (await kit.Kit.PageAsync("/roadmaps/activities", secretariat)).Body!.TextContent);
        var exchanges = (await kit.Kit.PageAsync("/roadmaps/activities?kind=PeerExchange")).QuerySelector("table.activities")!.TextContent;
        Assert.Contains("Peer exchange on monitoring systems", exchanges);
        Assert.DoesNotContain("Regional course on foresight planning", exchanges);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_never_a_500()
    {
        foreach (var url in new[] { "/api/v1/roadmaps?status=Nonsense", "/api/v1/roadmaps?pageSize=0", "/api/v1/roadmaps?page=0", "/api/v1/roadmaps?country=ZZZZ",
                     "/api/v1/roadmaps?agenda=none", "/api/v1/roadmaps/abc", "/roadmaps?status=x", "/roadmaps.csv?country=QQ", "/roadmaps/activities?kind=Boat" })
        {
            Assert.True((await kit.Kit.GetAsync(url)).StatusCode == HttpStatusCode.BadRequest, url);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync("/api/v1/roadmaps/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync("/roadmaps/nowhere/cl")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kit.Kit.GetAsync("/roadmaps?page=99999")).StatusCode);
        var page = await (await kit.Kit.GetAsync("/api/v1/roadmaps?page=2147483647&pageSize=200")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        var problem = await (await kit.Kit.GetAsync("/api/v1/roadmaps?status=Nonsense")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("not a status", problem.GetProperty("detail").GetString());

        // The secretariat's activity form: every problem by its field, nothing stored.
        var secretariat = await kit.SecretariatAsync();
        var form = await kit.Kit.OpenAsync("/roadmaps/activities/new", secretariat);
        var before = await kit.Kit.AuditCountAsync();
        var refused = await kit.Kit.PostAsync("/roadmaps/activities/new", form,
            [("Agenda", Agenda), ("Kind", "PeerExchange"), ("Language", "es"), ("Topic.Source", "Intercambio"), ("StartOn", "2026-05-03"), ("EndOn", "2026-05-01"),
             ("Mode", "InPerson"), ("Participants", "CL; Ministerio; muchos"), ("Actions", "abc")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        foreach (var id in new[] { "EndOn", "HostCountry", "Participants", "Actions" }) Assert.Equal("true", doc.QuerySelector($"#{id}")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await kit.Kit.AuditCountAsync());
        var saved = await kit.Kit.PostAsync("/roadmaps/activities/new", form,
            [("Agenda", Agenda), ("Kind", "PeerExchange"), ("Language", "es"), ("Topic.Source", "Intercambio sobre presupuesto"), ("StartOn", "2026-05-01"),
             ("EndOn", "2026-05-03"), ("Mode", "InPerson"), ("HostCountry", "UY"), ("Participants", "UY; OPP; 4\nCL; Dipres; 2\nPY; 2"), ("IsPublic", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shown = await kit.Kit.PageAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("8", shown.QuerySelector(".activity-people")!.TextContent.Trim());
        Assert.Equal(3, shown.QuerySelectorAll("table.participants tbody tr").Length);
    }
}

public sealed class SqliteRoadMapPageTests(SqliteApp app) : RoadMapPageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRoadMapPageTests(PostgresApp app) : RoadMapPageTests(app), IClassFixture<PostgresApp>;
