using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Policies;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Policies;

/// <summary>
/// Line suggestions (decision 0030): the API's contract and its refusals, and on the policy's page the suggestions a
/// focal point confirms (a link, audited, under the policy's version) or rejects (kept with who, not offered again).
/// </summary>
public abstract class LineSuggestionsTests(RumboApp app)
{
    private readonly PolicyKit kit = new(app);

    private const string Url = "/api/v1/agendas/lc-crp-20-6/line-suggestions";
    private const string AccessTitle = "Ley de transparencia y acceso a la información pública";
    private const string AccessSummary = "Garantiza el derecho de acceso a la información pública y la transparencia activa de los órganos del Estado, con los principios de gobierno abierto: transparencia, participación ciudadana y rendición de cuentas.";

    private Task<HttpResponseMessage> PostAsync(object body) => kit.Client.PostAsJsonAsync(Url, body);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task The_API_suggests_lines_best_first_with_their_words_and_none_for_a_text_that_serves_no_line()
    {
        var answer = await JsonAsync(await PostAsync(new { title = AccessTitle, summary = AccessSummary, language = "es" }));
        var suggestions = answer.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.NotEmpty(suggestions);
        Assert.Contains("1.1.1", suggestions.Take(3).Select(s => s.GetProperty("code").GetString()));
        var scores = suggestions.Select(s => s.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        var first = suggestions[0];
        Assert.NotEmpty(first.GetProperty("words").EnumerateArray());
        Assert.All(first.GetProperty("words").EnumerateArray(), w => Assert.Contains(w.GetString()!, AccessTitle + "\n" + AccessSummary, StringComparison.Ordinal));
        Assert.StartsWith("/agendas/lc-crp-20-6/lines/", first.GetProperty("html").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("text").GetProperty("source").GetString()));

        // The agenda's key may be its symbol; the language's case does not matter.
        var bySymbol = await JsonAsync(await kit.Client.PostAsJsonAsync("/api/v1/agendas/LC%2FCRP.20%2F6/line-suggestions", new { title = AccessTitle, summary = AccessSummary, language = "ES" }));
        Assert.Equal(suggestions.Select(s => s.GetProperty("code").GetString()), bySymbol.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("code").GetString()));

