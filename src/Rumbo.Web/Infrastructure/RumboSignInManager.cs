using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;

namespace Rumbo.Web.Infrastructure;

/// <summary>
/// Identity's sign-in, except that concurrent correct sign-ins all succeed. After a failed attempt, each correct one
/// resets the account's failure count; the writes race on the concurrency stamp, and Identity answers every one that
/// lost with "failed", as if the password were wrong. Here the loser reads the account again and resets it again:
/// the password was right, so the count is reset as a sequential sign-in would have done.
/// </summary>
public sealed class RumboSignInManager(
    UserManager<RumboUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<RumboUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<RumboUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<RumboUser> confirmation, RumboDbContext db)
    : SignInManager<RumboUser>(users, http, claims, options, logger, schemes, confirmation)
{
    // A Task<IdentityResult> rather than an async Task: Identity reads the result from it.
    protected override Task ResetLockout(RumboUser user) => ResetAsync(user);

    private async Task<IdentityResult> ResetAsync(RumboUser user)
    {
        var result = IdentityResult.Success;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            result = await UserManager.ResetAccessFailedCountAsync(user);
            if (result.Succeeded || result.Errors.All(e => e.Code != nameof(IdentityErrorDescriber.ConcurrencyFailure))) return result;
            await db.Entry(user).ReloadAsync();
        }
        return result;
    }
}
