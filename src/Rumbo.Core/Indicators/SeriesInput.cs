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

    private static bool InYears(int year) => year >= FirstYear && year <= LastYear;
}
