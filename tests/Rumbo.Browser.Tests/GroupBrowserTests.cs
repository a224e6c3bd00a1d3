using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rumbo.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

public abstract partial class BrowserTests
{
    [Fact]
    public async Task Group_directory_filters_by_a_country_and_opens_a_group()
    {
        var s = await GroupScenario.SharedAsync(host.Database);
        await Page.GotoAsync("/");
        await Page.Locator(".main-nav a[href='/groups']").ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Groups");

        await Page.GetByLabel("Country").SelectOptionAsync(new SelectOptionValue { Label = s.CountryAName });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/groups\\?.*country={s.CountryA}"));
        var rows = Page.Locator("table.groups tbody tr");
        await Expect(rows.Filter(new() { HasText = s.CompleteName })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = s.LoneName })).ToHaveCountAsync(1);
        await Expect(Page.Locator($"tr[data-slug='{s.AdHoc}']")).ToHaveCountAsync(0);
        await Expect(Page.Locator($"tr[data-slug='{s.Lone}'] .flag")).ToHaveTextAsync("Breaks a rule");
        await Expect(Page.GetByLabel("Country")).ToHaveValueAsync(s.CountryA);
        await ScreenshotAsync("groups");

        await rows.Filter(new() { HasText = s.CompleteName }).GetByRole(AriaRole.Link, new() { Name = s.CompleteName }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(host.BaseAddress + $"groups/{s.Complete}");
        await Expect(Page.Locator("h1")).ToHaveTextAsync(s.CompleteName);
        await Expect(Page.Locator("ul.coordinators > li")).ToHaveCountAsync(2);
        await Expect(Page.Locator("#rules li[data-outcome='met']")).ToHaveCountAsync(3);
        await ScreenshotAsync("group");

        await Page.Locator("ol.served a[href='/agendas/lc-crp-20-6/lines/2.4.1']").ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Line of action 2.4.1");
        await Expect(Page.Locator($"ul.linked-groups a[href='/groups/{s.Complete}']")).ToBeVisibleAsync();

        await Page.GotoAsync("/governance");
        await Expect(Page.Locator($"tr[data-slug='{s.Lone}'] td[data-rule='coordinators.two']")).ToContainTextAsync("Broken");
        await ScreenshotAsync("governance");

        // The widest tables, with rows in them, still fit a phone's screen: they scroll on their own.
        await Page.SetViewportSizeAsync(375, 812);
        foreach (var url in new[] { "/governance", $"/groups?country={s.CountryA}", $"/groups/{s.Complete}" })
        {
            await Page.GotoAsync(url);
            await Expect(Page.Locator("table tbody tr").First).ToBeVisibleAsync();
            var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"{url} is {widths[0]}px wide on a {widths[1]}px screen.");
        }
        await ScreenshotAsync("group-mobile");
        AssertNoProblems();
    }
}
