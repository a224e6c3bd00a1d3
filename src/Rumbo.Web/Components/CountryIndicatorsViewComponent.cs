using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Indicators;

namespace Rumbo.Web.Components;

/// <summary>A country's indicators on its page: approved values and both methods' progress, per agenda; nothing without values.</summary>
public sealed class CountryIndicatorsViewComponent(IndicatorReader reader) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string countryCode)
    {
        var agendas = await reader.ForCountryAsync(countryCode, HttpContext.RequestAborted);
        if (agendas.Count == 0) return Content(string.Empty);
        return View((countryCode, agendas));
    }
}
