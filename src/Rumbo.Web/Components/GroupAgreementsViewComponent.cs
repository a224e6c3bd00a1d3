using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Core.Records;
using Rumbo.Core.Agreements;

namespace Rumbo.Web.Components;

/// <summary>The group page's agreements and the actions still due from its records, as the reader may see them.</summary>
public sealed class GroupAgreementsViewComponent(RumboDbContext db, CurrentUser currentUser, TimeProvider clock) : ViewComponent
{
    /// <summary>An action still due; <see cref="Language"/> is its record's, the language of the text's source.</summary>
    public sealed record ActionItem(int MeetingId, int Number, LocalizedString Text, string Language, int? OwnerPersonId, string? Owner, DateOnly DueDate);

    public sealed record Model(string Slug, string Language, IReadOnlyList<AgreementSummary> Agreements, int Total, IReadOnlyList<ActionItem> Actions);

    private sealed record ActionRow(
        int MeetingId, int Number, string Language, LocalizedString Text, int? OwnerPersonId, string? Given, string? Family, string? OwnerName, DateOnly? DueDate);

    // The actions of the newest version of each meeting's record the reader may read, in one query, compiled once as the
    // group page runs it on every request (decision 0018).
    private static readonly CompiledQuery<Func<RumboDbContext, int, bool, DateOnly, IAsyncEnumerable<ActionRow>>> DueActions = new(() => EF.CompileAsyncQuery(
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

    // What the page already read (slug, group, language) is passed in rather than read again.
    public async Task<IViewComponentResult> InvokeAsync(int groupId, string slug, string language)
    {
        var ct = HttpContext.RequestAborted;
        var user = await currentUser.GetAsync(UserClaimsPrincipal, ct);
        var (latest, total) = await AgreementReader.LatestOfGroupAsync(db, groupId, user, 5, ct);
        var agreements = latest.OrderByDescending(a => a.AdoptedOn).ThenByDescending(a => a.MeetingStartsAtUtc).ThenBy(a => a.Number).ToList();

        var internals = user.CanSeeGroupInternals(groupId);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var actions = await DueActions.For(db)(db, groupId, internals, today).ToListAsync(ct);
        var items = actions
            .Select(a => new ActionItem(a.MeetingId, a.Number, a.Text, a.Language, a.OwnerPersonId,
                a.OwnerPersonId is null ? a.OwnerName : $"{a.Given} {a.Family}".Trim(), a.DueDate!.Value)).ToList();
        if (total == 0 && items.Count == 0) return Content(string.Empty);
        return View(new Model(slug, language, agreements, total, items));
    }
}
