using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rumbo.Core.Accounts;

namespace Rumbo.Web.Infrastructure;

/// <summary>
/// Personal access tokens sent as <c>Authorization: Bearer rumbo_…</c>. The user they sign in is built by the same
/// claims factory as the cookie's, so every authorization check sees one kind of user whichever way it came.
/// </summary>
public sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccessTokens tokens, UserManager<RumboUser> users, IUserClaimsPrincipalFactory<RumboUser> claims)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    /// <summary>The default scheme: picks the token scheme when the request carries a bearer token, else the cookie.</summary>
    public const string CookieOrToken = "CookieOrToken";

    /// <summary>The only paths where an access token counts.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api/v1");

    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Request)) return AuthenticateResult.NoResult();
        // Also when a page names this scheme itself.
        if (!IsApi(Request)) return AuthenticateResult.Fail("Access tokens are for the API only.");
        var token = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var userId = await tokens.AuthenticateAsync(token, Context.RequestAborted);
        var user = userId is int id ? await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        if (user is null) return AuthenticateResult.Fail("The access token is unknown, revoked or expired.");
        // A locked account's tokens stop while it is locked, as its sessions do.
        if (await users.IsLockedOutAsync(user)) return AuthenticateResult.Fail("The account is locked.");
        var principal = await claims.CreateAsync(user);
        var source = (ClaimsIdentity)principal.Identity!;
        var identity = new ClaimsIdentity(source.Claims, SchemeName, source.NameClaimType, source.RoleClaimType);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = HasBearer(Request) ? "Bearer realm=\"Rumbo\", error=\"invalid_token\"" : "Bearer realm=\"Rumbo\"";
        return Task.CompletedTask;
    }
}
