using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Meetings;

namespace Rumbo.Web.Components;

/// <summary>The group page's meetings: upcoming and recent, with links to all and to the calendar.</summary>
public sealed class GroupMeetingsViewComponent(MeetingReader reader, CurrentUser currentUser, TimeProvider clock) : ViewComponent
{
    public sealed record Model(string Slug, IReadOnlyList<MeetingSummary> Upcoming, IReadOnlyList<MeetingSummary> Recent, int Total, bool CanManage);

    // What the page already read (slug, group, language) is passed in rather than read again.
    public async Task<IViewComponentResult> InvokeAsync(int groupId, string slug)
    {
        var ct = HttpContext.RequestAborted;
        var viewer = await currentUser.GetAsync(HttpContext.User, ct);
        var (upcoming, recent, total) = await reader.LatestOfGroupAsync(groupId, viewer, clock.GetUtcNow().UtcDateTime, 3, ct);
        return View(new Model(slug, upcoming, recent, total, viewer.CanManageMeetings(groupId)));
    }
}
