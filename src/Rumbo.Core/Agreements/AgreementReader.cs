using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.Core.People;

namespace Rumbo.Core.Agreements;

public sealed record FollowUpCountry(int Id, string Code, LocalizedString Name);

public sealed record AgreementLineLabel(int Id, string Code, LocalizedString Text, string AgendaSlug);

public sealed record FollowUpView(
    FollowUpCountry Country, FollowUpStatus Status, string Text, string? EvidenceUrl, DateTime ReportedAtUtc,
    int? ReportedByPersonId, string? ReportedBy, int Version);

/// <summary>A country's line in an agreement's follow-up: its report, or none yet for a country of the group.</summary>
public sealed record CountryFollowUp(FollowUpCountry Country, GroupCountryRole? Role, FollowUpView? Report);

public sealed record AgreementView(
    int Id, int Number, AgreementKind Kind, LocalizedString Text, DateOnly AdoptedOn, Visibility Visibility, int Version,
    int MeetingId, LocalizedString MeetingTitle, DateTime MeetingStartsAtUtc, int GroupId, string GroupSlug, LocalizedString GroupName,
    int AgendaId, string Language, IReadOnlyList<AgreementLineLabel> Lines, IReadOnlyList<CountryFollowUp> FollowUps)
{
    /// <summary>Reports by status, of those given.</summary>
    public IReadOnlyDictionary<FollowUpStatus, int> Counts =>
        FollowUps.Where(f => f.Report is not null).GroupBy(f => f.Report!.Status).ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>
/// An agreement as the group and meeting pages list it: <paramref name="Countries"/> is the number of lines of its
/// follow-up (the group's countries and any other country that reported), <paramref name="Reported"/> how many of them
/// have a report, as <see cref="AgreementView.FollowUps"/> would count them.
/// </summary>
public sealed record AgreementSummary(
    int Id, int Number, AgreementKind Kind, LocalizedString Text, DateOnly AdoptedOn, DateTime MeetingStartsAtUtc, int Countries, int Reported);

/// <summary>Agreements as their readers see them: only those the reader may see, with the follow-up of each country.</summary>
public static class AgreementReader
{
    /// <summary>Public agreements, and the members-only ones of the reader's groups (all of them for the secretariat).</summary>
    public static IQueryable<Agreement> Visible(this IQueryable<Agreement> query, CurrentUser.Snapshot user)
    {
        if (user.IsSecretariatAdmin) return query;
        var groups = user.MemberGroups.ToList();
        return query.Where(a => a.Visibility == Visibility.Public || groups.Contains(a.GroupId));
    }

    private sealed record AgreementRow(
        int Id, int Number, AgreementKind Kind, LocalizedString Text, DateOnly AdoptedOn, Visibility Visibility, int Version,
        int MeetingId, LocalizedString MeetingTitle, DateTime MeetingStartsAtUtc, int GroupId);

    private sealed record GroupRow(int Id, string Slug, LocalizedString Name, int AgendaId, string Language);

    private sealed record GroupCountryRow(int GroupId, FollowUpCountry Country, GroupCountryRole Role);

    private sealed record LineRow(int AgreementId, AgreementLineLabel Line);

    private sealed record FollowUpRow(
        int AgreementId, FollowUpCountry Country, FollowUpStatus Status, string Text, string? EvidenceUrl, DateTime ReportedAtUtc,
        int? ReportedByPersonId, string? GivenName, string? FamilyName, int Version);

    /// <summary>
    /// The agreements of the query with their lines and each country's follow-up, newest first. Each part is projected by
    /// the agreements' or groups' ids: loading the entities with their includes read every agreement's whole meeting and
    /// group (descriptions in five languages) and made a group's agreements the slowest page rendered afresh.
    /// </summary>
    public static async Task<List<AgreementView>> LoadAsync(RumboDbContext db, IQueryable<Agreement> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Select(a => new AgreementRow(a.Id, a.Number, a.Kind, a.Text.ToDocument(), a.AdoptedOn, a.Visibility, a.Version,
                a.MeetingId, a.Meeting!.Title.ToDocument(), a.Meeting.StartsAtUtc, a.GroupId))
            .ToListAsync(ct);
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        var groupIds = rows.Select(r => r.GroupId).Distinct().ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
            .Select(g => new GroupRow(g.Id, g.Slug, g.Name.ToDocument(), g.AgendaId, g.Agenda!.DocumentLanguage))
            .ToDictionaryAsync(g => g.Id, ct);
        var countries = (await db.GroupCountries.AsNoTracking().Where(c => groupIds.Contains(c.GroupId))
            .Select(c => new GroupCountryRow(c.GroupId, new FollowUpCountry(c.Country!.Id, c.Country.Code, c.Country.Name.ToDocument()), c.Role))
            .ToListAsync(ct)).ToLookup(c => c.GroupId);
        var lines = (await db.AgreementLines.AsNoTracking().Where(l => ids.Contains(l.AgreementId))
            .Select(l => new LineRow(l.AgreementId, new AgreementLineLabel(l.LineOfAction!.Id, l.LineOfAction.Code,
                l.LineOfAction.Text.ToDocument(), l.LineOfAction.Agenda!.Slug)))
            .ToListAsync(ct)).ToLookup(l => l.AgreementId, l => l.Line);
        var followUps = (await db.AgreementFollowUps.AsNoTracking().Where(f => ids.Contains(f.AgreementId))
            .Select(f => new FollowUpRow(f.AgreementId, new FollowUpCountry(f.Country!.Id, f.Country.Code, f.Country.Name.ToDocument()),
                f.Status, f.Text, f.EvidenceUrl, f.ReportedAtUtc, f.ReportedByPersonId,
                f.ReportedBy == null ? null : f.ReportedBy.GivenName, f.ReportedBy == null ? null : f.ReportedBy.FamilyName, f.Version))
            .ToListAsync(ct)).ToLookup(f => f.AgreementId);
        return rows
            .OrderByDescending(a => a.AdoptedOn).ThenByDescending(a => a.MeetingStartsAtUtc).ThenBy(a => a.Number)
            .Select(a => ToView(a, groups[a.GroupId], countries[a.GroupId], lines[a.Id], followUps[a.Id])).ToList();
    }

    /// <summary>A group's newest agreements the reader may see, newest first, with how many there are in all.</summary>
    public static async Task<(List<AgreementSummary> Latest, int Total)> LatestOfGroupAsync(
        RumboDbContext db, int groupId, CurrentUser.Snapshot user, int take, CancellationToken ct)
    {
        var groups = user.MemberGroups.ToList();
        var latest = await LatestOfGroup.For(db)(db, groupId, user.IsSecretariatAdmin, groups, take).ToListAsync(ct);
        // Fewer than asked for is the whole count.
        return (latest, latest.Count < take ? latest.Count : await CountOfGroup.For(db)(db, groupId, user.IsSecretariatAdmin, groups, ct));
    }

    /// <summary>A meeting's agreements the reader may see.</summary>
    public static Task<List<AgreementSummary>> OfMeetingAsync(RumboDbContext db, int meetingId, CurrentUser.Snapshot user, CancellationToken ct) =>
        OfMeeting.For(db)(db, meetingId, user.IsSecretariatAdmin, user.MemberGroups.ToList()).ToListAsync(ct).AsTask();

    private static readonly Expression<Func<Agreement, AgreementSummary>> Summary = a => new AgreementSummary(a.Id, a.Number, a.Kind,
        a.Text.ToDocument(), a.AdoptedOn, a.Meeting!.StartsAtUtc,
        a.Group!.Countries.Count() + a.FollowUps.Count(f => !a.Group.Countries.Any(c => c.CountryId == f.CountryId)),
        a.FollowUps.Count());

    // The group's and the meeting's pages run these on every request, compiled once (decision 0018). The visibility
    // rule is Visible's, with the secretariat's "all" as a parameter.
    private static readonly CompiledQuery<Func<RumboDbContext, int, bool, List<int>, int, IAsyncEnumerable<AgreementSummary>>> LatestOfGroup = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int groupId, bool all, List<int> groups, int take) => db.Agreements.AsNoTracking()
            .Where(a => a.GroupId == groupId && (all || a.Visibility == Visibility.Public || groups.Contains(a.GroupId)))
            .OrderByDescending(a => a.AdoptedOn).ThenByDescending(a => a.Id).Take(take)
            .Select(Summary)));

    private static readonly CompiledQuery<Func<RumboDbContext, int, bool, List<int>, CancellationToken, Task<int>>> CountOfGroup = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int groupId, bool all, List<int> groups, CancellationToken ct) => db.Agreements
            .Count(a => a.GroupId == groupId && (all || a.Visibility == Visibility.Public || groups.Contains(a.GroupId)))));

    private static readonly CompiledQuery<Func<RumboDbContext, int, bool, List<int>, IAsyncEnumerable<AgreementSummary>>> OfMeeting = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int meetingId, bool all, List<int> groups) => db.Agreements.AsNoTracking()
            .Where(a => a.MeetingId == meetingId && (all || a.Visibility == Visibility.Public || groups.Contains(a.GroupId)))
            .Select(Summary)));

    private static AgreementView ToView(AgreementRow a, GroupRow g, IEnumerable<GroupCountryRow> groupCountries,
        IEnumerable<AgreementLineLabel> lines, IEnumerable<FollowUpRow> followUps)
    {
        var reports = followUps.ToDictionary(f => f.Country.Id, f => new FollowUpView(f.Country, f.Status, f.Text, f.EvidenceUrl,
            f.ReportedAtUtc, f.ReportedByPersonId, f.ReportedByPersonId is null ? null : $"{f.GivenName} {f.FamilyName}".Trim(), f.Version));
        var collation = StringComparer.Create(System.Globalization.CultureInfo.CurrentUICulture, ignoreCase: true);
        // The group's countries first (coordinating, then participating), each with its report or none yet; then any other country that reported.
        var own = groupCountries.OrderBy(c => c.Role).ThenBy(c => Display(c.Country.Name), collation)
            .Select(c => new CountryFollowUp(c.Country, c.Role, reports.GetValueOrDefault(c.Country.Id))).ToList();
        var ownIds = own.Select(c => c.Country.Id).ToHashSet();
        var others = reports.Where(r => !ownIds.Contains(r.Key)).Select(r => new CountryFollowUp(r.Value.Country, null, r.Value))
            .OrderBy(c => Display(c.Country.Name), collation);
        return new AgreementView(a.Id, a.Number, a.Kind, a.Text, a.AdoptedOn, a.Visibility, a.Version,
            a.MeetingId, a.MeetingTitle, a.MeetingStartsAtUtc, g.Id, g.Slug, g.Name, g.AgendaId, g.Language,
            lines.OrderBy(l => l.Code, StringComparer.Ordinal).ToList(),
            [.. own, .. others]);
    }

    /// <summary>A country's name as the interface language shows it, for ordering.</summary>
    private static string Display(LocalizedString name) =>
        name.In(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, PeopleReader.ReferenceLanguage).Text;
}
