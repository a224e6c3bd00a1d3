using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Data;
using Rumbo.Core.Policies;

namespace Rumbo.Web.Components;

/// <summary>A country's published policies on its page, with a link to its whole register; nothing when it has none.</summary>
public sealed class CountryPoliciesViewComponent(PolicyReader reader, RumboDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string countryCode)
    {
        var ct = HttpContext.RequestAborted;
        var id = await db.Countries.AsNoTracking().Where(c => c.Code == countryCode).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        if (id is null) return Content(string.Empty);
        var items = await reader.PublishedForCountryAsync(id.Value, ct);
        return items.Count == 0 ? Content(string.Empty) : View((countryCode, (IReadOnlyList<PolicyListItem>)items));
    }
}
