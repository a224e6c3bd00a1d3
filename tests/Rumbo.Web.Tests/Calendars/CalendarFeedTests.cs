using System.Net;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Meetings;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Calendars;

public abstract class CalendarFeedTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    private Task<CalendarScenario> Scenario() => CalendarClient.ScenarioAsync(app);

    [Fact]
    public async Task The_public_calendar_holds_open_meetings_in_full_and_no_closed_meeting()
    {
        var s = await Scenario();
        var x = s.Groups.Suffix;
        var (calendar, text) = await client.FeedAsync("/calendar.ics");
        Assert.Equal("PUBLISH", calendar.Method);
        var open = calendar.Titled($"Open seminar {x}");
        Assert.NotNull(open);
        Assert.Contains($"Open discussion {x}.", open.Description);
        Assert.Equal("ECLAC headquarters, Santiago; " + $"https://meet.example.org/open-{x}", open.Location);
        Assert.Equal("America/Santiago", open.DtStart!.TzId);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "America/Santiago");
        Assert.Equal(["Thematic seminar"], open.Categories);
        Assert.EndsWith($"/meetings/{s.Open}", open.Url!.ToString());

        Assert.Null(calendar.Titled($"Closed meeting {x}"));
        Assert.Null(calendar.Titled($"Lone group meeting {x}"));
        Assert.DoesNotContain(s.ClosedSecret, text);
        Assert.DoesNotContain(s.ClosedLink, text);
        // Nine months back is beyond the feed's reach.
        Assert.Null(calendar.Titled($"Long past meeting {x}"));
    }

    [Fact]
    public async Task A_groups_calendar_shows_anonymous_readers_a_closed_meeting_by_title_and_time_only()
    {
        var s = await Scenario();
        var x = s.Groups.Suffix;
        var (calendar, text) = await client.FeedAsync($"/groups/{s.Groups.Complete}/calendar.ics");
        Assert.NotNull(calendar.Titled($"Open seminar {x}"));
        var closed = calendar.Titled($"Closed meeting {x}");
        Assert.NotNull(closed);
        Assert.Equal("America/Mexico_City", closed.DtStart!.TzId);
        Assert.StartsWith("Closed meeting:", closed.Description);
        Assert.Null(closed.Location);
        Assert.DoesNotContain(s.ClosedSecret, text);
        Assert.DoesNotContain(s.ClosedLink, text);
        // Only this group's meetings.
        Assert.Null(calendar.Titled($"Lone group meeting {x}"));
        Assert.Null(calendar.Titled($"Long past meeting {x}"));
        Assert.Contains($"X-WR-CALNAME:Rumbo: {s.Groups.CompleteName}", text);

        // A signed-in user of no group sees no more than the public.
        var (_, outsider) = await client.FeedAsync($"/groups/{s.Groups.Complete}/calendar.ics", await SignedIn.CookieAsync(app));
        Assert.DoesNotContain(s.ClosedSecret, outsider);
    }

    [Fact]
    public async Task A_groups_calendar_shows_its_members_a_closed_meeting_in_full()
    {
        var s = await Scenario();
        var cookie = await CalendarClient.MemberCookieAsync(app, s.Groups.Complete);
        var (calendar, text) = await client.FeedAsync($"/groups/{s.Groups.Complete}/calendar.ics", cookie);
        var closed = calendar.Titled($"Closed meeting {s.Groups.Suffix}");
        Assert.NotNull(closed);
        Assert.Contains(s.ClosedSecret, closed.Description);
        Assert.Equal(s.ClosedLink, closed.Location);
        Assert.Contains("private", string.Join(",", (await Head($"/groups/{s.Groups.Complete}/calendar.ics", cookie)).Headers.CacheControl?.ToString()));
        Assert.Contains(s.ClosedLink, text);
    }

    [Fact]
    public async Task A_meetings_calendar_is_one_event_in_full_only_for_those_who_may_see_it()
    {
        var s = await Scenario();
        var (open, _) = await client.FeedAsync($"/meetings/{s.Open}/calendar.ics");
        Assert.Contains($"Open discussion {s.Groups.Suffix}.", Assert.Single(open.Events).Description);

        var (anonymous, anonymousText) = await client.FeedAsync($"/meetings/{s.Closed}/calendar.ics");
        Assert.Equal($"Closed meeting {s.Groups.Suffix}", Assert.Single(anonymous.Events).Summary);
        Assert.DoesNotContain(s.ClosedSecret, anonymousText);

        // Someone outside the group who is invited sees it in full.
        var guest = await CalendarScenario.AddPersonAsync(app.Database, "Guest");
        await CalendarScenario.AddParticipantAsync(app.Database, s.Closed, guest);
        var (_, invited) = await client.FeedAsync($"/meetings/{s.Closed}/calendar.ics", await SignedIn.CookieAsync(app, personId: guest));
        Assert.Contains(s.ClosedSecret, invited);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/meetings/987654321/calendar.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/groups/no-such-group/calendar.ics")).StatusCode);
    }

    [Fact]
    public async Task Titles_are_in_the_readers_language_when_translated()
    {
        var s = await Scenario();
        var (es, _) = await client.FeedAsync($"/groups/{s.Groups.Complete}/calendar.ics", language: "es");
        Assert.NotNull(es.Titled($"Seminario abierto {s.Groups.Suffix}"));
        Assert.Equal(["Seminario temático"], es.Titled($"Seminario abierto {s.Groups.Suffix}")!.Categories);
        // Untranslated titles stay as written.
        Assert.NotNull(es.Titled($"Closed meeting {s.Groups.Suffix}"));
        Assert.StartsWith("Reunión cerrada:", es.Titled($"Closed meeting {s.Groups.Suffix}")!.Description);
    }

    [Fact]
    public async Task An_unchanged_feed_answers_not_modified_to_its_entity_tag()
    {
        var s = await Scenario();
        var url = $"/groups/{s.Groups.Complete}/calendar.ics";
        using var first = await client.GetAsync(url);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.Contains("max-age", first.Headers.CacheControl?.ToString());
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(tag);
        using var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);

        // A change to the group's meetings changes the tag.
        await CalendarScenario.AddAsync(app.Database, s.Groups.Complete, m => m.Title = new() { Source = $"Added {Guid.NewGuid():n}" });
        using var changed = new HttpRequestMessage(HttpMethod.Get, url);
        changed.Headers.IfNoneMatch.Add(tag);
        using var third = await client.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.NotEqual(tag, third.Headers.ETag);
    }

    [Fact]
    public async Task A_members_secret_feed_holds_their_groups_meetings_in_full()
    {
        var s = await Scenario();
        var x = s.Groups.Suffix;
        var cookie = await CalendarClient.MemberCookieAsync(app, s.Groups.Complete, s.Groups.Lone);
        var (page, link) = await client.MakeLinkAsync(cookie);
        Assert.StartsWith("http://localhost/calendar/", link);
        Assert.Equal("webcal" + link[4..], page.QuerySelector("#webcal-link")!.GetAttribute("value"));

        var (calendar, text) = await client.FeedAsync(CalendarClient.PathOf(link));
        Assert.Contains(s.ClosedSecret, calendar.Titled($"Closed meeting {x}")!.Description);
        Assert.Equal(s.ClosedLink, calendar.Titled($"Closed meeting {x}")!.Location);
        // A member of the lone group too: its closed meeting is in the calendar, in full.
        Assert.Contains($"Lone agenda {x}", calendar.Titled($"Lone group meeting {x}")!.Description);
        Assert.NotNull(calendar.Titled($"Open seminar {x}"));
        Assert.Contains("X-WR-CALNAME:Rumbo: my meetings", text);

        // Only a fingerprint is kept.
        var token = new Uri(link).Segments[^1].Replace(".ics", "", StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.CalendarFeeds.AnyAsync(f => f.TokenHash.Contains(token)));
        Assert.True(await db.CalendarFeeds.AnyAsync(f => f.TokenHash == Core.Accounts.SecretTokens.Hash(token)));
    }

    [Fact]
    public async Task A_non_members_secret_feed_holds_the_meetings_they_are_invited_to_or_registered_for_and_no_other()
    {
        var s = await Scenario();
        var x = s.Groups.Suffix;
        var person = await CalendarScenario.AddPersonAsync(app.Database, "Visitor");
        var registered = await CalendarScenario.AddAsync(app.Database, s.Groups.AdHoc, m => m.Title = new() { Source = $"Registered {x}" });
        var declined = await CalendarScenario.AddAsync(app.Database, s.Groups.AdHoc, m => m.Title = new() { Source = $"Declined {x}" });
        await CalendarScenario.AddParticipantAsync(app.Database, s.Open, person);
        await CalendarScenario.AddParticipantAsync(app.Database, registered, person, registered: true);
        await CalendarScenario.AddParticipantAsync(app.Database, declined, person, response: ParticipantResponse.Declined);
        var (_, link) = await client.MakeLinkAsync(await SignedIn.CookieAsync(app, personId: person));

        var (calendar, text) = await client.FeedAsync(CalendarClient.PathOf(link));
        Assert.Equal([$"Open seminar {x}", $"Registered {x}"], calendar.Events.OrderBy(e => e.Summary).Select(e => e.Summary));
        Assert.DoesNotContain(s.ClosedSecret, text);
        Assert.DoesNotContain($"Closed meeting {x}", text);
    }

    [Fact]
    public async Task A_walk_in_attendee_sees_a_closed_meetings_details_in_their_feed_as_on_its_page_and_in_the_API()
    {
        var s = await Scenario();
        var person = await CalendarScenario.AddPersonAsync(app.Database, "Walk-in");
        // Recorded as attending though never invited nor registered: a walk-in.
        await using (var db = app.Database.CreateContext())
        {
            db.MeetingParticipants.Add(new MeetingParticipant { MeetingId = s.Closed, PersonId = person, Attended = true });
            await db.SaveChangesAsync();
        }
        var cookie = await SignedIn.CookieAsync(app, personId: person);
        var (_, link) = await client.MakeLinkAsync(cookie);

        var (_, feed) = await client.FeedAsync(CalendarClient.PathOf(link));
        Assert.Contains(s.ClosedSecret, feed);
        var (_, own) = await client.FeedAsync($"/meetings/{s.Closed}/calendar.ics", cookie);
        Assert.Contains(s.ClosedSecret, own);

        using var page = new HttpRequestMessage(HttpMethod.Get, $"/meetings/{s.Closed}");
        page.Headers.Add("Cookie", cookie);
        var html = await (await client.SendAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains(s.ClosedSecret, html);

        using var api = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/meetings/{s.Closed}");
        api.Headers.Add("Cookie", cookie);
        var json = System.Text.Json.JsonDocument.Parse(await (await client.SendAsync(api)).Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("meeting").GetProperty("details").GetBoolean());
        Assert.Contains(s.ClosedSecret, json.RootElement.GetProperty("description").GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_new_link_revokes_the_old_one_at_once_and_a_deleted_link_stops()
    {
        var s = await Scenario();
        var cookie = await CalendarClient.MemberCookieAsync(app, s.Groups.Complete);
        var (_, first) = await client.MakeLinkAsync(cookie);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(CalendarClient.PathOf(first))).StatusCode);

        var (page, second) = await client.MakeLinkAsync(cookie, "Reset");
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(CalendarClient.PathOf(first))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(CalendarClient.PathOf(second))).StatusCode);
        Assert.NotNull(page.QuerySelector("form[action*='handler=Delete']"));

        using var deleted = await client.PostCalendarAsync(cookie, "Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(CalendarClient.PathOf(second))).StatusCode);
        using var after = new HttpRequestMessage(HttpMethod.Get, deleted.Headers.Location!.OriginalString);
        after.Headers.Add("Cookie", cookie);
        var text = await (await client.SendAsync(after)).Content.ReadAsStringAsync();
        Assert.Contains("The calendar link has been deleted", text);
        Assert.Contains("You have no calendar link.", text);
    }

    [Theory]
    [InlineData("0123456789abcdefghijABCDEFGHIJ-_012345678xy")]
    [InlineData("short")]
    [InlineData("0123456789abcdefghijABCDEFGHIJ-_012345678xy0123456789")]
    [InlineData("0123456789abcdefghijABCDEFGHIJ+/012345678xy")]
    public async Task An_unknown_token_is_not_found(string token)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/calendar/{Uri.EscapeDataString(token)}.ics")).StatusCode);
    }

    [Fact]
    public async Task The_link_page_needs_a_signed_in_user_and_tells_one_without_a_person_that_the_calendar_stays_empty()
    {
        using var anonymous = await client.GetAsync("/account/calendar");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString);

        var cookie = await SignedIn.CookieAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/calendar");
        request.Headers.Add("Cookie", cookie);
        request.Headers.AcceptLanguage.ParseAdd("es");
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await (await client.SendAsync(request)).Content.ReadAsStringAsync()).Body!.TextContent;
        Assert.Contains("Mi calendario", html);
        Assert.Contains("Su cuenta todavía no está vinculada a una persona", html);
        Assert.Contains("Crear mi enlace de calendario", html);
        var (calendar, _) = await client.FeedAsync(CalendarClient.PathOf((await client.MakeLinkAsync(cookie)).Link));
        Assert.Empty(calendar.Events);
    }

    private async Task<HttpResponseMessage> Head(string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}

public sealed class SqliteCalendarFeedTests(SqliteApp app) : CalendarFeedTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCalendarFeedTests(PostgresApp app) : CalendarFeedTests(app), IClassFixture<PostgresApp>;
