using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rumbo.Core.Accounts;
using Rumbo.Core.RoadMaps;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.RoadMaps;

/// <summary>One training, mission or exchange; one not public answers 404 to all but the secretariat.</summary>
public sealed class ActivityModel(RoadMapReader reader, CurrentUser currentUser) : PageModel
{
    public ActivityDetail Activity { get; private set; } = null!;
    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var viewer = await currentUser.GetAsync(User, ct);
        var a = await reader.GetActivityAsync(viewer, id, ct);
        if (a is null || !viewer.CanSeeCapacityActivity(a.IsPublic)) return NotFound();
        Activity = a;
        CanWrite = viewer.CanWriteCapacityActivities();
        if (viewer.IsSignedIn) Response.Headers.CacheControl = "private, no-store";
        return Page();
    }
}
