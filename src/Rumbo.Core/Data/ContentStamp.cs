using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Rumbo.Core.Data;

/// <summary>
/// A short string that changes whenever published content changes, whoever changed it (this instance, another
/// instance, the command line). Cached responses vary by it. It is read from the database at most once per
/// <see cref="RumboOptions.ContentCheckInterval"/>; writes made through this instance reset it at once.
/// </summary>
public sealed class ContentStamp(IServiceScopeFactory scopes, RumboOptions options, TimeProvider clock)
{
    private readonly SemaphoreSlim refresh = new(1, 1);
    private string stamp = string.Empty;
    private long checkedAt = long.MinValue;

    public async ValueTask<string> GetAsync(CancellationToken ct = default)
    {
        var now = clock.GetTimestamp();
        if (stamp.Length > 0 && clock.GetElapsedTime(Volatile.Read(ref checkedAt), now) < options.ContentCheckInterval)
        {
            return stamp;
        }
        // One request refreshes; the others keep serving the stamp they had rather than queue on the database.
        if (!await refresh.WaitAsync(stamp.Length > 0 ? 0 : Timeout.Infinite, ct))
        {
            return stamp;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
            // Every write leaves audit entries in the same transaction, so the newest entry's id moves with any change.
            var last = await db.AuditEntries.AsNoTracking().MaxAsync(a => (long?)a.Id, ct);
            stamp = last?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0";
            Volatile.Write(ref checkedAt, now);
            return stamp;
        }
        finally
        {
            refresh.Release();
        }
    }

    /// <summary>Forces the next read to ask the database; called after every write through this instance.</summary>
    public void Invalidate() => Volatile.Write(ref checkedAt, long.MinValue);
}
