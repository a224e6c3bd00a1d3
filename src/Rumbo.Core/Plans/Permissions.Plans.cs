namespace Rumbo.Core.Accounts;

public static partial class Permissions
{
    /// <summary>A group's plans of work are written by its coordinators and the secretariat (docs/permissions.md).</summary>
    public static bool CanEditPlans(this CurrentUser.Snapshot u, int groupId) => u.IsSecretariatAdmin || u.CoordinatedGroups.Contains(groupId);
}
