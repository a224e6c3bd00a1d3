using System.Text.RegularExpressions;
using Rumbo.Core.Agendas;
using Rumbo.Core.Agendas.Import;
using Rumbo.Core.Seed;

namespace Rumbo.Core.Tests.Import;

public class PlanningAgendaParserTests
{
    private static AgendaDocument Agenda => SeedFiles.PlanningAgenda;

    private static ObjectiveDocument Objective(int area, int objective) =>
        Agenda.Areas[area - 1].Objectives[objective - 1];

    private static string Line(int area, int objective, int line) =>
        Objective(area, objective).Lines[line - 1].Text.Source;

    [Fact]
    public void Reads_the_metadata_from_the_cover_and_the_text()
    {
        Assert.Equal("LC/CRP.20/6", Agenda.Symbol);
        Assert.Null(Agenda.SourceDocument);
        Assert.Equal(
            "Regional agenda on governance of planning and public management for sustainable development in Latin America and the Caribbean",
            Agenda.Title.Source);
        Assert.Equal(
            "Regional Council for Planning of the Latin American and Caribbean Institute for Economic and Social Planning (ILPES)",
            Agenda.AdoptingBody.Source);
        Assert.Equal(
            "Twentieth meeting of the Regional Council for Planning of the Latin American and Caribbean Institute for Economic and Social Planning (ILPES)",
            Agenda.Meeting.Source);
        Assert.Equal("Brasília", Agenda.Place);
        Assert.Equal(new DateOnly(2025, 10, 3), Agenda.Date);
        Assert.Equal("en", Agenda.DocumentLanguage);
        Assert.Equal("es", Agenda.OriginalLanguage);
        Assert.Equal(AgendaStatus.Adopted, Agenda.Status);
        Assert.Equal("Area", Agenda.AreaLevelName.Source);
        Assert.Empty(Agenda.Principles);
    }

    [Fact]
    public void Finds_every_area_objective_and_line_of_action()
    {
        int[][] expected =
        [
            [5, 4, 6],
            [5, 4, 5, 1, 2, 3, 2],
            [3, 7, 2, 5, 7],
            [4, 5, 6, 4, 4, 5],
        ];

        var actual = Agenda.Areas.Select(a => a.Objectives.Select(o => o.Lines.Count).ToArray()).ToArray();

        Assert.Equal(expected, actual);
        Assert.Equal(21, Agenda.Areas.Sum(a => a.Objectives.Count));
        Assert.Equal(89, Agenda.Areas.Sum(a => a.Objectives.Sum(o => o.Lines.Count)));
    }

    [Fact]
    public void Numbers_every_level_from_one_in_document_order()
    {
        Assert.Equal([1, 2, 3, 4], Agenda.Areas.Select(a => a.Number));
        foreach (var area in Agenda.Areas)
        {
            Assert.Equal(Enumerable.Range(1, area.Objectives.Count), area.Objectives.Select(o => o.Number));
            foreach (var objective in area.Objectives)
            {
                Assert.Equal(Enumerable.Range(1, objective.Lines.Count), objective.Lines.Select(l => l.Number));
            }
        }
    }

    [Fact]
    public void Reads_the_area_titles()
    {
        Assert.Equal(
            [
                "Governance, institutional frameworks and social dialogue",
                "Anticipatory governance and the dimension of the future in the framework of sustainable development",
                "Coordination for comprehensive and coherent public policies",
                "Evaluation, public value and establishing a culture of continuous learning",
            ],
            Agenda.Areas.Select(a => a.Title.Source));
    }

