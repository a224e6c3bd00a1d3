using Rumbo.Core.Capacities;
using Rumbo.Core.RoadMaps;

namespace Rumbo.Core.Tests.RoadMaps;

/// <summary>The roll-ups and the workflow as pure functions, against cases computed by hand: no database.</summary>
public sealed class RoadMapProgressTests
{
    private static RoadMapProgress.ActionFacts A(int area, CapacityDimension d, int done, int total, int? manual = null, CapacityActionStatus s = CapacityActionStatus.InProgress) =>
        new(area, d, s, manual, done, total);

    [Fact]
    public void An_action_s_progress_is_its_share_of_milestones_done_or_its_manual_percent_without_milestones()
    {
        Assert.Equal(100.0 / 3, RoadMapProgress.Of(1, 3, 90), 9);
        Assert.Equal(50, RoadMapProgress.Of(2, 4, null));
        Assert.Equal(90, RoadMapProgress.Of(0, 0, 90));
        Assert.Equal(0, RoadMapProgress.Of(0, 0, null));
        Assert.Equal(0, RoadMapProgress.Of(0, 5, 100));
    }

    [Fact]
    public void The_road_map_s_progress_is_the_mean_of_its_actions_cancelled_ones_left_out()
    {
        // By hand: 1 of 3 milestones (33.33...), 2 of 4 (50), no milestone at 90 %, no milestone and no percent (0),
        // and a cancelled action at 100 % that does not count: (33.333 + 50 + 90 + 0) / 4 = 43.333...
        var actions = new[]
        {
            A(1, CapacityDimension.Technical, 1, 3),
            A(1, CapacityDimension.Technical, 2, 4),
            A(2, CapacityDimension.Political, 0, 0, 90),
            A(2, CapacityDimension.Operational, 0, 0),
            A(3, CapacityDimension.Prospective, 0, 0, 100, CapacityActionStatus.Cancelled),
        };
        Assert.Equal((100.0 / 3 + 50 + 90 + 0) / 4, RoadMapProgress.Mean(actions)!.Value, 9);
        Assert.Equal(43.333, RoadMapProgress.Mean(actions)!.Value, 3);

        var groups = RoadMapProgress.ByAreaAndDimension(actions);
        Assert.Equal(4, groups.Count);
        // Area 1, technical: (33.333 + 50) / 2 = 41.667.
        Assert.Equal(((1, CapacityDimension.Technical), 2), (groups[0].Key, groups[0].Actions));
        Assert.Equal(41.667, groups[0].Progress!.Value, 3);
        // Area 2: technical before political in the enum's order: operational 0, political 90.
        Assert.Equal((2, CapacityDimension.Operational), groups[1].Key);
        Assert.Equal(0, groups[1].Progress);
        Assert.Equal(90, groups[2].Progress);
        // Only a cancelled action: nothing to show, not zero.
        Assert.Equal((3, CapacityDimension.Prospective), groups[3].Key);
        Assert.Null(groups[3].Progress);
        Assert.Null(RoadMapProgress.Mean([]));
    }

