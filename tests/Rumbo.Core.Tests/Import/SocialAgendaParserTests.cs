using System.Text.RegularExpressions;
using Rumbo.Core.Agendas;
using Rumbo.Core.Agendas.Import;
using Rumbo.Core.Seed;

namespace Rumbo.Core.Tests.Import;

public class SocialAgendaParserTests
{
    private static AgendaDocument Agenda => SeedFiles.SocialAgenda;

    [Fact]
    public void Reads_the_agenda_the_plan_of_work_is_about()
    {
        Assert.Equal("LC/CDS.3/5", Agenda.Symbol);
        Assert.Equal("LC/MDS.4/3", Agenda.SourceDocument);
        Assert.Equal("Regional Agenda for Inclusive Social Development", Agenda.Title.Source);
        Assert.Equal("Regional Conference on Social Development in Latin America and the Caribbean", Agenda.AdoptingBody.Source);
        Assert.Equal("Third session of the Regional Conference on Social Development in Latin America and the Caribbean", Agenda.Meeting.Source);
        Assert.Equal("Mexico City", Agenda.Place);
        Assert.Equal(new DateOnly(2019, 10, 3), Agenda.Date);
        Assert.Equal("en", Agenda.DocumentLanguage);
        Assert.Equal("es", Agenda.OriginalLanguage);
        Assert.Equal(AgendaStatus.Adopted, Agenda.Status);
        Assert.Equal("Axis", Agenda.AreaLevelName.Source);
    }

    [Fact]
    public void Reads_the_eight_principles_as_numbered()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], Agenda.Principles.Select(p => p.Number));
        Assert.Equal(
            [
                "The rights-based approach as a normative principle.",
                "Empowerment and autonomy.",
                "Dignified life and progressive well-being.",
                "Universalism that is sensitive to differences.",
                "An approach based on redistribution and solidarity, with financial sustainability.",
                "A systemic perspective on sustainable development.",
                "High-quality public policies.",
                "Partnerships and social compacts to consolidate State policies.",
            ],
            Agenda.Principles.Select(p => p.Text.Source));
    }

    [Fact]
    public void Reads_the_four_axes_without_objectives()
    {
        Assert.Equal([1, 2, 3, 4], Agenda.Areas.Select(a => a.Number));
        Assert.Equal(
            [
                "Universal and comprehensive social protection systems",
                "Policies to promote social and labour inclusion",
                "A strengthened social institutional framework",
                "Regional cooperation and integration",
            ],
            Agenda.Areas.Select(a => a.Title.Source));
        Assert.All(Agenda.Areas, a => Assert.Empty(a.Objectives));
    }

    [Fact]
    public void Takes_the_first_background_paragraph_as_description()
    {
        var description = Agenda.Description.Source;

        Assert.StartsWith(
            "The Regional Agenda for Inclusive Social Development, adopted at the third session of the Regional Conference on " +
            "Social Development in Latin America and the Caribbean, held in Mexico City from 1-3 October 2019, is a technical",
            description);
        Assert.EndsWith("The Agenda is a call for progress in reducing poverty and structural inequalities in the region.", description);
        Assert.DoesNotContain("\n", description);
        Assert.DoesNotContain("  ", description);
        Assert.DoesNotContain("eight guiding principles", description);
    }

    [Fact]
    public void Takes_the_plan_of_work_prose_as_follow_up_mechanism()
    {
        var paragraphs = SeedFiles.Paragraphs(Agenda.FollowUpMechanism);

        Assert.Equal(42, paragraphs.Length);
        Assert.Equal(
            "This section briefly describes the main features of the draft plan of work for the implementation of the Regional " +
            "Agenda for Inclusive Social Development.",
            paragraphs[0]);
        Assert.Equal("1. Participants and roles", paragraphs[3]);
        Assert.Equal("4. Format of agreements and proposals", paragraphs[^2]);
        Assert.Equal(
            "The themes discussed and agreements reached in the working groups will not be binding, but will be suggestions and " +
            "guidelines to be taken into account in the implementation of each country\u2019s policies.",
            paragraphs[^1]);
        Assert.Contains("2. Working groups", paragraphs);
        Assert.Contains("3. Means of implementation", paragraphs);
        Assert.Contains("(g) Financing institutions.", paragraphs);
        Assert.Contains("(iv) Regional cooperation and integration.", paragraphs);
    }

    [Fact]
    public void Joins_paragraphs_cut_by_page_breaks_and_removes_footnotes()
    {
        var paragraphs = SeedFiles.Paragraphs(Agenda.FollowUpMechanism);
        var text = Agenda.FollowUpMechanism.Source;

        // Footnote 2 sat between "Presiding" and "Officers".
        Assert.Contains(
            paragraphs,
            p => p.StartsWith("Active participation is fundamental", StringComparison.Ordinal)
                && p.EndsWith("The Chair and Vice-Chairs of the Presiding Officers are in a privileged position to propose to the " +
                    "countries new themes and areas of work, or to propose modalities of organization and implementation.", StringComparison.Ordinal));
        // A blank line in the middle of a list item.
        Assert.Contains(
            paragraphs,
            p => p.StartsWith("(b) Subregional groups: in light of the characteristics of certain geographic areas of the region and " +
                "the development of regional integration", StringComparison.Ordinal));
        // References glued to words.
        Assert.Contains("(b) Subregional integration spaces.", paragraphs);
        Assert.Contains(paragraphs, p => p.EndsWith("in conjunction with the group coordinators.", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.EndsWith("to systematize information and documentation.", StringComparison.Ordinal));
        Assert.DoesNotMatch(new Regex(@"[\p{L}.,;:)]\d{1,2}(?=\s|$)", RegexOptions.Multiline), text);
        // Footnote texts.
        Assert.DoesNotContain("See [online]", text);
        Assert.DoesNotContain("Central American Social Integration Secretariat", text);
        Assert.DoesNotContain("As an example, on 3 December 2020", text);
        Assert.DoesNotContain("  ", text);
    }

    [Fact]
    public void Leaves_out_the_tables_and_the_timeline()
    {
        var text = Agenda.FollowUpMechanism.Source;

        Assert.Contains("Table 1 outlines the working groups", text);
        Assert.DoesNotContain("Thematic working groups on the website", text);
        Assert.DoesNotContain("Challenges in implementing social protection measures", text);
        Assert.DoesNotContain("Source:", text);
        Assert.DoesNotContain("timeline", text);
        Assert.DoesNotContain("Call for participation", text);
        Assert.DoesNotContain("EXAMPLE OF A PLAN OF WORK", text);
    }

    [Fact]
    public void Is_deterministic()
    {
        var text = SeedDocuments.Read(SeedFiles.Social);

        Assert.Equal(AgendaJson.Serialize(AgendaParser.Parse(text)), AgendaJson.Serialize(AgendaParser.Parse(text)));
    }
}
