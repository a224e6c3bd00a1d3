using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;

namespace Rumbo.Core.Documents;

/// <summary>A group as a document names it; <paramref name="Language"/> is that of its name's source text.</summary>
public sealed record DocumentGroup(int Id, string Slug, LocalizedString Name, string Language);

/// <summary>The current (latest) version's file.</summary>
public sealed record DocumentFile(int Number, string MediaType, string Extension, long Size, string FileName, DateTime UploadedAtUtc);

public sealed record DocumentListItem(
    int Id, string Title, string? Symbol, string Language, DateOnly? Date, DocumentKind Kind, Visibility Visibility,
    DateTime CreatedAtUtc, DocumentGroup Group, DocumentFile? Current)
{
    /// <summary>The text around the first match, with the matches marked; null without a query or when only the title matched.</summary>
    public IReadOnlyList<TextSegment>? Excerpt { get; init; }
}

public sealed record DocumentVersionItem(
    int Number, string ContentHash, string MediaType, string Extension, long Size, string FileName, string? Note,
    DateTime UploadedAtUtc, string? UploadedBy, bool TextExtracted);

public sealed record DocumentLineItem(int Id, string Code, LocalizedString Text, string AgendaSlug, string Language);

public sealed record DocumentMeeting(int Id, LocalizedString Title, DateTime StartsAtUtc, string Language);

public sealed record DocumentDetail(
    int Id, string Title, string? Symbol, string Language, DateOnly? Date, DocumentKind Kind, string? Description,
    Visibility Visibility, DateTime CreatedAtUtc, DocumentGroup Group, DocumentMeeting? Meeting,
    IReadOnlyList<DocumentLineItem> Lines, IReadOnlyList<DocumentVersionItem> Versions, int Version)
{
    public DocumentVersionItem? Current => Versions.Count == 0 ? null : Versions[0];
}

/// <summary>
/// Filters of the repository and the search. <paramref name="Line"/> is a line's code (2.4.1), or agenda and code
/// (lc-crp-20-6:2.4.1); <paramref name="Group"/> a group's slug.
/// </summary>
public sealed record DocumentFilter(
    string? Query = null, string? Group = null, DocumentKind? Kind = null, string? Language = null, int? Year = null,
    string? Line = null, int? LineId = null, int? MeetingId = null, int? GroupId = null);

/// <summary>
/// Reads documents for pages, API and view components, never showing what the reader may not see: members-only
/// documents only to their group's members and the secretariat.
/// </summary>
public sealed class DocumentReader(RumboDbContext db)
{
    public const int PageSize = 50;

    private sealed record ListRow(
        int Id, string Title, string? Symbol, string Language, DateOnly? Date, DocumentKind Kind, Visibility Visibility,
        DateTime CreatedAtUtc, string? Description, DocumentGroup Group);

    private sealed record CurrentRow(int DocumentId, DocumentFile File, string? Text);

    private static readonly Expression<Func<Document, ListRow>> Row = d => new ListRow(
        d.Id, d.Title, d.Symbol, d.Language, d.Date, d.Kind, d.Visibility, d.CreatedAtUtc, d.Description,
        new DocumentGroup(d.Group!.Id, d.Group.Slug, d.Group.Name.ToDocument(), d.Group.Agenda!.DocumentLanguage));

