using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Agendas;
using Rumbo.Core.Documents;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.Core.Records;
using Rumbo.TestSupport;
using Rumbo.Web.Tests.Records;

namespace Rumbo.Web.Tests.Groups;

/// <summary>
/// A group's page is read from its read model (decision 0025): each save that changes what the page shows, made by
/// any process, is on the next request; each audience reads its own facts; the lists by date move when time does.
/// The changes here are saved through a context of their own, as another instance or the command line would.
/// </summary>
public abstract class ReadModelTests(RumboApp app)
{
    private readonly RecordsTestKit kit = new(app);

    private static string MainText(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("main")!.TextContent;

    [Fact]
    public async Task The_page_is_served_from_its_snapshot_until_a_save_changes_the_group()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var url = $"/groups/{s.Groups.Complete}";
        Assert.Contains(s.Groups.CompleteName, MainText(await kit.PageAsync(url)));

        await using (var db = kit.Db())
        {
            // The snapshot is what the next request shows: altered in place, its text is served as it is.
            var snapshot = await db.GroupPageSnapshots.SingleAsync(x => x.GroupId == s.CompleteId && !x.Internals);
            var altered = snapshot.Payload.Replace(s.Groups.CompleteName, "Read from the snapshot", StringComparison.Ordinal);
            Assert.NotEqual(snapshot.Payload, altered);
            // Its time moved by a tick too: each instance keeps the snapshot it last read, until the row's stamps change.
            await db.GroupPageSnapshots.Where(x => x.GroupId == s.CompleteId && !x.Internals)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Payload, altered).SetProperty(x => x.ValidUntilTicks, snapshot.ValidUntilTicks - 1));
        }
        // Another query string: the output cache would answer the same URL from its own copy.
        Assert.Contains("Read from the snapshot", MainText(await kit.PageAsync(url + "?again")));

        // A save that concerns the group (a new meeting) makes the next request read the data again.
        await using (var db = kit.Db())
        {
            db.Meetings.Add(PlanScenario.Meeting(s.CompleteId, DateTime.UtcNow.AddDays(20), $"Read model meeting {s.Groups.Suffix}"));
            await db.SaveChangesAsync();
        }
        var fresh = MainText(await kit.PageAsync(url));
        Assert.DoesNotContain("Read from the snapshot", fresh);
        Assert.Contains(s.Groups.CompleteName, fresh);
        Assert.Contains($"Read model meeting {s.Groups.Suffix}", fresh);
    }

    [Fact]
    public async Task A_snapshot_written_by_another_shape_of_the_page_is_built_again()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var url = $"/groups/{s.Groups.Complete}";
        await kit.PageAsync(url);
        await using (var db = kit.Db())
        {
            var snapshot = await db.GroupPageSnapshots.SingleAsync(x => x.GroupId == s.CompleteId && !x.Internals);
            // As an older Rumbo wrote it: unprefixed JSON, then under another shape's stamp; each with text that would show.
            var json = snapshot.Payload[(snapshot.Payload.IndexOf('\n') + 1)..].Replace(s.Groups.CompleteName, "Old shape", StringComparison.Ordinal);
            foreach (var (payload, tick) in new[] { (json, 1L), ("0000000000000000\n" + json, 2L), ("{\"Group\": 42}", 3L) })
            {
                await db.GroupPageSnapshots.Where(x => x.GroupId == s.CompleteId && !x.Internals)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.Payload, payload).SetProperty(x => x.ValidUntilTicks, snapshot.ValidUntilTicks - tick));
                var shown = MainText(await kit.PageAsync($"{url}?shape={tick}"));
                Assert.DoesNotContain("Old shape", shown);
                Assert.Contains(s.Groups.CompleteName, shown);
            }
        }
    }

    [Fact]
    public async Task Every_kind_of_change_the_page_shows_is_on_the_next_request()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var url = $"/groups/{s.Groups.Complete}";
        var marker = s.Groups.Suffix;
        await s.AddRecordAsync(app.Database, RecordStatus.Approved, Visibility.Public, $"first {marker}");
        var agreement = await s.AddAgreementAsync(app.Database, Visibility.Public, $"Agreement text {marker}");
        var plan = await PlanScenario.CreatePlanAsync(app.Database, s.Groups.Complete);
        var page = MainText(await kit.PageAsync(url));
        Assert.Contains($"Action first {marker}", page);
        Assert.Contains($"Agreement text {marker}", page);

        async Task ChangeThenSeeAsync(Func<Rumbo.Core.Data.RumboDbContext, Task> change, string expected, string? gone = null)
        {
            await kit.PageAsync(url); // the snapshot as it is now
            await using (var db = kit.Db())
            {
                await change(db);
                await db.SaveChangesAsync();
            }
            var shown = MainText(await kit.PageAsync(url));
            Assert.Contains(expected, shown);
            if (gone is not null) Assert.DoesNotContain(gone, shown);
        }

        // An outcome, three rows below the group (outcome, section, record, meeting).
        await ChangeThenSeeAsync(async db => (await db.RecordOutcomes.SingleAsync(o => o.Text.Source == $"Action first {marker}")).Text.Source = $"Action changed {marker}",
            $"Action changed {marker}", $"Action first {marker}");
        // An agreement's text.
        await ChangeThenSeeAsync(async db => (await db.Agreements.SingleAsync(a => a.Id == agreement)).Text.Source = $"Agreement changed {marker}",
            $"Agreement changed {marker}", $"Agreement text {marker}");
        // A plan's activity.
        await ChangeThenSeeAsync(async db => (await db.PlanActivities.Where(a => a.PlanId == plan).OrderBy(a => a.Position).FirstAsync()).Title.Source = $"Activity changed {marker}",
            $"Activity changed {marker}");
        // A document of the group.
        await ChangeThenSeeAsync(db =>
        {
            db.Documents.Add(new Document
            {
                GroupId = s.CompleteId, Title = $"Document {marker}", Kind = DocumentKind.Report, Visibility = Visibility.Public,
                CreatedAtUtc = DateTime.UtcNow, SearchText = "document",
            });
            return Task.CompletedTask;
        }, $"Document {marker}");
        // A member's name: people show on every group's page.
        await ChangeThenSeeAsync(async db => (await db.People.SingleAsync(p => p.Id == s.Groups.Ben)).FamilyName = $"Renamed{marker}",
            $"Renamed{marker}");
        // A country no longer taking part.
        await ChangeThenSeeAsync(async db =>
            db.GroupCountries.Remove(await db.GroupCountries.SingleAsync(c => c.GroupId == s.CompleteId && c.Role == GroupCountryRole.Participating)),
            s.Groups.CountryAName, s.Groups.CountryBName);
        // A record deleted: its action leaves the page.
        await ChangeThenSeeAsync(async db => db.MeetingRecords.Remove(await db.MeetingRecords.SingleAsync(r => r.MeetingId == s.Meeting)),
            s.Groups.CompleteName, $"Action changed {marker}");
    }

    [Fact]
    public async Task A_member_and_the_public_each_read_their_own_facts()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var url = $"/groups/{s.Groups.Complete}";
        await s.AddAgreementAsync(app.Database, Visibility.Members, $"Members only {s.Groups.Suffix}");
        await s.AddRecordAsync(app.Database, RecordStatus.Draft, Visibility.Members, $"draft {s.Groups.Suffix}");
        var (member, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Member);

        // Both orders: the public's snapshot first, then the members', then the public's again from its snapshot.
        Assert.DoesNotContain($"Members only {s.Groups.Suffix}", MainText(await kit.PageAsync(url)));
        var inside = MainText(await kit.PageAsync(url, member));
        Assert.Contains($"Members only {s.Groups.Suffix}", inside);
        Assert.Contains($"Action draft {s.Groups.Suffix}", inside);
        var outside = MainText(await kit.PageAsync(url));
        Assert.DoesNotContain($"Members only {s.Groups.Suffix}", outside);
        Assert.DoesNotContain($"Action draft {s.Groups.Suffix}", outside);

        await using var db = kit.Db();
        Assert.Equal([false, true], await db.GroupPageSnapshots.Where(x => x.GroupId == s.CompleteId).Select(x => x.Internals).OrderBy(x => x).ToListAsync());
    }

    [Fact]
    public async Task A_meeting_moves_from_upcoming_to_recent_when_it_ends_with_no_save()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var clock = new MovableClock(new DateTimeOffset(2031, 3, 10, 12, 0, 0, TimeSpan.Zero));
        var title = $"Ends at two {s.Groups.Suffix}";
        await using (var db = kit.Db())
        {
            // 13:00 to 14:00 UTC, an hour after the clock's now.
            var meeting = PlanScenario.Meeting(s.CompleteId, new DateTime(2031, 3, 10, 13, 0, 0, DateTimeKind.Utc), title);
            meeting.DurationMinutes = 60;
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
        }
        using var factory = app.WithWebHostBuilder(b => b.ConfigureServices(x => x.AddSingleton<TimeProvider>(clock)));
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        async Task<string?> SectionOfAsync()
        {
            // A new query string each time: the output cache would answer the same URL from before the clock moved.
            var page = await client.GetPageAsync($"/groups/{s.Groups.Complete}?at={clock.Now.Ticks}");
            var list = page.QuerySelectorAll(".group-meetings h3");
            return list.LastOrDefault(h => h.NextElementSibling?.TextContent.Contains(title, StringComparison.Ordinal) == true)?.TextContent.Trim()
                ?? page.QuerySelector(".group-meetings")?.OuterHtml;
        }

        Assert.Equal("Upcoming", await SectionOfAsync());
        clock.Now = new DateTimeOffset(2031, 3, 10, 13, 59, 0, TimeSpan.Zero);
        Assert.Equal("Upcoming", await SectionOfAsync());
        clock.Now = new DateTimeOffset(2031, 3, 10, 14, 0, 0, TimeSpan.Zero);
        Assert.Equal("Recent", await SectionOfAsync());
    }

    [Fact]
    public async Task A_save_of_rows_no_group_page_shows_leaves_the_snapshots_as_they_are()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        await kit.PageAsync($"/groups/{s.Groups.Complete}");
        await using var db = kit.Db();
        var before = await db.GroupPageSnapshots.Where(x => x.GroupId == s.CompleteId).Select(x => x.BuiltAtVersion).SingleAsync();
        var changed = await db.GroupPageChanges.Where(c => c.GroupId == s.CompleteId || c.GroupId == 0).MaxAsync(c => (long?)c.ChangedAtVersion) ?? 0;
        Assert.True(before >= changed);

        // An account is not shown on any group's page: no change is recorded for the group, nor for every group.
        await SignedIn.CookieAsync(app);
        Assert.Equal(changed, await db.GroupPageChanges.Where(c => c.GroupId == s.CompleteId || c.GroupId == 0).MaxAsync(c => (long?)c.ChangedAtVersion) ?? 0);
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}

public sealed class SqliteReadModelTests(SqliteApp app) : ReadModelTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReadModelTests(PostgresApp app) : ReadModelTests(app), IClassFixture<PostgresApp>;
