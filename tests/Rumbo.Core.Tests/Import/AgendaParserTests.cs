using Rumbo.Core.Agendas;
using Rumbo.Core.Agendas.Import;
using Rumbo.Core.Seed;

namespace Rumbo.Core.Tests.Import;

public class AgendaParserTests
{
    private static string PlanningText => SeedDocuments.Read(SeedFiles.Planning).Replace("\r\n", "\n");
    private static string SocialText => SeedDocuments.Read(SeedFiles.Social).Replace("\r\n", "\n");

    /// <summary>The 1-based line of the first line of <paramref name="text"/> containing <paramref name="fragment"/>.</summary>
    private static int LineOf(string text, string fragment)
    {
        var index = Array.FindIndex(text.Split('\n'), l => l.Contains(fragment, StringComparison.Ordinal));
        Assert.True(index >= 0, $"\"{fragment}\" not found");
        return index + 1;
    }

    /// <summary>Lines as an editor counts them: a final newline does not start another line.</summary>
    private static int LineCount(string text) => text.Split('\n').Length - (text.EndsWith('\n') ? 1 : 0);

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  \t\n")]
    [InlineData("\uFEFF")]
    public void Refuses_an_empty_file_at_line_1(string text)
    {
        var error = Assert.Throws<AgendaFormatException>(() => AgendaParser.Parse(text, "empty.md"));

        Assert.Equal(1, error.Line);
        Assert.Contains("empty", error.Reason);
    }

    [Fact]
    public void Refuses_a_random_text_at_line_1()
    {
        const string text = "Shopping list\n\n- bread\n- 2 litres of milk\n\nCall Ana about the 3/4 inch pipe.\n";

        var error = Assert.Throws<AgendaFormatException>(() => AgendaParser.Parse(text, "notes.txt"));

        Assert.Equal(1, error.Line);
        Assert.Equal("not an agenda document: no agenda symbol found", error.Reason);
        Assert.StartsWith("Line 1: ", error.Message);
    }

    [Fact]
    public void Refuses_a_skipped_objective_number_at_its_line()
    {
        var text = Replace(PlanningText, "**3. Provide effective", "**4. Provide effective");

        var error = Assert.Throws<AgendaFormatException>(() => AgendaParser.Parse(text, SeedFiles.Planning));

        Assert.Equal(91, error.Line);
        Assert.Equal(LineOf(text, "**4. Provide effective"), error.Line);
        Assert.Contains("expected 3", error.Reason);
    }

    [Fact]
    public void Refuses_an_objective_heading_without_a_number_at_its_line()
    {
        var text = Replace(PlanningText, "## **2. Improve institutional capacities", "## **Improve institutional capacities");

        var error = Assert.Throws<AgendaFormatException>(() => AgendaParser.Parse(text, SeedFiles.Planning));

        Assert.Equal(LineOf(text, "## **Improve institutional capacities"), error.Line);
        Assert.Contains("without a number", error.Reason);
    }

    [Fact]
    public void Refuses_a_skipped_area_number_at_its_line()
    {
        var text = Replace(PlanningText, "**Area 3: Coordination", "**Area 4: Coordination");

        var error = Assert.Throws<AgendaFormatException>(() => AgendaParser.Parse(text, SeedFiles.Planning));

        Assert.Equal(LineOf(text, "**Area 4: Coordination"), error.Line);
        Assert.Contains("expected 3", error.Reason);
    }

    [Fact]
    public void Refuses_a_planning_document_cut_before_section_b_at_its_last_line()
    {
        var lines = PlanningText.Split('\n');
        var keep = LineOf(PlanningText, "**B. REGIONAL AGENDA") - 1;
        var text = string.Join('\n', lines.Take(keep)) + "\n";

        var error = Assert.Throws<AgendaFormatException>(() => AgendaParser.Parse(text, SeedFiles.Planning));

        Assert.Equal(LineCount(text), error.Line);
        Assert.Equal(keep, error.Line);
        Assert.Contains("section B", error.Reason);
    }

