using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

public abstract partial class BrowserTests
{
    /// <summary>Everything a reader does works with JavaScript switched off: the script only adds conveniences.</summary>
    [Fact]
    public async Task NoScript_browsing_searching_collapsing_and_switching_language()
    {
        await using var noScript = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            JavaScriptEnabled = false,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await noScript.NewPageAsync();

        await page.GotoAsync("/");
        await page.Locator(".card h3 a[href='/agendas/lc-crp-20-6']").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Regional agenda on governance of planning");
        // The expand/collapse-all buttons are the script's; without it they stay hidden, and each area still folds.
        await Expect(page.Locator(".tree-controls")).ToBeHiddenAsync();
        await page.Locator("#area-2 summary").ClickAsync();
        await Expect(page.Locator("#line-2-1-1")).ToBeHiddenAsync();
        await page.Locator("#area-2 summary").ClickAsync();
        await Expect(page.Locator("#line-2-1-1")).ToBeVisibleAsync();

        await page.Locator("#site-search").FillAsync("\"innovation labs\"");
        await page.Locator("#site-search").PressAsync("Enter");
        await Expect(page.Locator("li.hit mark")).ToHaveTextAsync("innovation labs");
        await page.Locator("li.hit a").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Line of action 2.1.4");

        await page.Locator(".lang-switch a[hreflang=es]").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Línea de acción 2.1.4");

        await page.GotoAsync("/groups");
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
    }
}
