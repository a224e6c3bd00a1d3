using System.Net;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Capacities;
using Rumbo.TestSupport;
using Rumbo.Web.Tests.Records;

namespace Rumbo.Web.Tests.Capacities;

/// <summary>
/// The diagnosis's pages: a round opened by the secretariat, answered by the country's focal point a part at a time,
/// sent, returned with a reason, sent again and closed, with bad input refused by the field and nothing saved; the
/// instrument's versions; and the public seeing only what countries made public.
/// </summary>
public abstract class CapacityPageTests(RumboApp app)
{
    private const string Agenda = "lc-crp-20-6";
    private readonly RecordsTestKit kit = new(app);

    private Task<string> SecretariatAsync() => SignedIn.CookieAsync(app, Rumbo.Core.Accounts.Roles.SecretariatAdmin);

    private async Task<(string Cookie, int Person)> FocalPointAsync(string country)
    {
        var person = await IndicatorScenario.FocalPointAsync(app.Database, country, Agenda);
        return (await SignedIn.CookieAsync(app, personId: person), person);
    }

    private async Task<CapacityAssessment> StoredAsync(int id)
    {
        await using var db = app.Database.CreateContext();
        return await db.CapacityAssessments.AsNoTracking().Include(a => a.Answers).Include(a => a.Transitions).SingleAsync(a => a.Id == id);
    }

