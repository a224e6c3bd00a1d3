using Rumbo.Core.Agendas;
using Rumbo.Core.Agendas.Import;
using Rumbo.Core.Seed;

namespace Rumbo.Core.Tests.Import;

internal static class SeedFiles
{
    public const string Planning = "LC-CRP.20-6_regional-agenda-planning-governance.md";
    public const string Social = "LC-MDS.4-3_plan-of-work-inclusive-social-development.txt";

    private static readonly Lazy<AgendaDocument> PlanningDocument = new(() => AgendaParser.Parse(SeedDocuments.Read(Planning), Planning));
    private static readonly Lazy<AgendaDocument> SocialDocument = new(() => AgendaParser.Parse(SeedDocuments.Read(Social), Social));

    public static AgendaDocument PlanningAgenda => PlanningDocument.Value;
    public static AgendaDocument SocialAgenda => SocialDocument.Value;

    /// <summary>Every text of the tree, labelled with its code, for checks that must hold everywhere.</summary>
    public static IEnumerable<(string Code, string Text)> TreeTexts(AgendaDocument document)
    {
        foreach (var principle in document.Principles)
        {
            yield return ($"P{principle.Number}", principle.Text.Source);
        }

        foreach (var area in document.Areas)
        {
            yield return ($"{area.Number}", area.Title.Source);
            foreach (var objective in area.Objectives)
            {
                yield return ($"{area.Number}.{objective.Number}", objective.Text.Source);
                foreach (var line in objective.Lines)
                {
                    yield return ($"{area.Number}.{objective.Number}.{line.Number}", line.Text.Source);
                }
            }
        }
    }

    public static string[] Paragraphs(LocalizedString text) => text.Source.Split("\n\n");
}
