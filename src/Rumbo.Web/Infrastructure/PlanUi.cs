using Rumbo.Core.Localization;
using System.Globalization;

namespace Rumbo.Web.Infrastructure;

/// <summary>Months as the plan pages show them, in the interface language.</summary>
public static class PlanUi
{
    /// <summary>"August 2020", "agosto de 2020".</summary>
    public static string Month(DateOnly month) =>
        month.ToString(InterfaceLanguages.MonthPattern(Ui.Language), CultureInfo.CurrentUICulture);

    public static string Month(DateOnly? month) => month is { } m ? Month(m) : "";

    /// <summary>The month's short name for a timeline column ("Aug", "ago").</summary>
    public static string Short(DateOnly month) =>
        CultureInfo.CurrentUICulture.DateTimeFormat.GetAbbreviatedMonthName(month.Month).TrimEnd('.');

    public static string Iso(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
