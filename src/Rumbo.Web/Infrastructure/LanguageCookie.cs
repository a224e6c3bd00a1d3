using Microsoft.AspNetCore.Localization;
using Rumbo.Core.Localization;

namespace Rumbo.Web.Infrastructure;

/// <summary>
/// The cookie that keeps a reader's interface language for a year. The language switch sets it, and so do signing in
/// and saving the profile with the account's own language: the request's language is read before the user is known.
/// </summary>
public static class LanguageCookie
{
    public static void Set(HttpResponse response, string language, TimeProvider clock) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(InterfaceLanguages.Normalize(language))),
            new CookieOptions
            {
                Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax,
                Secure = response.HttpContext.Request.IsHttps, HttpOnly = true,
            });
}
