using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Indicators;
using Rumbo.TestSupport;
using static Rumbo.TestSupport.IndicatorScenario;

namespace Rumbo.Web.Tests.Indicators;

/// <summary>
/// <c>POST /api/v1/agendas/{key}/reporting/{country}/values</c>: a country's focal points (and the secretariat) send
/// values with a personal access token, as JSON or as the template in CSV, through the same checks as the page; a
/// report with any problem is refused whole (422 by row and column) and stores nothing; without a token, or with a
/// cookie only, the answer is 401; another country's reporting is not there for the caller (404).
/// </summary>
public abstract class BulkReportingApiTests(RumboApp app)
{
    private readonly ReportingClient reporting = new(app);

    private HttpClient Client => reporting.Client;

    private static string Url(string country, string query = "") => $"/api/v1/agendas/{Agenda}/reporting/{country.ToLowerInvariant()}/values{query}";

    /// <summary>A token of the account linked to a new focal point of the country, and that account's cookie and person.</summary>
    private async Task<(string Token, string Cookie, int Person)> FocalPointAsync(string country)
    {
        var (cookie, person) = await reporting.FocalPointAsync(country);
        return (await reporting.Kit.TokenAsync(person), cookie, person);
    }

    private async Task<(List<StoredRow> Values, int Transitions, int Audit)> StateAsync(string country) =>
        (await ValuesAsync(app.Database, country), await TransitionCountAsync(app.Database, country), await reporting.Kit.AuditCountAsync());

    private static void Unchanged((List<StoredRow> Values, int Transitions, int Audit) before, (List<StoredRow> Values, int Transitions, int Audit) after)
    {
        Assert.Equal(before.Values, after.Values);
        Assert.Equal(before.Transitions, after.Transitions);
        Assert.Equal(before.Audit, after.Audit);
    }

