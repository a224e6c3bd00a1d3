using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.Localization;
using Rumbo.Core.People;

namespace Rumbo.Core.Accounts;

public enum InvitationState
{
    Pending,
    Accepted,
    Expired,
}

/// <summary>What the secretariat asks for; the page checks it with <see cref="Invitations.CheckAsync"/> first.</summary>
public sealed record InvitationRequest(
    string Email, string GivenName, string FamilyName, int? InstitutionId, int? CountryId,
    InvitationGrant Grant, int? GroupId, int? AgendaId, int? FocalCountryId, string Language = InterfaceLanguages.Default);

/// <summary>An invitation with the names of what it refers to, for the secretariat's list, the mail and the acceptance page.</summary>
public sealed record InvitationSummary(
    int Id, string Email, int PersonId, string PersonName, InvitationGrant Grant,
    int? GroupId, LocalizedString? GroupName, int? AgendaId, string? AgendaSymbol, LocalizedString? AgendaTitle, string? AgendaLanguage,
    int? CountryId, LocalizedString? CountryName, string InvitedBy,
    DateTime CreatedAt, DateTime ExpiresAt, DateTime? AcceptedAt, InvitationState State, bool HasAccount, string Language);

/// <summary>The invitation and its token, which exists only here: the database keeps its hash.</summary>
public sealed record IssuedInvitation(InvitationSummary Invitation, string Token);

/// <summary>A problem with a request, keyed by the request's property it concerns; the message is English interface text.</summary>
public sealed record RequestProblem(string Field, string Message);

public enum AcceptOutcome
{
    Accepted,
    Unknown,
    AlreadyUsed,
    Expired,
    /// <summary>An account with the invitation's e-mail exists: its owner signs in to accept.</summary>
    SignInRequired,
    PasswordRejected,
}

public sealed record AcceptResult(AcceptOutcome Outcome, RumboUser? User = null, IReadOnlyList<IdentityError>? Errors = null);

