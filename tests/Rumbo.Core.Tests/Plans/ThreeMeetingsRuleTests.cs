using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.Core.Seed;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.Plans;

/// <summary>A clock fixed at one instant, so that "this year" is the test's choice.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>LC/MDS.4/3, A.3 (a), on hand-built facts.</summary>
public sealed class ThreeMeetingsRuleFactsTests
{
    private static readonly ThreeMeetingsRule Rule = new();

    private static GroupFacts Facts(GroupKind kind, int meetings, GroupStatus status = GroupStatus.Active) =>
        new(1, 1, kind, status, [], [], new MeetingYear(2026, Enumerable.Range(1, meetings).Select(i => new DateOnly(2026, i, 10)).ToList()));

    [Theory]
    [InlineData(0, "No meeting this year: 3 still missing.")]
    [InlineData(1, "1 meeting this year: 2 still missing.")]
    [InlineData(2, "2 meetings this year: 1 still missing.")]
    public void Fewer_than_three_meetings_break_it_saying_how_many_are_missing(int meetings, string message)
    {
        foreach (var kind in new[] { GroupKind.ThematicWorkingGroup, GroupKind.SubWorkingGroup, GroupKind.SubregionalGroup })
        {
            var check = Rule.Check(Facts(kind, meetings));
            Assert.Equal(RuleOutcome.Broken, check.Outcome);
            Assert.Equal(message, check.Message);
            Assert.Equal("LC/MDS.4/3, A.3 (a)", check.Source);
            Assert.Equal(meetings, check.Details.Count);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    public void Three_or_more_meet_it_and_list_the_days(int meetings)
    {
        var check = Rule.Check(Facts(GroupKind.ThematicWorkingGroup, meetings));
        Assert.Equal(RuleOutcome.Met, check.Outcome);
        Assert.Equal("At least three meetings this year.", check.Message);
        Assert.Equal(Enumerable.Range(1, meetings).Select(i => $"2026-{i:00}-10"), check.Details);
    }

    [Fact]
    public void It_is_about_working_groups_at_work()
    {
        foreach (var kind in new[] { GroupKind.CouncilOrConference, GroupKind.PresidingOfficers, GroupKind.AdHocWorkingGroup, GroupKind.TechnicalSecretariat, GroupKind.CivilSocietyDiscussionGroup, GroupKind.InterAgencySupportGroup })
        {
            Assert.Equal(RuleOutcome.NotApplicable, Rule.Check(Facts(kind, 0)).Outcome);
        }
        Assert.Equal(RuleOutcome.NotApplicable, Rule.Check(Facts(GroupKind.ThematicWorkingGroup, 0, GroupStatus.Proposed)).Outcome);
        Assert.Equal(RuleOutcome.NotApplicable, Rule.Check(Facts(GroupKind.ThematicWorkingGroup, 0, GroupStatus.Concluded)).Outcome);
    }

    [Fact]
    public void It_is_a_rule_of_the_list_with_its_own_code()
    {
        Assert.Single(GovernanceRules.All, r => r.Code == "meetings.three");
        Assert.IsType<ThreeMeetingsRule>(GovernanceRules.All[^1]);
    }
}

/// <summary>Meetings counted from the database on a fixed clock, on both providers.</summary>
public abstract class ThreeMeetingsRuleTests(DatabaseProvider provider) : IAsyncLifetime
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

    private static readonly FixedClock June2026 = new(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));

    private async Task<RuleCheck> CheckAsync(string slug, TimeProvider clock)
    {
        await using var db = database.CreateContext();
        var id = await db.Groups.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync();
        var facts = Assert.Single(await new GovernanceRules(db, clock).FactsAsync([id]));
        return GovernanceRules.Check(facts).Single(c => c.Code == "meetings.three");
    }

    private async Task AddAsync(string slug, params (DateTime Utc, MeetingStatus Status, string Zone)[] meetings)
    {
        await using var db = database.CreateContext();
        var id = await db.Groups.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync();
        foreach (var (utc, status, zone) in meetings) db.Meetings.Add(PlanScenario.Meeting(id, utc, "Meeting", status, zone));
        await db.SaveChangesAsync();
    }

