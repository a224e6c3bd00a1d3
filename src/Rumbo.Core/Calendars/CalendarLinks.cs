using System.Buffers.Text;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;

namespace Rumbo.Core.Calendars;

/// <summary>
/// A user's secret calendar link: /calendar/{token}.ics, where the token is 32 random bytes in base64url. Only its
/// SHA-256 hash is stored, so the link is shown once, when made; making a new one replaces the old at once.
/// </summary>
public sealed class CalendarLinks(RumboDbContext db, TimeProvider clock)
{
    /// <summary>Length of a token: 32 bytes in base64url without padding.</summary>
    public const int TokenLength = 43;

    /// <summary>When the user's current link was made, or null when they have none.</summary>
    public async Task<DateTime?> CreatedAtAsync(int userId, CancellationToken ct = default) =>
        await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId).Select(f => (DateTime?)f.CreatedAtUtc).SingleOrDefaultAsync(ct);

    /// <summary>Makes the user's link, replacing the one they had: the old token stops working with this save.</summary>
    public async Task<string> CreateAsync(int userId, CancellationToken ct = default)
    {
        var token = SecretTokens.NewSecret();
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == userId, ct);
        if (feed is null)
        {
            feed = new CalendarFeed { UserId = userId };
            db.CalendarFeeds.Add(feed);
        }
        feed.TokenHash = SecretTokens.Hash(token);
        feed.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>Removes the user's link; false when they had none.</summary>
    public async Task<bool> DeleteAsync(int userId, CancellationToken ct = default)
    {
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == userId, ct);
        if (feed is null) return false;
        db.CalendarFeeds.Remove(feed);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The user and person a token belongs to, or null for an unknown token. The database is asked by the token's
    /// hash, so the time the lookup takes says nothing about how much of a guessed token is right.
    /// </summary>
    public async Task<(int UserId, int? PersonId)?> FindAsync(string token, CancellationToken ct = default)
    {
        if (token.Length != TokenLength || !Base64Url.IsValid(token)) return null;
        var hash = SecretTokens.Hash(token);
        var found = await (from f in db.CalendarFeeds.AsNoTracking()
                           join u in db.Users on f.UserId equals u.Id
                           where f.TokenHash == hash
                           select new { u.Id, u.PersonId, u.LockoutEnd }).SingleOrDefaultAsync(ct);
        // A locked account's link stops with its sign-in.
        if (found is null || found.LockoutEnd > clock.GetUtcNow()) return null;
        return (found.Id, found.PersonId);
    }
}
