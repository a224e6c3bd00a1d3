using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Groups;

public abstract class ApiTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { HandleCookies = false });

    /// <summary>
    /// The shared scenario, whose complete group meets every rule: the three meetings a year included, so its meetings
    /// of this year are added here (the lone group has none).
    /// </summary>
    private async Task<GroupScenario> Scenario()
    {
        var s = await GroupScenario.SharedAsync(app.Database);
        await PlanScenario.EnsureMeetingsThisYearAsync(app.Database, s.Complete);
        return s;
    }

    [Fact]
    public async Task Lists_groups_filtered_by_country_kind_agenda_and_area()
    {
        var s = await Scenario();
        var thematic = await client.GetFromJsonAsync<JsonElement>($"/api/v1/groups?country={s.CountryA.ToLowerInvariant()}&kind=thematicWorkingGroup");
        var slugs = Slugs(thematic);
        Assert.Contains(s.Complete, slugs);
        Assert.Contains(s.Lone, slugs);
        Assert.DoesNotContain(s.AdHoc, slugs);
        Assert.All(thematic.EnumerateArray(), g =>
        {
            Assert.Equal("thematicWorkingGroup", g.GetProperty("kind").GetString());
            Assert.Contains(s.CountryA, g.GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        });

        var lone = thematic.EnumerateArray().Single(g => g.GetProperty("slug").GetString() == s.Lone);
        Assert.Equal(["coordinators.two", "coordinators.eclac", "meetings.three"], lone.GetProperty("brokenRules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(1, lone.GetProperty("coordinators").GetInt32());
        var complete = thematic.EnumerateArray().Single(g => g.GetProperty("slug").GetString() == s.Complete);
        Assert.Empty(complete.GetProperty("brokenRules").EnumerateArray());
        Assert.Equal(3, complete.GetProperty("members").GetInt32());
        Assert.Equal("2", complete.GetProperty("area").GetProperty("code").GetString());
        Assert.Equal("lc-crp-20-6", complete.GetProperty("agenda").GetProperty("slug").GetString());
        Assert.Equal($"/groups/{s.Complete}", complete.GetProperty("html").GetString());
        Assert.Equal("coordinating", complete.GetProperty("countries")[0].GetProperty("role").GetString());

        Assert.Contains(s.Complete, Slugs(await client.GetFromJsonAsync<JsonElement>("/api/v1/groups?agenda=lc-crp-20-6&area=2")));
        Assert.Contains(s.Complete, Slugs(await client.GetFromJsonAsync<JsonElement>("/api/v1/groups?area=lc-crp-20-6:2&status=Active")));
        Assert.DoesNotContain(s.Lone, Slugs(await client.GetFromJsonAsync<JsonElement>("/api/v1/groups?agenda=lc-crp-20-6&area=2")));
        Assert.DoesNotContain(s.Complete, Slugs(await client.GetFromJsonAsync<JsonElement>("/api/v1/groups?agenda=lc-cds-3-5")));
        Assert.Equal([s.AdHoc], Slugs(await client.GetFromJsonAsync<JsonElement>($"/api/v1/groups?country={s.CountryB}&status=proposed")));
    }

    [Fact]
    public async Task Returns_a_group_with_coordinators_countries_lines_and_rule_checks()
    {
        var s = await Scenario();
        var g = await client.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{s.Complete}");
        Assert.Equal(s.CompleteName, g.GetProperty("name").GetProperty("source").GetString());
        var coordinators = g.GetProperty("coordinators").EnumerateArray().ToList();
        Assert.Equal(2, coordinators.Count);
        var ana = coordinators.Single(c => c.GetProperty("person").GetProperty("id").GetInt32() == s.Ana);
        Assert.Equal("ministry", ana.GetProperty("represents").GetProperty("kind").GetString());
        Assert.Equal(s.CountryA, ana.GetProperty("represents").GetProperty("countryCode").GetString());
        Assert.True(ana.GetProperty("person").GetProperty("isExample").GetBoolean());
        var ben = coordinators.Single(c => c.GetProperty("person").GetProperty("id").GetInt32() == s.Ben);
        Assert.Equal("eclac", ben.GetProperty("represents").GetProperty("kind").GetString());
        Assert.Equal([s.Carla], g.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("person").GetProperty("id").GetInt32()));
        Assert.Equal(["2.4.1", "2.5.1"], g.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("code").GetString()));
        Assert.Equal("/agendas/lc-crp-20-6/lines/2.4.1", g.GetProperty("lines")[0].GetProperty("html").GetString());
        Assert.Equal([s.Sub], g.GetProperty("subgroups").EnumerateArray().Select(x => x.GetProperty("slug").GetString()));
        var rules = g.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r);
        Assert.Equal(Rumbo.Core.Groups.GovernanceRules.All.Select(r => r.Code).Order(), rules.Keys.Order());
        Assert.Equal("met", rules["coordinators.two"].GetProperty("outcome").GetString());
        Assert.Equal("LC/MDS.4/3, A.2", rules["coordinators.two"].GetProperty("source").GetString());
        Assert.Equal("notApplicable", rules["countries.coordinating"].GetProperty("outcome").GetString());
        Assert.Equal("met", rules["meetings.three"].GetProperty("outcome").GetString());
        Assert.Equal("LC/MDS.4/3, A.3 (a)", rules["meetings.three"].GetProperty("source").GetString());
        Assert.Equal(3, rules["meetings.three"].GetProperty("details").GetArrayLength());

        var sub = await client.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{s.Sub}");
        Assert.Equal(s.Complete, sub.GetProperty("parent").GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Lists_countries_and_institutions_and_returns_a_country_by_code_in_any_case()
    {
        var s = await Scenario();
        var countries = await client.GetFromJsonAsync<JsonElement>("/api/v1/countries");
        var a = countries.EnumerateArray().Single(c => c.GetProperty("code").GetString() == s.CountryA);
        Assert.Equal("southAmerica", a.GetProperty("subregion").GetString());
        Assert.Equal("memberState", a.GetProperty("status").GetString());
        Assert.Equal(2, a.GetProperty("groups").GetInt32());

        var country = await client.GetFromJsonAsync<JsonElement>($"/api/v1/countries/{s.CountryB.ToLowerInvariant()}");
        Assert.Equal(s.CountryB, country.GetProperty("code").GetString());
        var roles = country.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetProperty("slug").GetString()!, g => g.GetProperty("role").GetString());
        Assert.Equal("coordinating", roles[s.AdHoc]);
        Assert.Equal("participating", roles[s.Complete]);
        var focal = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/countries/{s.CountryA}")).GetProperty("focalPoints").EnumerateArray().Single();
        Assert.Equal("lc-crp-20-6", focal.GetProperty("agenda").GetProperty("slug").GetString());
        Assert.Equal([s.Ana], focal.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));

        var institutions = await client.GetFromJsonAsync<JsonElement>("/api/v1/institutions");
        var ministry = institutions.EnumerateArray().Single(i => i.GetProperty("name").GetProperty("source").GetString() == s.Ministry);
        Assert.Equal("ministry", ministry.GetProperty("kind").GetString());
        Assert.Equal(s.CountryA, ministry.GetProperty("country").GetProperty("code").GetString());
        Assert.Equal("MSD", ministry.GetProperty("acronym").GetString());
    }

    [Fact]
    public async Task People_contact_details_are_for_signed_in_users_unless_public_and_never_cached_for_others()
    {
        var s = await Scenario();
        var cookie = await SignedIn.CookieAsync(app);
        var url = $"/api/v1/people/{s.Ana}";

        var anonymous = await client.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("email").ValueKind);
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("phone").ValueKind);
        Assert.True(anonymous.GetProperty("isExample").GetBoolean());
        Assert.Equal("Director of planning", anonymous.GetProperty("position").GetString());
        Assert.Equal(s.Ministry, anonymous.GetProperty("institution").GetProperty("name").GetProperty("source").GetString());
        Assert.Equal(s.CountryA, anonymous.GetProperty("country").GetProperty("code").GetString());
        Assert.Equal("coordinator", anonymous.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetProperty("slug").GetString() == s.Complete).GetProperty("role").GetString());
        Assert.Equal(s.CountryA, anonymous.GetProperty("focalPoints")[0].GetProperty("country").GetProperty("code").GetString());
        var cached = await client.GetAsync(url);
        Assert.NotNull(cached.Headers.Age);

        var member = await client.GetAsync(url, cookie);
        Assert.Null(member.Headers.Age);
        Assert.Contains("no-store", member.Headers.CacheControl?.ToString());
        var seen = await member.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(s.AnaEmail, seen.GetProperty("email").GetString());
        Assert.Equal("+56 2 2000 0000", seen.GetProperty("phone").GetString());

        var again = await client.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(JsonValueKind.Null, again.GetProperty("email").ValueKind);

        // Signed in first, on an address nobody has asked for yet: what the member saw is not kept for the public.
        var carla = $"/api/v1/people/{s.Carla}?fresh={Guid.NewGuid():n}";
        Assert.NotNull((await (await client.GetAsync(carla, cookie)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, (await client.GetFromJsonAsync<JsonElement>(carla)).GetProperty("email").ValueKind);

        var ben = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{s.Ben}");
        Assert.Equal(s.BenEmail, ben.GetProperty("email").GetString());
        Assert.True(ben.GetProperty("contactIsPublic").GetBoolean());
        Assert.False(ben.GetProperty("isExample").GetBoolean());
    }

    [Theory]
    [InlineData("/api/v1/groups/no-such-group", 404)]
    [InlineData("/api/v1/countries/" + GroupScenario.UnknownCountry, 404)]
    [InlineData("/api/v1/countries/c1", 400)]
    [InlineData("/api/v1/countries/chl", 400)]
    [InlineData("/api/v1/people/999999", 404)]
    [InlineData("/api/v1/people/someone", 404)]
    [InlineData("/api/v1/groups?kind=committee", 400)]
    [InlineData("/api/v1/groups?kind=3", 400)]
    [InlineData("/api/v1/groups?status=dormant", 400)]
    [InlineData("/api/v1/groups?country=chile", 400)]
    [InlineData("/api/v1/groups?area=2", 400)]
    [InlineData("/api/v1/groups?agenda=lc-crp-20-6&area=two", 400)]
    public async Task Bad_requests_answer_problem_details(string url, int status)
    {
        await Scenario();
        var response = await client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Unknown_filter_values_that_are_well_formed_match_nothing()
    {
        await Scenario();
        var response = await client.GetAsync($"/api/v1/groups?country={GroupScenario.UnknownCountry}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/v1/groups?agenda=no-such-agenda")).EnumerateArray());
    }

    private static List<string> Slugs(JsonElement list) => list.EnumerateArray().Select(g => g.GetProperty("slug").GetString()!).ToList();
}

public sealed class SqliteGroupApiTests(SqliteApp app) : ApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresGroupApiTests(PostgresApp app) : ApiTests(app), IClassFixture<PostgresApp>;
