using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rumbo.TestSupport;
using Rumbo.Web.Tests.Records;

namespace Rumbo.Web.Tests.Capacities;

/// <summary>The diagnosis's API: filters and pages, one diagnosis with its scores (and answers only where public), the instrument, bad queries.</summary>
public abstract class CapacityApiTests(RumboApp app)
{
    private const string Agenda = "lc-crp-20-6";
    private readonly RecordsTestKit kit = new(app);

    private async Task<JsonElement> JsonAsync(string url, string? bearer = null)
    {
        var response = await kit.GetAsync(url, bearer: bearer);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<int> AssessmentAsync(string country, int year)
    {
        await using var db = app.Database.CreateContext();
        return await db.CapacityAssessments.Where(a => a.Country!.Code == country && a.Round!.OpensOn.Year == year).Select(a => a.Id).SingleAsync();
    }

    [Fact]
    public async Task The_public_lists_and_reads_only_what_countries_made_public_a_page_at_a_time()
    {
        var all = await JsonAsync($"/api/v1/assessments?agenda={Agenda}");
        Assert.Equal(4, all.GetProperty("total").GetInt32());
        Assert.DoesNotContain(all.GetProperty("items").EnumerateArray(), i => i.GetProperty("country").GetProperty("code").GetString() == "UY");
        Assert.Equal(0, (await JsonAsync("/api/v1/assessments?country=uy")).GetProperty("total").GetInt32());
        var secretariat = await SignedIn.TokenAsync(app, Rumbo.Core.Accounts.Roles.SecretariatAdmin);
        Assert.Equal(1, (await JsonAsync("/api/v1/assessments?country=uy", secretariat)).GetProperty("total").GetInt32());
        Assert.Equal(5, (await JsonAsync("/api/v1/assessments?status=closed", secretariat)).GetProperty("total").GetInt32());

        var first = await JsonAsync("/api/v1/assessments?status=Closed&pageSize=3");
        Assert.Equal(3, first.GetProperty("items").GetArrayLength());
        var second = await JsonAsync(first.GetProperty("next").GetString()!);
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        var round = first.GetProperty("items")[0].GetProperty("round").GetProperty("id").GetInt32();
        Assert.Equal(2, (await JsonAsync($"/api/v1/assessments?round={round}")).GetProperty("total").GetInt32());

        foreach (var bad in (string[])["status=nonsense", "status=1", "agenda=nowhere", "country=zz9", "round=x", "pageSize=0", "pageSize=1000", "page=0"])
        {
            var response = await kit.GetAsync($"/api/v1/assessments?{bad}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{bad} answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task One_diagnosis_has_its_scores_and_method_and_its_answers_only_when_public()
    {
        var colombia = await JsonAsync($"/api/v1/assessments/{await AssessmentAsync("CO", 2025)}");
        var scores = colombia.GetProperty("scores");
        Assert.Contains("mean", scores.GetProperty("method").GetString());
        Assert.Equal(16, scores.GetProperty("cells").GetArrayLength());
        Assert.Equal(32, scores.GetProperty("overall").GetProperty("questions").GetInt32());
        Assert.Equal(JsonValueKind.Null, colombia.GetProperty("answers").ValueKind);
        // Colombia's prospective cell of the second area: levels 1 and 0 of 4.
        var cell = scores.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("area").GetString() == "2" && c.GetProperty("dimension").GetString() == "prospective");
        Assert.Equal(12.5, cell.GetProperty("score").GetDouble());

        var chile = await JsonAsync($"/api/v1/assessments/{await AssessmentAsync("CL", 2025)}");
        Assert.Equal(32, chile.GetProperty("answers").GetArrayLength());

        var uruguay = await AssessmentAsync("UY", 2025);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync($"/api/v1/assessments/{uruguay}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync($"/api/v1/assessments/{uruguay}", bearer: await SignedIn.TokenAsync(app))).StatusCode);
        var person = await IndicatorScenario.FocalPointAsync(app.Database, "UY", Agenda);
        Assert.Equal(32, (await JsonAsync($"/api/v1/assessments/{uruguay}", await kit.TokenAsync(person))).GetProperty("answers").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.GetAsync("/api/v1/assessments/abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync("/api/v1/assessments/999999")).StatusCode);
    }

    [Fact]
    public async Task The_instrument_newest_or_by_version()
    {
        var newest = await JsonAsync($"/api/v1/agendas/{Agenda}/capacities/instrument");
        Assert.Equal(2, newest.GetProperty("version").GetInt32());
        Assert.Equal("draft", newest.GetProperty("status").GetString());
        Assert.True(newest.GetProperty("proposal").GetBoolean());
        var v1 = await JsonAsync($"/api/v1/agendas/{Agenda}/capacities/instrument?version=1");
        Assert.Equal("published", v1.GetProperty("status").GetString());
        Assert.Equal(32, v1.GetProperty("questions").GetArrayLength());
        Assert.Equal(5, v1.GetProperty("questions")[0].GetProperty("scale").GetArrayLength());
        Assert.Equal(4, v1.GetProperty("areas").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync($"/api/v1/agendas/{Agenda}/capacities/instrument?version=99")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.GetAsync($"/api/v1/agendas/{Agenda}/capacities/instrument?version=x")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync("/api/v1/agendas/nowhere/capacities/instrument")).StatusCode);
    }
}

public sealed class SqliteCapacityApiTests(SqliteApp app) : CapacityApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCapacityApiTests(PostgresApp app) : CapacityApiTests(app), IClassFixture<PostgresApp>;
