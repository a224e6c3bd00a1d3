using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Caching.Memory;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agreements;
using Rumbo.Core.Data;
using Rumbo.Core.Documents;
using Rumbo.Core.Meetings;
using Rumbo.Core.Plans;
using Rumbo.Core.Records;

namespace Rumbo.Core.Groups;

/// <summary>
/// Everything a group's page shows, for one audience: the public, or those who see the group's internals (its members
/// and the secretariat). Meetings are unmasked: the page applies the reader's own rights to them
/// (<see cref="MeetingReader.MaskAsync"/>).
/// </summary>
public sealed record GroupPage(
    GroupDetail Group, GroupMeetingWindow Meetings,
    IReadOnlyList<AgreementSummary> Agreements, int AgreementCount, IReadOnlyList<DueAction> Actions,
    IReadOnlyList<DocumentListItem> Documents, int DocumentCount,
    int PlanCount, PlanDetail? CurrentPlan);

/// <summary>
/// The read model of a group's page (decision 0025): one row per group and audience holding the page's facts as JSON,
/// the content version it was built at and the time until which it holds (the next midnight, or the end of the next
/// meeting, when the lists by date move).
/// </summary>
public sealed class GroupPageSnapshot
{
    public int GroupId { get; set; }
    public bool Internals { get; set; }
    public string Payload { get; set; } = string.Empty;
    public long BuiltAtVersion { get; set; }
    /// <summary>UTC ticks; kept as a number so that the raw upsert writes it the same way on both databases.</summary>
    public long ValidUntilTicks { get; set; }
}

/// <summary>
/// The content version of the last save that changed what a group's page shows. Group 0 stands for every group: a save
/// whose rows may show on any group's page (a person, an institution, a group's name shown on other groups' plans).
/// </summary>
public sealed class GroupPageChange
{
    public int GroupId { get; set; }
    public long ChangedAtVersion { get; set; }
}

