using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Accounts;
using Rumbo.Core.Groups;
using Rumbo.Core.Plans;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Plans.ForGroup;

/// <summary>A group's plans of work, newest period first.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class PlansModel(GroupReader groups, PlanReader plans, CurrentUser currentUser) : PageModel
{
    public GroupDetail Group { get; private set; } = null!;
    public IReadOnlyList<PlanListItem> Plans { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var group = await groups.GetAsync(slug, ct);
        if (group is null) return NotFound();
        Group = group;
        Plans = await plans.ListAsync(groupId: group.Id, ct: ct);
        CanEdit = (await currentUser.GetAsync(User, ct)).CanEditPlans(group.Id);
        return Page();
    }
}
