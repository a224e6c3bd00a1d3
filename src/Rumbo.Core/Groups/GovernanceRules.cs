using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Core.People;

namespace Rumbo.Core.Groups;

public enum RuleOutcome
{
    Met,
    Broken,
    /// <summary>The rule does not apply to this kind of group.</summary>
    NotApplicable,
}

/// <summary>One rule of the documents checked against one group. A broken rule flags the group; it refuses nothing.</summary>
public sealed record RuleCheck(string Code, string Source, RuleOutcome Outcome, string Message, IReadOnlyList<string> Details);

/// <summary>What the rules need to know of a group, read in one query for many groups.</summary>
/// <param name="Meetings">The group's meetings of the current year; null when they were not read (no meeting counted).</param>
public sealed record GroupFacts(
    int GroupId, int AgendaId, GroupKind Kind, GroupStatus Status,
    IReadOnlyList<CoordinatorFacts> Coordinators, IReadOnlyList<string> CoordinatingCountries, MeetingYear? Meetings = null);

/// <summary>The days (in each meeting's own time zone) of a group's meetings in one calendar year that were not cancelled, held or scheduled.</summary>
public sealed record MeetingYear(int Year, IReadOnlyList<DateOnly> Days);

/// <param name="RepresentsCountry">The code of the country of the institution the coordinator represents, if it has one.</param>
public sealed record CoordinatorFacts(int PersonId, string Name, InstitutionKind? RepresentsKind, string? RepresentsCountry, bool RepresentsEclac)
{
    public CoordinatorFacts(int personId, string name, InstitutionKind? kind, string? country)
        : this(personId, name, kind, country, kind == InstitutionKind.Eclac) { }
}

/// <summary>A rule of the documents. New rules (three meetings a year, ...) are new implementations, listed in <see cref="GovernanceRules.All"/>.</summary>
public interface IGroupRule
{
    string Code { get; }
    RuleCheck Check(GroupFacts group);
}

/// <summary>LC-MDS.4-3, section A.2: each working group has at least two coordinators.</summary>
public sealed class TwoCoordinatorsRule : IGroupRule
{
    public string Code => "coordinators.two";

    public RuleCheck Check(GroupFacts g) => !GovernanceRules.IsWorkingGroup(g.Kind)
        ? GovernanceRules.NotApplicable(Code)
        : g.Coordinators.Count >= 2
            ? new RuleCheck(Code, GovernanceRules.SocialPlanOfWork, RuleOutcome.Met, "At least two coordinators.", g.Coordinators.Select(c => c.Name).ToList())
            : new RuleCheck(Code, GovernanceRules.SocialPlanOfWork, RuleOutcome.Broken, "Fewer than two coordinators.", g.Coordinators.Select(c => c.Name).ToList());
}

/// <summary>LC-MDS.4-3, section A.2: at least one coordinator represents a country's ministry or secretariat.</summary>
public sealed class MinistryCoordinatorRule : IGroupRule
{
    public string Code => "coordinators.ministry";

    public RuleCheck Check(GroupFacts g)
    {
        if (!GovernanceRules.IsWorkingGroup(g.Kind)) return GovernanceRules.NotApplicable(Code);
        var ministry = g.Coordinators.Where(c => c.RepresentsKind == InstitutionKind.Ministry && c.RepresentsCountry is not null).Select(c => c.Name).ToList();
        return ministry.Count > 0
            ? new RuleCheck(Code, GovernanceRules.SocialPlanOfWork, RuleOutcome.Met, "A coordinator represents a country's ministry or secretariat.", ministry)
            : new RuleCheck(Code, GovernanceRules.SocialPlanOfWork, RuleOutcome.Broken, "No coordinator represents a country's ministry or secretariat.", []);
    }
}

/// <summary>LC-MDS.4-3, section A.2: at least one coordinator represents ECLAC.</summary>
public sealed class EclacCoordinatorRule : IGroupRule
{
    public string Code => "coordinators.eclac";

    public RuleCheck Check(GroupFacts g)
    {
        if (!GovernanceRules.IsWorkingGroup(g.Kind)) return GovernanceRules.NotApplicable(Code);
        var eclac = g.Coordinators.Where(c => c.RepresentsEclac).Select(c => c.Name).ToList();
        return eclac.Count > 0
            ? new RuleCheck(Code, GovernanceRules.SocialPlanOfWork, RuleOutcome.Met, "A coordinator represents ECLAC.", eclac)
            : new RuleCheck(Code, GovernanceRules.SocialPlanOfWork, RuleOutcome.Broken, "No coordinator represents ECLAC.", []);
    }
}

/// <summary>LC/CRP.20/6, section C: ad hoc working groups work under the leadership of one or more coordinating countries.</summary>
public sealed class CoordinatingCountryRule : IGroupRule
{
    public string Code => "countries.coordinating";

