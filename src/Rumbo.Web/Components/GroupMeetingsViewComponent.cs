using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;

namespace Rumbo.Web.Components;

/// <summary>The group page's meetings: upcoming and recent, with links to all and to the calendar.</summary>
public sealed class GroupMeetingsViewComponent(MeetingReader reader, CurrentUser currentUser) : ViewComponent
{
    public sealed record Model(string Slug, IReadOnlyList<MeetingSummary> Upcoming, IReadOnlyList<MeetingSummary> Recent, int Total, bool CanManage);

    // The meetings come from the page's read model; only the reader's own rights are applied here.
    public async Task<IViewComponentResult> InvokeAsync(GroupPage page)
    {
        var ct = HttpContext.RequestAborted;
        var viewer = await currentUser.GetAsync(HttpContext.User, ct);
        var window = page.Meetings;
        var masked = await reader.MaskAsync([.. window.Upcoming, .. window.Recent], viewer, ct);
        return View(new Model(page.Group.Slug, masked[..window.Upcoming.Count], masked[window.Upcoming.Count..], window.Total,
            viewer.CanManageMeetings(page.Group.Id)));
    }
}
