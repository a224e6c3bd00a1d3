using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;
using Rumbo.Core.Data;

namespace Rumbo.Core.Auditing;

public enum AuditValueKind
{
    Text,
    /// <summary><see cref="AuditValue.EnumKey"/> names the value as "Type:Value", the key the interface translates.</summary>
    Enum,
    Boolean,
    /// <summary>A foreign key: <see cref="AuditValue.Subject"/> is the record it points at.</summary>
    Reference,
    /// <summary>A moment, in <see cref="AuditValue.Utc"/>.</summary>
    Instant,
}

/// <summary>One stored value as the reader should see it; <see cref="Text"/> is the value as stored.</summary>
public sealed record AuditValue(AuditValueKind Kind, string Text, string? EnumKey = null, bool? Boolean = null, AuditSubject? Subject = null, DateTime? Utc = null);

/// <summary>
/// One field's change. <see cref="Field"/> is the stored name ("Status", or "Title.Es" for one language of a text);
/// <see cref="OldValue"/> and <see cref="NewValue"/> say what the stored texts mean.
/// </summary>
public sealed record AuditChange(string Field, string? Old, string? New)
{
    public AuditValue? OldValue { get; init; }
    public AuditValue? NewValue { get; init; }
}

public sealed record AuditRow(long Id, DateTime At, int? UserId, string Actor, AuditAction Action, string EntityType, string EntityId, IReadOnlyList<AuditChange> Changes)
{
    /// <summary>The record the entry is about, named; null only for rows made outside <see cref="AuditReader.ListAsync"/>.</summary>
    public AuditSubject? Subject { get; init; }

    /// <summary>The account that made the change, when a user made it: its person's page, if it has one.</summary>
    public AuditSubject? By { get; init; }
}

/// <summary>
/// The filters of the trail. <see cref="From"/> and <see cref="To"/> are whole days in <see cref="Zone"/>, the
/// reader's zone, so that a day means the same on the filter as in the times shown (UTC when no zone is given).
/// </summary>
public sealed record AuditQuery(string? EntityType = null, string? EntityId = null, string? Actor = null, DateOnly? From = null, DateOnly? To = null, int Page = 1)
{
    public const int PageSize = 50;

    public DateTimeZone? Zone { get; init; }
}

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Page, bool HasMore, IReadOnlyList<string> EntityTypes);

/// <summary>Reads the audit trail, newest first. There is deliberately no writer here: entries come only from saves.</summary>
public sealed class AuditReader(RumboDbContext db, AuditSubjects subjects)
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
        var zone = q.Zone ?? DateTimeZone.Utc;
        if (q.From is { } from)
        {
            var start = StartOf(from, zone);
            query = query.Where(a => a.At >= start);
        }
        if (q.To is { } to)
        {
            var end = StartOf(to.AddDays(1), zone);
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
            .Select(a => new AuditRow(a.Id, a.At, a.UserId, a.Actor, a.Action, a.EntityType, a.EntityId, Decode(a.EntityType, Parse(a.Changes))))
            .ToList();

        // The rows' records and the records their foreign keys name, looked up together: one query per kind.
        var wanted = rows.Select(r => (r.EntityType, r.EntityId))
            .Concat(rows.SelectMany(r => r.Changes).SelectMany(c => new[] { c.OldValue?.Subject, c.NewValue?.Subject })
                .OfType<AuditSubject>().Select(s => (s.Kind, s.Id)))
            .Concat(rows.Where(r => r.UserId is not null).Select(r => (nameof(Accounts.RumboUser), r.UserId!.Value.ToString(CultureInfo.InvariantCulture))))
            .ToList();
        var named = await subjects.ResolveAsync(wanted, ct);
        AuditValue? Named(AuditValue? v) => v?.Subject is { } s && named.TryGetValue((s.Kind, s.Id), out var found) ? v with { Subject = found } : v;
        rows = rows.Select(r => r with
        {
            Subject = named.TryGetValue((r.EntityType, r.EntityId), out var s) ? s : AuditSubject.Gone(r.EntityType, r.EntityId, null),
            Changes = r.Changes.Select(c => c with { OldValue = Named(c.OldValue), NewValue = Named(c.NewValue) }).ToList(),
            By = r.UserId is { } user && named.TryGetValue((nameof(Accounts.RumboUser), user.ToString(CultureInfo.InvariantCulture)), out var by) ? by : null,
        }).ToList();
        return new AuditPage(rows, page, entries.Count > AuditQuery.PageSize, types);
    }

    private static DateTime StartOf(DateOnly day, DateTimeZone zone) =>
        new LocalDate(day.Year, day.Month, day.Day).AtStartOfDayInZone(zone).ToDateTimeUtc();

    /// <summary>Reads each stored value by its property's type in the model: enums, booleans, moments and foreign keys.</summary>
    private IReadOnlyList<AuditChange> Decode(string entityType, IReadOnlyList<AuditChange> changes)
    {
        var entity = db.Model.GetEntityTypes().FirstOrDefault(e => e.ClrType.Name == entityType && !e.IsOwned());
        if (entity is null) return changes;
        return changes.Select(c =>
        {
            var property = c.Field.Contains('.', StringComparison.Ordinal) ? null : entity.FindProperty(c.Field);
            return property is null ? c : c with { OldValue = Value(property, c.Old), NewValue = Value(property, c.New) };
        }).ToList();
    }

    private static AuditValue? Value(IProperty property, string? text)
    {
        if (text is null) return null;
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (type.IsEnum)
        {
            object? value = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? Enum.ToObject(type, number)
                : Enum.TryParse(type, text, ignoreCase: false, out var parsed) ? parsed : null;
            var name = value is null ? null : Enum.GetName(type, value);
            return name is null ? new AuditValue(AuditValueKind.Text, text) : new AuditValue(AuditValueKind.Enum, text, $"{type.Name}:{name}");
        }
        if (type == typeof(bool) && bool.TryParse(text, out var flag)) return new AuditValue(AuditValueKind.Boolean, text, Boolean: flag);
        if (type == typeof(DateTime) && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            // Every DateTime of the model is UTC; one written without its kind is UTC too.
            var utc = at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc);
            return new AuditValue(AuditValueKind.Instant, text, Utc: utc);
        }
        var key = property.GetContainingForeignKeys().FirstOrDefault(k => k.Properties.Count == 1);
        if (key is not null && !key.PrincipalEntityType.IsOwned())
        {
            var principal = key.PrincipalEntityType.ClrType.Name;
            return new AuditValue(AuditValueKind.Reference, text, Subject: AuditSubject.Gone(principal, text, null));
        }
        return new AuditValue(AuditValueKind.Text, text);
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
