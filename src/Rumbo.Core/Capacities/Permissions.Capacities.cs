using Rumbo.Core.Capacities;

namespace Rumbo.Core.Accounts;

/// <summary>What of a diagnosis a reader sees.</summary>
public enum AssessmentAccess
{
    /// <summary>Nothing: answered 404, as for no diagnosis.</summary>
    None,
    Scores,
    /// <summary>Scores, answers, comments and evidence.</summary>
    Answers,
}

/// <summary>The TOPP diagnosis: who keeps the instrument, who answers a country's diagnosis, who reviews, who reads what.</summary>
public static partial class Permissions
{
    /// <summary>
    /// The instrument is kept by the secretariat and by the coordinators of the agenda's ad hoc working groups, as the
    /// indicator framework is (the working group adapts the proposed instrument).
    /// </summary>
    public static bool CanEditCapacityInstrument(this CurrentUser.Snapshot u, IEnumerable<int> adHocGroupIds) =>
        u.IsSecretariatAdmin || adHocGroupIds.Any(u.CoordinatedGroups.Contains);

    /// <summary>
    /// A country's diagnosis is answered by its focal points for the agenda, and only by them: it is the country's own
    /// assessment, which the secretariat reviews. The country alone chooses what of it is public.
    /// </summary>
    public static bool CanAnswerCapacities(this CurrentUser.Snapshot u, int agendaId, int countryId) =>
        u.FocalPoints.Contains((agendaId, countryId));

    /// <summary>Opening rounds, commenting, returning and closing diagnoses are the secretariat's.</summary>
    public static bool CanReviewCapacities(this CurrentUser.Snapshot u) => u.IsSecretariatAdmin;

    /// <summary>
    /// The country's focal points and the secretariat see the whole diagnosis at every stage; everyone else sees a closed
    /// one as far as the country made it public, and nothing of any other.
    /// </summary>
    public static AssessmentAccess CapacityAccess(this CurrentUser.Snapshot u, int agendaId, int countryId, AssessmentStatus status, AssessmentPublicity publicity)
    {
        if (u.IsSecretariatAdmin || u.FocalPoints.Contains((agendaId, countryId))) return AssessmentAccess.Answers;
        if (status != AssessmentStatus.Closed) return AssessmentAccess.None;
        return publicity switch
        {
            AssessmentPublicity.ScoresAndAnswers => AssessmentAccess.Answers,
            AssessmentPublicity.Scores => AssessmentAccess.Scores,
            _ => AssessmentAccess.None,
        };
    }
}
