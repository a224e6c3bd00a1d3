using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.Core.People;

namespace Rumbo.TestSupport;

/// <summary>
/// Meetings of a <see cref="GroupScenario"/>'s complete group, written straight to the database: an open one and a
/// closed one (with an agenda item on line 2.5.1 and an online link), both next month, and a closed one last month.
/// <see cref="Outsider"/> is a member of another group only; <see cref="Invitee"/> is no member but invited to the closed one.
/// </summary>
public sealed record MeetingScenario(GroupScenario Groups, int Open, int Closed, int PastClosed, int Outsider, int Invitee, string Secret)
{
    public static async Task<MeetingScenario> CreateAsync(TestDatabase database)
    {
        var s = await GroupScenario.CreateAsync(database);
        await using var db = database.CreateContext();
        var complete = await db.Groups.SingleAsync(g => g.Slug == s.Complete);
        var lone = await db.Groups.SingleAsync(g => g.Slug == s.Lone);
        var line = await db.Lines.SingleAsync(l => l.AgendaId == complete.AgendaId && l.Code == "2.5.1");
        var countryB = await db.Countries.SingleAsync(c => c.Code == s.CountryB);
        var secret = $"https://meet.example.org/secret-{s.Suffix}";
        var outsider = new Person { GivenName = "Olga", FamilyName = $"Outsider {s.Suffix}", IsExample = true };
        var invitee = new Person { GivenName = "Iván", FamilyName = $"Invitee {s.Suffix}", IsExample = true, Country = countryB };
        db.AddRange(outsider, invitee);
        db.GroupMembers.Add(new GroupMember { Group = lone, Person = outsider, Role = GroupRole.Member });
        var start = DateTime.UtcNow.Date.AddDays(30).AddHours(14);
        var open = New(complete.Id, $"Open seminar {s.Suffix}", Visibility.Public, start, MeetingFormat.Hybrid, $"https://meet.example.org/open-{s.Suffix}");
        open.City = "Santiago";
        var closed = New(complete.Id, $"Closed working meeting {s.Suffix}", Visibility.Members, start.AddDays(1), MeetingFormat.Virtual, secret);
        closed.Description = new LocalizedText { Source = $"Confidential **briefing** {s.Suffix}" };
        closed.Place = $"Room of the secret {s.Suffix}";
        closed.Items.Add(new MeetingItem { Position = 1, Title = new LocalizedText { Source = $"Closed item {s.Suffix}" }, Lines = [new MeetingItemLine { LineOfActionId = line.Id }] });
        closed.Participants.Add(new MeetingParticipant { Person = invitee, InvitedAtUtc = DateTime.UtcNow, Country = countryB });
        var past = New(complete.Id, $"Past closed meeting {s.Suffix}", Visibility.Members, start.AddDays(-60), MeetingFormat.InPerson, null);
        db.Meetings.AddRange(open, closed, past);
        await db.SaveChangesAsync();
        return new MeetingScenario(s, open.Id, closed.Id, past.Id, outsider.Id, invitee.Id, secret);
    }

    public static Meeting New(int groupId, string title, Visibility access, DateTime startUtc, MeetingFormat format, string? link) => new()
    {
        GroupId = groupId, Kind = MeetingKind.WorkingMeeting, Title = new LocalizedText { Source = title }, Access = access,
        StartsAtUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), TimeZone = "America/Santiago", DurationMinutes = 90, Format = format,
        OnlineUrl = link, CalendarUid = $"{Guid.NewGuid():N}@test",
    };
}
