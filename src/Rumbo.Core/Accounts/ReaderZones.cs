using Microsoft.EntityFrameworkCore;
using NodaTime;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;

namespace Rumbo.Core.Accounts;

/// <summary>The time zone a reader sees times in: their own when they chose one, else the site's (decision 0016).</summary>
public sealed class ReaderZones(RumboDbContext db, RumboOptions options)
{
    /// <summary>The site's zone; a setting that names no zone is refused at start-up, so this falls back only in tests of that.</summary>
    public DateTimeZone Site => MeetingTimes.Find(options.TimeZone) ?? DateTimeZone.Utc;

    public async Task<DateTimeZone> ForAsync(int? userId, CancellationToken ct = default)
    {
        if (userId is not { } id) return Site;
        var chosen = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.TimeZone).FirstOrDefaultAsync(ct);
        return MeetingTimes.Find(chosen) ?? Site;
    }
}
