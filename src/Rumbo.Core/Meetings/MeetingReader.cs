using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;

namespace Rumbo.Core.Meetings;

/// <summary>What lists of meetings may be narrowed by; null means any.</summary>
public sealed record MeetingFilter(
    string? Group = null, string? Agenda = null, MeetingKind? Kind = null, DateTime? FromUtc = null, DateTime? ToUtc = null,
    int? GroupId = null, int? LineId = null, bool PublicOnly = false);

/// <summary>
/// A meeting as lists show it. Everything here is public but the place, city and country, which are null when the
/// reader may not see the meeting's details (<see cref="Details"/>).
/// </summary>
public sealed record MeetingSummary(
    int Id, MeetingKind Kind, LocalizedString Title, string Language, int GroupId, string GroupSlug, LocalizedString GroupName,
    string AgendaSlug, DateTime StartsAtUtc, string TimeZone, int DurationMinutes, MeetingFormat Format, Visibility Access,
    MeetingStatus Status, int? SeriesId, bool Details, string? Place, string? City, string? CountryCode, LocalizedString? CountryName)
{
    public DateTime EndsAtUtc => Meeting.EndOf(StartsAtUtc, DurationMinutes);
}

/// <summary>A group's next meetings not yet over and its latest that are, unmasked, and when that changes.</summary>
public sealed record GroupMeetingWindow(IReadOnlyList<MeetingSummary> Upcoming, IReadOnlyList<MeetingSummary> Recent, int Total, DateTime? ChangesAtUtc);

public sealed record ItemLineView(string Code, string AgendaSlug, LocalizedString Text, string Language);

public sealed record MeetingItemView(
    int Id, int Position, LocalizedString Title, LocalizedString Description, int? PresenterPersonId, string? PresenterPersonName,
    string? PresenterName, int? DurationMinutes, IReadOnlyList<ItemLineView> Lines);

/// <summary>Registered and attended people per country represented; a null country for people who gave none.</summary>
public sealed record CountryCount(string? Code, LocalizedString? Name, int Registered, int Attended);

public sealed record Occurrence(int Id, DateTime StartsAtUtc, MeetingStatus Status);

/// <summary>The reader's own part in the meeting.</summary>
public sealed record OwnParticipation(bool Invited, bool Registered, ParticipantResponse Response, bool? Attended);

/// <summary>
/// One meeting. The description, online link, agenda and participation are empty when the reader may not see them;
/// <see cref="MeetingSummary.Details"/> says which.
/// </summary>
public sealed record MeetingDetail(
    MeetingSummary Meeting, LocalizedString Description, string? OnlineUrl, IReadOnlyList<MeetingItemView> Items,
    IReadOnlyList<CountryCount> Participation, int Invited, int Registered, int Attended,
    string? RecurrenceRule, IReadOnlyList<Occurrence> Series, int Version, OwnParticipation? Own);

/// <summary>Reads meetings for pages, the API, the exports and the view components, with the visibility rules applied.</summary>
public sealed class MeetingReader(RumboDbContext db)
{
    private sealed record MeetingTime(int Id, DateTime StartsAtUtc, int DurationMinutes);

    private sealed record MeetingMore(int Version, string? OnlineUrl, string? Rule, LocalizedString Description);

    private sealed record ItemRow(
        int Id, int Position, LocalizedString Title, LocalizedString Description, int? PresenterPersonId, string? Presenter,
        string? PresenterName, int? DurationMinutes);

    private sealed record ItemLineRow(int MeetingItemId, string Code, int Position, string Slug, string DocumentLanguage, LocalizedString Text);

    private sealed record PersonRow(bool Invited, bool Registered, bool? Attended, string? Code, LocalizedString? Name);

    private static readonly Expression<Func<Meeting, MeetingSummary>> Summary = m => new MeetingSummary(
        m.Id, m.Kind, m.Title.ToDocument(), m.Group!.Agenda!.DocumentLanguage,
        m.GroupId, m.Group.Slug, m.Group.Name.ToDocument(),
        m.Group.Agenda.Slug, m.StartsAtUtc, m.TimeZone, m.DurationMinutes, m.Format, m.Access, m.Status, m.SeriesId, false,
        m.Place, m.City, m.Country == null ? null : m.Country.Code,
        m.Country == null ? null : m.Country.Name.ToDocument());

