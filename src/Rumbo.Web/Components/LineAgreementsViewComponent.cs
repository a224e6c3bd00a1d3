using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Web.Pages.Agreements;
using Rumbo.Core.Agreements;

namespace Rumbo.Web.Components;

/// <summary>Agreements linked to a line of action, on the line's page: nothing at all when the reader may see none.</summary>
public sealed class LineAgreementsViewComponent(RumboDbContext db, CurrentUser currentUser) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int lineId)
    {
        var ct = HttpContext.RequestAborted;
        var user = await currentUser.GetAsync(UserClaimsPrincipal, ct);
        // From the line's links: asked from the agreements' side, SQLite scanned every agreement.
        var linked = db.AgreementLines.Where(l => l.LineOfActionId == lineId).Select(l => l.AgreementId);
        var agreements = await AgreementReader.LoadAsync(db, db.Agreements.Where(a => linked.Contains(a.Id)).Visible(user), ct);
        if (agreements.Count == 0) return Content(string.Empty);
        return View(agreements);
    }
}
