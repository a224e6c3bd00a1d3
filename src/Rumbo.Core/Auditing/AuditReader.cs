using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Data;

namespace Rumbo.Core.Auditing;

public sealed record AuditChange(string Field, string? Old, string? New);

public sealed record AuditRow(long Id, DateTime At, int? UserId, string Actor, AuditAction Action, string EntityType, string EntityId, IReadOnlyList<AuditChange> Changes);

public sealed record AuditQuery(string? EntityType = null, string? EntityId = null, string? Actor = null, DateOnly? From = null, DateOnly? To = null, int Page = 1)
{
    public const int PageSize = 50;
}

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Page, bool HasMore, IReadOnlyList<string> EntityTypes);

/// <summary>Reads the audit trail, newest first. There is deliberately no writer here: entries come only from saves.</summary>
public sealed class AuditReader(RumboDbContext db)
{
    public async Task<AuditPage> ListAsync(AuditQuery q, CancellationToken ct = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.EntityType)) query = query.Where(a => a.EntityType == q.EntityType);
        if (!string.IsNullOrWhiteSpace(q.EntityId)) query = query.Where(a => a.EntityId == q.EntityId);
        if (!string.IsNullOrWhiteSpace(q.Actor))
        {
            var actor = q.Actor.Trim().ToLowerInvariant();
            query = query.Where(a => a.Actor.ToLower().Contains(actor));
        }
        if (q.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At >= start);
        }
        if (q.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At < end);
        }
        var page = Math.Max(1, q.Page);
        // One row more than a page tells whether there is a next page without counting the whole trail.
        var entries = await query.OrderByDescending(a => a.Id)
            .Skip((page - 1) * AuditQuery.PageSize).Take(AuditQuery.PageSize + 1)
            .Select(a => new { a.Id, a.At, a.UserId, a.Actor, a.Action, a.EntityType, a.EntityId, a.Changes })
            .ToListAsync(ct);
        var types = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        var rows = entries.Take(AuditQuery.PageSize)
            .Select(a => new AuditRow(a.Id, a.At, a.UserId, a.Actor, a.Action, a.EntityType, a.EntityId, Parse(a.Changes)))
            .ToList();
        return new AuditPage(rows, page, entries.Count > AuditQuery.PageSize, types);
    }

    /// <summary>The changes as stored: { "Field": { "old": ..., "new": ... } }, values shown as text.</summary>
    public static IReadOnlyList<AuditChange> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Select(p => new AuditChange(p.Name, Text(p.Value, "old"), Text(p.Value, "new")))
            .ToList();
    }

    private static string? Text(JsonElement change, string name) =>
        change.ValueKind == JsonValueKind.Object && change.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => v.GetString(),
                _ => v.GetRawText(),
            }
            : null;
}
