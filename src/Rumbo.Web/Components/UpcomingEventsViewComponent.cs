using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Meetings;

namespace Rumbo.Web.Components;

/// <summary>Upcoming public events for the home page: open meetings that are not cancelled, soonest first.</summary>
public sealed class UpcomingEventsViewComponent(MeetingReader reader, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int? groupId, int count)
    {
        var ct = HttpContext.RequestAborted;
        // The same for everyone: the home page is cached for the public.
        var list = (await reader.ListAsync(new MeetingFilter(GroupId: groupId, FromUtc: clock.GetUtcNow().UtcDateTime, PublicOnly: true), CurrentUser.Snapshot.Anonymous, ct))
            .Where(m => m.Status == MeetingStatus.Scheduled).Take(Math.Clamp(count, 1, 20)).ToList();
        return View(list);
    }
}
