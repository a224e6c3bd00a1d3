using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Meetings;
using Rumbo.TestSupport;
using Rumbo.Core.Records;
using Rumbo.Core.Agreements;

namespace Rumbo.Web.Tests;

public abstract partial class PermissionMatrixTests
{
    /// <summary>What the case made for itself (a meeting, a record, an agreement): each case writes on its own, so an approval in one never changes another.</summary>
    private int recordsMeeting;

    private int recordsAgreement;

    // A property, not a field: the matrix's static list is built before this file's fields would be.
    private static Who[] Writers => [Who.GroupCoordinator, Who.Secretariat];

    /// <summary>Signed-in users outside the group, who may not read its drafts and members-only records.</summary>
    private static Who[] Outsiders => [Who.SignedIn, Who.FocalPoint];

    private static IEnumerable<Write> RecordWrites() =>
    [
        new("start a meeting's record", async t => $"/meetings/{await t.RecordsMeeting()}/records/new",
            _ => Task.FromResult(new Dictionary<string, string> { ["Kind"] = "Minutes", ["Language"] = "en", ["OtherSections"] = "Other matters" }), Writers),
        new("save a draft record", async t => $"/meetings/{await t.RecordOf(RecordStatus.Draft, Visibility.Members)}/records/1/edit",
            _ => Task.FromResult(new Dictionary<string, string> { ["Version"] = "0", ["Summary.Source"] = "Present: all.", ["Command"] = "save" }), Writers, Outsiders),
        // A translation is not the record (decision 0026): those who write it translate it, approved too; the group's members may not.
        new("translate an approved record", async t => $"/meetings/{await t.RecordOf(RecordStatus.Approved, Visibility.Members)}/records/1/edit?handler=Translations",
            _ => Task.FromResult(new Dictionary<string, string> { ["Version"] = "0", ["Summary.Es"] = "Registro de la matriz." }), Writers, Outsiders),
        new("approve a record", async t => $"/meetings/{await t.RecordOf(RecordStatus.Draft, Visibility.Members)}/records/1?handler=Approve",
            _ => Task.FromResult(new Dictionary<string, string> { ["Version"] = "0", ["Dissemination"] = "Public" }), Writers, Outsiders),
        new("release a record to the public", async t => $"/meetings/{await t.RecordOf(RecordStatus.Approved, Visibility.Members)}/records/1?handler=Release",
            _ => Task.FromResult(new Dictionary<string, string> { ["Version"] = "0" }), Writers, Outsiders),
        new("restrict a record to members", async t => $"/meetings/{await t.RecordOf(RecordStatus.Approved, Visibility.Public)}/records/1?handler=Restrict",
            _ => Task.FromResult(new Dictionary<string, string> { ["Version"] = "0" }), Writers),
        new("start a new version of a record", async t => $"/meetings/{await t.RecordOf(RecordStatus.Approved, Visibility.Public)}/records/1?handler=NewVersion",
            _ => Task.FromResult(new Dictionary<string, string> { ["Version"] = "0" }), Writers),
        new("comment on a draft record", async t => $"/meetings/{await t.RecordOf(RecordStatus.Draft, Visibility.Members)}/records/1?handler=Comment",
            _ => Task.FromResult(new Dictionary<string, string> { ["CommentBody"] = "Please add the attendance." }), [Who.GroupMember, Who.GroupCoordinator], Outsiders),
        new("reply to a comment on a draft record", async t => await t.CommentUrl("Reply", authorIsCaller: false, resolved: false),
            _ => Task.FromResult(new Dictionary<string, string> { ["ReplyBody"] = "Added." }), [Who.GroupMember, Who.GroupCoordinator], Outsiders),
        new("resolve another's comment on a draft record", async t => await t.CommentUrl("Resolve", authorIsCaller: false, resolved: false),
            _ => Task.FromResult(new Dictionary<string, string>()), Writers, Outsiders),
        new("resolve one's own comment on a draft record", async t => await t.CommentUrl("Resolve", authorIsCaller: true, resolved: false),
            _ => Task.FromResult(new Dictionary<string, string>()), [Who.GroupMember, Who.GroupCoordinator, Who.Secretariat], Outsiders),
        new("reopen a resolved comment on a draft record", async t => await t.CommentUrl("Reopen", authorIsCaller: false, resolved: true),
            _ => Task.FromResult(new Dictionary<string, string>()), Writers, Outsiders),
        new("add an agreement to a meeting", async t => $"/meetings/{await t.RecordsMeeting()}/agreements/new",
            _ => Task.FromResult(new Dictionary<string, string> { ["Kind"] = "Agreement", ["Text.Source"] = "Meet again.", ["AdoptedOn"] = "2025-06-10", ["Lines"] = "2.4.1", ["Visibility"] = "Public" }), Writers),
        new("edit an agreement", async t => $"/agreements/{await t.RecordsAgreement()}/edit",
            _ => Task.FromResult(new Dictionary<string, string> { ["Version"] = "0", ["Kind"] = "Recommendation", ["Text.Source"] = "Meet again soon.", ["AdoptedOn"] = "2025-06-10", ["Lines"] = "2.4.1", ["Visibility"] = "Public" }), Writers),
        new("report a country's follow-up of an agreement", async t => $"/agreements/{await t.RecordsAgreement()}/follow-up?country={(await t.Scenario()).CountryA}",
            _ => Task.FromResult(new Dictionary<string, string> { ["Version"] = "-1", ["Status"] = "InProgress", ["Text"] = "Under way." }), [Who.FocalPoint, Who.Secretariat]),
    ];

