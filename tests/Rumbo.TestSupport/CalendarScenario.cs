using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Meetings;
using Rumbo.Core.People;

namespace Rumbo.TestSupport;

/// <summary>
/// Meetings written straight through the database for the calendar tests, on a <see cref="GroupScenario"/>: an open
/// meeting and a closed one of its complete group, a closed one of its lone group, and one of the complete group
/// long past. Every text carries the scenario's suffix and a marker, so a test can tell what a feed leaks.
/// </summary>
public sealed record CalendarScenario(GroupScenario Groups, int Open, int Closed, int OtherGroupClosed, int LongPast, string ClosedSecret, string ClosedLink)
{
    public static async Task<CalendarScenario> CreateAsync(TestDatabase database)
    {
        var groups = await GroupScenario.CreateAsync(database);
        var s = groups.Suffix;
        var soon = DateTime.UtcNow.Date.AddDays(30).AddHours(14);
        var secret = $"closed-secret-{s}";
        var link = $"https://meet.example.org/closed-{s}";
        var open = await AddAsync(database, groups.Complete, m =>
        {
            m.Title = new LocalizedText { Source = $"Open seminar {s}", Es = $"Seminario abierto {s}" };
            m.Description = new LocalizedText { Source = $"**Open** discussion {s}." };
            m.Kind = MeetingKind.ThematicSeminar;
            m.Access = Visibility.Public;
            m.Format = MeetingFormat.Hybrid;
            m.Place = "ECLAC headquarters";
            m.City = "Santiago";
            m.OnlineUrl = $"https://meet.example.org/open-{s}";
            m.StartsAtUtc = soon;
            m.TimeZone = "America/Santiago";
        });
        var closed = await AddAsync(database, groups.Complete, m =>
        {
            m.Title = new LocalizedText { Source = $"Closed meeting {s}" };
            m.Description = new LocalizedText { Source = $"Agenda: {secret}" };
            m.Access = Visibility.Members;
            m.Format = MeetingFormat.Virtual;
            m.OnlineUrl = link;
            m.StartsAtUtc = soon.AddDays(7);
            m.TimeZone = "America/Mexico_City";
        });
        var other = await AddAsync(database, groups.Lone, m =>
        {
            m.Title = new LocalizedText { Source = $"Lone group meeting {s}" };
            m.Description = new LocalizedText { Source = $"Lone agenda {s}" };
            m.StartsAtUtc = soon.AddDays(3);
        });
        var past = await AddAsync(database, groups.Complete, m =>
        {
            m.Title = new LocalizedText { Source = $"Long past meeting {s}" };
            m.Access = Visibility.Public;
            m.StartsAtUtc = DateTime.UtcNow.Date.AddMonths(-9);
        });
        return new CalendarScenario(groups, open, closed, other, past, secret, link);
    }

    /// <summary>A meeting of the group, as configured; answers its id.</summary>
    public static async Task<int> AddAsync(TestDatabase database, string groupSlug, Action<Meeting> configure)
    {
        await using var db = database.CreateContext();
        var group = await db.Groups.SingleAsync(g => g.Slug == groupSlug);
        var meeting = new Meeting
        {
            GroupId = group.Id,
            Kind = MeetingKind.WorkingMeeting,
            Title = new LocalizedText { Source = "Meeting" },
            Format = MeetingFormat.InPerson,
            StartsAtUtc = DateTime.UtcNow.Date.AddDays(10),
            TimeZone = "UTC",
            DurationMinutes = 90,
            CalendarUid = $"{Guid.NewGuid():n}@rumbo.test",
        };
        configure(meeting);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    /// <summary>Invites (or registers) the person to the meeting.</summary>
    public static async Task AddParticipantAsync(TestDatabase database, int meetingId, int personId, bool registered = false, ParticipantResponse response = ParticipantResponse.None)
    {
        await using var db = database.CreateContext();
        db.MeetingParticipants.Add(new MeetingParticipant
        {
            MeetingId = meetingId, PersonId = personId, Response = response,
            InvitedAtUtc = registered ? null : DateTime.UtcNow, RegisteredAtUtc = registered ? DateTime.UtcNow : null,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A new person in no group, with an e-mail address unless told otherwise.</summary>
    public static async Task<int> AddPersonAsync(TestDatabase database, string givenName, bool withEmail = true)
    {
        await using var db = database.CreateContext();
        var person = new Person
        {
            GivenName = givenName, FamilyName = $"Outsider {Guid.NewGuid():n}"[..17], IsExample = true,
            Email = withEmail ? $"{givenName.ToLowerInvariant()}-{Guid.NewGuid():n}@example.org" : null,
        };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }
}
