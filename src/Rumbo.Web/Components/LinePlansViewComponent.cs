using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Plans;

namespace Rumbo.Web.Components;

/// <summary>Plan activities linked to a line of action, on the line's page; nothing when there are none (plans are public).</summary>
public sealed class LinePlansViewComponent(PlanReader reader) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int lineId)
    {
        var items = await reader.ForLineAsync(lineId, HttpContext.RequestAborted);
        return items.Count == 0 ? Content(string.Empty) : View(items);
    }
}