    [Fact]
    public void Overdue_is_past_the_due_date_and_not_done_nor_cancelled()
    {
        var today = new DateOnly(2026, 12, 7);
        Assert.True(RoadMapProgress.IsOverdue(CapacityActionStatus.InProgress, new DateOnly(2026, 12, 6), today));
        Assert.True(RoadMapProgress.IsOverdue(CapacityActionStatus.Planned, new DateOnly(2026, 1, 1), today));
        Assert.False(RoadMapProgress.IsOverdue(CapacityActionStatus.InProgress, today, today));
        Assert.False(RoadMapProgress.IsOverdue(CapacityActionStatus.Done, new DateOnly(2026, 1, 1), today));
        Assert.False(RoadMapProgress.IsOverdue(CapacityActionStatus.Cancelled, new DateOnly(2026, 1, 1), today));
        Assert.False(RoadMapProgress.IsOverdue(CapacityActionStatus.Planned, null, today));
        Assert.True(RoadMapProgress.IsOverdue(new DateOnly(2026, 12, 1), null, today));
        Assert.False(RoadMapProgress.IsOverdue(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2), today));
    }

    [Fact]
    public void The_workflow_agreed_by_the_secretariat_then_implemented_and_completed_with_who_and_when()
    {
        var at = new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
        var map = new RoadMap();
        // Nothing to agree without an action; a country cannot agree; nor skip a step.
        Assert.Equal("A road map needs at least one action to be agreed.", map.Move(RoadMapStatus.Agreed, true, 1, at));
        map.Actions.Add(new CapacityAction { Status = CapacityActionStatus.Planned });
        Assert.Equal("Only the secretariat makes this change.", map.Move(RoadMapStatus.Agreed, false, 2, at));
        Assert.Equal("A road map cannot go from this status to that one.", map.Move(RoadMapStatus.Completed, true, 1, at));
        Assert.Equal("Choose a status.", map.Move((RoadMapStatus)42, true, 1, at));
        Assert.Equal(RoadMapStatus.Draft, map.Status);
        Assert.Empty(map.Transitions);

        Assert.Null(map.Move(RoadMapStatus.Agreed, true, 1, at));
        // The country may take it back to draft to change it, or start it.
        Assert.Null(map.Move(RoadMapStatus.Draft, false, 2, at.AddDays(1)));
        Assert.Null(map.Move(RoadMapStatus.Agreed, true, 1, at.AddDays(2)));
        Assert.Null(map.Move(RoadMapStatus.InImplementation, false, 2, at.AddDays(3)));
        Assert.Null(map.Move(RoadMapStatus.Completed, false, 2, at.AddDays(4)));
        // Reopening a completed road map is the secretariat's.
        Assert.Equal("Only the secretariat makes this change.", map.Move(RoadMapStatus.InImplementation, false, 2, at));
        Assert.Equal(5, map.Transitions.Count);
        Assert.Equal((RoadMapStatus.InImplementation, RoadMapStatus.Completed, (int?)2, at.AddDays(4)),
            (map.Transitions[^1].From, map.Transitions[^1].To, map.Transitions[^1].ByPersonId, map.Transitions[^1].AtUtc));
        Assert.Equal(RoadMapStatus.Completed, map.Status);
    }

    [Fact]
    public void The_action_check_refuses_by_field_and_reads_the_rest()
    {
        var context = new RoadMapContext([new(10, "1", new("Area", null, null, null, null, null))], [new(100, "1.1.1", false), new(101, "1.1.2", true)]);
        Rumbo.Core.Agendas.LocalizedText T(string s) => new() { Source = s };
        var (bad, problems) = RoadMapCheck.Check(new ActionEntry(T(""), T(""), "9", "Sideways", "101", null, "-1", null, null, "2026-02-30", "2026-01-01", "Nope", "x",
            "1.1.2, 9.9.9"), context, []);
        Assert.Null(bad);
        Assert.Equal(["Area", "BaselineScore", "Dimension", "Lines", "ManualPercent", "StartOn", "Status", "TargetScore", "Title.Source"],
            problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        // A retired line may stay linked, not be newly linked.
        var (_, retired) = RoadMapCheck.Check(new ActionEntry(T("x"), T(""), "1", "Technical", null, null, null, null, null, null, null, "Planned", null, "1.1.2"), context, []);
        Assert.Equal("Lines", Assert.Single(retired).Field);
        var (ok, none) = RoadMapCheck.Check(new ActionEntry(T("Train"), T(""), "1", "technical", "30", " 2024 ", "70", "  Ministry  of X ", null, "2026-01-01",
            "2026-06-30", "In progress", "15%", "1.1.1, 1.1.2"), context, [101]);
        Assert.Empty(none);
        Assert.Equal((10, CapacityDimension.Technical, (int?)30, "2024", (int?)70, "Ministry of X", CapacityActionStatus.InProgress, (int?)15),
            (ok!.AreaId, ok.Dimension, ok.BaselineScore, ok.BaselineRound, ok.TargetScore, ok.ResponsibleInstitution, ok.Status, ok.ManualPercent));
        Assert.Equal([100, 101], ok.LineIds.Order());
        var (_, due) = RoadMapCheck.Check(new ActionEntry(T("x"), T(""), "1", "Technical", null, null, null, null, null, "2026-06-01", "2026-01-01", "Planned", null, null), context, []);
        Assert.Equal("DueOn", Assert.Single(due).Field);
    }

    [Fact]
    public void The_activity_check_reads_participants_by_line_and_wants_a_host_and_visitors_for_an_exchange()
    {
        var countries = new Dictionary<string, int> { ["CL"] = 1, ["CR"] = 2 };
        Rumbo.Core.Agendas.LocalizedText T(string s) => new() { Source = s };
        var (exchange, problems) = RoadMapCheck.Check(new ActivityEntry("PeerExchange", "es", T("Seguimiento"), T(""), "2025-08-18", "2025-08-20", "InPerson", null, "CR",
            "CR; MIDEPLAN; 5\nCL; 3", "7", true), countries, new HashSet<int> { 7 });
        Assert.Empty(problems);
        Assert.Equal(2, exchange!.HostCountryId);
        Assert.Equal([(2, "MIDEPLAN", 5), (1, (string?)null, 3)], exchange.Participants);
        Assert.Equal([7], exchange.ActionIds);
        var (_, bad) = RoadMapCheck.Check(new ActivityEntry("PeerExchange", "xx", T(""), T(""), "2025-08-20", "2025-08-18", "Boat", null, null,
            "ZZ; 3\nCL; Ministry; lots\nCL; 2", "8", false), countries, new HashSet<int> { 7 });
        Assert.Equal(["Actions", "EndOn", "HostCountry", "Language", "Mode", "Participants", "Topic.Source"], bad.Select(p => p.Field).Order(StringComparer.Ordinal));
        var participants = bad.Single(p => p.Field == "Participants").Message;
        Assert.Equal(("Lines {0} are not \"country code; institution; number of people\".", "1, 2"), (participants.Key, participants.Arguments[0]));
        var (_, lonely) = RoadMapCheck.Check(new ActivityEntry("PeerExchange", "es", T("x"), T(""), "2025-08-18", null, "Online", null, "CR", "CR; 4", null, false),
            countries, new HashSet<int>());
        Assert.Equal("Participants", Assert.Single(lonely).Field);
    }
}
