using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Indicators;

/// <summary>
/// <c>POST /api/v1/progress</c>: a calculation open to anyone, which stores nothing; both methods for a good series,
/// problem details by field for a bad one.
/// </summary>
public abstract class ProgressApiTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    private const string Url = "/api/v1/progress";

    private static object Observations(params (int Year, double Value)[] points) => points.Select(p => new { year = p.Year, value = p.Value }).ToArray();

    private static JsonElement Method(JsonElement body, string method) =>
        body.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("method").GetString() == method);

    [Fact]
    public async Task A_good_series_is_assessed_by_both_methods_for_anyone_and_nothing_is_stored()
    {
        var audit = await AuditCountAsync();
        var response = await client.PostAsJsonAsync(Url, new
        {
            direction = "increase", baseYear = 2020, targetYear = 2030, targetValue = 100,
            observations = Observations((2020, 50), (2022, 60.5)),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["open-sdg", "unsd"], body.GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("method").GetString()));

        // From 50 to 60.5 in two years: 10 % a year. Open SDG: needed 2^(1/10) − 1 = 7.177 % a year, p = 1.393, substantial
        // progress. UNSD: 60.5 × 1.1^8 = 129.687 in 2030, r = (129.687 − 50) / (100 − 50) = 1.594, on track.
        var open = Method(body, "open-sdg");
        Assert.Equal("substantial_progress", open.GetProperty("status").GetString());
        Assert.Equal(0.1, open.GetProperty("observedRate").GetDouble(), 12);
        Assert.Equal(0.07177346, open.GetProperty("requiredRate").GetDouble(), 7);
        Assert.Equal(1.3932726, open.GetProperty("score").GetDouble(), 7);
        Assert.Equal((2020, 50.0, 2022, 60.5, 2030, 100.0), (open.GetProperty("baseYear").GetInt32(), open.GetProperty("baseValue").GetDouble(),
            open.GetProperty("latestYear").GetInt32(), open.GetProperty("latestValue").GetDouble(), open.GetProperty("targetYear").GetInt32(),
            open.GetProperty("targetValue").GetDouble()));
        Assert.Equal([0.95, 0.6, 0.0], open.GetProperty("thresholds").EnumerateArray().Select(t => t.GetDouble()));
        Assert.Equal(JsonValueKind.Null, open.GetProperty("reason").ValueKind);
        var unsd = Method(body, "unsd");
        Assert.Equal("on_track", unsd.GetProperty("status").GetString());
        Assert.Equal(129.687123, unsd.GetProperty("projection").GetDouble(), 5);
        Assert.Equal(1.59374246, unsd.GetProperty("ratio").GetDouble(), 7);
        Assert.Equal(JsonValueKind.Null, unsd.GetProperty("requiredRate").ValueKind);
        Assert.False(body.GetProperty("methodsDisagree").GetBoolean());
        Assert.False(response.Headers.CacheControl?.Private ?? false);

        Assert.Equal(audit, await AuditCountAsync());
    }

    [Fact]
    public async Task A_decrease_without_a_target_uses_the_no_target_thresholds()
    {
        var response = await client.PostAsJsonAsync(Url, new { direction = "decrease", observations = Observations((2015, 200), (2017, 162)) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        // (162 / 200)^(1/2) − 1 = −10 % a year; a decrease is desired, so the score is +0.10: above both methods' highest threshold.
        var open = Method(body, "open-sdg");
        Assert.Equal("substantial_progress", open.GetProperty("status").GetString());
        Assert.Equal(-0.1, open.GetProperty("observedRate").GetDouble(), 12);
        Assert.Equal(0.1, open.GetProperty("score").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, open.GetProperty("targetValue").ValueKind);
        Assert.Equal([0.015, 0.005, 0.0], open.GetProperty("thresholds").EnumerateArray().Select(t => t.GetDouble()));
        var unsd = Method(body, "unsd");
        Assert.Equal("on_track", unsd.GetProperty("status").GetString());
        Assert.Equal(0.1, unsd.GetProperty("score").GetDouble(), 12);
        Assert.Equal(2030, unsd.GetProperty("targetYear").GetInt32());
    }

    public static TheoryData<string, string, string> BadSeries() => new()
    {
        { """{"direction":"sideways","observations":[{"year":2015,"value":1},{"year":2020,"value":2}]}""", "direction", "Say whether an increase or a decrease is desired." },
        { """{"direction":"increase","observations":[{"year":2015,"value":1},{"year":2015,"value":2}]}""", "observations[1].year", "The year 2015 is given twice." },
        { """{"direction":"increase","observations":[]}""", "observations", "Give at least one observation." },
        { """{"direction":"increase"}""", "observations", "Give at least one observation." },
        { """{"direction":"increase","observations":[{"year":2015},{"year":2020,"value":2}]}""", "observations[0].value", "Enter a number." },
        { """{"direction":"increase","observations":[{"year":1850,"value":1}]}""", "observations[0].year", "Enter a year from 1900 to 2200." },
        { """{"direction":"increase","baseYear":2020,"targetYear":2020,"observations":[{"year":2020,"value":1}]}""", "targetYear", "The target year must come after the base year." },
        {
            JsonSerializer.Serialize(new { direction = "increase", observations = Enumerable.Range(1900, 301).Select(y => new { year = y, value = 1.0 }) }),
            "observations", "Give at most 300 observations."
        },
    };

    [Theory]
    [MemberData(nameof(BadSeries))]
    public async Task A_bad_series_answers_422_with_the_error_by_its_field(string json, string field, string message)
    {
        var response = await client.PostAsync(Url, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors");
        Assert.Equal([message], errors.GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("""{"direction":"increase","observations":[""")]
    [InlineData("""{"direction":"increase","observations":"many"}""")]
    [InlineData("not json at all")]
    [InlineData("null")]
    public async Task Malformed_JSON_answers_400_with_problem_details(string json)
    {
        var response = await client.PostAsync(Url, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_signed_in_caller_gets_the_same_answer_kept_private()
    {
        var token = await SignedIn.TokenAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Content = JsonContent.Create(new { direction = "increase", observations = Observations((2015, 40), (2024, 58)) }),
        };
        request.Headers.Authorization = new("Bearer", token);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("methods").GetArrayLength());
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.AuditEntries.CountAsync();
    }
}

public sealed class SqliteProgressApiTests(SqliteApp app) : ProgressApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresProgressApiTests(PostgresApp app) : ProgressApiTests(app), IClassFixture<PostgresApp>;
