using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rumbo.Core.Localization;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages;

/// <summary>The language switch: a plain link, so it works without JavaScript; the choice is kept in a cookie for a year.</summary>
public sealed class CultureModel(TimeProvider clock) : PageModel
{
    public IActionResult OnGet(string? lang, string? returnUrl)
    {
        if (!InterfaceLanguages.IsSupported(lang)) return BadRequest();
        LanguageCookie.Set(Response, lang!, clock);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
