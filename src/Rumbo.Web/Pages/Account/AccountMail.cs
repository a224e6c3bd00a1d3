using Rumbo.Core.Localization;
using Rumbo.Core.Validation;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Rumbo.Core.Accounts;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Account;

/// <summary>The messages the accounts send, written in the recipient's language.</summary>
/// <remarks>
/// A message is sent after the change it reports is saved. Whatever stops it (no site address, an address the mail
/// server refuses, a mail folder that cannot be written) is logged and answered as false, never thrown: the saved
/// change must not turn into an error page.
/// </remarks>
public sealed class AccountMail(IStringLocalizer<SharedResource> T, IMailSender sender, MailOptions options, ILogger<AccountMail> logger)
{
    /// <summary>
    /// The address shown on a page to the person who asked for it (their calendar link): the configured public
    /// address, else the request's own. Mail never uses the request's: see <see cref="SendPasswordResetAsync"/>.
    /// </summary>
    public string SiteUrl(HttpRequest request) => options.PublicSite ?? $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>The reset message; <paramref name="path"/> is the link's path and query from the site's root. False when not sent.</summary>
    public Task<bool> SendPasswordResetAsync(string to, string path, string language, CancellationToken ct) =>
        SendAsync("password-reset", language, link => new OutgoingMail(to,
            T["Reset your Rumbo password"],
            string.Join("\n",
                T["Someone asked to reset the password of the Rumbo account for {0}. To choose a new password, open this link:", to].Value,
                "",
                link + path,
                "",
                T["The link works once, within a day."].Value,
                "",
                T["If it was not you, ignore this message: your password stays as it is."].Value)), ct);

    /// <summary>The invitation, in the invitee's language; <paramref name="path"/> is the link's path from the site's root. False when not sent.</summary>
    public Task<bool> SendInvitationAsync(InvitationSummary invitation, string path, CancellationToken ct) =>
        SendAsync("invitation", invitation.Language, link => new OutgoingMail(invitation.Email,
            T["Invitation to Rumbo"],
            string.Join("\n",
                T["Hello {0},", invitation.PersonName].Value,
                "",
                T["{0} invites you to {1} on Rumbo, the platform for the follow-up of regional development agendas.", invitation.InvitedBy, AccountTexts.Grant(T, invitation)].Value,
                "",
                T["To accept, open this link:"].Value,
                "",
                link + path,
                "",
                T["The link works once and expires on {0} (UTC).", AccountTexts.DateTime(invitation.ExpiresAt)].Value,
                "",
                T["If you did not expect this invitation, ignore this message."].Value)), ct);

    /// <summary>
    /// <paramref name="write"/> writes the message, given the site's public address. The localizer reads the current
    /// culture, so the message is written with the recipient's in place.
    /// </summary>
    private async Task<bool> SendAsync(string kind, string language, Func<string, OutgoingMail> write, CancellationToken ct)
    {
        if (options.PublicSite is not { } site)
        {
            logger.LogWarning("The {Kind} message was not sent. {Reason}", kind, MailOptions.NoSiteUrl);
            return false;
        }
        OutgoingMail message;
        using (InterfaceLanguages.Use(language))
        {
            message = write(site);
        }
        try
        {
            await sender.SendAsync(message, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The {Kind} message could not be sent", kind);
            return false;
        }
    }
}

/// <summary>Texts the account pages and messages share.</summary>
public static class AccountTexts
{
    /// <summary>What an invitation grants, as the end of "… invites you to …".</summary>
    public static string Grant(IStringLocalizer T, InvitationSummary i) => i.Grant switch
    {
        InvitationGrant.GroupMember => T["join {0} as a member", Name(i.GroupName)],
        InvitationGrant.GroupCoordinator => T["coordinate {0}", Name(i.GroupName)],
        InvitationGrant.FocalPoint => T["be the focal point of {0} for {1}", i.AgendaSymbol ?? "", Name(i.CountryName)],
        InvitationGrant.SecretariatAdmin => T["administer Rumbo for the technical secretariat"],
        _ => T["have an account"],
    };

    /// <summary>A reference name (group, country, institution) in the interface language when translated.</summary>
    public static string Name(Core.Agendas.LocalizedString? s) => s is null ? "" : Ui.Plain(s, Ui.Language);

    public static string DateTime(DateTime utc) =>
        utc.ToString(InterfaceLanguages.DatePattern(Ui.Language) + ", HH:mm", CultureInfo.CurrentUICulture);

    /// <summary>Identity's messages are English; the ones a user can meet here are given in the interface language.</summary>
    public static ValidationMessage Describe(IdentityError e, int requiredLength) => e.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => new ValidationMessage("The password needs at least {0} characters.", requiredLength),
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => new ValidationMessage("An account with this e-mail address exists already."),
        nameof(IdentityErrorDescriber.InvalidToken) => new ValidationMessage("This link is not valid any more. Ask for a new one."),
        _ => new ValidationMessage(e.Description),
    };
}
