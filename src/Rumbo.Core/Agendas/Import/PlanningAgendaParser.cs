using System.Globalization;
using System.Text.RegularExpressions;

namespace Rumbo.Core.Agendas.Import;

/// <summary>
/// Reads an agenda written as Markdown converted from a PDF, laid out like LC/CRP.20/6: a United Nations
/// cover, then "A. BACKGROUND", "B. &lt;the agenda&gt;" with areas, strategic objectives and lines of action,
/// and "C. ... FOLLOW-UP ..." to the end.
/// </summary>
/// <remarks>
/// The conversion is ragged: the same kind of heading comes bold, as a heading of any level or as a bullet,
/// with stray emphasis markers, and "Lines of action" headings are sometimes missing. The parser therefore
/// goes by what a block says (its numbering and wording) rather than by its markup.
/// </remarks>
public static partial class PlanningAgendaParser
{
    private const string StrategicObjectivesHeading = "Strategic objectives";
    private const string LinesOfActionHeading = "Lines of action";

    public static AgendaDocument Parse(string text)
    {
        var lines = SourceText.SplitLines(text);
        var blocks = MarkdownBlocks.Read(lines);
        var sections = SplitSections(blocks, lines);
        var cover = blocks.Take(sections[0].HeadingIndex).ToList();
        var coverEnd = sections[0].Heading.Line - 1;

        var symbolLine = SourceText.FindSymbolLine(lines.Take(coverEnd).ToList())
            ?? throw new AgendaFormatException("not an agenda document: no agenda symbol found", 1);
        var date = ReadDateUnderSymbol(lines, symbolLine.Index, coverEnd);
        var (documentLanguage, originalLanguage) = SourceText.ReadCoverLanguages(lines, coverEnd, symbolLine.Index + 1);
        var (meeting, adoptingBody) = ReadMeeting(cover, symbolLine.Index + 1);
        var place = ReadPlace(cover, symbolLine.Index + 1);

        var background = Body(blocks, sections[0]);
        var agenda = Body(blocks, sections[1]);
        var followUp = Body(blocks, sections[2]);
        var (levelName, areas) = ReadAreas(agenda, sections[1].Heading);

        return new AgendaDocument
        {
            Symbol = symbolLine.Symbol,
            Title = ReadTitle(cover, sections[1].Heading, background.Concat(agenda).Concat(followUp)),
            AdoptingBody = adoptingBody,
            Meeting = meeting,
            Place = place,
            Date = date,
            DocumentLanguage = documentLanguage,
            OriginalLanguage = originalLanguage,
            Status = AgendaStatus.Adopted,
            AreaLevelName = levelName,
            Description = Paragraphs(background),
            FollowUpMechanism = Paragraphs(followUp),
            Principles = [],
            Areas = areas,
        };
    }

    private sealed record Section(MarkdownBlock Heading, int HeadingIndex, int End);

    /// <summary>Finds sections A (background), B (the agenda) and C (follow-up), which must come in that order.</summary>
    private static Section[] SplitSections(List<MarkdownBlock> blocks, IReadOnlyList<string> lines)
    {
        var headings = new List<int>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Kind == BlockKind.Bullet)
            {
                continue;
            }

            var match = SectionHeading().Match(blocks[i].Text);
            if (!match.Success)
            {
                continue;
            }

            var letter = match.Groups["letter"].Value[0];
            var expected = (char)('A' + headings.Count);
            if (letter != expected || headings.Count == 3)
            {
                throw new AgendaFormatException(
                    headings.Count == 3
                        ? $"unexpected section {letter}: the agenda ends with section C"
                        : $"expected section {expected}, found section {letter}",
                    blocks[i].Line);
            }