    private static (DateTime, MeetingStatus, string) On(int year, int month, int day, MeetingStatus status = MeetingStatus.Scheduled) =>
        (new DateTime(year, month, day, 14, 0, 0, DateTimeKind.Utc), status, "America/Santiago");

    [Fact]
    public async Task Counts_this_year_s_meetings_held_or_scheduled_and_not_cancelled()
    {
        var s = await GroupScenario.CreateAsync(database);
        var zero = await CheckAsync(s.Complete, June2026);
        Assert.Equal((RuleOutcome.Broken, "No meeting this year: 3 still missing."), (zero.Outcome, zero.Message));

        // Last year's and next year's do not count; neither do cancelled ones.
        await AddAsync(s.Complete, On(2025, 11, 20), On(2027, 1, 12), On(2026, 3, 3, MeetingStatus.Cancelled), On(2026, 2, 10), On(2026, 9, 8));
        var two = await CheckAsync(s.Complete, June2026);
        Assert.Equal((RuleOutcome.Broken, "2 meetings this year: 1 still missing."), (two.Outcome, two.Message));
        // One held (February) and one still to come (September): both count.
        Assert.Equal(["2026-02-10", "2026-09-08"], two.Details);

        await AddAsync(s.Complete, On(2026, 11, 24));
        var three = await CheckAsync(s.Complete, June2026);
        Assert.Equal((RuleOutcome.Met, "At least three meetings this year."), (three.Outcome, three.Message));
        Assert.Equal(3, three.Details.Count);

        // The same meetings, read on a clock in 2025: only November 2025's is that year's.
        var lastYear = await CheckAsync(s.Complete, new FixedClock(new DateTimeOffset(2025, 12, 31, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal((RuleOutcome.Broken, "1 meeting this year: 2 still missing."), (lastYear.Outcome, lastYear.Message));

        // Another group's meetings are its own.
        Assert.Equal(RuleOutcome.Broken, (await CheckAsync(s.Lone, June2026)).Outcome);
    }

    [Fact]
    public async Task A_meeting_belongs_to_the_year_of_its_own_local_day()
    {
        var s = await GroupScenario.CreateAsync(database);
        // 31 December 2025 at 22:00 in Santiago is 1 January 2026 in UTC: a meeting of 2025.
        await AddAsync(s.Lone, (new DateTime(2026, 1, 1, 1, 0, 0, DateTimeKind.Utc), MeetingStatus.Scheduled, "America/Santiago"));
        Assert.Empty((await CheckAsync(s.Lone, June2026)).Details);
        Assert.Equal(["2025-12-31"], (await CheckAsync(s.Lone, new FixedClock(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero)))).Details);
    }

    [Fact]
    public async Task The_South_South_subgroup_met_once_in_2020_by_the_demo_data()
    {
        var check = await CheckAsync("south-south-cooperation", new FixedClock(new DateTimeOffset(2020, 12, 31, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal((RuleOutcome.Broken, "1 meeting this year: 2 still missing."), (check.Outcome, check.Message));
        Assert.Equal(["2020-10-21"], check.Details);
    }

    [Fact]
    public async Task The_injected_clock_is_the_one_the_rules_use()
    {
        var s = await GroupScenario.CreateAsync(database);
        await AddAsync(s.Complete, On(2024, 2, 1), On(2024, 3, 1), On(2024, 4, 1));
        var provided = new ServiceCollection().AddRumboCore(provider, database.ConnectionString)
            .AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero)))
            .BuildServiceProvider();
        await using (provided)
        {
            using var scope = provided.CreateScope();
            var reader = scope.ServiceProvider.GetRequiredService<GroupReader>();
            var group = await reader.GetAsync(s.Complete);
            Assert.Equal(RuleOutcome.Met, group!.Checks.Single(c => c.Code == "meetings.three").Outcome);
        }
    }
}

public sealed class SqliteThreeMeetingsRuleTests() : ThreeMeetingsRuleTests(DatabaseProvider.Sqlite);

public sealed class PostgresThreeMeetingsRuleTests() : ThreeMeetingsRuleTests(DatabaseProvider.Postgres);
