using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

public abstract partial class BrowserTests
{
    [Fact]
    public async Task AgendaEdit_the_secretariat_translates_a_line_and_reads_its_history()
    {
        const string password = "the secretariat's long passphrase";
        var email = await SecretariatAccountAsync(password);

        await SignInAsync(Page, email, password, null);

        await Page.GotoAsync("/agendas/lc-crp-20-6/lines/3.4.5");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Edit line of action" }).ClickAsync();
        await Page.GetByLabel("Line of action: Spanish translation").FillAsync("Crear registros nacionales y subnacionales de políticas públicas.");
        await ScreenshotAsync("line-edit");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(host.BaseAddress + "agendas/lc-crp-20-6/lines/3.4.5");

        await Page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await Expect(Page.Locator("table.audit tbody tr").First).ToContainTextAsync("Crear registros nacionales y subnacionales de políticas públicas.");
        await ScreenshotAsync("audit");

        await Page.GotoAsync("/agendas/lc-crp-20-6/lines/3.4.5?culture=es");
        await Expect(Page.Locator(".line-statement")).ToHaveTextAsync("Crear registros nacionales y subnacionales de políticas públicas.");
        AssertNoProblems();
    }
}
