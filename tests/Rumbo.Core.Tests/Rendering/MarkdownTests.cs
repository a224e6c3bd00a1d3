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

    [Fact]
    public void The_same_text_is_sanitized_once_and_gives_the_html_of_a_fresh_sanitization()
    {
        var markdown = $"Cached **{Guid.NewGuid():N}** text with [a link](https://example.org) and <script>alert(1)</script>";
        var first = Markdown.ToHtml(markdown);
        var second = Markdown.ToHtml(markdown);
        Assert.Equal(Markdown.Render(markdown), first);
        Assert.Same(first, second);
        Assert.DoesNotContain("<script", second, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", second);
    }

    [Fact]
    public void An_edited_text_shows_its_new_content_at_once()
    {
        var id = Guid.NewGuid().ToString("N");
        var before = Markdown.ToHtml($"Minutes {id}: **draft**");
        var after = Markdown.ToHtml($"Minutes {id}: **approved**");
        Assert.Contains("<strong>draft</strong>", before);
        Assert.Contains("<strong>approved</strong>", after);
        Assert.DoesNotContain("draft", after);
        Assert.Equal(before, Markdown.ToHtml($"Minutes {id}: **draft**"));
    }
}
