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
    public async Task Documents_a_coordinator_uploads_a_pdf_and_finds_it_by_a_phrase_inside()
    {
        var s = await GroupScenario.CreateAsync(host.Database);
        const string password = "a coordinator's long passphrase";
        var email = $"documents-{s.Suffix}@example.org";
        using (var scope = host.App.Services.CreateScope())
        {
            await using var db = host.Database.CreateContext();
            var person = new Person { GivenName = "Marta", FamilyName = $"Coordinadora {s.Suffix}", Email = email };
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
        await Expect(Page.Locator("header .user-name")).ToContainTextAsync("Marta");

        await Page.GotoAsync($"/groups/{s.Complete}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "The group's document repository" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(host.BaseAddress + $"groups/{s.Complete}/documents");
        await Page.Locator("details.upload > summary").ClickAsync();
        var pdf = DocumentFiles.Pdf("Seminario sobre prospectiva", $"Las capacidades de anticipación estratégica {s.Suffix} en la región", "Santo Domingo, 2023");
        await Page.Locator("#File").SetInputFilesAsync(new FilePayload { Name = "Informe del seminario.pdf", MimeType = "application/pdf", Buffer = pdf });
        await Page.GetByLabel("Title").FillAsync("Informe del seminario de prospectiva");
        await Page.GetByLabel("Symbol").FillAsync("LC/CRP.20/6");
        await Page.GetByLabel("Lines of action").FillAsync("2.4.1");
        await Page.GetByLabel("Who may see it").SelectOptionAsync("Public");
        await Page.GetByLabel("Description").FillAsync("Síntesis de las exposiciones y del debate del seminario.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/documents/\d+$"));
        await Expect(Page.Locator("main h1")).ToHaveTextAsync("Informe del seminario de prospectiva");
        await Expect(Page.Locator("table.versions tbody tr")).ToHaveCountAsync(1);
        await ScreenshotAsync("documents-document");

        await Page.GotoAsync("/documents");
        await Page.GetByLabel("Words or a \"quoted phrase\"").FillAsync($"\"ANTICIPACION estrategica {s.Suffix}\"");
        await Page.GetByRole(AriaRole.Search, new() { Name = "Search the documents" }).GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(Page.Locator(".documents .document")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".documents .excerpt mark")).ToHaveTextAsync($"anticipación estratégica {s.Suffix}");
        await ScreenshotAsync("documents-search");

        await Page.GotoAsync($"/groups/{s.Complete}/documents");
        await Page.Locator("details.upload > summary").ClickAsync();
        await ScreenshotAsync("documents-repository");
        AssertNoProblems();

        // The pages, as the public and as the coordinator see them (forms open), pass the accessibility checker.
        var documentUrl = await Page.EvaluateAsync<string>("() => document.querySelector('.documents .document-title a').getAttribute('href')");
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), BypassCSP = true, Locale = "en-GB" });
        var anonymous = await context.NewPageAsync();
        await using var signedIn = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), BypassCSP = true, Locale = "en-GB" });
        await signedIn.AddCookiesAsync((await Page.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        var coordinator = await signedIn.NewPageAsync();
        foreach (var (page, url) in new[]
        {
            (anonymous, $"/groups/{s.Complete}/documents"), (anonymous, "/documents?q=anticipacion"), (anonymous, documentUrl),
            (coordinator, $"/groups/{s.Complete}/documents#upload"), (coordinator, documentUrl + "/edit"),
        })
        {
            await page.GotoAsync(url);
            await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
            // The coordinator's pages are checked with their forms.
            await Expect(page.Locator("input[type=file]")).ToHaveCountAsync(page == coordinator ? 1 : 0);
            
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript() });
            var violations = await page.EvaluateAsync<JsonElement>("""
                async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
                    .violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
                """);
            var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
            Assert.True(found.Count == 0, $"{url}:\n" + string.Join("\n", found));
        }
    }
}
