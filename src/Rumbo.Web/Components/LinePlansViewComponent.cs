using Microsoft.AspNetCore.Mvc;

namespace Rumbo.Web.Components;

/// <summary>Plan activities linked to a line of action, on the line's page.</summary>
public sealed class LinePlansViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(int lineId) => Content(string.Empty);
}
