using NodaTime;
using NodaTime.TimeZones;

namespace Rumbo.Core.Meetings;

/// <summary>
/// Local wall-clock times of meetings and their instants, through the IANA time zone database. A meeting is planned in
/// local time ("10:00 in Santiago"); its UTC instant follows from the zone's rules on that date.
/// </summary>
public static class MeetingTimes
{
    /// <summary>Where ECLAC sits, and the zone most groups meet in.</summary>
    public const string DefaultZone = "America/Santiago";

    private static readonly HashSet<string> Canonical = TzdbDateTimeZoneSource.Default.ZoneLocations is { } locations
        ? locations.Select(l => l.ZoneId).Append("UTC").ToHashSet(StringComparer.Ordinal)
        : DateTimeZoneProviders.Tzdb.Ids.ToHashSet(StringComparer.Ordinal);

    /// <summary>The zones to choose from: the database's canonical ones (places), with UTC.</summary>
    public static IReadOnlyList<string> Zones { get; } = Canonical.Order(StringComparer.Ordinal).ToList();

    /// <summary>Any id of the database (aliases too), so that meetings saved with an alias still show.</summary>
    public static DateTimeZone? Find(string? id) => string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);

    public static bool IsKnown(string? id) => Find(id) is not null;

    /// <summary>The instant of a local time, or why there is none: in a gap the clocks jump over that time.</summary>
    /// <returns>The UTC time, or null with <paramref name="gap"/> set to the first valid local time after the gap.</returns>
    public static DateTime? ToUtc(LocalDateTime local, DateTimeZone zone, out LocalDateTime? gap)
    {
        gap = null;
        var mapping = zone.MapLocal(local);
        switch (mapping.Count)
        {
            case 0:
                // The first local time after the gap, for the message.
                gap = mapping.LateInterval.IsoLocalStart;
                return null;
            default:
                // When clocks go back a time happens twice; the first is the one people mean.
                return mapping.First().ToInstant().ToDateTimeUtc();
        }
    }

    public static ZonedDateTime InZone(DateTime utc, string zoneId)
    {
        var zone = Find(zoneId) ?? DateTimeZone.Utc;
        return Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone);
    }

    public static LocalDateTime Local(DateTime utc, string zoneId) => InZone(utc, zoneId).LocalDateTime;

    /// <summary>The offset as people write it: UTC−03:00, UTC+01:00, UTC.</summary>
    public static string OffsetText(DateTime utc, string zoneId) => OffsetText(InZone(utc, zoneId).Offset);

    /// <summary>The offset as people write it, with a true minus sign: UTC−03:00, UTC+01:00, UTC.</summary>
    public static string OffsetText(Offset offset)
    {
        if (offset == NodaTime.Offset.Zero) return "UTC";
        var span = offset.ToTimeSpan();
        var sign = span < TimeSpan.Zero ? "\u2212" : "+";
        return $"UTC{sign}{span.Duration():hh\\:mm}";
    }

    /// <summary>ISO 8601 in UTC with a Z, for datetime attributes and the API.</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
