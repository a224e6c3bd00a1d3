using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rumbo.Core.Groups;
using Rumbo.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

public abstract partial class BrowserTests
{
    [Fact]
    public async Task Plans_a_coordinator_adds_an_activity_and_sees_it_on_the_timeline()
    {
        var s = await GroupScenario.CreateAsync(host.Database);
        const string password = "a coordinator's long passphrase";
        var email = await AccountAsync(s.Complete, GroupRole.Coordinator, "Marta", s.Suffix, password, isExample: true);

        await SignInAsync(Page, email, password, "Marta");

        await Page.GotoAsync($"/groups/{s.Complete}");
        await Page.Locator("#plans").GetByRole(AriaRole.Link, new() { Name = "New plan" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(host.BaseAddress + $"groups/{s.Complete}/plans/new");
        await Page.Locator("#Fields_Title_Source").FillAsync("Foresight plan of work 2026–2027");
        await Page.Locator("#Fields_PeriodStart").FillAsync("2026-01");
        await Page.Locator("#Fields_PeriodEnd").FillAsync("2027-12");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create plan" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/plans/[0-9]+/edit$"));

        // A month outside the period is refused by its field.
        await Page.Locator("#Activity_Title_Source").FillAsync("Seminar on technology foresight");
        await Page.Locator("#Activity_StartMonth").FillAsync("2028-01");
        await Page.Locator("#Activity_EndMonth").FillAsync("2028-02");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add activity" }).ClickAsync();
        await Expect(Page.Locator("#Activity_StartMonth-error")).ToHaveTextAsync("The month is outside the plan's period.");
        await Expect(Page.Locator("#Activity_StartMonth")).ToHaveAttributeAsync("aria-invalid", "true");
        // That refusal is the 422 the browser reports; it was meant, and is the only one allowed.
        Assert.Equal(2, problems.RemoveAll(p => p.Contains("422", StringComparison.Ordinal) && p.Contains("handler=Activity", StringComparison.Ordinal)));

        await Page.Locator("#Activity_StartMonth").FillAsync("2026-03");
        await Page.Locator("#Activity_EndMonth").FillAsync("2026-05");
        await Page.Locator("#Activity_Lines").FillAsync("2.5.1");
        await Page.Locator("#Activity_Status").SelectOptionAsync("InProgress");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add activity" }).ClickAsync();
        await Expect(Page.Locator("ol.activity-editor > li")).ToHaveCountAsync(1);
        await ScreenshotAsync("plans-edit");

        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Foresight plan of work 2026–2027" }).ClickAsync();
        var row = Page.Locator("table.timeline tbody tr").Filter(new() { HasText = "Seminar on technology foresight" });
        await Expect(row.Locator("td.on")).ToHaveCountAsync(3);
        await Expect(row.Locator("td.on").First).ToHaveAttributeAsync("data-month", "2026-03");
        await Expect(row.Locator("td.on").Last).ToHaveAttributeAsync("data-month", "2026-05");
        await Expect(Page.Locator("ol.activities")).ToContainTextAsync("In progress");
        AssertNoProblems();
    }

    [Fact]
    public async Task Plans_table_2_and_the_governance_overview_read_well_on_a_wide_screen_and_a_phone()
    {
        int id;
        await using (var db = host.Database.CreateContext())
        {
            id = await db.WorkPlans.Where(p => p.Group!.Slug == "regional-conference-on-social-development").Select(p => p.Id).SingleAsync();
        }
        await Page.GotoAsync($"/plans/{id}");
        await Expect(Page.Locator("table.timeline tbody tr")).ToHaveCountAsync(7);
        await ScreenshotAsync("plans-plan");
        await Page.GotoAsync("/governance");
        await Expect(Page.Locator("th[data-rule='meetings.three']")).ToContainTextAsync("Three meetings a year");
        await ScreenshotAsync("plans-governance");

        // On a phone the timeline scrolls inside its own box; the page itself does not scroll sideways.
        await Page.SetViewportSizeAsync(375, 812);
        await Page.GotoAsync($"/plans/{id}");
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth, document.querySelector('.timeline-wrap').scrollWidth, document.querySelector('.timeline-wrap').clientWidth]");
        var wide = await Page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.timeline-wrap')).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]}px wide on a {widths[1]}px screen: {wide}");
        Assert.True(widths[2] > widths[3], "the timeline should scroll within its box on a phone");
        await ScreenshotAsync("plans-plan-phone");
        AssertNoProblems();

        foreach (var url in new[] { $"/plans/{id}", $"/plans/{id}?culture=es", "/groups/regional-conference-on-social-development", "/groups/regional-conference-on-social-development/plans" })
        {
            await AssertAccessibleAsync(url);
        }
    }
}
