using Microsoft.AspNetCore.Mvc;

namespace Rumbo.Web.Components;

/// <summary>The meeting page's records (minutes, memory aids) and agreements.</summary>
public sealed class MeetingOutcomesViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(int meetingId) => Content(string.Empty);
}
