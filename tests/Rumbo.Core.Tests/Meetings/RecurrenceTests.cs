using NodaTime;
using Rumbo.Core.Meetings;

namespace Rumbo.Core.Tests.Meetings;

/// <summary>Series keep their local hour across daylight-saving changes; times the clocks skip are found.</summary>
public sealed class RecurrenceTests
{
    [Fact]
    public void Third_tuesday_monthly_in_Santiago_keeps_ten_o_clock_while_UTC_moves_with_daylight_saving()
    {
        var first = new LocalDate(2026, 2, 17); // the third Tuesday of February 2026
        var dates = Recurrence.Dates(Repeat.MonthlyByWeekday, 1, first, 10, null);
        Assert.Equal(10, dates.Count);
        Assert.All(dates, d => Assert.Equal(IsoDayOfWeek.Tuesday, d.DayOfWeek));
        Assert.All(dates, d => Assert.Equal(3, (d.Day - 1) / 7 + 1));
        Assert.Equal("FREQ=MONTHLY;BYDAY=3TU;COUNT=10", Recurrence.Rule(Repeat.MonthlyByWeekday, 1, first, 10, null));

        var zone = MeetingTimes.Find("America/Santiago")!;
        var utc = dates.Select(d => MeetingTimes.ToUtc(d.At(new LocalTime(10, 0)), zone, out _)!.Value).ToList();
        Assert.All(utc, u => Assert.Equal(new LocalTime(10, 0), MeetingTimes.Local(u, "America/Santiago").TimeOfDay));
        // Summer time (UTC−3) in February, standard time (UTC−4) in June.
        Assert.Equal(13, utc[0].Hour);
        Assert.Equal(14, utc[4].Hour);
        Assert.Equal("UTC\u221203:00", MeetingTimes.OffsetText(utc[0], "America/Santiago"));
        Assert.Equal("UTC\u221204:00", MeetingTimes.OffsetText(utc[4], "America/Santiago"));
    }

    [Fact]
    public void Weekly_in_Madrid_across_the_March_change_keeps_local_hour()
    {
        var dates = Recurrence.Dates(Repeat.Weekly, 2, new LocalDate(2026, 3, 10), null, new LocalDate(2026, 4, 30));
        Assert.Equal([new LocalDate(2026, 3, 10), new LocalDate(2026, 3, 24), new LocalDate(2026, 4, 7), new LocalDate(2026, 4, 21)], dates);
        var zone = MeetingTimes.Find("Europe/Madrid")!;
        var utc = dates.Select(d => MeetingTimes.ToUtc(d.At(new LocalTime(16, 30)), zone, out _)!.Value).ToList();
        Assert.Equal(15, utc[0].Hour); // UTC+1
        Assert.Equal(14, utc[2].Hour); // UTC+2 after 29 March
        Assert.Equal("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20260430", Recurrence.Rule(Repeat.Weekly, 2, new LocalDate(2026, 3, 10), null, new LocalDate(2026, 4, 30)));
    }

    [Fact]
    public void Same_day_of_month_skips_months_without_it_and_the_series_is_capped()
    {
        var dates = Recurrence.Dates(Repeat.MonthlyByDay, 1, new LocalDate(2026, 1, 31), 4, null);
        Assert.Equal([new LocalDate(2026, 1, 31), new LocalDate(2026, 3, 31), new LocalDate(2026, 5, 31), new LocalDate(2026, 7, 31)], dates);
        Assert.Equal(Recurrence.MaxOccurrences, Recurrence.Dates(Repeat.Weekly, 1, new LocalDate(2026, 1, 1), null, new LocalDate(2030, 1, 1)).Count);
    }

    [Fact]
    public void A_fifth_weekday_repeats_on_the_last()
    {
        var dates = Recurrence.Dates(Repeat.MonthlyByWeekday, 1, new LocalDate(2026, 3, 31), 3, null); // fifth Tuesday of March
        Assert.Equal([new LocalDate(2026, 3, 31), new LocalDate(2026, 4, 28), new LocalDate(2026, 5, 26)], dates);
        Assert.Contains("BYDAY=-1TU", Recurrence.Rule(Repeat.MonthlyByWeekday, 1, new LocalDate(2026, 3, 31), 3, null));
    }

    [Fact]
    public void A_time_the_clocks_skip_has_no_instant_and_the_next_valid_time_is_given()
    {
        var zone = MeetingTimes.Find("America/New_York")!;
        Assert.Null(MeetingTimes.ToUtc(new LocalDateTime(2027, 3, 14, 2, 30), zone, out var gap));
        Assert.Equal(new LocalDateTime(2027, 3, 14, 3, 0), gap);
        // When the clocks go back, 01:30 happens twice: the first is meant.
        var ambiguous = MeetingTimes.ToUtc(new LocalDateTime(2027, 11, 7, 1, 30), zone, out _);
        Assert.Equal(new DateTime(2027, 11, 7, 5, 30, 0, DateTimeKind.Utc), ambiguous);
        Assert.False(MeetingTimes.IsKnown("Mars/Olympus_Mons"));
        Assert.Contains("America/Santiago", MeetingTimes.Zones);
    }
}
