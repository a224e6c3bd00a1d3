using Rumbo.Core.Meetings;

namespace Rumbo.Core.Accounts;

/// <summary>Agreements and their follow-up: who reads, edits and reports them.</summary>
public static partial class Permissions
{
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
