using Rumbo.Core.Meetings;
using Rumbo.Core.People;

namespace Rumbo.Core.Records;

public enum RecordKind
{
    Minutes,
    MemoryAid,
}

public enum RecordStatus
{
    /// <summary>Written by the coordinators, commented by members.</summary>
    Draft,
    /// <summary>Frozen: it changes only through a new version.</summary>
    Approved,
}

/// <summary>
/// The record of a meeting. Drafts are edited; an approved record is frozen, and a correction is a new version (a new
/// row whose <see cref="Number"/> is one higher) that is again drafted and approved. Dissemination is the group's
/// decision: members only, or public once approved.
/// </summary>
public sealed class MeetingRecord
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int Number { get; set; } = 1;
    public RecordKind Kind { get; set; }
    public RecordStatus Status { get; set; }
    /// <summary>Language the record is written in (en, es, pt, fr).</summary>
    public string Language { get; set; } = "en";
    /// <summary>Markdown: the record's opening (participants, context) before the items.</summary>
    public string Summary { get; set; } = string.Empty;
    public Visibility Dissemination { get; set; } = Visibility.Members;
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ApprovedAtUtc { get; set; }
    public int? ApprovedByPersonId { get; set; }
    public Person? ApprovedBy { get; set; }
    public int Version { get; set; }
    public List<RecordSection> Sections { get; set; } = [];
    public List<RecordComment> Comments { get; set; } = [];
}

/// <summary>The record of one agenda item (or a free section when <see cref="MeetingItemId"/> is null).</summary>
public sealed class RecordSection
{
    public int Id { get; set; }
    public int RecordId { get; set; }
    public int? MeetingItemId { get; set; }
    public MeetingItem? MeetingItem { get; set; }
    public int Position { get; set; }
    public string Heading { get; set; } = string.Empty;
    /// <summary>Markdown.</summary>
    public string Body { get; set; } = string.Empty;
    public List<RecordOutcome> Outcomes { get; set; } = [];
}

public enum OutcomeKind
{
    Information,
    Decision,
    Action,
}

public sealed class RecordOutcome
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    public int Position { get; set; }
    public OutcomeKind Kind { get; set; }
    public string Text { get; set; } = string.Empty;
    /// <summary>For an action: who carries it out.</summary>
    public int? OwnerPersonId { get; set; }
    public Person? Owner { get; set; }
    public string? OwnerName { get; set; }
    public DateOnly? DueDate { get; set; }
}

public sealed class RecordComment
{
    public int Id { get; set; }
    public int RecordId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int? SectionId { get; set; }
    public DateTime AtUtc { get; set; }
    public string Body { get; set; } = string.Empty;
}
