using Microsoft.AspNetCore.Mvc;

namespace Rumbo.Web.Components;

/// <summary>Meetings whose agenda items are linked to a line of action, on the line's page.</summary>
public sealed class LineMeetingsViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(int lineId) => Content(string.Empty);
}
