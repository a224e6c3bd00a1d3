using System.Security.Claims;
using Rumbo.Core.Auditing;

namespace Rumbo.Web.Infrastructure;

/// <summary>The signed-in user of the current request, as recorded in the audit trail.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public int? UserId =>
        int.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => accessor.HttpContext?.User.Identity?.IsAuthenticated == true
        ? accessor.HttpContext.User.Identity.Name ?? "unknown user"
        : "anonymous";
}
