using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rumbo.Core.Accounts;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests;

/// <summary>
/// A signed-in user's authentication cookie, made the way the sign-in makes it (Identity's principal, protected by the
/// site's own keys), so that tests of what members see do not depend on the sign-in pages.
/// </summary>
public static class SignedIn
{
    /// <summary>A new account with no person and no role: the least a signed-in user can be.</summary>
    /// <param name="personId">The person the account is linked to, as accepting an invitation links it.</param>
    public static async Task<string> CookieAsync(RumboApp app, string? role = null, int? personId = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
        var name = $"member-{Guid.NewGuid():n}@example.org";
        var user = new RumboUser { UserName = name, Email = name, EmailConfirmed = true, CreatedAt = DateTime.UtcNow, PersonId = personId };
        var created = await users.CreateAsync(user);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<RumboRole>>();
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new RumboRole(role));
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<RumboUser>>().CreateAsync(user);
        var options = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) }, IdentityConstants.ApplicationScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }

    public static async Task<HttpResponseMessage> GetAsync(this HttpClient client, string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
