using Microsoft.AspNetCore.Mvc;

namespace Rumbo.Web.Components;

/// <summary>Documents linked to a line of action, on the line's page.</summary>
public sealed class LineDocumentsViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(int lineId) => Content(string.Empty);
}
