using Rumbo.Core.Localization;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Html;
using Rumbo.Core.Meetings;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Meetings;

/// <summary>How the meeting pages write times: in the meeting's own zone, with its offset, and marked up for the script that adds the reader's.</summary>
public static class MeetingUi
{
    private static string DatePattern => InterfaceLanguages.DayPattern(Ui.Language);

    public static string LocalDate(DateTime utc, string zone) =>
        MeetingTimes.Local(utc, zone).Date.ToString(DatePattern, CultureInfo.CurrentUICulture);

    public static string LocalTime(DateTime utc, string zone) =>
        MeetingTimes.Local(utc, zone).TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Tuesday 10 March 2026, 10:00–11:30 (America/Santiago, UTC−03:00)" in a time element carrying the UTC instant.</summary>
    public static IHtmlContent When(DateTime startUtc, int minutes, string zone, bool withEnd = true)
    {
        var end = startUtc.AddMinutes(minutes);
        var sameDay = MeetingTimes.Local(end, zone).Date == MeetingTimes.Local(startUtc, zone).Date;
        var text = $"{LocalDate(startUtc, zone)}, {LocalTime(startUtc, zone)}";
        if (withEnd) text += sameDay ? $"\u2013{LocalTime(end, zone)}" : $" \u2013 {LocalDate(end, zone)}, {LocalTime(end, zone)}";
        var html = $"<time datetime=\"{MeetingTimes.Iso(startUtc)}\" data-zone=\"{WebUtility.HtmlEncode(zone)}\" data-minutes=\"{minutes.ToString(CultureInfo.InvariantCulture)}\">"
            + $"{WebUtility.HtmlEncode(text)}</time> <span class=\"zone\">({WebUtility.HtmlEncode(zone)}, {WebUtility.HtmlEncode(MeetingTimes.OffsetText(startUtc, zone))})</span>";
        return new HtmlString(html);
    }

    /// <summary>Short form for lists: "10 Mar 2026, 10:00 (UTC−03:00)".</summary>
    public static IHtmlContent Short(DateTime startUtc, string zone) =>
        new HtmlString($"<time datetime=\"{MeetingTimes.Iso(startUtc)}\">{WebUtility.HtmlEncode(ShortDateTime(startUtc, zone))}</time> <span class=\"zone muted\">({WebUtility.HtmlEncode(ShortZone(startUtc, zone))})</span>");

    /// <summary>
    /// The short form as plain text, for a sentence of the interface: a localized string encodes its arguments, so
    /// markup given to it would be shown as text.
    /// </summary>
    public static string ShortText(DateTime startUtc, string zone) => $"{ShortDateTime(startUtc, zone)} ({ShortZone(startUtc, zone)})";

    private static string ShortDateTime(DateTime startUtc, string zone)
    {
        var local = MeetingTimes.Local(startUtc, zone);
        return local.Date.ToString("d MMM yyyy", CultureInfo.CurrentUICulture) + ", " + local.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    private static string ShortZone(DateTime startUtc, string zone) => $"{zone}, {MeetingTimes.OffsetText(startUtc, zone)}";

    public static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Duration(int minutes) =>
        minutes < 60 ? $"{minutes} min" : minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min";
}

/// <summary>The ids of the meeting forms' fields and of their messages.</summary>
public static class MeetingMessages
{
    /// <summary>A field name as an element id: Attendance[0].Country becomes Attendance_0__Country.</summary>
    public static string IdOf(string field) => field.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public static string? DescribedBy(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string field, string? help = null)
    {
        var ids = new List<string>();
        if (help is not null) ids.Add(help);
        if (state.HasError(field)) ids.Add(Forms.ErrorId(IdOf(field)));
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
