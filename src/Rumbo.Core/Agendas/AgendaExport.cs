using System.Globalization;
using Rumbo.Core.Exports;

namespace Rumbo.Core.Agendas;

/// <summary>One row of an agenda's structure as downloaded in CSV and XLSX: a row per principle, area, objective and line.</summary>
public sealed record StructureRow(
    string Agenda, string Level, string Code, string? AreaCode, string? ObjectiveCode, int Number,
    string Text, string Language, string? TextEn, string? TextEs, string? TextPt, string? TextFr);

public static class AgendaExport
{
    public static readonly string[] Header =
        ["agenda", "level", "code", "area_code", "objective_code", "number", "text", "language", "text_en", "text_es", "text_pt", "text_fr"];

    public static IEnumerable<StructureRow> Rows(AgendaTree tree)
    {
        StructureRow Row(string level, string code, string? area, string? objective, int number, LocalizedString t) =>
            new(tree.Symbol, level, code, area, objective, number, t.Source, tree.DocumentLanguage, t.En, t.Es, t.Pt, t.Fr);

        foreach (var p in tree.Principles)
            yield return Row("principle", "P" + p.Number.ToString(CultureInfo.InvariantCulture), null, null, p.Number, p.Text);
        foreach (var a in tree.Areas)
        {
            yield return Row("area", a.Code, null, null, a.Number, a.Title);
            foreach (var o in a.Objectives)
            {
                yield return Row("objective", o.Code, a.Code, null, o.Number, o.Text);
                foreach (var l in o.Lines) yield return Row("line", l.Code, a.Code, o.Code, l.Number, l.Text);
            }
        }
    }

    public static byte[] ToCsv(AgendaTree tree) => TableExport.ToCsv(Header, Rows(tree).Select(Values));

    public static byte[] ToXlsx(AgendaTree tree) => TableExport.ToXlsx(
        new TableSheet("Structure", [Header, .. Rows(tree).Select(Values)]),
        new TableSheet("Agenda",
        [
            ["field", "value"],
            ["symbol", tree.Symbol],
            ["title", tree.Title.Source],
            ["adopting_body", tree.AdoptingBody.Source],
            ["meeting", tree.Meeting.Source],
            ["place", tree.Place],
            ["date", tree.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
            ["status", tree.Status.ToString()],
            ["document_language", tree.DocumentLanguage],
            ["original_language", tree.OriginalLanguage],
            ["source_document", tree.SourceDocument],
        ]));

    private static string?[] Values(StructureRow r) =>
    [
        r.Agenda, r.Level, r.Code, r.AreaCode, r.ObjectiveCode, r.Number.ToString(CultureInfo.InvariantCulture),
        r.Text, r.Language, r.TextEn, r.TextEs, r.TextPt, r.TextFr,
    ];
}
