using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Meetings;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests;

public abstract partial class PermissionMatrixTests
{
    private static Who[] Managers => [Who.GroupCoordinator, Who.Secretariat];

    /// <summary>People who have a person and belong to the group (coordinators are members too).</summary>
    private static Who[] Members => [Who.GroupMember, Who.GroupCoordinator];

    /// <summary>Everyone with a person: the secretariat and signed-in accounts of the matrix have none.</summary>
    private static Who[] WithPerson => [Who.GroupMember, Who.GroupCoordinator, Who.FocalPoint];

    private static Task<Dictionary<string, string>> Versioned() => Task.FromResult(new Dictionary<string, string> { ["Version"] = "0" });

    private static Dictionary<string, string> MeetingFields(string title) => new()
    {
        ["Form.Kind"] = "WorkingMeeting", ["Form.Title.Source"] = title, ["Form.Format"] = "InPerson", ["Form.Date"] = "2031-05-06",
        ["Form.Time"] = "10:00", ["Form.TimeZone"] = "America/Santiago", ["Form.DurationMinutes"] = "90", ["Form.City"] = "Santiago",
        ["Form.Access"] = "Public", ["Repeat"] = "Never",
    };

    private static IEnumerable<Write> MeetingWrites() =>
    [
        new("schedule a meeting", async t => $"/groups/{(await t.Scenario()).Complete}/meetings/new",
            _ => Task.FromResult(MeetingFields("Matrix meeting")), Managers),
        new("edit a meeting", async t => $"/meetings/{await t.NewMeeting(Visibility.Public)}/edit",
            _ => Task.FromResult(new Dictionary<string, string>(MeetingFields("Edited matrix meeting")) { ["Version"] = "0" }), Managers),
        new("cancel a meeting", async t => $"/meetings/{await t.NewMeeting(Visibility.Public)}/edit?handler=Cancel", _ => Versioned(), Managers),
        new("cancel a meeting and the rest of its series", async t => $"/meetings/{await t.NewMeeting(Visibility.Public, series: true)}/edit?handler=CancelFollowing",
            _ => Versioned(), Managers),
        new("add an agenda item", async t => $"/meetings/{await t.NewMeeting(Visibility.Public)}/edit?handler=SaveItem",
            _ => Task.FromResult(new Dictionary<string, string> { ["Version"] = "0", ["ItemTitle.Source"] = "Opening", ["ItemLines"] = "2.5.1" }), Managers),
        new("edit an agenda item", async t =>
            {
                var (meeting, items) = await t.MeetingWithItems();
                return $"/meetings/{meeting}/edit?handler=SaveItem";
            },
            async t => new() { ["Version"] = "0", ["ItemId"] = (await t.LastItem()).ToString(CultureInfo.InvariantCulture), ["ItemTitle.Source"] = "Renamed item" }, Managers),
        new("move an agenda item", async t =>
            {
                var (meeting, items) = await t.MeetingWithItems();
                return $"/meetings/{meeting}/edit?handler=MoveItem&itemId={items[1]}&by=-1";
            }, _ => Versioned(), Managers),
        new("remove an agenda item", async t =>
            {
                var (meeting, items) = await t.MeetingWithItems();
                return $"/meetings/{meeting}/edit?handler=RemoveItem&itemId={items[0]}";
            }, _ => Versioned(), Managers),
        new("invite people to a meeting", async t => $"/meetings/{await t.NewMeeting(Visibility.Members)}/participants?handler=Invite",
            async t => new() { ["Version"] = "0", ["OtherPersonId"] = await t.NewPerson() }, Managers),
        new("take attendance", async t => $"/meetings/{await t.MeetingWithInvitee()}/participants?handler=Attendance",
            async t => new() { ["Version"] = "0", ["Attendance[0].PersonId"] = await t.LastParticipant(), ["Attendance[0].Attended"] = "yes", ["Confirmed"] = "true" }, Managers),
        new("add an attendee", async t => $"/meetings/{await t.NewMeeting(Visibility.Members)}/participants?handler=AddAttendee",
            async t => new() { ["Version"] = "0", ["AttendeePersonId"] = await t.NewPerson(), ["Confirmed"] = "true" }, Managers),
        new("register for an open meeting", async t => $"/meetings/{await t.NewMeeting(Visibility.Public)}?handler=Register",
            _ => Task.FromResult(new Dictionary<string, string>()), WithPerson),
        new("register for a closed meeting", async t => $"/meetings/{await t.NewMeeting(Visibility.Members)}?handler=Register",
            _ => Task.FromResult(new Dictionary<string, string>()), Members),
        new("unregister from a meeting", async t => $"/meetings/{await t.NewMeeting(Visibility.Public, participant: (false, true))}?handler=Unregister",
            _ => Task.FromResult(new Dictionary<string, string>()), WithPerson),
        new("accept an invitation to a meeting", async t => $"/meetings/{await t.NewMeeting(Visibility.Members, participant: (true, false))}?handler=Accept",
            _ => Task.FromResult(new Dictionary<string, string>()), WithPerson),
        new("decline an invitation to a meeting", async t => $"/meetings/{await t.NewMeeting(Visibility.Members, participant: (true, false))}?handler=Decline",
            _ => Task.FromResult(new Dictionary<string, string>()), WithPerson),
    ];