    private async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(string url, HttpContent content, string? token = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response, body);
    }

    private Task<(HttpResponseMessage Response, JsonElement Body)> PostJsonAsync(string country, object body, string? token, string? cookie = null, string query = "") =>
        SendAsync(Url(country, query), JsonContent.Create(body), token, cookie);

    private static object Value(string indicator, int year, double value, object? breakdown = null, string source = "National planning office", string? notes = null,
        string? evidenceUrl = null) =>
        new { indicator, year, breakdown, value, source, notes, evidenceUrl };

    private static (int Saved, int Unchanged, int Submitted) Counts(JsonElement body) =>
        (body.GetProperty("saved").GetInt32(), body.GetProperty("unchanged").GetInt32(), body.GetProperty("submitted").GetInt32());

    private static string Tenth(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_focal_point_saves_drafts_as_JSON_with_a_token_then_sends_them()
    {
        var (token, _, person) = await FocalPointAsync("PE");
        var total = (await ValueAsync(app.Database, "PE", "3.1-a", 2025))!;
        var byArea = (await ValueAsync(app.Database, "PE", "2.7-a", 2025, "sex=female;area=urban"))!;
        var bySex = (await ValueAsync(app.Database, "PE", "2.2-a", 2025, "sex=female"))!;
        Assert.All(new[] { total, byArea, bySex }, v => Assert.Equal(ValueStatus.Draft, v.Status));
        var before = await ValuesAsync(app.Database, "PE");
        var transitions = await TransitionCountAsync(app.Database, "PE");

        var values = new[]
        {
            Value("3.1-a", 2025, Math.Round(total.Value + 0.2, 1), notes: "Budget closed in March.", evidenceUrl: "https://example.org/budget-2025"),
            Value("2.7-a", 2025, Math.Round(byArea.Value + 0.1, 1), new { sex = "female", area = "urban" }),
            Value("2.2-a", 2025, Math.Round(bySex.Value + 0.1, 1), new Dictionary<string, string> { ["sex"] = "female" }),
        };
        var (saved, body) = await PostJsonAsync("PE", new { values, submit = false }, token);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, $"POST answered {(int)saved.StatusCode}: {body}");
        Assert.Equal((3, 0, 0), Counts(body));
        Assert.True(saved.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {saved.Headers.CacheControl}");

        var after = await ValuesAsync(app.Database, "PE");
        var t = after.Single(v => v.Id == total.Id);
        Assert.Equal((Math.Round(total.Value + 0.2, 1), "National planning office", "Budget closed in March.", "https://example.org/budget-2025", ValueStatus.Draft, total.Version + 1),
            (t.Value, t.Source, t.Notes, t.Evidence, t.Status, t.Version));
        Assert.Equal(Math.Round(byArea.Value + 0.1, 1), after.Single(v => v.Id == byArea.Id).Value);
        Assert.Equal(Math.Round(bySex.Value + 0.1, 1), after.Single(v => v.Id == bySex.Id).Value);
        Assert.Equal(before.Where(v => v.Id != total.Id && v.Id != byArea.Id && v.Id != bySex.Id), after.Where(v => v.Id != total.Id && v.Id != byArea.Id && v.Id != bySex.Id));
        Assert.Equal(transitions, await TransitionCountAsync(app.Database, "PE"));

        // The same again changes nothing.
        var (again, againBody) = await PostJsonAsync("PE", new { values, submit = false }, token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((0, 3, 0), Counts(againBody));
        Assert.Equal(after, await ValuesAsync(app.Database, "PE"));

        // Sent: the values of the report go to the secretariat, each with its transition by the focal point, drafts saved
        // earlier included.
        var submittedBefore = after.Count(v => v.Status == ValueStatus.Submitted);
        var (sent, sentBody) = await PostJsonAsync("PE", new { values, submit = true }, token);
        Assert.True(sent.StatusCode == HttpStatusCode.OK, $"POST answered {(int)sent.StatusCode}: {sentBody}");
        var afterSend = await ValuesAsync(app.Database, "PE");
        foreach (var id in new[] { total.Id, byArea.Id, bySex.Id })
        {
            var v = afterSend.Single(x => x.Id == id);
            Assert.True(v.Status == ValueStatus.Submitted, $"{v.Indicator} {v.Year} {v.Breakdown} was in the report with submit true and is {v.Status}.");
            var transition = Assert.Single(await TransitionsAsync(app.Database, id));
            Assert.Equal((ValueStatus.Draft, ValueStatus.Submitted, (int?)person), (transition.From, transition.To, transition.PersonId));
        }
        // The count says how many values went.
        Assert.Equal(afterSend.Count(v => v.Status == ValueStatus.Submitted) - submittedBefore, sentBody.GetProperty("submitted").GetInt32());
    }

    [Fact]
    public async Task The_template_sent_as_CSV_with_submit_saves_and_sends_what_it_changes()
    {
        var (token, cookie, person) = await FocalPointAsync("EC");
        var (_, template) = await reporting.TemplateAsync("EC", cookie);
        var stored = (await ValueAsync(app.Database, "EC", "1.2-a", 2025))!;
        Assert.Equal(ValueStatus.Draft, stored.Status);
        var file = template.Copy();
        var value = Math.Round(stored.Value + 0.3, 1);
        file.Set(file.Row("1.2-a", 2025), ReportingCheck.ValueColumn, Tenth(value));
        var before = await ValuesAsync(app.Database, "EC");

        var content = new ByteArrayContent(file.ToCsv());
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        var (response, body) = await SendAsync(Url("EC", "?submit=true"), content, token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST answered {(int)response.StatusCode}: {body}");
        var (saved, unchanged, submitted) = Counts(body);
        Assert.Equal(1, saved);
        // Every other filled row of the template is what is stored (approved 2024 values, 2025 drafts).
        Assert.Equal(before.Count(v => v.Year >= FirstRoundYear) - 1, unchanged);
        Assert.Equal((await ValuesAsync(app.Database, "EC")).Count(v => v.Status == ValueStatus.Submitted) - before.Count(v => v.Status == ValueStatus.Submitted), submitted);

        var after = (await ValueAsync(app.Database, "EC", "1.2-a", 2025))!;
        Assert.Equal((value, ValueStatus.Submitted), (after.Value, after.Status));
        var transition = Assert.Single(await TransitionsAsync(app.Database, stored.Id));
        Assert.Equal((ValueStatus.Draft, ValueStatus.Submitted, (int?)person), (transition.From, transition.To, transition.PersonId));
        Assert.Equal(before.Where(v => v.Id != stored.Id).Select(v => (v.Id, v.Value, v.Source, v.Notes)),
            (await ValuesAsync(app.Database, "EC")).Where(v => v.Id != stored.Id).Select(v => (v.Id, v.Value, v.Source, v.Notes)));
    }

    [Fact]
    public async Task A_report_with_problems_answers_422_by_row_and_column_and_stores_nothing()
    {
        var (token, cookie, _) = await FocalPointAsync("GT");
        var approved = (await ValuesAsync(app.Database, "GT")).First(v => v is { Year: 2024, Breakdown: "", Status: ValueStatus.Approved });
        var draft = (await ValueAsync(app.Database, "GT", "3.1-a", 2025))!;
        var before = await StateAsync("GT");

        var values = new object[]
        {
            Value("3.1-a", 2025, Math.Round(draft.Value + 0.1, 1)),
            Value("1.3-a", 2025, 150),
            Value("9.9-z", 2025, 10),
            Value(approved.Indicator, 2024, Math.Round(approved.Value + 1, 1), source: approved.Source, notes: approved.Notes),
            Value("3.2-a", 2025, 100.5),
            Value("1.1-a", 2025, 40, evidenceUrl: "ftp://example.org/file"),
            Value("2.2-a", 2025, 10, new { sex = "other" }),
            Value("4.5-a", DateTime.UtcNow.Year + 1, 50),
        };
        var (response, body) = await PostJsonAsync("GT", new { values, submit = true }, token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = body.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToList());
        Assert.Equal(["The value must be from 0 to 100."], errors["rows[2].value"]);
        Assert.Equal(["9.9-z is not an indicator of this agenda."], errors["rows[3].indicator"]);
        Assert.Contains("This value is approved and locked; the secretariat must unlock it before it can change.", errors["rows[4].value"]);
        Assert.Equal(["Give the value with at most 0 decimals."], errors["rows[5].value"]);
        Assert.True(errors.ContainsKey("rows[6].evidence_url"), string.Join(", ", errors.Keys));
        Assert.Equal(["other is not a value of this breakdown."], errors["rows[7].sex"]);
        Assert.True(errors.ContainsKey("rows[8].year"), string.Join(", ", errors.Keys));
        Assert.DoesNotContain(errors.Keys, k => k.StartsWith("rows[1].", StringComparison.Ordinal));
        Unchanged(before, await StateAsync("GT"));

        // The template in CSV: its rows are numbered as a spreadsheet numbers them, the header being row 1.
        var (_, template) = await reporting.TemplateAsync("GT", cookie);
        var file = template.Copy();
        var bad = file.Row("1.2-a", 2025);
        file.Set(bad, ReportingCheck.ValueColumn, "n/a");
        var content = new ByteArrayContent(file.ToCsv());
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var (csv, csvBody) = await SendAsync(Url("GT", "?submit=true"), content, token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, csv.StatusCode);
        Assert.Equal(["n/a is not a number."], csvBody.GetProperty("errors").GetProperty($"rows[{file.Number(bad)}].value").EnumerateArray().Select(m => m.GetString()));
        Unchanged(before, await StateAsync("GT"));
    }

    [Fact]
    public async Task A_breakdown_by_a_dimension_that_does_not_exist_answers_422_and_stores_nothing()
    {
        var (token, _, _) = await FocalPointAsync("DO");
        var before = await StateAsync("DO");
        var (response, body) = await PostJsonAsync("DO", new { values = new[] { Value("2.2-a", 2025, 12.5, new { colour = "blue" }) }, submit = false }, token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single(body.GetProperty("errors").EnumerateObject());
        Assert.Contains("colour", error.Name + " " + error.Value[0].GetString());
        // A dimension of the catalogue that is not the indicator's is refused the same way.
        (response, body) = await PostJsonAsync("DO", new { values = new[] { Value("3.1-a", 2025, 60.5, new { sex = "female" }) }, submit = false }, token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("This indicator is not broken down by sex.", body.GetProperty("errors").GetProperty("rows[1].sex")[0].GetString());
        Unchanged(before, await StateAsync("DO"));
    }

    [Fact]
    public async Task Without_a_token_with_a_cookie_only_or_for_another_country_nothing_is_stored()
    {
        var (token, cookie, _) = await FocalPointAsync("CO");
        // A signed-in account with no role, made before the state is read (making an account writes the audit trail).
        var nobody = await SignedIn.TokenAsync(app);
        var report = new { values = new[] { Value("3.1-a", 2025, 61.5) }, submit = true };
        var colombia = await StateAsync("CO");
        var chile = await StateAsync("CL");

        var (anonymous, problem) = await PostJsonAsync("CO", report, token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var (cookieOnly, _) = await PostJsonAsync("CO", report, token: null, cookie: cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, cookieOnly.StatusCode);
        var (wrongToken, _) = await PostJsonAsync("CO", report, token: "rumbo_" + new string('A', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        var (otherCountry, otherBody) = await PostJsonAsync("CL", report, token);
        Assert.Equal(HttpStatusCode.NotFound, otherCountry.StatusCode);
        Assert.Equal(404, otherBody.GetProperty("status").GetInt32());
        var (unknown, _) = await PostJsonAsync("ZZ", report, token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var (noAgenda, _) = await SendAsync($"/api/v1/agendas/no-such-agenda/reporting/co/values", JsonContent.Create(report), token);
        Assert.Equal(HttpStatusCode.NotFound, noAgenda.StatusCode);

        // A signed-in account with no role is not a reporter either.
        Assert.Equal(HttpStatusCode.NotFound, (await PostJsonAsync("CO", report, nobody)).Response.StatusCode);

        Unchanged(colombia, await StateAsync("CO"));
        Unchanged(chile, await StateAsync("CL"));
    }

    [Fact]
    public async Task A_malformed_body_answers_400_and_an_empty_report_422()
    {
        var (token, _, _) = await FocalPointAsync("UY");
        var before = await StateAsync("UY");
        var (broken, body) = await SendAsync(Url("UY"), new StringContent("{\"values\": [{\"indicator\": \"3.1-a\", \"year\": 2025,", Encoding.UTF8, "application/json"), token);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        var (wrongType, _) = await SendAsync(Url("UY"), new StringContent("{\"values\": [{\"indicator\": \"3.1-a\", \"year\": \"last\", \"value\": 5}]}", Encoding.UTF8, "application/json"), token);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        var (none, noneBody) = await SendAsync(Url("UY"), new StringContent("{\"submit\": true}", Encoding.UTF8, "application/json"), token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.True(noneBody.GetProperty("errors").TryGetProperty("values", out _));
        var csv = new ByteArrayContent(Encoding.UTF8.GetBytes("indicator,value\n3.1-a,50\n"));
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var (noYear, noYearBody) = await SendAsync(Url("UY"), csv, token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noYear.StatusCode);
        Assert.Contains("year", noYearBody.GetProperty("errors").ToString());
        Unchanged(before, await StateAsync("UY"));
    }

    [Fact]
    public async Task The_secretariat_reports_any_country_with_a_token()
    {
        var token = await SignedIn.TokenAsync(app, Roles.SecretariatAdmin);
        var stored = (await ValueAsync(app.Database, "CR", "4.5-a", 2025))!;
        Assert.Equal(ValueStatus.Draft, stored.Status);
        var value = Math.Round(stored.Value + 0.5, 1);
        var (response, body) = await PostJsonAsync("cr", new { values = new[] { Value("4.5-a", 2025, value, notes: "Corrected by the secretariat.") }, submit = false }, token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST answered {(int)response.StatusCode}: {body}");
        Assert.Equal((1, 0, 0), Counts(body));
        Assert.Equal((value, "Corrected by the secretariat."), ((await ValueAsync(app.Database, "CR", "4.5-a", 2025))!.Value, (await ValueAsync(app.Database, "CR", "4.5-a", 2025))!.Notes));
    }
}

public sealed class SqliteBulkReportingApiTests(SqliteApp app) : BulkReportingApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBulkReportingApiTests(PostgresApp app) : BulkReportingApiTests(app), IClassFixture<PostgresApp>;
