using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Web.Pages.Agreements;
using Rumbo.Core.Records;
using Rumbo.Core.Agreements;

namespace Rumbo.Web.Components;

/// <summary>The group page's agreements and the actions still due from its records, as the reader may see them.</summary>
public sealed class GroupAgreementsViewComponent(RumboDbContext db, CurrentUser currentUser, TimeProvider clock) : ViewComponent
{
    public sealed record ActionItem(int MeetingId, int Number, string Text, string Language, int? OwnerPersonId, string? Owner, DateOnly DueDate);

    public sealed record Model(string Slug, string Language, IReadOnlyList<AgreementView> Agreements, int Total, IReadOnlyList<ActionItem> Actions);

    public async Task<IViewComponentResult> InvokeAsync(int groupId)
    {
        var ct = HttpContext.RequestAborted;
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == groupId).Select(g => new { g.Slug, g.Agenda!.DocumentLanguage }).SingleOrDefaultAsync(ct);
        if (group is null) return Content(string.Empty);
        var user = await currentUser.GetAsync(UserClaimsPrincipal, ct);
        var visible = db.Agreements.Where(a => a.GroupId == groupId).Visible(user);
        var total = await visible.CountAsync(ct);
        var latestIds = await visible.OrderByDescending(a => a.AdoptedOn).ThenByDescending(a => a.Id).Take(5).Select(a => a.Id).ToListAsync(ct);
        var agreements = await AgreementReader.LoadAsync(db, db.Agreements.Where(a => latestIds.Contains(a.Id)), ct);

        // The actions of the newest version of each meeting's record the reader may read.
        var internals = user.CanSeeGroupInternals(groupId);
        var records = await db.MeetingRecords.AsNoTracking()
            .Where(r => r.Meeting!.GroupId == groupId && (internals || (r.Status == RecordStatus.Approved && r.Dissemination == Visibility.Public)))
            .Select(r => new { r.Id, r.MeetingId, r.Number, r.Language }).ToListAsync(ct);
        var newest = records.GroupBy(r => r.MeetingId).Select(g => g.MaxBy(r => r.Number)!).ToDictionary(r => r.Id);
        var ids = newest.Keys.ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var actions = await (from s in db.RecordSections.AsNoTracking()
                             join o in db.RecordOutcomes on s.Id equals o.SectionId
                             where ids.Contains(s.RecordId) && o.Kind == OutcomeKind.Action && o.DueDate >= today
                             select new { s.RecordId, o.Text, o.OwnerPersonId, Given = o.Owner!.GivenName, Family = o.Owner.FamilyName, o.OwnerName, o.DueDate })
            .ToListAsync(ct);
        var items = actions.OrderBy(a => a.DueDate).Take(10)
            .Select(a => new ActionItem(newest[a.RecordId].MeetingId, newest[a.RecordId].Number, a.Text, newest[a.RecordId].Language, a.OwnerPersonId,
                a.OwnerPersonId is null ? a.OwnerName : $"{a.Given} {a.Family}".Trim(), a.DueDate!.Value)).ToList();
        if (total == 0 && items.Count == 0) return Content(string.Empty);
        return View(new Model(group.Slug, group.DocumentLanguage, agreements, total, items));
    }
}
