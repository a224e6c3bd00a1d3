using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rumbo.Core.Accounts;
using Rumbo.Web.Pages.Account;

namespace Rumbo.Web.Infrastructure;

public static class AccountsSetup
{
    /// <summary>Accounts on the site: mail, invitations, access tokens and their scheme, the sign-in rate limit.</summary>
    public static IServiceCollection AddRumboAccountsWeb(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddRumboAccounts();
        services.AddRumboMail(configuration, dataDirectory);
        services.AddScoped<AccountMail>();

        // One default scheme that forwards to the token scheme when a bearer token comes to the API, else to Identity's
        // cookie: [Authorize], RequireAuthorization and the permission checks then work the same for pages and API.
        // A token is for the API only: on a page it signs no one in (a leaked token must not reach the secretariat's
        // pages, where it could invite an administrator who would outlive the token's revocation).
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AccessTokenHandler.CookieOrToken;
                o.DefaultAuthenticateScheme = AccessTokenHandler.CookieOrToken;
                o.DefaultChallengeScheme = AccessTokenHandler.CookieOrToken;
                o.DefaultForbidScheme = AccessTokenHandler.CookieOrToken;
            })
            .AddPolicyScheme(AccessTokenHandler.CookieOrToken, "Cookie or access token", o =>
                o.ForwardDefaultSelector = c => AccessTokenHandler.IsApi(c.Request) && AccessTokenHandler.HasBearer(c.Request) ? AccessTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(AccessTokenHandler.SchemeName, "Personal access token", null);

        services.AddSignInRateLimit(configuration);
        // A handler that refuses with 403 gets the same page as a redirect from the cookie's access-denied path.
        // PostConfigure: Razor Pages' own set-up replaces the conventions collection, dropping anything added before.
        services.PostConfigure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Account/Denied", "error/403"));
        return services;
    }
}
