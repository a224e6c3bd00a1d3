using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Data;

namespace Rumbo.Core.Accounts;

public sealed record AccessTokenInfo(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>The token itself is in <see cref="Token"/>, and nowhere else once this record is gone.</summary>
public sealed record CreatedAccessToken(AccessTokenInfo Info, string Token);

/// <summary>Personal access tokens for the API: <c>rumbo_</c> and 32 random bytes in base64url, stored as a SHA-256 hash.</summary>
public sealed class AccessTokens(RumboDbContext db, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    /// <summary>"rumbo_" and six characters of the secret: enough to tell tokens apart, far too little to guess the rest.</summary>
    public const int PrefixLength = 12;

    /// <summary>How stale LastUsedAt may get: writing it on every request would turn each API read into a write.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<AccessTokenInfo>> ListAsync(int userId, CancellationToken ct = default) =>
        await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new AccessTokenInfo(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);

    public async Task<CreatedAccessToken> CreateAsync(int userId, string name, DateTime? expiresAt, CancellationToken ct = default)
    {
        var token = SecretTokens.NewAccessToken();
        var entity = new PersonalAccessToken
        {
            UserId = userId,
            Name = name.Trim(),
            Prefix = token[..PrefixLength],
            TokenHash = SecretTokens.Hash(token),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ExpiresAt = expiresAt,
        };
        db.AccessTokens.Add(entity);
        await db.SaveChangesAsync(ct);
        return new CreatedAccessToken(new AccessTokenInfo(entity.Id, entity.Name, entity.Prefix, entity.CreatedAt, entity.ExpiresAt, null, null), token);
    }

    /// <summary>Revokes one of the user's own tokens; false when the user has no such token.</summary>
    public async Task<bool> RevokeAsync(int userId, int tokenId, CancellationToken ct = default)
    {
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null) return false;
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The user the token belongs to, or null when it is unknown, revoked or expired.</summary>
    public async Task<int?> AuthenticateAsync(string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(SecretTokens.AccessTokenPrefix, StringComparison.Ordinal) || token.Length > 100) return null;
        var hash = SecretTokens.Hash(token);
        var found = await db.AccessTokens.AsNoTracking().Where(t => t.TokenHash == hash)
            .Select(t => new { t.Id, t.UserId, t.ExpiresAt, t.RevokedAt, t.LastUsedAt }).SingleOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (found is null || found.RevokedAt is not null || found.ExpiresAt <= now) return null;
        if (found.LastUsedAt is null || found.LastUsedAt < now - LastUsedResolution)
        {
            // Straight to the database, past the audit trail: a timestamp of use is not a change anyone made, and
            // the condition keeps concurrent requests on several instances from all writing it.
            var stale = now - LastUsedResolution;
            await db.AccessTokens.Where(t => t.Id == found.Id && (t.LastUsedAt == null || t.LastUsedAt < stale))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }
        return found.UserId;
    }
}