    [Fact]
    public void Refuses_a_planning_document_cut_before_section_c()
    {
        var lines = PlanningText.Split('\n');
        var keep = LineOf(PlanningText, "### C. REGIONAL AGENDA FOLLOW-UP") - 1;
        var text = string.Join('\n', lines.Take(keep));

        var error = Assert.Throws<AgendaFormatException>(() => AgendaParser.Parse(text));

        Assert.Equal(LineCount(text), error.Line);
        Assert.Contains("section C", error.Reason);
    }

    [Fact]
    public void Refuses_a_social_document_cut_before_the_plan_of_work()
    {
        var lines = SocialText.Split('\n');
        var keep = Array.FindIndex(lines, l => l.StartsWith("A. DRAFT PLAN OF WORK", StringComparison.Ordinal));
        var text = string.Join('\n', lines.Take(keep));

        var error = Assert.Throws<AgendaFormatException>(() => AgendaParser.Parse(text, SeedFiles.Social));

        Assert.Equal(LineCount(text), error.Line);
        Assert.Contains("A.", error.Reason);
    }

    [Fact]
    public void Refuses_a_skipped_principle_number_at_its_line()
    {
        var text = Replace(SocialText, "\n3. Dignified life", "\n4. Dignified life");

        var error = Assert.Throws<AgendaFormatException>(() => AgendaParser.Parse(text, SeedFiles.Social));

        Assert.Equal(LineOf(text, "4. Dignified life"), error.Line);
        Assert.Contains("principle 4", error.Reason);
    }

    [Fact]
    public void Refuses_a_list_of_axes_that_does_not_match_its_announced_count()
    {
        var text = Replace(SocialText, "The Agenda incorporates four axes:", "The Agenda incorporates five axes:");

        var error = Assert.Throws<AgendaFormatException>(() => AgendaParser.Parse(text, SeedFiles.Social));

        Assert.Equal(LineOf(text, "The Agenda incorporates five axes:"), error.Line);
    }

    [Fact]
    public void Refuses_malformed_json_at_the_line_of_the_error()
    {
        var lines = AgendaJson.Serialize(SeedFiles.SocialAgenda).Split('\n').ToList();
        lines.Insert(4, "  oops,");
        var json = string.Join('\n', lines);

        var error = Assert.Throws<AgendaFormatException>(() => AgendaParser.Parse(json, "agenda.json"));

        Assert.Equal(5, error.Line);
        Assert.Contains("invalid agenda JSON", error.Reason);
    }

    [Fact]
    public void Refuses_json_with_a_required_member_missing()
    {
        var json = AgendaJson.Serialize(SeedFiles.SocialAgenda);
        var symbolLine = json.Split('\n').Single(l => l.TrimStart().StartsWith("\"symbol\":", StringComparison.Ordinal));
        json = json.Replace(symbolLine + "\n", string.Empty, StringComparison.Ordinal);

        Assert.DoesNotContain("\"symbol\"", json);
        Assert.Throws<AgendaFormatException>(() => AgendaParser.Parse(json));
    }

    [Fact]
    public void Refuses_json_with_areas_out_of_sequence_at_the_area_number()
    {
        var agenda = SeedFiles.PlanningAgenda;
        var areas = agenda.Areas.ToList();
        areas[1] = areas[1] with { Number = 3 };
        var json = AgendaJson.Serialize(agenda with { Areas = areas });

        var error = Assert.Throws<AgendaFormatException>(() => AgendaParser.Parse(json));

        var lines = json.Split('\n');
        Assert.Equal("\"number\": 3,", lines[error.Line - 1].Trim());
        Assert.Contains("Anticipatory governance and the dimension of the future", string.Join('\n', lines[error.Line..(error.Line + 3)]));
        Assert.Contains("area 3", error.Reason);
    }

