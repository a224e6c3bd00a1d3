using Rumbo.Core.Agendas;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.Core.People;

namespace Rumbo.Core.Agreements;

public enum AgreementKind
{
    Agreement,
    Recommendation,
}

/// <summary>A non-binding agreement or recommendation adopted at a meeting.</summary>
public sealed class Agreement
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    /// <summary>The meeting's group, kept here so that a group's agreements are one indexed query.</summary>
    public int GroupId { get; set; }
    public Group? Group { get; set; }
    /// <summary>Number within the meeting (1, 2, …), shown as the meeting's date and this number.</summary>
    public int Number { get; set; }
    public AgreementKind Kind { get; set; }
    public LocalizedText Text { get; set; } = new();
    public DateOnly AdoptedOn { get; set; }
    public Visibility Visibility { get; set; } = Visibility.Public;
    public int Version { get; set; }
    public List<AgreementLine> Lines { get; set; } = [];
    public List<AgreementFollowUp> FollowUps { get; set; } = [];
}

public sealed class AgreementLine : ILineLink
{
    public int AgreementId { get; set; }
    public int LineOfActionId { get; set; }
    public LineOfAction? LineOfAction { get; set; }
}

public enum FollowUpStatus
{
    NotStarted,
    InProgress,
    Completed,
    NotApplicable,
}

/// <summary>A country's report on what it did with an agreement; one per country, its history in the audit trail.</summary>
public sealed class AgreementFollowUp
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public int CountryId { get; set; }
    public Country? Country { get; set; }
    public FollowUpStatus Status { get; set; }
    public string Text { get; set; } = string.Empty;
    public string? EvidenceUrl { get; set; }
    public DateTime ReportedAtUtc { get; set; }
    public int? ReportedByPersonId { get; set; }
    public Person? ReportedBy { get; set; }
    public int Version { get; set; }
}
