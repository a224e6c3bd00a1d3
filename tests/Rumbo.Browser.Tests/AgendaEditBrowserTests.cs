using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rumbo.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

public abstract partial class BrowserTests
{
    [Fact]
    public async Task AgendaEdit_the_secretariat_translates_a_line_and_reads_its_history()
    {
        const string password = "the secretariat's long passphrase";
        var email = $"secretariat-{Guid.NewGuid():n}@example.org";
        using (var scope = host.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<RumboRole>>();
            if (!await roles.RoleExistsAsync(Roles.SecretariatAdmin)) await roles.CreateAsync(new RumboRole(Roles.SecretariatAdmin));
            var user = new RumboUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.SecretariatAdmin)).Succeeded);
        }

        await Page.GotoAsync("/account/sign-in");
        await Page.GetByLabel("E-mail address").FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

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
