using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;

namespace Rumbo.Core.Documents;

/// <summary>What a document says about itself, as a form or the API sends it.</summary>
public sealed record DocumentMetadata(
    string? Title, string? Symbol, string? Language, DateOnly? Date, DocumentKind? Kind, string? Description,
    IReadOnlyList<string> LineCodes, int? MeetingId, Visibility? Visibility);

/// <summary>An error about one field (its form name), in English; pages show it translated.</summary>
public sealed record FieldError(string Field, string Message, params object[] Arguments)
{
    public string Text => string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, Arguments);
}

/// <summary>
/// Documents and their versions written for pages and API alike: metadata checked against the group (its agenda's
/// lines, its meetings), the file put in the store under its hash only once the row is saved, and the search text kept.
/// </summary>
public sealed class DocumentStore(RumboDbContext db, IFileStore files, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "pt", "fr"];

    public const int MaxTitle = 500;
    public const int MaxSymbol = 64;
    public const int MaxDescription = 4000;
    public const int MaxNote = 500;

    /// <summary>Checks the metadata for a document of the group; answers the errors and the ids of the lines named.</summary>
    public async Task<(List<FieldError> Errors, List<int> LineIds)> ValidateAsync(DocumentMetadata m, int groupId, int? documentId, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(m.Title)) errors.Add(new("Title", "Enter the document's title."));
        else if (m.Title.Trim().Length > MaxTitle) errors.Add(new("Title", "The title is longer than 500 characters."));
        if (m.Symbol?.Trim().Length > MaxSymbol) errors.Add(new("Symbol", "The symbol is longer than 64 characters."));
        if (m.Language is null || !Languages.Contains(m.Language)) errors.Add(new("Language", "Choose the document's language."));
        if (m.Kind is null || !Enum.IsDefined(m.Kind.Value)) errors.Add(new("Kind", "Choose the kind of document."));
        if (m.Visibility is null || !Enum.IsDefined(m.Visibility.Value)) errors.Add(new("Visibility", "Choose who may see the document."));
        if (m.Description?.Trim().Length > MaxDescription) errors.Add(new("Description", "The description is longer than 4000 characters."));
        if (m.Date is { } date && (date.Year < 1900 || date > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(5)))
        {
            errors.Add(new("Date", "Enter a real date."));
        }

        var group = await db.Groups.AsNoTracking().Where(g => g.Id == groupId).Select(g => new { g.AgendaId }).SingleAsync(ct);
        var lines = await LineLinks.ResolveAsync(db, group.AgendaId, m.LineCodes, ct);
        var linked = documentId is null || !lines.AnyRetired
            ? []
            : await db.Set<DocumentLine>().Where(l => l.DocumentId == documentId).Select(l => l.LineOfActionId).ToListAsync(ct);
        if (lines.Problem(linked, "Not a line of action of the group's agenda: {0}.", "A retired line of action cannot be newly linked.") is { } problem)
        {
            errors.Add(new("Lines", problem.Key, problem.Arguments));
        }
        if (m.MeetingId is int meetingId && !await db.Meetings.AnyAsync(x => x.Id == meetingId && x.GroupId == groupId, ct))
        {
            errors.Add(new("MeetingId", "Choose one of the group's meetings."));
        }
        return (errors, [.. lines.Ids]);
    }

    /// <summary>Applies checked metadata to a tracked document, its lines and its search text.</summary>
    public static void Apply(Document d, DocumentMetadata m, IReadOnlyList<int> lineIds)
    {
        d.Title = Clean(m.Title)!;
        d.Symbol = Clean(m.Symbol);
        d.Language = m.Language!;
        d.Date = m.Date;
        d.Kind = m.Kind!.Value;
        d.Description = string.IsNullOrWhiteSpace(m.Description) ? null : m.Description.Trim().Replace("\r\n", "\n");
        d.MeetingId = m.MeetingId;
        d.Visibility = m.Visibility!.Value;
        LineLinks.Replace(d.Lines, lineIds);
        d.SearchText = SearchText(d, d.Versions.OrderByDescending(v => v.Number).FirstOrDefault()?.ExtractedText);
    }

    /// <summary>Creates the document with its first version: the row is saved first, then the file stored.</summary>
    public async Task<Document> CreateAsync(int groupId, DocumentMetadata m, IReadOnlyList<int> lineIds, ReceivedFile file, string? note, int? userId, DateTime now, CancellationToken ct)
    {
        var d = new Document { GroupId = groupId, CreatedAtUtc = now, Version = 1 };
        d.Versions.Add(NewVersion(1, file, note, userId, now));
        Apply(d, m, lineIds);
        db.Documents.Add(d);
        await SaveWithFileAsync(file, ct);
        return d;
    }

    /// <summary>
    /// Adds a version to a tracked document (with its versions) if nobody changed it since <paramref name="version"/>;
    /// false on a lost race, with nothing stored.
    /// </summary>
    public async Task<bool> AddVersionAsync(Document d, int version, ReceivedFile file, string? note, int? userId, DateTime now, CancellationToken ct)
    {
        if (d.Version != version) return false;
        var number = d.Versions.Count == 0 ? 1 : d.Versions.Max(v => v.Number) + 1;
        d.Versions.Add(NewVersion(number, file, note, userId, now));
        d.SearchText = SearchText(d, file.Text);
        // Lost to another save (the version token, or the same number taken): nothing was written.
        return await db.SaveIfVersionAsync(d, x => x.Version, version, ct, () => SaveWithFileAsync(file, ct), orDuplicate: true);
    }

    private static DocumentVersion NewVersion(int number, ReceivedFile file, string? note, int? userId, DateTime now) => new()
    {
        Number = number,
        ContentHash = file.Hash,
        MediaType = file.MediaType,
        Extension = file.Extension,
        Size = file.Size,
        FileName = file.FileName,
        ExtractedText = file.Text,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        UploadedAtUtc = now,
        UploadedByUserId = userId,
    };

    /// <summary>
    /// The file goes into the store before the row is committed, so a saved row always has its file; when the save
    /// fails, the file is taken out again unless another version already held the same content.
    /// </summary>
    private async Task SaveWithFileAsync(ReceivedFile file, CancellationToken ct)
    {
        var existed = files.Exists(file.Hash);
        await file.CommitAsync(files, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            if (!existed && !await db.Set<DocumentVersion>().AsNoTracking().AnyAsync(v => v.ContentHash == file.Hash, CancellationToken.None))
            {
                files.Delete(file.Hash);
            }
            throw;
        }
    }

    /// <summary>Title, symbol, description and text folded as the search folds a query; one space between words.</summary>
    public static string SearchText(Document d, string? text) =>
        Fold(string.Join('\n', new[] { d.Title, d.Symbol, d.Description, text }.Where(s => !string.IsNullOrWhiteSpace(s))));

    public static string Fold(string s) => string.Join(' ', AgendaSearch.Fold(s).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string? Clean(string? s) =>
        string.IsNullOrWhiteSpace(s) ? null : string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
