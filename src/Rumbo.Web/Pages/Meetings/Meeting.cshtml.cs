using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Meetings;

/// <summary>
/// One meeting. A closed meeting shows the public only what it is and when; its details are for the group's members,
/// the people invited and the secretariat. Signed-in people register, unregister, accept or decline here.
/// </summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class MeetingModel(RumboDbContext db, MeetingReader reader, CurrentUser currentUser, Rumbo.Core.Calendars.IMeetingNotifier notifier, TimeProvider clock) : PageModel
{
    public MeetingDetail Detail { get; private set; } = null!;
    public MeetingSummary M => Detail.Meeting;

    /// <summary>Safe under the output cache, which never stores or serves a signed-in request.</summary>
    public bool CanManage { get; private set; }
    public bool SignedIn { get; private set; }
    public bool HasPerson { get; private set; }
    public bool CanRegister { get; private set; }
    public bool IsPast { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        var detail = await reader.GetAsync(id, user, ct);
        if (detail is null) return NotFound();
        Fill(detail, user);
        return Page();
    }

    public Task<IActionResult> OnPostRegisterAsync(int id, CancellationToken ct) => RespondAsync(id, RegistrationAct.Register, ct);
    public Task<IActionResult> OnPostUnregisterAsync(int id, CancellationToken ct) => RespondAsync(id, RegistrationAct.Unregister, ct);
    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) => RespondAsync(id, RegistrationAct.Accept, ct);
    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct) => RespondAsync(id, RegistrationAct.Decline, ct);

    private async Task<IActionResult> RespondAsync(int id, RegistrationAct act, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return NotFound();
        if (user.PersonId is not { } personId) return StatusCode(StatusCodes.Status403Forbidden);
        var row = await db.MeetingParticipants.SingleOrDefaultAsync(p => p.MeetingId == id && p.PersonId == personId, ct);
        var invited = row?.InvitedAtUtc is not null;
        if (!user.CanRegisterForMeeting(meeting.Access, meeting.GroupId, invited)) return StatusCode(StatusCodes.Status403Forbidden);

        var now = clock.GetUtcNow().UtcDateTime;
        var refusal = MeetingParticipant.Refusal(meeting, row, act, now);
        if (refusal is not null)
        {
            var detail = await reader.GetAsync(id, user, ct);
            Fill(detail!, user);
            Refusal = refusal;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var isNew = row is null;
        if (row is null)
        {
            var country = await db.People.Where(p => p.Id == personId).Select(p => p.CountryId).SingleAsync(ct);
            row = new MeetingParticipant { MeetingId = id, PersonId = personId, CountryId = country };
            db.MeetingParticipants.Add(row);
        }
        if (!row.Answer(act, now)) db.MeetingParticipants.Remove(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (isNew)
        {
            // The same person's other request (a second click) made their one row first, and the unique index refused
            // this one: that registration stands, and this answer is the same as its.
            db.ChangeTracker.Clear();
            if (!await db.MeetingParticipants.AnyAsync(p => p.MeetingId == id && p.PersonId == personId && p.RegisteredAtUtc != null, ct)) throw;
            TempData.Notice("You are registered.");
            return Redirect($"/meetings/{id}");
        }
        if (act == RegistrationAct.Register && !invited)
        {
            // Whoever registers gets the calendar entry, as an invitee does; later changes reach them too.
            await MeetingNotices.SendAsync(notifier, HttpContext, id, Rumbo.Core.Calendars.MeetingChange.Registered, [personId], ct);
        }
        TempData.Notice(act switch
        {
            RegistrationAct.Register => "You are registered.",
            RegistrationAct.Accept => "You accepted the invitation.",
            RegistrationAct.Decline => "You declined the invitation.",
            _ => "Your registration was cancelled.",
        });
        return Redirect($"/meetings/{id}");
    }

    private void Fill(MeetingDetail detail, CurrentUser.Snapshot user)
    {
        Detail = detail;
        SignedIn = user.IsSignedIn;
        HasPerson = user.PersonId is not null;
        CanManage = user.CanManageMeetings(detail.Meeting.GroupId);
        // The one rule of when a meeting is over, as the lists and the registration ask it.
        IsPast = Meeting.Ended(detail.Meeting.StartsAtUtc, detail.Meeting.DurationMinutes, clock.GetUtcNow().UtcDateTime);
        CanRegister = detail.Meeting.Status == MeetingStatus.Scheduled && !IsPast
            && user.CanRegisterForMeeting(detail.Meeting.Access, detail.Meeting.GroupId, detail.Own?.Invited == true);
    }
}
