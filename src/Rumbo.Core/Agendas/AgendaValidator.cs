namespace Rumbo.Core.Agendas;

/// <summary>Rules every agenda obeys, whichever way it arrives (document, JSON, API).</summary>
public static class AgendaValidator
{
    public static readonly string[] Languages = ["en", "es", "pt", "fr"];

    /// <summary>Returns the problems found, field by field; empty when the agenda is valid.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(AgendaDocument d)
    {
        var problems = new List<(string, string)>();
        void Require(string field, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value)) problems.Add((field, "is required."));
            else if (value.Length > max) problems.Add((field, $"is longer than {max} characters."));
        }

        Require("symbol", d.Symbol, 64);
        if (!string.IsNullOrWhiteSpace(d.Symbol) && AgendaKeys.Slugify(d.Symbol).Length == 0)
            problems.Add(("symbol", "must contain letters or digits."));
        Require("title", d.Title?.Source, 1000);
        Require("adoptingBody", d.AdoptingBody?.Source, 1000);
        Require("areaLevelName", d.AreaLevelName?.Source, 64);
        if (d.SourceDocument?.Length > 64) problems.Add(("sourceDocument", "is longer than 64 characters."));
        if (d.Place?.Length > 200) problems.Add(("place", "is longer than 200 characters."));
        if (!Languages.Contains(d.DocumentLanguage)) problems.Add(("documentLanguage", "must be one of en, es, pt, fr."));
        if (!Languages.Contains(d.OriginalLanguage)) problems.Add(("originalLanguage", "must be one of en, es, pt, fr."));
        if (!Enum.IsDefined(d.Status)) problems.Add(("status", "is not a known status."));

        Sequence(problems, "principles", d.Principles ?? [], p => p.Number);
        for (var i = 0; i < (d.Principles?.Count ?? 0); i++)
            Require($"principles[{i}].text", d.Principles![i].Text?.Source, 4000);

        Sequence(problems, "areas", d.Areas ?? [], a => a.Number);
        for (var a = 0; a < (d.Areas?.Count ?? 0); a++)
        {
            var area = d.Areas![a];
            Require($"areas[{a}].title", area.Title?.Source, 1000);
            Permutation(problems, $"areas[{a}].objectives", area.Objectives ?? [], o => o.Number);
            for (var o = 0; o < (area.Objectives?.Count ?? 0); o++)
            {
                var objective = area.Objectives![o];
                Require($"areas[{a}].objectives[{o}].text", objective.Text?.Source, 4000);
                Permutation(problems, $"areas[{a}].objectives[{o}].lines", objective.Lines ?? [], l => l.Number);
                for (var l = 0; l < (objective.Lines?.Count ?? 0); l++)
                    Require($"areas[{a}].objectives[{o}].lines[{l}].text", objective.Lines![l].Text?.Source, 4000);
            }
        }
        return problems;
    }

    public static void Validate(AgendaDocument d)
    {
        var problems = Problems(d);
        if (problems.Count > 0)
        {
            throw new AgendaValidationException(problems);
        }
    }

    /// <summary>Objectives and lines are listed in display order; their numbers are 1..n, each once.</summary>
    private static void Permutation<T>(List<(string, string)> problems, string field, IReadOnlyList<T> items, Func<T, int> number)
    {
        var numbers = items.Select(number).ToList();
        if (numbers.Any(n => n < 1 || n > items.Count) || numbers.Distinct().Count() != numbers.Count)
        {
            problems.Add((field, $"must be numbered 1 to {items.Count}, each number once."));
        }
    }

    private static void Sequence<T>(List<(string, string)> problems, string field, IReadOnlyList<T> items, Func<T, int> number)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (number(items[i]) != i + 1)
            {
                problems.Add((field, $"must be numbered 1 to {items.Count} in order; item {i + 1} is numbered {number(items[i])}."));
                return;
            }
        }
    }
}

public sealed class AgendaValidationException(IReadOnlyList<(string Field, string Message)> problems)
    : Exception("The agenda is not valid: " + string.Join("; ", problems.Select(p => $"{p.Field} {p.Message}")))
{
    public IReadOnlyList<(string Field, string Message)> Problems { get; } = problems;
}
