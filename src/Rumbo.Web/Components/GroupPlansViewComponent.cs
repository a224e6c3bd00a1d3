using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Plans;

namespace Rumbo.Web.Components;

/// <summary>The group page's plans of work: the current plan with its timeline, a link to all, and "New plan" for its editors.</summary>
public sealed class GroupPlansViewComponent(PlanReader reader, CurrentUser currentUser, TimeProvider clock) : ViewComponent
{
    public sealed record Model(string GroupSlug, PlanDetail? Current, int Count, bool CanEdit);

    // What the page already read (slug, group, language) is passed in rather than read again.
    public async Task<IViewComponentResult> InvokeAsync(int groupId, string slug)
    {
        var ct = HttpContext.RequestAborted;
        var plans = await reader.ListAsync(groupId: groupId, ct: ct);
        var user = await currentUser.GetAsync(HttpContext.User, ct);
        var canEdit = user.CanEditPlans(groupId);
        if (plans.Count == 0 && !canEdit) return Content(string.Empty);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1);
        // The current plan is the one whose period holds this month, else the latest one.
        var current = plans.FirstOrDefault(p => p.PeriodStart <= month && month <= p.PeriodEnd) ?? plans.FirstOrDefault();
        var detail = current is null ? null : await reader.GetAsync(current.Id, ct);
        return View(new Model(slug, detail, plans.Count, canEdit));
    }
}
