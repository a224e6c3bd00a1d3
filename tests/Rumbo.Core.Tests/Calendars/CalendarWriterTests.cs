using System.Globalization;
using Ical.Net.CalendarComponents;
using Rumbo.Core.Agendas;
using Rumbo.Core.Calendars;
using Rumbo.Core.Meetings;
using Calendar = Ical.Net.Calendar;

namespace Rumbo.Core.Tests.Calendars;

public sealed class CalendarWriterTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static CalendarContext Context(string language = "en") => new("https://rumbo.example.org", language, Now, CalendarTexts.English, "Test calendar", "Rumbo <rumbo@example.org>");

    /// <summary>A meeting at the given UTC instant in the zone; 90 minutes, in person in Santiago, open.</summary>
    private static CalendarMeeting Meeting(int id, DateTime startsAtUtc, string zone = "America/Santiago", Visibility access = Visibility.Public,
        MeetingFormat format = MeetingFormat.InPerson, MeetingStatus status = MeetingStatus.Scheduled) => new(
        id, $"uid-{id}@rumbo.test", 3, MeetingKind.ExpertWorkshop,
        new LocalizedString($"Workshop {id}", Es: $"Taller {id}"),
        new LocalizedString("We review **the indicators**.\n\n- first item\n- second item"),
        format, startsAtUtc, zone, 90, "https://meet.example.org/abc", "Sala Raúl Prebisch", "Santiago",
        new LocalizedString("Chile", "Chile", "Chile"), access, status, 7, "foresight", new LocalizedString("Foresight group", Es: "Grupo de prospectiva"));

    private static CalendarEvent Single(string ics) => Assert.Single(Calendar.Load(ics)!.Events);

    [Fact]
    public void The_event_parses_back_with_its_uid_sequence_zone_local_start_and_end()
    {
        // 10:00 in Santiago on 10 April 2026 is 14:00 UTC (the zone is at −04:00 after the first Sunday of April).
        var ics = CalendarWriter.Write([new CalendarItem(Meeting(1, new DateTime(2026, 4, 10, 14, 0, 0, DateTimeKind.Utc)), true)], CalendarMethod.Publish, Context());
        var calendar = Calendar.Load(ics)!;
        Assert.Equal("PUBLISH", calendar.Method);
        var e = Assert.Single(calendar.Events);
        Assert.Equal("uid-1@rumbo.test", e.Uid);
        Assert.Equal(3, e.Sequence);
        Assert.Equal("America/Santiago", e.DtStart!.TzId);
        Assert.Equal((10, 0), (e.DtStart.Hour, e.DtStart.Minute));
        Assert.Equal(new DateTime(2026, 4, 10), e.DtStart.Date.ToDateTime(TimeOnly.MinValue));
        Assert.Equal((11, 30), (e.DtEnd!.Hour, e.DtEnd.Minute));
        Assert.Equal("America/Santiago", e.DtEnd.TzId);
        Assert.Equal(new DateTime(2026, 4, 10, 14, 0, 0, DateTimeKind.Utc), e.DtStart.AsUtc);
        Assert.Equal(Now, e.DtStamp!.AsUtc);
        Assert.Equal("Workshop 1", e.Summary);
        Assert.Equal("CONFIRMED", e.Status);
        Assert.Equal(new Uri("https://rumbo.example.org/meetings/1"), e.Url);
        Assert.Equal(["Expert workshop"], e.Categories);
        Assert.Contains("X-WR-CALNAME:Test calendar", ics);
        Assert.Contains("VALUE=DURATION:PT1H", ics);
        Assert.Equal("America/Santiago", Assert.Single(calendar.TimeZones).TzId);
        // The zone comes before the events that name it.
        Assert.True(ics.IndexOf("BEGIN:VTIMEZONE", StringComparison.Ordinal) < ics.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal));
    }

    [Fact]
    public void Meetings_at_ten_in_santiago_either_side_of_daylight_saving_read_ten_local_with_different_offsets()
    {
        // April: Chilean winter time (−04:00); October: summer time (−03:00). Both are 10:00 on the wall clock.
        var april = Meeting(1, new DateTime(2026, 4, 10, 14, 0, 0, DateTimeKind.Utc));
        var october = Meeting(2, new DateTime(2026, 10, 9, 13, 0, 0, DateTimeKind.Utc));
        Assert.Equal(10, april.LocalStart.Hour);
        Assert.Equal(10, october.LocalStart.Hour);
        var ics = CalendarWriter.Write([new CalendarItem(april, true), new CalendarItem(october, true)], CalendarMethod.Publish, Context());
        Assert.Contains("DTSTART;TZID=America/Santiago:20260410T100000", ics);
        Assert.Contains("DTSTART;TZID=America/Santiago:20261009T100000", ics);

        var calendar = Calendar.Load(ics)!;
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("America/Santiago", zone.TzId);
        // The changes between them, exactly: clocks go back at midnight starting Sunday 5 April and forward at
        // midnight starting Sunday 6 September 2026 (the first Sunday on or after the 2nd, which no RRULE can say).
        Assert.Contains("BEGIN:STANDARD\r\nDTSTART:20260405T000000\r\nTZNAME:-04\r\nTZOFFSETFROM:-0300\r\nTZOFFSETTO:-0400\r\nEND:STANDARD", ics);
        Assert.Contains("BEGIN:DAYLIGHT\r\nDTSTART:20260906T000000\r\nTZNAME:-03\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0300\r\nEND:DAYLIGHT", ics);
        Assert.DoesNotContain("RRULE", ics);
        var events = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
        Assert.All(events, e => Assert.Equal((10, 0, "America/Santiago"), (e.DtStart!.Hour, e.DtStart.Minute, e.DtStart.TzId)));
        Assert.Equal(TimeSpan.FromHours(-4), events[0].DtStart!.Value - events[0].DtStart!.AsUtc);
        Assert.Equal(TimeSpan.FromHours(-3), events[1].DtStart!.Value - events[1].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 4, 10, 14, 0, 0, DateTimeKind.Utc), events[0].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 10, 9, 13, 0, 0, DateTimeKind.Utc), events[1].DtStart!.AsUtc);
    }

    [Fact]
    public void A_full_event_has_the_description_as_plain_text_the_place_and_the_link()
    {
        var e = Single(CalendarWriter.Write([new CalendarItem(Meeting(1, Now.AddDays(5), format: MeetingFormat.Hybrid), true)], CalendarMethod.Publish, Context()));
        Assert.Contains("We review the indicators.", e.Description);
        Assert.DoesNotContain("**", e.Description);
        Assert.Contains("Online link: https://meet.example.org/abc", e.Description);
        Assert.Contains("Meeting page: https://rumbo.example.org/meetings/1", e.Description);
        Assert.Equal("Sala Raúl Prebisch, Santiago, Chile; https://meet.example.org/abc", e.Location);
        Assert.Equal("PUBLIC", e.Class);
    }

    [Fact]
    public void A_closed_meeting_without_details_shows_its_title_and_time_only()
    {
        var meeting = Meeting(1, Now.AddDays(5), access: Visibility.Members, format: MeetingFormat.Hybrid);
        var ics = CalendarWriter.Write([new CalendarItem(meeting, FullDetails: false)], CalendarMethod.Publish, Context());
        var e = Single(ics);
        Assert.Equal("Workshop 1", e.Summary);
        Assert.Equal(meeting.StartsAtUtc, e.DtStart!.AsUtc);
        Assert.StartsWith("Closed meeting", e.Description);
        Assert.Null(e.Location);
        Assert.Empty(e.Categories);
        Assert.DoesNotContain("indicators", ics);
        Assert.DoesNotContain("meet.example.org", ics);
        Assert.DoesNotContain("Prebisch", ics);
    }

    [Fact]
    public void The_title_and_country_are_in_the_readers_language_when_translated()
    {
        var es = Single(CalendarWriter.Write([new CalendarItem(Meeting(1, Now.AddDays(5)), true)], CalendarMethod.Publish, Context("es")));
        Assert.Equal("Taller 1", es.Summary);
        var fr = Single(CalendarWriter.Write([new CalendarItem(Meeting(1, Now.AddDays(5)), true)], CalendarMethod.Publish, Context("fr")));
        Assert.Equal("Workshop 1", fr.Summary);
    }

    [Fact]
    public void A_message_requests_with_organizer_and_attendee_and_a_cancellation_cancels()
    {
        var meeting = Meeting(1, Now.AddDays(5));
        var request = Calendar.Load(CalendarWriter.Write([new CalendarItem(meeting, true, "ana@example.org", "Ana Pérez")], CalendarMethod.Request, Context()))!;
        Assert.Equal("REQUEST", request.Method);
        var e = Assert.Single(request.Events);
        Assert.Equal(new Uri("mailto:rumbo@example.org"), e.Organizer!.Value);
        var attendee = Assert.Single(e.Attendees);
        Assert.Equal(new Uri("mailto:ana@example.org"), attendee.Value);
        Assert.Equal("Ana Pérez", attendee.CommonName);
        Assert.Equal("CONFIRMED", e.Status);

        var cancel = Calendar.Load(CalendarWriter.Write([new CalendarItem(meeting, true, "ana@example.org")], CalendarMethod.Cancel, Context()))!;
        Assert.Equal("CANCEL", cancel.Method);
        Assert.Equal("CANCELLED", Assert.Single(cancel.Events).Status);
        Assert.Equal("uid-1@rumbo.test", Assert.Single(cancel.Events).Uid);
    }

    [Fact]
    public void A_cancelled_meeting_is_published_as_cancelled_and_an_unknown_zone_falls_back_to_utc()
    {
        var e = Single(CalendarWriter.Write([new CalendarItem(Meeting(1, new DateTime(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc), zone: "Mars/Olympus", status: MeetingStatus.Cancelled), true)],
            CalendarMethod.Publish, Context()));
        Assert.Equal("CANCELLED", e.Status);
        Assert.True(e.DtStart!.IsUtc);
        Assert.Equal(new DateTime(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc), e.DtStart.AsUtc);
    }

    [Fact]
    public void When_is_written_in_the_meetings_zone_with_its_offset()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("Friday 10 April 2026, 10:00–11:30 (America/Santiago, UTC−04:00)",
                MeetingMailNotifier.When(Meeting(1, new DateTime(2026, 4, 10, 14, 0, 0, DateTimeKind.Utc))));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es");
            Assert.Equal("viernes 9 de octubre de 2026, 10:00–11:30 (America/Santiago, UTC−03:00)",
                MeetingMailNotifier.When(Meeting(1, new DateTime(2026, 10, 9, 13, 0, 0, DateTimeKind.Utc))));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
