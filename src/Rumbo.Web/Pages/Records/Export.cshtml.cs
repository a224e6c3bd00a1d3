using Rumbo.Core.Localization;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Core.Records;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Records;

/// <summary>A record as a PDF or Word file, to whoever may read it; labels in the record's own language.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class ExportModel(RumboDbContext db, CurrentUser currentUser, IStringLocalizer<SharedResource> t, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int number, string format, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        var meeting = await MeetingHeader.LoadAsync(db, id, ct);
        if (meeting is null) return NotFound();
        var record = await RecordView.LoadAsync(db, id, number, ct);
        // As the record's page: signed out, sign in first (whether or not it exists); signed in and not allowed, not found.
        if (record is null || !user.CanSeeRecord(meeting.GroupId, record.Status, record.Dissemination)) return user.IsSignedIn ? NotFound() : Challenge();
        var document = Build(meeting, record);
        var name = $"meeting-{id}-record-{number}.{format}";
        return format == "pdf"
            ? File(RecordExport.ToPdf(document, clock.GetUtcNow().UtcDateTime), "application/pdf", name)
            : File(RecordExport.ToDocx(document), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
    }

    private RecordDocument Build(MeetingHeader meeting, RecordView r)
    {
        // The file is one document in one language: its labels follow the record, not the reader's interface.
        var ui = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = InterfaceLanguages.Culture(r.Language);
            var facts = new List<(string, string)>
            {
                (t["Group"], meeting.GroupName.In(r.Language)),
                (t["Date"], Ui.Date(meeting.LocalDate)),
                (t["Status"], r.Status == RecordStatus.Draft ? t["Draft"] : t["Approved"]),
                (t["Version"], r.Number.ToString(CultureInfo.InvariantCulture)),
            };
            if (r.ApprovedAtUtc is DateTime at) facts.Add((t["Approved on"], Ui.Date(DateOnly.FromDateTime(at)) + (r.ApprovedBy is null ? "" : $" ({r.ApprovedBy})")));
            return new RecordDocument(
                $"{t.Name(r.Kind)}: {meeting.Title.In(r.Language)}",
                meeting.GroupName.In(r.Language), r.Language, facts, r.Summary,
                r.Sections.Select(s => new RecordDocumentSection(s.Heading, s.Body, s.Outcomes.Select(o => new RecordDocumentOutcome(
                    t.Name(o.Kind), o.Text, o.Owner, o.DueDate is { } d ? Ui.Date(d) : null)).ToList())).ToList(),
                new RecordDocumentLabels(t["Summary"], t["Outcomes"], t["Kind"], t["Text"], t["Owner"], t["Due"]));
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = culture;
        }
    }
}
