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
    private long checkedAt;
    // Bumped by Invalidate; a refresh that started before a bump does not count as fresh.
    private int generation;

    public async ValueTask<string> GetAsync(CancellationToken ct = default)
    {
        var now = clock.GetTimestamp();
        var fresh = Volatile.Read(ref generation) == 0 && clock.GetElapsedTime(Volatile.Read(ref checkedAt), now) < options.ContentCheckInterval;
        if (stamp.Length > 0 && fresh)
        {
            return stamp;
        }
        // One request refreshes; the others keep serving the stamp they had rather than queue on the database.
        var dirty = Volatile.Read(ref generation) != 0;
        // After a local write, wait for the refresh: the writer must see its own change on the next page.
        if (!await refresh.WaitAsync(stamp.Length > 0 && !dirty ? 0 : Timeout.Infinite, ct))
        {
            return stamp;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
            var seen = Volatile.Read(ref generation);
            var value = await db.ContentVersions.AsNoTracking().Where(v => v.Id == 1).Select(v => v.Value).SingleOrDefaultAsync(ct);
            stamp = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Volatile.Write(ref checkedAt, clock.GetTimestamp());
            Interlocked.CompareExchange(ref generation, 0, seen);
            return stamp;
        }
        finally
        {
            refresh.Release();
        }
    }

    /// <summary>Forces the next read to ask the database; called after every write through this instance.</summary>
    public void Invalidate() => Interlocked.Increment(ref generation);
}
