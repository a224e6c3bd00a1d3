using Microsoft.AspNetCore.Mvc;

namespace Rumbo.Web.Components;

/// <summary>The group page's latest documents of its repository.</summary>
public sealed class GroupDocumentsViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(int groupId) => Content(string.Empty);
}
