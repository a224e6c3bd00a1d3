using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Documents;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Documents;

/// <summary>
/// A document's metadata and new versions, for the group's coordinators and the secretariat. Both forms carry the
/// document's version as read: a save after someone else's answers 409 and changes nothing.
/// </summary>
public sealed class EditModel(RumboDbContext db, CurrentUser currentUser, DocumentStore store, DocumentUploads uploads, TimeProvider clock)
    : DocumentFormPage(db)
{
    [BindProperty] public int Version { get; set; }

    [BindProperty(Name = "File")] public IFormFile? Upload { get; set; }

    [BindProperty] public string? Note { get; set; }

    public Document Document { get; private set; } = null!;

    public string GroupSlug { get; private set; } = "";

    public bool Conflict { get; private set; }

    /// <summary>Which form answered: "metadata" or "version".</summary>
    public string? Answered { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        Answered = "metadata";
        ReplaceBindingErrors();
        var metadata = Metadata();
        var (errors, lineIds) = await store.ValidateAsync(metadata, Document.GroupId, Document.Id, ct);
        AddErrors(errors);
        if (!ModelState.IsValid) return Invalid();
        DocumentStore.Apply(Document, metadata, lineIds);
        if (await Db.SaveIfVersionAsync(Document, d => d.Version, Version, ct))
        {
            TempData.Notice("Saved.");
            return Redirect($"/documents/{id}");
        }
        return await ConflictAsync(id, keepForm: true, ct);
    }

    public async Task<IActionResult> OnPostVersionAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        Answered = "version";
        ModelState.Clear();
        if (Note?.Trim().Length > DocumentStore.MaxNote) ModelState.AddMessage(nameof(Note), "The note is longer than 500 characters.");
        await using var received = await ReceiveAsync(uploads, Upload, "File", ct);
        if (!ModelState.IsValid || received is null)
        {
            Fill(keepVersion: true);
            return Invalid();
        }
        var user = await currentUser.GetAsync(User, ct);
        if (await store.AddVersionAsync(Document, Version, received, Note, user.UserId, clock.GetUtcNow().UtcDateTime, ct))
        {
            TempData.Notice("Saved.");
            return Redirect($"/documents/{id}");
        }
        return await ConflictAsync(id, keepForm: false, ct);
    }

    private async Task<IActionResult?> LoadOrRefuseAsync(int id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var found = await Db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.GroupId, d.Visibility }).SingleOrDefaultAsync(ct);
        // A document the user may not read is not found, as one that does not exist: its id tells nothing.
        if (found is null || !user.CanSeeDocument(found.GroupId, found.Visibility)) return NotFound();
        // A real 403, not a redirect: the answer must say what happened.
        if (!user.CanEditDocument(found.GroupId)) return StatusCode(StatusCodes.Status403Forbidden);
        await LoadAsync(id, ct);
        return null;
    }

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        Document = await Db.Documents.Include(d => d.Lines).ThenInclude(l => l.LineOfAction).Include(d => d.Versions).AsSplitQuery().SingleAsync(d => d.Id == id, ct);
        GroupSlug = await Db.Groups.Where(g => g.Id == Document.GroupId).Select(g => g.Slug).SingleAsync(ct);
        await LoadOptionsAsync(Document.GroupId, ct);
        MaxUploadMegabytes = uploads.Options.MaxUploadMegabytes;
    }

    /// <summary>Shows what is saved now; the metadata form keeps what the editor sent, so that a second save knowingly replaces it.</summary>
    private async Task<IActionResult> ConflictAsync(int id, bool keepForm, CancellationToken ct)
    {
        Db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        Conflict = true;
        if (keepForm) Version = Document.Version;
        else Fill();
        ModelState.Clear();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private void Fill(bool keepVersion = false)
    {
        Title = Document.Title;
        Symbol = Document.Symbol;
        Language = Document.Language;
        Date = Document.Date;
        Kind = Document.Kind;
        Description = Document.Description;
        Lines = string.Join(", ", Document.Lines.Select(l => l.LineOfAction!.Code).Order(Rumbo.Core.Agendas.CodeComparer.Instance));
        MeetingId = Document.MeetingId;
        Visibility = Document.Visibility;
        if (!keepVersion) Version = Document.Version;
    }
}
