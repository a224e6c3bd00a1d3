using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;

namespace Rumbo.Core.Records;

/// <summary>An action from a record, still due: where it was decided, what, who and when; <see cref="Language"/> is its record's, the language of the text's source.</summary>
public sealed record DueAction(int MeetingId, int Number, LocalizedString Text, string Language, int? OwnerPersonId, string? Owner, DateOnly DueDate);

public static class DueActions
{
    private sealed record ActionRow(
        int MeetingId, int Number, string Language, LocalizedString Text, int? OwnerPersonId, string? Given, string? Family, string? OwnerName, DateOnly? DueDate);

    // The actions of the newest version of each meeting's record the reader may read, in one query, compiled once as the
    // group page runs it (decision 0018).
    private static readonly CompiledQuery<Func<RumboDbContext, int, bool, DateOnly, IAsyncEnumerable<ActionRow>>> OfGroup = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int groupId, bool internals, DateOnly today) =>
            (from r in db.MeetingRecords.AsNoTracking()
             where r.Meeting!.GroupId == groupId && (internals || (r.Status == RecordStatus.Approved && r.Dissemination == Visibility.Public))
                 && r.Number == db.MeetingRecords.Where(x => x.MeetingId == r.MeetingId && x.Meeting!.GroupId == groupId
                     && (internals || (x.Status == RecordStatus.Approved && x.Dissemination == Visibility.Public))).Max(x => x.Number)
             join s in db.RecordSections on r.Id equals s.RecordId
             join o in db.RecordOutcomes on s.Id equals o.SectionId
             where o.Kind == OutcomeKind.Action && o.DueDate >= today
             orderby o.DueDate, o.Id
             select new ActionRow(r.MeetingId, r.Number, r.Language, o.Text.ToDocument(), o.OwnerPersonId, o.Owner!.GivenName, o.Owner.FamilyName, o.OwnerName, o.DueDate))
            .Take(10)));

    /// <summary>
    /// The group's first ten actions due today or later, from the records a reader who sees the group's internals
    /// (<paramref name="internals"/>) or the public may read.
    /// </summary>
    public static async Task<List<DueAction>> OfGroupAsync(RumboDbContext db, int groupId, bool internals, DateOnly today, CancellationToken ct)
    {
        var rows = await OfGroup.For(db)(db, groupId, internals, today).ToListAsync(ct);
        return rows.Select(a => new DueAction(a.MeetingId, a.Number, a.Text, a.Language, a.OwnerPersonId,
            a.OwnerPersonId is null ? a.OwnerName : $"{a.Given} {a.Family}".Trim(), a.DueDate!.Value)).ToList();
    }
}
