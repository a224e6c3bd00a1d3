using System.Text.Json;
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
    public async Task Calendar_link_made_subscribed_to_and_replaced_by_a_member()
    {
        var s = await GroupScenario.CreateAsync(host.Database);
        const string password = "a member's long passphrase";
        var email = $"calendar-{s.Suffix}@example.org";
        using (var scope = host.App.Services.CreateScope())
        {
            await using var db = host.Database.CreateContext();
            var person = new Person { GivenName = "Tomás", FamilyName = $"Miembro {s.Suffix}", Email = email };
            db.People.Add(person);
            db.GroupMembers.Add(new GroupMember { GroupId = db.Groups.Single(g => g.Slug == s.Complete).Id, Person = person, Role = GroupRole.Member });
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
            var created = await users.CreateAsync(new RumboUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow, PersonId = person.Id }, password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        var closed = await CalendarScenario.AddAsync(host.Database, s.Complete, m =>
        {
            m.Title = new() { Source = $"Closed coordination meeting {s.Suffix}" };
            m.Description = new() { Source = "Members-only agenda." };
            m.TimeZone = "America/Santiago";
        });

        await Page.GotoAsync("/account/sign-in");
        await Page.GetByLabel("E-mail address").FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.Locator("header .user-name")).ToContainTextAsync("Tomás");

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
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), BypassCSP = true, Locale = "en-GB" });
        await context.AddCookiesAsync((await Page.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        var checkedPage = await context.NewPageAsync();
        await checkedPage.GotoAsync("/account/calendar");
        await checkedPage.GetByRole(AriaRole.Button, new() { Name = "Make a new link" }).ClickAsync();
        await Expect(checkedPage.Locator("#https-link")).ToHaveCountAsync(1);
        await checkedPage.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript() });
        var violations = await checkedPage.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
                .violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
            """);
        Assert.Empty(violations.EnumerateArray().Select(v => v.GetString()));
        AssertNoProblems();
    }
}
