using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Capacities;
using Rumbo.Core.Data;

namespace Rumbo.Web.Components;

/// <summary>
/// A country's TOPP diagnoses on its page, one line per agenda linking its integrated institutional profile: what the
/// reader may see only (the public: closed diagnoses the country made public); nothing when there is none.
/// </summary>
public sealed class CountryCapacitiesViewComponent(CapacityReader reader, CurrentUser currentUser, RumboDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string countryCode)
    {
        var ct = HttpContext.RequestAborted;
        var id = await db.Countries.AsNoTracking().Where(c => c.Code == countryCode).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        if (id is null) return Content(string.Empty);
        var viewer = await currentUser.GetAsync(UserClaimsPrincipal, ct);
        var items = (await reader.ListAsync(viewer, new AssessmentFilter(CountryId: id), 1, CapacityReader.MaxPageSize, ct)).Items;
        var latest = items.GroupBy(i => i.Agenda.Id).Select(g => g.First()).ToList();
        return latest.Count == 0 ? Content(string.Empty) : View((countryCode, (IReadOnlyList<AssessmentListItem>)latest));
    }
}
