using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;

namespace Rumbo.Core.Meetings;

/// <summary>A group's meetings as downloaded in CSV and XLSX: only what the reader may see, details blank otherwise.</summary>
public static class MeetingExport
{
    public static readonly string[] Header =
    [
        "id", "group", "kind", "title", "status", "access", "format", "starts_at_utc", "time_zone", "local_start", "duration_minutes",
        "place", "city", "country", "online_url", "invited", "registered", "attended", "url",
    ];

    public static async Task<List<string?[]>> RowsAsync(RumboDbContext db, MeetingReader reader, int groupId, CurrentUser.Snapshot viewer, CancellationToken ct)
    {
        var meetings = await reader.ListAsync(new MeetingFilter(GroupId: groupId), viewer, ct);
        var visible = meetings.Where(m => m.Details).Select(m => m.Id).ToList();
        var links = await db.Meetings.AsNoTracking().Where(m => visible.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.OnlineUrl, ct);
        var counts = (await db.MeetingParticipants.AsNoTracking().Where(p => visible.Contains(p.MeetingId))
                .Select(p => new { p.MeetingId, Invited = p.InvitedAtUtc != null, Registered = p.RegisteredAtUtc != null, p.Attended }).ToListAsync(ct))
            .GroupBy(p => p.MeetingId)
            .ToDictionary(g => g.Key, g => (g.Count(p => p.Invited), g.Count(p => p.Registered), g.Count(p => p.Attended == true)));
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        return meetings.Select(m =>
        {
            var (invited, registered, attended) = counts.GetValueOrDefault(m.Id);
            return new string?[]
            {
                N(m.Id), m.GroupSlug, m.Kind.ToString(), m.Title.Source, m.Status.ToString(), m.Access == Visibility.Public ? "Open" : "Closed",
                m.Format.ToString(), MeetingTimes.Iso(m.StartsAtUtc), m.TimeZone,
                MeetingTimes.Local(m.StartsAtUtc, m.TimeZone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), N(m.DurationMinutes),
                m.Place, m.City, m.CountryCode, m.Details ? links.GetValueOrDefault(m.Id) : null,
                m.Details ? N(invited) : null, m.Details ? N(registered) : null, m.Details ? N(attended) : null, $"/meetings/{N(m.Id)}",
            };
        }).ToList();
    }
}
