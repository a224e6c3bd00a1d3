using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Rumbo.Web.Infrastructure;

/// <summary>
/// The cookie temp-data provider, except that a page which only looked for a message (the meeting page's "You are
/// registered.") and found none answers no <c>Set-Cookie</c> deleting a cookie the request never had. That header kept
/// such pages out of the output cache, which stores no answer that sets a cookie.
/// </summary>
public sealed class QuietTempData(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(options.Value.Cookie.Name!)) return;
        inner.SaveTempData(context, values);
    }

    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<CookieTempDataProvider>();
        services.AddSingleton<ITempDataProvider>(sp => new QuietTempData(
            sp.GetRequiredService<CookieTempDataProvider>(), sp.GetRequiredService<IOptions<CookieTempDataProviderOptions>>()));
    }
}