    public RuleCheck Check(GroupFacts g) => g.Kind != GroupKind.AdHocWorkingGroup
        ? GovernanceRules.NotApplicable(Code)
        : g.CoordinatingCountries.Count > 0
            ? new RuleCheck(Code, GovernanceRules.PlanningAgenda, RuleOutcome.Met, "Led by one or more coordinating countries.", [])
            : new RuleCheck(Code, GovernanceRules.PlanningAgenda, RuleOutcome.Broken, "No coordinating country.", []);
}

/// <summary>
/// LC-MDS.4-3, A.3, means of implementation (a): "At least three meetings should be scheduled each year for each group".
/// It speaks of the working groups, and of groups at work: a proposed or concluded group is not expected to meet.
/// Meetings held and scheduled both count, cancelled ones do not; the year is the calendar year of the clock.
/// </summary>
public sealed class ThreeMeetingsRule : IGroupRule
{
    public const int Required = 3;

    public string Code => "meetings.three";

    public RuleCheck Check(GroupFacts g)
    {
        if (!GovernanceRules.IsWorkingGroup(g.Kind) || g.Status != GroupStatus.Active) return GovernanceRules.NotApplicable(Code);
        var days = g.Meetings?.Days ?? [];
        // The days themselves are the details: their number is the count, and they read the same in every language.
        var details = days.Order().Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // One message per count, so that each has its translation: broken means 0, 1 or 2 meetings, hence 3, 2 or 1 missing.
        return days.Count switch
        {
            >= Required => new RuleCheck(Code, GovernanceRules.SocialMeansOfImplementation, RuleOutcome.Met, "At least three meetings this year.", details),
            2 => new RuleCheck(Code, GovernanceRules.SocialMeansOfImplementation, RuleOutcome.Broken, "2 meetings this year: 1 still missing.", details),
            1 => new RuleCheck(Code, GovernanceRules.SocialMeansOfImplementation, RuleOutcome.Broken, "1 meeting this year: 2 still missing.", details),
            _ => new RuleCheck(Code, GovernanceRules.SocialMeansOfImplementation, RuleOutcome.Broken, "No meeting this year: 3 still missing.", details),
        };
    }
}

/// <summary>Checks the documents' rules on groups, for a group's page and for the secretariat's governance overview.</summary>
/// <param name="clock">Says which year "this year" is; the system clock when none is given.</param>
public sealed class GovernanceRules(RumboDbContext db, TimeProvider? clock = null)
{
    public const string SocialPlanOfWork = "LC/MDS.4/3, A.2";
    public const string SocialMeansOfImplementation = "LC/MDS.4/3, A.3 (a)";
    public const string PlanningAgenda = "LC/CRP.20/6, C";

    public static readonly IReadOnlyList<IGroupRule> All =
        [new TwoCoordinatorsRule(), new MinistryCoordinatorRule(), new EclacCoordinatorRule(), new CoordinatingCountryRule(), new ThreeMeetingsRule()];

    /// <summary>The kinds LC-MDS.4-3 calls working groups, which its coordination rule covers.</summary>
    public static bool IsWorkingGroup(GroupKind kind) =>
        kind is GroupKind.ThematicWorkingGroup or GroupKind.SubWorkingGroup or GroupKind.SubregionalGroup;

    internal static RuleCheck NotApplicable(string code) => new(code, "", RuleOutcome.NotApplicable, "Does not apply to this kind of group.", []);

    public static IReadOnlyList<RuleCheck> Check(GroupFacts group) => All.Select(r => r.Check(group)).ToList();

    private sealed record CoordinatorRow(int PersonId, string GivenName, string FamilyName, InstitutionKind? Kind, string? Country);

    private sealed record FactsRow(int Id, int AgendaId, GroupKind Kind, GroupStatus Status, List<CoordinatorRow> Coordinators, List<string> Countries);

    private sealed record MeetingTime(int GroupId, DateTime StartsAtUtc, string TimeZone);

    private static readonly Expression<Func<Group, FactsRow>> FactsOf = g => new FactsRow(
        g.Id, g.AgendaId, g.Kind, g.Status,
        g.Members.Where(m => m.Role == GroupRole.Coordinator).Select(m => new CoordinatorRow(
            m.PersonId,
            m.Person!.GivenName,
            m.Person.FamilyName,
            (InstitutionKind?)(m.RepresentsInstitution != null ? m.RepresentsInstitution.Kind : m.Person.Institution != null ? m.Person.Institution.Kind : null),
            m.RepresentsInstitution != null ? m.RepresentsInstitution.Country!.Code : m.Person.Institution != null ? m.Person.Institution.Country!.Code : null)).ToList(),
        g.Countries.Where(c => c.Role == GroupCountryRole.Coordinating).Select(c => c.Country!.Code).ToList());

