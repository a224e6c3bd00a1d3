using Microsoft.Playwright;
using Rumbo.Core.Groups;
using Rumbo.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

public abstract partial class BrowserTests
{
    [Fact]
    public async Task Meetings_a_coordinator_schedules_a_meeting_with_two_agenda_items_and_a_member_registers()
    {
        var s = await GroupScenario.CreateAsync(host.Database);
        const string password = "a long passphrase for meetings";
        var coordinator = await AccountAsync(s.Complete, GroupRole.Coordinator, "Lucía", s.Suffix, password, countryCode: "CL");
        var member = await AccountAsync(s.Complete, GroupRole.Member, "Mateo", s.Suffix, password, countryCode: "CL");
        var date = DateTime.UtcNow.AddDays(21).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await SignInAsync(Page, coordinator, password, "Lucía");
        await Page.GotoAsync($"/groups/{s.Complete}");
        await Page.Locator(".group-meetings").GetByRole(AriaRole.Link, new() { Name = "Schedule a meeting" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(host.BaseAddress + $"groups/{s.Complete}/meetings/new");
        await Page.GetByLabel("Kind of meeting").SelectOptionAsync("ThematicSeminar");
        await Page.Locator("#Form_Title_Source").FillAsync("Seminar on technology foresight observatories");
        await Page.Locator("#Form_Description_Source").FillAsync("Countries share how they **track** artificial intelligence and automation.");
        await Page.GetByLabel("Date", new() { Exact = true }).FillAsync(date);
        await Page.GetByLabel("Start time (local)").FillAsync("10:00");
        await Page.GetByLabel("Time zone").SelectOptionAsync("America/Santiago");
        await Page.GetByLabel("Format", new() { Exact = true }).SelectOptionAsync("Hybrid");
        await Page.GetByLabel("Online link").FillAsync("https://meet.example.org/foresight");
        await Page.GetByLabel("Place", new() { Exact = true }).FillAsync("ECLAC, Raúl Prebisch room");
        await Page.GetByLabel("City").FillAsync("Santiago");
        await Page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync("CL");
        await Page.GetByLabel("Open: everyone sees it; anyone signed in may register").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Seminar on technology foresight observatories");
        var meetingUrl = Page.Url;
        var id = meetingUrl[(meetingUrl.LastIndexOf('/') + 1)..];

        await Page.GetByRole(AriaRole.Link, new() { Name = "Edit meeting" }).ClickAsync();
        await Page.Locator("#ItemTitle_Source").FillAsync("Opening and purpose");
        await Page.GetByLabel("Presenter", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"Lucía Coordinator {s.Suffix}" });
        await Page.Locator("#ItemDuration").FillAsync("15");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add the item" }).ClickAsync();
        await Page.Locator("#ItemTitle_Source").FillAsync("Observatories in the region");
        await Page.GetByLabel("Or the presenter's name").FillAsync("Government of Mexico");
        await Page.GetByLabel("Lines of action (codes)").FillAsync("2.5.1, 2.4.1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add the item" }).ClickAsync();
        await Expect(Page.Locator(".meeting-items-editor ol.meeting-items > li")).ToHaveCountAsync(2);
        await ScreenshotAsync("meetings-edit");

        // The member, in a browser of their own, registers.
        await using var other = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "en-US", TimezoneId = "Europe/Madrid" });
        var memberPage = await other.NewPageAsync();
        await SignInAsync(memberPage, member, password, "Mateo");
        await memberPage.GotoAsync($"/meetings/{id}");
        await Expect(memberPage.Locator("ol.meeting-items h3")).ToHaveTextAsync(["Opening and purpose", "Observatories in the region"]);
        await Expect(memberPage.Locator("ol.meeting-items a.code")).ToHaveTextAsync(["2.4.1", "2.5.1"]);
        // The script adds the reader's own time (Madrid) beside the meeting's (Santiago).
        await Expect(memberPage.Locator(".reader-time")).ToBeVisibleAsync();
        await Expect(memberPage.Locator(".reader-time")).ToContainTextAsync("Europe/Madrid");
        await memberPage.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(memberPage.Locator(".registration")).ToContainTextAsync("You are registered.");
        await Expect(memberPage.Locator("section[aria-labelledby=participants-heading]")).ToContainTextAsync("1 registered");

        await Page.GotoAsync($"/meetings/{id}");
        await Expect(Page.Locator("section[aria-labelledby=participants-heading]")).ToContainTextAsync("1 registered");
        await ScreenshotAsync("meetings-page");
        await Page.GotoAsync($"/groups/{s.Complete}/meetings");
        await Expect(Page.Locator(".meeting-title a")).ToHaveTextAsync(["Seminar on technology foresight observatories"]);
        await ScreenshotAsync("meetings-group");
        AssertNoProblems();

        // No WCAG A or AA violation on the meeting pages.
        await using var checker = await CheckerContextAsync();
        var check = await checker.NewPageAsync();
        foreach (var url in new[] { $"/meetings/{id}", $"/groups/{s.Complete}/meetings", "/meetings", $"/meetings/{id}?culture=es" })
        {
            await check.GotoAsync(url);
            await AssertAccessibleAsync(check);
        }
    }
}
