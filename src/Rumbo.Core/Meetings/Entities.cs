using Rumbo.Core.Agendas;
using Rumbo.Core.Groups;
using Rumbo.Core.People;

namespace Rumbo.Core.Meetings;

/// <summary>The kinds of meeting LC-MDS.4-3 (means of implementation, table 3) and LC-CRP.20-6 name.</summary>
public enum MeetingKind
{
    WorkingMeeting,
    ThematicSeminar,
    ExpertWorkshop,
    VirtualVisit,
    IntersectoralMeeting,
    /// <summary>A session of a council or conference, or a meeting of its presiding officers.</summary>
    Session,
    MultiStakeholderDialogue,
}

public enum MeetingFormat
{
    InPerson,
    Virtual,
    Hybrid,
}

public enum MeetingStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>Who may see something and, for a meeting, who may register.</summary>
public enum Visibility
{
    /// <summary>The group's members (and the secretariat) only.</summary>
    Members,
    /// <summary>Everyone, signed in or not.</summary>
    Public,
}

/// <summary>
/// A meeting or event of a group or body. Its start is kept in UTC with the IANA time zone it was planned in, so that
/// it is shown in that zone and in the reader's, and a series keeps its local hour across daylight-saving changes.
/// </summary>
public sealed class Meeting
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public Group? Group { get; set; }
    public MeetingKind Kind { get; set; }
    public LocalizedText Title { get; set; } = new();
    /// <summary>Markdown.</summary>
    public LocalizedText Description { get; set; } = new();
    public MeetingFormat Format { get; set; }
    public DateTime StartsAtUtc { get; set; }
    /// <summary>IANA time zone id (America/Santiago) in which the meeting was planned.</summary>
    public string TimeZone { get; set; } = "UTC";
    public int DurationMinutes { get; set; } = 90;
    public string? OnlineUrl { get; set; }
    public string? Place { get; set; }
    public string? City { get; set; }
    public int? CountryId { get; set; }
    public Country? Country { get; set; }
    /// <summary>Open (public, anyone signed in may register) or closed (members and invited people only).</summary>
    public Visibility Access { get; set; } = Visibility.Members;
    public MeetingStatus Status { get; set; } = MeetingStatus.Scheduled;
    public int? SeriesId { get; set; }
    public MeetingSeries? Series { get; set; }
    /// <summary>Stable iCalendar UID, so that calendar programs update the event rather than add another.</summary>
    public string CalendarUid { get; set; } = string.Empty;
    /// <summary>iCalendar SEQUENCE: bumped on every change that attendees must hear of.</summary>
    public int CalendarSequence { get; set; }
    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }

    public List<MeetingItem> Items { get; set; } = [];
    public List<MeetingParticipant> Participants { get; set; } = [];
    public List<MeetingRecord> Records { get; set; } = [];
    public List<Agreement> Agreements { get; set; } = [];
}

/// <summary>A recurring series; each occurrence is a <see cref="Meeting"/> of its own, so one may move or be cancelled alone.</summary>
public sealed class MeetingSeries
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    /// <summary>The iCalendar RRULE the occurrences were generated from (FREQ=MONTHLY;BYDAY=3TU;COUNT=10).</summary>
    public string RecurrenceRule { get; set; } = string.Empty;
    public string TimeZone { get; set; } = "UTC";
}

/// <summary>An item of a meeting's agenda, in order.</summary>
public sealed class MeetingItem
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Position { get; set; }
    public LocalizedText Title { get; set; } = new();
    /// <summary>Markdown.</summary>
    public LocalizedText Description { get; set; } = new();
    public int? PresenterPersonId { get; set; }
    public Person? PresenterPerson { get; set; }
    /// <summary>A presenter who is not a person in Rumbo ("Government of Mexico").</summary>
    public string? PresenterName { get; set; }
    public int? DurationMinutes { get; set; }
    public List<MeetingItemLine> Lines { get; set; } = [];
}

public sealed class MeetingItemLine
{
    public int MeetingItemId { get; set; }
    public int LineOfActionId { get; set; }
    public LineOfAction? LineOfAction { get; set; }
}

public enum ParticipantResponse
{
    None,
    Accepted,
    Declined,
}

/// <summary>
/// A person's part in a meeting: invited, registered, attended. One row per person and meeting; the country is the one
/// the person represented there (their own by default), so attendance is counted by person and by country.
/// </summary>
public sealed class MeetingParticipant
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int? CountryId { get; set; }
    public Country? Country { get; set; }
    public DateTime? InvitedAtUtc { get; set; }
    public DateTime? RegisteredAtUtc { get; set; }
    public ParticipantResponse Response { get; set; }
    /// <summary>Null until attendance is taken.</summary>
    public bool? Attended { get; set; }
}

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

public sealed class AgreementLine
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

/// <summary>A secret link to a person's own calendar feed; only its hash is kept.</summary>
public sealed class CalendarFeed
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public string TokenHash { get; set; } = string.Empty;
    public DateTime CreatedAtUtc { get; set; }
}
