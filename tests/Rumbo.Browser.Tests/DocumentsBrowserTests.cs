using Microsoft.Playwright;
using Rumbo.Core.Groups;
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
        var email = await AccountAsync(s.Complete, GroupRole.Coordinator, "Marta", s.Suffix, password);

        await SignInAsync(Page, email, password, "Marta");

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
        await using var context = await CheckerContextAsync();
        var anonymous = await context.NewPageAsync();
        await using var signedIn = await CheckerContextAsync(signedInAsPage: true);
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
            await AssertAccessibleAsync(page);
        }
    }
}
