namespace Rumbo.Core.Agendas.Import;

/// <summary>
/// Entry point of the agenda import: recognizes what a file is and hands it to the parser for that layout.
/// Every refusal is an <see cref="AgendaFormatException"/> naming the line where reading stopped.
/// </summary>
public static class AgendaParser
{
    public static AgendaDocument Parse(string text, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(text);

        if (string.IsNullOrWhiteSpace(text.TrimStart('\uFEFF')))
        {
            throw new AgendaFormatException("not an agenda document: the file is empty", 1);
        }

        if (text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{'))
        {
            return AgendaJsonReader.Read(text);
        }

        var lines = SourceText.SplitLines(text);
        if (SourceText.FindSymbolLine(lines) is null)
        {
            throw new AgendaFormatException("not an agenda document: no agenda symbol found", 1);
        }

        return IsMarkdown(lines, fileName)
            ? PlanningAgendaParser.Parse(text)
            : SocialAgendaParser.Parse(text);
    }

    private static bool IsMarkdown(IReadOnlyList<string> lines, string? fileName)
    {
        var extension = Path.GetExtension(fileName);
        return string.Equals(extension, ".md", StringComparison.OrdinalIgnoreCase)
            || string.Equals(extension, ".markdown", StringComparison.OrdinalIgnoreCase)
            || MarkdownBlocks.LooksLikeMarkdown(lines);
    }
}
