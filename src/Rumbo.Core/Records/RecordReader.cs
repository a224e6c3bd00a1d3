using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Localization;
using Rumbo.Core.Meetings;

namespace Rumbo.Core.Records;

/// <summary>An outcome; Owner is the person's name when the owner is a person in Rumbo, else the name written.</summary>
public sealed record OutcomeView(OutcomeKind Kind, LocalizedString Text, int? OwnerPersonId, string? Owner, DateOnly? DueDate);

public sealed record SectionView(int Id, int? MeetingItemId, int Position, LocalizedString Heading, LocalizedString Body, IReadOnlyList<OutcomeView> Outcomes);

/// <summary>
/// A record read for showing, exporting or answering the API. Its texts' sources are written in <see cref="Language"/>;
/// each may have translations into the other languages (decision 0026).
/// </summary>
public sealed record RecordView(
    int Id, int MeetingId, int Number, RecordKind Kind, RecordStatus Status, string Language, LocalizedString Summary, Visibility Dissemination,
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
            r.Id, r.MeetingId, r.Number, r.Kind, r.Status, r.Language, r.Summary.ToDocument(), r.Dissemination, r.CreatedAtUtc, r.ApprovedAtUtc,
            r.ApprovedByPersonId, r.ApprovedBy?.FullName, r.Version,
            r.Sections.OrderBy(s => s.Position).Select(s => new SectionView(s.Id, s.MeetingItemId, s.Position, s.Heading.ToDocument(), s.Body.ToDocument(),
                s.Outcomes.OrderBy(o => o.Position).Select(o => new OutcomeView(o.Kind, o.Text.ToDocument(), o.OwnerPersonId, o.Owner?.FullName ?? o.OwnerName, o.DueDate)).ToList()))
            .ToList())).ToList();
    }

    /// <summary>Every text of the record, in the order of its page: the summary, then each section's heading, body and outcomes.</summary>
    public IEnumerable<LocalizedString> Texts()
    {
        yield return Summary;
        foreach (var s in Sections)
        {
            yield return s.Heading;
            yield return s.Body;
            foreach (var o in s.Outcomes) yield return o.Text;
        }
    }

    /// <summary>The languages the record reads in: its own, then each one at least one of its texts is translated into.</summary>
    public IReadOnlyList<string> Languages =>
        InterfaceLanguages.All.Where(l => l == Language || Texts().Any(t => !string.IsNullOrWhiteSpace(t.Source) && t.In(l, Language).Language == l)).ToList();

    /// <summary>
    /// The language of the record's files when the reader names none: the reader's, when the record reads in it, else the
    /// record's own, so that a file is not a record in one language under headings in another for want of a translation.
    /// </summary>
    public string FileLanguage(string readerLanguage) => Languages.Contains(readerLanguage) ? readerLanguage : Language;
}
