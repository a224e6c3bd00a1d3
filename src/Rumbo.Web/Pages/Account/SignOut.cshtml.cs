using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rumbo.Core.Accounts;

namespace Rumbo.Web.Pages.Account;

/// <summary>
/// Signing out is a post with the antiforgery token, so that no link or image on another site can sign anyone out;
/// a visit to the address only shows the button.
/// </summary>
public sealed class SignOutModel(SignInManager<RumboUser> signIn, UserManager<RumboUser> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Deleting the cookie in this browser is not enough: a copy of it (a shared computer, a stolen cookie) would
        // still sign in. A new security stamp voids every cookie issued before, on every device.
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
