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

/// <summary>
/// A record as a PDF or Word file, to whoever may read it, in one language: the one asked for (<c>?lang=es</c>), else the
/// reader's when the record reads in it, else the record's own. Labels are in that language, and each text in its
/// translation where it has one, else as written.
/// </summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class ExportModel(RumboDbContext db, CurrentUser currentUser, IStringLocalizer<SharedResource> t, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int number, string format, string? lang, CancellationToken ct)
    {
        if (lang is not null && !InterfaceLanguages.IsSupported(lang)) return NotFound();
        var user = await currentUser.GetAsync(User, ct);
        var meeting = await MeetingHeader.LoadAsync(db, id, ct);
        if (meeting is null) return NotFound();
        var record = await RecordView.LoadAsync(db, id, number, ct);
        // As the record's page: signed out, sign in first (whether or not it exists); signed in and not allowed, not found.
        if (record is null || !user.CanSeeRecord(meeting.GroupId, record.Status, record.Dissemination)) return user.IsSignedIn ? NotFound() : Challenge();
        var language = lang ?? record.FileLanguage(InterfaceLanguages.Current);
        var document = Build(meeting, record, language);
        var name = language == record.Language ? $"meeting-{id}-record-{number}.{format}" : $"meeting-{id}-record-{number}-{language}.{format}";
        return format == "pdf"
            ? File(RecordExport.ToPdf(document, clock.GetUtcNow().UtcDateTime), "application/pdf", name)
            : File(RecordExport.ToDocx(document), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
    }

    private RecordDocument Build(MeetingHeader meeting, RecordView r, string language)
    {
        // The file is one document in one language, labels included, whatever the reader's interface.
        using (InterfaceLanguages.Use(language))
        {
            string Text(Rumbo.Core.Agendas.LocalizedString s) => s.In(language, r.Language).Text;
            var facts = new List<(string, string)>
            {
                (t["Group"], meeting.GroupName.In(language)),
                (t["Date"], Ui.Date(meeting.LocalDate)),
                (t["Status"], r.Status == RecordStatus.Draft ? t["Draft"] : t["Approved"]),
                (t["Version"], r.Number.ToString(CultureInfo.InvariantCulture)),
            };
            if (r.ApprovedAtUtc is DateTime at) facts.Add((t["Approved on"], Ui.Date(DateOnly.FromDateTime(at)) + (r.ApprovedBy is null ? "" : $" ({r.ApprovedBy})")));
            // The same note as the page's (decision 0024): the file says where its text is not the record's own.
            var note = Ui.AnyUnofficial(r.Texts(), r.Language)
                ? t["Unofficial translation (official text in {0})", Ui.LanguageInText(t, r.Language)].Value
                : null;
            return new RecordDocument(
                $"{t.Name(r.Kind)}: {meeting.Title.In(language)}",
                meeting.GroupName.In(language), language, facts, Text(r.Summary),
                r.Sections.Select(s => new RecordDocumentSection(Text(s.Heading), Text(s.Body), s.Outcomes.Select(o => new RecordDocumentOutcome(
                    t.Name(o.Kind), Text(o.Text), o.Owner, o.DueDate is { } d ? Ui.Date(d) : null)).ToList())).ToList(),
                new RecordDocumentLabels(t["Summary"], t["Outcomes"], t["Kind"], t["Text"], t["Owner"], t["Due"]))
            {
                Note = note,
            };
        }
    }
}
