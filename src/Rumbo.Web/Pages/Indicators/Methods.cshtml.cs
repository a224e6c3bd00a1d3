using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rumbo.Core.Indicators;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Indicators;

/// <summary>
/// How progress is assessed, with a calculator that runs the same code as the indicator pages and
/// <c>POST /api/v1/progress</c>. A GET form, so a result has a link and the page works without JavaScript.
/// </summary>
public sealed class MethodsModel : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Direction { get; set; }
    [BindProperty(SupportsGet = true)] public string? BaseYear { get; set; }
    [BindProperty(SupportsGet = true)] public string? BaseValue { get; set; }
    [BindProperty(SupportsGet = true)] public string? TargetYear { get; set; }
    [BindProperty(SupportsGet = true)] public string? TargetValue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Observations { get; set; }

    public IReadOnlyList<ProgressResult>? Results { get; private set; }

    public void OnGet()
    {
        if (Direction is null && Observations is null)
        {
            // The example every reader can change: an increase from 40 % in 2015 towards 80 % in 2030.
            Direction = "increase";
            BaseYear = "2015";
            TargetYear = "2030";
            TargetValue = Number(80);
            Observations = string.Join("\n", new[] { (2015, 40.0), (2018, 44.5), (2021, 51.0), (2024, 58.0) }.Select(o => $"{o.Item1} {Number(o.Item2)}"));
            Results = Progress.AssessAll(new ProgressSeries(Rumbo.Core.Indicators.Direction.Increase, 2015, null, 2030, 80,
                [new(2015, 40), new(2018, 44.5), new(2021, 51), new(2024, 58)]));
            return;
        }
        var baseYear = Whole(nameof(BaseYear), BaseYear);
        var targetYear = Whole(nameof(TargetYear), TargetYear);
        var baseValue = Real(nameof(BaseValue), BaseValue);
        var targetValue = Real(nameof(TargetValue), TargetValue);
        var observations = new List<ObservationInput>();
        foreach (var (line, point) in SeriesInput.ReadLines(Observations))
        {
            if (point is null) ModelState.AddMessage(nameof(Observations), new ValidationMessage("Line {0}: write a year and a number, such as 2020 45.5.", line));
            else observations.Add(new ObservationInput(point.Year, point.Value));
        }
        var linesBad = ModelState.HasError(nameof(Observations));
        var (series, errors) = SeriesInput.Read(Direction, baseYear, baseValue, targetYear, targetValue, observations);
        foreach (var (field, message) in errors)
        {
            var name = field.StartsWith("observations", StringComparison.Ordinal) ? nameof(Observations) : char.ToUpperInvariant(field[0]) + field[1..];
            // A field already refused as typed keeps that message; the series' own check would only repeat it.
            if (ModelState.HasError(name) || (name == nameof(Observations) && linesBad)) continue;
            ModelState.AddMessage(name, message);
        }
        if (series is not null && ModelState.IsValid) Results = Progress.AssessAll(series);
    }

    private int? Whole(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        ModelState.AddMessage(field, new ValidationMessage("Enter a year from {0} to {1}.", SeriesInput.FirstYear, SeriesInput.LastYear));
        return null;
    }

    private double? Real(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (ParseReal(text) is double d) return d;
        ModelState.AddMessage(field, "Enter a number.");
        return null;
    }

    /// <summary>A number as the reader writes it in their language, or with a point.</summary>
    private static double? ParseReal(string text)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.CurrentCulture, out var d) && double.IsFinite(d)) return d;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out d) && double.IsFinite(d)) return d;
        return null;
    }

    private static string Number(double d) => d.ToString(CultureInfo.CurrentCulture);
}
