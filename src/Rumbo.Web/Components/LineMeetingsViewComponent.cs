using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Meetings;

namespace Rumbo.Web.Components;

/// <summary>
/// Meetings whose agenda items are linked to a line of action, on the line's page. A closed meeting's agenda is for
/// its readers only, so it is listed only to those who may see it.
/// </summary>
public sealed class LineMeetingsViewComponent(MeetingReader reader, CurrentUser currentUser) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int lineId)
    {
        var ct = HttpContext.RequestAborted;
        var viewer = await currentUser.GetAsync(HttpContext.User, ct);
        var list = (await reader.ListAsync(new MeetingFilter(LineId: lineId), viewer, ct)).Where(m => m.Details)
            .OrderByDescending(m => m.StartsAtUtc).ToList();
        if (list.Count == 0) return Content(string.Empty);
        return View(list);
    }
}
