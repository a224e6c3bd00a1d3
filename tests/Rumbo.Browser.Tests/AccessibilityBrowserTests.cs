using System.Text.Json;
using Microsoft.Playwright;

namespace Rumbo.Browser.Tests;

public abstract partial class BrowserTests
{
    /// <summary>The accessibility engine, installed by the test command from the npm registry (package.json here).</summary>
    private static string AxeScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("axe-core is not installed: run the tests with ./test.sh, which runs npm ci for them.");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/agendas")]
    [InlineData("/agendas/lc-crp-20-6")]
    [InlineData("/agendas/lc-cds-3-5?culture=es")]
    [InlineData("/agendas/lc-crp-20-6/lines/2.4.1")]
    [InlineData("/search?q=foresight")]
    [InlineData("/groups")]
    [InlineData("/groups/regional-cooperation-and-integration")]
    [InlineData("/countries")]
    [InlineData("/governance")]
    [InlineData("/api")]
    [InlineData("/account/sign-in")]
    public async Task Accessibility_pages_have_no_WCAG_A_or_AA_violations(string url)
    {
        // The checker is injected as a script of its own, which the site's policy (rightly) forbids.
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), BypassCSP = true, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript() });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
                .violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"{url}:\n" + string.Join("\n", found));
    }
}
