using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Core.Plans;
using Rumbo.Core.Seed;
using Rumbo.TestSupport;
using Rumbo.Core.Records;

namespace Rumbo.Core.Tests.Plans;

/// <summary>The meetings and plans of work the two documents name, seeded as at start-up, on both providers.</summary>
public abstract class DemoMeetingsAndPlansTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        services = new ServiceCollection().AddRumboCore(provider, database.ConnectionString).BuildServiceProvider();
        await DemoData.InitializeAsync(services, new RumboOptions());
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private static DateTime Local(Meeting m) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(m.StartsAtUtc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(m.TimeZone));

    [Fact]
    public async Task The_six_meetings_are_on_their_groups_on_their_dates_in_their_time_zones()
    {
        await using var db = database.CreateContext();
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Group).Include(m => m.Country).Include(m => m.Items).ToListAsync();
        Assert.Equal(6, meetings.Count);
        var expected = new (string Group, DateOnly Day, string Zone, MeetingKind Kind, MeetingFormat Format, string? Country, DateOnly LastDay)[]
        {
            ("regional-council-for-planning", new(2023, 11, 7), "America/Santo_Domingo", MeetingKind.Session, MeetingFormat.InPerson, "DO", new(2023, 11, 9)),
            ("regional-council-for-planning", new(2025, 10, 2), "America/Sao_Paulo", MeetingKind.Session, MeetingFormat.InPerson, "BR", new(2025, 10, 3)),
            ("planning-presiding-officers", new(2024, 11, 27), "America/Santiago", MeetingKind.Session, MeetingFormat.InPerson, "CL", new(2024, 11, 28)),
            ("planning-presiding-officers", new(2025, 3, 31), "America/Santiago", MeetingKind.MultiStakeholderDialogue, MeetingFormat.InPerson, null, new(2025, 3, 31)),
            ("south-south-cooperation", new(2020, 10, 21), "America/Santiago", MeetingKind.WorkingMeeting, MeetingFormat.Virtual, null, new(2020, 10, 21)),
            ("social-institutional-framework", new(2020, 12, 3), "America/Santiago", MeetingKind.ExpertWorkshop, MeetingFormat.Virtual, null, new(2020, 12, 3)),
        };
        foreach (var e in expected)
        {
            var m = Assert.Single(meetings, m => DateOnly.FromDateTime(Local(m)) == e.Day);
            Assert.Equal(e.Group, m.Group!.Slug);
            Assert.Equal(e.Zone, m.TimeZone);
            Assert.Equal((e.Kind, e.Format, e.Country), (m.Kind, m.Format, m.Country?.Code));
            Assert.Equal(e.LastDay, DateOnly.FromDateTime(Local(m).AddMinutes(m.DurationMinutes)));
            Assert.Equal(MeetingStatus.Scheduled, m.Status);
            Assert.NotEmpty(m.Items);
            Assert.False(string.IsNullOrWhiteSpace(m.CalendarUid));
        }
        // Hours are not in the documents: each meeting says so.
        Assert.All(meetings, m => Assert.Contains("indicative", m.Description.Source));
        Assert.Equal(meetings.Count, meetings.Select(m => m.CalendarUid).Distinct().Count());
        // Brasília: the twentieth meeting of the Council, with the Conference of Ministers and Heads of Planning.
        var brasilia = meetings.Single(m => m.TimeZone == "America/Sao_Paulo");
        Assert.Contains("Twentieth meeting of the Regional Council for Planning", brasilia.Title.Source);
        Assert.Contains("Nineteenth Conference of Ministers and Heads of Planning", brasilia.Description.Source);
        Assert.Equal("Brasília", brasilia.City);
        // 2 October 2025 at 09:00 in Brasília is 12:00 UTC.
        Assert.Equal(new DateTime(2025, 10, 2, 12, 0, 0), brasilia.StartsAtUtc);
    }

    [Fact]
    public async Task The_dialogues_have_one_item_per_area_linked_to_that_area_s_lines()
    {
        await using var db = database.CreateContext();
        var dialogues = await db.Meetings.AsNoTracking()
            .Include(m => m.Items).ThenInclude(i => i.Lines).ThenInclude(l => l.LineOfAction)
            .SingleAsync(m => m.Kind == MeetingKind.MultiStakeholderDialogue);
        Assert.Equal(Visibility.Public, dialogues.Access);
        Assert.Contains("eighth meeting of the Forum of the Countries of Latin America and the Caribbean on Sustainable Development", dialogues.Description.Source);
        var items = dialogues.Items.OrderBy(i => i.Position).ToList();
        Assert.Equal(4, items.Count);
        for (var area = 1; area <= 4; area++)
        {
            Assert.StartsWith($"Area {area}: ", items[area - 1].Title.Source);
            Assert.NotEmpty(items[area - 1].Lines);
            Assert.All(items[area - 1].Lines, l => Assert.StartsWith($"{area}.", l.LineOfAction!.Code));
        }
        Assert.Equal(await db.Lines.CountAsync(l => l.Agenda!.Slug == "lc-crp-20-6" && l.RetiredOn == null), items.Sum(i => i.Lines.Count));
    }

    [Fact]
    public async Task The_agreements_the_documents_state_are_there_and_public()
    {
        await using var db = database.CreateContext();
        var agreements = await db.Agreements.AsNoTracking().Include(a => a.Meeting).Include(a => a.Lines).ThenInclude(l => l.LineOfAction).ToListAsync();
        Assert.Equal(3, agreements.Count);
        Assert.All(agreements, a => Assert.Equal((Visibility.Public, a.Meeting!.GroupId), (a.Visibility, a.GroupId)));
        var santoDomingo = Assert.Single(agreements, a => a.Meeting!.TimeZone == "America/Santo_Domingo");
        Assert.StartsWith("To begin the negotiation of a regional agenda on governance of planning", santoDomingo.Text.Source);
        var officers = agreements.Where(a => a.Meeting!.Kind == MeetingKind.Session && a.Meeting.TimeZone == "America/Santiago").OrderBy(a => a.Number).ToList();
        Assert.Equal(2, officers.Count);
        Assert.Contains("endorse the proposed guidelines", officers[0].Text.Source);
        Assert.Equal("To organize multi-stakeholder dialogues in the first half of 2025.", officers[1].Text.Source);
        // Line 1.1.2: "Hold multi-stakeholder social dialogues ...".
        Assert.Equal(["1.1.2"], officers[1].Lines.Select(l => l.LineOfAction!.Code));
        Assert.All(officers, a => Assert.Equal(new DateOnly(2024, 11, 28), a.AdoptedOn));
    }

    [Fact]
    public async Task The_October_2020_meeting_has_an_approved_public_memory_aid_saying_what_the_document_says()
    {
        await using var db = database.CreateContext();
        var meeting = await db.Meetings.AsNoTracking()
            .Include(m => m.Items)
            .Include(m => m.Records).ThenInclude(r => r.Sections).ThenInclude(s => s.Outcomes)
            .SingleAsync(m => m.Group!.Slug == "south-south-cooperation");
        Assert.Equal(["Pacific Alliance", "Uruguay", null], meeting.Items.OrderBy(i => i.Position).Select(i => i.PresenterName));
        var record = Assert.Single(meeting.Records);
        Assert.Equal((RecordKind.MemoryAid, RecordStatus.Approved, Visibility.Public), (record.Kind, record.Status, record.Dissemination));
        Assert.NotNull(record.ApprovedAtUtc);
        Assert.Contains("a large number of Latin American countries", record.Summary.Source);
        Assert.Equal(3, record.Sections.Count);
        Assert.All(record.Sections, s => Assert.NotNull(s.MeetingItemId));
        Assert.Contains(record.Sections, s => s.Body.Source.Contains("Red Calle", StringComparison.Ordinal));
        Assert.Contains(record.Sections, s => s.Body.Source.Contains("financing cooperation", StringComparison.Ordinal));

        // Written in English, with the Spanish of every text beside it, none of it official.
        Assert.Equal("en", record.Language);
        var texts = new[] { record.Summary }.Concat(record.Sections.SelectMany(s => new[] { s.Heading, s.Body }.Concat(s.Outcomes.Select(o => o.Text)))).ToList();
        Assert.Equal(1 + 3 * 2 + 4, texts.Count);
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t.Es), $"no Spanish for: {t.Source}"));
        Assert.All(texts, t => Assert.NotEqual(t.Source, t.Es));
        Assert.All(texts, t => Assert.Null(t.Official));
        Assert.Contains("gran número de países latinoamericanos", record.Summary.Es);
        Assert.Contains(record.Sections, s => s.Heading.Es == "Proyecto Red Calle del Uruguay");
        Assert.Contains(record.Sections, s => s.Body.Es!.Contains("financiamiento de la cooperación", StringComparison.Ordinal));
        // The Markdown's paragraphs are kept in the translation as in the source.
        Assert.All(texts, t => Assert.Equal(t.Source.Split("\n\n").Length, t.Es!.Split("\n\n").Length));
    }

    [Fact]
    public async Task Table_2_is_the_conference_s_plan_with_seven_activities_from_August_2020_to_December_2021()
    {
        await using var db = database.CreateContext();
        var plan = await db.WorkPlans.AsNoTracking().Include(p => p.Activities).Include(p => p.Group)
            .SingleAsync(p => p.Group!.Slug == "regional-conference-on-social-development");
        Assert.Equal((new DateOnly(2020, 8, 1), new DateOnly(2021, 12, 1), PlanStatus.Draft), (plan.PeriodStart, plan.PeriodEnd, plan.Status));
        Assert.Contains("indicative", plan.Description.Source);
        var activities = plan.Activities.OrderBy(a => a.Position).ToList();
        Assert.Equal(7, activities.Count);
        Assert.Equal("Call for participation in the working groups", activities[0].Title.Source);
        Assert.StartsWith("Adoption of the 2022–2023 plan of work", activities[6].Title.Source);
        Assert.All(activities, a =>
        {
            Assert.NotNull(a.StartMonth);
            Assert.InRange(a.StartMonth!.Value, plan.PeriodStart, plan.PeriodEnd);
            Assert.InRange(a.EndMonth!.Value, a.StartMonth.Value, plan.PeriodEnd);
            Assert.False(string.IsNullOrWhiteSpace(a.Title.Es));
        });
        Assert.Equal(new DateOnly(2020, 8, 1), activities[0].StartMonth);
        Assert.Equal(new DateOnly(2021, 12, 1), activities[6].EndMonth);
    }

    [Fact]
    public async Task Table_3_is_the_regional_cooperation_group_s_plan_with_its_five_activities()
    {
        await using var db = database.CreateContext();
        var plan = await db.WorkPlans.AsNoTracking().Include(p => p.Activities)
            .SingleAsync(p => p.Group!.Slug == "regional-cooperation-and-integration");
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal(
            ["Sharing of experiences", "Systematization of experiences", "Expert workshops (subject to feasibility)", "Virtual visits", "Intersectoral meetings"],
            plan.Activities.OrderBy(a => a.Position).Select(a => a.Title.Source));
        Assert.StartsWith("Ninety-minute monthly virtual meetings", plan.Activities.Single(a => a.Position == 1).Description.Source);
        // The document gives them no months.
        Assert.All(plan.Activities, a => Assert.Null(a.StartMonth));
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        int meetings, plans, activities, audit;
        await using (var db = database.CreateContext())
        {
            (meetings, plans, activities, audit) = (await db.Meetings.CountAsync(), await db.WorkPlans.CountAsync(), await db.PlanActivities.CountAsync(), await db.AuditEntries.CountAsync());
        }
        using (var scope = services.CreateScope())
        {
            var result = await DemoData.SeedAsync(scope.ServiceProvider);
            Assert.Equal((0, 0), (result.MeetingsCreated, result.PlansCreated));
        }
        await DemoData.InitializeAsync(services, new RumboOptions());
        await using (var db = database.CreateContext())
        {
            Assert.Equal((meetings, plans, activities, audit),
                (await db.Meetings.CountAsync(), await db.WorkPlans.CountAsync(), await db.PlanActivities.CountAsync(), await db.AuditEntries.CountAsync()));
        }
    }
}

public sealed class SqliteDemoMeetingsAndPlansTests() : DemoMeetingsAndPlansTests(DatabaseProvider.Sqlite);

public sealed class PostgresDemoMeetingsAndPlansTests() : DemoMeetingsAndPlansTests(DatabaseProvider.Postgres);
