using System.Net.Mail;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Rumbo.Core.Accounts;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Account;

[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class ForgotPasswordModel(UserManager<RumboUser> users, AccountMail mail, ILogger<ForgotPasswordModel> logger) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>The request was taken; the page says the same whether the address has an account or not.</summary>
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.ReplaceBindingErrors("Check this value.");
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            ModelState.AddMessage(nameof(Email), "Enter your e-mail address.");
            return Page();
        }
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || email.Length > 256)
        {
            ModelState.AddMessage(nameof(Email), "Enter an e-mail address such as name@example.org.");
            return Page();
        }
        var user = await users.FindByEmailAsync(email);
        if (user?.Email is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            // The answer must not differ for known addresses, so a message that is not sent is logged, not shown.
            if (!await mail.SendPasswordResetAsync(user.Email, $"/account/reset-password?email={Uri.EscapeDataString(user.Email)}&code={code}", user.Language ?? Ui.Language, ct))
            {
                logger.LogWarning("The password-reset message for user {UserId} was not sent", user.Id);
            }
        }
        Sent = true;
        return Page();
    }
}
