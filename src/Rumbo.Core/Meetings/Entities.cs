using Rumbo.Core.Agendas;
using Rumbo.Core.Agreements;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
using Rumbo.Core.Records;

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

    /// <summary>When the meeting ends.</summary>
    public DateTime EndsAtUtc => EndOf(StartsAtUtc, DurationMinutes);

    /// <summary>Whether the meeting has begun: attendance taken before it waits for the coordinator's confirmation.</summary>
    public bool HasStarted(DateTime nowUtc) => Started(StartsAtUtc, nowUtc);

    /// <summary>Whether the meeting is over: registration is closed and lists show it among the past ones.</summary>
    public bool HasEnded(DateTime nowUtc) => Ended(StartsAtUtc, DurationMinutes, nowUtc);

    // The rules themselves take the times alone, so that pages holding a projection rather than the entity ask the
    // same rule instead of comparing with the clock on their own.

    /// <summary>When a meeting of this start and duration ends. Providers may read the start back unspecified; it is UTC all the same.</summary>
    public static DateTime EndOf(DateTime startsAtUtc, int durationMinutes) =>
        DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc).AddMinutes(durationMinutes);

    /// <summary>A meeting has started from the instant of its start.</summary>
    public static bool Started(DateTime startsAtUtc, DateTime nowUtc) => startsAtUtc <= nowUtc;

    /// <summary>A meeting has ended from the instant of its end.</summary>
    public static bool Ended(DateTime startsAtUtc, int durationMinutes, DateTime nowUtc) => EndOf(startsAtUtc, durationMinutes) <= nowUtc;

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

public sealed class MeetingItemLine : ILineLink
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

    public bool Invited => InvitedAtUtc is not null;
    public bool Registered => RegisteredAtUtc is not null;

    /// <summary>
    /// Why a person may not answer a meeting in this way now, or null when they may; the text is the interface key
    /// shown to them. <paramref name="row"/> is their row, if they have one.
    /// </summary>
    public static string? Refusal(Meeting meeting, MeetingParticipant? row, RegistrationAct act, DateTime nowUtc)
    {
        if (meeting.Status == MeetingStatus.Cancelled) return "The meeting was cancelled.";
        if (meeting.HasEnded(nowUtc))
            return "The meeting has taken place: registration is closed.";
        if (act is RegistrationAct.Accept or RegistrationAct.Decline && row?.Invited != true) return "Only people invited to the meeting accept or decline.";
        if (act == RegistrationAct.Register && row?.Registered == true) return "You are already registered.";
        if (act == RegistrationAct.Unregister && row?.Registered != true) return "You are not registered.";
        return null;
    }

    /// <summary>
    /// The person's own answer. An invitee's registration is their acceptance and the other way round. Returns false
    /// when the row no longer says anything (an uninvited person who cancels before attendance is taken), so that
    /// the caller removes it.
    /// </summary>
    public bool Answer(RegistrationAct act, DateTime nowUtc)
    {
        switch (act)
        {
            case RegistrationAct.Register:
                RegisteredAtUtc = nowUtc;
                if (Invited) Response = ParticipantResponse.Accepted;
                break;
            case RegistrationAct.Unregister:
                RegisteredAtUtc = null;
                if (Invited) Response = ParticipantResponse.Declined;
                else if (Attended is null) return false;
                break;
            case RegistrationAct.Accept:
                Response = ParticipantResponse.Accepted;
                RegisteredAtUtc ??= nowUtc;
                break;
            case RegistrationAct.Decline:
                Response = ParticipantResponse.Declined;
                RegisteredAtUtc = null;
                break;
        }
        return true;
    }

    /// <summary>Invites the person; false when they were invited already (they get no second invitation).</summary>
    public bool Invite(DateTime nowUtc)
    {
        if (Invited) return false;
        InvitedAtUtc = nowUtc;
        return true;
    }

    /// <summary>Attendance as taken by the meeting's managers: yes, no or not taken, and the country represented.</summary>
    public void RecordAttendance(bool? attended, int? countryId)
    {
        Attended = attended;
        CountryId = countryId;
    }
}

/// <summary>What a person does with their own participation in a meeting.</summary>
public enum RegistrationAct
{
    Register,
    Unregister,
    Accept,
    Decline,
}
