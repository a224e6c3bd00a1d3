using Rumbo.Core.Validation;

namespace Rumbo.Core.Indicators;

/// <summary>One observation as a caller typed or sent it; either part may be missing.</summary>
public sealed record ObservationInput(int? Year, double? Value);

/// <summary>
/// Reads a series someone gives to the progress methods (the API's <c>POST /api/v1/progress</c> and the calculator
/// page): every problem by its field, or the series. Years are those of <see cref="DateBounds"/>.
/// </summary>
public static class SeriesInput
{
    public const int MaxObservations = 300;
    public const int FirstYear = 1900;
    public const int LastYear = 2200;

    public static (ProgressSeries? Series, IReadOnlyDictionary<string, ValidationMessage> Errors) Read(
        string? direction, int? baseYear, double? baseValue, int? targetYear, double? targetValue, IReadOnlyList<ObservationInput>? observations)
    {
        var errors = new Dictionary<string, ValidationMessage>(StringComparer.Ordinal);
        Direction? dir = direction?.Trim().ToLowerInvariant() switch
        {
            "increase" => Direction.Increase,
            "decrease" => Direction.Decrease,
            _ => null,
        };
        if (dir is null) errors["direction"] = "Say whether an increase or a decrease is desired.";
        if (baseYear is int b && !InYears(b)) errors["baseYear"] = new ValidationMessage("Enter a year from {0} to {1}.", FirstYear, LastYear);
        if (targetYear is int t && !InYears(t)) errors["targetYear"] = new ValidationMessage("Enter a year from {0} to {1}.", FirstYear, LastYear);
        if (baseValue is double bv && !double.IsFinite(bv)) errors["baseValue"] = "Enter a number.";
        if (targetValue is double tv && !double.IsFinite(tv)) errors["targetValue"] = "Enter a number.";
        var by = baseYear ?? 2015;
        var ty = targetYear ?? 2030;
        if (!errors.ContainsKey("baseYear") && !errors.ContainsKey("targetYear") && ty <= by)
        {
            errors["targetYear"] = "The target year must come after the base year.";
        }
        var points = new List<ProgressPoint>();
        if (observations is null || observations.Count == 0)
        {
            errors["observations"] = "Give at least one observation.";
        }
        else if (observations.Count > MaxObservations)
        {
            errors["observations"] = new ValidationMessage("Give at most {0} observations.", MaxObservations);
        }
        else
        {
            var seen = new HashSet<int>();
            for (var i = 0; i < observations.Count; i++)
            {
                var o = observations[i];
                if (o is null || o.Year is not int year || !InYears(year))
                {
                    errors[$"observations[{i}].year"] = new ValidationMessage("Enter a year from {0} to {1}.", FirstYear, LastYear);
                    continue;
                }
                if (o.Value is not double value || !double.IsFinite(value))
                {
                    errors[$"observations[{i}].value"] = "Enter a number.";
                    continue;
                }
                if (!seen.Add(year))
                {
                    errors[$"observations[{i}].year"] = new ValidationMessage("The year {0} is given twice.", year);
                    continue;
                }
                points.Add(new ProgressPoint(year, value));
            }
        }
        if (errors.Count > 0) return (null, errors);
        return (new ProgressSeries(dir!.Value, baseYear, baseValue, targetYear, targetValue, points), errors);
    }

    /// <summary>
    /// Lines of "year value" as typed in a text box (the calculator's observations, a target's milestones): a space, tab
    /// or semicolon between them, or a single comma; the value with a point or a decimal comma. Blank lines are skipped;
    /// a line that is not a year and a number gives its number and no point.
    /// </summary>
    public static IReadOnlyList<(int Line, ProgressPoint? Point)> ReadLines(string? text)
    {
        var result = new List<(int, ProgressPoint?)>();
        var lines = (text ?? "").Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0) continue;
            var parts = line.Split([' ', '\t', ';'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 1 && parts[0].Count(c => c == ',') == 1) parts = parts[0].Split(',');
            var ok = parts.Length == 2 && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
                && ReportingCheck.ParseNumber(parts[1]) is double;
            result.Add((n + 1, ok ? new ProgressPoint(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), ReportingCheck.ParseNumber(parts[1])!.Value) : null));
        }
        return result;
    }

    private static bool InYears(int year) => year >= FirstYear && year <= LastYear;
}
