using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Rumbo.Core.Accounts;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Account;

[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SignInModel(SignInManager<RumboUser> signIn, UserManager<RumboUser> users, TimeProvider clock) : PageModel
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
        ModelState.ReplaceBindingErrors("Check this value.");
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddMessage(nameof(Email), "Enter your e-mail address.");
        if (string.IsNullOrEmpty(Password)) ModelState.AddMessage(nameof(Password), "Enter your password.");
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
            if (result.Succeeded)
            {
                if (user.Language is { } language) LanguageCookie.Set(Response, language, clock);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            }
            // A locked account gets the answer of a wrong password: a lockout message would tell a guesser that the
            // address has an account. Its owner gets back in by resetting the password, which ends the lockout.
        }
        ModelState.AddMessage(Forms.FormKey, "The e-mail address or the password is not right.");
        return Page();
    }
}
