using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rumbo.Web.Pages;

/// <summary>What the sign-in rate limit's 429 shows: the error pages re-execute /error/429, which lands here.</summary>
[IgnoreAntiforgeryToken]
public sealed class TooManyRequestsModel : PageModel
{
    public IActionResult OnGet() => Answer();

    public IActionResult OnPost() => Answer();

    private PageResult Answer()
    {
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Page();
    }
}
