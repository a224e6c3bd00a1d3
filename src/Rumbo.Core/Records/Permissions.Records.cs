using Rumbo.Core.Meetings;

namespace Rumbo.Core.Accounts;

/// <summary>Records of meetings (minutes, memory aids) and agreements: who reads and who writes them.</summary>
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

    public static bool CanSeeAgreement(this CurrentUser.Snapshot u, int groupId, Visibility visibility) =>
        visibility == Visibility.Public || u.CanSeeGroupInternals(groupId);

    public static bool CanEditAgreement(this CurrentUser.Snapshot u, int groupId) =>
        u.IsSecretariatAdmin || u.CoordinatedGroups.Contains(groupId);

    /// <summary>
    /// A country's follow-up of an agreement is reported by the country: its focal points for the group's agenda, the
    /// group's members who belong to that country, and the secretariat on its behalf.
    /// </summary>
    /// <param name="u">The user.</param>
    /// <param name="groupId">The agreement's group.</param>
    /// <param name="agendaId">The group's agenda.</param>
    /// <param name="countryId">The country reported for.</param>
    /// <param name="personCountryId">The country of the user's person, if any.</param>
    public static bool CanReportFollowUp(this CurrentUser.Snapshot u, int groupId, int agendaId, int countryId, int? personCountryId) =>
        u.IsSecretariatAdmin
        || u.FocalPoints.Contains((agendaId, countryId))
        || (u.MemberGroups.Contains(groupId) && personCountryId == countryId);
}