/// <summary>
/// Invitations from the secretariat: a one-time link, valid for seven days, that creates the invitee's account
/// (or adds to the one they have) and gives them what the invitation grants.
/// </summary>
public sealed class Invitations(RumboDbContext db, UserManager<RumboUser> users, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static InvitationState StateOf(DateTime? acceptedAt, DateTime expiresAt, DateTime now) =>
        acceptedAt is not null ? InvitationState.Accepted : expiresAt <= now ? InvitationState.Expired : InvitationState.Pending;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Checks the references of a request against the database; the page checks the form's own rules.</summary>
    public async Task<IReadOnlyList<RequestProblem>> CheckAsync(InvitationRequest r, CancellationToken ct = default)
    {
        var problems = new List<RequestProblem>();
        if (r.InstitutionId is int institution && !await db.Institutions.AnyAsync(i => i.Id == institution, ct))
            problems.Add(new(nameof(r.InstitutionId), "Choose an institution from the list."));
        if (r.CountryId is int country && !await db.Countries.AnyAsync(c => c.Id == country, ct))
            problems.Add(new(nameof(r.CountryId), "Choose a country from the list."));
        switch (r.Grant)
        {
            case InvitationGrant.GroupMember or InvitationGrant.GroupCoordinator:
                if (r.GroupId is not int group || !await db.Groups.AnyAsync(g => g.Id == group, ct))
                    problems.Add(new(nameof(r.GroupId), "Choose the group."));
                break;
            case InvitationGrant.FocalPoint:
                if (r.AgendaId is not int agenda || !await db.Agendas.AnyAsync(a => a.Id == agenda, ct))
                    problems.Add(new(nameof(r.AgendaId), "Choose the agenda."));
                if (r.FocalCountryId is not int focal || !await db.Countries.AnyAsync(c => c.Id == focal, ct))
                    problems.Add(new(nameof(r.FocalCountryId), "Choose the country."));
                break;
        }
        if (problems.Count == 0)
        {
            var (group, agendaId, countryId) = Target(r);
            var email = r.Email.Trim().ToLowerInvariant();
            var now = Now;
            if (await db.Invitations.AnyAsync(i => i.Email.ToLower() == email && i.AcceptedAt == null && i.ExpiresAt > now && i.Grant == r.Grant
                                                   && i.GroupId == group && i.AgendaId == agendaId && i.CountryId == countryId, ct))
                problems.Add(new(nameof(r.Email), "This person has a pending invitation for the same role already: resend it instead."));
        }
        return problems;
    }

    /// <summary>Only the fields the grant uses are kept, so an invitation never names a group it does not grant.</summary>
    private static (int? Group, int? Agenda, int? Country) Target(InvitationRequest r) => r.Grant switch
    {
        InvitationGrant.GroupMember or InvitationGrant.GroupCoordinator => (r.GroupId, null, null),
        InvitationGrant.FocalPoint => (null, r.AgendaId, r.FocalCountryId),
        _ => (null, null, null),
    };

    public async Task<IssuedInvitation> CreateAsync(InvitationRequest r, int invitedByUserId, CancellationToken ct = default)
    {
        var email = r.Email.Trim();
        var lower = email.ToLowerInvariant();
        var normalized = users.NormalizeEmail(email);
        // The invitation goes to the person the address already belongs to, so that accepting it never makes a second
        // record of the same person.
        var personId = await db.Users.Where(u => u.NormalizedEmail == normalized && u.PersonId != null).Select(u => u.PersonId).FirstOrDefaultAsync(ct);
        var person = personId is int id
            ? await db.People.SingleAsync(p => p.Id == id, ct)
            : await db.People.Where(p => p.Email != null && p.Email.ToLower() == lower)
                .OrderBy(p => db.Users.Any(u => u.PersonId == p.Id) ? 1 : 0).ThenBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            person = new Person { GivenName = r.GivenName.Trim(), FamilyName = r.FamilyName.Trim(), Email = email };
            db.People.Add(person);
        }
        // Only what the record lacks: a person's details are kept where people are edited, not overwritten by a form.
        person.InstitutionId ??= r.InstitutionId;
        person.CountryId ??= r.CountryId;

        var (group, agenda, country) = Target(r);
        var token = SecretTokens.NewSecret();
        var now = Now;
        var invitation = new Invitation
        {
            Email = email,
            Person = person,
            Grant = r.Grant,
            GroupId = group,
            AgendaId = agenda,
            CountryId = country,
            TokenHash = SecretTokens.Hash(token),
            InvitedByUserId = invitedByUserId,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
            Language = InterfaceLanguages.Normalize(r.Language),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return new IssuedInvitation((await SummarizeAsync(db.Invitations.Where(i => i.Id == invitation.Id), ct)).Single(), token);
    }

    /// <summary>A new link for an invitation not yet accepted, valid for another seven days; the old link stops working.</summary>
    public async Task<IssuedInvitation?> RenewAsync(int id, CancellationToken ct = default)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (invitation is null || invitation.AcceptedAt is not null) return null;
        var token = SecretTokens.NewSecret();
        invitation.TokenHash = SecretTokens.Hash(token);
        invitation.ExpiresAt = Now + Lifetime;
        await db.SaveChangesAsync(ct);
        return new IssuedInvitation((await SummarizeAsync(db.Invitations.Where(i => i.Id == id), ct)).Single(), token);
    }

    /// <summary>
    /// Withdraws an invitation not yet accepted. The record goes (the audit trail keeps what it was), so its link
    /// finds nothing; the person it was for stays.
    /// </summary>
    public async Task<bool> CancelAsync(int id, CancellationToken ct = default)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (invitation is null || invitation.AcceptedAt is not null) return false;
        db.Invitations.Remove(invitation);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public Task<IReadOnlyList<InvitationSummary>> ListAsync(CancellationToken ct = default) =>
        SummarizeAsync(db.Invitations, ct);

    public async Task<InvitationSummary?> FindAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = SecretTokens.Hash(token);
        return (await SummarizeAsync(db.Invitations.Where(i => i.TokenHash == hash), ct)).SingleOrDefault();
    }

    /// <summary>
    /// The language the invitation was written in, or null when no invitation has the token: its page is read in it by
    /// someone who has not chosen a language, as the mail that brought them there was.
    /// </summary>
    public async Task<string?> LanguageAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = SecretTokens.Hash(token);
        return await db.Invitations.AsNoTracking().Where(i => i.TokenHash == hash).Select(i => i.Language).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Accepts the invitation: creates the account with the password (or, when the invitee has an account already and
    /// is signed in to it, uses that one), links it to the invitation's person, applies the grant and marks the
    /// invitation used, all in one transaction.
    /// </summary>
    public async Task<AcceptResult> AcceptAsync(string token, string? password, int? signedInUserId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return new(AcceptOutcome.Unknown);
        var hash = SecretTokens.Hash(token);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null) return new(AcceptOutcome.Unknown);
        var now = Now;
        switch (StateOf(invitation.AcceptedAt, invitation.ExpiresAt, now))
        {
            case InvitationState.Accepted: return new(AcceptOutcome.AlreadyUsed);
            case InvitationState.Expired: return new(AcceptOutcome.Expired);
        }

        var user = await ExistingAccountAsync(invitation, ct);
        if (user is not null && user.Id != signedInUserId) return new(AcceptOutcome.SignInRequired, user);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (user is null)
        {
            user = new RumboUser
            {
                UserName = invitation.Email,
                Email = invitation.Email,
                // The link reached this address: that is the confirmation.
                EmailConfirmed = true,
                PersonId = invitation.PersonId,
                CreatedAt = now,
                Language = invitation.Language,
            };
            var created = await users.CreateAsync(user, password ?? "");
            if (!created.Succeeded)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return new(AcceptOutcome.PasswordRejected, null, created.Errors.ToList());
            }
        }
        else if (user.PersonId is null || user.Language is null)
        {
            // An account that chose its language keeps it; one that never chose takes the invitation's.
            user.PersonId ??= invitation.PersonId;
            user.Language ??= invitation.Language;
            await users.UpdateAsync(user);
        }

        var personId = user.PersonId ?? invitation.PersonId;
        switch (invitation.Grant)
        {
            case InvitationGrant.GroupMember or InvitationGrant.GroupCoordinator when invitation.GroupId is int groupId:
                // A group deleted since the invitation was sent leaves nothing to join; the account is still made.
                if (!await db.Groups.AnyAsync(g => g.Id == groupId, ct)) break;
                var role = invitation.Grant == InvitationGrant.GroupCoordinator ? GroupRole.Coordinator : GroupRole.Member;
                var member = await db.GroupMembers.SingleOrDefaultAsync(m => m.GroupId == groupId && m.PersonId == personId, ct);
                if (member is null)
                {
                    db.GroupMembers.Add(new GroupMember { GroupId = groupId, PersonId = personId, Role = role, Since = DateOnly.FromDateTime(now) });
                }
                else if (role == GroupRole.Coordinator)
                {
                    // Never a demotion: a coordinator invited as a member stays coordinator.
                    member.Role = GroupRole.Coordinator;
                }
                break;
            case InvitationGrant.FocalPoint when invitation.AgendaId is int agendaId && invitation.CountryId is int countryId:
                if (!await db.FocalPoints.AnyAsync(f => f.AgendaId == agendaId && f.CountryId == countryId && f.PersonId == personId, ct))
                {
                    db.FocalPoints.Add(new FocalPoint { AgendaId = agendaId, CountryId = countryId, PersonId = personId });
                }
                break;
            case InvitationGrant.SecretariatAdmin:
                var made = await users.MakeSecretariatAdminAsync(db, user, ct);
                if (!made.Succeeded) throw new InvalidOperationException(string.Join(" ", made.Errors.Select(e => e.Description)));
                break;
        }
        invitation.AcceptedAt = now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(AcceptOutcome.Accepted, user);
    }

    /// <summary>Whether the user is the one the invitation is for: by the address, or by the person their account is.</summary>
    public async Task<bool> IsInviteeAsync(InvitationSummary invitation, int userId, CancellationToken ct = default)
    {
        var normalized = users.NormalizeEmail(invitation.Email);
        return await db.Users.AnyAsync(u => u.Id == userId && (u.NormalizedEmail == normalized || u.PersonId == invitation.PersonId), ct);
    }

    private async Task<RumboUser?> ExistingAccountAsync(Invitation invitation, CancellationToken ct)
    {
        var normalized = users.NormalizeEmail(invitation.Email);
        return await db.Users.Where(u => u.NormalizedEmail == normalized).OrderBy(u => u.Id).FirstOrDefaultAsync(ct)
               ?? await db.Users.SingleOrDefaultAsync(u => u.PersonId == invitation.PersonId, ct);
    }

    private async Task<IReadOnlyList<InvitationSummary>> SummarizeAsync(IQueryable<Invitation> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Select(i => new
            {
                i.Id, i.Email, i.PersonId, i.Person!.GivenName, i.Person.FamilyName, i.Grant, i.GroupId, i.AgendaId, i.CountryId,
                i.InvitedByUserId, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.Language,
            })
            .ToListAsync(ct);
        if (rows.Count == 0) return [];

        var groupIds = rows.Where(r => r.GroupId is not null).Select(r => r.GroupId!.Value).Distinct().ToList();
        var agendaIds = rows.Where(r => r.AgendaId is not null).Select(r => r.AgendaId!.Value).Distinct().ToList();
        var countryIds = rows.Where(r => r.CountryId is not null).Select(r => r.CountryId!.Value).Distinct().ToList();
        var inviterIds = rows.Select(r => r.InvitedByUserId).Distinct().ToList();
        var emails = rows.Select(r => users.NormalizeEmail(r.Email)).Distinct().ToList();
        var personIds = rows.Select(r => r.PersonId).Distinct().ToList();

        var groups = (await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).Select(g => new { g.Id, g.Name }).ToListAsync(ct))
            .ToDictionary(g => g.Id, g => g.Name.ToDocument());
        var agendas = (await db.Agendas.AsNoTracking().Where(a => agendaIds.Contains(a.Id)).Select(a => new { a.Id, a.Symbol, a.Title, a.DocumentLanguage }).ToListAsync(ct))
            .ToDictionary(a => a.Id);
        var countries = (await db.Countries.AsNoTracking().Where(c => countryIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => c.Name.ToDocument());
        var inviters = (await db.Users.AsNoTracking().Where(u => inviterIds.Contains(u.Id))
                .Select(u => new { u.Id, u.Email, GivenName = u.Person != null ? u.Person.GivenName : null, FamilyName = u.Person != null ? u.Person.FamilyName : null })
                .ToListAsync(ct))
            .ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.GivenName + u.FamilyName) ? u.Email ?? "" : $"{u.GivenName} {u.FamilyName}".Trim());
        var accounts = await db.Users.AsNoTracking()
            .Where(u => (u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail)) || (u.PersonId != null && personIds.Contains(u.PersonId.Value)))
            .Select(u => new { u.NormalizedEmail, u.PersonId }).ToListAsync(ct);

        var now = Now;
        return rows.Select(r =>
        {
            var agenda = r.AgendaId is int a && agendas.TryGetValue(a, out var found) ? found : null;
            var normalized = users.NormalizeEmail(r.Email);
            return new InvitationSummary(
                r.Id, r.Email, r.PersonId, $"{r.GivenName} {r.FamilyName}".Trim(), r.Grant,
                r.GroupId, r.GroupId is int g && groups.TryGetValue(g, out var gn) ? gn : null,
                r.AgendaId, agenda?.Symbol, agenda?.Title.ToDocument(), agenda?.DocumentLanguage,
                r.CountryId, r.CountryId is int c && countries.TryGetValue(c, out var cn) ? cn : null,
                inviters.GetValueOrDefault(r.InvitedByUserId, ""),
                r.CreatedAt, r.ExpiresAt, r.AcceptedAt, StateOf(r.AcceptedAt, r.ExpiresAt, now),
                accounts.Any(u => u.NormalizedEmail == normalized || u.PersonId == r.PersonId), r.Language);
        }).ToList();
    }
}
