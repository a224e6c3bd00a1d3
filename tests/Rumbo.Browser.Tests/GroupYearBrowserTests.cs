using Microsoft.Playwright;
using Rumbo.Core.Groups;
using Rumbo.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

public abstract partial class BrowserTests
{
    /// <summary>
    /// The whole path through the merged features: a coordinator schedules a meeting and invites the group, the
    /// member receives the invitation with its calendar entry and registers, the coordinator writes the minutes from the
    /// meeting page, approves them for members, and releases them; the public sees them only after the release.
    /// </summary>
    [Fact]
    public async Task Year_a_coordinator_schedules_invites_records_and_releases_and_the_public_sees_only_what_was_released()
    {
        var s = await GroupScenario.CreateAsync(host.Database);
        const string password = "a long passphrase for the year";
        var coordinator = await AccountAsync(s.Complete, GroupRole.Coordinator, "Inés", s.Suffix, password, countryCode: "CL");
        var member = await AccountAsync(s.Complete, GroupRole.Member, "Tomás", s.Suffix, password, countryCode: "CL");
        var date = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        const string title = "Working meeting on results-based budgeting";

        // Schedule.
        await SignInAsync(Page, coordinator, password, "Inés");
        await Page.GotoAsync($"/groups/{s.Complete}/meetings/new");
        await Page.GetByLabel("Kind of meeting").SelectOptionAsync("WorkingMeeting");
        await Page.Locator("#Form_Title_Source").FillAsync(title);
        await Page.GetByLabel("Date", new() { Exact = true }).FillAsync(date);
        await Page.GetByLabel("Start time (local)").FillAsync("09:30");
        await Page.GetByLabel("Time zone").SelectOptionAsync("America/Bogota");
        await Page.GetByLabel("Format", new() { Exact = true }).SelectOptionAsync("Virtual");
        await Page.GetByLabel("Online link").FillAsync("https://meet.example.org/budgeting");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync(title);
        var meetingPath = new Uri(Page.Url).AbsolutePath;

        // Invite the group; the member's invitation carries the calendar entry.
        await Page.GotoAsync($"{meetingPath}/participants");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send the invitations" }).ClickAsync();
        await Expect(Page.Locator("main")).ToContainTextAsync("Saved.");
        var mailFolder = Path.Combine(host.App.Database.Directory, "mail");
        Mime? invitation = null;
        for (var tries = 0; invitation is null && tries < 50; tries++)
        {
            invitation = Directory.Exists(mailFolder)
                ? Directory.GetFiles(mailFolder, "*.eml").Select(f => Mime.Parse(File.ReadAllText(f)))
                    .FirstOrDefault(m => m.Headers.GetValueOrDefault("To") == member && m.Parts.Any(p => p.Headers.GetValueOrDefault("Content-Type", "").StartsWith("text/calendar", StringComparison.Ordinal)))
                : null;
            if (invitation is null) await Task.Delay(100);
        }
        Assert.NotNull(invitation);
        var ics = invitation.Parts.Single(p => p.Headers["Content-Type"].StartsWith("text/calendar", StringComparison.Ordinal)).Text;
        Assert.Contains("METHOD:REQUEST", ics);
        Assert.Contains("TZID=America/Bogota", ics);
        Assert.Contains(title, ics);

        // The member registers.
        await using var memberContext = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "en-GB" });
        var memberPage = await memberContext.NewPageAsync();
        await SignInAsync(memberPage, member, password, "Tomás");
        await memberPage.GotoAsync(meetingPath);
        await memberPage.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(memberPage.Locator(".registration")).ToContainTextAsync("You accepted the invitation.");

        // Minutes, from the meeting page.
        await Page.GotoAsync(meetingPath);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Write the record" }).ClickAsync();
        await Page.GetByLabel("Minutes").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the draft" }).ClickAsync();
        await Page.Locator("#Summary_Source").FillAsync("Present: the coordinators and **four** countries.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).Last.ClickAsync();
        var recordPath = new Uri(Page.Url).AbsolutePath;
        Assert.EndsWith("/records/1", recordPath);

        // A visitor sees neither the draft nor, once approved, the members-only record: both ask them to sign in.
        await using var visitorContext = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "en-GB" });
        var visitor = await visitorContext.NewPageAsync();
        await AssertAsksToSignIn(visitor, recordPath);

        await Page.GetByLabel("The group's members only").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve the record" }).ClickAsync();
        // The meeting is ten days ahead: approval warns and waits for the coordinator to confirm.
        await Expect(Page.Locator("#approval-warning")).ToContainTextAsync("This meeting has not taken place yet");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve anyway" }).ClickAsync();
        await Expect(Page.Locator(".record-status")).ToContainTextAsync("Approved");
        await AssertAsksToSignIn(visitor, recordPath);
        await visitor.GotoAsync(meetingPath);
        await Expect(visitor.Locator($"a[href='{recordPath}']")).ToHaveCountAsync(0);

        // The member reads it already.
        await memberPage.GotoAsync(recordPath);
        await Expect(memberPage.Locator("article")).ToContainTextAsync("four");

        // Released: the public reads it, from the meeting page.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Release to the public" }).ClickAsync();
        await Expect(Page.Locator(".record-status")).ToContainTextAsync("Public");
        await visitor.GotoAsync(meetingPath);
        await visitor.Locator($"a[href='{recordPath}']").First.ClickAsync();
        await Expect(visitor.Locator("article strong")).ToHaveTextAsync("four");
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("year-record-released"), FullPage = true });
        AssertNoProblems();
    }

    private static async Task AssertAsksToSignIn(IPage visitor, string path)
    {
        await visitor.GotoAsync(path);
        var landed = new Uri(visitor.Url);
        Assert.Equal("/account/sign-in", landed.AbsolutePath);
        Assert.Contains(Uri.EscapeDataString(path), landed.Query);
        await Expect(visitor.Locator("article")).ToHaveCountAsync(0);
    }
}
