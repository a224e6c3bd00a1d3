using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rumbo.Core.Data;

namespace Rumbo.Web.Infrastructure;

/// <summary>
/// Every request with the sign-in cookie asks the database whether the session still stands: the account exists, is
/// not locked, and its security stamp is the one the cookie was issued with. Signing out, resetting the password and
/// a lockout change or check these, so a copied cookie stops working at once, not when it expires.
/// </summary>
/// <remarks>
/// Identity's own validator checks the stamp only every 30 minutes and then rebuilds the principal and reissues the
/// cookie; this one is a single indexed query and leaves the cookie as it is.
/// </remarks>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirstValue(stampClaim);
        if (int.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && stamp is not null)
        {
            var db = services.GetRequiredService<RumboDbContext>();
            var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new { u.SecurityStamp, u.LockoutEnd }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (user is not null && user.SecurityStamp == stamp && !(user.LockoutEnd > now)) return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
