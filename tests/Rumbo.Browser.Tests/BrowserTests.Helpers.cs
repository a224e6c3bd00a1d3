using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rumbo.Core.Accounts;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

/// <summary>What the browser tests share: accounts to sign in with, the sign-in page, the accessibility checker, screenshots.</summary>
public abstract partial class BrowserTests
{
    /// <summary>
    /// A person of the group with the role, named "<paramref name="givenName"/> {role} {suffix}", of the country if one is
    /// given, and a confirmed account with the password; answers its e-mail address, {role}-{suffix}@example.org.
    /// </summary>
    private async Task<string> AccountAsync(
        string slug, GroupRole role, string givenName, string suffix, string password, string? countryCode = null, bool isExample = false)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{suffix}@example.org";
        using var scope = host.App.Services.CreateScope();
        await using var db = host.Database.CreateContext();
        var person = new Person
        {
            GivenName = givenName, FamilyName = $"{role} {suffix}", Email = email, IsExample = isExample,
            CountryId = countryCode is null ? null : db.Countries.Single(c => c.Code == countryCode).Id,
        };
        db.People.Add(person);
        db.GroupMembers.Add(new GroupMember { GroupId = db.Groups.Single(g => g.Slug == slug).Id, Person = person, Role = role });
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
        var created = await users.CreateAsync(new RumboUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow, PersonId = person.Id }, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return email;
    }

    /// <summary>An account of the secretariat's administrators, with no person behind it; answers its e-mail address.</summary>
    private async Task<string> SecretariatAccountAsync(string password)
    {
        var email = $"secretariat-{Guid.NewGuid():n}@example.org";
        using var scope = host.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<RumboRole>>();
        if (!await roles.RoleExistsAsync(Roles.SecretariatAdmin)) await roles.CreateAsync(new RumboRole(Roles.SecretariatAdmin));
        var user = new RumboUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.SecretariatAdmin)).Succeeded);
        return email;
    }

    /// <summary>Signs in on the sign-in page; with a name, waits until the header greets the person by it.</summary>
    internal static async Task SignInAsync(IPage page, string email, string password, string? name)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (name is not null) await Expect(page.Locator("header .user-name")).ToContainTextAsync(name);
    }

    /// <summary>The accessibility engine, installed by the test command from the npm registry (package.json here).</summary>
    internal static string AxeScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("axe-core is not installed: run the tests with ./test.sh, which runs npm ci for them.");
    }

    /// <summary>
    /// A browser context the checker can be injected into: as a script of its own, which the site's policy (rightly)
    /// forbids. Signed out, or, with <paramref name="signedInAsPage"/>, signed in as <see cref="Page"/> is.
    /// </summary>
    private async Task<IBrowserContext> CheckerContextAsync(bool signedInAsPage = false)
    {
        var checker = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), BypassCSP = true, Locale = "en-GB" });
        if (signedInAsPage)
        {
            await checker.AddCookiesAsync((await Page.Context.CookiesAsync()).Select(c => new Cookie
            {
                Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
            }));
        }
        return checker;
    }

    /// <summary>Opens the address signed out and fails on any WCAG 2.1 A or AA violation the checker finds there.</summary>
    private async Task AssertAccessibleAsync(string url)
    {
        await using var checker = await CheckerContextAsync();
        var page = await checker.NewPageAsync();
        await page.GotoAsync(url);
        await AssertAccessibleAsync(page);
    }

    /// <summary>Fails on any WCAG 2.1 A or AA violation the checker finds on the page as it is now (its context must bypass the policy).</summary>
    private static async Task AssertAccessibleAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript() });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
                .violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"{page.Url}:\n" + string.Join("\n", found));
    }

    private string ScreenshotPath(string name)
    {
        var directory = Environment.GetEnvironmentVariable(ScreenshotsVariable);
        if (string.IsNullOrWhiteSpace(directory)) directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $"{name}-{host.Name}.png");
    }

    private async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(name), FullPage = true });
}
