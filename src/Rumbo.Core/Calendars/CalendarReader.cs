using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;

namespace Rumbo.Core.Calendars;

/// <summary>A group named by a feed, with its meetings.</summary>
public sealed record GroupCalendar(int GroupId, string Slug, LocalizedString Name, IReadOnlyList<CalendarMeeting> Meetings);

/// <summary>
/// The meetings each feed holds. Feeds of many meetings reach from <see cref="MonthsBack"/> months ago to every
/// future meeting: far enough back that a subscriber still finds the meetings of the last half year (and a moved or
/// cancelled one is updated rather than left behind), short enough that a feed stays small over the years.
/// </summary>
public sealed class CalendarReader(RumboDbContext db, TimeProvider clock)
{
    public const int MonthsBack = 6;

    private static readonly Expression<Func<Meeting, CalendarMeeting>> Projection = m => new CalendarMeeting(
        m.Id, m.CalendarUid, m.CalendarSequence, m.Kind, m.Title.ToDocument(), m.Description.ToDocument(),
        m.Format, m.StartsAtUtc, m.TimeZone, m.DurationMinutes, m.OnlineUrl, m.Place, m.City,
        m.Country == null ? null : m.Country.Name.ToDocument(),
        m.Access, m.Status, m.GroupId, m.Group!.Slug, m.Group.Name.ToDocument());

    public DateTime Since => clock.GetUtcNow().UtcDateTime.AddMonths(-MonthsBack);

    /// <summary>Every open meeting of every group: the public calendar.</summary>
    public Task<List<CalendarMeeting>> PublicAsync(CancellationToken ct = default)
    {
        var since = Since;
        return Read(db.Meetings.Where(m => m.Access == Visibility.Public && m.StartsAtUtc >= since), ct);
    }

    public async Task<GroupCalendar?> GroupAsync(string slug, CancellationToken ct = default)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Slug == slug)
            .Select(g => new { g.Id, g.Slug, Name = g.Name.ToDocument() })
            .SingleOrDefaultAsync(ct);
        if (group is null) return null;
        var since = Since;
        var meetings = await Read(db.Meetings.Where(m => m.GroupId == group.Id && m.StartsAtUtc >= since), ct);
        return new GroupCalendar(group.Id, group.Slug, group.Name, meetings);
    }

    public async Task<CalendarMeeting?> MeetingAsync(int id, CancellationToken ct = default) =>
        (await Read(db.Meetings.Where(m => m.Id == id), ct)).SingleOrDefault();

    /// <summary>
    /// A person's calendar: the meetings of every group they belong to, and those whose list they are on (invited,
    /// registered or recorded as attending), unless they declined and did not come. Each is one they see in full by
    /// the one rule of <see cref="Permissions.CanSeeMeetingDetails"/>: a member, or on the meeting's list.
    /// </summary>
    public async Task<List<CalendarMeeting>> PersonAsync(int personId, CancellationToken ct = default)
    {
        var since = Since;
        var groups = db.GroupMembers.Where(g => g.PersonId == personId).Select(g => g.GroupId);
        return await Read(db.Meetings.Where(m => m.StartsAtUtc >= since && (groups.Contains(m.GroupId)
            || m.Participants.Any(p => p.PersonId == personId && (p.Response != ParticipantResponse.Declined || p.Attended == true)))), ct);
    }

    /// <summary>Whether the user sees the meeting in full, by the rule the meeting page and the API apply (<see cref="Permissions.CanSeeMeetingDetails"/>).</summary>
    public async Task<bool> SeesDetailsAsync(CurrentUser.Snapshot user, CalendarMeeting meeting, CancellationToken ct = default)
    {
        var onList = user.PersonId is int personId && meeting.Access != Visibility.Public
                     && await db.MeetingParticipants.AnyAsync(p => p.MeetingId == meeting.Id && p.PersonId == personId, ct);
        return user.CanSeeMeetingDetails(meeting.Access, meeting.GroupId, onList);
    }

    private static Task<List<CalendarMeeting>> Read(IQueryable<Meeting> meetings, CancellationToken ct) =>
        meetings.AsNoTracking().OrderBy(m => m.StartsAtUtc).ThenBy(m => m.Id).Select(Projection).ToListAsync(ct);
}
