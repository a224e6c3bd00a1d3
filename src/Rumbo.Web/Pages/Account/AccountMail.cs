using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Rumbo.Core.Accounts;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Account;

/// <summary>The messages the accounts send, written in the recipient's language.</summary>
public sealed class AccountMail(IStringLocalizer<SharedResource> T, IMailSender sender, MailOptions options)
{
    /// <summary>Where links in messages point: the configured public address, else the request's own.</summary>
    public string SiteUrl(HttpRequest request) =>
        !string.IsNullOrWhiteSpace(options.SiteUrl)
            ? options.SiteUrl.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";

    public Task SendPasswordResetAsync(string to, string link, string language, CancellationToken ct) =>
        InLanguage(language, () => new OutgoingMail(to,
            T["Reset your Rumbo password"],
            string.Join("\n",
                T["Someone asked to reset the password of the Rumbo account for {0}. To choose a new password, open this link:", to].Value,
                "",
                link,
                "",
                T["The link works once, within a day."].Value,
                "",
                T["If it was not you, ignore this message: your password stays as it is."].Value)), ct);

    public Task SendInvitationAsync(InvitationSummary invitation, string link, string language, CancellationToken ct) =>
        InLanguage(language, () => new OutgoingMail(invitation.Email,
            T["Invitation to Rumbo"],
            string.Join("\n",
                T["Hello {0},", invitation.PersonName].Value,
                "",
                T["{0} invites you to {1} on Rumbo, the platform for the follow-up of regional development agendas.", invitation.InvitedBy, AccountTexts.Grant(T, invitation)].Value,
                "",
                T["To accept, open this link:"].Value,
                "",
                link,
                "",
                T["The link works once and expires on {0} (UTC).", AccountTexts.DateTime(invitation.ExpiresAt)].Value,
                "",
                T["If you did not expect this invitation, ignore this message."].Value)), ct);

    /// <summary>The localizer reads the current culture, so the message is written with the recipient's in place.</summary>
    private async Task InLanguage(string language, Func<OutgoingMail> write, CancellationToken ct)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        OutgoingMail message;
        try
        {
            var culture = CultureInfo.GetCultureInfo(language is "es" ? "es" : "en");
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            message = write();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
        await sender.SendAsync(message, ct);
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
        utc.ToString(Ui.Language == "es" ? "d 'de' MMMM 'de' yyyy, HH:mm" : "d MMMM yyyy, HH:mm", CultureInfo.CurrentUICulture);

    /// <summary>Identity's messages are English; the ones a user can meet here are given in the interface language.</summary>
    public static string Describe(IStringLocalizer T, IdentityError e, int requiredLength) => e.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => T["The password needs at least {0} characters.", requiredLength],
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => T["An account with this e-mail address exists already."],
        nameof(IdentityErrorDescriber.InvalidToken) => T["This link is not valid any more. Ask for a new one."],
        _ => e.Description,
    };
}
