using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rumbo.Core.Policies;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Policies;

/// <summary>The register's API: filters and pages, one policy, and the focal points' writes with a token (201, 409, 422, 403, 401).</summary>
public abstract class PolicyApiTests(RumboApp app)
{
    private readonly PolicyKit kit = new(app);

    private async Task<JsonElement> JsonAsync(string url, string? bearer = null)
    {
        var response = await kit.Kit.GetAsync(url, bearer: bearer);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<string> FocalTokenAsync(string country)
    {
        var person = await IndicatorScenario.FocalPointAsync(app.Database, country, PolicyKit.Agenda);
        return await kit.Kit.TokenAsync(person);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object body, string? bearer)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (bearer is not null) request.Headers.Authorization = new("Bearer", bearer);
        return await kit.Client.SendAsync(request);
    }

    [Fact]
    public async Task Filters_and_pages_follow_the_next_link_to_the_end()
    {
        await kit.CreateAsync("BS", PolicyReview.Reviewed, true, instrument: PolicyInstrument.Law, lines: ["3.4.5"]);
        await kit.CreateAsync("BS", PolicyReview.Reviewed, true, instrument: PolicyInstrument.Plan, status: PolicyStatus.Approved);
        await kit.CreateAsync("BS", PolicyReview.Reviewed, true, instrument: PolicyInstrument.Plan);
        await kit.CreateAsync("BS", PolicyReview.Submitted, true, instrument: PolicyInstrument.Plan);

        var first = await JsonAsync("/api/v1/policies?country=bs&pageSize=2");
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var next = first.GetProperty("next").GetString()!;
        var second = await JsonAsync(next);
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(3, ids.Distinct().Count());

        Assert.Equal(1, (await JsonAsync("/api/v1/policies?country=BS&instrument=law")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await JsonAsync("/api/v1/policies?country=BS&status=approved")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await JsonAsync($"/api/v1/policies?country=BS&agenda={PolicyKit.Agenda}&line=3.4.5")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await JsonAsync("/api/v1/policies?country=BS&level=national&instrument=Law")).GetProperty("total").GetInt32());
        var secretariat = await SignedIn.TokenAsync(app, Rumbo.Core.Accounts.Roles.SecretariatAdmin);
        Assert.Equal(4, (await JsonAsync("/api/v1/policies?country=BS", secretariat)).GetProperty("total").GetInt32());

        foreach (var bad in (string[])["status=nonsense", "level=1", "line=3.4.5", "agenda=nowhere", "country=zz9", "pageSize=0", "pageSize=1000", "page=0", "instrument=%00"])
        {
            var response = await kit.Kit.GetAsync($"/api/v1/policies?{bad}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{bad} answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.Kit.GetAsync("/api/v1/policies/abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync("/api/v1/policies/999999")).StatusCode);
    }

    [Fact]
    public async Task One_policy_has_its_history_lines_and_outcomes_rendered()
    {
        var co = await JsonAsync("/api/v1/policies?country=CO&instrument=programme");
        var id = co.GetProperty("items")[0].GetProperty("id").GetInt32();
        var p = await JsonAsync($"/api/v1/policies/{id}");
        Assert.Equal("es", p.GetProperty("language").GetString());
        Assert.True(p.GetProperty("example").GetBoolean());
        Assert.Contains("<li>", p.GetProperty("outcomesHtml").GetString());
        Assert.Equal(["4.1.1", "4.2.1"], p.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("code").GetString()));
        Assert.NotEqual(0, p.GetProperty("statusHistory").GetArrayLength());
    }

    [Fact]
    public async Task A_focal_point_writes_with_a_token_and_a_stale_version_answers_409()
    {
        var token = await FocalTokenAsync("BB");
        var body = new
        {
            agenda = PolicyKit.Agenda, country = "bb", language = "en", title = new { source = "Barbados Sustainable Development Plan" }, level = "national",
            instrument = "plan", status = "design", startYear = 2025, endYear = 2030, lines = new[] { "3.4.5" }, sdgTargets = new[] { "17.14" }, @public = true,
        };
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Post, "/api/v1/policies", body, null)).StatusCode);
        var created = await SendAsync(HttpMethod.Post, "/api/v1/policies", body, token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        var stored = await kit.StoredAsync(id);
        Assert.Equal(PolicyReview.Draft, stored.Review);
        Assert.Single(stored.Lines);

        // A draft: the public does not see it; the token's owner does.
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/api/v1/policies/{id}")).StatusCode);
        Assert.Equal(0, (await JsonAsync($"/api/v1/policies/{id}", token)).GetProperty("version").GetInt32());

        var change = new { version = 0, language = "en", title = new { source = "Barbados Plan" }, level = "national", instrument = "plan", status = "approved", lines = new[] { "3.4.5" } };
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, $"/api/v1/policies/{id}", change, token)).StatusCode);
        stored = await kit.StoredAsync(id);
        Assert.Equal(PolicyStatus.Approved, stored.Status);
        Assert.Equal(2, stored.StatusChanges.Count);
        var stale = await SendAsync(HttpMethod.Put, $"/api/v1/policies/{id}", change with { title = new { source = "Late" } }, token);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Barbados Plan", (await kit.StoredAsync(id)).Title.Source);

        var bad = await SendAsync(HttpMethod.Put, $"/api/v1/policies/{id}", new { version = 1, language = "de", title = new { source = "" }, level = "x", instrument = "plan", status = "design" }, token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var field in (string[])["language", "title", "level"]) Assert.True(errors.TryGetProperty(field, out _), field);
        var backwards = await SendAsync(HttpMethod.Put, $"/api/v1/policies/{id}", change with { version = 1, status = "design" }, token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, backwards.StatusCode);

        // Another country's focal point: 403 to add one there, 404 for a draft it may not see.
        var other = await FocalTokenAsync("JM");
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "/api/v1/policies", body, other)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Put, $"/api/v1/policies/{id}", change with { version = 1 }, other)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/policies")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), Headers = { Authorization = new("Bearer", token) },
        })).StatusCode);
    }
}

public sealed class SqlitePolicyApiTests(SqliteApp app) : PolicyApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPolicyApiTests(PostgresApp app) : PolicyApiTests(app), IClassFixture<PostgresApp>;
