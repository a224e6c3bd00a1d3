using System.Globalization;
using System.Text;
using Ical.Net;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using Rumbo.Core.Agendas;
using Rumbo.Core.Meetings;
using Rumbo.Core.Rendering;

namespace Rumbo.Core.Calendars;

/// <summary>A meeting as a calendar shows it, read from the database in one projection.</summary>
public sealed record CalendarMeeting(
    int Id, string Uid, int Sequence, MeetingKind Kind, LocalizedString Title, LocalizedString Description, MeetingFormat Format,
    DateTime StartsAtUtc, string TimeZone, int DurationMinutes, string? OnlineUrl, string? Place, string? City,
    LocalizedString? Country, Visibility Access, MeetingStatus Status, int GroupId, string GroupSlug, LocalizedString GroupName)
{
    /// <summary>The start in the meeting's own time zone (UTC when the zone is unknown).</summary>
    public ZonedDateTime LocalStart => Instant.FromDateTimeUtc(DateTime.SpecifyKind(StartsAtUtc, DateTimeKind.Utc)).InZone(Zone);

    public ZonedDateTime LocalEnd => LocalStart.Plus(NodaTime.Duration.FromMinutes(DurationMinutes));

    public DateTimeZone Zone => CalendarWriter.ZoneOf(TimeZone);

    /// <summary>The uid kept by the meeting, or one made from its id for a meeting saved without one.</summary>
    public string CalendarUid => string.IsNullOrWhiteSpace(Uid) ? $"meeting-{Id}@rumbo" : Uid;
}

/// <summary>
/// iCalendar METHOD (RFC 5546): PUBLISH for feeds that calendar programs subscribe to, REQUEST for an invitation
/// or a change sent by mail, CANCEL for a cancellation sent by mail.
/// </summary>
public enum CalendarMethod
{
    Publish,
    Request,
    Cancel,
}

/// <param name="FullDetails">Description, place, online link and kind; false for a closed meeting shown to someone outside it: title and time only.</param>
/// <param name="AttendeeEmail">For a message: the recipient, named as the event's attendee.</param>
public sealed record CalendarItem(CalendarMeeting Meeting, bool FullDetails, string? AttendeeEmail = null, string? AttendeeName = null);

/// <summary>What a calendar is written with: where the links point, in which language, as of when.</summary>
/// <param name="SiteUrl">The site's address without a trailing slash, for the meeting pages' links.</param>
/// <param name="Name">The calendar's name, shown by the programs that subscribe to it.</param>
/// <param name="Organizer">For messages: the address they come from (Rumbo &lt;rumbo@example.org&gt;).</param>
public sealed record CalendarContext(string SiteUrl, string Language, DateTime NowUtc, CalendarTexts Texts, string? Name = null, string? Organizer = null);

/// <summary>Writes meetings as an iCalendar (RFC 5545) text with Ical.Net.</summary>
public static class CalendarWriter
{
    public const string MediaType = "text/calendar";

    public const string ProductId = "-//Rumbo//Rumbo calendar//EN";

    /// <summary>An IANA zone from the tz database; UTC for one it does not know, so a bad value never breaks a feed.</summary>
    public static DateTimeZone ZoneOf(string? id) => Meetings.MeetingTimes.Find(id) ?? DateTimeZone.Utc;

    public static string MeetingUrl(string siteUrl, int meetingId) => $"{siteUrl}/meetings/{meetingId}";

