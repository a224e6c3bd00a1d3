using Microsoft.AspNetCore.Mvc;

namespace Rumbo.Web.Components;

/// <summary>Agreements linked to a line of action, on the line's page.</summary>
public sealed class LineAgreementsViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(int lineId) => Content(string.Empty);
}
