using System.Globalization;

namespace Rumbo.Core.RoadMaps;

/// <summary>The road maps as a table for the downloads: one row an action, with its road map's country and status.</summary>
public static class RoadMapSheet
{
    public const string SheetName = "Road maps";

    public static readonly string[] Columns =
    [
        "country", "agenda", "road map status", "road map progress", "action id", "action", "language", "area", "dimension", "lines of action",
        "responsible institution", "responsible person", "start", "due", "status", "progress", "overdue", "milestones", "milestones done",
        "baseline score", "baseline round", "target score", "example",
    ];

    public static IEnumerable<string?[]> Rows(RoadMapDetail m) => m.Actions.Select(a => new[]
    {
        m.Country.Code, m.Agenda.Symbol, m.Status.ToString(), Percent(m.Progress), N(a.Id), a.Title.Source, m.Language, a.AreaCode, a.Dimension.ToString(),
        string.Join(", ", a.Lines.Select(l => l.Code)), a.ResponsibleInstitution, a.ResponsiblePerson, D(a.StartOn), D(a.DueOn), a.Status.ToString(),
        Percent(a.Progress), a.Overdue ? "yes" : "no", N(a.Milestones.Count), N(a.Milestones.Count(x => x.DoneOn is not null)), N(a.BaselineScore),
        a.BaselineRound, N(a.TargetScore), m.IsExample ? "yes" : "no",
    });

    private static string? Percent(double? p) => p?.ToString("0.#", CultureInfo.InvariantCulture);

    private static string? N(int? i) => i?.ToString(CultureInfo.InvariantCulture);

    private static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
