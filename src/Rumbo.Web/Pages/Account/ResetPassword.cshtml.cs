using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Rumbo.Core.Accounts;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Account;

public sealed class ResetPasswordModel(UserManager<RumboUser> users, IOptions<IdentityOptions> identity) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Done { get; private set; }

    public bool LinkIncomplete => string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(Code);

    public int RequiredLength => identity.Value.Password.RequiredLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.ReplaceBindingErrors("Check this value.");
        if (LinkIncomplete) return Page();
        if (string.IsNullOrEmpty(Password)) ModelState.AddMessage(nameof(Password), "Choose a password.");
        else if (Password != ConfirmPassword) ModelState.AddMessage(nameof(ConfirmPassword), "The two passwords are not the same.");
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Email!);
        string? token = null;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code!));
        }
        catch (FormatException)
        {
        }
        if (user is null || token is null)
        {
            ModelState.AddMessage(Forms.FormKey, "This link is not valid any more. Ask for a new one.");
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, Password!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                var key = e.Code == nameof(IdentityErrorDescriber.InvalidToken) ? Forms.FormKey : nameof(Password);
                ModelState.AddMessage(key, AccountTexts.Describe(e, RequiredLength));
            }
            return Page();
        }
        // Whoever can read the account's mail may have it back at once, lockout or not.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Done = true;
        return Page();
    }
}