    public static string Write(IEnumerable<CalendarItem> items, CalendarMethod method, CalendarContext context)
    {
        var list = items.ToList();
        var calendar = new Calendar
        {
            ProductId = ProductId,
            Method = method.ToString().ToUpperInvariant(),
        };
        if (context.Name is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", context.Name);
        }
        if (method == CalendarMethod.Publish)
        {
            // How often subscribers should look again; both spellings, as programs read one or the other.
            calendar.AddProperty("REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
            calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        }
        // The zones first, as some programs expect them before the events that name them.
        foreach (var zone in list.Select(i => i.Meeting).Where(m => m.Zone != DateTimeZone.Utc)
                     .GroupBy(m => m.Zone.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            calendar.AddTimeZone(TimeZone(zone.First().Zone, zone.Min(m => m.LocalStart.ToInstant()), zone.Max(m => m.LocalEnd.ToInstant())));
        }
        foreach (var item in list)
        {
            calendar.Events.Add(Event(item, method, context));
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static CalendarEvent Event(CalendarItem item, CalendarMethod method, CalendarContext context)
    {
        var m = item.Meeting;
        var texts = context.Texts;
        var url = MeetingUrl(context.SiteUrl, m.Id);
        var cancelled = method == CalendarMethod.Cancel || m.Status == MeetingStatus.Cancelled;
        var e = new CalendarEvent
        {
            Uid = m.CalendarUid,
            Sequence = m.Sequence,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(context.NowUtc, DateTimeKind.Utc), true),
            DtStart = At(m.LocalStart),
            DtEnd = At(m.LocalEnd),
            Summary = m.Title.In(context.Language),
            Url = new Uri(url),
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
        };
        if (item.FullDetails)
        {
            var description = new StringBuilder();
            var plain = Markdown.ToPlainText(m.Description.In(context.Language));
            if (plain.Length > 0) description.Append(plain).Append("\n\n");
            if (!string.IsNullOrWhiteSpace(m.OnlineUrl)) description.Append(texts.OnlineLink).Append(": ").Append(m.OnlineUrl).Append('\n');
            description.Append(texts.MeetingPage).Append(": ").Append(url);
            e.Description = description.ToString();
            var location = Location(m, context.Language);
            if (location.Length > 0) e.Location = location;
            e.Categories.Add(texts.Kind(m.Kind));
            e.Class = m.Access == Visibility.Public ? "PUBLIC" : "PRIVATE";
        }
        else
        {
            // Title and time only: the description, agenda, place and link of a closed meeting are for its members.
            e.Description = $"{texts.ClosedMeeting}\n\n{texts.MeetingPage}: {url}";
            e.Class = "PRIVATE";
        }
        if (method != CalendarMethod.Publish)
        {
            if (context.Organizer is not null && TryAddress(context.Organizer, out var organizer))
            {
                e.Organizer = new Organizer("mailto:" + organizer.Address) { CommonName = organizer.DisplayName.Length > 0 ? organizer.DisplayName : null };
            }
            if (item.AttendeeEmail is not null)
            {
                // RSVP off: replies would go to the sending address, which nobody reads; registration is on the meeting page.
                e.Attendees.Add(new Attendee("mailto:" + item.AttendeeEmail)
                {
                    CommonName = item.AttendeeName,
                    Role = "REQ-PARTICIPANT",
                    ParticipationStatus = cancelled ? "DECLINED" : "NEEDS-ACTION",
                    Rsvp = false,
                });
            }
        }
        return e;
    }

    /// <summary>
    /// The zone's VTIMEZONE as its explicit transitions (one STANDARD or DAYLIGHT part each, no recurrence rule) over
    /// the events' span: exact for every event in it, whatever rules the zone had in those years. (Rules written as
    /// RRULEs cannot say "the first Sunday on or after the 2nd", which Chile's are.)
    /// </summary>
    private static VTimeZone TimeZone(DateTimeZone zone, Instant first, Instant last)
    {
        var vtimezone = new VTimeZone(zone.Id);
        var day = NodaTime.Duration.FromDays(1);
        foreach (var interval in zone.GetZoneIntervals(first - day, last + day))
        {
            var start = interval.HasStart ? interval.Start : first - day;
            var from = interval.HasStart ? zone.GetUtcOffset(start - NodaTime.Duration.Epsilon) : interval.WallOffset;
            // DTSTART is the wall-clock time at which the change happens, read in the offset it ends.
            var local = start.WithOffset(from).LocalDateTime;
            vtimezone.TimeZoneInfos.Add(new VTimeZoneInfo(interval.Savings == NodaTime.Offset.Zero ? "STANDARD" : "DAYLIGHT")
            {
                TimeZoneName = interval.Name,
                OffsetFrom = new UtcOffset(from.ToTimeSpan()),
                OffsetTo = new UtcOffset(interval.WallOffset.ToTimeSpan()),
                DtStart = new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, null),
            });
        }
        return vtimezone;
    }

    /// <summary>Place, city and country for a meeting in a room; the online link for a virtual one; both for a hybrid one.</summary>
    public static string Location(CalendarMeeting m, string language)
    {
        var parts = new List<string>();
        if (m.Format != MeetingFormat.Virtual)
        {
            foreach (var p in new[] { m.Place, m.City, m.Country is null ? null : m.Country.In(language) })
            {
                if (!string.IsNullOrWhiteSpace(p)) parts.Add(p.Trim());
            }
        }
        var room = string.Join(", ", parts);
        if (m.Format != MeetingFormat.InPerson && !string.IsNullOrWhiteSpace(m.OnlineUrl))
        {
            return room.Length > 0 ? $"{room}; {m.OnlineUrl.Trim()}" : m.OnlineUrl.Trim();
        }
        return room;
    }

    /// <summary>The local date and time, named by its zone: calendar programs then keep the local hour across daylight-saving changes.</summary>
    private static CalDateTime At(ZonedDateTime t)
    {
        var l = t.LocalDateTime;
        return t.Zone == DateTimeZone.Utc
            ? new CalDateTime(new DateTime(l.Year, l.Month, l.Day, l.Hour, l.Minute, l.Second, DateTimeKind.Utc), true)
            : new CalDateTime(l.Year, l.Month, l.Day, l.Hour, l.Minute, l.Second, t.Zone.Id);
    }

    private static bool TryAddress(string value, out System.Net.Mail.MailAddress address) =>
        System.Net.Mail.MailAddress.TryCreate(value, out address!);

    /// <summary>"UTC−04:00": the offset the meeting's zone has at the meeting's start.</summary>
    public static string Offset(ZonedDateTime t)
    {
        var offset = t.Offset.ToTimeSpan();
        var sign = offset < TimeSpan.Zero ? "−" : "+";
        return string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{offset.Duration():hh\\:mm}");
    }
}
