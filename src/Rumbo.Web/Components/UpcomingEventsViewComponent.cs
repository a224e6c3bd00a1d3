using Microsoft.AspNetCore.Mvc;

namespace Rumbo.Web.Components;

/// <summary>Upcoming public events for the home page.</summary>
public sealed class UpcomingEventsViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(int? groupId, int count) => Content(string.Empty);
}
