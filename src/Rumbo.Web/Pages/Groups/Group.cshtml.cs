using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Accounts;
using Rumbo.Core.Groups;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Groups;

[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class GroupModel(GroupPageReader reader, CurrentUser currentUser) : PageModel
{
    /// <summary>From the page's read model, for the reader's audience (decision 0025).</summary>
    public GroupPage Facts { get; private set; } = null!;

    /// <summary>Safe under the output cache, which never stores or serves a signed-in request.</summary>
    public bool CanEdit { get; private set; }
    public bool CanSeeHistory { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        var page = await reader.GetAsync(slug, user, ct);
        if (page is null) return NotFound();
        Facts = page;
        var group = page.Group;
        CanEdit = user.CanEditGroup(group.Id);
        CanSeeHistory = user.CanSeeAudit();
        return Page();
    }
}
