using System.Globalization;
using NodaTime;

namespace Rumbo.Core.Meetings;

public enum Repeat
{
    Never,
    /// <summary>Every week, or every N weeks.</summary>
    Weekly,
    /// <summary>The same weekday of the month: the 3rd Tuesday, the last Friday.</summary>
    MonthlyByWeekday,
    /// <summary>The same day of the month: the 15th.</summary>
    MonthlyByDay,
}

/// <summary>
/// The occurrences of a recurring series, generated in local time so that a meeting at 10:00 in Santiago stays at
/// 10:00 there whatever the daylight-saving rules do to its UTC time; and the iCalendar RRULE that says the same.
/// </summary>
public static class Recurrence
{
    /// <summary>More than a year of weekly meetings is a mistake, not a plan.</summary>
    public const int MaxOccurrences = 52;

    public static string Rule(Repeat repeat, int interval, LocalDate first, int? count, LocalDate? until)
    {
        var parts = new List<string>();
        switch (repeat)
        {
            case Repeat.Weekly:
                parts.Add("FREQ=WEEKLY");
                if (interval > 1) parts.Add($"INTERVAL={interval.ToString(CultureInfo.InvariantCulture)}");
                parts.Add($"BYDAY={Day(first.DayOfWeek)}");
                break;
            case Repeat.MonthlyByWeekday:
                parts.Add("FREQ=MONTHLY");
                if (interval > 1) parts.Add($"INTERVAL={interval.ToString(CultureInfo.InvariantCulture)}");
                parts.Add($"BYDAY={WeekOfMonth(first).ToString(CultureInfo.InvariantCulture)}{Day(first.DayOfWeek)}");
                break;
            case Repeat.MonthlyByDay:
                parts.Add("FREQ=MONTHLY");
                if (interval > 1) parts.Add($"INTERVAL={interval.ToString(CultureInfo.InvariantCulture)}");
                parts.Add($"BYMONTHDAY={first.Day.ToString(CultureInfo.InvariantCulture)}");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(repeat), repeat, "A single meeting has no rule.");
        }
        if (count is { } c) parts.Add($"COUNT={c.ToString(CultureInfo.InvariantCulture)}");
        else if (until is { } u) parts.Add($"UNTIL={u.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");
        return string.Join(';', parts);
    }

    /// <summary>
    /// The local dates of the series, the first included, at most <see cref="MaxOccurrences"/>. A month without the
    /// day (the 31st) is skipped, as iCalendar does; a series that starts on a month's fifth Tuesday repeats on the last.
    /// </summary>
    public static IReadOnlyList<LocalDate> Dates(Repeat repeat, int interval, LocalDate first, int? count, LocalDate? until)
    {
        interval = Math.Max(1, interval);
        var limit = Math.Min(count ?? MaxOccurrences, MaxOccurrences);
        var dates = new List<LocalDate>();
        if (repeat == Repeat.Never) return [first];
        var week = WeekOfMonth(first);
        for (var step = 0; dates.Count < limit && step < MaxOccurrences * 12; step++)
        {
            LocalDate? candidate = repeat switch
            {
                Repeat.Weekly => first.PlusWeeks(step * interval),
                Repeat.MonthlyByWeekday => NthWeekday(first.PlusMonths(step * interval), week, first.DayOfWeek),
                Repeat.MonthlyByDay => SameDay(first, step * interval),
                _ => null,
            };
            if (candidate is not { } date) continue;
            if (until is { } u && date > u) break;
            dates.Add(date);
        }
        return dates;
    }

    /// <summary>1 to 4 for the first to fourth such weekday of the month; -1 for the fifth, said as "last".</summary>
    public static int WeekOfMonth(LocalDate date)
    {
        var n = (date.Day - 1) / 7 + 1;
        return n == 5 ? -1 : n;
    }

    private static LocalDate? NthWeekday(LocalDate inMonth, int week, IsoDayOfWeek day)
    {
        if (week == -1)
        {
            var last = new LocalDate(inMonth.Year, inMonth.Month, inMonth.Calendar.GetDaysInMonth(inMonth.Year, inMonth.Month));
            return last.With(DateAdjusters.PreviousOrSame(day));
        }
        var first = new LocalDate(inMonth.Year, inMonth.Month, 1).With(DateAdjusters.NextOrSame(day));
        return first.PlusWeeks(week - 1);
    }

    private static LocalDate? SameDay(LocalDate first, int months)
    {
        var month = new LocalDate(first.Year, first.Month, 1).PlusMonths(months);
        var days = month.Calendar.GetDaysInMonth(month.Year, month.Month);
        return first.Day > days ? null : new LocalDate(month.Year, month.Month, first.Day);
    }

    private static string Day(IsoDayOfWeek d) => d switch
    {
        IsoDayOfWeek.Monday => "MO",
        IsoDayOfWeek.Tuesday => "TU",
        IsoDayOfWeek.Wednesday => "WE",
        IsoDayOfWeek.Thursday => "TH",
        IsoDayOfWeek.Friday => "FR",
        IsoDayOfWeek.Saturday => "SA",
        _ => "SU",
    };
}