        var fisheries = await JsonAsync(await PostAsync(new { title = "Ley general de pesca y acuicultura", summary = "Regula la captura de merluza, las cuotas de los pescadores artesanales y los cultivos de salmón en aguas costeras.", language = "es" }));
        Assert.Empty(fisheries.GetProperty("suggestions").EnumerateArray());
    }

    [Fact]
    public async Task Bad_inputs_answer_problem_details_and_never_500()
    {
        async Task Expect(HttpStatusCode status, HttpResponseMessage response, string? field = null)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            if (field is not null) Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {text}");
        }
        HttpResponseMessage Raw(string body, string type = "application/json") =>
            kit.Client.PostAsync(Url, new StringContent(body, Encoding.UTF8, type)).GetAwaiter().GetResult();

        await Expect(HttpStatusCode.BadRequest, Raw("{not json"));
        await Expect(HttpStatusCode.BadRequest, Raw("null"));
        await Expect(HttpStatusCode.BadRequest, Raw("[1, 2]"));
        await Expect(HttpStatusCode.BadRequest, Raw("{\"title\": 5}"));
        await Expect(HttpStatusCode.BadRequest, Raw("title=x", "application/x-www-form-urlencoded"));
        await Expect(HttpStatusCode.NotFound, await kit.Client.PostAsJsonAsync("/api/v1/agendas/nowhere/line-suggestions", new { title = "x", language = "es" }));
        await Expect(HttpStatusCode.UnprocessableEntity, await PostAsync(new { title = "  ", language = "es" }), "title");
        await Expect(HttpStatusCode.UnprocessableEntity, await PostAsync(new { summary = "Un resumen", language = "es" }), "title");
        await Expect(HttpStatusCode.UnprocessableEntity, await PostAsync(new { title = "Ley", language = "de" }), "language");
        await Expect(HttpStatusCode.UnprocessableEntity, await PostAsync(new { title = "Ley" }), "language");
        await Expect(HttpStatusCode.UnprocessableEntity, await PostAsync(new { title = new string('a', 1001), language = "es" }), "title");
        await Expect(HttpStatusCode.UnprocessableEntity, await PostAsync(new { title = "Ley", summary = new string('a', 20001), language = "es" }), "summary");
        // Too large whether the length is announced or the body comes in chunks.
        await Expect(HttpStatusCode.RequestEntityTooLarge, await PostAsync(new { title = "Ley", summary = new string('a', 70000), language = "es" }));
        await Expect(HttpStatusCode.RequestEntityTooLarge, Raw("{\"title\": \"" + new string('a', 70000) + "\", \"language\": \"es\"}"));
        // A text of stop words and numbers only has nothing to compare: no suggestion, not an error.
        Assert.Empty((await JsonAsync(await PostAsync(new { title = "de la 2024 y el", language = "es" }))).GetProperty("suggestions").EnumerateArray());
    }

    [Fact]
    public async Task A_focal_point_rejects_one_suggestion_and_confirms_another_and_the_page_and_the_data_follow()
    {
        var (cookie, person) = await kit.FocalPointAsync("PA");
        var (id, _) = await kit.CreateAsync("PA", PolicyReview.Draft, false, title: AccessTitle + " " + AccessSummary);
        var page = await kit.Kit.PageAsync($"/policies/{id}", cookie);
        var codes = page.QuerySelectorAll("#suggestions li[data-code]").Select(li => li.GetAttribute("data-code")!).ToList();
        Assert.Contains("1.1.1", codes);
        Assert.True(codes.Count >= 2, string.Join(" ", codes));
        Assert.NotEmpty(page.QuerySelectorAll("#suggestions mark"));
        // The public, and a focal point of another country, see no suggestion (the draft is not theirs: 404).
        var other = (await kit.FocalPointAsync("JM")).Cookie;
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/policies/{id}", other)).StatusCode);

        var rejected = codes.First(c => c != "1.1.1");
        // Another country's focal point may not answer for this draft: 404, nothing kept.
        var otherForm = await kit.Kit.AnyFormAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.PostAsync($"/policies/{id}?handler=RejectLine", otherForm, ("Version", "0"), ("LineCode", rejected))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.PostAsync($"/policies/{id}?handler=ConfirmLine", otherForm, ("Version", "0"), ("LineCode", "1.1.1"))).StatusCode);
        await using (var db = kit.Kit.Db()) Assert.False(await db.PolicyLineRejections.AnyAsync(r => r.PolicyId == id));
        var form = await kit.Kit.OpenAsync($"/policies/{id}", cookie);
        var version = (await kit.StoredAsync(id)).Version;
        var response = await kit.Kit.PostAsync($"/policies/{id}?handler=RejectLine", form, ("Version", version.ToString()), ("LineCode", rejected));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var db = kit.Kit.Db())
        {
            var rejection = await db.PolicyLineRejections.AsNoTracking().SingleAsync(r => r.PolicyId == id);
            Assert.Equal(person, rejection.ByPersonId);
            Assert.Equal(rejected, await db.Lines.Where(l => l.Id == rejection.LineOfActionId).Select(l => l.Code).SingleAsync());
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "PolicyLineRejection"));
        }
        page = await kit.Kit.PageAsync($"/policies/{id}", cookie);
        Assert.DoesNotContain(rejected, page.QuerySelectorAll("#suggestions li[data-code]").Select(li => li.GetAttribute("data-code")));
        // Rejecting it again keeps the first rejection.
        Assert.Equal(HttpStatusCode.Redirect, (await kit.Kit.PostAsync($"/policies/{id}?handler=RejectLine", form, ("Version", version.ToString()), ("LineCode", rejected))).StatusCode);

        // A stale version links nothing (409); an unknown code is refused by its message (422).
        var stale = await kit.Kit.PostAsync($"/policies/{id}?handler=ConfirmLine", form, ("Version", (version - 1).ToString()), ("LineCode", "1.1.1"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var unknown = await kit.Kit.PostAsync($"/policies/{id}?handler=ConfirmLine", form, ("Version", version.ToString()), ("LineCode", "9.9.9"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Empty((await kit.StoredAsync(id)).Lines);

        var audits = await kit.Kit.AuditCountAsync();
        var confirmed = await kit.Kit.PostAsync($"/policies/{id}?handler=ConfirmLine", form, ("Version", version.ToString()), ("LineCode", "1.1.1"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var stored = await kit.StoredAsync(id);
        Assert.Equal(version + 1, stored.Version);
        await using (var db = kit.Kit.Db())
        {
            Assert.Equal(["1.1.1"], await db.PolicyLines.Where(l => l.PolicyId == id).Select(l => l.LineOfAction!.Code).ToListAsync());
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "PolicyLine" && a.EntityId.Contains(id.ToString())));
        }
        Assert.True(await kit.Kit.AuditCountAsync() > audits);
        page = await kit.Kit.PageAsync($"/policies/{id}", cookie);
        Assert.DoesNotContain("1.1.1", page.QuerySelectorAll("#suggestions li[data-code]").Select(li => li.GetAttribute("data-code")));
        Assert.Contains("1.1.1", page.QuerySelector(".policy-lines")!.TextContent);
    }
}

public sealed class SqliteLineSuggestionsTests(SqliteApp app) : LineSuggestionsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresLineSuggestionsTests(PostgresApp app) : LineSuggestionsTests(app), IClassFixture<PostgresApp>;
