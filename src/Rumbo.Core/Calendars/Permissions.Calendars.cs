namespace Rumbo.Core.Accounts;

public static partial class Permissions
{
    /// <summary>Anyone signed in may keep a secret calendar link of their own.</summary>
    public static bool CanKeepCalendarLink(this CurrentUser.Snapshot u) => u.IsSignedIn;

    /// <summary>
    /// Whether a calendar shows a closed meeting of the group in full (description, place, link) rather than its
    /// title and time: to the group's members and the secretariat. People invited or registered see it too; that is
    /// a fact about the meeting, asked of <see cref="Calendars.CalendarReader.SeesDetailsAsync"/>.
    /// </summary>
    public static bool CanSeeClosedMeetingInCalendar(this CurrentUser.Snapshot u, int groupId) =>
        u.IsSecretariatAdmin || u.MemberGroups.Contains(groupId);
}
