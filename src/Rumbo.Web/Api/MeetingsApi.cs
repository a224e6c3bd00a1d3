using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.Core.Validation;
using static Rumbo.Web.Api.ApiProblem;

namespace Rumbo.Web.Api;

public sealed record MeetingGroupRef(string Slug, LocalizedString Name, string Self, string Html);

/// <summary>
/// A meeting in a list. StartsAt is UTC; LocalStart is the wall-clock time in TimeZone (IANA) and UtcOffset its offset then.
/// Access is "open" or "closed"; Details says whether the caller may see a closed meeting's place and details, which are null otherwise.
/// </summary>
public sealed record MeetingListItem(
    int Id, MeetingKind Kind, LocalizedString Title, MeetingGroupRef Group, string Agenda, string StartsAt, string EndsAt, string TimeZone,
    string LocalStart, string UtcOffset, int DurationMinutes, MeetingFormat Format, string Access, MeetingStatus Status, bool Details,
    string? Place, string? City, string? Country, string Self, string Html, string Calendar);

public sealed record MeetingLineRef(string Code, string Agenda, string Self, string Html);

public sealed record MeetingPresenterRef(int Id, string Name, string Self, string Html);

public sealed record MeetingItemData(
    int Position, LocalizedString Title, LocalizedString Description, MeetingPresenterRef? Presenter, string? PresenterName, int? DurationMinutes,
    IReadOnlyList<MeetingLineRef> Lines);

public sealed record MeetingCountryCount(string? Country, int Registered, int Attended);

public sealed record MeetingParticipation(int Invited, int Registered, int Attended, IReadOnlyList<MeetingCountryCount> ByCountry);

public sealed record MeetingOccurrence(int Id, string StartsAt, MeetingStatus Status, string Self);

public sealed record MeetingSeriesData(string RecurrenceRule, IReadOnlyList<MeetingOccurrence> Occurrences);

/// <summary>One meeting. Description, OnlineUrl, Items and Participation are null for a closed meeting the caller may not see in full.</summary>
public sealed record MeetingData(
    MeetingListItem Meeting, LocalizedString? Description, string? OnlineUrl, IReadOnlyList<MeetingItemData>? Items,
    MeetingParticipation? Participation, MeetingSeriesData? Series);

