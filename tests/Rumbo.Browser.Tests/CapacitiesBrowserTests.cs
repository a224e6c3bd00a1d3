using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

public abstract partial class BrowserTests
{
    private const string CapacitiesAgenda = "/agendas/lc-crp-20-6";

    /// <summary>
    /// The TOPP diagnosis as its people do it: the secretariat opens a round for a country; the country's focal point
    /// answers part of it, leaves, comes back to find it as saved, finishes and sends it; the secretariat closes it. On a
    /// wide screen for Argentina and on a 390 px phone for Peru, each with a screenshot of the form.
    /// </summary>
    [Theory]
    [InlineData("AR", 1280, "")]
    [InlineData("PE", 390, "-phone")]
    public async Task Capacities_a_focal_point_answers_part_comes_back_finishes_and_sends_and_the_secretariat_closes(string country, int width, string screenshotSuffix)
    {
        await Page.SetViewportSizeAsync(width, width < 600 ? 844 : 800);
        const string password = "a focal point's long passphrase";
        var title = $"2024 browser {country}";

        // 1. The secretariat opens a round for the country (dated before the examples' 2025 round, so the regional map stays that one).
        var secretariat = await SecretariatAccountAsync(password);
        await SignInAsync(Page, secretariat, password, secretariat);
        await Page.GotoAsync($"{CapacitiesAgenda}/capacities");
        await Page.GetByLabel("Title (English, as written)", new() { Exact = true }).FillAsync(title);
        await Page.GetByLabel("Opens on", new() { Exact = true }).FillAsync("2024-01-01");
        await Page.GetByLabel("Due on", new() { Exact = true }).FillAsync("2024-06-30");
        await Page.Locator($"#country-{country}").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open the round" }).ClickAsync();
        await Expect(Page.Locator("p.notice[role=status]")).ToHaveTextAsync("The round was opened for 1 countries.");
        await SignOutAsync(width);

        // 2. The focal point finds the diagnosis from their workspace and answers the first three questions.
        var focal = await FocalPointAccountAsync(country, password);
        await SignInAsync(Page, focal, password, "Focal");
        await Page.GotoAsync("/workspace");
        await Expect(Page.Locator($"tr[data-country='{country}'][data-agenda='lc-crp-20-6'] a.capacities-link")).ToBeVisibleAsync();
        // What is due names the diagnosis, overdue, and leads to it.
        var due = Page.Locator("#due li[data-kind=AnswerDiagnosis]", new() { HasTextString = title });
        await Expect(due).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\boverdue\b"));
        await Expect(due).ToContainTextAsync("Answer the TOPP diagnosis");
        await ScreenshotAsync("workspace-due" + screenshotSuffix);
        await due.Locator("a").ClickAsync();
        await Expect(Page.Locator(".assessment-status")).ToHaveTextAsync("Open to the country");
        var questions = Page.Locator("fieldset.capacity-question");
        await Expect(questions).ToHaveCountAsync(32);
        for (var i = 0; i < 3; i++) await questions.Nth(i).Locator("label", new() { HasTextString = i == 0 ? "Established" : "Developing" }).ClickAsync();
        await questions.Nth(0).GetByLabel("Comment").FillAsync("Ley de planificación, artículo 4.");
        await questions.Nth(1).GetByLabel("Evidence (web address)").FillAsync("https://example.org/sistema");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(Page.Locator("p.notice[role=status]")).ToHaveTextAsync("Saved. You can come back to it later.");
        var url = Page.Url;

        // 3. Later, the answers are as they were left.
        await Page.GotoAsync("/");
        await Page.GotoAsync(url);
        await Expect(Page.Locator(".answered-count")).ToHaveTextAsync("3 of 32 questions answered");
        await Expect(questions.Nth(0).Locator("input[type=radio][value='3']")).ToBeCheckedAsync();
        await Expect(questions.Nth(0).GetByLabel("Comment")).ToHaveValueAsync("Ley de planificación, artículo 4.");
        await Expect(questions.Nth(1).GetByLabel("Evidence (web address)")).ToHaveValueAsync("https://example.org/sistema");
        await AssertFormsCarryTokenAsync(Page);
        await using (var checker = await CheckerContextAsync(signedInAsPage: true))
        {
            var page = await checker.NewPageAsync();
            await page.GotoAsync(url);
            await AssertAccessibleAsync(page);
        }
        if (width <= 390) Assert.Null(await WiderThanScreenAsync(Page));
        await ScreenshotAsync("capacities-form" + screenshotSuffix);

        // 4. The rest, then send.
        for (var i = 3; i < 32; i++) await questions.Nth(i).Locator("input[type=radio][value='2']").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save and send to the secretariat" }).ClickAsync();
        await Expect(Page.Locator("p.notice[role=status]")).ToHaveTextAsync("Saved and sent to the secretariat.");
        await Expect(Page.Locator(".assessment-status")).ToHaveTextAsync("Sent to the secretariat");
        await Expect(Page.Locator(".answered-count")).ToHaveTextAsync("32 of 32 questions answered");
        await Expect(Page.Locator("input[type=radio]")).ToHaveCountAsync(0);
        await SignOutAsync(width);

        // 5. The secretariat closes it; the history keeps who and when.
        await SignInAsync(Page, secretariat, password, secretariat);
        await Page.GotoAsync(url);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Close the diagnosis" }).ClickAsync();
        await Expect(Page.Locator("p.notice[role=status]")).ToHaveTextAsync("The diagnosis was closed.");
        await Expect(Page.Locator(".assessment-status")).ToHaveTextAsync("Closed");
        await Expect(Page.Locator("ol.history li")).ToHaveCountAsync(2);
        await Page.GotoAsync($"{CapacitiesAgenda}/capacities/{country.ToLowerInvariant()}");
        // The chart is drawn wide and narrow; the screen's width shows one of them.
        await Expect(Page.Locator($"figure.chart svg.capacity-chart-{(width < 600 ? "narrow" : "wide")}")).ToBeVisibleAsync();
        await Expect(Page.Locator($"figure.chart svg.capacity-chart-{(width < 600 ? "wide" : "narrow")}")).ToBeHiddenAsync();
        await ScreenshotAsync("capacities-profile" + screenshotSuffix);
        if (width <= 390) Assert.Null(await WiderThanScreenAsync(Page));
        AssertNoProblems();
    }
}
