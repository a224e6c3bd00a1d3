using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Accounts;
using Rumbo.Core.Groups;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Groups;

[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class GroupModel(GroupReader reader, CurrentUser currentUser) : PageModel
{
    public GroupDetail Group { get; private set; } = null!;

    /// <summary>Safe under the output cache, which never stores or serves a signed-in request.</summary>
    public bool CanEdit { get; private set; }
    public bool CanSeeHistory { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var group = await reader.GetAsync(slug, ct);
        if (group is null) return NotFound();
        Group = group;
        var user = await currentUser.GetAsync(User, ct);
        CanEdit = user.CanEditGroup(group.Id);
        CanSeeHistory = user.CanSeeAudit();
        return Page();
    }
}