            headings.Add(i);
        }

        if (headings.Count < 3)
        {
            var missing = (char)('A' + headings.Count);
            var role = missing switch
            {
                'A' => "background",
                'B' => "the agenda's areas",
                _ => "follow-up mechanism",
            };
            throw new AgendaFormatException(
                $"section {missing} ({role}) not found before the end of the file", SourceText.LastLine(lines));
        }

        return headings
            .Select((index, n) => new Section(blocks[index], index, n + 1 < headings.Count ? headings[n + 1] : blocks.Count))
            .ToArray();
    }

    private static List<MarkdownBlock> Body(List<MarkdownBlock> blocks, Section section) =>
        blocks.Skip(section.HeadingIndex + 1).Take(section.End - section.HeadingIndex - 1).ToList();

    private static LocalizedString Paragraphs(IEnumerable<MarkdownBlock> blocks) =>
        string.Join(SourceText.ParagraphSeparator, blocks.Select(b => b.Text).Where(t => t.Length > 0));

    private sealed class AreaDraft(int line, int number, string title)
    {
        public int Line { get; } = line;
        public int Number { get; } = number;
        public string Title { get; } = title;
        public List<ObjectiveDraft> Objectives { get; } = [];
    }

    private sealed class ObjectiveDraft(int line, string text)
    {
        public int Line { get; } = line;
        public string Text { get; } = text;
        public List<string> Lines { get; } = [];
    }

    private static (string Level, IReadOnlyList<AreaDocument> Areas) ReadAreas(List<MarkdownBlock> blocks, MarkdownBlock sectionHeading)
    {
        var areas = new List<AreaDraft>();
        string? level = null;

        foreach (var block in blocks)
        {
            var text = block.Text;
            var numbered = NumberedText().Match(text);
            var area = areas.Count > 0 ? areas[^1] : null;
            var objective = area?.Objectives.Count > 0 ? area.Objectives[^1] : null;

            // Objectives come as bold paragraphs, headings of any level or bullets ("- 1. text**"); what marks
            // them is the number.
            if (numbered.Success)
            {
                if (area is null)
                {
                    throw new AgendaFormatException($"strategic objective before any area: \"{Excerpt(text)}\"", block.Line);
                }

                var number = int.Parse(numbered.Groups["number"].Value, CultureInfo.InvariantCulture);
                var expected = area.Objectives.Count + 1;
                if (number != expected)
                {
                    throw new AgendaFormatException(
                        $"strategic objective {number} of {level} {area.Number} is out of sequence: expected {expected}", block.Line);
                }

                area.Objectives.Add(new ObjectiveDraft(block.Line, numbered.Groups["text"].Value));
                continue;
            }

            // Lines of action are the bullets after an objective, whether or not a "Lines of action" heading
            // precedes them: some objectives of the source have none.
            if (block.Kind == BlockKind.Bullet)
            {
                if (objective is null)
                {
                    throw new AgendaFormatException($"line of action before any strategic objective: \"{Excerpt(text)}\"", block.Line);
                }

                objective.Lines.Add(text);
                continue;
            }

            var areaHeading = AreaHeading().Match(text);
            if (areaHeading.Success)
            {
                var areaLevel = areaHeading.Groups["level"].Value;
                if (level is not null && areaLevel != level)
                {
                    throw new AgendaFormatException($"\"{areaLevel}\" heading among \"{level}\" headings", block.Line);
                }

                level = areaLevel;
                var number = int.Parse(areaHeading.Groups["number"].Value, CultureInfo.InvariantCulture);
                if (number != areas.Count + 1)
                {
                    throw new AgendaFormatException($"{level} {number} is out of sequence: expected {areas.Count + 1}", block.Line);
                }

                RequireComplete(area, level);
                areas.Add(new AreaDraft(block.Line, number, areaHeading.Groups["title"].Value));
                continue;
            }

            if (area is not null && text.Equals(StrategicObjectivesHeading, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (objective is not null && text.Equals(LinesOfActionHeading, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            throw new AgendaFormatException(
                area is null
                    ? $"expected an area heading such as \"Area 1: ...\", found \"{Excerpt(text)}\""
                    : $"strategic objective heading without a number: \"{Excerpt(text)}\"",
                block.Line);
        }

        if (areas.Count == 0 || level is null)
        {
            throw new AgendaFormatException("the agenda section has no areas", sectionHeading.Line);
        }

        RequireComplete(areas[^1], level);

        return (level, areas
            .Select(a => new AreaDocument(
                a.Number,
                a.Title,
                a.Objectives
                    .Select((o, i) => new ObjectiveDocument(
                        i + 1,
                        o.Text,
                        o.Lines.Select((line, j) => new LineDocument(j + 1, line)).ToList()))
                    .ToList()))
            .ToList());
    }

    /// <summary>
    /// An area without objectives, or an objective without lines, means the layout was misread: refuse it rather
    /// than import a partial agenda.
    /// </summary>
    private static void RequireComplete(AreaDraft? area, string level)
    {
        if (area is null)
        {
            return;
        }

        if (area.Objectives.Count == 0)
        {
            throw new AgendaFormatException($"{level} {area.Number} has no strategic objectives", area.Line);
        }

        var empty = area.Objectives.FindIndex(o => o.Lines.Count == 0);
        if (empty >= 0)
        {
            throw new AgendaFormatException(
                $"strategic objective {area.Number}.{empty + 1} has no lines of action", area.Objectives[empty].Line);
        }
    }

    private static DateOnly ReadDateUnderSymbol(IReadOnlyList<string> lines, int symbolIndex, int coverEnd)
    {
        for (var i = symbolIndex + 1; i < coverEnd; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            return SourceText.ParseDate(lines[i])
                ?? throw new AgendaFormatException($"expected the document date under the symbol, found \"{lines[i].Trim()}\"", i + 1);
        }

        throw new AgendaFormatException("no document date under the symbol", symbolIndex + 1);
    }

    /// <summary>The cover names the meeting in full ("Twentieth meeting of the ..."); the adopting body is its tail.</summary>
    private static (string Meeting, string Body) ReadMeeting(List<MarkdownBlock> cover, int errorLine)
    {
        foreach (var block in cover)
        {
            var match = MeetingLine().Match(block.Text);
            if (match.Success)
            {
                return (SourceText.UpperFirst(match.Value), match.Groups["body"].Value);
            }
        }

        throw new AgendaFormatException("the cover does not name the meeting (\"... meeting of the ...\")", errorLine);
    }

    private static string ReadPlace(List<MarkdownBlock> cover, int errorLine)
    {
        foreach (var block in cover)
        {
            var match = PlaceAndDates().Match(block.Text);
            if (match.Success)
            {
                return match.Groups["place"].Value;
            }
        }

        throw new AgendaFormatException("the cover does not give the place of the meeting (\"Place, dates\")", errorLine);
    }

    /// <summary>
    /// The title is set in capitals on the cover; the body writes the same words in their ordinary casing, which is
    /// the one worth keeping.
    /// </summary>
    private static string ReadTitle(List<MarkdownBlock> cover, MarkdownBlock agendaHeading, IEnumerable<MarkdownBlock> body)
    {
        var capitals = cover
            .Where(b => b.Kind == BlockKind.Heading || (b.Kind == BlockKind.Paragraph && b.Content.StartsWith("**", StringComparison.Ordinal)))
            .Select(b => b.Text)
            .FirstOrDefault(t => SourceText.IsAllCaps(t) && t.Split(' ').Length >= 3)
            ?? SectionHeading().Match(agendaHeading.Text).Groups["title"].Value;

        var bodyText = string.Join(' ', body.Select(b => b.Text));
        for (var at = bodyText.IndexOf(capitals, StringComparison.OrdinalIgnoreCase);
             at >= 0;
             at = bodyText.IndexOf(capitals, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var found = bodyText.Substring(at, capitals.Length);
            if (SourceText.HasLowercase(found))
            {
                return SourceText.UpperFirst(found);
            }
        }

        return capitals;
    }

    private static string Excerpt(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "...");

    [GeneratedRegex(@"^(?<letter>[A-Z])\.\s+(?<title>[^\p{Ll}]+)$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^(?<level>\p{Lu}\p{Ll}+)\s+(?<number>\d+)\s*:\s*(?<title>\S.*)$")]
    private static partial Regex AreaHeading();

    [GeneratedRegex(@"^(?<number>\d+)\.\s+(?<text>\S.*)$")]
    private static partial Regex NumberedText();

    [GeneratedRegex(@"^\p{Lu}\p{Ll}+ (?:meeting|session) of the (?<body>.+)$")]
    private static partial Regex MeetingLine();

    [GeneratedRegex(@"^(?<place>\p{Lu}[^,\d]*), .*\d{4}$")]
    private static partial Regex PlaceAndDates();
}
