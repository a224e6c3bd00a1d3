using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;

namespace Rumbo.Core.Accounts;

/// <summary>
/// What the user of this request is, read once per request from the database rather than from claims, so that
/// a role taken away applies at once.
/// </summary>
public sealed class CurrentUser(RumboDbContext db)
{
    private Snapshot? snapshot;

    public sealed record Snapshot(
        int? UserId, int? PersonId, bool IsSecretariatAdmin,
        IReadOnlySet<int> CoordinatedGroups, IReadOnlySet<int> MemberGroups,
        IReadOnlySet<(int AgendaId, int CountryId)> FocalPoints)
    {
        public static readonly Snapshot Anonymous = new(null, null, false, new HashSet<int>(), new HashSet<int>(), new HashSet<(int, int)>());

        public bool IsSignedIn => UserId is not null;
    }

    public async Task<Snapshot> GetAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (snapshot is not null) return snapshot;
        if (!int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return snapshot = Snapshot.Anonymous;
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.PersonId, u.LockoutEnd }).SingleOrDefaultAsync(ct);
        if (user is null) return snapshot = Snapshot.Anonymous;
        var admin = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId && r.Name == Roles.SecretariatAdmin
                           select ur).AnyAsync(ct);
        var memberships = user.PersonId is int personId
            ? await db.GroupMembers.AsNoTracking().Where(m => m.PersonId == personId).Select(m => new { m.GroupId, m.Role }).ToListAsync(ct)
            : [];
        var focal = user.PersonId is int pid
            ? await db.FocalPoints.AsNoTracking().Where(f => f.PersonId == pid).Select(f => new { f.AgendaId, f.CountryId }).ToListAsync(ct)
            : [];
        return snapshot = new Snapshot(user.Id, user.PersonId, admin,
            memberships.Where(m => m.Role == GroupRole.Coordinator).Select(m => m.GroupId).ToHashSet(),
            memberships.Select(m => m.GroupId).ToHashSet(),
            focal.Select(f => (f.AgendaId, f.CountryId)).ToHashSet());
    }
}

/// <summary>
/// The permission matrix (docs/permissions.md) in one place. Every page handler and API endpoint that writes
/// asks here; nothing else decides.
/// </summary>
public static partial class Permissions
{
    public static bool CanEditAgenda(this CurrentUser.Snapshot u) => u.IsSecretariatAdmin;

    public static bool CanCreateGroup(this CurrentUser.Snapshot u) => u.IsSecretariatAdmin;

    public static bool CanEditGroup(this CurrentUser.Snapshot u, int groupId) => u.IsSecretariatAdmin || u.CoordinatedGroups.Contains(groupId);

    public static bool CanManageMembers(this CurrentUser.Snapshot u, int groupId) => u.IsSecretariatAdmin || u.CoordinatedGroups.Contains(groupId);

    public static bool CanInvite(this CurrentUser.Snapshot u) => u.IsSecretariatAdmin;

    public static bool CanEditReferenceData(this CurrentUser.Snapshot u) => u.IsSecretariatAdmin;

    public static bool CanEditPerson(this CurrentUser.Snapshot u, int personId) => u.IsSecretariatAdmin || u.PersonId == personId;

    public static bool CanSeeAudit(this CurrentUser.Snapshot u) => u.IsSecretariatAdmin;

    /// <summary>Contact details are for signed-in users, unless the person made them public.</summary>
    public static bool CanSeeContact(this CurrentUser.Snapshot u, bool contactIsPublic) => contactIsPublic || u.IsSignedIn;
}
