using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Data;
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
public sealed record GroupFacts(
    int GroupId, int AgendaId, GroupKind Kind, GroupStatus Status,
    IReadOnlyList<CoordinatorFacts> Coordinators, IReadOnlyList<int> CoordinatingCountries);

public sealed record CoordinatorFacts(int PersonId, string Name, InstitutionKind? RepresentsKind, int? RepresentsCountryId, bool RepresentsEclac);

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
        var ministry = g.Coordinators.Where(c => c.RepresentsKind == InstitutionKind.Ministry && c.RepresentsCountryId is not null).Select(c => c.Name).ToList();
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

/// <summary>Checks the documents' rules on groups, for a group's page and for the secretariat's governance overview.</summary>
public sealed class GovernanceRules(RumboDbContext db)
{
    public const string SocialPlanOfWork = "LC/MDS.4/3, A.2";
    public const string PlanningAgenda = "LC/CRP.20/6, C";

    public static readonly IReadOnlyList<IGroupRule> All =
        [new TwoCoordinatorsRule(), new MinistryCoordinatorRule(), new EclacCoordinatorRule(), new CoordinatingCountryRule()];

    /// <summary>The kinds LC-MDS.4-3 calls working groups, which its coordination rule covers.</summary>
    public static bool IsWorkingGroup(GroupKind kind) =>
        kind is GroupKind.ThematicWorkingGroup or GroupKind.SubWorkingGroup or GroupKind.SubregionalGroup;

    internal static RuleCheck NotApplicable(string code) => new(code, "", RuleOutcome.NotApplicable, "Does not apply to this kind of group.", []);

    public static IReadOnlyList<RuleCheck> Check(GroupFacts group) => All.Select(r => r.Check(group)).ToList();

    /// <summary>The facts of the given groups (all when null), for checking many groups with two queries.</summary>
    public async Task<IReadOnlyList<GroupFacts>> FactsAsync(IReadOnlyCollection<int>? groupIds = null, CancellationToken ct = default)
    {
        var groups = db.Groups.AsNoTracking();
        if (groupIds is not null) groups = groups.Where(g => groupIds.Contains(g.Id));
        var list = await groups
            .Select(g => new
            {
                g.Id, g.AgendaId, g.Kind, g.Status,
                Coordinators = g.Members.Where(m => m.Role == GroupRole.Coordinator).Select(m => new
                {
                    m.PersonId,
                    m.Person!.GivenName,
                    m.Person.FamilyName,
                    Kind = (InstitutionKind?)(m.RepresentsInstitution != null ? m.RepresentsInstitution.Kind : m.Person.Institution != null ? m.Person.Institution.Kind : null),
                    CountryId = m.RepresentsInstitution != null ? m.RepresentsInstitution.CountryId : m.Person.Institution != null ? m.Person.Institution.CountryId : null,
                }).ToList(),
                Countries = g.Countries.Where(c => c.Role == GroupCountryRole.Coordinating).Select(c => c.CountryId).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return list.Select(g => new GroupFacts(g.Id, g.AgendaId, g.Kind, g.Status,
            g.Coordinators.Select(c => new CoordinatorFacts(c.PersonId, $"{c.GivenName} {c.FamilyName}".Trim(), c.Kind, c.CountryId, c.Kind == InstitutionKind.Eclac)).ToList(),
            g.Countries)).ToList();
    }
}
