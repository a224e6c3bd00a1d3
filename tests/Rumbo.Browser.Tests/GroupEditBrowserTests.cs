using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rumbo.Core.Accounts;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
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
        var email = $"coordinator-{s.Suffix}@example.org";
        using (var scope = host.App.Services.CreateScope())
        {
            await using var db = host.Database.CreateContext();
            var person = new Person { GivenName = "Lucía", FamilyName = $"Coordinadora {s.Suffix}", Email = email };
            db.People.Add(person);
            db.GroupMembers.Add(new GroupMember { GroupId = db.Groups.Single(g => g.Slug == s.Complete).Id, Person = person, Role = GroupRole.Coordinator });
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
            var created = await users.CreateAsync(new RumboUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow, PersonId = person.Id }, password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await Page.GotoAsync("/account/sign-in");
        await Page.GetByLabel("E-mail address").FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.Locator("header .user-name")).ToContainTextAsync("Lucía");

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
