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

    public static async Task<List<AgreementView>> LoadAsync(RumboDbContext db, IQueryable<Agreement> query, CancellationToken ct)
    {
        var agreements = await query.AsNoTracking()
            .Include(a => a.Meeting)
            .Include(a => a.Group).ThenInclude(g => g!.Agenda)
            .Include(a => a.Group).ThenInclude(g => g!.Countries).ThenInclude(c => c.Country)
            .Include(a => a.Lines).ThenInclude(l => l.LineOfAction).ThenInclude(l => l!.Agenda)
            .Include(a => a.FollowUps).ThenInclude(f => f.Country)
            .Include(a => a.FollowUps).ThenInclude(f => f.ReportedBy)
            .AsSplitQuery().ToListAsync(ct);
        return agreements
            .OrderByDescending(a => a.AdoptedOn).ThenByDescending(a => a.Meeting!.StartsAtUtc).ThenBy(a => a.Number)
            .Select(ToView).ToList();
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

    private static FollowUpCountry Country(Rumbo.Core.People.Country c) => new(c.Id, c.Code, c.Name.ToDocument());

    private static AgreementView ToView(Agreement a)
    {
        var g = a.Group!;
        var reports = a.FollowUps.ToDictionary(f => f.CountryId, f => new FollowUpView(Country(f.Country!), f.Status, f.Text, f.EvidenceUrl,
            f.ReportedAtUtc, f.ReportedByPersonId, f.ReportedBy?.FullName, f.Version));
        var collation = StringComparer.Create(System.Globalization.CultureInfo.CurrentUICulture, ignoreCase: true);
        // The group's countries first (coordinating, then participating), each with its report or none yet; then any other country that reported.
        var own = g.Countries.OrderBy(c => c.Role).ThenBy(c => Display(c.Country!.Name.ToDocument()), collation)
            .Select(c => new CountryFollowUp(Country(c.Country!), c.Role, reports.GetValueOrDefault(c.CountryId))).ToList();
        var ownIds = g.Countries.Select(c => c.CountryId).ToHashSet();
        var others = reports.Where(r => !ownIds.Contains(r.Key)).Select(r => new CountryFollowUp(r.Value.Country, null, r.Value))
            .OrderBy(c => Display(c.Country.Name), collation);
        return new AgreementView(a.Id, a.Number, a.Kind, a.Text.ToDocument(), a.AdoptedOn, a.Visibility, a.Version,
            a.MeetingId, a.Meeting!.Title.ToDocument(), a.Meeting.StartsAtUtc, g.Id, g.Slug, g.Name.ToDocument(), g.AgendaId,
            g.Agenda!.DocumentLanguage,
            a.Lines.Select(l => l.LineOfAction!).OrderBy(l => l.Code, StringComparer.Ordinal)
                .Select(l => new AgreementLineLabel(l.Id, l.Code, l.Text.ToDocument(), l.Agenda!.Slug)).ToList(),
            [.. own, .. others]);
    }

    /// <summary>A country's name as the interface language shows it, for ordering.</summary>
    private static string Display(LocalizedString name) =>
        name.In(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, PeopleReader.ReferenceLanguage).Text;
}
