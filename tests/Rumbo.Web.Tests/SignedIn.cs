using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
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
        return await CookieForAsync(scope.ServiceProvider, user);
    }

    /// <summary>A personal access token of a new account, made as <see cref="CookieAsync"/> makes one.</summary>
    public static async Task<string> TokenAsync(RumboApp app, string? role = null, int? personId = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
        var name = $"api-{Guid.NewGuid():n}@example.org";
        var user = new RumboUser { UserName = name, Email = name, EmailConfirmed = true, CreatedAt = DateTime.UtcNow, PersonId = personId };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        if (role is not null)
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<RumboRole>>();
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new RumboRole(role));
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        return (await scope.ServiceProvider.GetRequiredService<Rumbo.Core.Accounts.AccessTokens>().CreateAsync(user.Id, "matrix", null)).Token;
    }

    /// <summary>A new account linked to a new person who coordinates the group with the given slug.</summary>
    public static async Task<(string Cookie, int UserId)> CoordinatorAsync(RumboApp app, string groupSlug)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
        var groupId = await db.Groups.Where(g => g.Slug == groupSlug).Select(g => g.Id).SingleAsync();
        var name = $"coordinator-{Guid.NewGuid():n}@example.org";
        var person = new Person { GivenName = "Coordinator", FamilyName = name[12..20], Email = name };
        db.People.Add(person);
        db.GroupMembers.Add(new GroupMember { GroupId = groupId, Person = person, Role = GroupRole.Coordinator });
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
        var user = new RumboUser { UserName = name, Email = name, EmailConfirmed = true, CreatedAt = DateTime.UtcNow, PersonId = person.Id };
        var created = await users.CreateAsync(user);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return (await CookieForAsync(scope.ServiceProvider, user), user.Id);
    }

    private static async Task<string> CookieForAsync(IServiceProvider services, RumboUser user)
    {
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<RumboUser>>().CreateAsync(user);
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
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
