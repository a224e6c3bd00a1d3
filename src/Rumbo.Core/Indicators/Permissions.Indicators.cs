namespace Rumbo.Core.Accounts;

/// <summary>Indicators: who keeps the framework, who reports a country's values and who reviews them.</summary>
public static partial class Permissions
{
    /// <summary>
    /// The framework (indicators, their versions and the regional targets) is kept by the secretariat and by the
    /// coordinators of the agenda's ad hoc working group on targets and indicators (LC-CRP.20-6).
    /// </summary>
    /// <param name="u">The user.</param>
    /// <param name="adHocGroupIds">The agenda's ad hoc working groups.</param>
    public static bool CanEditIndicators(this CurrentUser.Snapshot u, IEnumerable<int> adHocGroupIds) =>
        u.IsSecretariatAdmin || adHocGroupIds.Any(u.CoordinatedGroups.Contains);

    /// <summary>A country's values and its own targets are entered by its focal points for the agenda, and by the secretariat.</summary>
    public static bool CanReportIndicators(this CurrentUser.Snapshot u, int agendaId, int countryId) =>
        u.IsSecretariatAdmin || u.FocalPoints.Contains((agendaId, countryId));

    /// <summary>Approving, returning and unlocking values, and the regional values, are the secretariat's.</summary>
    public static bool CanReviewIndicators(this CurrentUser.Snapshot u) => u.IsSecretariatAdmin;
}