    private static readonly CompiledQuery<Func<RumboDbContext, List<int>, DateTime, DateTime, IAsyncEnumerable<MeetingTime>>> MeetingTimesOfGroups = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, List<int> ids, DateTime from, DateTime to) => db.Meetings.AsNoTracking()
            .Where(m => m.Status != MeetingStatus.Cancelled && m.StartsAtUtc >= from && m.StartsAtUtc < to && ids.Contains(m.GroupId))
            .Select(m => new MeetingTime(m.GroupId, m.StartsAtUtc, m.TimeZone))));

    // The groups' directory and the governance overview run these on every request: compiled once (decision 0018),
    // as the expression trees of their nested collections cost a tenth of the directory's reading to build and match.
    // Over many groups the joined rows multiply, and split queries stay cheaper.
    private static readonly CompiledQuery<Func<RumboDbContext, IAsyncEnumerable<FactsRow>>> AllFacts = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db) => db.Groups.AsNoTracking().Select(FactsOf).AsSplitQuery()));

    private static readonly CompiledQuery<Func<RumboDbContext, List<int>, IAsyncEnumerable<FactsRow>>> FactsOfGroups = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, List<int> ids) => db.Groups.AsNoTracking().Where(g => ids.Contains(g.Id)).Select(FactsOf).AsSplitQuery()));

    private static readonly CompiledQuery<Func<RumboDbContext, DateTime, DateTime, IAsyncEnumerable<MeetingTime>>> AllMeetingTimes = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, DateTime from, DateTime to) => db.Meetings.AsNoTracking()
            .Where(m => m.Status != MeetingStatus.Cancelled && m.StartsAtUtc >= from && m.StartsAtUtc < to)
            .Select(m => new MeetingTime(m.GroupId, m.StartsAtUtc, m.TimeZone))));

    /// <summary>The facts of the given groups (all when null), for checking many groups with two queries.</summary>
    public async Task<IReadOnlyList<GroupFacts>> FactsAsync(IReadOnlyCollection<int>? groupIds = null, CancellationToken ct = default)
    {
        var list = await (groupIds is null ? AllFacts.For(db)(db) : FactsOfGroups.For(db)(db, [.. groupIds])).ToListAsync(ct);
        var year = (clock ?? TimeProvider.System).GetUtcNow().Year;
        var meetings = await MeetingDaysAsync(groupIds, year, ct);
        return list.Select(g => new GroupFacts(g.Id, g.AgendaId, g.Kind, g.Status,
            g.Coordinators.Select(c => new CoordinatorFacts(c.PersonId, $"{c.GivenName} {c.FamilyName}".Trim(), c.Kind, c.Country)).ToList(),
            g.Countries, new MeetingYear(year, meetings.TryGetValue(g.Id, out var days) ? days : []))).ToList();
    }

    /// <summary>
    /// One group's facts from what its page has already read (its head, coordinators and coordinating countries), with
    /// its meetings of the year read here: the page asks for nothing twice (decision 0019).
    /// </summary>
    public async Task<GroupFacts> FactsOfAsync(int groupId, int agendaId, GroupKind kind, GroupStatus status,
        IReadOnlyList<CoordinatorFacts> coordinators, IReadOnlyList<string> coordinatingCountries, CancellationToken ct = default)
    {
        var year = (clock ?? TimeProvider.System).GetUtcNow().Year;
        var meetings = await MeetingDaysAsync([groupId], year, ct);
        return new GroupFacts(groupId, agendaId, kind, status, coordinators, coordinatingCountries,
            new MeetingYear(year, meetings.TryGetValue(groupId, out var days) ? days : []));
    }

    /// <summary>
    /// The days of the groups' meetings in the year, not cancelled. A meeting belongs to the year of its own local day
    /// (a meeting on 31 December evening in Santiago is that year's even when it is 1 January in UTC), so the query
    /// takes a day more on each side and the local day decides.
    /// </summary>
    private async Task<Dictionary<int, List<DateOnly>>> MeetingDaysAsync(IReadOnlyCollection<int>? groupIds, int year, CancellationToken ct)
    {
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(-1);
        var to = new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(1);
        List<MeetingTime> rows;
        if (groupIds is not null)
        {
            rows = await MeetingTimesOfGroups.For(db)(db, [.. groupIds], from, to).ToListAsync(ct);
        }
        else
        {
            rows = await AllMeetingTimes.For(db)(db, from, to).ToListAsync(ct);
        }
        return rows
            .Select(m => (m.GroupId, Day: LocalDay(m.StartsAtUtc, m.TimeZone)))
            .Where(m => m.Day.Year == year)
            .GroupBy(m => m.GroupId)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Day).ToList());
    }

    // The zones as the rest of Rumbo reads them (NodaTime's tz database), not the system's: the two can disagree on a
    // zone's history, and TimeZoneInfo's lookup took a lock shared by every request.
    internal static DateOnly LocalDay(DateTime utc, string timeZone) => MeetingTimes.Local(utc, timeZone).Date.ToDateOnly();
}
