using System.Security.Claims;
using Rumbo.Core.Auditing;

namespace Rumbo.Web.Infrastructure;

/// <summary>The signed-in user of the current request, as recorded in the audit trail.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public int? UserId =>
        int.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>Outside a request (start-up seeding) the site acts as itself.</summary>
    public string Name => accessor.HttpContext switch
    {
        null => "system",
        { User.Identity.IsAuthenticated: true } context => context.User.Identity!.Name ?? "unknown user",
        _ => "anonymous",
    };
}
