using System.Globalization;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;

namespace Rumbo.Core.Agreements;

/// <summary>
/// A group's agreements as downloaded in CSV and XLSX: one row per agreement and country report, or one row for an
/// agreement with none; only the agreements the reader may see.
/// </summary>
public static class AgreementExport
{
    public static readonly string[] Header =
    [
        "agreement_id", "group", "meeting_id", "meeting_date", "number", "kind", "adopted_on", "visibility", "language", "text", "text_en", "text_es",
        "lines", "country", "status", "report", "evidence_url", "reported_at", "reported_by", "url",
    ];

    /// <param name="siteAddress">The address the <c>url</c> column starts with, without a trailing slash.</param>
    public static async Task<List<string?[]>> RowsAsync(RumboDbContext db, int groupId, CurrentUser.Snapshot viewer, string siteAddress, CancellationToken ct)
    {
        var agreements = await AgreementReader.LoadAsync(db, db.Agreements.Where(a => a.GroupId == groupId).Visible(viewer), ct);
        return agreements.SelectMany(a =>
        {
            string?[] Row(CountryFollowUp? f) =>
            [
                a.Id.ToString(CultureInfo.InvariantCulture), a.GroupSlug, a.MeetingId.ToString(CultureInfo.InvariantCulture),
                a.MeetingStartsAtUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Number.ToString(CultureInfo.InvariantCulture),
                a.Kind.ToString(), a.AdoptedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Visibility.ToString(), a.Language,
                a.Text.Source, a.Text.En, a.Text.Es, string.Join(" ", a.Lines.Select(l => l.Code)),
                f?.Country.Code, f?.Report?.Status.ToString(), f?.Report?.Text, f?.Report?.EvidenceUrl,
                f?.Report?.ReportedAtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), f?.Report?.ReportedBy,
                $"{siteAddress}/agreements/{a.Id}",
            ];
            var reports = a.FollowUps.Where(f => f.Report is not null).ToList();
            return reports.Count == 0 ? [Row(null)] : reports.Select(Row);
        }).ToList();
    }
}
