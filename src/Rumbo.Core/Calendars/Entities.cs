namespace Rumbo.Core.Calendars;

/// <summary>A secret link to a person's own calendar feed; only its hash is kept.</summary>
public sealed class CalendarFeed
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public string TokenHash { get; set; } = string.Empty;
    public DateTime CreatedAtUtc { get; set; }
}
