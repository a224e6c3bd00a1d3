using Rumbo.Core.Meetings;

namespace Rumbo.Core.Accounts;

public static partial class Permissions
{
    /// <summary>Schedule, edit and cancel a group's meetings, their agenda items, invitations and attendance.</summary>
    public static bool CanManageMeetings(this CurrentUser.Snapshot u, int groupId) => u.IsSecretariatAdmin || u.CoordinatedGroups.Contains(groupId);

    /// <summary>
    /// The description, agenda, online link and participants of a meeting. An open meeting shows them to everyone;
    /// a closed one to the group's members, the people on its list (invited, registered, or recorded as attending
    /// though neither) and the secretariat. The one rule of who sees a meeting's details: the meeting page, the API
    /// (through MeetingReader) and every calendar feed (through CalendarReader) ask it.
    /// </summary>
    public static bool CanSeeMeetingDetails(this CurrentUser.Snapshot u, Visibility access, int groupId, bool isParticipant) =>
        access == Visibility.Public || u.IsSecretariatAdmin || u.MemberGroups.Contains(groupId) || isParticipant;

    /// <summary>
    /// Whether the signed-in user's person may register: anyone with a person for an open meeting; for a closed one,
    /// the group's members and the people invited to it.
    /// </summary>
    public static bool CanRegisterForMeeting(this CurrentUser.Snapshot u, Visibility access, int groupId, bool isInvited) =>
        u.PersonId is not null && (access == Visibility.Public || u.MemberGroups.Contains(groupId) || isInvited);
}
