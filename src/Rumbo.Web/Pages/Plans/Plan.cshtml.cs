using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Accounts;
using Rumbo.Core.Plans;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Plans;

[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class PlanModel(PlanReader reader, CurrentUser currentUser) : PageModel
{
    public PlanDetail Plan { get; private set; } = null!;

    /// <summary>Safe under the output cache, which never stores or serves a signed-in request.</summary>
    public bool CanEdit { get; private set; }
    public bool CanSeeHistory { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await reader.GetAsync(id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        var user = await currentUser.GetAsync(User, ct);
        CanEdit = user.CanEditPlans(plan.GroupId);
        CanSeeHistory = user.CanSeeAudit();
        return Page();
    }
}
