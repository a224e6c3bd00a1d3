using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rumbo.Core.Accounts;
using Rumbo.Core.Localization;
using Rumbo.Core.Translations;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Translations;

/// <summary>
/// The translations of an agenda or a group: per target language how many texts are translated, need review or are
/// missing; the files to download; the import of a translated file (XLIFF 2.0, XLSX or CSV, told apart by content) with
/// its report; and for a chosen language (<c>?lang=fr</c>) the texts still to translate or review, linked to their editors.
/// </summary>
public abstract class TranslationsPage(TranslationReader reader, TranslationImport import, CurrentUser currentUser) : PageModel
{
    public TranslationSet Set { get; private set; } = null!;
    public TranslationStatus Status { get; private set; } = null!;

    /// <summary>The language whose pending texts are listed, when one is chosen.</summary>
    public string? Language { get; private set; }

    public TranslationImportReport? Report { get; private set; }
    public string? UploadedName { get; private set; }

    /// <summary>The agenda's or group's texts, or null when there is no such agenda or group.</summary>
    protected abstract Task<TranslationSet?> ReadSetAsync(string key, CancellationToken ct);

    private async Task<IActionResult?> LoadAsync(string key, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var set = await ReadSetAsync(key, ct);
        if (set is null) return NotFound();
        if (!user.CanTranslate(set)) return StatusCode(StatusCodes.Status403Forbidden);
        Set = set;
        Status = await reader.StatusAsync(set, ct);
        return null;
    }

    public IReadOnlyList<TextStatus> Pending(string language) =>
        Status.In(language).Where(s => s.State != TranslationState.Translated).OrderBy(s => s.State == TranslationState.Missing).ToList();

    public async Task<IActionResult> OnGetAsync(string key, string? lang, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refused) return refused;
        Language = Set.IsTarget(lang) ? lang : null;
        return Page();
    }

    /// <summary>A translated file: read whole and checked before anything is written; a file that cannot be used changes nothing.</summary>
    public async Task<IActionResult> OnPostAsync(string key, string? lang, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refused) return refused;
        if (!Set.IsTarget(lang))
        {
            ModelState.AddMessage("lang", "Choose the language the file is translated into.");
            return Refuse(StatusCodes.Status422UnprocessableEntity);
        }
        Language = lang;
        if (file is null || file.Length == 0)
        {
            ModelState.AddMessage("file", "Choose the translated file (XLIFF, XLSX or CSV).");
            return Refuse(StatusCodes.Status422UnprocessableEntity);
        }
        UploadedName = Path.GetFileName(file.FileName);
        if (file.Length > TranslationImport.MaxUpload)
        {
            ModelState.AddMessage("file", new ValidationMessage("The file is larger than {0} MB.", TranslationImport.MaxUpload / 1024 / 1024));
            return Refuse(StatusCodes.Status413PayloadTooLarge);
        }
        using var content = new MemoryStream();
        await using (var stream = file.OpenReadStream()) await stream.CopyToAsync(content, ct);
        content.Position = 0;
        var (read, problem) = LooksLikeXml(content.GetBuffer().AsSpan(0, (int)content.Length))
            ? Xliff.Read(content, TranslationImport.MaxUpload)
            : TranslationSheet.Read(content);
        if (read is null)
        {
            ModelState.AddMessage("file", problem ?? Xliff.NotXml);
            return Refuse(problem?.Key == Xliff.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity);
        }
        if (read.TargetLanguage is { } target && Primary(target) != lang)
        {
            ModelState.AddMessage("file", new ValidationMessage("The file is translated into {0}, not into {1}: choose its language or upload the right file.",
                InterfaceLanguages.Endonym(Primary(target)), InterfaceLanguages.Endonym(lang!)));
            return Refuse(StatusCodes.Status422UnprocessableEntity);
        }
        if (read.SourceLanguage is { } source && Primary(source) != Set.SourceLanguage)
        {
            ModelState.AddMessage("file", new ValidationMessage("The file's texts are in {0}, but these are written in {1}.",
                InterfaceLanguages.Endonym(Primary(source)), InterfaceLanguages.Endonym(Set.SourceLanguage)));
            return Refuse(StatusCodes.Status422UnprocessableEntity);
        }
        var known = Set.Texts.Select(t => t.UnitId).ToHashSet(StringComparer.Ordinal);
        if ((read.Format == "XLIFF" && !read.FileIds.Contains(Set.FileId)) || !read.Units.Any(u => known.Contains(u.Id)))
        {
            ModelState.AddMessage("file", new ValidationMessage("The file holds none of these texts: it was exported for another agenda or group ({0}).",
                string.Join(", ", read.FileIds.DefaultIfEmpty("?"))));
            return Refuse(StatusCodes.Status422UnprocessableEntity);
        }
        var report = await import.ApplyAsync(Set, lang!, read.Units, ct);
        if (report is null)
        {
            ModelState.AddMessage("file", "Someone saved these texts while the file was being imported; nothing was imported. Upload the file again.");
            await LoadAsync(key, ct);
            return Refuse(StatusCodes.Status409Conflict);
        }
        Report = report;
        // The counts and lists as they are now, with the file's translations.
        await LoadAsync(key, ct);
        return Page();
    }

    private PageResult Refuse(int status)
    {
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>"fr-FR" is French.</summary>
    private static string Primary(string tag) => tag.Split('-', '_')[0].Trim().ToLowerInvariant();

    /// <summary>XML starts with '&lt;' after an optional byte order mark and white space; a table (CSV, or XLSX as a zip) does not.</summary>
    private static bool LooksLikeXml(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return head.Length >= 4 && (head[2] == '<' || head[3] == '<');
        foreach (var b in head)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b == '<';
        }
        return false;
    }
}
