using Microsoft.AspNetCore.Mvc;

namespace Rumbo.Web.Components;

/// <summary>The meeting page's documents.</summary>
public sealed class MeetingDocumentsViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(int meetingId) => Content(string.Empty);
}
