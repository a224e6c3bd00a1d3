using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

public abstract partial class BrowserTests
{
    /// <summary>
    /// Issue 12 part 4 as a focal point does it: registers a policy of their country in Spanish, finds on its page the
    /// lines Rumbo suggests with the supporting words marked, and links one with a plain form; the line is then among the
    /// policy's lines and no longer suggested. On a wide screen and on a 390 px phone, each for a country of its own.
    /// </summary>
    [Theory]
    [InlineData("PE", 1280, "")]
    [InlineData("EC", 390, "-phone")]
    public async Task Policies_a_focal_point_registers_a_policy_receives_line_suggestions_and_confirms_one(string country, int width, string screenshotSuffix)
    {
        await Page.SetViewportSizeAsync(width, width < 600 ? 844 : 800);
        const string password = "a focal point's long passphrase";
        var focal = await FocalPointAccountAsync(country, password);
        await SignInAsync(Page, focal, password, "Focal");

        await Page.GotoAsync($"/policies/new?agenda=lc-crp-20-6&country={country.ToLowerInvariant()}");
        await Page.Locator("select[name=Language]").SelectOptionAsync("es");
        await Page.Locator("[name='Title.Source']").FillAsync("Ley de transparencia y acceso a la información pública");
        await Page.Locator("[name='Summary.Source']").FillAsync(
            "Garantiza el derecho de acceso a la información pública y la transparencia activa de los órganos del Estado, con los principios de gobierno abierto: " +
            "transparencia, participación ciudadana y rendición de cuentas.");
        await Page.Locator("select[name=Instrument]").SelectOptionAsync("Law");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/policies/\d+$"));

        var suggestions = Page.Locator("#suggestions");
        await Expect(suggestions.GetByRole(AriaRole.Heading, new() { Name = "Suggested lines of action" })).ToBeVisibleAsync();
        var access = suggestions.Locator("li[data-code='1.1.1']");
        await Expect(access).ToBeVisibleAsync();
        await Expect(access.Locator("mark").First).ToBeVisibleAsync();
        await Expect(Page.Locator(".policy-lines")).ToHaveCountAsync(0);
        // Nothing wider than the screen, and the buttons keep their 24 px.
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        var box = await access.GetByRole(AriaRole.Button, new() { Name = "Link line 1.1.1" }).BoundingBoxAsync();
        Assert.True(box is { Height: >= 24, Width: >= 24 }, $"the button is {box?.Width}x{box?.Height}");
        await AssertFormsCarryTokenAsync(Page);
        await using (var checker = await CheckerContextAsync(signedInAsPage: true))
        {
            var page = await checker.NewPageAsync();
            await page.SetViewportSizeAsync(width, width < 600 ? 844 : 800);
            await page.GotoAsync(Page.Url);
            await AssertAccessibleAsync(page);
        }
        await ScreenshotAsync($"policy-suggestions{screenshotSuffix}");

        await access.GetByRole(AriaRole.Button, new() { Name = "Link line 1.1.1" }).ClickAsync();
        await Expect(Page.Locator("main")).ToContainTextAsync("Line 1.1.1 is now linked to this policy.");
        await Expect(Page.Locator(".policy-lines")).ToContainTextAsync("1.1.1");
        await Expect(Page.Locator("#suggestions li[data-code='1.1.1']")).ToHaveCountAsync(0);
        await ScreenshotAsync($"policy-suggestion-confirmed{screenshotSuffix}");
    }
}
