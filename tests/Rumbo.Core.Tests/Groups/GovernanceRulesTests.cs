using Rumbo.Core.Groups;
using Rumbo.Core.People;

namespace Rumbo.Core.Tests.Groups;

/// <summary>Each rule on hand-built facts: met, broken and not applicable.</summary>
public sealed class GovernanceRulesTests
{
    private static readonly CoordinatorFacts ChileMinistry = new(1, "Example Coordinator (Chile)", InstitutionKind.Ministry, "CL", false);
    private static readonly CoordinatorFacts Eclac = new(2, "Example Coordinator (ECLAC)", InstitutionKind.Eclac, null, true);
    private static readonly CoordinatorFacts Academic = new(3, "Example Academic", InstitutionKind.Academia, "CL", false);
    // A ministry with no country cannot stand for a country's ministry.
    private static readonly CoordinatorFacts StatelessMinistry = new(4, "Example Official", InstitutionKind.Ministry, null, false);

    private static GroupFacts Facts(GroupKind kind, CoordinatorFacts[]? coordinators = null, string[]? coordinatingCountries = null) =>
        new(1, 1, kind, GroupStatus.Active, coordinators ?? [], coordinatingCountries ?? []);

    private static readonly GroupKind[] WorkingGroups = [GroupKind.ThematicWorkingGroup, GroupKind.SubWorkingGroup, GroupKind.SubregionalGroup];

    private static readonly GroupKind[] OtherKinds =
    [
        GroupKind.CouncilOrConference, GroupKind.PresidingOfficers, GroupKind.AdHocWorkingGroup, GroupKind.CivilSocietyDiscussionGroup,
        GroupKind.InterAgencySupportGroup, GroupKind.TechnicalSecretariat,
    ];

    [Fact]
    public void Every_kind_is_either_a_working_group_or_not()
    {
        Assert.Equal(Enum.GetValues<GroupKind>().Order(), WorkingGroups.Concat(OtherKinds).Order());
        Assert.All(WorkingGroups, k => Assert.True(GovernanceRules.IsWorkingGroup(k)));
        Assert.All(OtherKinds, k => Assert.False(GovernanceRules.IsWorkingGroup(k)));
    }

    [Fact]
    public void Two_coordinators()
    {
        var rule = new TwoCoordinatorsRule();
        foreach (var kind in WorkingGroups)
        {
            var met = rule.Check(Facts(kind, [ChileMinistry, Eclac]));
            Assert.Equal((RuleOutcome.Met, GovernanceRules.SocialPlanOfWork), (met.Outcome, met.Source));
            Assert.Equal([ChileMinistry.Name, Eclac.Name], met.Details);
            Assert.Equal(RuleOutcome.Met, rule.Check(Facts(kind, [ChileMinistry, Eclac, Academic])).Outcome);
            Assert.Equal(RuleOutcome.Broken, rule.Check(Facts(kind, [Eclac])).Outcome);
            Assert.Equal(RuleOutcome.Broken, rule.Check(Facts(kind)).Outcome);
        }
        Assert.All(OtherKinds, k => Assert.Equal(RuleOutcome.NotApplicable, rule.Check(Facts(k)).Outcome));
    }

    [Fact]
    public void A_coordinator_from_a_country_s_ministry()
    {
        var rule = new MinistryCoordinatorRule();
        foreach (var kind in WorkingGroups)
        {
            var met = rule.Check(Facts(kind, [Eclac, ChileMinistry]));
            Assert.Equal(RuleOutcome.Met, met.Outcome);
            Assert.Equal([ChileMinistry.Name], met.Details);
            Assert.Equal(RuleOutcome.Broken, rule.Check(Facts(kind, [Eclac, Academic])).Outcome);
            Assert.Equal(RuleOutcome.Broken, rule.Check(Facts(kind, [StatelessMinistry, Eclac])).Outcome);
            Assert.Equal(RuleOutcome.Broken, rule.Check(Facts(kind)).Outcome);
        }
        Assert.All(OtherKinds, k => Assert.Equal(RuleOutcome.NotApplicable, rule.Check(Facts(k, [Eclac])).Outcome));
    }

    [Fact]
    public void A_coordinator_from_ECLAC()
    {
        var rule = new EclacCoordinatorRule();
        foreach (var kind in WorkingGroups)
        {
            var met = rule.Check(Facts(kind, [ChileMinistry, Eclac]));
            Assert.Equal(RuleOutcome.Met, met.Outcome);
            Assert.Equal([Eclac.Name], met.Details);
            Assert.Equal(RuleOutcome.Broken, rule.Check(Facts(kind, [ChileMinistry, Academic])).Outcome);
            Assert.Equal(RuleOutcome.Broken, rule.Check(Facts(kind)).Outcome);
        }
        Assert.All(OtherKinds, k => Assert.Equal(RuleOutcome.NotApplicable, rule.Check(Facts(k, [ChileMinistry])).Outcome));
    }

    [Fact]
    public void Ad_hoc_groups_are_led_by_a_coordinating_country()
    {
        var rule = new CoordinatingCountryRule();
        var met = rule.Check(Facts(GroupKind.AdHocWorkingGroup, coordinatingCountries: ["CL"]));
        Assert.Equal((RuleOutcome.Met, GovernanceRules.PlanningAgenda), (met.Outcome, met.Source));
        Assert.Equal(RuleOutcome.Met, rule.Check(Facts(GroupKind.AdHocWorkingGroup, coordinatingCountries: ["CL", "UY"])).Outcome);
        // Coordinators who are people do not stand in for a coordinating country.
        Assert.Equal(RuleOutcome.Broken, rule.Check(Facts(GroupKind.AdHocWorkingGroup, [ChileMinistry, Eclac])).Outcome);
        Assert.Equal(RuleOutcome.Broken, rule.Check(Facts(GroupKind.AdHocWorkingGroup)).Outcome);
        Assert.All(Enum.GetValues<GroupKind>().Where(k => k != GroupKind.AdHocWorkingGroup),
            k => Assert.Equal(RuleOutcome.NotApplicable, rule.Check(Facts(k)).Outcome));
    }

    [Fact]
    public void Check_runs_every_rule_once_in_order()
    {
        var checks = GovernanceRules.Check(Facts(GroupKind.ThematicWorkingGroup, [ChileMinistry, Eclac]));
        Assert.Equal(GovernanceRules.All.Select(r => r.Code), checks.Select(c => c.Code));
        // Facts with no meetings read: the three-meetings rule counts none, so it is broken.
        Assert.Equal([RuleOutcome.Met, RuleOutcome.Met, RuleOutcome.Met, RuleOutcome.NotApplicable, RuleOutcome.Broken], checks.Select(c => c.Outcome));
        Assert.All(checks.Where(c => c.Outcome == RuleOutcome.NotApplicable), c => Assert.Equal("", c.Source));
        Assert.Equal(GovernanceRules.All.Count, GovernanceRules.All.Select(r => r.Code).Distinct().Count());
    }
}
