using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Groups;
using Rumbo.Core.Plans;

namespace Rumbo.Web.Components;

/// <summary>The group page's plans of work: the current plan with its timeline, a link to all, and "New plan" for its editors.</summary>
public sealed class GroupPlansViewComponent(CurrentUser currentUser) : ViewComponent
{
    public sealed record Model(string GroupSlug, PlanDetail? Current, int Count, bool CanEdit);

    // The current plan comes from the page's read model.
    public async Task<IViewComponentResult> InvokeAsync(GroupPage page)
    {
        var user = await currentUser.GetAsync(HttpContext.User, HttpContext.RequestAborted);
        var canEdit = user.CanEditPlans(page.Group.Id);
        if (page.PlanCount == 0 && !canEdit) return Content(string.Empty);
        return View(new Model(page.Group.Slug, page.CurrentPlan, page.PlanCount, canEdit));
    }
}