[JsonSerializable(typeof(GroupPage))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class GroupPageJson : JsonSerializerContext;

/// <summary>
/// Reads a group's page from its read model, and builds the model again from the features' readers when a save changed
/// the group after it was built, or its time is over. Every instance reads the same rows, so a change through one is
/// seen by the next request to any other, with no interval.
/// </summary>
public sealed class GroupPageReader(
    RumboDbContext db, GroupReader groups, MeetingReader meetings, DocumentReader documents, PlanReader plans, TimeProvider clock, IMemoryCache cache)
{
    public const int MeetingsShown = 3;
    public const int AgreementsShown = 5;
    public const int DocumentsShown = 5;

    private sealed record Stored(int GroupId, bool Internals, long? BuiltAtVersion, long? ValidUntilTicks, long? ChangedAtVersion);

    // One statement on every request: the group's id, the reader's audience, its snapshot's stamps and the last change
    // that concerns it. The snapshot's columns are two lookups of the same primary key; SQLite has no lateral join.
    private static readonly CompiledQuery<Func<RumboDbContext, string, bool, List<int>, CancellationToken, Task<Stored?>>> Read = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, string slug, bool all, List<int> memberOf, CancellationToken ct) => db.Groups.AsNoTracking()
            .Where(g => g.Slug == slug)
            .Select(g => new { g.Id, Internals = all || memberOf.Contains(g.Id) })
            .Select(g => new Stored(g.Id, g.Internals,
                db.GroupPageSnapshots.Where(s => s.GroupId == g.Id && s.Internals == g.Internals).Select(s => (long?)s.BuiltAtVersion).FirstOrDefault(),
                db.GroupPageSnapshots.Where(s => s.GroupId == g.Id && s.Internals == g.Internals).Select(s => (long?)s.ValidUntilTicks).FirstOrDefault(),
                db.GroupPageChanges.Where(c => c.GroupId == g.Id || c.GroupId == 0).Max(c => (long?)c.ChangedAtVersion)))
            .SingleOrDefault()));

    private static readonly CompiledQuery<Func<RumboDbContext, int, bool, long, long, CancellationToken, Task<string?>>> Payload = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int groupId, bool internals, long built, long validUntil, CancellationToken ct) => db.GroupPageSnapshots.AsNoTracking()
            .Where(s => s.GroupId == groupId && s.Internals == internals && s.BuiltAtVersion == built && s.ValidUntilTicks == validUntil)
            .Select(s => s.Payload).FirstOrDefault()));

    /// <summary>A snapshot as read and deserialized by this instance, with the stamps that say which row it was.</summary>
    private sealed record Kept(long BuiltAtVersion, long ValidUntilTicks, GroupPage Page);

    private static (string, int, bool) KeyOf(int groupId, bool internals) => ("group-page", groupId, internals);

    /// <summary>The group's page for the reader's audience, or null when there is no such group.</summary>
    public async Task<GroupPage?> GetAsync(string slug, CurrentUser.Snapshot reader, CancellationToken ct = default)
    {
        var stored = await Read.For(db)(db, slug, reader.IsSecretariatAdmin, reader.MemberGroups.ToList(), ct);
        if (stored is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (stored is { BuiltAtVersion: long built, ValidUntilTicks: long until } && built >= (stored.ChangedAtVersion ?? 0) && now.Ticks < until)
        {
            // The row in the database decides which snapshot is current; this instance keeps the last one it read as
            // objects, and reads and deserializes the row again only when its stamps moved.
            var key = KeyOf(stored.GroupId, stored.Internals);
            if (cache.TryGetValue(key, out Kept? kept) && kept!.BuiltAtVersion == built && kept.ValidUntilTicks == until) return kept.Page;
            var payload = await Payload.For(db)(db, stored.GroupId, stored.Internals, built, until, ct);
            if (Parse(payload) is { } page)
            {
                Keep(key, new Kept(built, until, page));
                return page;
            }
        }
        return await BuildAsync(stored.GroupId, slug, stored.Internals, now, ct);
    }

    /// <summary>
    /// The page in a stored payload, or null when it was written by a build of Rumbo whose <see cref="GroupPage"/> had
    /// another shape (the snapshot is then built again): a payload starts with the stamp of the shape it was written in.
    /// </summary>
    private static GroupPage? Parse(string? payload)
    {
        if (payload is null || !payload.StartsWith(Shape.Stamp + "\n", StringComparison.Ordinal)) return null;
        try
        {
            return JsonSerializer.Deserialize(payload.AsSpan(Shape.Stamp.Length + 1), GroupPageJson.Default.GroupPage);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A stamp of <see cref="GroupPage"/>'s shape: every property's name and type, down through Rumbo's own types.</summary>
    internal static class Shape
    {
        public static readonly string Stamp = Compute();

        private static string Compute()
        {
            var text = new System.Text.StringBuilder();
            var seen = new HashSet<Type>();
            void Walk(Type t)
            {
                t = Nullable.GetUnderlyingType(t) ?? t;
                if (t.IsGenericType) { foreach (var a in t.GetGenericArguments()) Walk(a); }
                if (t.Namespace?.StartsWith("Rumbo.", StringComparison.Ordinal) != true || !seen.Add(t)) return;
                text.Append(t.FullName).Append('{');
                if (t.IsEnum) text.AppendJoin(',', Enum.GetNames(t));
                foreach (var p in t.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    text.Append(p.Name).Append(':').Append(p.PropertyType.FullName).Append(';');
                    Walk(p.PropertyType);
                }
                text.Append('}');
            }
            Walk(typeof(GroupPage));
            return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..16];
        }
    }

    private void Keep((string, int, bool) key, Kept kept) =>
        cache.Set(key, kept, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30), Size = 1 });

    private async Task<GroupPage?> BuildAsync(int groupId, string slug, bool internals, DateTime now, CancellationToken ct)
    {
        // Read before the facts: a save committed after this read has a higher version than the one stored, so the
        // snapshot is never taken for newer than what it read.
        var version = await db.ContentVersions.AsNoTracking().Where(v => v.Id == 1).Select(v => v.Value).SingleAsync(ct);
        var group = await groups.GetAsync(slug, ct);
        if (group is null) return null;
        var audience = internals ? Audience.Members(groupId) : CurrentUser.Snapshot.Anonymous;
        var window = await meetings.WindowOfGroupAsync(groupId, now, MeetingsShown, ct);
        var (agreements, agreementCount) = await AgreementReader.LatestOfGroupAsync(db, groupId, audience, AgreementsShown, ct);
        var today = DateOnly.FromDateTime(now);
        var actions = await DueActions.OfGroupAsync(db, groupId, internals, today, ct);
        var (latestDocuments, documentCount) = await documents.OfGroupAsync(groupId, audience, DocumentsShown, ct);
        var planList = await plans.ListAsync(groupId: groupId, ct: ct);
        // The current plan is the one whose period holds this month, else the latest one.
        var month = new DateOnly(today.Year, today.Month, 1);
        var current = planList.FirstOrDefault(p => p.PeriodStart <= month && month <= p.PeriodEnd) ?? planList.FirstOrDefault();
        var plan = current is null ? null : await plans.GetAsync(current.Id, ct);

        var page = new GroupPage(group, window,
            agreements.OrderByDescending(a => a.AdoptedOn).ThenByDescending(a => a.MeetingStartsAtUtc).ThenBy(a => a.Number).ToList(),
            agreementCount, actions, latestDocuments, documentCount, planList.Count, plan);

        // Due dates, the current month and the governance rules' year change at midnight (UTC, as they are computed);
        // the meetings' lists when the next meeting ends.
        var validUntil = today.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (window.ChangesAtUtc is { } next && next < validUntil) validUntil = next;
        var payload = Shape.Stamp + "\n" + JsonSerializer.Serialize(page, GroupPageJson.Default.GroupPage);
        // A raw upsert: the snapshot is not content, so it is neither audited nor a change of the content version. An older
        // build finishing late never replaces a newer one.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO group_page_snapshots ("GroupId", "Internals", "Payload", "BuiltAtVersion", "ValidUntilTicks")
            VALUES ({groupId}, {internals}, {payload}, {version}, {validUntil.Ticks})
            ON CONFLICT ("GroupId", "Internals") DO UPDATE SET "Payload" = excluded."Payload",
                "BuiltAtVersion" = excluded."BuiltAtVersion", "ValidUntilTicks" = excluded."ValidUntilTicks"
            WHERE excluded."BuiltAtVersion" >= group_page_snapshots."BuiltAtVersion"
            """, ct);
        Keep(KeyOf(groupId, internals), new Kept(version, validUntil.Ticks, page));
        return page;
    }

    private static class Audience
    {
        /// <summary>Reads as a member of the group: what agreements and documents the group keeps for its members.</summary>
        public static CurrentUser.Snapshot Members(int groupId) =>
            new(null, null, false, new HashSet<int>(), new HashSet<int> { groupId }, new HashSet<(int, int)>());
    }
}

/// <summary>
/// Which groups' pages a save changes, found from the changed rows' foreign keys: a row that points at a group, a
/// meeting, a record, a section, a plan, an activity, an agreement or a document concerns that one's group; a group
/// itself, and any other row a page may show (people, institutions, countries, agendas), concerns every group.
/// </summary>
internal sealed class GroupPageInvalidation
{
    // Rows no group page shows; everything else is assumed to show somewhere.
    private static readonly string[] UnshownNamespaces =
        ["Rumbo.Core.Indicators", "Rumbo.Core.Policies", "Rumbo.Core.RoadMaps", "Rumbo.Core.Calendars", "Rumbo.Core.Auditing", "Rumbo.Core.Accounts", "Microsoft.AspNetCore.Identity"];

    private static readonly HashSet<Type> Principals =
        [typeof(Group), typeof(Meeting), typeof(MeetingRecord), typeof(RecordSection), typeof(WorkPlan), typeof(PlanActivity), typeof(Agreement), typeof(Document)];

    private readonly HashSet<int> groups = [];
    // Keys of new rows are only known after the insert.
    private readonly List<EntityEntry> added = [];
    private bool all;

    /// <summary>
    /// Before the save, while the rows a deleted one points at are still there: the groups of the changed and deleted
    /// rows, old and new.
    /// </summary>
    public static async Task<GroupPageInvalidation> CollectAsync(RumboDbContext db, IEnumerable<EntityEntry> entries, CancellationToken ct)
    {
        var changes = new GroupPageInvalidation();
        var keys = new Keys();
        foreach (var entry in entries)
        {
            var type = entry.Metadata.ClrType;
            if (type == typeof(Group)) { changes.all = true; return changes; }
            if (UnshownNamespaces.Any(n => type.Namespace?.StartsWith(n, StringComparison.Ordinal) == true)) continue;
            if (entry.State == EntityState.Added) { changes.added.Add(entry); continue; }
            if (!keys.Add(entry, original: true) | !keys.Add(entry, original: false)) { changes.all = true; return changes; }
        }
        await keys.ResolveAsync(db, changes.groups, ct);
        return changes;
    }

    /// <summary>After the save, in its transaction and after the content version moved: records the changed groups at it.</summary>
    public async Task RecordAsync(RumboDbContext db, CancellationToken ct)
    {
        if (!all && added.Count > 0)
        {
            var keys = new Keys();
            foreach (var entry in added)
            {
                if (!keys.Add(entry, original: false)) { all = true; break; }
            }
            if (!all) await keys.ResolveAsync(db, groups, ct);
        }
        if (!all && groups.Count == 0) return;
        var version = await db.ContentVersions.Where(v => v.Id == 1).Select(v => v.Value).SingleAsync(ct);
        foreach (var group in all ? [0] : groups)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO group_page_changes ("GroupId", "ChangedAtVersion") VALUES ({group}, {version})
                ON CONFLICT ("GroupId") DO UPDATE SET "ChangedAtVersion" = excluded."ChangedAtVersion"
                """, ct);
        }
    }

    private sealed class Keys
    {
        private readonly Dictionary<Type, HashSet<int>> ids = Principals.ToDictionary(t => t, _ => new HashSet<int>());

        /// <summary>False when the row points at none of the principals: it may show on any page.</summary>
        public bool Add(EntityEntry entry, bool original)
        {
            var found = false;
            foreach (var fk in entry.Metadata.GetForeignKeys())
            {
                if (fk.Properties.Count != 1 || !ids.TryGetValue(fk.PrincipalEntityType.ClrType, out var set)) continue;
                found = true;
                var property = entry.Property(fk.Properties[0].Name);
                if ((original ? property.OriginalValue : property.CurrentValue) is int id) set.Add(id);
            }
            // Itself a principal (a meeting, a plan): its own key.
            if (ids.TryGetValue(entry.Metadata.ClrType, out var self) && entry.Metadata.FindPrimaryKey() is { Properties.Count: 1 } key
                && entry.Property(key.Properties[0].Name).CurrentValue is int own)
            {
                found = true;
                self.Add(own);
            }
            return found;
        }

        /// <summary>From each kind of row up to its group, children first so that their parents' groups are found too.</summary>
        public async Task ResolveAsync(RumboDbContext db, HashSet<int> groups, CancellationToken ct)
        {
            groups.UnionWith(ids[typeof(Group)]);
            if (ids[typeof(RecordSection)] is { Count: > 0 } sections)
                ids[typeof(MeetingRecord)].UnionWith(await db.RecordSections.AsNoTracking().Where(s => sections.Contains(s.Id)).Select(s => s.RecordId).ToListAsync(ct));
            if (ids[typeof(MeetingRecord)] is { Count: > 0 } records)
                ids[typeof(Meeting)].UnionWith(await db.MeetingRecords.AsNoTracking().Where(r => records.Contains(r.Id)).Select(r => r.MeetingId).ToListAsync(ct));
            if (ids[typeof(PlanActivity)] is { Count: > 0 } activities)
                ids[typeof(WorkPlan)].UnionWith(await db.PlanActivities.AsNoTracking().Where(a => activities.Contains(a.Id)).Select(a => a.PlanId).ToListAsync(ct));
            if (ids[typeof(Meeting)] is { Count: > 0 } meetings)
                groups.UnionWith(await db.Meetings.AsNoTracking().Where(m => meetings.Contains(m.Id)).Select(m => m.GroupId).ToListAsync(ct));
            if (ids[typeof(WorkPlan)] is { Count: > 0 } plans)
                groups.UnionWith(await db.WorkPlans.AsNoTracking().Where(p => plans.Contains(p.Id)).Select(p => p.GroupId).ToListAsync(ct));
            if (ids[typeof(Agreement)] is { Count: > 0 } agreements)
                groups.UnionWith(await db.Agreements.AsNoTracking().Where(a => agreements.Contains(a.Id)).Select(a => a.GroupId).ToListAsync(ct));
            if (ids[typeof(Document)] is { Count: > 0 } documents)
                groups.UnionWith(await db.Documents.AsNoTracking().Where(d => documents.Contains(d.Id)).Select(d => d.GroupId).ToListAsync(ct));
        }
    }
}
