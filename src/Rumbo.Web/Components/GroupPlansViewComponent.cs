using Microsoft.AspNetCore.Mvc;

namespace Rumbo.Web.Components;

/// <summary>The group page's plans of work.</summary>
public sealed class GroupPlansViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(int groupId) => Content(string.Empty);
}
