using Microsoft.AspNetCore.Mvc;

namespace Rumbo.Web.Components;

/// <summary>The group page's meetings: upcoming and recent, with links to all and to the calendar.</summary>
public sealed class GroupMeetingsViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(int groupId) => Content(string.Empty);
}