    [Fact]
    public void Reads_objectives_whatever_their_markup()
    {
        // "- 1. text**": a bullet with a stray closing bold marker.
        Assert.Equal(
            "Put in place collaborative governance mechanisms with an open government approach, aimed at broadening citizen " +
            "participation, strengthening accountability and building social consensus to legitimize public decisions",
            Objective(1, 1).Text.Source);
        // "**3. text**"
        Assert.StartsWith("Provide effective and inclusive digital services, advancing", Objective(1, 3).Text.Source);
        // "## **2. text**"
        Assert.Equal(
            "Improve institutional capacities in foresight and anticipatory governance at all levels of government",
            Objective(2, 2).Text.Source);
        // "#### **4. text**"
        Assert.Equal(
            "Promote political foresight with strategic analysis to underpin public policy implementation and sustainability",
            Objective(2, 4).Text.Source);
        // "##### **1. text**"
        Assert.StartsWith("Achieve integrated and efficient management in the public sector", Objective(3, 1).Text.Source);
        // The document ends this one with a period inside the markers; it stays.
        Assert.EndsWith("in order to make continuous, evidence-based improvements to public policies.", Objective(4, 2).Text.Source);
        Assert.EndsWith("legitimize public decisions", Objective(1, 1).Text.Source);
    }

    [Fact]
    public void Keeps_lines_that_have_no_lines_of_action_heading_with_their_objective()
    {
        Assert.Equal(
            [
                "Strengthen prospective analytical capacities regarding conflicts related to public policy proposals, using new " +
                "methodologies and tools to identify solutions and recommendations for their implementation.",
            ],
            Objective(2, 4).Lines.Select(l => l.Text.Source));
        Assert.Equal(
            [
                "Strengthen multi-stakeholder and multilevel governance through platforms for dialogue between the national, " +
                "subnational and local levels of government to facilitate the construction of a comprehensive and territorial " +
                "approach to the future.",
                "Develop prospective methodologies for territorial planning and build local government capacity in this area.",
                "Develop and apply methodologies to prioritize investment projects with a territorial approach, in order to close " +
                "territorial gaps and promote territorial foresight.",
            ],
            Objective(2, 6).Lines.Select(l => l.Text.Source));
        Assert.Equal(
            "Strengthen social participation platforms that foster co-creation and visions of the future.",
            Line(2, 7, 2));
    }

    [Fact]
    public void Reads_indented_bullets_and_bullets_after_blank_lines_as_lines_of_the_same_objective()
    {
        Assert.Equal(
            "Hold multi-stakeholder social dialogues that take into account power asymmetries in order to ensure that " +
            "decision-making has social legitimacy.",
            Line(1, 1, 2));
        Assert.Equal(
            "Define roles, responsibilities and coordination mechanisms among the different stakeholders involved in monitoring " +
            "and evaluation systems (government, civil society, academia, private sector), promoting their active and coordinated " +
            "participation.",
            Line(4, 1, 2));
        Assert.StartsWith("Implement pilot projects on public innovation in response to alternative scenarios", Line(2, 1, 3));
        Assert.StartsWith("Define basic principles to guide public policy", Line(3, 5, 4));
        Assert.StartsWith("Design and implement participatory evaluation methodologies", Line(4, 4, 3));
    }

    [Fact]
    public void Keeps_dashes_exactly_as_written()
    {
        Assert.Equal(
            "Promote comprehensive public policies by designing and implementing cross-cutting approaches that recognize the " +
            "interconnections between the Sustainable Development Goals (SDGs) in long-term national development agendas, " +
            "promoting solutions that generate multidimensional positive impacts\u2014social, economic and environmental\u2014and " +
            "avoiding isolated interventions that compromise coherence and sustainability in efforts to achieve the 2030 Agenda " +
            "for Sustainable Development.",
            Line(3, 2, 1));
        Assert.Equal(
            "Integrate cross-cutting approaches \u2014such as those considering gender, environmental sustainability and human " +
            "rights\u2014 into public planning, design and evaluation.",
            Line(4, 6, 2));
    }

    [Fact]
    public void Ends_with_the_last_line_of_the_last_objective()
    {
        var last = Agenda.Areas[^1].Objectives[^1].Lines[^1];

        Assert.Equal(5, last.Number);
        Assert.Equal(
            "Establish direct feedback mechanisms to enable continuous improvement based on the experiences and perceptions of " +
            "users and stakeholders.",
            last.Text.Source);
    }

