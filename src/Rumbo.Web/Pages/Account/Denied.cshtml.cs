using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rumbo.Web.Pages.Account;

/// <summary>
/// The answer to a signed-in user who may not do what they asked, reached by the cookie's redirect and by
/// handlers that answer 403 (the error pages re-execute /error/403 here). It says so with the status too.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class DeniedModel : PageModel
{
    public IActionResult OnGet() => Denied();

    public IActionResult OnPost() => Denied();

    private PageResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
