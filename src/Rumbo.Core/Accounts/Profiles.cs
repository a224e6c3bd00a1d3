using Microsoft.EntityFrameworkCore;
using NodaTime.TimeZones;
using Rumbo.Core.Data;
using Rumbo.Core.Localization;
using Rumbo.Core.Meetings;

namespace Rumbo.Core.Accounts;

/// <summary>What a signed-in person sees of their own account on the profile page.</summary>
/// <param name="Language">The account's language, or null when it follows the browser.</param>
/// <param name="TimeZone">The account's zone, or null when it reads times in the site's.</param>
/// <param name="Person">The person the account is, when it is one (an administrator made on the command line is not).</param>
public sealed record Profile(int UserId, string Email, string? Language, string? TimeZone, ProfilePerson? Person);

public sealed record ProfilePerson(int Id, string GivenName, string FamilyName, string? Position, string? Phone, bool ContactIsPublic, bool IsExample, int Version);

/// <summary>The contact details a person keeps themselves; their e-mail is their account's and changes elsewhere.</summary>
public sealed record ContactChange(string GivenName, string FamilyName, string? Position, string? Phone, bool ContactIsPublic);

public enum ProfileSave
{
    Saved,
    /// <summary>Someone saved the person since the form was read: nothing was saved.</summary>
    Conflict,
    NotFound,
}

/// <summary>
/// A person's own profile: the language and zone of their pages and messages, and the contact details others see.
/// Each account changes only its own (the page asks for no id), and every change is in the audit trail.
/// </summary>
public sealed class Profiles(RumboDbContext db)
{
    public const int MaxNameLength = 100;
    public const int MaxPositionLength = 200;
    public const int MaxPhoneLength = 40;

    /// <summary>
    /// The zones offered: tzdb's canonical ones for places (an alias such as America/Buenos_Aires names the same zone
    /// as America/Argentina/Buenos_Aires), and UTC, sorted by id.
    /// </summary>
    public static readonly IReadOnlyList<string> Zones = TzdbDateTimeZoneSource.Default.CanonicalIdMap.Values
        .Where(id => id.Contains('/') && !id.StartsWith("Etc/", StringComparison.Ordinal))
        .Append("UTC").Distinct().Order(StringComparer.Ordinal).ToList();

    public async Task<Profile?> GetAsync(int userId, CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new Profile(u.Id, u.Email ?? "", u.Language, u.TimeZone,
                u.Person == null ? null : new ProfilePerson(u.Person.Id, u.Person.GivenName, u.Person.FamilyName, u.Person.Position,
                    u.Person.Phone, u.Person.ContactIsPublic, u.Person.IsExample, u.Person.Version)))
            .SingleOrDefaultAsync(ct);

    /// <summary>Sets the account's language and zone; null for either follows the browser or the site.</summary>
    public async Task<ProfileSave> SetPreferencesAsync(int userId, string? language, string? timeZone, CancellationToken ct = default)
    {
        if (language is not null && !InterfaceLanguages.IsSupported(language)) throw new ArgumentException("Not a language Rumbo speaks.", nameof(language));
        if (timeZone is not null && !MeetingTimes.IsKnown(timeZone)) throw new ArgumentException("Not a known time zone.", nameof(timeZone));
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return ProfileSave.NotFound;
        user.Language = language;
        user.TimeZone = timeZone;
        await db.SaveChangesAsync(ct);
        return ProfileSave.Saved;
    }

    /// <summary>Saves the account's person's contact details if nobody saved the person since version <paramref name="read"/>.</summary>
    public async Task<ProfileSave> SetContactAsync(int userId, ContactChange change, int read, CancellationToken ct = default)
    {
        var personId = await db.Users.Where(u => u.Id == userId).Select(u => u.PersonId).SingleOrDefaultAsync(ct);
        var person = personId is int id ? await db.People.SingleOrDefaultAsync(p => p.Id == id, ct) : null;
        if (person is null) return ProfileSave.NotFound;
        person.GivenName = change.GivenName.Trim();
        person.FamilyName = change.FamilyName.Trim();
        person.Position = Blank(change.Position);
        person.Phone = Blank(change.Phone);
        person.ContactIsPublic = change.ContactIsPublic;
        return await db.SaveIfVersionAsync(person, p => p.Version, read, ct) ? ProfileSave.Saved : ProfileSave.Conflict;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
