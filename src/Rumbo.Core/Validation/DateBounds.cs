using System.Globalization;

namespace Rumbo.Core.Validation;

/// <summary>
/// The dates that forms, filters and tokens take: 1900 to 2200, the years plans of work already keep to. Wide enough
/// for any meeting, agreement, action or expiry anyone means; narrow enough that what is computed from a date (a series
/// of up to 52 occurrences a year apart, the day after, a zone's offset, a filter's margin) stays within what DateTime
/// and both databases hold, where year 1 or 9999 would end the request with an error.
/// </summary>
public static class DateBounds
{
    public static readonly DateOnly First = new(1900, 1, 1);

    public static readonly DateOnly Last = new(2200, 12, 31);

    public static bool Contains(DateOnly date) => date >= First && date <= Last;

    public static bool Contains(DateTime utc) => Contains(DateOnly.FromDateTime(utc));

    /// <summary>The message by a field whose date is outside the bounds.</summary>
    public static ValidationMessage Outside => new("Enter a date from {0} to {1}.", Text(First), Text(Last));

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
