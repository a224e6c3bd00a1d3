using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rumbo.Web.Pages;

/// <summary>The language switch: a plain link, so it works without JavaScript; the choice is kept in a cookie for a year.</summary>
public sealed class CultureModel(TimeProvider clock) : PageModel
{
    public IActionResult OnGet(string? lang, string? returnUrl)
    {
        if (lang is not ("en" or "es")) return BadRequest();
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(lang)),
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