    [Fact]
    public void Refuses_json_with_lines_out_of_sequence()
    {
        var agenda = SeedFiles.PlanningAgenda;
        var json = AgendaJson.Serialize(agenda);
        var objective = agenda.Areas[0].Objectives[0];
        var moved = objective with { Lines = [objective.Lines[0], objective.Lines[1] with { Number = 5 }, .. objective.Lines.Skip(2)] };
        var area = agenda.Areas[0] with { Objectives = [moved, .. agenda.Areas[0].Objectives.Skip(1)] };
        var broken = AgendaJson.Serialize(agenda with { Areas = [area, .. agenda.Areas.Skip(1)] });

        Assert.NotEqual(json, broken);
        var error = Assert.Throws<AgendaFormatException>(() => AgendaParser.Parse(broken));
        Assert.Contains("line 1.1.5", error.Reason);
    }

    [Fact]
    public void Refuses_json_with_an_empty_text()
    {
        var agenda = SeedFiles.PlanningAgenda;
        var objective = agenda.Areas[3].Objectives[5];
        var emptied = objective with { Text = "  " };
        var area = agenda.Areas[3] with { Objectives = [.. agenda.Areas[3].Objectives.Take(5), emptied] };
        var json = AgendaJson.Serialize(agenda with { Areas = [.. agenda.Areas.Take(3), area] });

        var error = Assert.Throws<AgendaFormatException>(() => AgendaParser.Parse(json));

        Assert.Contains("objective 4.6", error.Reason);
        Assert.Contains("\"source\": \"  \"", json.Split('\n')[error.Line - 1]);
    }

    [Theory]
    [InlineData(SeedFiles.Planning)]
    [InlineData(SeedFiles.Social)]
    public void Round_trips_through_json_with_translations(string fileName)
    {
        var parsed = AgendaParser.Parse(SeedDocuments.Read(fileName), fileName);
        var firstArea = parsed.Areas[0];
        var translatedAreas = parsed.Areas.ToList();
        translatedAreas[0] = firstArea with
        {
            Title = firstArea.Title with { Es = "Título traducido", Pt = "Título traduzido" },
            Objectives = firstArea.Objectives
                .Select((o, i) => i == 0
                    ? o with
                    {
                        Text = o.Text with { Fr = "Objectif traduit" },
                        Lines = [.. o.Lines.Select((l, j) => j == 0 ? l with { Text = l.Text with { Es = "Línea traducida" } } : l)],
                    }
                    : o)
                .ToList(),
        };
        var agenda = parsed with
        {
            Title = parsed.Title with { Es = "Agenda en español" },
            AdoptingBody = parsed.AdoptingBody with { En = parsed.AdoptingBody.Source },
            Principles = [.. parsed.Principles.Select((p, i) => i == 0 ? p with { Text = p.Text with { Es = "Principio traducido" } } : p)],
            Areas = translatedAreas,
        };

        var json = AgendaJson.Serialize(agenda);
        var read = AgendaParser.Parse(json, "export.json");

        Assert.Equal(json, AgendaJson.Serialize(read));
        // The serializer escapes non-ASCII letters, so look for the ASCII part of the translations.
        Assert.Contains("\"es\": \"Agenda en espa", json);
        if (parsed.Areas[0].Objectives.Count > 0)
        {
            Assert.Contains("\"fr\": \"Objectif traduit\"", json);
            Assert.Equal("L\u00EDnea traducida", read.Areas[0].Objectives[0].Lines[0].Text.Es);
        }

        if (parsed.Principles.Count > 0)
        {
            Assert.Equal("Principio traducido", read.Principles[0].Text.Es);
        }

        Assert.Equal("Agenda en español", read.Title.Es);
        Assert.Equal("Título traducido", read.Areas[0].Title.Es);
        Assert.Equal(parsed.Symbol, read.Symbol);
        Assert.Equal(parsed.Date, read.Date);
        Assert.Equal(parsed.Description, read.Description);
        Assert.Equal(
            parsed.Areas.Select(a => a.Objectives.Sum(o => o.Lines.Count)),
            read.Areas.Select(a => a.Objectives.Sum(o => o.Lines.Count)));
        Assert.NotEqual(AgendaJson.Serialize(parsed), json);
    }
}
