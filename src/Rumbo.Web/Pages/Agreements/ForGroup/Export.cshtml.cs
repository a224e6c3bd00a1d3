using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Exports;
using Rumbo.Core.Records;
using Rumbo.Web.Infrastructure;
using Rumbo.Core.Agreements;

namespace Rumbo.Web.Pages.Agreements.ForGroup;

/// <summary>A group's agreements as CSV or XLSX: one row per agreement and country report, or one row for an agreement with none.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class GroupExportModel(RumboDbContext db, CurrentUser currentUser) : PageModel
{
    public static readonly string[] Header =
    [
        "agreement_id", "group", "meeting_id", "meeting_date", "number", "kind", "adopted_on", "visibility", "language", "text", "text_en", "text_es",
        "lines", "country", "status", "report", "evidence_url", "reported_at", "reported_by", "url",
    ];

    public async Task<IActionResult> OnGetAsync(string slug, string format, CancellationToken ct)
    {
        var groupId = await db.Groups.AsNoTracking().Where(g => g.Slug == slug).Select(g => (int?)g.Id).SingleOrDefaultAsync(ct);
        if (groupId is null) return NotFound();
        var user = await currentUser.GetAsync(User, ct);
        var agreements = await AgreementReader.LoadAsync(db, db.Agreements.Where(a => a.GroupId == groupId).Visible(user), ct);
        var rows = agreements.SelectMany(a =>
        {
            string?[] Row(CountryFollowUp? f) =>
            [
                a.Id.ToString(CultureInfo.InvariantCulture), a.GroupSlug, a.MeetingId.ToString(CultureInfo.InvariantCulture),
                a.MeetingStartsAtUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Number.ToString(CultureInfo.InvariantCulture),
                a.Kind.ToString(), a.AdoptedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Visibility.ToString(), a.Language,
                a.Text.Source, a.Text.En, a.Text.Es, string.Join(" ", a.Lines.Select(l => l.Code)),
                f?.Country.Code, f?.Report?.Status.ToString(), f?.Report?.Text, f?.Report?.EvidenceUrl,
                f?.Report?.ReportedAtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), f?.Report?.ReportedBy,
                $"{Request.Scheme}://{Request.Host}/agreements/{a.Id}",
            ];
            var reports = a.FollowUps.Where(f => f.Report is not null).ToList();
            return reports.Count == 0 ? [Row(null)] : reports.Select(Row);
        }).ToList();
        var name = $"{slug}-agreements.{format}";
        return format == "csv"
            ? File(TableExport.ToCsv(Header, rows), "text/csv; charset=utf-8", name)
            : File(TableExport.ToXlsx("Agreements", Header, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
