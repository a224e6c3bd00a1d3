using Microsoft.Playwright;
using Rumbo.Core.Groups;
using Rumbo.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

public abstract partial class BrowserTests
{
    [Fact]
    public async Task GroupEdit_by_a_coordinator_signed_in_on_the_sign_in_page()
    {
        var s = await GroupScenario.CreateAsync(host.Database);
        const string password = "a coordinator's long passphrase";
        var email = await AccountAsync(s.Complete, GroupRole.Coordinator, "Lucía", s.Suffix, password);

        await SignInAsync(Page, email, password, "Lucía");

        await Page.GotoAsync($"/groups/{s.Complete}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Edit group" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(host.BaseAddress + $"groups/{s.Complete}/edit");
        await Page.Locator("#Mandate_Source").FillAsync("Follow up the foresight lines and report every year.");
        await Page.Locator("#Participating").GetByLabel("Uruguay").CheckAsync();
        await ScreenshotAsync("group-edit");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(host.BaseAddress + $"groups/{s.Complete}");
        await Expect(Page.Locator("section[aria-labelledby=mandate-heading]")).ToContainTextAsync("Follow up the foresight lines and report every year.");
        await Expect(Page.Locator("ul.participating a[href='/countries/uy']")).ToHaveTextAsync("Uruguay");
        AssertNoProblems();
    }
}
