using System.Globalization;
using Microsoft.Extensions.Localization;
using Rumbo.Core.Capacities;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Capacities;

/// <summary>How the diagnosis's pages write scores, heat classes and the chart.</summary>
public static class CapacityUi
{
    public static string Score(double? score) => score is double s ? s.ToString("0", CultureInfo.CurrentCulture) : "—";

    public static string Change(double? change) => change switch
    {
        null => "—",
        > 0 => "+" + change.Value.ToString("0", CultureInfo.CurrentCulture),
        _ => change.Value.ToString("0", CultureInfo.CurrentCulture),
    };

    /// <summary>A heat class by fifths of the scale; the number is always written in the cell, so colour is never the only sign.</summary>
    public static string Heat(double? score) => score switch
    {
        null => "heat-none",
        < 20 => "heat-0",
        < 40 => "heat-1",
        < 60 => "heat-2",
        < 80 => "heat-3",
        _ => "heat-4",
    };

    /// <summary>The profile's chart twice, wide and narrow; the style sheet shows the one that fits the screen.</summary>
    public static string Chart(IStringLocalizer t, InstrumentView instrument, CapacityScores scores, string country, string sourceLanguage, string id)
    {
        var groups = instrument.Areas.Select(a => new CapacityBarGroup($"{a.Code}. {Ui.Plain(a.Title, sourceLanguage)}",
            Enum.GetValues<CapacityDimension>().Select(d => new CapacityBar(t.Name(d), d, scores.Cell(a.Id, d)?.Score)).ToList())).ToList();
        var labels = new CapacityChartLabels(
            t["TOPP capacities of {0}", country],
            t["Scores from 0 to 100 per strategic area and dimension; the dashed line at 50 marks a gap."],
            t["Not answered"], t["Gap threshold (50)"]);
        return CapacityChart.Render(groups, labels, id) + CapacityChart.Render(groups, labels, id + "-narrow", CapacityChart.Layout.Narrow);
    }
}
