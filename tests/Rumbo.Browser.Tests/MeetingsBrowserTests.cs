using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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
    private async Task<string> AccountAsync(string slug, GroupRole role, string givenName, string suffix, string password)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{suffix}@example.org";
        using var scope = host.App.Services.CreateScope();
        await using var db = host.Database.CreateContext();
        var person = new Person { GivenName = givenName, FamilyName = $"{role} {suffix}", Email = email, CountryId = db.Countries.Single(c => c.Code == "CL").Id };
        db.People.Add(person);
        db.GroupMembers.Add(new GroupMember { GroupId = db.Groups.Single(g => g.Slug == slug).Id, Person = person, Role = role });
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
        var created = await users.CreateAsync(new RumboUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow, PersonId = person.Id }, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return email;
    }

    private static async Task SignInAsync(IPage page, string email, string password, string name)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("header .user-name")).ToContainTextAsync(name);
    }

    [Fact]
    public async Task Meetings_a_coordinator_schedules_a_meeting_with_two_agenda_items_and_a_member_registers()
    {
        var s = await GroupScenario.CreateAsync(host.Database);
        const string password = "a long passphrase for meetings";
        var coordinator = await AccountAsync(s.Complete, GroupRole.Coordinator, "Lucía", s.Suffix, password);
        var member = await AccountAsync(s.Complete, GroupRole.Member, "Mateo", s.Suffix, password);
        var date = DateTime.UtcNow.AddDays(21).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await SignInAsync(Page, coordinator, password, "Lucía");
        await Page.GotoAsync($"/groups/{s.Complete}");
        await Page.Locator(".group-meetings").GetByRole(AriaRole.Link, new() { Name = "Schedule a meeting" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(host.BaseAddress + $"groups/{s.Complete}/meetings/new");
        await Page.GetByLabel("Kind of meeting").SelectOptionAsync("ThematicSeminar");
        await Page.Locator("#Form_Title_Source").FillAsync("Seminar on technology foresight observatories");
        await Page.Locator("#Form_Description_Source").FillAsync("Countries share how they **track** artificial intelligence and automation.");
        await Page.GetByLabel("Date", new() { Exact = true }).FillAsync(date);
        await Page.GetByLabel("Start time (local)").FillAsync("10:00");
        await Page.GetByLabel("Time zone").SelectOptionAsync("America/Santiago");
        await Page.GetByLabel("Format", new() { Exact = true }).SelectOptionAsync("Hybrid");
        await Page.GetByLabel("Online link").FillAsync("https://meet.example.org/foresight");
        await Page.GetByLabel("Place", new() { Exact = true }).FillAsync("ECLAC, Raúl Prebisch room");
        await Page.GetByLabel("City").FillAsync("Santiago");
        await Page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync("CL");
        await Page.GetByLabel("Open: everyone sees it; anyone signed in may register").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Seminar on technology foresight observatories");
        var meetingUrl = Page.Url;
        var id = meetingUrl[(meetingUrl.LastIndexOf('/') + 1)..];

        await Page.GetByRole(AriaRole.Link, new() { Name = "Edit meeting" }).ClickAsync();
        await Page.GetByLabel("Title of the item").FillAsync("Opening and purpose");
        await Page.GetByLabel("Presenter", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"Lucía Coordinator {s.Suffix}" });
        await Page.Locator("#ItemDuration").FillAsync("15");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add the item" }).ClickAsync();
        await Page.GetByLabel("Title of the item").FillAsync("Observatories in the region");
        await Page.GetByLabel("Or the presenter's name").FillAsync("Government of Mexico");
        await Page.GetByLabel("Lines of action (codes)").FillAsync("2.5.1, 2.4.1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add the item" }).ClickAsync();
        await Expect(Page.Locator(".meeting-items-editor ol.meeting-items > li")).ToHaveCountAsync(2);
        await ScreenshotAsync("meetings-edit");

        // The member, in a browser of their own, registers.
        await using var other = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "en-US", TimezoneId = "Europe/Madrid" });
        var memberPage = await other.NewPageAsync();
        await SignInAsync(memberPage, member, password, "Mateo");
        await memberPage.GotoAsync($"/meetings/{id}");
        await Expect(memberPage.Locator("ol.meeting-items h3")).ToHaveTextAsync(["Opening and purpose", "Observatories in the region"]);
        await Expect(memberPage.Locator("ol.meeting-items a.code")).ToHaveTextAsync(["2.4.1", "2.5.1"]);
        // The script adds the reader's own time (Madrid) beside the meeting's (Santiago).
        await Expect(memberPage.Locator(".reader-time")).ToBeVisibleAsync();
        await Expect(memberPage.Locator(".reader-time")).ToContainTextAsync("Europe/Madrid");
        await memberPage.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(memberPage.Locator(".registration")).ToContainTextAsync("You are registered.");
        await Expect(memberPage.Locator("section[aria-labelledby=participants-heading]")).ToContainTextAsync("1 registered");

        await Page.GotoAsync($"/meetings/{id}");
        await Expect(Page.Locator("section[aria-labelledby=participants-heading]")).ToContainTextAsync("1 registered");
        await ScreenshotAsync("meetings-page");
        await Page.GotoAsync($"/groups/{s.Complete}/meetings");
        await Expect(Page.Locator(".meeting-title a")).ToHaveTextAsync(["Seminar on technology foresight observatories"]);
        await ScreenshotAsync("meetings-group");
        AssertNoProblems();

        // No WCAG A or AA violation on the meeting pages.
        await using var checker = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), BypassCSP = true, Locale = "en-GB" });
        var check = await checker.NewPageAsync();
        foreach (var url in new[] { $"/meetings/{id}", $"/groups/{s.Complete}/meetings", "/meetings", $"/meetings/{id}?culture=es" })
        {
            await check.GotoAsync(url);
            await check.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript() });
            var violations = await check.EvaluateAsync<JsonElement>("""
                async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
                    .violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
                """);
            var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
            Assert.True(found.Count == 0, $"{url}:\n" + string.Join("\n", found));
        }
    }
}
