using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
using Rumbo.Core.Seed;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.Groups;

/// <summary>The demo groups of the two documents, seeded as at start-up, on both providers.</summary>
public abstract class DemoGroupsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        services = new ServiceCollection().AddRumboCore(provider, database.ConnectionString).BuildServiceProvider();
        await DemoData.InitializeAsync(services, new RumboOptions());
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task<Group> Load(RumboDbContext db, string slug) => await db.Groups.AsNoTracking()
        .Include(g => g.Agenda)
        .Include(g => g.Area)
        .Include(g => g.Parent)
        .Include(g => g.Countries).ThenInclude(c => c.Country)
        .Include(g => g.Members).ThenInclude(m => m.Person)
        .Include(g => g.Members).ThenInclude(m => m.RepresentsInstitution).ThenInclude(i => i!.Country)
        .AsSplitQuery()
        .SingleAsync(g => g.Slug == slug);

    private async Task<IReadOnlyList<RuleCheck>> Checks(RumboDbContext db, string slug)
    {
        var id = await db.Groups.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync();
        return GovernanceRules.Check(Assert.Single(await new GovernanceRules(db).FactsAsync([id])));
    }

    private static RuleOutcome Outcome(IReadOnlyList<RuleCheck> checks, string code) => checks.Single(c => c.Code == code).Outcome;

    /// <summary>Table 1 of LC/MDS.4/3, written out here on its own so that the seeding is checked against the document, not against itself.</summary>
    private static readonly (string Group, string? Axis, string[] Subgroups, string[] Countries)[] Table1 =
    [
        ("The social crisis caused by the COVID-19 pandemic and the response of the ministries of social development", null,
            ["Challenges in implementing social protection measures", "Post-pandemic economic reactivation and social and labour inclusion"],
            ["EC", "UY"]),
        ("Social protection systems: progress and challenges", "1",
            ["The challenges of universalization", "Social protection and care policies", "Challenges of integration of contributory and non-contributory dimensions"],
            ["CR", "EC", "MX", "PY"]),
        ("Policies to promote social and labour inclusion", "2",
            ["Social and solidarity economy", "Vulnerable groups"],
            ["MX", "UY"]),
        ("A strengthened social institutional framework", "3",
            ["Territorialization of the Regional Agenda for Inclusive Social Development at the local level"],
            ["MX", "PY"]),
        ("Regional cooperation and integration", "4",
            ["South-South cooperation"],
            ["AR", "CL", "UY"]),
        ("Leaving no one behind in the Caribbean", null, [], []),
    ];

    [Fact]
    public async Task Table_1_is_imported_as_the_document_gives_it()
    {
        await using var db = database.CreateContext();
        var social = await db.Agendas.SingleAsync(a => a.Slug == "lc-cds-3-5");
        var groups = await db.Groups.AsNoTracking().Where(g => g.AgendaId == social.Id)
            .Include(g => g.Area).Include(g => g.Countries).ThenInclude(c => c.Country).AsSplitQuery().ToListAsync();
        var thematic = groups.Where(g => g.Kind == GroupKind.ThematicWorkingGroup).ToList();
        Assert.Equal(Table1.Select(t => t.Group).Order(), thematic.Select(g => g.Name.Source).Order());
        var conference = groups.Single(g => g.Kind == GroupKind.CouncilOrConference);

        foreach (var row in Table1)
        {
            var group = thematic.Single(g => g.Name.Source == row.Group);
            Assert.Equal(conference.Id, group.ParentId);
            Assert.Equal(row.Axis, group.Area?.Code);
            Assert.Equal(row.Countries, group.Countries.Select(c => c.Country!.Code).Order());
            var subgroups = groups.Where(g => g.ParentId == group.Id).ToList();
            Assert.All(subgroups, s => Assert.Equal(GroupKind.SubWorkingGroup, s.Kind));
            Assert.Equal(row.Subgroups.Order(), subgroups.Select(s => s.Name.Source).Order());
            // Table 1 gives countries per group; the subgroups work on their group's axis.
            Assert.All(subgroups, s => Assert.Empty(s.Countries));
            Assert.All(subgroups, s => Assert.Equal(group.AreaId, s.AreaId));
        }
        Assert.Equal(Table1.Sum(t => t.Subgroups.Length), groups.Count(g => g.Kind == GroupKind.SubWorkingGroup));

        var civil = Assert.Single(groups, g => g.Kind == GroupKind.CivilSocietyDiscussionGroup);
        Assert.Equal(("Civil society", "civil-society", conference.Id), (civil.Name.Source, civil.Slug, civil.ParentId));
        Assert.Single(groups, g => g.Kind == GroupKind.PresidingOfficers);
        Assert.Single(groups, g => g.Kind == GroupKind.TechnicalSecretariat);
        Assert.Equal("Regional Conference on Social Development in Latin America and the Caribbean", conference.Name.Source);
        Assert.Equal("Conferencia Regional sobre Desarrollo Social de América Latina y el Caribe", conference.Name.Es);
    }

    [Fact]
    public async Task The_planning_agenda_has_its_follow_up_mechanism()
    {
        await using var db = database.CreateContext();
        var planning = await db.Agendas.SingleAsync(a => a.Slug == "lc-crp-20-6");
        var groups = await db.Groups.AsNoTracking().Where(g => g.AgendaId == planning.Id).ToListAsync();
        Assert.Equal(
            [GroupKind.CouncilOrConference, GroupKind.PresidingOfficers, GroupKind.AdHocWorkingGroup, GroupKind.InterAgencySupportGroup, GroupKind.TechnicalSecretariat],
            groups.Select(g => g.Kind).Order());
        var council = groups.Single(g => g.Kind == GroupKind.CouncilOrConference);
        Assert.Equal(("regional-council-for-planning", "Regional Council for Planning"), (council.Slug, council.Name.Source));
        Assert.All(groups.Where(g => g != council), g => Assert.Equal(council.Id, g.ParentId));

        var adHoc = groups.Single(g => g.Kind == GroupKind.AdHocWorkingGroup);
        Assert.Contains("define targets and monitoring indicators", adHoc.Mandate.Source);
        Assert.EndsWith("presented to the Regional Council for Planning at its twenty-first meeting.", adHoc.Mandate.Source);
        Assert.Contains("through ILPES", groups.Single(g => g.Kind == GroupKind.TechnicalSecretariat).Mandate.Source);
    }

    [Fact]
    public async Task Slugs_are_short_lowercase_and_unique()
    {
        await using var db = database.CreateContext();
        var slugs = await db.Groups.Select(g => g.Slug).ToListAsync();
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        Assert.All(slugs, s => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", s));
        Assert.All(slugs, s => Assert.InRange(s.Length, 1, 50));
    }

    [Fact]
    public async Task The_regional_cooperation_group_is_coordinated_as_section_B3_says_and_meets_every_coordination_rule()
    {
        await using var db = database.CreateContext();
        var group = await Load(db, "regional-cooperation-and-integration");
        Assert.Equal(["CL", "UY"], group.Countries.Where(c => c.Role == GroupCountryRole.Coordinating).Select(c => c.Country!.Code).Order());
        Assert.Equal(["AR"], group.Countries.Where(c => c.Role == GroupCountryRole.Participating).Select(c => c.Country!.Code));

        var coordinators = group.Members.Where(m => m.Role == GroupRole.Coordinator).ToList();
        Assert.Equal(3, coordinators.Count);
        Assert.Equal(group.Members.Count, coordinators.Count);
        Assert.Equal(
            [(ReferenceData.ChileMinistry, "CL"), (ReferenceData.UruguayMinistry, "UY"), (ReferenceData.SocialDevelopmentDivision, null)],
            coordinators.Select(c => (c.RepresentsInstitution!.Name.Source, c.RepresentsInstitution.Country?.Code)).OrderBy(x => x.Code ?? "ZZ"));
        Assert.All(coordinators, c => Assert.Equal(c.RepresentsInstitutionId, c.Person!.InstitutionId));

        var checks = await Checks(db, "regional-cooperation-and-integration");
        Assert.All(GovernanceRules.All.Where(r => r.Code.StartsWith("coordinators.", StringComparison.Ordinal)), r => Assert.Equal(RuleOutcome.Met, Outcome(checks, r.Code)));
        Assert.Equal(RuleOutcome.NotApplicable, Outcome(checks, "countries.coordinating"));
        // The documents name no meeting of the group this year (their meetings are of 2020 to 2025, and the one of
        // October 2020 is its subgroup's), so the three-meetings rule is broken, and it is the only one.
        Assert.Equal(["meetings.three"], checks.Where(c => c.Outcome == RuleOutcome.Broken).Select(c => c.Code));
    }

    [Fact]
    public async Task The_ad_hoc_group_is_flagged_for_having_no_coordinating_country()
    {
        await using var db = database.CreateContext();
        var checks = await Checks(db, "targets-and-indicators");
        Assert.Equal(RuleOutcome.Broken, Outcome(checks, "countries.coordinating"));
        Assert.Equal(GovernanceRules.PlanningAgenda, checks.Single(c => c.Code == "countries.coordinating").Source);
        Assert.All(checks.Where(c => c.Code.StartsWith("coordinators.", StringComparison.Ordinal)), c => Assert.Equal(RuleOutcome.NotApplicable, c.Outcome));
    }

    [Fact]
    public async Task A_thematic_group_without_coordinators_is_flagged_by_the_three_coordinator_rules()
    {
        await using var db = database.CreateContext();
        var checks = await Checks(db, "social-protection-systems");
        Assert.Equal(RuleOutcome.Broken, Outcome(checks, "coordinators.two"));
        Assert.Equal(RuleOutcome.Broken, Outcome(checks, "coordinators.ministry"));
        Assert.Equal(RuleOutcome.Broken, Outcome(checks, "coordinators.eclac"));
        Assert.Equal(RuleOutcome.NotApplicable, Outcome(checks, "countries.coordinating"));

        // Across every group: only the working groups without coordinators and the ad hoc group break a rule on
        // coordination. (Every active working group also breaks the three-meetings rule: no demo meeting is of this year.)
        var all = await new GovernanceRules(db).FactsAsync();
        var flagged = all.Where(f => GovernanceRules.Check(f).Any(c => c.Outcome == RuleOutcome.Broken && c.Code != "meetings.three")).Select(f => f.GroupId).ToHashSet();
        Assert.All(all.Where(f => GovernanceRules.IsWorkingGroup(f.Kind) && f.Status == GroupStatus.Active),
            f => Assert.Equal(RuleOutcome.Broken, GovernanceRules.Check(f).Single(c => c.Code == "meetings.three").Outcome));
        var slugs = await db.Groups.Where(g => flagged.Contains(g.Id)).Select(g => g.Slug).ToListAsync();
        Assert.Contains("targets-and-indicators", slugs);
        Assert.DoesNotContain("regional-cooperation-and-integration", slugs);
        Assert.DoesNotContain("regional-council-for-planning", slugs);
        Assert.DoesNotContain("civil-society", slugs);
    }

    [Fact]
    public async Task Example_people_are_plainly_examples_with_private_example_org_addresses()
    {
        await using var db = database.CreateContext();
        var people = await db.People.AsNoTracking().Include(p => p.Institution).ToListAsync();
        Assert.Equal(3, people.Count);
        Assert.All(people, p =>
        {
            Assert.True(p.IsExample);
            Assert.False(p.ContactIsPublic);
            Assert.EndsWith("@example.org", p.Email);
            Assert.Equal("Example", p.GivenName);
            Assert.StartsWith("Coordinator (", p.FamilyName);
            Assert.False(string.IsNullOrWhiteSpace(p.Position));
            Assert.NotNull(p.Institution);
        });
        Assert.Equal(["Example Coordinator (Chile)", "Example Coordinator (ECLAC)", "Example Coordinator (Uruguay)"], people.Select(p => p.FullName).Order());
    }

    [Fact]
    public async Task Groups_are_created_once_and_never_over_existing_ones()
    {
        int groups, audit;
        await using (var db = database.CreateContext())
        {
            groups = await db.Groups.CountAsync();
            audit = await db.AuditEntries.CountAsync();
        }
        await DemoData.InitializeAsync(services, new RumboOptions());
        await using (var scope = services.CreateAsyncScope())
        {
            var again = await DemoData.SeedAsync(scope.ServiceProvider);
            Assert.Equal(0, again.GroupsCreated);
            Assert.False(again.ReferenceData.Changed);
            Assert.All(again.Agendas, a => Assert.Equal(Rumbo.Core.Agendas.ImportOutcome.Unchanged, a.Outcome));
        }
        await using (var db = database.CreateContext())
        {
            Assert.Equal(groups, await db.Groups.CountAsync());
            Assert.Equal(audit, await db.AuditEntries.CountAsync());
        }
    }

    [Fact]
    public async Task Demo_groups_reuse_the_example_people_when_created_again()
    {
        await using (var db = database.CreateContext())
        {
            // The demo meetings and plans hold on to their groups; they go first.
            await db.WorkPlans.ExecuteDeleteAsync();
            await db.Agreements.ExecuteDeleteAsync();
            await db.Meetings.ExecuteDeleteAsync();
            await db.GroupMembers.ExecuteDeleteAsync();
            await db.GroupCountries.ExecuteDeleteAsync();
            // Leaves first: the parent link does not cascade.
            while (await db.Groups.AnyAsync())
            {
                await db.Groups.Where(g => !db.Groups.Any(c => c.ParentId == g.Id)).ExecuteDeleteAsync();
            }
        }
        await using (var db = database.CreateContext())
        {
            Assert.True(await DemoGroups.SeedAsync(db) > 0);
        }
        await using (var db = database.CreateContext())
        {
            Assert.Equal(3, await db.People.CountAsync());
            Assert.Equal(3, await db.GroupMembers.CountAsync());
        }
    }
}

