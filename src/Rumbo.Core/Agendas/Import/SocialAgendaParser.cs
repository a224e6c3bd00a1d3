using System.Globalization;
using System.Text.RegularExpressions;

namespace Rumbo.Core.Agendas.Import;

/// <summary>
/// Reads an agenda from the plain text of a document about it, laid out like LC/MDS.4/3 (the plan of work for
/// the Regional Agenda for Inclusive Social Development): the agenda is described in BACKGROUND (what it is, where
/// and when it was adopted, its numbered principles and the axes it incorporates) and the way it is worked on is
/// section "A.".
/// </summary>
/// <remarks>
/// The document is not the agenda itself, so the agenda's symbol is the one the text cites after the agenda's
/// title, and the cover's symbol becomes <see cref="AgendaDocument.SourceDocument"/>. The agenda's axes are listed
/// without strategic objectives here, so each axis comes with an empty list.
/// </remarks>
public static partial class SocialAgendaParser
{
    private const string BackgroundHeading = "BACKGROUND";

    public static AgendaDocument Parse(string text)
    {
        var lines = SourceText.SplitLines(text);
        var lastLine = SourceText.LastLine(lines);
        var paragraphs = PdfText.Paragraphs(lines);

        var background = paragraphs.FindIndex(p => p.Text == BackgroundHeading);
        if (background < 0)
        {
            throw new AgendaFormatException("no BACKGROUND section found", lastLine);
        }

        var work = FindSection(paragraphs, background + 1, 'A')
            ?? throw new AgendaFormatException("no section \"A.\" (the plan of work) after BACKGROUND", lastLine);
        var workEnd = FindSection(paragraphs, work + 1, 'B') ?? paragraphs.Count;

        var coverEnd = paragraphs[background].Line - 1;
        var cover = SourceText.FindSymbolLine(lines.Take(coverEnd).ToList())
            ?? throw new AgendaFormatException("not an agenda document: no agenda symbol found", 1);
        var (documentLanguage, originalLanguage) = SourceText.ReadCoverLanguages(lines, coverEnd, cover.Index + 1);

        var backgroundParagraphs = paragraphs[(background + 1)..work];
        if (backgroundParagraphs.Count == 0)
        {
            throw new AgendaFormatException("BACKGROUND is empty", paragraphs[background].Line);
        }

        var description = backgroundParagraphs[0];
        var adoption = Adoption().Match(description.Text);
        if (!adoption.Success)
        {
            throw new AgendaFormatException(
                "the first paragraph of BACKGROUND does not say which agenda it is and where and when it was adopted " +
                "(\"The <agenda>, adopted at the <meeting> of the <body>, held in <place> from <dates>, ...\")",
                description.Line);
        }

        var title = adoption.Groups["title"].Value;
        var symbol = FindCitedSymbol(lines, title)
            ?? throw new AgendaFormatException($"not an agenda document: no agenda symbol found (\"{title} (symbol)\")", 1);
        var date = SourceText.ParseDate($"{adoption.Groups["day"].Value} {adoption.Groups["month"].Value} {adoption.Groups["year"].Value}")
            ?? throw new AgendaFormatException("the adoption date is not a valid date", description.Line);
        var (levelName, areas) = ReadAxes(backgroundParagraphs, paragraphs[background].Line);

        return new AgendaDocument
        {
            Symbol = symbol,
            SourceDocument = cover.Symbol,
            Title = title,
            AdoptingBody = adoption.Groups["body"].Value,
            Meeting = SourceText.UpperFirst(adoption.Groups["meeting"].Value),
            Place = adoption.Groups["place"].Value,
            Date = date,
            DocumentLanguage = documentLanguage,
            OriginalLanguage = originalLanguage,
            Status = AgendaStatus.Adopted,
            AreaLevelName = levelName,
            Description = description.Text,
            FollowUpMechanism = FollowUp(paragraphs[(work + 1)..workEnd]),
            Principles = ReadPrinciples(backgroundParagraphs),
            Areas = areas,
        };
    }