    /// <summary>
    /// A new meeting of the complete group next year, at version 0. With <paramref name="participant"/>, the person of the
    /// user the case runs as (the newest "Matrix" person, made just before) is invited to it and/or registered for it.
    /// </summary>
    private async Task<string> NewMeeting(Visibility access, bool series = false, (bool Invited, bool Registered)? participant = null)
    {
        var slug = (await Scenario()).Complete;
        await using var db = app.Database.CreateContext();
        var groupId = await db.Groups.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync();
        var start = DateTime.UtcNow.Date.AddDays(400).AddHours(14);
        var meeting = MeetingScenario.New(groupId, "Matrix meeting", access, start, MeetingFormat.InPerson, null);
        if (series)
        {
            var s = new MeetingSeries { GroupId = groupId, RecurrenceRule = "FREQ=WEEKLY;BYDAY=TU;COUNT=2", TimeZone = "America/Santiago" };
            meeting.Series = s;
            var next = MeetingScenario.New(groupId, "Matrix meeting", access, start.AddDays(7), MeetingFormat.InPerson, null);
            next.Series = s;
            db.Meetings.Add(next);
        }
        if (participant is { } p && await NewestMatrixPerson() is { } personId and > 0)
        {
            meeting.Participants.Add(new MeetingParticipant
            {
                PersonId = personId, InvitedAtUtc = p.Invited ? DateTime.UtcNow : null, RegisteredAtUtc = p.Registered ? DateTime.UtcNow : null,
            });
        }
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<(string Meeting, int[] Items)> MeetingWithItems()
    {
        var id = int.Parse(await NewMeeting(Visibility.Public), CultureInfo.InvariantCulture);
        await using var db = app.Database.CreateContext();
        var items = new[] { "First item", "Second item" }
            .Select((title, i) => new MeetingItem { MeetingId = id, Position = i + 1, Title = new LocalizedText { Source = title } }).ToList();
        db.MeetingItems.AddRange(items);
        await db.SaveChangesAsync();
        return (id.ToString(CultureInfo.InvariantCulture), items.Select(i => i.Id).ToArray());
    }

    /// <summary>A closed meeting with one invited person, who is not the user the case runs as.</summary>
    private async Task<string> MeetingWithInvitee()
    {
        var id = int.Parse(await NewMeeting(Visibility.Members), CultureInfo.InvariantCulture);
        var person = int.Parse(await NewPerson(), CultureInfo.InvariantCulture);
        await using var db = app.Database.CreateContext();
        db.MeetingParticipants.Add(new MeetingParticipant { MeetingId = id, PersonId = person, InvitedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return id.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<string> LastParticipant()
    {
        await using var db = app.Database.CreateContext();
        return (await db.MeetingParticipants.MaxAsync(p => p.PersonId)).ToString(CultureInfo.InvariantCulture);
    }

    private async Task<int> LastItem()
    {
        await using var db = app.Database.CreateContext();
        return await db.MeetingItems.MaxAsync(i => i.Id);
    }

    /// <summary>The person the current case's user was made with (UserCookie runs before the case's URL); 0 when none yet.</summary>
    private async Task<int> NewestMatrixPerson()
    {
        await using var db = app.Database.CreateContext();
        return await db.People.Where(p => p.FamilyName == "Matrix").OrderByDescending(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync();
    }
}
