using Rumbo.Core.Capacities;
namespace Rumbo.Core.RoadMaps;

/// <summary>
/// How far a road map has gone, computed on read and never stored: an action's progress is the share of its milestones done,
/// or the percent the country gave when it has none; a road map's (and an area's or a dimension's) is the mean of its
/// actions', cancelled actions left out, as they will not be done.
/// </summary>
public static class RoadMapProgress
{
    public sealed record ActionFacts(int AreaId, CapacityDimension Dimension, CapacityActionStatus Status, int? ManualPercent, int MilestonesDone, int Milestones);

    /// <summary>0 to 100; an action with neither milestones nor a percent has not begun.</summary>
    public static double Of(int milestonesDone, int milestones, int? manualPercent) =>
        milestones > 0 ? 100.0 * milestonesDone / milestones : Math.Clamp(manualPercent ?? 0, 0, 100);

    public static double Of(ActionFacts a) => Of(a.MilestonesDone, a.Milestones, a.ManualPercent);

    /// <summary>The mean of the actions that count; null when none does.</summary>
    public static double? Mean(IEnumerable<ActionFacts> actions)
    {
        var counted = actions.Where(a => a.Status != CapacityActionStatus.Cancelled).Select(Of).ToList();
        return counted.Count == 0 ? null : counted.Average();
    }

    /// <summary>The mean per area and dimension met in the actions, in area then dimension order.</summary>
    public static IReadOnlyList<((int AreaId, CapacityDimension Dimension) Key, double? Progress, int Actions)> ByAreaAndDimension(IEnumerable<ActionFacts> actions) =>
        actions.GroupBy(a => (a.AreaId, a.Dimension)).OrderBy(g => g.Key.AreaId).ThenBy(g => g.Key.Dimension)
            .Select(g => (g.Key, Mean(g), g.Count())).ToList();

    /// <summary>An action not done nor cancelled after its due date.</summary>
    public static bool IsOverdue(CapacityActionStatus status, DateOnly? dueOn, DateOnly today) =>
        status is CapacityActionStatus.Planned or CapacityActionStatus.InProgress && dueOn is DateOnly due && due < today;

    public static bool IsOverdue(DateOnly dueOn, DateOnly? doneOn, DateOnly today) => doneOn is null && dueOn < today;
}