public sealed class SqliteDemoGroupsTests() : DemoGroupsTests(DatabaseProvider.Sqlite);

public sealed class PostgresDemoGroupsTests() : DemoGroupsTests(DatabaseProvider.Postgres);

/// <summary>Start-up with demo data off still ships the reference data, and nothing else.</summary>
public abstract class ReferenceDataWithoutDemoTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Reference_data_is_ensured_without_demo_data()
    {
        await using var services = new ServiceCollection().AddRumboCore(provider, database.ConnectionString).BuildServiceProvider();
        await DemoData.InitializeAsync(services, new RumboOptions { SeedDemoData = false });
        await using var db = database.CreateContext();
        Assert.Equal(46, await db.Countries.CountAsync());
        Assert.Equal(ReferenceData.Institutions.Count, await db.Institutions.CountAsync());
        Assert.False(await db.Agendas.AnyAsync());
        Assert.False(await db.Groups.AnyAsync());
        Assert.False(await db.People.AnyAsync());
    }

    [Fact]
    public async Task Nothing_is_written_before_the_schema_is_migrated()
    {
        await using var services = new ServiceCollection().AddRumboCore(provider, database.ConnectionString).BuildServiceProvider();
        await DemoData.InitializeAsync(services, new RumboOptions { MigrateOnStartup = false });
        await using var db = database.CreateContext();
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
    }
}

public sealed class SqliteReferenceDataWithoutDemoTests() : ReferenceDataWithoutDemoTests(DatabaseProvider.Sqlite);

public sealed class PostgresReferenceDataWithoutDemoTests() : ReferenceDataWithoutDemoTests(DatabaseProvider.Postgres);
