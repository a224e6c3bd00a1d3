using Rumbo.Core.Meetings;

namespace Rumbo.Core.Accounts;

public static partial class Permissions
{
    /// <summary>Public documents are for everyone; members-only ones for the group's members and the secretariat.</summary>
    public static bool CanSeeDocument(this CurrentUser.Snapshot u, int groupId, Visibility visibility) =>
        visibility == Visibility.Public || u.IsSecretariatAdmin || u.MemberGroups.Contains(groupId);

    /// <summary>
    /// The repository is the group's record, whose release the group decides through its coordinators: they and the
    /// secretariat upload; members read, and send their files to a coordinator.
    /// </summary>
    public static bool CanUploadDocument(this CurrentUser.Snapshot u, int groupId) => u.IsSecretariatAdmin || u.CoordinatedGroups.Contains(groupId);

    /// <summary>Metadata, visibility and new versions: the same people who upload.</summary>
    public static bool CanEditDocument(this CurrentUser.Snapshot u, int groupId) => u.CanUploadDocument(groupId);
}
