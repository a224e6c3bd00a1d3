using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Documents;
using Rumbo.Core.Meetings;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Documents;

/// <summary>
/// What the upload form (on a group's repository) and the document editor share: the metadata fields, their checks
/// shown by each field with 422, and the file's checks, which refuse before anything is stored.
/// </summary>
public abstract class DocumentFormPage(RumboDbContext db) : PageModel
{
    public sealed record MeetingOption(int Id, LocalizedString Title, DateTime StartsAtUtc);

    public sealed record LineOption(string Code, LocalizedString Text);

    protected RumboDbContext Db { get; } = db;

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Symbol { get; set; }
    [BindProperty] public string? Language { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public DocumentKind? Kind { get; set; }
    [BindProperty] public string? Description { get; set; }
    /// <summary>Codes of lines of action of the group's agenda, separated by commas or spaces.</summary>
    [BindProperty] public string? Lines { get; set; }
    [BindProperty] public int? MeetingId { get; set; }
    [BindProperty] public Visibility? Visibility { get; set; }

    public IReadOnlyList<MeetingOption> Meetings { get; private set; } = [];

    /// <summary>The lines the group serves, offered as a hint beside the codes field.</summary>
    public IReadOnlyList<LineOption> GroupLines { get; private set; } = [];

    public string SourceLanguage { get; protected set; } = "en";

    public long MaxUploadMegabytes { get; protected set; }

    /// <summary>The checked metadata, from the bound fields.</summary>
    protected DocumentMetadata Metadata() =>
        new(Title, Symbol, Language, Date, Kind, Description, AgendaKeys.ParseCodeList(Lines), MeetingId, Visibility);

    /// <summary>Binding failures only come from tampered selects and mistyped dates; they are said in the interface's words.</summary>
    protected void ReplaceBindingErrors()
    {
        var date = ModelState.HasError(nameof(Date));
        var kind = ModelState.HasError(nameof(Kind));
        var visibility = ModelState.HasError(nameof(Visibility));
        var meeting = ModelState.HasError(nameof(MeetingId));
        ModelState.Clear();
        if (date) ModelState.AddMessage(nameof(Date), "Enter a date as year, month and day.");
        if (kind) ModelState.AddMessage(nameof(Kind), "Choose the kind of document.");
        if (visibility) ModelState.AddMessage(nameof(Visibility), "Choose who may see the document.");
        if (meeting) ModelState.AddMessage(nameof(MeetingId), "Choose one of the group's meetings.");
    }

    protected void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var e in errors)
        {
            // A field already wrong from binding keeps that one message.
            if (ModelState.HasError(e.Field)) continue;
            ModelState.AddMessage(e.Field, e.Message, e.Arguments);
        }
    }

    protected void AddRefusal(string field, UploadRefusal refusal)
    {
        ModelState.AddMessage(field, refusal.Message, refusal.Arguments);
    }

    /// <summary>The file of the form, checked; refusals go by <paramref name="field"/>. The caller disposes the file.</summary>
    protected async Task<ReceivedFile?> ReceiveAsync(DocumentUploads uploads, IFormFile? file, string field, CancellationToken ct)
    {
        if (file is null)
        {
            AddRefusal(field, DocumentUploads.NoFile);
            return null;
        }
        await using var stream = file.OpenReadStream();
        var (received, refusal) = await uploads.ReceiveAsync(stream, file.FileName, file.Length, ct);
        if (refusal is not null) AddRefusal(field, refusal);
        return received;
    }

    protected async Task LoadOptionsAsync(int groupId, CancellationToken ct)
    {
        var group = await Db.Groups.AsNoTracking().Where(g => g.Id == groupId).Select(g => new { g.Agenda!.DocumentLanguage }).SingleAsync(ct);
        SourceLanguage = group.DocumentLanguage;
        var meetings = await Db.Meetings.AsNoTracking().Where(m => m.GroupId == groupId)
            .Select(m => new { m.Id, Title = m.Title.ToDocument(), m.StartsAtUtc })
            .ToListAsync(ct);
        Meetings = meetings.OrderByDescending(m => m.StartsAtUtc)
            .Select(m => new MeetingOption(m.Id, m.Title, m.StartsAtUtc)).ToList();
        var lines = await Db.GroupLines.AsNoTracking().Where(l => l.GroupId == groupId)
            .Select(l => new { l.LineOfAction!.Code, Text = l.LineOfAction.Text.ToDocument() })
            .ToListAsync(ct);
        GroupLines = lines.OrderBy(l => l.Code, CodeComparer.Instance)
            .Select(l => new LineOption(l.Code, l.Text)).ToList();
    }

    protected IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
