using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Meetings;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Meetings;

/// <summary>
/// A closed meeting shows the public what it is and when, and its details only to the group's members, invited people
/// and the secretariat: on its page, in lists, the API and the exports. Registration, invitations and attendance follow the same rules.
/// </summary>
public abstract class MeetingVisibilityTests(RumboApp app)
{
    private readonly MeetingClient c = new(app);

    private static void AssertDetails(AngleSharp.Html.Dom.IHtmlDocument page, MeetingScenario m, bool visible)
    {
        var html = page.QuerySelector("main")!.InnerHtml;
        Assert.Contains($"Closed working meeting {m.Groups.Suffix}", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".meeting-time time[datetime]"));
        Assert.Equal(visible, html.Contains(m.Secret, StringComparison.Ordinal));
        Assert.Equal(visible, html.Contains($"Closed item {m.Groups.Suffix}", StringComparison.Ordinal));
        Assert.Equal(visible, html.Contains("<strong>briefing</strong>", StringComparison.Ordinal));
        Assert.Equal(visible, html.Contains($"Room of the secret {m.Groups.Suffix}", StringComparison.Ordinal));
        Assert.Equal(visible, page.QuerySelector("#participants-heading") is not null);
    }

    [Fact]
    public async Task A_closed_meeting_shows_its_details_to_members_invitees_and_the_secretariat_only()
    {
        var m = await MeetingScenario.CreateAsync(app.Database);
        var anonymous = await c.PageAsync($"/meetings/{m.Closed}");
        AssertDetails(anonymous, m, visible: false);
        Assert.Contains("closed", anonymous.QuerySelector(".notice")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(anonymous.QuerySelector($".registration a[href='/account/sign-in?returnUrl=/meetings/{m.Closed}']"));

        AssertDetails(await c.PageAsync($"/meetings/{m.Closed}", await c.CookieForAsync(m.Outsider)), m, visible: false);
        AssertDetails(await c.PageAsync($"/meetings/{m.Closed}", (await c.PersonAsync()).Cookie), m, visible: false);
        AssertDetails(await c.PageAsync($"/meetings/{m.Closed}", (await c.PersonAsync(m.Groups.Complete)).Cookie), m, visible: true);
        AssertDetails(await c.PageAsync($"/meetings/{m.Closed}", await c.CookieForAsync(m.Invitee)), m, visible: true);
        AssertDetails(await c.PageAsync($"/meetings/{m.Closed}", await c.SecretariatAsync()), m, visible: true);

        // The open meeting shows everything to everyone.
        var open = await c.PageAsync($"/meetings/{m.Open}");
        Assert.Contains($"https://meet.example.org/open-{m.Groups.Suffix}", open.QuerySelector("main")!.InnerHtml);
        Assert.NotNull(open.QuerySelector($"a[href='/meetings/{m.Open}/calendar.ics']"));

        // Lists: title and date for everyone; place only for readers of the details.
        var list = await c.PageAsync($"/groups/{m.Groups.Complete}/meetings");
        Assert.Contains($"Closed working meeting {m.Groups.Suffix}", list.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(m.Secret, list.QuerySelector("main")!.InnerHtml);
        var all = await c.PageAsync($"/meetings?group={m.Groups.Complete}&period=all");
        Assert.Equal(3, all.QuerySelectorAll(".meeting-row").Length);
        var past = await c.PageAsync($"/meetings?group={m.Groups.Complete}&period=past");
        Assert.Equal([$"Past closed meeting {m.Groups.Suffix}"], past.QuerySelectorAll(".meeting-title a").Select(a => a.TextContent.Trim()));
        var seminars = await c.PageAsync($"/meetings?group={m.Groups.Complete}&kind=ThematicSeminar");
        Assert.Empty(seminars.QuerySelectorAll(".meeting-row"));
        // Nothing coming up: the page offers the past ones with the same filters.
        Assert.Equal($"/meetings?period=past&group={m.Groups.Complete}&kind=ThematicSeminar", seminars.QuerySelector("main p a[href^='/meetings?period=past']")!.GetAttribute("href"));
        Assert.Null(past.QuerySelector("main p a[href^='/meetings?period=past']"));

        // The line page lists the closed meeting (linked through its agenda) only to its readers.
        var line = await c.PageAsync("/agendas/lc-crp-20-6/lines/2.5.1");
        Assert.Null(line.QuerySelector($"a[href='/meetings/{m.Closed}']"));
        var memberLine = await c.PageAsync("/agendas/lc-crp-20-6/lines/2.5.1", (await c.PersonAsync(m.Groups.Complete)).Cookie);
        Assert.NotNull(memberLine.QuerySelector($"a[href='/meetings/{m.Closed}']"));

        // The home page lists open events only; the group page lists both, with "Schedule" for its coordinators.
        var home = await c.PageAsync("/");
        Assert.Null(home.QuerySelector($".upcoming-events a[href='/meetings/{m.Closed}']"));
        var group = await c.PageAsync($"/groups/{m.Groups.Complete}");
        Assert.NotNull(group.QuerySelector($".group-meetings a[href='/meetings/{m.Closed}']"));
        Assert.Null(group.QuerySelector($".group-meetings a[href='/groups/{m.Groups.Complete}/meetings/new']"));
        var (coordinator, _) = await SignedIn.CoordinatorAsync(app, m.Groups.Complete);
        Assert.NotNull((await c.PageAsync($"/groups/{m.Groups.Complete}", coordinator)).QuerySelector($".group-meetings a[href='/groups/{m.Groups.Complete}/meetings/new']"));
    }

    [Fact]
    public async Task The_API_applies_the_same_rules_to_bearer_tokens_and_checks_its_filters()
    {
        var m = await MeetingScenario.CreateAsync(app.Database);
        async Task<JsonElement> Get(string url, string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await c.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        var anonymous = await Get($"/api/v1/meetings/{m.Closed}", null);
        Assert.Equal("closed", anonymous.GetProperty("meeting").GetProperty("access").GetString());
        Assert.False(anonymous.GetProperty("meeting").GetProperty("details").GetBoolean());
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("onlineUrl").ValueKind);
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("items").ValueKind);
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("meeting").GetProperty("place").ValueKind);
        Assert.DoesNotContain(m.Secret, anonymous.GetRawText());

        var outsider = await Get($"/api/v1/meetings/{m.Closed}", await c.TokenAsync(m.Outsider));
        Assert.DoesNotContain(m.Secret, outsider.GetRawText());
        var (_, memberId) = await c.PersonAsync(m.Groups.Complete);
        var member = await Get($"/api/v1/meetings/{m.Closed}", await c.TokenAsync(memberId));
        Assert.Equal(m.Secret, member.GetProperty("onlineUrl").GetString());
        var item = member.GetProperty("items")[0];
        Assert.Equal("2.5.1", item.GetProperty("lines")[0].GetProperty("code").GetString());
        Assert.Equal(1, member.GetProperty("participation").GetProperty("invited").GetInt32());
        Assert.Equal("America/Santiago", member.GetProperty("meeting").GetProperty("timeZone").GetString());
        Assert.EndsWith("Z", member.GetProperty("meeting").GetProperty("startsAt").GetString());
        var invitee = await Get($"/api/v1/meetings/{m.Closed}", await c.TokenAsync(m.Invitee));
        Assert.Equal(m.Secret, invitee.GetProperty("onlineUrl").GetString());

        var list = await Get($"/api/v1/meetings?group={m.Groups.Complete}", null);
        Assert.Equal(3, list.GetArrayLength());
        var upcoming = await Get($"/api/v1/meetings?group={m.Groups.Complete}&from={DateTime.UtcNow:yyyy-MM-dd}", null);
        Assert.Equal(2, upcoming.GetArrayLength());
        var until = await Get($"/api/v1/meetings?group={m.Groups.Complete}&to={DateTime.UtcNow:yyyy-MM-dd}", null);
        Assert.Equal(m.PastClosed, until[0].GetProperty("id").GetInt32());
        Assert.Equal(3, (await Get($"/api/v1/meetings?agenda=lc-crp-20-6&group={m.Groups.Complete}&kind=workingMeeting", null)).GetArrayLength());
        Assert.Equal(0, (await Get($"/api/v1/meetings?group={m.Groups.Complete}&kind=thematicSeminar", null)).GetArrayLength());

        foreach (var bad in new[] { "kind=party", "from=yesterday", "to=2026-13-01", "group=no-such-group", "agenda=no-such-agenda", "from=2026-05-01&to=2026-04-01" })
        {
            using var response = await c.Http.GetAsync($"/api/v1/meetings?{bad}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{bad}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        using var missing = await c.Http.GetAsync("/api/v1/meetings/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Exports_parse_back_with_only_what_the_reader_may_see()
    {
        var m = await MeetingScenario.CreateAsync(app.Database);
        var csvResponse = await c.Http.GetAsync($"/groups/{m.Groups.Complete}/meetings.csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        using (var reader = new StreamReader(await csvResponse.Content.ReadAsStreamAsync()))
        using (var csv = new CsvReader(reader, CultureInfo.InvariantCulture))
        {
            var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(3, rows.Count);
            var closed = rows.Single(r => (string)r["id"] == m.Closed.ToString(CultureInfo.InvariantCulture));
            Assert.Equal($"Closed working meeting {m.Groups.Suffix}", closed["title"]);
            Assert.Equal("Closed", closed["access"]);
            Assert.Equal("", closed["online_url"]);
            Assert.Equal("", closed["place"]);
            Assert.Equal("America/Santiago", closed["time_zone"]);
            var open = rows.Single(r => (string)r["id"] == m.Open.ToString(CultureInfo.InvariantCulture));
            Assert.Equal($"https://meet.example.org/open-{m.Groups.Suffix}", open["online_url"]);
        }

        var (member, _) = await c.PersonAsync(m.Groups.Complete);
        var xlsx = await c.Http.GetAsync($"/groups/{m.Groups.Complete}/meetings.xlsx", member);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var table = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(cell => cell.InnerText).ToList()).ToList();
        Assert.Equal(MeetingExport.Header, table[0]);
        var closedRow = table.Single(r => r[0] == m.Closed.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(m.Secret, closedRow[Array.IndexOf(MeetingExport.Header, "online_url")]);
        Assert.Equal("1", closedRow[Array.IndexOf(MeetingExport.Header, "invited")]);
        Assert.Equal(HttpStatusCode.NotFound, (await c.Http.GetAsync("/groups/no-such-group/meetings.csv")).StatusCode);
    }

    [Fact]
    public async Task Registration_follows_the_rules_of_open_and_closed_meetings()
    {
        var m = await MeetingScenario.CreateAsync(app.Database);
        async Task<HttpResponseMessage> Act(int meeting, string cookie, string handler)
        {
            var form = await c.OpenAsync($"/meetings/{meeting}", cookie);
            return await c.PostAsync($"/meetings/{meeting}?handler={handler}", form);
        }
        async Task<MeetingParticipant?> Row(int meeting, int person)
        {
            await using var db = app.Database.CreateContext();
            return await db.MeetingParticipants.AsNoTracking().SingleOrDefaultAsync(p => p.MeetingId == meeting && p.PersonId == person);
        }

        // Anyone with a person registers for an open meeting, and unregisters.
        var (someone, someoneId) = await c.PersonAsync(countryCode: m.Groups.CountryA);
        var someoneEmail = $"registrant-{Guid.NewGuid():n}@example.org";
        await using (var db = app.Database.CreateContext())
        {
            (await db.People.SingleAsync(p => p.Id == someoneId)).Email = someoneEmail;
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.Redirect, (await Act(m.Open, someone, "Register")).StatusCode);
        // The registrant receives the calendar entry by mail.
        var mailFolder = Path.Combine(app.Database.Directory, "mail");
        var confirmation = Directory.GetFiles(mailFolder, "*.eml").Select(f => Mime.Parse(File.ReadAllText(f))).Single(mail => mail.Headers.GetValueOrDefault("To") == someoneEmail);
        Assert.StartsWith("Registered: ", confirmation.Headers["Subject"]);
        Assert.Contains("METHOD:REQUEST", confirmation.Parts.Single(part => part.Headers.GetValueOrDefault("Content-Type", "").StartsWith("text/calendar", StringComparison.Ordinal)).Text);
        var row = await Row(m.Open, someoneId);
        Assert.NotNull(row?.RegisteredAtUtc);
        Assert.NotNull(row!.CountryId);
        Assert.Contains("You are registered.", (await c.PageAsync($"/meetings/{m.Open}", someone)).QuerySelector(".registration")!.TextContent);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Act(m.Open, someone, "Register")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(m.Open, someone, "Unregister")).StatusCode);
        Assert.Null(await Row(m.Open, someoneId));

        // A closed meeting: not for people outside the group, nor an account without a person.
        var form = await c.OpenAsync($"/meetings/{m.Open}", someone);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.PostAsync($"/meetings/{m.Closed}?handler=Register", form)).StatusCode);
        Assert.Null(await Row(m.Closed, someoneId));
        var noPerson = await SignedIn.CookieAsync(app);
        var noPersonForm = await c.OpenAsync($"/meetings/{m.Open}", noPerson);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.PostAsync($"/meetings/{m.Open}?handler=Register", noPersonForm)).StatusCode);

        // Members register; invited people accept or decline.
        var (member, memberId) = await c.PersonAsync(m.Groups.Complete);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(m.Closed, member, "Register")).StatusCode);
        Assert.NotNull((await Row(m.Closed, memberId))?.RegisteredAtUtc);
        var invitee = await c.CookieForAsync(m.Invitee);
        var invitedPage = await c.PageAsync($"/meetings/{m.Closed}", invitee);
        Assert.NotNull(invitedPage.QuerySelector(".registration button[formaction='?handler=Accept']"));
        Assert.Equal(HttpStatusCode.Redirect, (await Act(m.Closed, invitee, "Accept")).StatusCode);
        var accepted = await Row(m.Closed, m.Invitee);
        Assert.Equal(ParticipantResponse.Accepted, accepted!.Response);
        Assert.NotNull(accepted.RegisteredAtUtc);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(m.Closed, invitee, "Decline")).StatusCode);
        var declined = await Row(m.Closed, m.Invitee);
        Assert.Equal(ParticipantResponse.Declined, declined!.Response);
        Assert.Null(declined.RegisteredAtUtc);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Act(m.Open, member, "Accept")).StatusCode);

        // The past meeting is closed to registration.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Act(m.PastClosed, member, "Register")).StatusCode);
        Assert.Null(await Row(m.PastClosed, memberId));

        // Anonymous posts go to sign in.
        var anonymousForm = await c.OpenAsync("/account/sign-in", "x=y");
        var anonymous = await c.PostAsync($"/meetings/{m.Open}?handler=Register", anonymousForm);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Invitations_and_attendance_are_counted_by_person_and_by_country()
    {
        var m = await MeetingScenario.CreateAsync(app.Database);
        var (coordinator, _) = await SignedIn.CoordinatorAsync(app, m.Groups.Complete);
        var url = $"/meetings/{m.Closed}/participants";
        var form = await c.OpenAsync(url, coordinator);
        // Every member not yet invited is checked by default.
        var invitees = form.Page.QuerySelectorAll("input[name=Invitees][checked]").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Contains(m.Groups.Ana.ToString(CultureInfo.InvariantCulture), invitees);
        var nobody = await c.PostAsync($"{url}?handler=Invite", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nobody.StatusCode);
        Assert.NotNull((await MeetingClient.ParseAsync(nobody)).QuerySelector("#Invitees-error"));
        var response = await c.PostAsync($"{url}?handler=Invite", form,
            ("Invitees", m.Groups.Ana.ToString(CultureInfo.InvariantCulture)), ("Invitees", m.Groups.Carla.ToString(CultureInfo.InvariantCulture)),
            ("OtherPersonId", m.Outsider.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using (var db = app.Database.CreateContext())
        {
            var rows = await db.MeetingParticipants.AsNoTracking().Where(p => p.MeetingId == m.Closed).ToListAsync();
            Assert.Equal(4, rows.Count(r => r.InvitedAtUtc != null));
            var countryB = await db.Countries.SingleAsync(x => x.Code == m.Groups.CountryB);
            Assert.Equal(countryB.Id, rows.Single(r => r.PersonId == m.Groups.Carla).CountryId);
        }
        // The invited outsider now sees the details.
        Assert.Contains(m.Secret, (await c.PageAsync($"/meetings/{m.Closed}", await c.CookieForAsync(m.Outsider))).QuerySelector("main")!.InnerHtml);

        // Attendance: Ana attended for country A (her own), Carla for country A instead of B, Iván did not come.
        form = await c.OpenAsync(url, coordinator);
        var people = form.Page.QuerySelectorAll("input[name$='.PersonId']").Select(i => i.GetAttribute("value")!).ToList();
        var fields = new List<(string, string)>();
        for (var i = 0; i < people.Count; i++)
        {
            var pid = int.Parse(people[i], CultureInfo.InvariantCulture);
            fields.Add(($"Attendance[{i}].PersonId", people[i]));
            fields.Add(($"Attendance[{i}].Attended", pid == m.Groups.Ana || pid == m.Groups.Carla ? "yes" : pid == m.Invitee ? "no" : ""));
            fields.Add(($"Attendance[{i}].Country", pid == m.Groups.Ana || pid == m.Groups.Carla ? m.Groups.CountryA : ""));
        }
        var wrong = await c.PostAsync($"{url}?handler=Attendance", form, [.. fields.Where(f => f.Item1 != "Attendance[0].Country"), ("Attendance[0].Country", "ZZ")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.NotNull((await MeetingClient.ParseAsync(wrong)).QuerySelector("#Attendance_0__Country-error"));
        // The meeting is a month ahead: the page warns, saves nothing, and waits for the coordinator to confirm.
        var ahead = await c.PostAsync($"{url}?handler=Attendance", form, [.. fields]);
        Assert.Equal(HttpStatusCode.OK, ahead.StatusCode);
        var warned = await MeetingClient.ParseAsync(ahead);
        Assert.Contains("has not taken place yet", warned.QuerySelector("#attendance-warning")!.TextContent);
        // The start is said in words: markup given to the sentence would be shown as text.
        Assert.Matches(@"it starts on \d{1,2} \w+ \d{4}, \d\d:\d\d \([\w/]+, UTC.+\)\.", warned.QuerySelector("#attendance-warning")!.TextContent);
        Assert.DoesNotContain("<", warned.QuerySelector("#attendance-warning")!.TextContent);
        // What was chosen stays in the form for the confirmation.
        for (var i = 0; i < people.Count; i++)
            Assert.Equal(fields.Single(f => f.Item1 == $"Attendance[{i}].Attended").Item2, warned.QuerySelector($"#Attendance_{i}_Attended option[selected]")!.GetAttribute("value"));
        await using (var db = app.Database.CreateContext())
        {
            Assert.DoesNotContain(await db.MeetingParticipants.AsNoTracking().Where(p => p.MeetingId == m.Closed).ToListAsync(), p => p.Attended != null);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await c.PostAsync($"{url}?handler=Attendance", form, [.. fields, ("Confirmed", "true")])).StatusCode);

        // Someone who never registered came, for country B.
        var (_, walkIn) = await c.PersonAsync();
        form = await c.OpenAsync(url, coordinator);
        var walkInAhead = await c.PostAsync($"{url}?handler=AddAttendee", form,
            ("AttendeePersonId", walkIn.ToString(CultureInfo.InvariantCulture)), ("AttendeeCountry", m.Groups.CountryB));
        Assert.Equal(HttpStatusCode.OK, walkInAhead.StatusCode);
        Assert.DoesNotContain("<", (await MeetingClient.ParseAsync(walkInAhead)).QuerySelector("#attendee-warning")!.TextContent);
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.MeetingParticipants.AnyAsync(p => p.MeetingId == m.Closed && p.PersonId == walkIn));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await c.PostAsync($"{url}?handler=AddAttendee", form,
            ("AttendeePersonId", walkIn.ToString(CultureInfo.InvariantCulture)), ("AttendeeCountry", m.Groups.CountryB), ("Confirmed", "true"))).StatusCode);

        var page = await c.PageAsync(url, coordinator);
        var summary = page.QuerySelectorAll("section[aria-labelledby=summary-heading] tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList());
        Assert.Equal(["2", "0", "2"], summary[m.Groups.CountryAName]);
        Assert.Equal("1", summary[m.Groups.CountryBName][2]);
        var meeting = await c.PageAsync($"/meetings/{m.Closed}", coordinator);
        Assert.Contains("3 attended", meeting.QuerySelector("section[aria-labelledby=participants-heading]")!.TextContent);
    }
}

public sealed class SqliteMeetingVisibilityTests(SqliteApp app) : MeetingVisibilityTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMeetingVisibilityTests(PostgresApp app) : MeetingVisibilityTests(app), IClassFixture<PostgresApp>;
