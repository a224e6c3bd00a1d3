using System.Globalization;
using Microsoft.Extensions.Localization;
using Rumbo.Core.Indicators;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Indicators;

/// <summary>Values, rates and statuses as the indicator pages write them, in the interface language.</summary>
public static class IndicatorUi
{
    public static string Value(double value, int decimals) => value.ToString("N" + Math.Clamp(decimals, 0, 6), CultureInfo.CurrentCulture);

    public static string Value(double? value, int decimals) => value is double v ? Value(v, decimals) : "–";

    /// <summary>A value with its unit where the unit is a sign (a percentage).</summary>
    public static string WithUnit(double? value, int decimals, IndicatorUnit unit) =>
        value is double v && unit == IndicatorUnit.Percent ? Value(v, decimals) + " %" : Value(value, decimals);

    /// <summary>A rate a year as a percentage with two decimals: 0.0421 is "4.21 %".</summary>
    public static string Rate(double? rate) => rate is double r ? (r * 100).ToString("N2", CultureInfo.CurrentCulture) + " %" : "–";

    /// <summary>A ratio or score with three decimals.</summary>
    public static string Ratio(double? ratio) => ratio is double r ? r.ToString("N3", CultureInfo.CurrentCulture) : "–";

    /// <summary>The status's wire code, used as the class that colours it (the word always shows too).</summary>
    public static string Css(ProgressStatus status) => "status status-" + ProgressStatusCodes.Code(status).Replace('_', '-');

    /// <summary>A sign beside the word, so that a status reads without colour and at a glance.</summary>
    public static string Symbol(ProgressStatus status) => Progress.Level(status) switch
    {
        1 => "▲",
        2 => "►",
        3 => "▼",
        _ => "○",
    };

    public static string Method(IStringLocalizer t, ProgressMethod method) => t.Name(method);

    /// <summary>The map's style of a status (a colour and a pattern of <see cref="Rumbo.Core.Indicators.Charts.RegionMap"/>): green on track, yellow slow, orange going back.</summary>
    public static int MapStyle(ProgressStatus status) => status switch
    {
        ProgressStatus.TargetAchieved => 5,
        ProgressStatus.SubstantialProgress or ProgressStatus.OnTrack => 2,
        ProgressStatus.ModerateProgress or ProgressStatus.TooSlow => 4,
        ProgressStatus.LimitedProgress => 7,
        _ => 1,
    };

    /// <summary>
    /// The region's map of one method's statuses for the series given (a country each), every member State named in the
    /// reader's language, those without a series marked as without data.
    /// </summary>
    public static string Map(IStringLocalizer t, ProgressMethod method, IEnumerable<SeriesProgress> series,
        IReadOnlyDictionary<string, Rumbo.Core.People.CountryLabel> countries, string title, Func<string, string?> href, Func<double, string> value, string idPrefix)
    {
        var statuses = IndicatorProgress.StatusesOf(method).Where(s => s != ProgressStatus.NotAvailable).ToList();
        var categories = statuses.Select(s => new Rumbo.Core.Indicators.Charts.MapCategory(ProgressStatusCodes.Code(s), t.Name(s), MapStyle(s))).ToList();
        var byCountry = series.Where(p => p.CountryCode is not null).ToDictionary(p => p.CountryCode!);
        var entries = countries.Values.Select(c =>
        {
            var name = Ui.Plain(c.Name);
            if (!byCountry.TryGetValue(c.Code, out var p)) return new Rumbo.Core.Indicators.Charts.MapEntry(c.Code, name, null, $"{name}: {t["No data"]}");
            var r = p.Results.First(x => x.Method == method);
            var latest = r.LatestYear is int y && r.LatestValue is double v ? $" ({y}: {value(v)})" : "";
            var category = r.Status == ProgressStatus.NotAvailable ? null : ProgressStatusCodes.Code(r.Status);
            return new Rumbo.Core.Indicators.Charts.MapEntry(c.Code, name, category, $"{name}: {t.Name(r.Status)}{latest}", href(c.Code));
        }).ToList();
        return Rumbo.Core.Indicators.Charts.RegionMap.Render(categories, entries,
            new Rumbo.Core.Indicators.Charts.MapLabels(title, t["Each country coloured and patterned by its status; the table below gives the same."], t["No data"]), idPrefix);
    }

    public static string Breakdown(IStringLocalizer t, string breakdown)
    {
        if (breakdown.Length == 0) return t["Total"];
        var parts = Disaggregations.Read(breakdown).Select(p =>
        {
            var d = Disaggregations.Find(p.Key);
            var v = d?.Values.FirstOrDefault(x => x.Code == p.Value);
            return v is null ? p.Value : t[v.Label].Value;
        });
        return string.Join(", ", parts);
    }
}
