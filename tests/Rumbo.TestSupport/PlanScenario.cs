using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Meetings;
using Rumbo.Core.Plans;

namespace Rumbo.TestSupport;

/// <summary>Meetings and plans of work that a test writes for a group of its own scenario.</summary>
public static class PlanScenario
{
    /// <summary>
    /// Gives the group at least <paramref name="count"/> meetings in the current calendar year (UTC), not cancelled, so
    /// that it meets the three-meetings rule; adds only what is missing, so a shared scenario can call it from many tests.
    /// </summary>
    public static async Task EnsureMeetingsThisYearAsync(TestDatabase database, string slug, int count = 3)
    {
        await using var db = database.CreateContext();
        var group = await db.Groups.SingleAsync(g => g.Slug == slug);
        var year = DateTime.UtcNow.Year;
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddYears(1);
        var have = await db.Meetings.CountAsync(m => m.GroupId == group.Id && m.Status != MeetingStatus.Cancelled && m.StartsAtUtc >= from && m.StartsAtUtc < to);
        for (var i = have; i < count; i++)
        {
            db.Meetings.Add(Meeting(group.Id, new DateTime(year, 1 + i % 12, 10, 15, 0, 0, DateTimeKind.Utc), $"Working meeting {i + 1}"));
        }
        await db.SaveChangesAsync();
    }

    public static Meeting Meeting(int groupId, DateTime startsAtUtc, string title, MeetingStatus status = MeetingStatus.Scheduled, string timeZone = "America/Santiago") => new()
    {
        GroupId = groupId,
        Kind = MeetingKind.WorkingMeeting,
        Format = MeetingFormat.Virtual,
        StartsAtUtc = startsAtUtc,
        TimeZone = timeZone,
        Status = status,
        Title = new LocalizedText { Source = title },
        CalendarUid = $"{Guid.NewGuid():n}@test",
    };

    /// <summary>A draft plan of the group for 2026–2027 with two activities, returning its id.</summary>
    public static async Task<int> CreatePlanAsync(TestDatabase database, string slug)
    {
        await using var db = database.CreateContext();
        var group = await db.Groups.SingleAsync(g => g.Slug == slug);
        var plan = new WorkPlan
        {
            GroupId = group.Id,
            Title = new LocalizedText { Source = $"Plan of work {Guid.NewGuid():n}"[..22], Es = "Plan de trabajo" },
            PeriodStart = new DateOnly(2026, 1, 1),
            PeriodEnd = new DateOnly(2027, 12, 1),
            Activities =
            [
                new PlanActivity { Position = 1, Title = new LocalizedText { Source = "Call for participation" }, StartMonth = new DateOnly(2026, 1, 1), EndMonth = new DateOnly(2026, 3, 1) },
                new PlanActivity { Position = 2, Title = new LocalizedText { Source = "Seminars and workshops" }, StartMonth = new DateOnly(2026, 4, 1), EndMonth = new DateOnly(2027, 6, 1), Status = ActivityStatus.InProgress },
            ],
        };
        db.WorkPlans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    }
}
