using Rumbo.Core.Rendering;

namespace Rumbo.Core.Tests.Rendering;

public sealed class MarkdownTests
{
    [Fact]
    public void Renders_the_markdown_people_write_in_records()
    {
        var html = Markdown.ToHtml("## Outcomes\n\n- **Chile** presented\n- see [the plan](https://example.org/plan)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        Assert.Contains("<h2>Outcomes</h2>", html);
        Assert.Contains("<strong>Chile</strong>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("href=\"https://example.org/plan\"", html);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>hello", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<p style=\"position:fixed\">x</p>", "style=")]
    [InlineData("<form action=\"https://evil.example\"><input name=p></form>", "<form")]
    public void Removes_what_could_run_or_deceive(string markdown, string forbidden)
    {
        Assert.DoesNotContain(forbidden, Markdown.ToHtml(markdown), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Plain_text_drops_the_markup()
    {
        Assert.Equal("Outcomes\nChile presented", Markdown.ToPlainText("## Outcomes\n\n**Chile** presented").Replace("\r", ""));
        Assert.Equal(string.Empty, Markdown.ToHtml("   "));
    }
}