    // A group's and a meeting's page list their documents on every request: compiled once (decision 0018). The
    // reader's visibility is passed as values (all, groups), as the other compiled queries do.
    private static readonly CompiledQuery<Func<RumboDbContext, int, bool, List<int>, int, IAsyncEnumerable<ListRow>>> OfGroup = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int groupId, bool all, List<int> groups, int take) => db.Documents.AsNoTracking()
            .Where(d => d.GroupId == groupId && (all || d.Visibility == Visibility.Public || groups.Contains(d.GroupId)))
            .OrderBy(d => d.Date == null).ThenByDescending(d => d.Date).ThenByDescending(d => d.Id)
            .Take(take).Select(Row)));

    private static readonly CompiledQuery<Func<RumboDbContext, int, bool, List<int>, CancellationToken, Task<int>>> CountOfGroup = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int groupId, bool all, List<int> groups, CancellationToken ct) => db.Documents
            .Count(d => d.GroupId == groupId && (all || d.Visibility == Visibility.Public || groups.Contains(d.GroupId)))));

    private static readonly CompiledQuery<Func<RumboDbContext, int, bool, List<int>, int, IAsyncEnumerable<ListRow>>> OfMeeting = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int meetingId, bool all, List<int> groups, int take) => db.Documents.AsNoTracking()
            .Where(d => d.MeetingId == meetingId && (all || d.Visibility == Visibility.Public || groups.Contains(d.GroupId)))
            .OrderBy(d => d.Date == null).ThenByDescending(d => d.Date).ThenByDescending(d => d.Id)
            .Take(take).Select(Row)));

    // The listed documents' current versions (and their text, for a search's excerpts) in a second query: taking them
    // inside the first made the database number every version of every document on each listing, and made the
    // statement costly to prepare even for a group without documents.
    private static readonly CompiledQuery<Func<RumboDbContext, List<int>, bool, IAsyncEnumerable<CurrentRow>>> Current = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, List<int> ids, bool withText) => db.DocumentVersions.AsNoTracking()
            .Where(v => ids.Contains(v.DocumentId) && v.Number == db.DocumentVersions.Where(x => x.DocumentId == v.DocumentId).Max(x => x.Number))
            .Select(v => new CurrentRow(v.DocumentId,
                new DocumentFile(v.Number, v.MediaType, v.Extension, v.Size, v.FileName, v.UploadedAtUtc),
                withText ? v.ExtractedText : null))));

    /// <summary>The documents the reader may see that match, newest first, with the total count.</summary>
    public async Task<(IReadOnlyList<DocumentListItem> Items, int Total)> ListAsync(DocumentFilter f, CurrentUser.Snapshot reader, int take, CancellationToken ct)
    {
        var q = Visible(reader);
        var terms = AgendaSearch.ParseQuery(f.Query);
        foreach (var term in terms)
        {
            // One LIKE per word or phrase on the folded text: the same on SQLite and PostgreSQL (decision 0010).
            var pattern = "%" + Escape(term) + "%";
            q = q.Where(d => EF.Functions.Like(d.SearchText, pattern, "\\"));
        }
        if (f.GroupId is int groupId) q = q.Where(d => d.GroupId == groupId);
        if (!string.IsNullOrWhiteSpace(f.Group)) q = q.Where(d => d.Group!.Slug == f.Group);
        if (f.Kind is DocumentKind kind) q = q.Where(d => d.Kind == kind);
        if (!string.IsNullOrWhiteSpace(f.Language)) q = q.Where(d => d.Language == f.Language);
        if (f.Year is int year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            q = q.Where(d => d.Date >= from && d.Date <= to);
        }
        if (f.MeetingId is int meetingId) q = q.Where(d => d.MeetingId == meetingId);
        if (f.LineId is int lineId)
        {
            // From the line's links, not a scan of every document (as for meetings and agreements).
            var linked = db.DocumentLines.Where(l => l.LineOfActionId == lineId).Select(l => l.DocumentId);
            q = q.Where(d => linked.Contains(d.Id));
        }
        if (!string.IsNullOrWhiteSpace(f.Line))
        {
            var parts = f.Line.Trim().Split(':');
            var code = parts[^1];
            var agenda = parts.Length > 1 ? parts[0].ToLowerInvariant() : null;
            q = q.Where(d => d.Lines.Any(l => l.LineOfAction!.Code == code && (agenda == null || l.LineOfAction.Agenda!.Slug == agenda)));
        }

        var rows = await q
            .OrderBy(d => d.Date == null).ThenByDescending(d => d.Date).ThenByDescending(d => d.Id)
            .Take(take)
            .Select(Row)
            .ToListAsync(ct);
        // A short list is the whole count: most groups and meetings hold fewer documents than a page shows.
        var total = rows.Count < take ? rows.Count : await q.CountAsync(ct);
        return (await ItemsAsync(rows, terms, ct), total);
    }

    /// <summary>A group's newest <paramref name="take"/> documents the reader may see, and how many there are.</summary>
    public async Task<(IReadOnlyList<DocumentListItem> Items, int Total)> OfGroupAsync(int groupId, CurrentUser.Snapshot reader, int take, CancellationToken ct)
    {
        var groups = reader.MemberGroups.ToList();
        var rows = await OfGroup.For(db)(db, groupId, reader.IsSecretariatAdmin, groups, take).ToListAsync(ct);
        var total = rows.Count < take ? rows.Count : await CountOfGroup.For(db)(db, groupId, reader.IsSecretariatAdmin, groups, ct);
        return (await ItemsAsync(rows, [], ct), total);
    }

    /// <summary>The documents of a meeting the reader may see, newest first (at most a page).</summary>
    public async Task<IReadOnlyList<DocumentListItem>> OfMeetingAsync(int meetingId, CurrentUser.Snapshot reader, CancellationToken ct)
    {
        var rows = await OfMeeting.For(db)(db, meetingId, reader.IsSecretariatAdmin, reader.MemberGroups.ToList(), PageSize).ToListAsync(ct);
        return await ItemsAsync(rows, [], ct);
    }

    private async Task<IReadOnlyList<DocumentListItem>> ItemsAsync(List<ListRow> rows, IReadOnlyList<string> terms, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var current = (await Current.For(db)(db, rows.Select(r => r.Id).ToList(), terms.Count > 0).ToListAsync(ct))
            .ToDictionary(v => v.DocumentId);
        return rows.Select(r => new DocumentListItem(r.Id, r.Title, r.Symbol, r.Language, r.Date, r.Kind, r.Visibility, r.CreatedAtUtc,
                r.Group, current.GetValueOrDefault(r.Id)?.File)
            {
                Excerpt = terms.Count == 0 ? null : Excerpt(current.GetValueOrDefault(r.Id)?.Text, terms) ?? Excerpt(r.Description, terms),
            })
            .ToList();
    }

    /// <summary>One document with its versions (newest first), or null when there is none the reader may see.</summary>
    public async Task<DocumentDetail?> GetAsync(int id, CurrentUser.Snapshot reader, CancellationToken ct)
    {
        var d = await Visible(reader).Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Title, x.Symbol, x.Language, x.Date, x.Kind, x.Description, x.Visibility, x.CreatedAtUtc, x.Version,
                Group = new { x.Group!.Id, x.Group.Slug, Name = x.Group.Name.ToDocument(), x.Group.Agenda!.DocumentLanguage },
                Meeting = x.Meeting == null ? null : new { x.Meeting.Id, Title = x.Meeting.Title.ToDocument(), x.Meeting.StartsAtUtc },
            })
            .SingleOrDefaultAsync(ct);
        if (d is null) return null;
        var versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id).OrderByDescending(v => v.Number)
            .Select(v => new
            {
                v.Number, v.ContentHash, v.MediaType, v.Extension, v.Size, v.FileName, v.Note, v.UploadedAtUtc,
                // The uploader by their person's name only: an account's e-mail address is never shown with a document.
                By = db.Users.Where(u => u.Id == v.UploadedByUserId && u.Person != null).Select(u => u.Person!.GivenName + " " + u.Person.FamilyName).FirstOrDefault(),
                Extracted = v.ExtractedText != null,
            })
            .ToListAsync(ct);
        var lines = await db.DocumentLines.AsNoTracking().Where(l => l.DocumentId == id)
            .Select(l => new
            {
                l.LineOfAction!.Id, l.LineOfAction.Code, Text = l.LineOfAction.Text.ToDocument(),
                l.LineOfAction.Agenda!.Slug, l.LineOfAction.Agenda.DocumentLanguage,
            })
            .ToListAsync(ct);
        var language = d.Group.DocumentLanguage;
        return new DocumentDetail(d.Id, d.Title, d.Symbol, d.Language, d.Date, d.Kind, d.Description, d.Visibility, d.CreatedAtUtc,
            new DocumentGroup(d.Group.Id, d.Group.Slug, d.Group.Name, language),
            d.Meeting is null ? null : new DocumentMeeting(d.Meeting.Id, d.Meeting.Title, d.Meeting.StartsAtUtc, language),
            lines.OrderBy(l => l.Slug).ThenBy(l => l.Code, Agendas.CodeComparer.Instance)
                .Select(l => new DocumentLineItem(l.Id, l.Code, l.Text, l.Slug, l.DocumentLanguage)).ToList(),
            versions.Select(v => new DocumentVersionItem(v.Number, v.ContentHash, v.MediaType, v.Extension, v.Size, v.FileName, v.Note, v.UploadedAtUtc, v.By,
                v.Extracted || FileTypes.FromMediaType(v.MediaType) is not { } f || !FileTypes.HasText(f))).ToList(),
            d.Version);
    }

    /// <summary>A version's file as a download needs it, or null when there is none the reader may see.</summary>
    public async Task<DocumentVersionItem?> VersionAsync(int id, int number, CurrentUser.Snapshot reader, CancellationToken ct)
    {
        if (!await Visible(reader).AnyAsync(d => d.Id == id, ct)) return null;
        return await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id && v.Number == number)
            .Select(v => new DocumentVersionItem(v.Number, v.ContentHash, v.MediaType, v.Extension, v.Size, v.FileName, v.Note, v.UploadedAtUtc, null, v.ExtractedText != null))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The years of the group's documents the reader may see, newest first, for the repository's filter.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(int groupId, CurrentUser.Snapshot reader, CancellationToken ct)
    {
        var dates = await Visible(reader).Where(d => d.GroupId == groupId && d.Date != null).Select(d => d.Date!.Value).ToListAsync(ct);
        return dates.Select(d => d.Year).Distinct().OrderDescending().ToList();
    }

    private IQueryable<Document> Visible(CurrentUser.Snapshot reader)
    {
        var q = db.Documents.AsNoTracking();
        if (reader.IsSecretariatAdmin) return q;
        var groups = reader.MemberGroups.ToList();
        return q.Where(d => d.Visibility == Visibility.Public || groups.Contains(d.GroupId));
    }

    private static string Escape(string term) => term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>About 250 characters around the first match in the text, every term marked.</summary>
    public static IReadOnlyList<TextSegment>? Excerpt(string? text, IReadOnlyList<string> terms)
    {
        if (string.IsNullOrWhiteSpace(text) || terms.Count == 0) return null;
        // Fold keeps one character for one, so positions in the folded text are positions in the text.
        var shown = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var folded = AgendaSearch.Fold(shown);
        var first = terms.Select(t => folded.IndexOf(t, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (first < 0) return null;
        var start = Math.Max(0, first - 100);
        if (start > 0)
        {
            var space = shown.IndexOf(' ', start);
            start = space >= 0 && space < first ? space + 1 : start;
        }
        var end = Math.Min(shown.Length, first + 180);
        if (end < shown.Length)
        {
            var space = shown.LastIndexOf(' ', end);
            end = space > first ? space : end;
        }
        var marks = new bool[end - start];
        foreach (var term in terms)
        {
            for (var at = folded.IndexOf(term, start, StringComparison.Ordinal); at >= 0 && at < end; at = folded.IndexOf(term, at + term.Length, StringComparison.Ordinal))
            {
                for (var i = at; i < Math.Min(end, at + term.Length); i++) marks[i - start] = true;
            }
        }
        var segments = new List<TextSegment>();
        if (start > 0) segments.Add(new TextSegment("…", false));
        var from = 0;
        for (var i = 1; i <= marks.Length; i++)
        {
            if (i == marks.Length || marks[i] != marks[from])
            {
                segments.Add(new TextSegment(shown.Substring(start + from, i - from), marks[from]));
                from = i;
            }
        }
        if (end < shown.Length) segments.Add(new TextSegment("…", false));
        return segments;
    }
}
