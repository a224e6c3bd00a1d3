using Rumbo.Core.Agendas;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.Core.People;

namespace Rumbo.Core.Plans;

public enum PlanStatus
{
    Draft,
    Adopted,
}

/// <summary>A group's plan of work for a period, usually a biennium (table 2 and table 3 of LC-MDS.4-3).</summary>
public sealed class WorkPlan
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public Group? Group { get; set; }
    public LocalizedText Title { get; set; } = new();
    /// <summary>Markdown.</summary>
    public LocalizedText Description { get; set; } = new();
    /// <summary>First month of the period (day 1).</summary>
    public DateOnly PeriodStart { get; set; }
    /// <summary>Last month of the period (day 1).</summary>
    public DateOnly PeriodEnd { get; set; }
    public PlanStatus Status { get; set; }
    public DateOnly? AdoptedOn { get; set; }
    /// <summary>The meeting that adopted it, when it is in Rumbo.</summary>
    public int? AdoptedAtMeetingId { get; set; }
    public Meeting? AdoptedAtMeeting { get; set; }
    /// <summary>Where and by whom it was adopted, when the meeting is not in Rumbo.</summary>
    public string? AdoptionNote { get; set; }
    public int Version { get; set; }
    public List<PlanActivity> Activities { get; set; } = [];
}

public enum ActivityStatus
{
    Planned,
    InProgress,
    Completed,
    Postponed,
    Cancelled,
}

public sealed class PlanActivity
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Position { get; set; }
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    /// <summary>First month (day 1), or null for an activity with no dates yet.</summary>
    public DateOnly? StartMonth { get; set; }
    /// <summary>Last month (day 1).</summary>
    public DateOnly? EndMonth { get; set; }
    /// <summary>The group in charge when it is not the plan's (a subgroup).</summary>
    public int? ResponsibleGroupId { get; set; }
    public Group? ResponsibleGroup { get; set; }
    public ActivityStatus Status { get; set; }
    public List<PlanActivityCountry> Countries { get; set; } = [];
    public List<PlanActivityLine> Lines { get; set; } = [];
}

public sealed class PlanActivityCountry
{
    public int ActivityId { get; set; }
    public int CountryId { get; set; }
    public Country? Country { get; set; }
}

public sealed class PlanActivityLine : ILineLink
{
    public int ActivityId { get; set; }
    public int LineOfActionId { get; set; }
    public LineOfAction? LineOfAction { get; set; }
}
