using Microsoft.AspNetCore.Identity;
using Rumbo.Core.People;

namespace Rumbo.Core.Accounts;

/// <summary>A sign-in account. What the user may do comes from their person's memberships and focal-point roles.</summary>
public sealed class RumboUser : IdentityUser<int>
{
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The IANA zone the user reads times in; none means the site's (<c>Rumbo:TimeZone</c>).</summary>
    public string? TimeZone { get; set; }
    /// <summary>
    /// The language of the account's pages and of every message to its person (<see cref="Localization.InterfaceLanguages"/>);
    /// none means the language the browser asks for.
    /// </summary>
    public string? Language { get; set; }
}

public sealed class RumboRole : IdentityRole<int>
{
    public RumboRole()
    {
    }

    public RumboRole(string name) : base(name)
    {
    }
}

public static class Roles
{
    /// <summary>The technical secretariat's administrators: keep agendas, bodies and groups; invite people.</summary>
    public const string SecretariatAdmin = "SecretariatAdmin";
}

/// <summary>What an invitation grants once accepted.</summary>
public enum InvitationGrant
{
    /// <summary>An account only.</summary>
    Account,
    GroupMember,
    GroupCoordinator,
    FocalPoint,
    SecretariatAdmin,
}

/// <summary>A one-time link sent by the secretariat; only the token's hash is stored.</summary>
public sealed class Invitation
{
    public int Id { get; set; }
    public string Email { get; set; } = string.Empty;
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public InvitationGrant Grant { get; set; }
    public int? GroupId { get; set; }
    public int? AgendaId { get; set; }
    public int? CountryId { get; set; }
    public string TokenHash { get; set; } = string.Empty;
    public int InvitedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    /// <summary>The invitee's language, chosen by the secretariat: the message's, a resent one's, and the account's once accepted.</summary>
    public string Language { get; set; } = Localization.InterfaceLanguages.Default;
}

/// <summary>A personal access token for the API, sent as a bearer token; only its hash is stored.</summary>
public sealed class PersonalAccessToken
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public RumboUser? User { get; set; }
    public string Name { get; set; } = string.Empty;
    /// <summary>The first characters of the token, shown so its owner can tell tokens apart.</summary>
    public string Prefix { get; set; } = string.Empty;
    public string TokenHash { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
