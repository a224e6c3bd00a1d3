using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Web.Pages.Agreements;
using Rumbo.Web.Pages.Records;
using Rumbo.Core.Records;
using Rumbo.Core.Agreements;

namespace Rumbo.Web.Components;

/// <summary>The meeting page's records (minutes, memory aids) and agreements.</summary>
public sealed class MeetingOutcomesViewComponent(RumboDbContext db, CurrentUser currentUser) : ViewComponent
{
    public sealed record RecordLink(int Number, RecordKind Kind, RecordStatus Status, Visibility Dissemination, bool Superseded);

    public sealed record Model(
        int MeetingId, string Language, IReadOnlyList<RecordLink> Records, bool CanWriteRecord, bool HasRecord,
        IReadOnlyList<AgreementSummary> Agreements, bool CanAddAgreement);

    private sealed record RecordRow(int Number, RecordKind Kind, RecordStatus Status, Visibility Dissemination);

    // Compiled once: a meeting's page runs it on every request (decision 0018).
    private static readonly CompiledQuery<Func<RumboDbContext, int, IAsyncEnumerable<RecordRow>>> Records = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int meetingId) => db.MeetingRecords.AsNoTracking().Where(r => r.MeetingId == meetingId).OrderByDescending(r => r.Number)
            .Select(r => new RecordRow(r.Number, r.Kind, r.Status, r.Dissemination))));

    // What the page already read (slug, group, language) is passed in rather than read again.
    public async Task<IViewComponentResult> InvokeAsync(int meetingId, int groupId, string language)
    {
        var ct = HttpContext.RequestAborted;
        var user = await currentUser.GetAsync(UserClaimsPrincipal, ct);
        var all = await Records.For(db)(db, meetingId).ToListAsync(ct);
        var visible = all.Where(r => user.CanSeeRecord(groupId, r.Status, r.Dissemination)).ToList();
        var records = visible.Select(r => new RecordLink(r.Number, r.Kind, r.Status, r.Dissemination,
            visible.Any(v => v.Number > r.Number && v.Status == RecordStatus.Approved))).ToList();
        var agreements = await AgreementReader.OfMeetingAsync(db, meetingId, user, ct);
        return View(new Model(meetingId, language, records, user.CanWriteRecord(groupId), all.Count > 0,
            agreements.OrderBy(a => a.Number).ToList(), user.CanEditAgreement(groupId)));
    }
}