public static class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("").CacheOutput(Infrastructure.ContentCache.Policy);

        api.MapGet("/meetings", async Task<Results<Ok<List<MeetingListItem>>, ProblemHttpResult>> (
            [FromQuery] string? group, [FromQuery] string? agenda, [FromQuery] string? kind, [FromQuery] string? from, [FromQuery] string? to,
            ClaimsPrincipal user, CurrentUser currentUser, MeetingReader reader, RumboDbContext db, HttpContext http, CancellationToken ct) =>
        {
            if (!GroupFilter.TryParse<MeetingKind>(kind, out var k))
                return Problem(400, "Unknown kind", $"'{kind}' is not a kind of meeting: use one of {string.Join(", ", Enum.GetNames<MeetingKind>().Select(Camel))}.");
            if (!TryInstant(from, out var fromUtc))
                return Problem(400, "Invalid from", $"'{from}' is not a date (2026-03-10) or a UTC time (2026-03-10T13:00:00Z).");
            if (!TryInstant(to, out var toUtc))
                return Problem(400, "Invalid to", $"'{to}' is not a date (2026-03-10) or a UTC time (2026-03-10T13:00:00Z).");
            if (fromUtc is { } early && !DateBounds.Contains(early))
                return Problem(400, "Invalid from", $"'{from}' is outside the dates Rumbo takes, {DateBounds.Text(DateBounds.First)} to {DateBounds.Text(DateBounds.Last)}.");
            if (toUtc is { } late && !DateBounds.Contains(late))
                return Problem(400, "Invalid to", $"'{to}' is outside the dates Rumbo takes, {DateBounds.Text(DateBounds.First)} to {DateBounds.Text(DateBounds.Last)}.");
            if (fromUtc is { } f && toUtc is { } t && t < f)
                return Problem(400, "Invalid period", "'to' is before 'from'.");
            var g = Blank(group);
            if (g is not null && !await db.Groups.AnyAsync(x => x.Slug == g, ct))
                return Problem(400, "Unknown group", $"No group has the slug '{g}'.");
            var a = Blank(agenda);
            if (a is not null && !await db.Agendas.AnyAsync(x => x.Slug == a, ct))
                return Problem(400, "Unknown agenda", $"No agenda has the slug '{a}'.");
            var viewer = await currentUser.GetAsync(user, ct);
            var list = await reader.ListAsync(new MeetingFilter(Group: g, Agenda: a, Kind: k, FromUtc: fromUtc, ToUtc: toUtc), viewer, ct);
            return TypedResults.Ok(list.Select(Item).ToList());
        })
        .WithTags("Meetings").WithName("ListMeetings")
        .WithSummary("Meetings and events of the groups, filtered by group, agenda, kind and period, in order of date.")
        .WithDescription("group and agenda are slugs; kind a kind's name (workingMeeting, thematicSeminar…); from and to a date or a UTC time. A meeting under way at 'from' is included. Closed meetings show their place only to the group's members, invited people and the secretariat.");

        api.MapGet("/meetings/{id:int}", async Task<Results<Ok<MeetingData>, ProblemHttpResult>> (
            int id, ClaimsPrincipal user, CurrentUser currentUser, MeetingReader reader, HttpContext http, CancellationToken ct) =>
        {
            var viewer = await currentUser.GetAsync(user, ct);
            var d = await reader.GetAsync(id, viewer, ct);
            if (d is null) return Problem(404, "Not found", $"No meeting has the id {id}.");
            var m = d.Meeting;
            var series = d.RecurrenceRule is null ? null : new MeetingSeriesData(d.RecurrenceRule,
                d.Series.Select(o => new MeetingOccurrence(o.Id, MeetingTimes.Iso(o.StartsAtUtc), o.Status, $"/api/v1/meetings/{o.Id}")).ToList());
            if (!m.Details) return TypedResults.Ok(new MeetingData(Item(m), null, null, null, null, series));
            return TypedResults.Ok(new MeetingData(Item(m), d.Description, d.OnlineUrl,
                d.Items.Select(i => new MeetingItemData(i.Position, i.Title, i.Description,
                    i.PresenterPersonId is { } pid ? new MeetingPresenterRef(pid, i.PresenterPersonName ?? "", $"/api/v1/people/{pid}", $"/people/{pid}") : null,
                    i.PresenterName, i.DurationMinutes,
                    i.Lines.Select(l => new MeetingLineRef(l.Code, l.AgendaSlug, $"/api/v1/agendas/{l.AgendaSlug}/lines/{l.Code}", $"/agendas/{l.AgendaSlug}/lines/{l.Code}")).ToList()))
                    .ToList(),
                new MeetingParticipation(d.Invited, d.Registered, d.Attended, d.Participation.Select(c => new MeetingCountryCount(c.Code, c.Registered, c.Attended)).ToList()),
                series));
        })
        .WithTags("Meetings").WithName("GetMeeting")
        .WithSummary("One meeting: kind, group, time in UTC and in its own time zone, format, agenda items with their lines of action, and participation by country. A closed meeting's details are for the group's members, invited people and the secretariat.");

        return v1;
    }

    /// <summary>A group's meetings as CSV or XLSX, beside its page (not part of the API); only what the reader may see.</summary>
    public static IEndpointRouteBuilder MapMeetingExports(this IEndpointRouteBuilder app)
    {
        app.MapGroupTable("meetings", "Meetings", MeetingExport.Header, async (http, groupId, viewer, ct) =>
            await MeetingExport.RowsAsync(http.RequestServices.GetRequiredService<RumboDbContext>(), http.RequestServices.GetRequiredService<MeetingReader>(), groupId, viewer, ct));
        return app;
    }

    private static MeetingListItem Item(MeetingSummary m) => new(
        m.Id, m.Kind, m.Title, new MeetingGroupRef(m.GroupSlug, m.GroupName, $"/api/v1/groups/{m.GroupSlug}", $"/groups/{m.GroupSlug}"), m.AgendaSlug,
        MeetingTimes.Iso(m.StartsAtUtc), MeetingTimes.Iso(m.EndsAtUtc), m.TimeZone,
        MeetingTimes.Local(m.StartsAtUtc, m.TimeZone).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        MeetingTimes.OffsetText(m.StartsAtUtc, m.TimeZone).Replace('\u2212', '-'), m.DurationMinutes, m.Format,
        m.Access == Visibility.Public ? "open" : "closed", m.Status, m.Details, m.Place, m.City, m.CountryCode,
        $"/api/v1/meetings/{m.Id}", $"/meetings/{m.Id}", $"/meetings/{m.Id}/calendar.ics");

    private static bool TryInstant(string? value, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            utc = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto) && text.Contains('T', StringComparison.Ordinal))
        {
            utc = dto.UtcDateTime;
            return true;
        }
        return false;
    }

    private static string Camel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
