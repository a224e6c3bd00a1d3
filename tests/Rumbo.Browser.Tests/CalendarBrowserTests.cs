using Microsoft.Playwright;
using Rumbo.Core.Groups;
using Rumbo.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

public abstract partial class BrowserTests
{
    [Fact]
    public async Task Calendar_link_made_subscribed_to_and_replaced_by_a_member()
    {
        var s = await GroupScenario.CreateAsync(host.Database);
        const string password = "a member's long passphrase";
        var email = await AccountAsync(s.Complete, GroupRole.Member, "Tomás", s.Suffix, password);
        var closed = await CalendarScenario.AddAsync(host.Database, s.Complete, m =>
        {
            m.Title = new() { Source = $"Closed coordination meeting {s.Suffix}" };
            m.Description = new() { Source = "Members-only agenda." };
            m.TimeZone = "America/Santiago";
        });

        await SignInAsync(Page, email, password, "Tomás");

        await Page.GotoAsync("/account/calendar");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("My calendar");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make my calendar link" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your calendar link is ready");
        var link = await Page.GetByLabel("Web address of the same calendar (https)").InputValueAsync();
        await Expect(Page.GetByLabel("Link for calendar programs (webcal)")).ToHaveValueAsync("webcal" + link[link.IndexOf(':')..]);
        await ScreenshotAsync("calendars-account");

        // What a calendar program gets from the link: the member's closed meeting, in full.
        var feed = await Page.APIRequest.GetAsync(link);
        Assert.Equal(200, feed.Status);
        Assert.StartsWith("text/calendar", feed.Headers["content-type"]);
        var text = await feed.TextAsync();
        Assert.Contains($"Closed coordination meeting {s.Suffix}", text);
        Assert.Contains("Members-only agenda.", text);
        Assert.Contains($"/meetings/{closed}", text);

        // Without script, the page shows no link again; a new one replaces the old.
        await Page.GotoAsync("/account/calendar");
        await Expect(Page.Locator("#https-link")).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make a new link" }).ClickAsync();
        var second = await Page.GetByLabel("Web address of the same calendar (https)").InputValueAsync();
        Assert.NotEqual(link, second);
        Assert.Equal(404, (await Page.APIRequest.GetAsync(link)).Status);
        await ScreenshotAsync("calendars-account-reset");

        // The page, link shown, meets WCAG 2.1 AA.
        await using var context = await CheckerContextAsync(signedInAsPage: true);
        var checkedPage = await context.NewPageAsync();
        await checkedPage.GotoAsync("/account/calendar");
        await checkedPage.GetByRole(AriaRole.Button, new() { Name = "Make a new link" }).ClickAsync();
        await Expect(checkedPage.Locator("#https-link")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(checkedPage);
        AssertNoProblems();
    }
}
