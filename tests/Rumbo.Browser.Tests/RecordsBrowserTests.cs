using Microsoft.Playwright;
using Rumbo.Core.Groups;
using Rumbo.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

public abstract partial class BrowserTests
{
    [Fact]
    public async Task Records_a_coordinator_writes_approves_and_releases_minutes_which_a_visitor_then_reads()
    {
        var s = await RecordsScenario.CreateAsync(host.Database);
        const string password = "a coordinator's long passphrase";
        var email = await AccountAsync(s.Groups.Complete, GroupRole.Coordinator, "Marta", s.Groups.Suffix, password);

        await SignInAsync(Page, email, password, "Marta");

        // Start the draft from the meeting's agenda.
        await Page.GotoAsync($"/meetings/{s.Meeting}/records/new");
        await Page.GetByLabel("Minutes").CheckAsync();
        await Expect(Page.GetByLabel(RecordsScenario.Item1Title)).ToBeCheckedAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the draft" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(host.BaseAddress + $"meetings/{s.Meeting}/records/1/edit");
        await Expect(Page.Locator("#Sections_0__Heading_Source")).ToHaveValueAsync(RecordsScenario.Item1Title);

        // Write it, with an action added by a button of the form.
        await Page.Locator("#Summary_Source").FillAsync("Present: Testland, Otherland and ECLAC.\n\nThe coordinator opened the meeting.");
        await Page.Locator("#Sections_0__Body_Source").FillAsync("The network now has **twelve** members.\n\n- two universities\n- one ministry");
        await Page.Locator("#section-0").GetByRole(AriaRole.Button, new() { Name = "Add an outcome" }).ClickAsync();
        await Expect(Page.Locator("[role=status]")).ToBeVisibleAsync();
        await Expect(Page.Locator("#Summary_Source")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Present: Testland"));
        await Page.Locator("#Sections_0__Outcomes_0__Kind").SelectOptionAsync("Action");
        await Page.Locator("#Sections_0__Outcomes_0__Text_Source").FillAsync("Circulate the survey on foresight units to every country");
        await Page.Locator("#Sections_0__Outcomes_0__OwnerName").FillAsync("Technical secretariat");
        await Page.Locator("#Sections_0__Outcomes_0__DueDate").FillAsync("2026-03-31");
        await ScreenshotAsync("records-edit");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).Last.ClickAsync();
        await Expect(Page).ToHaveURLAsync(host.BaseAddress + $"meetings/{s.Meeting}/records/1");
        await Expect(Page.Locator("table.record-actions")).ToContainTextAsync("Technical secretariat");

        // Approve for members, then release to the public.
        await Page.GetByLabel("The group's members only").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve the record" }).ClickAsync();
        await Expect(Page.Locator(".record-status")).ToContainTextAsync("Approved");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Edit the record" })).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Release to the public" }).ClickAsync();
        await Expect(Page.Locator(".record-status")).ToContainTextAsync("Public");

        // And an agreement of the meeting, linked to a line of action.
        await Page.GotoAsync($"/meetings/{s.Meeting}/agreements/new");
        await Page.Locator("#Text_Source").FillAsync("Countries will share their foresight studies through the network before the next meeting.");
        await Page.Locator("#Text_Es").FillAsync("Los países compartirán sus estudios de prospectiva a través de la red antes de la próxima reunión.");
        await Page.Locator("#Lines").FillAsync("2.4.1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(Page.Locator("h1")).ToContainTextAsync("Agreement 1");
        var agreementUrl = Page.Url;

        // A visitor, signed out, reads both; the checker finds no WCAG A or AA violation on them.
        await using var visitor = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(), BypassCSP = true, Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await visitor.NewPageAsync();
        await page.GotoAsync($"/meetings/{s.Meeting}/records/1");
        await Expect(page.Locator("article")).ToContainTextAsync("Circulate the survey on foresight units to every country");
        await Expect(page.Locator("article .markdown strong")).ToHaveTextAsync("twelve");
        await Expect(page.Locator("form[method=post]").Filter(new() { HasText = "Approve" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("records-record"), FullPage = true });
        await page.GotoAsync(agreementUrl);
        await Expect(page.Locator("table.follow-up")).ToContainTextAsync("No report yet");
        await Expect(page.Locator("a[href='/agendas/lc-crp-20-6/lines/2.4.1']")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("records-agreement"), FullPage = true });
        AssertNoProblems();
    }
}
