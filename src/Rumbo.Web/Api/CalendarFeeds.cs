using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Calendars;
using Rumbo.Core.Meetings;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Api;

/// <summary>
/// The iCalendar feeds: per meeting, per group, of all public events and per person (secret link). Anonymous answers
/// show an open meeting in full and a closed one by its title and time only; they are cached whole like the pages,
/// and carry an entity tag so that calendar programs that look every hour mostly get 304. A signed-in member who
/// downloads a meeting's or group's feed gets the closed meetings in full; the secret feed is always in full.
/// </summary>
public static partial class CalendarFeeds
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        var cached = app.MapGroup("").CacheOutput(ContentCache.Policy);

        cached.MapGet("/meetings/{id:int}/calendar.ics", async (int id, HttpContext http, CalendarReader reader, CurrentUser current, IStringLocalizer<SharedResource> texts, TimeProvider clock, CancellationToken ct) =>
        {
            var meeting = await reader.MeetingAsync(id, ct);
            if (meeting is null) return Results.NotFound();
            var user = await current.GetAsync(http.User, ct);
            var item = new CalendarItem(meeting, await reader.SeesDetailsAsync(user, meeting, ct));
            return Ics(http, clock, [item], meeting.Title.In(CalendarTexts.Language), $"meeting-{id}.ics", texts, shared: !user.IsSignedIn);
        }).WithTags("Calendars").WithName("MeetingCalendar").Produces(StatusCodes.Status200OK, contentType: "text/calendar").Produces(StatusCodes.Status404NotFound)
          .WithSummary("One meeting as an iCalendar event (text/calendar). A closed meeting shows its title and time only, unless the caller is one of its members or people invited.");

        cached.MapGet("/groups/{slug}/calendar.ics", async (string slug, HttpContext http, CalendarReader reader, CurrentUser current, IStringLocalizer<SharedResource> texts, TimeProvider clock, CancellationToken ct) =>
        {
            var group = await reader.GroupAsync(slug, ct);
            if (group is null) return Results.NotFound();
            var user = await current.GetAsync(http.User, ct);
            var items = new List<CalendarItem>();
            foreach (var m in group.Meetings) items.Add(new CalendarItem(m, await reader.SeesDetailsAsync(user, m, ct)));
            return Ics(http, clock, items, $"Rumbo: {group.Name.In(CalendarTexts.Language)}", $"{group.Slug}.ics", texts, shared: !user.IsSignedIn);
        }).WithTags("Calendars").WithName("GroupCalendar").Produces(StatusCodes.Status200OK, contentType: "text/calendar").Produces(StatusCodes.Status404NotFound)
          .WithSummary("A group's meetings from six months back to every future one, as an iCalendar feed. Closed meetings show their title and time only, unless the caller is a member.");

        cached.MapGet("/calendar.ics", async (HttpContext http, CalendarReader reader, IStringLocalizer<SharedResource> texts, TimeProvider clock, CancellationToken ct) =>
        {
            var meetings = await reader.PublicAsync(ct);
            return Ics(http, clock, meetings.Select(m => new CalendarItem(m, FullDetails: true)), new CalendarTexts(texts)["Rumbo: public meetings"], "rumbo.ics", texts, shared: true);
        }).WithTags("Calendars").WithName("PublicCalendar").Produces(StatusCodes.Status200OK, contentType: "text/calendar")
          .WithSummary("Every open meeting of every group, from six months back to every future one, as an iCalendar feed.");

        // Not cached: the answer is the person's own, and a link just reset must stop at once.
        app.MapGet("/calendar/{token}.ics", async (string token, HttpContext http, CalendarLinks links, CalendarReader reader, IStringLocalizer<SharedResource> texts, TimeProvider clock, CancellationToken ct) =>
        {
            var owner = await links.FindAsync(token, ct);
            if (owner is null) return Results.NotFound();
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            var meetings = owner.Value.PersonId is int personId ? await reader.PersonAsync(personId, ct) : [];
            return Ics(http, clock, meetings.Select(m => new CalendarItem(m, FullDetails: true)), new CalendarTexts(texts)["Rumbo: my meetings"], "my-meetings.ics", texts, shared: false);
        }).WithTags("Calendars").WithName("PersonalCalendar").ExcludeFromDescription();

        return app;
    }

    // shared: whether caches between the site and the reader may keep the answer (anonymous answers only).
    private static IResult Ics(HttpContext http, TimeProvider clock, IEnumerable<CalendarItem> items, string name, string fileName, IStringLocalizer<SharedResource> texts, bool shared)
    {
        var request = http.Request;
        var context = new CalendarContext($"{request.Scheme}://{request.Host}{request.PathBase}", CalendarTexts.Language,
            clock.GetUtcNow().UtcDateTime, new CalendarTexts(texts), Name: name);
        var text = CalendarWriter.Write(items, CalendarMethod.Publish, context);
        var bytes = Encoding.UTF8.GetBytes(text);
        http.Response.Headers.CacheControl = shared ? "public, max-age=300" : "private, no-cache";
        http.Response.Headers.Vary = "Accept-Language, Cookie";
        // The stamp changes with every request; the tag is of everything else, so an unchanged calendar answers 304.
        var tag = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Stamp().Replace(text, ""))))[..32];
        return TypedResults.File(bytes, ContentType, fileName, entityTag: new EntityTagHeaderValue($"\"{tag}\""));
    }

    [GeneratedRegex(@"^DTSTAMP:[^\r\n]*\r?\n", RegexOptions.Multiline)]
    private static partial Regex Stamp();
}
