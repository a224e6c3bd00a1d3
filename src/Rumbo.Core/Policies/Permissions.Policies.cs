using Rumbo.Core.Policies;

namespace Rumbo.Core.Accounts;

/// <summary>The public-policy register: the country writes its own, the secretariat reviews, the public reads what is published.</summary>
public static partial class Permissions
{
    /// <summary>A country's policies for an agenda are written by its focal points for that agenda, and by the secretariat.</summary>
    public static bool CanEditPolicies(this CurrentUser.Snapshot u, int agendaId, int countryId) =>
        u.IsSecretariatAdmin || u.FocalPoints.Contains((agendaId, countryId));

    /// <summary>Reviewing and returning entries is the secretariat's.</summary>
    public static bool CanReviewPolicies(this CurrentUser.Snapshot u) => u.IsSecretariatAdmin;

    /// <summary>A published entry is everyone's; any other only its writers'. Anyone else is answered 404, as for no entry.</summary>
    public static bool CanSeePolicy(this CurrentUser.Snapshot u, int agendaId, int countryId, PolicyReview review, bool isPublic) =>
        (review == PolicyReview.Reviewed && isPublic) || u.CanEditPolicies(agendaId, countryId);
}
