using Rumbo.Core.Agendas;
using Rumbo.Core.Capacities;
using Rumbo.Core.People;

namespace Rumbo.Core.RoadMaps;

/// <summary>Where a country's road map stands, in the order it goes through.</summary>
public enum RoadMapStatus
{
    Draft,
    Agreed,
    InImplementation,
    Completed,
}

public enum CapacityActionStatus
{
    Planned,
    InProgress,
    Done,
    Cancelled,
}

public enum CapacityActivityKind
{
    Training,
    TechnicalAssistance,
    PeerExchange,
}

public enum CapacityActivityMode
{
    InPerson,
    Online,
    Hybrid,
}

/// <summary>
/// A country's road map for progressive capacity-building under an agenda: one per agenda and country. The country's focal
/// points write it and its actions; the secretariat writes any and alone agrees it; the country decides whether it is public.
/// </summary>
public sealed class RoadMap
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    public Agenda? Agenda { get; set; }
    public int CountryId { get; set; }
    public Country? Country { get; set; }
    /// <summary>The language the country wrote the texts in (en, es, pt, fr): the texts' source language.</summary>
    public string Language { get; set; } = "es";
    public LocalizedText Summary { get; set; } = new();
    public RoadMapStatus Status { get; set; }
    public bool IsPublic { get; set; }
    public bool IsExample { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
    public List<CapacityAction> Actions { get; set; } = [];
    public List<RoadMapTransition> Transitions { get; set; } = [];

    /// <summary>
    /// The statuses a road map may move to, and whether only the secretariat may make the move: agreeing is the
    /// secretariat's (the road map is agreed between the country and it); an agreed one goes back to draft to be changed.
    /// </summary>
    public static IReadOnlyList<(RoadMapStatus To, bool SecretariatOnly)> Next(RoadMapStatus from) => from switch
    {
        RoadMapStatus.Draft => [(RoadMapStatus.Agreed, true)],
        RoadMapStatus.Agreed => [(RoadMapStatus.InImplementation, false), (RoadMapStatus.Draft, false)],
        RoadMapStatus.InImplementation => [(RoadMapStatus.Completed, false)],
        // A completed road map is reopened when a re-assessment shows gaps still open.
        RoadMapStatus.Completed => [(RoadMapStatus.InImplementation, true)],
        _ => [],
    };

    /// <summary>Moves the road map to <paramref name="to"/>, keeping who and when. Null when done, or the refusal, changing nothing.</summary>
    public string? Move(RoadMapStatus to, bool bySecretariat, int? byPersonId, DateTime atUtc)
    {
        if (!Enum.IsDefined(to)) return "Choose a status.";
        var step = Next(Status).Where(n => n.To == to).ToList();
        if (step.Count == 0) return "A road map cannot go from this status to that one.";
        if (step[0].SecretariatOnly && !bySecretariat) return "Only the secretariat makes this change.";
        if (to == RoadMapStatus.Agreed && Actions.Count(a => a.Status != CapacityActionStatus.Cancelled) == 0) return "A road map needs at least one action to be agreed.";
        Transitions.Add(new RoadMapTransition { From = Status, To = to, AtUtc = atUtc, ByPersonId = byPersonId });
        Status = to;
        return null;
    }
}

/// <summary>One change of a road map's status, with who made it and when.</summary>
public sealed class RoadMapTransition
{
    public int Id { get; set; }
    public int RoadMapId { get; set; }
    public RoadMapStatus From { get; set; }
    public RoadMapStatus To { get; set; }
    public DateTime AtUtc { get; set; }
    public int? ByPersonId { get; set; }
    public Person? By { get; set; }
}

/// <summary>
/// An action of a road map, drawn from a gap of the diagnosis: the strategic area and TOPP dimension it serves, the score
/// the gap had (and the round it came from) and the score aimed at, so that a re-assessment shows whether the gap closed.
/// </summary>
public sealed class CapacityAction
{
    public int Id { get; set; }
    public int RoadMapId { get; set; }
    public RoadMap? RoadMap { get; set; }
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public CapacityDimension Dimension { get; set; }
    /// <summary>0 to 100: the diagnosis's score of the area and dimension when the action was drawn.</summary>
    public int? BaselineScore { get; set; }
    /// <summary>The diagnosis round the baseline came from, as it labels it ("2026").</summary>
    public string? BaselineRound { get; set; }
    public int? TargetScore { get; set; }
    public string? ResponsibleInstitution { get; set; }
    public string? ResponsiblePerson { get; set; }
    public DateOnly? StartOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public CapacityActionStatus Status { get; set; }
    /// <summary>0 to 100, as the country assesses it: counted only when the action has no milestone.</summary>
    public int? ManualPercent { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int Version { get; set; }
    public List<CapacityActionLine> Lines { get; set; } = [];
    public List<CapacityMilestone> Milestones { get; set; } = [];

    /// <summary>Planned or in progress: what a new gap of the same area and dimension would duplicate.</summary>
    public bool IsOpen => Status is CapacityActionStatus.Planned or CapacityActionStatus.InProgress;
}

public sealed class CapacityActionLine : ILineLink
{
    public int CapacityActionId { get; set; }
    public int LineOfActionId { get; set; }
    public LineOfAction? LineOfAction { get; set; }
}

public sealed class CapacityMilestone
{
    public int Id { get; set; }
    public int CapacityActionId { get; set; }
    public LocalizedText Title { get; set; } = new();
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
}

/// <summary>
/// A training programme, a technical-assistance mission or a peer-learning exchange, recorded by the secretariat. The
/// participating countries of an exchange are its visiting countries; its host is <see cref="HostCountryId"/>. Public when
/// the secretariat marks it so.
/// </summary>
public sealed class CapacityActivity
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    public Agenda? Agenda { get; set; }
    public CapacityActivityKind Kind { get; set; }
    public string Language { get; set; } = "es";
    public LocalizedText Topic { get; set; } = new();
    public DateOnly StartOn { get; set; }
    public DateOnly EndOn { get; set; }
    public CapacityActivityMode Mode { get; set; }
    public string? Providers { get; set; }
    public int? HostCountryId { get; set; }
    public Country? HostCountry { get; set; }
    public LocalizedText Outcome { get; set; } = new();
    public bool IsPublic { get; set; }
    public bool IsExample { get; set; }
    public int Version { get; set; }
    public List<CapacityParticipant> Participants { get; set; } = [];
    public List<CapacityActivityAction> Actions { get; set; } = [];
}

/// <summary>Who took part from a country: an institution (or none named) and how many people.</summary>
public sealed class CapacityParticipant
{
    public int Id { get; set; }
    public int CapacityActivityId { get; set; }
    public int CountryId { get; set; }
    public Country? Country { get; set; }
    public string? Institution { get; set; }
    public int Count { get; set; }
}

/// <summary>A road map's action an activity served.</summary>
public sealed class CapacityActivityAction
{
    public int CapacityActivityId { get; set; }
    public int CapacityActionId { get; set; }
    public CapacityAction? Action { get; set; }
}
