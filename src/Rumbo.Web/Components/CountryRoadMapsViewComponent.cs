using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.RoadMaps;

namespace Rumbo.Web.Components;

/// <summary>
/// A country's road maps on its page, as far as the reader may see them (the output cache keeps only the anonymous
/// reader's page, which shows the public ones); nothing when there is none.
/// </summary>
public sealed class CountryRoadMapsViewComponent(RoadMapReader reader, CurrentUser currentUser, RumboDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string countryCode)
    {
        var ct = HttpContext.RequestAborted;
        var id = await db.Countries.AsNoTracking().Where(c => c.Code == countryCode).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        if (id is null) return Content(string.Empty);
        var viewer = await currentUser.GetAsync(HttpContext.User, ct);
        var page = await reader.ListAsync(viewer, new RoadMapFilter(CountryId: id), 1, RoadMapReader.MaxPageSize, ct);
        return page.Items.Count == 0 ? Content(string.Empty) : View(page.Items);
    }
}
