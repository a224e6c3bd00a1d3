using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rumbo.Core.Data;

namespace Rumbo.Core.Accounts;

public static class RumboIdentity
{
    /// <summary>Claim with the person's full name, for the page header; the user name is the e-mail address.</summary>
    public const string DisplayNameClaim = "rumbo:name";

    /// <summary>
    /// The account rules, shared by the site and the command line so that an administrator created from the
    /// command line meets the same password rules as everyone else.
    /// </summary>
    public static void Configure(IdentityOptions o)
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 12;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireDigit = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
    }

    /// <summary>The accounts services of the site: invitations, access tokens, the name claim.</summary>
    public static IServiceCollection AddRumboAccounts(this IServiceCollection services)
    {
        services.AddScoped<Invitations>();
        services.AddScoped<AccessTokens>();
        services.AddScoped<IUserClaimsPrincipalFactory<RumboUser>, RumboClaimsFactory>();
        return services;
    }

    /// <summary>Adds the SecretariatAdmin role to the user, creating the role the first time it is needed.</summary>
    public static async Task<IdentityResult> MakeSecretariatAdminAsync(this UserManager<RumboUser> users, RumboDbContext db, RumboUser user, CancellationToken ct = default)
    {
        var normalized = Roles.SecretariatAdmin.ToUpperInvariant();
        if (!await db.Roles.AnyAsync(r => r.NormalizedName == normalized, ct))
        {
            db.Roles.Add(new RumboRole(Roles.SecretariatAdmin) { NormalizedName = normalized });
            await db.SaveChangesAsync(ct);
        }
        return await users.IsInRoleAsync(user, Roles.SecretariatAdmin)
            ? IdentityResult.Success
            : await users.AddToRoleAsync(user, Roles.SecretariatAdmin);
    }
}

/// <summary>Adds the person's name to the principal, so the header can greet the user without a query.</summary>
public sealed class RumboClaimsFactory(UserManager<RumboUser> users, RoleManager<RumboRole> roles, IOptions<IdentityOptions> options, RumboDbContext db)
    : UserClaimsPrincipalFactory<RumboUser, RumboRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(RumboUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var name = user.PersonId is int personId
            ? await db.People.Where(p => p.Id == personId).Select(p => (p.GivenName + " " + p.FamilyName).Trim()).SingleOrDefaultAsync()
            : null;
        identity.AddClaim(new Claim(RumboIdentity.DisplayNameClaim, string.IsNullOrWhiteSpace(name) ? user.Email ?? user.UserName ?? "" : name));
        return identity;
    }
}

/// <summary>Secrets handed out once (access tokens, invitation links): only their SHA-256 is kept.</summary>
public static class SecretTokens
{
    public const string AccessTokenPrefix = "rumbo_";

    public static string NewAccessToken() => AccessTokenPrefix + NewSecret();

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