    /// <summary>A new meeting of the scenario's complete group.</summary>
    private async Task<int> RecordsMeeting()
    {
        if (recordsMeeting != 0) return recordsMeeting;
        var slug = (await Scenario()).Complete;
        await using var db = app.Database.CreateContext();
        var group = await db.Groups.SingleAsync(g => g.Slug == slug);
        var meeting = new Meeting
        {
            GroupId = group.Id, Kind = MeetingKind.WorkingMeeting, Format = MeetingFormat.Virtual, Title = new LocalizedText { Source = "Matrix meeting" },
            StartsAtUtc = new DateTime(2025, 6, 10, 14, 0, 0, DateTimeKind.Utc), TimeZone = "America/Santiago", CalendarUid = $"{Guid.NewGuid():n}@rumbo.test",
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return recordsMeeting = meeting.Id;
    }

    /// <summary>A new meeting with record number 1 in the given state; the meeting's id.</summary>
    private async Task<string> RecordOf(RecordStatus status, Visibility dissemination)
    {
        var id = await RecordsMeeting();
        await using var db = app.Database.CreateContext();
        db.MeetingRecords.Add(new MeetingRecord
        {
            MeetingId = id, Number = 1, Kind = RecordKind.Minutes, Status = status, Dissemination = dissemination, Language = "en",
            Summary = new LocalizedText { Source = "Matrix record." }, CreatedAtUtc = DateTime.UtcNow, ApprovedAtUtc = status == RecordStatus.Approved ? DateTime.UtcNow : null,
        });
        await db.SaveChangesAsync();
        return id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The URL of a handler on a new comment of a new draft. Its author is the caller's person when asked (a focal point
    /// who wrote it before leaving the group, say), else another member; callers without a person never author it.
    /// </summary>
    private async Task<string> CommentUrl(string handler, bool authorIsCaller, bool resolved)
    {
        var meeting = await RecordOf(RecordStatus.Draft, Visibility.Members);
        await using var db = app.Database.CreateContext();
        var record = await db.MeetingRecords.SingleAsync(r => r.MeetingId == int.Parse(meeting, CultureInfo.InvariantCulture) && r.Number == 1);
        var author = authorIsCaller ? callerPerson : null;
        if (author is null)
        {
            var other = new Rumbo.Core.People.Person { GivenName = "Commenting", FamilyName = "Member", IsExample = true };
            db.People.Add(other);
            await db.SaveChangesAsync();
            author = other.Id;
        }
        var comment = new RecordComment { RecordId = record.Id, PersonId = author.Value, AtUtc = DateTime.UtcNow, Body = "Please add the attendance.", ResolvedAtUtc = resolved ? DateTime.UtcNow : null };
        db.RecordComments.Add(comment);
        await db.SaveChangesAsync();
        return $"/meetings/{meeting}/records/1?handler={handler}&comment={comment.Id}";
    }

    /// <summary>A new public agreement of a new meeting, linked to line 2.4.1.</summary>
    private async Task<int> RecordsAgreement()
    {
        if (recordsAgreement != 0) return recordsAgreement;
        var id = await RecordsMeeting();
        await using var db = app.Database.CreateContext();
        var meeting = await db.Meetings.Include(m => m.Group).SingleAsync(m => m.Id == id);
        var line = await db.Lines.SingleAsync(l => l.AgendaId == meeting.Group!.AgendaId && l.Code == "2.4.1");
        var agreement = new Agreement
        {
            MeetingId = id, GroupId = meeting.GroupId, Number = 1, Kind = AgreementKind.Agreement, AdoptedOn = new DateOnly(2025, 6, 10),
            Text = new LocalizedText { Source = "Meet again." }, Visibility = Visibility.Public, Lines = [new AgreementLine { LineOfActionId = line.Id }],
        };
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        return recordsAgreement = agreement.Id;
    }
}
