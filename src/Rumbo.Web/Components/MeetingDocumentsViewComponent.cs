using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Documents;

namespace Rumbo.Web.Components;

/// <summary>The meeting page's documents: those linked to the meeting that the reader may see, or nothing.</summary>
public sealed class MeetingDocumentsViewComponent(DocumentReader reader, CurrentUser currentUser) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int meetingId)
    {
        var ct = HttpContext.RequestAborted;
        var user = await currentUser.GetAsync(UserClaimsPrincipal, ct);
        var items = await reader.OfMeetingAsync(meetingId, user, ct);
        return items.Count == 0 ? Content(string.Empty) : View(items);
    }
}
