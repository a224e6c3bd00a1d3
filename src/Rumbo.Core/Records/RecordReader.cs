using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;

namespace Rumbo.Core.Records;

/// <summary>An outcome; Owner is the person's name when the owner is a person in Rumbo, else the name written.</summary>
public sealed record OutcomeView(OutcomeKind Kind, string Text, int? OwnerPersonId, string? Owner, DateOnly? DueDate);

public sealed record SectionView(int Id, int? MeetingItemId, int Position, string Heading, string Body, IReadOnlyList<OutcomeView> Outcomes);

/// <summary>A record read for showing, exporting or answering the API.</summary>
public sealed record RecordView(
    int Id, int MeetingId, int Number, RecordKind Kind, RecordStatus Status, string Language, string Summary, Visibility Dissemination,
    DateTime CreatedAtUtc, DateTime? ApprovedAtUtc, int? ApprovedByPersonId, string? ApprovedBy, int Version, IReadOnlyList<SectionView> Sections)
{
    public static async Task<RecordView?> LoadAsync(RumboDbContext db, int meetingId, int number, CancellationToken ct) =>
        (await LoadManyAsync(db, db.MeetingRecords.Where(r => r.MeetingId == meetingId && r.Number == number), ct)).SingleOrDefault();

    public static async Task<List<RecordView>> LoadManyAsync(RumboDbContext db, IQueryable<MeetingRecord> query, CancellationToken ct)
    {
        var records = await query.AsNoTracking()
            .Include(r => r.ApprovedBy)
            .Include(r => r.Sections).ThenInclude(s => s.Outcomes).ThenInclude(o => o.Owner)
            .AsSplitQuery().ToListAsync(ct);
        return records.OrderBy(r => r.MeetingId).ThenByDescending(r => r.Number).Select(r => new RecordView(
            r.Id, r.MeetingId, r.Number, r.Kind, r.Status, r.Language, r.Summary, r.Dissemination, r.CreatedAtUtc, r.ApprovedAtUtc,
            r.ApprovedByPersonId, r.ApprovedBy?.FullName, r.Version,
            r.Sections.OrderBy(s => s.Position).Select(s => new SectionView(s.Id, s.MeetingItemId, s.Position, s.Heading, s.Body,
                s.Outcomes.OrderBy(o => o.Position).Select(o => new OutcomeView(o.Kind, o.Text, o.OwnerPersonId, o.Owner?.FullName ?? o.OwnerName, o.DueDate)).ToList()))
            .ToList())).ToList();
    }
}
