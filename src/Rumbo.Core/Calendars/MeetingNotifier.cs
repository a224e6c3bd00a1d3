namespace Rumbo.Core.Calendars;

public enum MeetingChange
{
    /// <summary>People were invited: they receive the invitation with its calendar entry.</summary>
    Invited,
    /// <summary>A person registered: they receive the meeting's calendar entry.</summary>
    Registered,
    /// <summary>Date, time, place or link changed: everyone invited or registered receives the updated entry.</summary>
    Updated,
    /// <summary>The meeting was cancelled: everyone invited or registered receives the cancellation.</summary>
    Cancelled,
}

/// <summary>Tells a meeting's invited and registered people of a change, by e-mail with an iCalendar entry.</summary>
public interface IMeetingNotifier
{
    /// <param name="personIds">Whom to tell; null for everyone invited to or registered for the meeting.</param>
    Task NotifyAsync(int meetingId, MeetingChange change, IReadOnlyCollection<int>? personIds = null, CancellationToken ct = default);
}
