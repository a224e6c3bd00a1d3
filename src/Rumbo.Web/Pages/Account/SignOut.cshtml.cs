using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rumbo.Core.Accounts;

namespace Rumbo.Web.Pages.Account;

/// <summary>
/// Signing out is a post with the antiforgery token, so that no link or image on another site can sign anyone out;
/// a visit to the address only shows the button.
/// </summary>
public sealed class SignOutModel(SignInManager<RumboUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
