using System.Net;
using System.Text.Json;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.TestSupport;
using Rumbo.Core.Records;

namespace Rumbo.Web.Tests.Records;

/// <summary>
/// The public sees exactly what a group released: a draft and a members-only record or agreement are not found by the
/// public, by the API without a member's token or with another group's member's token, nor by members of other groups,
/// in pages, files, the API or the group and line pages; once released, everyone sees them.
/// </summary>
public abstract class RecordVisibilityTests(RumboApp app)
{
    private readonly RecordsTestKit kit = new(app);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>Someone signed out is sent to sign in and brought back, rather than told the record does not exist.</summary>
    private async Task AssertAsksToSignInAsync(string url)
    {
        var response = await kit.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(url)}", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }

    [Fact]
    public async Task A_record_reached_signed_out_asks_to_sign_in_whether_or_not_it_exists_and_signed_in_outsiders_get_404()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var draft = await s.AddRecordAsync(app.Database, RecordStatus.Draft, Visibility.Members, "signed-out-draft");
        var signedIn = await SignedIn.CookieAsync(app);
        foreach (var url in new[] { $"/meetings/{s.Meeting}/records/{draft}", $"/meetings/{s.Meeting}/records/{draft + 50}", $"/meetings/{s.Meeting}/records/{draft}.pdf" })
        {
            await AssertAsksToSignInAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(url, signedIn)).StatusCode);
        }
        // Once signed in, the member is where the link pointed.
        var member = await kit.AsPersonAsync(s.Groups.Carla);
        Assert.Contains("signed-out-draft", await (await kit.GetAsync($"/meetings/{s.Meeting}/records/{draft}", member)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Drafts_and_members_only_records_are_invisible_outside_the_group_and_visible_once_released()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var draft = await s.AddRecordAsync(app.Database, RecordStatus.Draft, Visibility.Members, "secret-draft");
        var membersOnly = await s.AddRecordAsync(app.Database, RecordStatus.Approved, Visibility.Members, "secret-members");
        var memberCookie = await kit.AsPersonAsync(s.Groups.Carla);
        var (otherGroupCookie, otherPerson) = await kit.NewMemberAsync(s.LoneId, GroupRole.Member);
        var signedIn = await SignedIn.CookieAsync(app);
        var memberToken = await kit.TokenAsync(s.Groups.Carla);
        var otherToken = await kit.TokenAsync(otherPerson);

        foreach (var number in new[] { draft, membersOnly })
        {
            foreach (var suffix in new[] { "", ".pdf", ".docx" })
            {
                var url = $"/meetings/{s.Meeting}/records/{number}{suffix}";
                await AssertAsksToSignInAsync(url);
                Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(url, signedIn)).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(url, otherGroupCookie)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await kit.GetAsync(url, memberCookie)).StatusCode);
            }
        }
        var api = $"/api/v1/meetings/{s.Meeting}/records";
        Assert.Equal(0, (await JsonAsync(await kit.GetAsync(api))).GetArrayLength());
        Assert.Equal(0, (await JsonAsync(await kit.GetAsync(api, bearer: otherToken))).GetArrayLength());
        var mine = await JsonAsync(await kit.GetAsync(api, bearer: memberToken));
        Assert.Equal([membersOnly, draft], mine.EnumerateArray().Select(r => r.GetProperty("number").GetInt32()).ToArray());
        Assert.Contains("<strong>secret-draft</strong>", mine.EnumerateArray().Last().GetProperty("sections")[0].GetProperty("bodyHtml").GetProperty("source").GetString());

        // Neither the group page's open actions nor anything else on it tells the public about them.
        var groupPage = await kit.Client.GetStringAsync($"/groups/{s.Groups.Complete}");
        Assert.DoesNotContain("secret-", groupPage);
        Assert.Contains("Action secret-members", await (await kit.GetAsync($"/groups/{s.Groups.Complete}", memberCookie)).Content.ReadAsStringAsync());
        Assert.DoesNotContain("secret-", await (await kit.GetAsync($"/groups/{s.Groups.Complete}", otherGroupCookie)).Content.ReadAsStringAsync());

        // Released: approved and public.
        var released = await s.AddRecordAsync(app.Database, RecordStatus.Approved, Visibility.Public, "released-now");
        var page = await kit.PageAsync($"/meetings/{s.Meeting}/records/{released}");
        Assert.Contains("Section released-now", page.QuerySelector("article")!.TextContent);
        Assert.Equal("released-now", page.QuerySelector("article .markdown strong")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await kit.GetAsync($"/meetings/{s.Meeting}/records/{released}.pdf")).StatusCode);
        var anonymous = await JsonAsync(await kit.GetAsync(api));
        Assert.Equal([released], anonymous.EnumerateArray().Select(r => r.GetProperty("number").GetInt32()).ToArray());
        Assert.DoesNotContain("secret-", anonymous.GetRawText());
        var groupAfter = await kit.Client.GetStringAsync($"/groups/{s.Groups.Complete}");
        Assert.Contains("Action released-now", groupAfter);
        Assert.DoesNotContain("secret-", groupAfter);
    }

    [Fact]
    public async Task Members_only_agreements_are_invisible_outside_the_group_in_pages_api_exports_and_line_pages()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var hidden = await s.AddAgreementAsync(app.Database, Visibility.Members, $"Hidden agreement {s.Groups.Suffix}");
        var shown = await s.AddAgreementAsync(app.Database, Visibility.Public, $"Public agreement {s.Groups.Suffix}");
        var memberCookie = await kit.AsPersonAsync(s.Groups.Carla);
        var memberToken = await kit.TokenAsync(s.Groups.Carla);
        var (otherCookie, otherPerson) = await kit.NewMemberAsync(s.LoneId, GroupRole.Coordinator);
        var otherToken = await kit.TokenAsync(otherPerson);

        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync($"/agreements/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync($"/agreements/{hidden}", otherCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kit.GetAsync($"/agreements/{hidden}", memberCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync($"/api/v1/agreements/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync($"/api/v1/agreements/{hidden}", bearer: otherToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kit.GetAsync($"/api/v1/agreements/{hidden}", bearer: memberToken)).StatusCode);

        var list = await JsonAsync(await kit.GetAsync($"/api/v1/agreements?group={s.Groups.Complete}"));
        Assert.Equal([shown], list.EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ToArray());
        var otherList = await JsonAsync(await kit.GetAsync($"/api/v1/agreements?group={s.Groups.Complete}", bearer: otherToken));
        Assert.Equal([shown], otherList.EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ToArray());
        var memberList = await JsonAsync(await kit.GetAsync($"/api/v1/agreements?group={s.Groups.Complete}", bearer: memberToken));
        Assert.Equal(2, memberList.GetArrayLength());

        foreach (var url in new[] { $"/groups/{s.Groups.Complete}/agreements", $"/groups/{s.Groups.Complete}/agreements.csv", $"/groups/{s.Groups.Complete}", "/agendas/lc-crp-20-6/lines/2.4.1" })
        {
            var body = await kit.Client.GetStringAsync(url);
            Assert.Contains($"Public agreement {s.Groups.Suffix}", body);
            Assert.DoesNotContain($"Hidden agreement {s.Groups.Suffix}", body);
            Assert.DoesNotContain($"Hidden agreement {s.Groups.Suffix}", await (await kit.GetAsync(url, otherCookie)).Content.ReadAsStringAsync());
            Assert.Contains($"Hidden agreement {s.Groups.Suffix}", await (await kit.GetAsync(url, memberCookie)).Content.ReadAsStringAsync());
        }
        var line = await kit.PageAsync("/agendas/lc-crp-20-6/lines/2.4.1");
        Assert.NotNull(line.QuerySelector($"#linked-agreements + ul a[href='/agreements/{shown}']"));
    }

    [Fact]
    public async Task Markdown_is_rendered_sanitized_in_the_page_and_the_api()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var number = await s.AddRecordAsync(app.Database, RecordStatus.Approved, Visibility.Public, "hostile");
        await using (var db = app.Database.CreateContext())
        {
            var section = db.RecordSections.Single(x => x.RecordId == db.MeetingRecords.Single(r => r.MeetingId == s.Meeting && r.Number == number).Id);
            section.Body.Source = "Fine *text*.\n\n<script>alert('x')</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>";
            await db.SaveChangesAsync();
        }
        var page = await kit.PageAsync($"/meetings/{s.Meeting}/records/{number}");
        var body = page.QuerySelector("section.record-section .markdown")!;
        Assert.Equal("text", body.QuerySelector("em")!.TextContent);
        Assert.Empty(body.QuerySelectorAll("script, img, [onerror]"));
        Assert.DoesNotContain("javascript:", body.InnerHtml);
        var api = await JsonAsync(await kit.GetAsync($"/api/v1/meetings/{s.Meeting}/records"));
        var html = api[0].GetProperty("sections")[0].GetProperty("bodyHtml").GetProperty("source").GetString()!;
        Assert.Contains("<em>text</em>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("<script>", api[0].GetProperty("sections")[0].GetProperty("body").GetProperty("source").GetString());

        var es = await kit.PageAsync($"/meetings/{s.Meeting}/records/{number}?culture=es");
        Assert.Contains("Acta", es.QuerySelector("h1")!.TextContent);
        Assert.Contains("Responsable", es.QuerySelector("table.record-actions")!.TextContent);
    }

    [Fact]
    public async Task The_api_answers_400_for_malformed_filters_and_404_for_unknown_things()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.GetAsync("/api/v1/agreements?country=chile")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.GetAsync("/api/v1/agreements?line=two")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.GetAsync("/api/v1/agreements?meeting=first")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.GetAsync("/api/v1/agreements/first")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.GetAsync("/api/v1/meetings/first/records")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync($"/api/v1/agreements?country={GroupScenario.UnknownCountry}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync("/api/v1/agreements?group=no-such-group")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync("/api/v1/agreements/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync("/api/v1/meetings/999999/records")).StatusCode);
        var problem = await (await kit.GetAsync("/api/v1/agreements?country=chile")).Content.ReadAsStringAsync();
        Assert.Contains("ISO 3166-1", problem);

        var a = await s.AddAgreementAsync(app.Database, Visibility.Public, $"Filtered {s.Groups.Suffix}");
        await s.AddAgreementAsync(app.Database, Visibility.Public, $"Elsewhere {s.Groups.Suffix}", s.LoneMeeting);
        var byLine = await JsonAsync(await kit.GetAsync($"/api/v1/agreements?group={s.Groups.Complete}&line=lc-crp-20-6:2.4.1&meeting={s.Meeting}&country={s.Groups.CountryA}"));
        var one = Assert.Single(byLine.EnumerateArray());
        Assert.Equal(a, one.GetProperty("id").GetInt32());
        Assert.Equal("2.4.1", one.GetProperty("lines")[0].GetProperty("code").GetString());
        var detail = await JsonAsync(await kit.GetAsync($"/api/v1/agreements/{a}"));
        var countries = detail.GetProperty("followUps").EnumerateArray().Select(f => f.GetProperty("countryCode").GetString()).ToList();
        Assert.Equal([s.Groups.CountryA, s.Groups.CountryB], countries);
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("followUps")[0].GetProperty("report").ValueKind);
        Assert.Equal("coordinating", detail.GetProperty("followUps")[0].GetProperty("role").GetString());
    }
}

public sealed class SqliteRecordVisibilityTests(SqliteApp app) : RecordVisibilityTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRecordVisibilityTests(PostgresApp app) : RecordVisibilityTests(app), IClassFixture<PostgresApp>;
