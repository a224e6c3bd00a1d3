using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;

namespace Rumbo.Core.Meetings;

/// <summary>What the records and agreements pages show of their meeting and group.</summary>
public sealed record MeetingHeader(
    int Id, int GroupId, int AgendaId, string GroupSlug, LocalizedString GroupName, string Language,
    LocalizedString Title, DateTime StartsAtUtc, string TimeZone)
{
    /// <summary>The meeting's day where it was held.</summary>
    public DateOnly LocalDate
    {
        get
        {
            try
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
                return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(StartsAtUtc, DateTimeKind.Utc), zone));
            }
            catch (TimeZoneNotFoundException)
            {
                return DateOnly.FromDateTime(StartsAtUtc);
            }
        }
    }

    public string Url => $"/meetings/{Id}";

    /// <summary>Whether the meeting has begun, by the rule of <see cref="Meeting.HasStarted"/>.</summary>
    public bool HasStarted(DateTime nowUtc) => Meeting.Started(StartsAtUtc, nowUtc);

    public static async Task<MeetingHeader?> LoadAsync(RumboDbContext db, int meetingId, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().Where(x => x.Id == meetingId)
            .Select(x => new { x.Id, x.GroupId, x.Group!.AgendaId, x.Group.Slug, GroupName = x.Group.Name.ToDocument(), x.Group.Agenda!.DocumentLanguage, Title = x.Title.ToDocument(), x.StartsAtUtc, x.TimeZone })
            .SingleOrDefaultAsync(ct);
        return m is null ? null : new MeetingHeader(m.Id, m.GroupId, m.AgendaId, m.Slug, m.GroupName, m.DocumentLanguage, m.Title, m.StartsAtUtc, m.TimeZone);
    }

    /// <summary>Languages a record may be written in.</summary>
    public static readonly string[] Languages = ["en", "es", "pt", "fr"];
}
