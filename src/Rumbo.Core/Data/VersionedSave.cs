using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Rumbo.Core.Data;

/// <summary>
/// The one save with a version check, behind every editor that answers 409 when someone else saved first.
/// </summary>
public static class VersionedSave
{
    /// <summary>
    /// Saves the context's changes if nobody saved <paramref name="entity"/> since it was read at version
    /// <paramref name="read"/>, and bumps its version. The version read is set as the original value, so the database
    /// itself refuses a save that lost a race, even between two instances. On a conflict nothing is saved, nothing is
    /// left tracked (the caller reloads what is saved now to show it) and the answer is false.
    /// </summary>
    /// <param name="db">The context that tracks the entity and the changes.</param>
    /// <param name="entity">The tracked entity whose version guards the change.</param>
    /// <param name="version">Its version property, a concurrency token.</param>
    /// <param name="read">The version the editor read (posted back by the form).</param>
    /// <param name="ct">Cancels the save.</param>
    /// <param name="save">Saves instead of <c>SaveChangesAsync</c> (to store a file with the row, for instance).</param>
    /// <param name="orDuplicate">Whether a unique key taken by a concurrent save (a number given twice) also counts as a lost race.</param>
    public static async Task<bool> SaveIfVersionAsync<T>(this DbContext db, T entity, Expression<Func<T, int>> version, int read, CancellationToken ct,
        Func<Task>? save = null, bool orDuplicate = false) where T : class
    {
        var property = db.Entry(entity).Property(version);
        if (property.CurrentValue == read)
        {
            property.OriginalValue = read;
            property.CurrentValue = read + 1;
            try
            {
                await (save?.Invoke() ?? db.SaveChangesAsync(ct));
                return true;
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || orDuplicate)
            {
                // Falls through to the conflict answer.
            }
        }
        db.ChangeTracker.Clear();
        return false;
    }

    /// <summary>
    /// Saves changes that no single version guards (new rows a unique key keeps apart, many rows checked against what was
    /// read): false, with nothing saved and nothing left tracked, when the database refused them because a concurrent
    /// save came first.
    /// </summary>
    public static async Task<bool> SaveUnlessRacedAsync(this DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
