using System.Net;
using AngleSharp.Html.Parser;
using Rumbo.Core.Policies;
using Rumbo.TestSupport;
using Rumbo.Web.Tests.Records;

namespace Rumbo.Web.Tests.Policies;

/// <summary>
/// The register's pages: who adds and edits a country's policies, the messages by the field, the 409 of a stale save, the
/// review and status workflows as the pages post them, and what the public sees on the pages, the country's and line's
/// pages and the exports.
/// </summary>
public abstract class PolicyPageTests(RumboApp app)
{
    private readonly PolicyKit kit = new(app);

    private static string New(string country) => $"/policies/new?agenda={PolicyKit.Agenda}&country={country}";

    private static (string, string)[] Minimal(string title) =>
        [("Language", "es"), ("Title.Source", title), ("Level", "National"), ("Instrument", "Plan"), ("Status", "Design")];

    [Fact]
    public async Task A_focal_point_adds_and_edits_their_country_s_policies_and_no_other_country_s()
    {
        var (cookie, _) = await kit.FocalPointAsync("AR");
        var form = await kit.Kit.OpenAsync(New("ar"), cookie);
        var title = $"Plan nacional {Guid.NewGuid():n}"[..24];
        var response = await kit.Kit.PostAsync(New("ar"), form,
        [
            .. Minimal(title), ("Title.En", "National plan"), ("Summary.Source", "Un plan."), ("StartYear", "2024"), ("EndYear", "2027"),
            ("BudgetAmount", "1500000.50"), ("BudgetCurrency", "ars"), ("Lines", "3.4.5, 2.1.1"), ("SdgTargets", "16.6, 17.18"),
            ("Links", "https://example.org/plan"), ("IsPublic", "true"), ("ProgressPercent", "20"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var stored = await kit.StoredAsync(id);
        Assert.Equal(PolicyReview.Draft, stored.Review);
        Assert.Equal("ARS", stored.BudgetCurrency);
        Assert.Equal(1500000.50m, stored.BudgetAmount);
        Assert.Equal(2, stored.Lines.Count);
        Assert.Equal(["16.6", "17.18"], stored.SdgTargets.Select(t => t.Code).Order());
        Assert.Single(stored.StatusChanges);

        // Their own draft is theirs to read and edit; the public and other focal points do not see it.
        // Shown in the reader's language: the English translation, or the text as written in Spanish.
        Assert.Equal("National plan", (await kit.Kit.PageAsync($"/policies/{id}", cookie)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(title, (await kit.Kit.PageAsync($"/policies/{id}?culture=es", cookie)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/policies/{id}")).StatusCode);
        var (other, _) = await kit.FocalPointAsync("PE");
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/policies/{id}", other)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/policies/{id}/edit", other)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.Kit.GetAsync(New("ar"), other)).StatusCode);
        // A published policy of Argentina: Peru's focal point reads it but may not change it.
        var (published, _) = await kit.CreateAsync("AR", PolicyReview.Reviewed, isPublic: true);
        Assert.Equal(HttpStatusCode.OK, (await kit.Kit.GetAsync($"/policies/{published}", other)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.Kit.GetAsync($"/policies/{published}/edit", other)).StatusCode);

        var edit = await kit.Kit.OpenAsync($"/policies/{id}/edit", cookie);
        var fields = RecordsTestKit.Fields(edit.Page);
        var saved = await kit.Kit.PostAsync($"/policies/{id}/edit", edit, RecordsTestKit.With(fields, ("Title.Source", title + " (rev.)"), ("Lines", "3.4.5")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        stored = await kit.StoredAsync(id);
        Assert.Equal(title + " (rev.)", stored.Title.Source);
        Assert.Equal("National plan", stored.Title.En);
        Assert.Single(stored.Lines);
        Assert.Equal(20, stored.ProgressPercent);
    }

    [Fact]
    public async Task Wrong_fields_are_answered_by_the_field_and_nothing_is_saved()
    {
        var (cookie, _) = await kit.FocalPointAsync("EC");
        var form = await kit.Kit.OpenAsync(New("ec"), cookie);
        var before = await kit.Kit.AuditCountAsync();
        var response = await kit.Kit.PostAsync(New("ec"), form,
        [
            ("Language", "es"), ("Title.Source", ""), ("Level", "Subnational"), ("Instrument", "Decree"), ("Status", "Design"), ("StartYear", "2030"),
            ("EndYear", "2020"), ("BudgetAmount", "1,5 millones"), ("ProgressPercent", "150"), ("Lines", "9.9.9"), ("SdgTargets", "SDG16"),
            ("Links", "javascript:alert(1)"),
        ]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        foreach (var id in (string[])["Title_Source", "Territory", "Instrument", "EndYear", "BudgetAmount", "ProgressPercent", "Lines", "SdgTargets", "Links"])
        {
            Assert.True(page.GetElementById(id + "-error") is not null, $"no message by {id}");
            Assert.Equal("true", page.GetElementById(id)!.GetAttribute("aria-invalid"));
        }
        Assert.Contains("9.9.9", page.GetElementById("Lines-error")!.TextContent);
        Assert.Equal(before, await kit.Kit.AuditCountAsync());
    }

    [Fact]
    public async Task A_stale_save_answers_409_and_changes_nothing()
    {
        var (cookie, _) = await kit.FocalPointAsync("BO");
        var (id, _) = await kit.CreateAsync("BO", PolicyReview.Draft, isPublic: false);
        var first = await kit.Kit.OpenAsync($"/policies/{id}/edit", cookie);
        var second = await kit.Kit.OpenAsync($"/policies/{id}/edit", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.Kit.PostAsync($"/policies/{id}/edit", first, RecordsTestKit.With(RecordsTestKit.Fields(first.Page), ("Title.Source", "First")))).StatusCode);
        var late = await kit.Kit.PostAsync($"/policies/{id}/edit", second, RecordsTestKit.With(RecordsTestKit.Fields(second.Page), ("Title.Source", "Second")));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("First", (await kit.StoredAsync(id)).Title.Source);
        // The same for a transition posted from a page read before the save.
        var submit = await kit.Kit.PostAsync($"/policies/{id}?handler=Submit", second, ("Version", second.Value("Version")!));
        Assert.Equal(HttpStatusCode.Conflict, submit.StatusCode);
        Assert.Equal(PolicyReview.Draft, (await kit.StoredAsync(id)).Review);
    }

    [Fact]
    public async Task Sent_returned_with_a_comment_reviewed_published_and_back_for_review_when_the_country_changes_it()
    {
        var (cookie, _) = await kit.FocalPointAsync("PY");
        var secretariat = await kit.SecretariatAsync();
        var (id, _) = await kit.CreateAsync("PY", PolicyReview.Draft, isPublic: true);

        async Task<HttpResponseMessage> Post(string who, string handler, params (string, string)[] fields)
        {
            var form = await kit.Kit.OpenAsync($"/policies/{id}", who);
            return await kit.Kit.PostAsync($"/policies/{id}?handler={handler}", form, [("Version", form.Value("Version")!), .. fields]);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await Post(cookie, "Submit")).StatusCode);
        Assert.Equal(PolicyReview.Submitted, (await kit.StoredAsync(id)).Review);
        // Only the secretariat reviews; returning needs a comment.
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(cookie, "Review", ("action", "review"))).StatusCode);
        var refused = await Post(secretariat, "Review", ("action", "return"), ("Comment", ""));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Say what the country should change.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Post(secretariat, "Review", ("action", "return"), ("Comment", "Add the law's number."))).StatusCode);
        var returned = await kit.StoredAsync(id);
        Assert.Equal(PolicyReview.Returned, returned.Review);
        Assert.Equal("Add the law's number.", returned.ReviewComment);
        Assert.Contains("Add the law's number.", (await kit.Kit.PageAsync($"/policies/{id}", cookie)).GetElementById("review")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/policies/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Post(cookie, "Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(secretariat, "Review", ("action", "review"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kit.Kit.GetAsync($"/policies/{id}")).StatusCode);

        // The country's change sends it back for review, and it leaves the public until then.
        var edit = await kit.Kit.OpenAsync($"/policies/{id}/edit", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.Kit.PostAsync($"/policies/{id}/edit", edit, RecordsTestKit.With(RecordsTestKit.Fields(edit.Page), ("ProgressPercent", "80")))).StatusCode);
        Assert.Equal(PolicyReview.Submitted, (await kit.StoredAsync(id)).Review);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/policies/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_status_moves_by_its_rules_and_each_change_is_in_the_history()
    {
        var (cookie, _) = await kit.FocalPointAsync("HN");
        var (id, _) = await kit.CreateAsync("HN", PolicyReview.Reviewed, isPublic: true, status: PolicyStatus.Design);

        async Task<HttpResponseMessage> Change(string to, string on, string note = "")
        {
            var form = await kit.Kit.OpenAsync($"/policies/{id}", cookie);
            return await kit.Kit.PostAsync($"/policies/{id}?handler=Status", form, ("Version", form.Value("Version")!), ("To", to), ("On", on), ("Note", note));
        }

        Assert.Equal(HttpStatusCode.Conflict, (await Change("Evaluated", "2024-06-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Change("Approved", "2023-06-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Change("Approved", "2999-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Change("Approved", "not a date")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Change("Approved", "2024-06-01", "Decree 12")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Change("Ended", "2024-07-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Change("InImplementation", "2024-08-01")).StatusCode);
        var stored = await kit.StoredAsync(id);
        Assert.Equal(PolicyStatus.Ended, stored.Status);
        Assert.Equal([PolicyStatus.Design, PolicyStatus.Approved, PolicyStatus.Ended], stored.StatusChanges.OrderBy(c => c.On).Select(c => c.To));
        Assert.Equal("Decree 12", stored.StatusChanges.Single(c => c.To == PolicyStatus.Approved).Note);
        // The country's change of a reviewed policy goes back for review.
        Assert.Equal(PolicyReview.Submitted, stored.Review);
        var page = await kit.Kit.PageAsync($"/policies/{id}", cookie);
        Assert.Equal(3, page.QuerySelectorAll("table.policy-history tbody tr").Length);
    }

    [Fact]
    public async Task The_public_never_sees_a_policy_that_is_not_reviewed_and_public()
    {
        var (draft, _) = await kit.CreateAsync("SV", PolicyReview.Draft, isPublic: true, lines: ["3.4.5"]);
        var (submitted, _) = await kit.CreateAsync("SV", PolicyReview.Submitted, isPublic: true, lines: ["3.4.5"]);
        var (hidden, _) = await kit.CreateAsync("SV", PolicyReview.Reviewed, isPublic: false, lines: ["3.4.5"]);
        var (returned, _) = await kit.CreateAsync("SV", PolicyReview.Returned, isPublic: true, lines: ["3.4.5"]);
        var (published, title) = await kit.CreateAsync("SV", PolicyReview.Reviewed, isPublic: true, lines: ["3.4.5"]);
        int[] unpublished = [draft, submitted, hidden, returned];

        var list = await kit.Kit.PageAsync("/policies?country=SV");
        Assert.Equal([published.ToString(System.Globalization.CultureInfo.InvariantCulture)], list.QuerySelectorAll("table.policies tbody tr").Select(r => r.GetAttribute("data-id")));
        foreach (var id in unpublished)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/policies/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/api/v1/policies/{id}")).StatusCode);
        }
        var api = await kit.Client.GetStringAsync("/api/v1/policies?country=sv");
        Assert.Contains($"\"total\":1", api, StringComparison.Ordinal);
        var csv = await kit.Client.GetStringAsync("/policies.csv?country=SV");
        Assert.Contains(title, csv, StringComparison.Ordinal);
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var country = await kit.Kit.PageAsync("/countries/sv");
        Assert.Equal([published.ToString(System.Globalization.CultureInfo.InvariantCulture)], country.QuerySelectorAll(".country-policies li").Select(li => li.GetAttribute("data-id")));
        var line = await kit.Kit.PageAsync($"/agendas/{PolicyKit.Agenda}/lines/3.4.5");
        var onLine = line.QuerySelectorAll(".linked-policies li").Select(li => int.Parse(li.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(published, onLine);
        Assert.DoesNotContain(onLine, unpublished.Contains);

        // The country's focal point and the secretariat see all five.
        var (cookie, _) = await kit.FocalPointAsync("SV");
        Assert.Equal(5, (await kit.Kit.PageAsync("/policies?country=SV", cookie)).QuerySelectorAll("table.policies tbody tr").Length);
        Assert.Equal(5, (await kit.Kit.PageAsync("/policies?country=SV", await kit.SecretariatAsync())).QuerySelectorAll("table.policies tbody tr").Length);
    }

    [Fact]
    public async Task The_register_s_filters_and_pages_and_the_demo_examples()
    {
        var page = await kit.Kit.PageAsync("/policies?country=CO");
        Assert.Equal(2, page.QuerySelectorAll("table.policies tbody tr").Length);
        Assert.All(page.QuerySelectorAll("table.policies tbody tr"), r => Assert.NotNull(r.QuerySelector(".badge")));
        Assert.Single((await kit.Kit.PageAsync("/policies?country=CO&instrument=Programme")).QuerySelectorAll("table.policies tbody tr"));
        Assert.Contains("National Development Plan 2022-2026", (await kit.Kit.PageAsync("/policies?q=potencia+mundial")).QuerySelector("table.policies")!.TextContent);
        // An unpublished example (Uruguay's register programme, sent for review) is not listed.
        Assert.DoesNotContain("Registro nacional", (await kit.Kit.PageAsync("/policies?country=UY")).Body!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.Kit.GetAsync("/policies?status=Nonsense")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.Kit.GetAsync("/policies?line=3.4.5")).StatusCode);
        var byLine = await kit.Kit.PageAsync($"/policies?agenda={PolicyKit.Agenda}&line=3.4.5&country=BR");
        Assert.Single(byLine.QuerySelectorAll("table.policies tbody tr"));
        Assert.Equal(HttpStatusCode.OK, (await kit.Kit.GetAsync("/policies?page=999&q=%27%3B--")).StatusCode);
    }
}

public sealed class SqlitePolicyPageTests(SqliteApp app) : PolicyPageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPolicyPageTests(PostgresApp app) : PolicyPageTests(app), IClassFixture<PostgresApp>;
