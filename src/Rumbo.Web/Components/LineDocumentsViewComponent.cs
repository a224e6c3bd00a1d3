using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Documents;

namespace Rumbo.Web.Components;

/// <summary>Documents linked to a line of action, on the line's page: those the reader may see, or nothing.</summary>
public sealed class LineDocumentsViewComponent(DocumentReader reader, CurrentUser currentUser) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int lineId)
    {
        var ct = HttpContext.RequestAborted;
        var user = await currentUser.GetAsync(UserClaimsPrincipal, ct);
        var (items, _) = await reader.ListAsync(new DocumentFilter(LineId: lineId), user, 50, ct);
        return items.Count == 0 ? Content(string.Empty) : View(items);
    }
}
