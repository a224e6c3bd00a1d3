using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Policies;

namespace Rumbo.Web.Components;

/// <summary>The published policies that serve a line of action, on the line's page; nothing when there are none.</summary>
public sealed class LinePoliciesViewComponent(PolicyReader reader) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int lineId)
    {
        var items = await reader.PublishedForLineAsync(lineId, HttpContext.RequestAborted);
        return items.Count == 0 ? Content(string.Empty) : View((IReadOnlyList<PolicyListItem>)items);
    }
}