    private static int? FindSection(List<TextParagraph> paragraphs, int from, char letter)
    {
        for (var i = from; i < paragraphs.Count; i++)
        {
            var text = paragraphs[i].Text;
            if (text.Length > 3 && text[0] == letter && text[1] == '.' && char.IsWhiteSpace(text[2]) && PdfText.IsHeading(text))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// The symbol is cited right after the title, possibly across a line or page break, so the search runs on the
    /// whole text with its whitespace normalized.
    /// </summary>
    private static string? FindCitedSymbol(IReadOnlyList<string> lines, string title)
    {
        var flat = SourceText.Normalize(string.Join(' ', lines));
        var match = Regex.Match(flat, Regex.Escape(title) + @" ?\((?<symbol>" + SourceText.SymbolPattern + @")\)");
        return match.Success ? match.Groups["symbol"].Value : null;
    }

    /// <summary>The paragraph announcing "N guiding principles", followed by the principles numbered 1 to N.</summary>
    private static IReadOnlyList<PrincipleDocument> ReadPrinciples(List<TextParagraph> background)
    {
        var intro = background.FindIndex(p => PrinciplesIntro().IsMatch(p.Text));
        if (intro < 0)
        {
            return [];
        }

        var principles = new List<PrincipleDocument>();
        for (var i = intro + 1; i < background.Count; i++)
        {
            var item = NumberedItem().Match(background[i].Text);
            if (!item.Success)
            {
                break;
            }

            var number = int.Parse(item.Groups["number"].Value, CultureInfo.InvariantCulture);
            if (number != principles.Count + 1)
            {
                throw new AgendaFormatException($"principle {number} is out of sequence: expected {principles.Count + 1}", background[i].Line);
            }

            principles.Add(new PrincipleDocument(number, item.Groups["text"].Value));
        }

        var announced = SourceText.ParseCount(PrinciplesIntro().Match(background[intro].Text).Groups["count"].Value);
        if (announced is { } count && count != principles.Count)
        {
            throw new AgendaFormatException(
                $"the text announces {count} principles but {principles.Count} follow", background[intro].Line);
        }

        return principles;
    }

    /// <summary>
    /// Reads "The Agenda incorporates four axes: (i) ..., (ii) ... and (iv) ...": each labelled item becomes a
    /// first-level element, named after the plural the sentence uses.
    /// </summary>
    private static (string Level, IReadOnlyList<AreaDocument> Areas) ReadAxes(List<TextParagraph> background, int errorLine)
    {
        foreach (var paragraph in background)
        {
            var sentence = AxesSentence().Match(paragraph.Text);
            if (!sentence.Success)
            {
                continue;
            }

            var items = LabelledItem().Matches(sentence.Groups["list"].Value);
            var areas = new List<AreaDocument>();
            foreach (Match item in items)
            {
                var label = item.Groups["label"].Value;
                if (label != SourceText.Roman(areas.Count + 1))
                {
                    throw new AgendaFormatException(
                        $"item ({label}) of the list is out of sequence: expected ({SourceText.Roman(areas.Count + 1)})", paragraph.Line);
                }

                var text = ListJoiner().Replace(item.Groups["text"].Value.Trim(), string.Empty);
                areas.Add(new AreaDocument(areas.Count + 1, SourceText.UpperFirst(text), []));
            }

            var announced = SourceText.ParseCount(sentence.Groups["count"].Value);
            if (areas.Count == 0 || (announced is { } count && count != areas.Count))
            {
                throw new AgendaFormatException(
                    $"the text announces {sentence.Groups["count"].Value} {sentence.Groups["level"].Value} but lists {areas.Count}",
                    paragraph.Line);
            }

            return (SourceText.UpperFirst(Singular(sentence.Groups["level"].Value.ToLowerInvariant())), areas);
        }

        throw new AgendaFormatException("BACKGROUND does not list the agenda's axes (\"The Agenda incorporates N axes: (i) ...\")", errorLine);
    }

    // "axes" is the one irregular plural agendas use for their first level; the others ("areas", "pillars") just
    // take an s.
    private static string Singular(string plural) =>
        plural == "axes" ? "axis" : plural.EndsWith('s') ? plural[..^1] : plural;

    /// <summary>
    /// The plan of work's text. Tables are gone already (their data is imported elsewhere), which can leave a
    /// subsection with nothing but its heading, like the timeline; such a heading goes too.
    /// </summary>
    private static LocalizedString FollowUp(List<TextParagraph> paragraphs)
    {
        var kept = paragraphs
            .Where((p, i) => !(PdfText.IsHeading(p.Text) && (i + 1 == paragraphs.Count || PdfText.IsHeading(paragraphs[i + 1].Text))))
            .Select(p => p.Text);
        return string.Join(SourceText.ParagraphSeparator, kept);
    }

    [GeneratedRegex(
        @"^The (?<title>[^,]+), adopted at the (?<meeting>\p{L}+ (?:session|meeting) of the (?<body>[^,]+)), " +
        @"held in (?<place>[^,]+?) (?:from \d{1,2}\s*(?:[-\u2013]|to)\s*|on )(?<day>\d{1,2}) (?<month>\p{L}+) (?<year>\d{4}),")]
    private static partial Regex Adoption();

    [GeneratedRegex(@"\b(?<count>\w+) (?:guiding )?principles\b.*:$")]
    private static partial Regex PrinciplesIntro();

    [GeneratedRegex(@"^(?<number>\d+)\.\s+(?<text>\S.*)$")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"\bincorporates (?<count>\w+) (?<level>\p{L}+): (?<list>\(i\).*?)\.(?=\s|$)")]
    private static partial Regex AxesSentence();

    [GeneratedRegex(@"\((?<label>[ivxlc]+)\)\s*(?<text>.*?)(?=\s*\([ivxlc]+\)|$)")]
    private static partial Regex LabelledItem();

    [GeneratedRegex(@"(?:\s*[,;]|\s+and)+$")]
    private static partial Regex ListJoiner();
}
