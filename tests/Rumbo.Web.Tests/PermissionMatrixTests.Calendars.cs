using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Meetings;
using Rumbo.Core.Calendars;

namespace Rumbo.Web.Tests;

public abstract partial class PermissionMatrixTests
{
    private static IEnumerable<Write> CalendarWrites() =>
    [
        new("make a calendar link", _ => Task.FromResult("/account/calendar?handler=Create"),
            _ => Task.FromResult(new Dictionary<string, string>()), Everyone),
        new("reset a calendar link", async t => await t.WithCalendarLink("/account/calendar?handler=Reset"),
            _ => Task.FromResult(new Dictionary<string, string>()), Everyone),
        new("delete a calendar link", async t => await t.WithCalendarLink("/account/calendar?handler=Delete"),
            _ => Task.FromResult(new Dictionary<string, string>()), Everyone),
    ];

    /// <summary>
    /// Gives the newest account (the one the case has just made to post as; some other one for the anonymous case) a
    /// calendar link, so that resetting or deleting it has something to change; answers the url.
    /// </summary>
    private async Task<string> WithCalendarLink(string url)
    {
        await using var db = app.Database.CreateContext();
        var userId = await db.Users.MaxAsync(u => u.Id);
        if (!await db.CalendarFeeds.AnyAsync(f => f.UserId == userId))
        {
            db.CalendarFeeds.Add(new CalendarFeed { UserId = userId, TokenHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        return url;
    }
}
