using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Documents;
using Rumbo.Web.Infrastructure;
using Rumbo.Web.Pages.Documents;

namespace Rumbo.Web.Pages.Documents.ForGroup;

/// <summary>
/// A group's repository: its documents the reader may see, filtered by kind, language and year; and, for its
/// coordinators and the secretariat, the upload form.
/// </summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class GroupDocumentsModel(RumboDbContext db, CurrentUser currentUser, DocumentReader reader, DocumentStore store, DocumentUploads uploads, TimeProvider clock)
    : DocumentFormPage(db)
{
    public sealed record GroupInfo(int Id, string Slug, LocalizedString Name, string Language);

    public GroupInfo Group { get; private set; } = null!;

    public IReadOnlyList<DocumentListItem> Items { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public bool CanUpload { get; private set; }

    [BindProperty(SupportsGet = true, Name = "kind")] public string? KindFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "language")] public string? LanguageFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public string? YearFilter { get; set; }

    [BindProperty(Name = "File")] public IFormFile? Upload { get; set; }

    [BindProperty] public string? Note { get; set; }

    /// <summary>Whether the upload form is the part of the page that answered (after a refused upload), to open it.</summary>
    public bool Uploading { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        Language ??= Ui.Language;
        Kind ??= DocumentKind.Report;
        Visibility ??= Rumbo.Core.Meetings.Visibility.Members;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        if (!await LoadAsync(slug, ct)) return NotFound();
        if (!CanUpload) return StatusCode(StatusCodes.Status403Forbidden);
        Uploading = true;

        ReplaceBindingErrors();
        var metadata = Metadata();
        var (errors, lineIds) = await store.ValidateAsync(metadata, Group.Id, null, ct);
        AddErrors(errors);
        if (Note?.Trim().Length > DocumentStore.MaxNote) ModelState.AddMessage(nameof(Note), "The note is longer than 500 characters.");
        await using var received = await ReceiveAsync(uploads, Upload, "File", ct);
        if (!ModelState.IsValid || received is null) return Invalid();

        var document = await store.CreateAsync(Group.Id, metadata, lineIds, received, Note, user.UserId, clock.GetUtcNow().UtcDateTime, ct);
        TempData.Notice("Saved.");
        return Redirect($"/documents/{document.Id}");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var g = await Db.Groups.AsNoTracking().Where(x => x.Slug == slug)
            .Select(x => new { x.Id, x.Slug, Name = x.Name.ToDocument(), x.Agenda!.DocumentLanguage })
            .SingleOrDefaultAsync(ct);
        if (g is null) return false;
        Group = new GroupInfo(g.Id, g.Slug, g.Name, g.DocumentLanguage);
        var user = await currentUser.GetAsync(User, ct);
        CanUpload = user.CanUploadDocument(g.Id);
        MaxUploadMegabytes = uploads.Options.MaxUploadMegabytes;
        // On a post the form's own Kind and Language would bind to the filters too (binding ignores case): no filter then.
        var get = HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method);
        if (!get) (KindFilter, LanguageFilter, YearFilter) = (null, null, null);
        DocumentKind? kind = Enum.TryParse<DocumentKind>(KindFilter, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;
        var language = DocumentStore.Languages.Contains(LanguageFilter) ? LanguageFilter : null;
        int? year = int.TryParse(YearFilter, out var y) && y is > 1900 and < 3000 ? y : null;
        (Items, Total) = await reader.ListAsync(new DocumentFilter(GroupId: g.Id, Kind: kind, Language: language, Year: year), user, 200, ct);
        Years = await reader.YearsAsync(g.Id, user, ct);
        if (CanUpload) await LoadOptionsAsync(g.Id, ct);
        return true;
    }
}