    [Fact]
    public async Task A_focal_point_answers_part_comes_back_finishes_and_sends_and_the_secretariat_returns_then_closes()
    {
        var secretariat = await SecretariatAsync();
        var index = $"/agendas/{Agenda}/capacities";
        var form = await kit.OpenAsync(index, secretariat);
        // Bad input: no country chosen, a due date before the opening.
        var refused = await kit.PostAsync(index + "?handler=Round", form, ("RoundTitle.Source", "2027"), ("InstrumentNumber", "1"), ("OpensOn", "2027-03-01"), ("DueOn", "2027-01-01"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.NotNull(refusedPage.QuerySelector("#Countries-error"));
        Assert.NotNull(refusedPage.QuerySelector("#DueOn-error"));
        // A version that does not exist, or a country off the list, is refused.
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await kit.PostAsync(index + "?handler=Round", form, ("RoundTitle.Source", "2027"), ("InstrumentNumber", "99"), ("OpensOn", "2024-01-01"), ("DueOn", "2024-06-30"), ("Countries", "AR"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await kit.PostAsync(index + "?handler=Round", form, ("RoundTitle.Source", "2027"), ("InstrumentNumber", "1"), ("OpensOn", "2024-01-01"), ("DueOn", "2024-06-30"), ("Countries", "XX"))).StatusCode);
        // Opened before the examples' 2025 round, so that the other tests' regional map stays that round's.
        var opened = await kit.PostAsync(index + "?handler=Round", form, ("RoundTitle.Source", "2027"), ("InstrumentNumber", "1"), ("OpensOn", "2024-01-01"),
            ("DueOn", "2024-06-30"), ("Countries", "AR"), ("Countries", "PE"));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        int round, id;
        await using (var db = app.Database.CreateContext())
        {
            round = await db.CapacityRounds.Where(r => r.Title.Source == "2027").Select(r => r.Id).SingleAsync();
            id = await db.CapacityAssessments.Where(a => a.RoundId == round && a.Country!.Code == "AR").Select(a => a.Id).SingleAsync();
            Assert.Equal(2, await db.CapacityAssessments.CountAsync(a => a.RoundId == round));
        }
        var url = $"/agendas/{Agenda}/capacities/ar/{round}";

        // The public is asked to sign in; another country's focal point and a signed-in outsider get 404.
        Assert.Equal(HttpStatusCode.Redirect, (await kit.GetAsync(url)).StatusCode);
        var (peru, _) = await FocalPointAsync("PE");
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(url, peru)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(url, await SignedIn.CookieAsync(app))).StatusCode);

        var (cookie, person) = await FocalPointAsync("AR");
        var page = await kit.OpenAsync(url, cookie);
        var questions = page.Page.QuerySelectorAll("fieldset.capacity-question").Select(f => f.GetAttribute("data-question")!).ToList();
        Assert.Equal(32, questions.Count);
        var version = page.Value("Version")!;
        // Part of it: two answers, one with evidence.
        var saved = await kit.PostAsync(url + "/save", page, ("Version", version), ("Answers[0].Question", questions[0]), ("Answers[0].Level", "3"),
            ("Answers[0].Comment", "Ley 27.000"), ("Answers[0].Evidence", "https://example.org/ley"), ("Answers[1].Question", questions[1]), ("Answers[1].Level", "1"),
            ("submit", "false"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await StoredAsync(id);
        Assert.Equal(AssessmentStatus.Open, stored.Status);
        Assert.Equal(2, stored.Answers.Count);
        Assert.All(stored.Answers, a => Assert.Equal(person, a.AnsweredByPersonId));

        // Coming back: the answers are there, and who answered.
        page = await kit.OpenAsync(url, cookie);
        Assert.Equal("3", page.Page.QuerySelector($"fieldset[data-question='{questions[0]}'] input[type=radio][checked]")!.GetAttribute("value"));
        Assert.Equal("https://example.org/ley", page.Page.QuerySelector("#Answers_0_Evidence")!.GetAttribute("value"));
        Assert.Contains("2 of 32", page.Page.QuerySelector(".answered-count")!.TextContent);
        Assert.NotNull(page.Page.QuerySelector(".answered-by"));
        version = page.Value("Version")!;

        // Bad input is refused by its field and nothing is saved: a level off the scale, an address that is no web address.
        var bad = await kit.PostAsync(url + "/save", page, ("Version", version), ("Answers[0].Question", questions[0]), ("Answers[0].Level", "9"),
            ("Answers[1].Question", questions[1]), ("Answers[1].Level", "2"), ("Answers[1].Evidence", "javascript:alert(1)"), ("submit", "false"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var badPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await bad.Content.ReadAsStringAsync());
        Assert.NotNull(badPage.QuerySelector("#Answers_0_Level-error"));
        Assert.NotNull(badPage.QuerySelector("#Answers_1_Evidence-error"));
        Assert.Equal([1, 3], (await StoredAsync(id)).Answers.Select(a => a.Level!.Value).Order());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await kit.PostAsync(url + "/save", page, ("Version", version), ("Answers[0].Question", questions[0]),
            ("Answers[0].Comment", new string('x', 2001)), ("submit", "false"))).StatusCode);
        // A stale version: someone of the country saved meanwhile.
        Assert.Equal(HttpStatusCode.Conflict, (await kit.PostAsync(url + "/save", page, ("Version", "0"), ("Answers[0].Question", questions[0]),
            ("Answers[0].Level", "4"), ("submit", "false"))).StatusCode);
        Assert.Equal(3, (await StoredAsync(id)).Answers.Single(a => a.QuestionId == int.Parse(questions[0], System.Globalization.CultureInfo.InvariantCulture)).Level);

        // Finishing: the rest of the first area, then send.
        var rest = new List<(string, string)> { ("Version", version), ("submit", "true") };
        // The form posts its answers indexed from 0, as the page does.
        for (var i = 2; i < 8; i++) rest.AddRange([($"Answers[{i - 2}].Question", questions[i]), ($"Answers[{i - 2}].Level", "2")]);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync(url + "/save", page, rest)).StatusCode);
        stored = await StoredAsync(id);
        Assert.Equal(AssessmentStatus.Submitted, stored.Status);
        Assert.Equal(8, stored.Answers.Count);
        // Sent: the answers no longer change.
        page = await kit.OpenAsync(url, cookie);
        Assert.Null(page.Page.QuerySelector("input[type=radio]"));
        Assert.Equal(HttpStatusCode.Conflict, (await kit.PostAsync(url + "/save", page, ("Version", page.Value("Version")!), ("Answers[0].Question", questions[0]),
            ("Answers[0].Level", "0"), ("submit", "false"))).StatusCode);
        // The focal point does not review; the secretariat does not answer.
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.PostAsync(url + "/review", page, ("Version", page.Value("Version")!), ("action", "close"))).StatusCode);

        var review = await kit.OpenAsync(url, secretariat);
        var stamp = review.Value("Version")!;
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.PostAsync(url + "/save", review, ("Version", stamp), ("submit", "false"))).StatusCode);
        var noReason = await kit.PostAsync(url + "/review", review, ("Version", stamp), ("action", "return"), ("Comment", " "));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.NotNull(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await noReason.Content.ReadAsStringAsync()).QuerySelector("#Comment-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync(url + "/review", review, ("Version", stamp), ("action", "return"),
            ("Comment", "Answer the other areas."), ("Answers[0].Question", questions[0]), ("Answers[0].Review", "Which article?"))).StatusCode);
        stored = await StoredAsync(id);
        Assert.Equal(AssessmentStatus.Returned, stored.Status);
        Assert.Equal("Which article?", stored.Answers.Single(a => a.QuestionId == int.Parse(questions[0], System.Globalization.CultureInfo.InvariantCulture)).ReviewComment);

        page = await kit.OpenAsync(url, cookie);
        Assert.Contains("Answer the other areas.", page.Page.QuerySelector(".review-comment")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync(url + "/save", page, ("Version", page.Value("Version")!), ("Answers[0].Question", questions[8]),
            ("Answers[0].Level", "4"), ("submit", "true"))).StatusCode);
        review = await kit.OpenAsync(url, secretariat);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync(url + "/review", review, ("Version", review.Value("Version")!), ("action", "close"))).StatusCode);
        stored = await StoredAsync(id);
        Assert.Equal(AssessmentStatus.Closed, stored.Status);
        Assert.Equal(
            [(AssessmentStatus.Open, AssessmentStatus.Submitted), (AssessmentStatus.Submitted, AssessmentStatus.Returned),
             (AssessmentStatus.Returned, AssessmentStatus.Submitted), (AssessmentStatus.Submitted, AssessmentStatus.Closed)],
            stored.Transitions.OrderBy(t => t.Id).Select(t => (t.From, t.To)));
        Assert.Equal("Answer the other areas.", stored.Transitions.OrderBy(t => t.Id).ElementAt(1).Reason);

        // Closed but not public: the public sees nothing of it until the country chooses.
        Assert.Equal(HttpStatusCode.Redirect, (await kit.GetAsync(url)).StatusCode);
        var profile = await kit.OpenAsync($"/agendas/{Agenda}/capacities/ar", cookie);
        Assert.NotNull(profile.Page.QuerySelector("svg.capacity-chart"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await kit.PostAsync($"/agendas/{Agenda}/capacities/ar?handler=Publicity", profile,
            ("Assessment", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Version", stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Publicity", "Everything"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"/agendas/{Agenda}/capacities/ar?handler=Publicity", profile,
            ("Assessment", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Version", stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Publicity", "Scores"))).StatusCode);
        var publicPage = await kit.PageAsync(url);
        Assert.Null(publicPage.QuerySelector("#answers-heading"));
        Assert.Null((await kit.PageAsync($"/agendas/{Agenda}/capacities/ar")).QuerySelector("#no-profile"));
    }

    [Fact]
    public async Task The_public_sees_only_what_countries_made_public()
    {
        // The examples: Chile's scores and answers public, Colombia's scores, Uruguay's nothing.
        var map = await kit.PageAsync($"/agendas/{Agenda}/capacities");
        Assert.Equal(["CL", "CO"], map.QuerySelectorAll("table.capacity-map tbody tr").Select(r => r.GetAttribute("data-country")!));
        Assert.NotNull(map.QuerySelector("table.capacity-map tfoot .region-mean"));
        var secretariat = await SecretariatAsync();
        Assert.Equal(["CL", "CO", "UY"], (await kit.PageAsync($"/agendas/{Agenda}/capacities", secretariat)).QuerySelectorAll("table.capacity-map tbody tr")
            .Select(r => r.GetAttribute("data-country")!));

        Assert.NotNull((await kit.PageAsync($"/agendas/{Agenda}/capacities/uy")).QuerySelector("#no-profile"));
        Assert.Null((await kit.PageAsync($"/agendas/{Agenda}/capacities/uy", secretariat)).QuerySelector("#no-profile"));
        var colombia = await kit.PageAsync($"/agendas/{Agenda}/capacities/co");
        Assert.NotNull(colombia.QuerySelector("svg.capacity-chart"));
        Assert.NotNull(colombia.QuerySelector("ul.gaps li"));
        Assert.Null(colombia.QuerySelector("#evidence-heading"));
        Assert.NotNull((await kit.PageAsync($"/agendas/{Agenda}/capacities/cl")).QuerySelector("#evidence-heading"));

        int coRound, uyRound;
        await using (var db = app.Database.CreateContext())
        {
            coRound = await db.CapacityAssessments.Where(a => a.Country!.Code == "CO").OrderByDescending(a => a.RoundId).Select(a => a.RoundId).FirstAsync();
            uyRound = await db.CapacityAssessments.Where(a => a.Country!.Code == "UY").Select(a => a.RoundId).SingleAsync();
        }
        var coPage = await kit.PageAsync($"/agendas/{Agenda}/capacities/co/{coRound}");
        Assert.NotNull(coPage.QuerySelector("#scores-heading"));
        Assert.Null(coPage.QuerySelector("#answers-heading"));
        Assert.NotNull((await kit.PageAsync($"/agendas/{Agenda}/capacities/cl/{coRound}")).QuerySelector("#answers-heading"));
        Assert.Equal(HttpStatusCode.Redirect, (await kit.GetAsync($"/agendas/{Agenda}/capacities/uy/{uyRound}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync($"/agendas/{Agenda}/capacities/uy/{uyRound}", await SignedIn.CookieAsync(app))).StatusCode);

        var csv = await (await kit.GetAsync($"/agendas/{Agenda}/capacities/scores.csv")).Content.ReadAsStringAsync();
        Assert.Contains("\nCO,", csv);
        Assert.DoesNotContain("\nUY,", csv);
        Assert.Contains("\nUY,", await (await kit.GetAsync($"/agendas/{Agenda}/capacities/scores.csv", secretariat)).Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            (await kit.GetAsync($"/agendas/{Agenda}/capacities/scores.xlsx")).Content.Headers.ContentType!.MediaType);

        Assert.NotNull((await kit.PageAsync("/countries/co")).QuerySelector("ul.country-capacities"));
        Assert.Null((await kit.PageAsync("/countries/uy")).QuerySelector("ul.country-capacities"));
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync($"/agendas/{Agenda}/capacities/zz")).StatusCode);
        // A round that does not exist answers as one the reader may not see: sign in when signed out, 404 when signed in.
        var missing = await kit.GetAsync($"/agendas/{Agenda}/capacities/uy/999999");
        Assert.Equal(HttpStatusCode.Redirect, missing.StatusCode);
        Assert.Contains("/account/sign-in", missing.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync($"/agendas/{Agenda}/capacities/uy/999999", await SignedIn.CookieAsync(app))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync("/agendas/nonsense/capacities")).StatusCode);
    }

    [Fact]
    public async Task The_secretariat_edits_a_draft_publishes_it_and_starts_the_next_and_a_focal_point_may_not()
    {
        var secretariat = await SecretariatAsync();
        var url = $"/agendas/{Agenda}/capacities/instrument";
        var page = await kit.OpenAsync(url, secretariat);
        Assert.Equal("2", page.Page.QuerySelector(".instrument-version")!.TextContent.Trim());
        Assert.NotNull(page.Page.QuerySelector("#proposal-note"));
        var stamp = page.Value("Version")!;
        string area;
        await using (var db = app.Database.CreateContext())
        {
            var agendaId = await db.Agendas.Where(a => a.Slug == Agenda).Select(a => a.Id).SingleAsync();
            area = (await db.Areas.Where(a => a.AgendaId == agendaId).OrderBy(a => a.Number).Select(a => a.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var oneLevel = await kit.PostAsync(url + "?handler=Question&version=2", page, ("Version", stamp), ("Question", "0"), ("AreaId", area), ("Dimension", "Political"),
            ("Text.Source", "Is there a law?"), ("Levels", "Only one"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, oneLevel.StatusCode);
        Assert.NotNull(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await oneLevel.Content.ReadAsStringAsync()).QuerySelector("#Levels-error"));
        var added = await kit.PostAsync(url + "?handler=Question&version=2", page, ("Version", stamp), ("Question", "0"), ("AreaId", area), ("Dimension", "Political"),
            ("Text.Source", "Is there a law?"), ("Levels", "No\nIn discussion\nYes"), ("AsksEvidence", "true"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        // The version read is stale now.
        Assert.Equal(HttpStatusCode.Conflict, (await kit.PostAsync(url + "?handler=Publish&version=2", page, ("Version", stamp))).StatusCode);
        page = await kit.OpenAsync(url + "?version=2", secretariat);
        Assert.Equal("33", page.Page.QuerySelectorAll("li[data-question]").Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (focal, _) = await FocalPointAsync("AR");
        var focalForm = await kit.OpenAsync(url, focal);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.PostAsync(url + "?handler=Publish&version=2", focalForm, ("Version", page.Value("Version")!))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync(url + "?handler=Publish&version=2", page, ("Version", page.Value("Version")!))).StatusCode);
        // Published: frozen.
        Assert.Equal(HttpStatusCode.Conflict, (await kit.PostAsync(url + "?handler=Remove&version=2", page, ("Version", page.Value("Version")!), ("Question", "1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync(url + "?handler=NewDraft", page)).StatusCode);
        // One draft at a time.
        Assert.Equal(HttpStatusCode.Conflict, (await kit.PostAsync(url + "?handler=NewDraft", page)).StatusCode);
        await using (var db = app.Database.CreateContext())
        {
            var versions = await db.CapacityInstruments.Where(i => i.Agenda!.Slug == Agenda).OrderBy(i => i.Number).Select(i => new { i.Number, i.Status, Count = i.Questions.Count }).ToListAsync();
            Assert.Equal([(1, InstrumentStatus.Published, 32), (2, InstrumentStatus.Published, 33), (3, InstrumentStatus.Draft, 33)], versions.Select(v => (v.Number, v.Status, v.Count)));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(url + "?version=99")).StatusCode);
    }
}

public sealed class SqliteCapacityPageTests(SqliteApp app) : CapacityPageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCapacityPageTests(PostgresApp app) : CapacityPageTests(app), IClassFixture<PostgresApp>;