    // The queries a group's and a meeting's page run on every request, compiled once: they skip building and matching
    // the expression tree each time, half of each query's cost (decision 0018).
    private static readonly CompiledQuery<Func<RumboDbContext, int, IAsyncEnumerable<MeetingTime>>> TimesOfGroup = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int groupId) => db.Meetings.AsNoTracking().Where(m => m.GroupId == groupId)
            .Select(m => new MeetingTime(m.Id, m.StartsAtUtc, m.DurationMinutes))));

    private static readonly CompiledQuery<Func<RumboDbContext, List<int>, IAsyncEnumerable<MeetingSummary>>> SummariesByIds = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, List<int> ids) => db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(Summary)));

    private static readonly CompiledQuery<Func<RumboDbContext, int, CancellationToken, Task<MeetingSummary?>>> SummaryById = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int id, CancellationToken ct) => db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(Summary).SingleOrDefault()));

    private static readonly CompiledQuery<Func<RumboDbContext, int, CancellationToken, Task<MeetingMore>>> More = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int id, CancellationToken ct) => db.Meetings.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new MeetingMore(x.Version, x.OnlineUrl, x.Series == null ? null : x.Series.RecurrenceRule, x.Description.ToDocument()))
            .Single()));

    private static readonly CompiledQuery<Func<RumboDbContext, int, IAsyncEnumerable<int>>> MeetingsOfPerson = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int personId) => db.MeetingParticipants.AsNoTracking().Where(p => p.PersonId == personId).Select(p => p.MeetingId)));

    private static readonly CompiledQuery<Func<RumboDbContext, int, int, CancellationToken, Task<OwnParticipation?>>> Own = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int id, int personId, CancellationToken ct) => db.MeetingParticipants.AsNoTracking()
            .Where(p => p.MeetingId == id && p.PersonId == personId)
            .Select(p => new OwnParticipation(p.InvitedAtUtc != null, p.RegisteredAtUtc != null, p.Response, p.Attended)).SingleOrDefault()));

    private static readonly CompiledQuery<Func<RumboDbContext, int, IAsyncEnumerable<PersonRow>>> People = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int id) => db.MeetingParticipants.AsNoTracking().Where(p => p.MeetingId == id)
            .Select(p => new PersonRow(p.InvitedAtUtc != null, p.RegisteredAtUtc != null, p.Attended,
                p.Country == null ? null : p.Country.Code, p.Country == null ? null : p.Country.Name.ToDocument()))));

    private static readonly CompiledQuery<Func<RumboDbContext, int, IAsyncEnumerable<ItemRow>>> Items = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int meetingId) => db.MeetingItems.AsNoTracking().Where(i => i.MeetingId == meetingId).OrderBy(i => i.Position).ThenBy(i => i.Id)
            .Select(i => new ItemRow(i.Id, i.Position, i.Title.ToDocument(), i.Description.ToDocument(), i.PresenterPersonId,
                i.PresenterPerson == null ? null : i.PresenterPerson.GivenName + " " + i.PresenterPerson.FamilyName,
                i.PresenterName, i.DurationMinutes))));

    private static readonly CompiledQuery<Func<RumboDbContext, int, IAsyncEnumerable<ItemLineRow>>> ItemLines = new(() => EF.CompileAsyncQuery(
        // From the meeting's items to their lines, so that both tables are read by their keys: asked from the lines'
        // side, SQLite scanned every item's lines of every meeting (2.3 ms a page at the bench's size, against 50 µs).
        (RumboDbContext db, int meetingId) => db.MeetingItems.AsNoTracking().Where(i => i.MeetingId == meetingId)
            .SelectMany(i => i.Lines)
            .Select(l => new ItemLineRow(l.MeetingItemId, l.LineOfAction!.Code, l.LineOfAction.Position, l.LineOfAction.Agenda!.Slug,
                l.LineOfAction.Agenda.DocumentLanguage, l.LineOfAction.Text.ToDocument()))));

    public async Task<List<MeetingSummary>> ListAsync(MeetingFilter filter, CurrentUser.Snapshot viewer, CancellationToken ct = default)
    {
        var q = db.Meetings.AsNoTracking();
        if (filter.GroupId is { } gid) q = q.Where(m => m.GroupId == gid);
        if (filter.Group is { } slug) q = q.Where(m => m.Group!.Slug == slug);
        if (filter.Agenda is { } agenda) q = q.Where(m => m.Group!.Agenda!.Slug == agenda);
        if (filter.Kind is { } kind) q = q.Where(m => m.Kind == kind);
        if (filter.FromUtc is { } from) q = q.Where(m => m.StartsAtUtc >= from.AddDays(-8));
        if (filter.ToUtc is { } to) q = q.Where(m => m.StartsAtUtc < to);
        // From the line's links to their meetings: asked from the meetings' side (any item with a link to the line),
        // SQLite scanned every meeting and its items, 0.5 ms on the bench's data against 10 µs.
        if (filter.LineId is { } line)
        {
            var meetings = db.MeetingItemLines.Where(l => l.LineOfActionId == line)
                .Join(db.MeetingItems, l => l.MeetingItemId, i => i.Id, (l, i) => i.MeetingId);
            q = q.Where(m => meetings.Contains(m.Id));
        }
        if (filter.PublicOnly) q = q.Where(m => m.Access == Visibility.Public);
        var rows = await Project(q).ToListAsync(ct);
        // A meeting under way still counts from "from": its end, not its start, is compared.
        if (filter.FromUtc is { } f) rows = rows.Where(r => !Meeting.Ended(r.StartsAtUtc, r.DurationMinutes, f)).ToList();
        var participating = await ParticipatingAsync(viewer, ct);
        return rows.OrderBy(r => r.StartsAtUtc).ThenBy(r => r.Id).Select(r => Mask(r, viewer, participating)).ToList();
    }

    /// <summary>
    /// A group's next <paramref name="take"/> meetings not yet over and its last <paramref name="take"/> that are, and how
    /// many it has: what <see cref="ListAsync"/> of the group would give, with only the meetings shown read in full.
    /// </summary>
    public async Task<(List<MeetingSummary> Upcoming, List<MeetingSummary> Recent, int Total)> LatestOfGroupAsync(
        int groupId, CurrentUser.Snapshot viewer, DateTime nowUtc, int take, CancellationToken ct = default)
    {
        var window = await WindowOfGroupAsync(groupId, nowUtc, take, ct);
        var masked = await MaskAsync([.. window.Upcoming, .. window.Recent], viewer, ct);
        return (masked[..window.Upcoming.Count], masked[window.Upcoming.Count..], window.Total);
    }

    /// <summary>
    /// What <see cref="LatestOfGroupAsync"/> gives before the reader's rights are applied (see <see cref="MaskAsync"/>),
    /// and until when it holds: the end of the first meeting not yet over, when that meeting moves to the recent ones.
    /// </summary>
    public async Task<GroupMeetingWindow> WindowOfGroupAsync(int groupId, DateTime nowUtc, int take, CancellationToken ct = default)
    {
        var times = await TimesOfGroup.For(db)(db, groupId).ToListAsync(ct);
        var ordered = times.OrderBy(m => m.StartsAtUtc).ThenBy(m => m.Id).ToList();
        var notOver = ordered.Where(m => !Meeting.Ended(m.StartsAtUtc, m.DurationMinutes, nowUtc)).ToList();
        var upcoming = notOver.Take(take).Select(m => m.Id).ToList();
        var recent = ordered.Where(m => Meeting.Ended(m.StartsAtUtc, m.DurationMinutes, nowUtc)).OrderByDescending(m => m.StartsAtUtc).Take(take).Select(m => m.Id).ToList();
        DateTime? next = notOver.Count == 0 ? null : notOver.Min(m => Meeting.EndOf(m.StartsAtUtc, m.DurationMinutes));
        List<int> ids = [.. upcoming, .. recent];
        if (ids.Count == 0) return new([], [], times.Count, next);
        var rows = (await SummariesByIds.For(db)(db, ids).ToListAsync(ct)).ToDictionary(r => r.Id);
        return new(upcoming.Select(id => rows[id]).ToList(), recent.Select(id => rows[id]).ToList(), times.Count, next);
    }

    /// <summary>The meetings as the reader may see them: place, city and country only where they may see the details.</summary>
    public async Task<List<MeetingSummary>> MaskAsync(IReadOnlyList<MeetingSummary> meetings, CurrentUser.Snapshot viewer, CancellationToken ct = default)
    {
        if (meetings.Count == 0) return [];
        var participating = await ParticipatingAsync(viewer, ct);
        return meetings.Select(m => Mask(m, viewer, participating)).ToList();
    }

    public async Task<MeetingDetail?> GetAsync(int id, CurrentUser.Snapshot viewer, CancellationToken ct = default)
    {
        var row = await SummaryById.For(db)(db, id, ct);
        if (row is null) return null;
        // What the summary does not hold, in one more query; the description and link are returned only with the details.
        var more = await More.For(db)(db, id, ct);
        var participating = await ParticipatingAsync(viewer, ct);
        var summary = Mask(row, viewer, participating);
        var series = row.SeriesId is { } sid
            ? await db.Meetings.AsNoTracking().Where(m => m.SeriesId == sid).OrderBy(m => m.StartsAtUtc)
                .Select(m => new Occurrence(m.Id, m.StartsAtUtc, m.Status)).ToListAsync(ct)
            : [];
        var rule = more.Rule;
        var version = more.Version;
        OwnParticipation? own = null;
        if (viewer.PersonId is { } pid)
        {
            own = await Own.For(db)(db, id, pid, ct);
        }
        if (!summary.Details)
        {
            return new MeetingDetail(summary, LocalizedString.Empty, null, [], [], 0, 0, 0, rule, series, version, own);
        }

        var items = await ItemsAsync(id, ct);
        var people = await People.For(db)(db, id).ToListAsync(ct);
        var byCountry = people.Where(p => p.Registered || p.Attended == true)
            .GroupBy(p => p.Code)
            .Select(g => new CountryCount(g.Key, g.First().Name, g.Count(p => p.Registered), g.Count(p => p.Attended == true)))
            .OrderBy(c => c.Code is null).ThenBy(c => c.Name?.Source, StringComparer.Ordinal).ToList();
        return new MeetingDetail(summary, more.Description, more.OnlineUrl, items, byCountry,
            people.Count(p => p.Invited), people.Count(p => p.Registered), people.Count(p => p.Attended == true), rule, series, version, own);
    }

    public async Task<List<MeetingItemView>> ItemsAsync(int meetingId, CancellationToken ct = default)
    {
        var items = await Items.For(db)(db, meetingId).ToListAsync(ct);
        var lines = await ItemLines.For(db)(db, meetingId).ToListAsync(ct);
        return items.Select(i => new MeetingItemView(i.Id, i.Position, i.Title, i.Description, i.PresenterPersonId, i.Presenter, i.PresenterName, i.DurationMinutes,
            lines.Where(l => l.MeetingItemId == i.Id).OrderBy(l => CodeKey(l.Code), StringComparer.Ordinal)
                .Select(l => new ItemLineView(l.Code, l.Slug, l.Text, l.DocumentLanguage)).ToList())).ToList();
    }

    /// <summary>Whether the reader may see the meeting's details (it exists: callers checked).</summary>
    public async Task<bool> CanSeeDetailsAsync(int meetingId, CurrentUser.Snapshot viewer, CancellationToken ct = default)
    {
        var m = await db.Meetings.AsNoTracking().Where(x => x.Id == meetingId).Select(x => new { x.Access, x.GroupId }).SingleAsync(ct);
        var isParticipant = viewer.PersonId is { } pid && await db.MeetingParticipants.AnyAsync(p => p.MeetingId == meetingId && p.PersonId == pid, ct);
        return viewer.CanSeeMeetingDetails(m.Access, m.GroupId, isParticipant);
    }

    /// <summary>Sorts 2.10.1 after 2.9.1.</summary>
    public static string CodeKey(string code) =>
        string.Join('.', code.Split('.').Select(p => int.TryParse(p, out var n) ? n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) : p));

    private async Task<HashSet<int>> ParticipatingAsync(CurrentUser.Snapshot viewer, CancellationToken ct) =>
        viewer.PersonId is { } pid
            ? (await MeetingsOfPerson.For(db)(db, pid).ToListAsync(ct)).ToHashSet()
            : [];

    private static MeetingSummary Mask(MeetingSummary m, CurrentUser.Snapshot viewer, HashSet<int> participating)
    {
        var details = viewer.CanSeeMeetingDetails(m.Access, m.GroupId, participating.Contains(m.Id));
        return details ? m with { Details = true } : m with { Details = false, Place = null, City = null, CountryCode = null, CountryName = null };
    }

    private static IQueryable<MeetingSummary> Project(IQueryable<Meeting> q) => q.Select(Summary);
}
