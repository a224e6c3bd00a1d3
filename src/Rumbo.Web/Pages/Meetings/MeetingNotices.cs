using Rumbo.Core.Calendars;

namespace Rumbo.Web.Pages.Meetings;

/// <summary>
/// Telling people of a change comes after the change is saved: if telling them fails (the database gone between two
/// queries, a mail server refusing), the saved change must still answer as saved, so the failure is logged, not thrown.
/// </summary>
public static class MeetingNotices
{
    public static async Task SendAsync(IMeetingNotifier notifier, HttpContext http, int meetingId, MeetingChange change, IReadOnlyCollection<int>? people, CancellationToken ct)
    {
        try
        {
            await notifier.NotifyAsync(meetingId, change, people, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            http.RequestServices.GetRequiredService<ILogger<IMeetingNotifier>>()
                .LogError(e, "The {Change} notice of meeting {MeetingId} could not be sent; the change itself is saved", change, meetingId);
        }
    }
}