    [Fact]
    public void Leaves_no_markup_in_any_text()
    {
        var texts = SeedFiles.TreeTexts(Agenda)
            .Append(("title", Agenda.Title.Source))
            .Concat(SeedFiles.Paragraphs(Agenda.Description).Select(p => ("description", p)))
            .Concat(SeedFiles.Paragraphs(Agenda.FollowUpMechanism).Select(p => ("follow-up", p)))
            .ToList();

        Assert.Equal(21 + 89 + 4 + 1 + 10 + 19, texts.Count);
        foreach (var (code, text) in texts)
        {
            Assert.False(text.Contains('*') || text.Contains('#'), $"{code}: markup left in \"{text}\"");
            Assert.False(text.StartsWith("- ", StringComparison.Ordinal), $"{code}: bullet left in \"{text}\"");
            Assert.False(text.Contains("  ", StringComparison.Ordinal), $"{code}: double space in \"{text}\"");
            Assert.False(text.Contains('\n'), $"{code}: line break in \"{text}\"");
            Assert.Equal(text.Trim(), text);
            Assert.NotEmpty(text);
        }

        foreach (var (code, text) in SeedFiles.TreeTexts(Agenda))
        {
            Assert.False(Regex.IsMatch(text, @"^\d+\.\s"), $"{code}: numbering left in \"{text}\"");
        }
    }

    [Fact]
    public void Takes_the_whole_background_section_as_description()
    {
        var paragraphs = SeedFiles.Paragraphs(Agenda.Description);

        Assert.Equal(10, paragraphs.Length);
        Assert.StartsWith(
            "The Regional Council for Planning is a subsidiary body of the Economic Commission for Latin America and the Caribbean (ECLAC)",
            paragraphs[0]);
        Assert.Equal("(i) Governance, institutional frameworks and social dialogue.", paragraphs[4]);
        Assert.Equal("(iv) Evaluation, public value and establishing a culture of continuous learning.", paragraphs[7]);
        Assert.Equal(
            "Accordingly, the Presiding Officers of the Regional Council for Planning hereby present the draft regional agenda on " +
            "governance of planning and public management in Latin America and the Caribbean for consideration and adoption by the Council.",
            paragraphs[^1]);
    }

    [Fact]
    public void Takes_section_c_to_the_end_as_follow_up_mechanism()
    {
        var paragraphs = SeedFiles.Paragraphs(Agenda.FollowUpMechanism);

        Assert.Equal(19, paragraphs.Length);
        Assert.StartsWith(
            "The regional agenda on governance of planning and public management for sustainable development in Latin America and " +
            "the Caribbean will have a monitoring and governance mechanism,",
            paragraphs[0]);
        Assert.StartsWith("Ad hoc working groups: The purpose of these groups", paragraphs[1]);
        Assert.Equal("(i) Diagnosis of institutional capacities", paragraphs[5]);
        Assert.Equal("(ii) Design of capacity-building strategies", paragraphs[8]);
        Assert.Equal("(v) Monitoring and evaluation of institutional capacity-building", paragraphs[17]);
        Assert.Equal(
            "Establishing mechanisms to monitor progress in the development of TOPP capacities in relation to the regional governance " +
            "agenda on planning and public management for sustainable development in Latin America and the Caribbean.",
            paragraphs[^1]);
    }

    [Fact]
    public void Is_deterministic()
    {
        var text = SeedDocuments.Read(SeedFiles.Planning);

        Assert.Equal(AgendaJson.Serialize(AgendaParser.Parse(text)), AgendaJson.Serialize(AgendaParser.Parse(text)));
    }

    [Fact]
    public void Recognizes_the_markdown_without_a_file_name_and_with_windows_line_ends()
    {
        var text = SeedDocuments.Read(SeedFiles.Planning).Replace("\r\n", "\n").Replace("\n", "\r\n");

        var agenda = AgendaParser.Parse(text);

        Assert.Equal(AgendaJson.Serialize(Agenda), AgendaJson.Serialize(agenda));
    }
}
