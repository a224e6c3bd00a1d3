using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;

namespace Rumbo.Web.Components;

/// <summary>The group page's meetings: upcoming and recent, with links to all and to the calendar.</summary>
public sealed class GroupMeetingsViewComponent(RumboDbContext db, MeetingReader reader, CurrentUser currentUser, TimeProvider clock) : ViewComponent
{
    public sealed record Model(string Slug, IReadOnlyList<MeetingSummary> Upcoming, IReadOnlyList<MeetingSummary> Recent, int Total, bool CanManage);

    public async Task<IViewComponentResult> InvokeAsync(int groupId)
    {
        var ct = HttpContext.RequestAborted;
        var slug = await db.Groups.AsNoTracking().Where(g => g.Id == groupId).Select(g => g.Slug).SingleAsync(ct);
        var viewer = await currentUser.GetAsync(HttpContext.User, ct);
        var all = await reader.ListAsync(new MeetingFilter(GroupId: groupId), viewer, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return View(new Model(slug,
            all.Where(m => m.EndsAtUtc > now).Take(3).ToList(),
            all.Where(m => m.EndsAtUtc <= now).OrderByDescending(m => m.StartsAtUtc).Take(3).ToList(),
            all.Count, viewer.CanManageMeetings(groupId)));
    }
}
