using System.Net;
using System.Runtime.CompilerServices;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Groups;
using Rumbo.TestSupport;
using Calendar = Ical.Net.Calendar;

namespace Rumbo.Web.Tests.Calendars;

/// <summary>What the calendar tests share: one scenario per database, feeds read as calendar programs read them, the link page posted as a browser posts it.</summary>
public static class CalendarClient
{
    private static readonly ConditionalWeakTable<TestDatabase, Lazy<Task<CalendarScenario>>> Shared = new();

    public static Task<CalendarScenario> ScenarioAsync(RumboApp app)
    {
        // The site migrates and seeds its database when it starts; a test that posts nothing must start it first.
        _ = app.Services;
        return Shared.GetValue(app.Database, d => new Lazy<Task<CalendarScenario>>(() => CalendarScenario.CreateAsync(d))).Value;
    }

    /// <summary>A signed-in user whose new person is a member of the groups.</summary>
    public static async Task<string> MemberCookieAsync(RumboApp app, params string[] groupSlugs)
    {
        var person = await CalendarScenario.AddPersonAsync(app.Database, "Member");
        await using (var db = app.Database.CreateContext())
        {
            foreach (var id in await db.Groups.Where(g => groupSlugs.Contains(g.Slug)).Select(g => g.Id).ToListAsync())
            {
                db.GroupMembers.Add(new GroupMember { GroupId = id, PersonId = person, Role = GroupRole.Member });
            }
            await db.SaveChangesAsync();
        }
        return await SignedIn.CookieAsync(app, personId: person);
    }

    /// <summary>The feed at the URL, checked to be an iCalendar answer, with its raw text.</summary>
    public static async Task<(Calendar Calendar, string Text)> FeedAsync(this HttpClient client, string url, string? cookie = null, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return (Calendar.Load(text)!, text);
    }

    public static CalendarEvent? Titled(this Calendar calendar, string title) => calendar.Events.SingleOrDefault(e => e.Summary == title);

    /// <summary>Posts a handler of /account/calendar as the signed-in user, with the antiforgery token their own page carries.</summary>
    public static async Task<HttpResponseMessage> PostCalendarAsync(this HttpClient client, string cookie, string handler)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/account/calendar");
        get.Headers.Add("Cookie", cookie);
        using var page = await client.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var post = new HttpRequestMessage(HttpMethod.Post, $"/account/calendar?handler={handler}")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
        post.Headers.Add("Cookie", $"{cookie}; {antiforgery}");
        return await client.SendAsync(post);
    }

    /// <summary>Makes (or remakes) the user's link through the page; answers the page and the https link it shows once.</summary>
    public static async Task<(IHtmlDocument Page, string Link)> MakeLinkAsync(this HttpClient client, string cookie, string handler = "Create")
    {
        using var response = await client.PostCalendarAsync(cookie, handler);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var link = page.QuerySelector("#https-link")!.GetAttribute("value")!;
        return (page, link);
    }

    /// <summary>The path of a link the page showed, for the in-memory client.</summary>
    public static string PathOf(string link) => new Uri(link).PathAndQuery;
}
