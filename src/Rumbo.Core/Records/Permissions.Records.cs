using Rumbo.Core.Meetings;
using Rumbo.Core.Records;

namespace Rumbo.Core.Accounts;

/// <summary>Records of meetings (minutes, memory aids): who reads and who writes them.</summary>
public static partial class Permissions
{
    /// <summary>What a group keeps to itself (drafts, members-only records and agreements): its members, coordinators included, and the secretariat.</summary>
    public static bool CanSeeGroupInternals(this CurrentUser.Snapshot u, int groupId) =>
        u.IsSecretariatAdmin || u.MemberGroups.Contains(groupId);

    /// <summary>The public sees a record only once it is approved and the group released it.</summary>
    public static bool CanSeeRecord(this CurrentUser.Snapshot u, int groupId, RecordStatus status, Visibility dissemination) =>
        (status == RecordStatus.Approved && dissemination == Visibility.Public) || u.CanSeeGroupInternals(groupId);

    /// <summary>Write, edit, approve, version and release a group's records: its coordinators and the secretariat.</summary>
    public static bool CanWriteRecord(this CurrentUser.Snapshot u, int groupId) =>
        u.IsSecretariatAdmin || u.CoordinatedGroups.Contains(groupId);

    /// <summary>Comments on a draft are the group's own conversation: members and coordinators, as people.</summary>
    public static bool CanCommentRecord(this CurrentUser.Snapshot u, int groupId) =>
        u.PersonId is not null && u.MemberGroups.Contains(groupId);

    /// <summary>
    /// A comment is resolved (or reopened) by whoever may settle it: its author while still in the conversation, and
    /// those who write the record (its coordinators, the secretariat).
    /// </summary>
    public static bool CanResolveComment(this CurrentUser.Snapshot u, int groupId, int authorPersonId) =>
        u.CanWriteRecord(groupId) || (u.PersonId == authorPersonId && u.CanCommentRecord(groupId));
}
