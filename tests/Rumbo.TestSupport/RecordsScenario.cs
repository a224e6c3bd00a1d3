using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Meetings;
using Rumbo.Core.Records;
using Rumbo.Core.Agreements;

namespace Rumbo.TestSupport;

/// <summary>
/// A <see cref="GroupScenario"/> with a meeting of its complete group (two agenda items, the first linked to line 2.4.1)
/// and one of its lone group, written straight to the database: the records and agreements features are tested on
/// meetings that exist as data, whatever the pages that schedule them.
/// </summary>
public sealed record RecordsScenario(GroupScenario Groups, int CompleteId, int LoneId, int AgendaId, int Meeting, int LoneMeeting, int Item1, int Item2)
{
    public const string Item1Title = "Progress of the foresight network";
    public const string Item2Title = "Work plan for the biennium";

    public static async Task<RecordsScenario> CreateAsync(TestDatabase database)
    {
        var groups = await GroupScenario.CreateAsync(database);
        await using var db = database.CreateContext();
        var complete = await db.Groups.SingleAsync(g => g.Slug == groups.Complete);
        var lone = await db.Groups.SingleAsync(g => g.Slug == groups.Lone);
        var line = await db.Lines.SingleAsync(l => l.AgendaId == complete.AgendaId && l.Code == "2.4.1");
        var meeting = NewMeeting(complete.Id, $"Second working meeting {groups.Suffix}");
        meeting.Items.Add(new MeetingItem { Position = 0, Title = new LocalizedText { Source = Item1Title, Es = "Avances de la red de prospectiva" }, Lines = [new MeetingItemLine { LineOfActionId = line.Id }] });
        meeting.Items.Add(new MeetingItem { Position = 1, Title = new LocalizedText { Source = Item2Title } });
        var other = NewMeeting(lone.Id, $"Open government meeting {groups.Suffix}");
        db.Meetings.AddRange(meeting, other);
        await db.SaveChangesAsync();
        return new RecordsScenario(groups, complete.Id, lone.Id, complete.AgendaId, meeting.Id, other.Id,
            meeting.Items.Single(i => i.Position == 0).Id, meeting.Items.Single(i => i.Position == 1).Id);
    }

    private static Meeting NewMeeting(int groupId, string title) => new()
    {
        GroupId = groupId, Kind = MeetingKind.WorkingMeeting, Format = MeetingFormat.Virtual,
        Title = new LocalizedText { Source = title }, StartsAtUtc = new DateTime(2025, 6, 10, 14, 0, 0, DateTimeKind.Utc),
        TimeZone = "America/Santiago", DurationMinutes = 120, Access = Visibility.Members, CalendarUid = $"{Guid.NewGuid():n}@rumbo.test",
    };

    /// <summary>A record of the meeting with one section and one action, in the given state; its number.</summary>
    public async Task<int> AddRecordAsync(TestDatabase database, RecordStatus status, Visibility dissemination, string marker, int? meetingId = null)
    {
        var id = meetingId ?? Meeting;
        await using var db = database.CreateContext();
        var number = (await db.MeetingRecords.Where(r => r.MeetingId == id).MaxAsync(r => (int?)r.Number) ?? 0) + 1;
        db.MeetingRecords.Add(new MeetingRecord
        {
            MeetingId = id, Number = number, Kind = RecordKind.Minutes, Status = status, Language = "en", Dissemination = dissemination,
            Summary = new LocalizedText { Source = $"Summary {marker}." }, CreatedAtUtc = DateTime.UtcNow, ApprovedAtUtc = status == RecordStatus.Approved ? DateTime.UtcNow : null,
            Sections =
            [
                new RecordSection
                {
                    Position = 0, Heading = new LocalizedText { Source = $"Section {marker}" }, Body = new LocalizedText { Source = $"Body **{marker}**." },
                    Outcomes =
                    [
                        new RecordOutcome { Position = 0, Kind = OutcomeKind.Action, Text = new LocalizedText { Source = $"Action {marker}" }, OwnerName = "Government of Testland", DueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3) },
                    ],
                },
            ],
        });
        await db.SaveChangesAsync();
        return number;
    }

    /// <summary>An agreement of the meeting linked to line 2.4.1; its id.</summary>
    public async Task<int> AddAgreementAsync(TestDatabase database, Visibility visibility, string text, int? meetingId = null)
    {
        var id = meetingId ?? Meeting;
        await using var db = database.CreateContext();
        var meeting = await db.Meetings.SingleAsync(m => m.Id == id);
        var line = await db.Lines.SingleAsync(l => l.AgendaId == AgendaId && l.Code == "2.4.1");
        var number = (await db.Agreements.Where(a => a.MeetingId == id).MaxAsync(a => (int?)a.Number) ?? 0) + 1;
        var agreement = new Agreement
        {
            MeetingId = id, GroupId = meeting.GroupId, Number = number, Kind = AgreementKind.Agreement, AdoptedOn = new DateOnly(2025, 6, 10),
            Text = new LocalizedText { Source = text }, Visibility = visibility, Lines = [new AgreementLine { LineOfActionId = line.Id }],
        };
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        return agreement.Id;
    }
}
