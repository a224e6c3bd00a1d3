using System.Globalization;

namespace Rumbo.Core.Plans;

/// <summary>Months as plans keep them: the first day of the month, written yyyy-MM in forms and the API.</summary>
public static class Months
{
    public const string Format = "yyyy-MM";

    public static string Write(DateOnly month) => month.ToString(Format, CultureInfo.InvariantCulture);

    public static string? Write(DateOnly? month) => month is { } m ? Write(m) : null;

    /// <summary>Reads yyyy-MM (what a month input sends); also a full date, whose day is dropped.</summary>
    public static bool TryParse(string? text, out DateOnly month)
    {
        month = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
            || DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out m))
        {
            if (!Rumbo.Core.Validation.DateBounds.Contains(m)) return false;
            month = new DateOnly(m.Year, m.Month, 1);
            return true;
        }
        return false;
    }

    /// <summary>Every month from the first to the last, both included.</summary>
    public static IReadOnlyList<DateOnly> Between(DateOnly first, DateOnly last)
    {
        var list = new List<DateOnly>();
        for (var m = new DateOnly(first.Year, first.Month, 1); m <= last; m = m.AddMonths(1)) list.Add(m);
        return list;
    }
}
