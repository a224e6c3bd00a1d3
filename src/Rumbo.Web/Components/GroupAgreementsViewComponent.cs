using Microsoft.AspNetCore.Mvc;

namespace Rumbo.Web.Components;

/// <summary>The group page's agreements and records.</summary>
public sealed class GroupAgreementsViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(int groupId) => Content(string.Empty);
}
