namespace Rumbo.Core.Accounts;

/// <summary>Road maps: the country writes its own, the secretariat writes any, agrees them and records the activities.</summary>
public static partial class Permissions
{
    /// <summary>A country's road map for an agenda and its actions are written by its focal points for that agenda, and by the secretariat.</summary>
    public static bool CanEditRoadMap(this CurrentUser.Snapshot u, int agendaId, int countryId) =>
        u.IsSecretariatAdmin || u.FocalPoints.Contains((agendaId, countryId));

    /// <summary>A road map the country made public is everyone's; any other only its writers'. Anyone else is answered 404.</summary>
    public static bool CanSeeRoadMap(this CurrentUser.Snapshot u, int agendaId, int countryId, bool isPublic) =>
        isPublic || u.CanEditRoadMap(agendaId, countryId);

    /// <summary>Trainings, missions and exchanges involve several countries: the secretariat records them.</summary>
    public static bool CanWriteCapacityActivities(this CurrentUser.Snapshot u) => u.IsSecretariatAdmin;

    /// <summary>An activity the secretariat marked public is everyone's; any other the secretariat's alone.</summary>
    public static bool CanSeeCapacityActivity(this CurrentUser.Snapshot u, bool isPublic) => isPublic || u.IsSecretariatAdmin;
}
