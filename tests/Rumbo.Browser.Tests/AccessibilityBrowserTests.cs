namespace Rumbo.Browser.Tests;

public abstract partial class BrowserTests
{
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
        await AssertAccessibleAsync(url);
    }
}
