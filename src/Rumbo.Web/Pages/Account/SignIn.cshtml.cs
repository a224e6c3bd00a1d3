using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Rumbo.Core.Accounts;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Account;

[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SignInModel(SignInManager<RumboUser> signIn, UserManager<RumboUser> users, IStringLocalizer<SharedResource> T, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.ReplaceBindingErrors(T["Check this value."]);
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), T["Enter your e-mail address."]);
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), T["Enter your password."]);
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Email!.Trim());
        if (user is null)
        {
            // Hash anyway, so that an unknown address takes as long to refuse as a wrong password.
            users.PasswordHasher.HashPassword(new RumboUser(), Password!);
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, Password!, RememberMe, lockoutOnFailure: true);
            if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            if (result.IsLockedOut)
            {
                var until = await users.GetLockoutEndDateAsync(user) ?? clock.GetUtcNow();
                ModelState.AddModelError(Forms.FormKey, T["Too many failed attempts: this account is locked until {0} UTC. Try again then, or reset your password.",
                    until.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)]);
                return Page();
            }
        }
        ModelState.AddModelError(Forms.FormKey, T["The e-mail address or the password is not right."]);
        return Page();
    }
}
