using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Documents;
using Rumbo.Core.Meetings;
using Rumbo.Web.Infrastructure;
using static Rumbo.Web.Api.ApiProblem;

namespace Rumbo.Web.Api;

public sealed record DocumentGroupRef(string Slug, LocalizedString Name, string Self, string Html);

/// <summary>A version's file: Download is where its bytes are, with the media type found in its content.</summary>
public sealed record DocumentFileDto(int Number, string MediaType, long Size, string FileName, DateTime UploadedAtUtc, string Download);

/// <summary>A document in a list. Excerpt is the text around the first match, in parts, the matching ones marked; null without a query.</summary>
public sealed record DocumentSummary(
    int Id, string Title, string? Symbol, string Language, DateOnly? Date, DocumentKind Kind, Visibility Visibility,
    DocumentGroupRef Group, DocumentFileDto? Current, IReadOnlyList<SearchSegmentDto>? Excerpt, string Self, string Html);

public sealed record DocumentVersionDto(
    int Number, string ContentHash, string MediaType, long Size, string FileName, string? Note, DateTime UploadedAtUtc,
    string? UploadedBy, bool TextExtracted, string Download);

public sealed record DocumentLineRef(string Code, LocalizedString Text, string AgendaSlug, string Self, string Html);

public sealed record DocumentMeetingRef(int Id, LocalizedString Title, DateTime StartsAtUtc, string Self, string Html);

public sealed record DocumentView(
    int Id, string Title, string? Symbol, string Language, DateOnly? Date, DocumentKind Kind, string? Description,
    Visibility Visibility, DocumentGroupRef Group, DocumentMeetingRef? Meeting, IReadOnlyList<DocumentLineRef> Lines,
    IReadOnlyList<DocumentVersionDto> Versions, string Self, string Html);

public static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder v1)
    {
        // Reads are cached whole for anonymous callers only (the output cache neither stores nor serves a request with
        // a token or a cookie), so a member's answer, which may hold members-only documents, is never shared.
        var api = v1.MapGroup("").WithTags("Documents");

        api.MapGet("/documents", async Task<Results<Ok<List<DocumentSummary>>, ProblemHttpResult>> (
            [FromQuery] string? q, [FromQuery] string? group, [FromQuery] string? kind, [FromQuery] string? language, [FromQuery] string? line,
            ClaimsPrincipal principal, CurrentUser currentUser, DocumentReader reader, HttpContext http, CancellationToken ct) =>
        {
            DocumentKind? k = null;
            if (!string.IsNullOrWhiteSpace(kind))
            {
                if (!Enum.TryParse<DocumentKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                    return Problem(StatusCodes.Status400BadRequest, "Unknown kind", $"'{kind}' is not a kind of document: use one of {string.Join(", ", Names<DocumentKind>())}.");
                k = parsed;
            }
            if (!string.IsNullOrWhiteSpace(language) && !DocumentStore.Languages.Contains(language))
                return Problem(StatusCodes.Status400BadRequest, "Unknown language", $"'{language}' is not a language of the documents: use one of {string.Join(", ", DocumentStore.Languages)}.");
            var user = await currentUser.GetAsync(principal, ct);
            var (items, _) = await reader.ListAsync(new DocumentFilter(q, Blank(group), k, Blank(language), Line: Blank(line)), user, 200, ct);
            return TypedResults.Ok(items.Select(Summary).ToList());
        })
        .CacheOutput(ContentCache.Policy)
        .WithName("ListDocuments")
        .WithSummary("Documents the caller may see, newest first: public ones for everyone, members-only ones for the group's members with a token.")
        .WithDescription("q holds words and \"quoted phrases\" found in titles, symbols, descriptions and the text of the files, ignoring case and accents; group is a group's slug; kind (report, minutes…); language (en, es, pt, fr); line is a line's code (2.4.1) or agenda and code (lc-crp-20-6:2.4.1).");

        api.MapGet("/documents/{id:int}", async Task<Results<Ok<DocumentView>, ProblemHttpResult>> (
            int id, ClaimsPrincipal principal, CurrentUser currentUser, DocumentReader reader, HttpContext http, CancellationToken ct) =>
        {
            var user = await currentUser.GetAsync(principal, ct);
            var d = await reader.GetAsync(id, user, ct);
            if (d is null) return NotFound($"No document you may see has the id {id}.");
            return TypedResults.Ok(View(d));
        })
        .CacheOutput(ContentCache.Policy)
        .WithName("GetDocument")
        .WithSummary("One document: its metadata, lines of action, meeting and versions, each with its download.");

        api.MapGet("/documents/{id:int}/versions/{number:int}/file", (int id, int number, HttpContext http, CancellationToken ct) => FileAsync(id, number, api: true, http, ct))
            .WithName("GetDocumentFile")
            .WithSummary("A version's file, with the media type found in its content, as an attachment.");

        var limit = v1.ServiceProvider.GetRequiredService<DocumentsOptions>().MaxRequestBytes;
        api.MapPost("/documents", UploadAsync)
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = AccessTokenHandler.SchemeName })
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("UploadDocument")
            .WithSummary("Uploads a document to a group's repository (its coordinators and the secretariat, with a personal access token).")
            .WithDescription("multipart/form-data with: file; group (slug); title; symbol; language (en, es, pt, fr); date (yyyy-mm-dd); kind; description; lines (codes, repeated or comma-separated); meeting (id); visibility (members or public); note. The type is found from the content: 415 for a type Rumbo does not take or a name whose extension contradicts it, 413 for a file over the limit, 422 for bad metadata, an empty or damaged file, a compressed bomb or a name with folders or control characters.");

        return v1;
    }

    /// <summary>The download link of the pages: a signed-out reader of a file they may not see is asked to sign in, whether or not it exists.</summary>
    public static IEndpointRouteBuilder MapDocumentFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/documents/{id:int}/versions/{number:int}/file", (int id, int number, HttpContext http, CancellationToken ct) => FileAsync(id, number, api: false, http, ct))
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> FileAsync(int id, int number, bool api, HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        var user = await services.GetRequiredService<CurrentUser>().GetAsync(http.User, ct);
        var reader = services.GetRequiredService<DocumentReader>();
        var version = await reader.VersionAsync(id, number, user, ct);
        if (version is null)
        {
            if (api) return NotFound($"No document you may see has the id {id} and a version {number}.");
            // As the document page: signed out, any file one may not see asks to sign in, whether or not it exists.
            return user.IsSignedIn ? Results.NotFound() : Results.Challenge();
        }
        var stream = services.GetRequiredService<IFileStore>().OpenRead(version.ContentHash);
        if (stream is null)
        {
            services.GetRequiredService<ILogger<IFileStore>>().LogError("The file {Hash} of document {Id} version {Number} is missing from the store.", version.ContentHash, id, number);
            return api ? NotFound("The file of this version is missing from the store.") : Results.NotFound();
        }
        // Signed in, the reader may be seeing a members-only file.
        StoredFiles.Protect(http.Response, isPublic: !user.IsSignedIn);
        return Results.File(stream, version.MediaType, FileNames.DownloadName(version.FileName, version.Extension), enableRangeProcessing: true);
    }

    private static async Task<IResult> UploadAsync(HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        var uploads = services.GetRequiredService<DocumentUploads>();
        var options = uploads.Options;
        if (http.Request.ContentLength > options.MaxRequestBytes) return Problem(StatusCodes.Status413PayloadTooLarge, "Too large", uploads.TooLarge.Text);
        if (!http.Request.HasFormContentType)
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Not a form", "Send the document as multipart/form-data, with the file in the field 'file'.");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = options.MaxRequestBytes;

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Too large", uploads.TooLarge.Text);
        }
        catch (InvalidDataException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Unreadable form", e.Message);
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException && !ct.IsCancellationRequested)
        {
            // A body that ends before the form does (a multipart body cut in the middle).
            return Problem(StatusCodes.Status400BadRequest, "Unreadable form", "The body ended before the form did. Send the whole form again.");
        }

        var user = await services.GetRequiredService<CurrentUser>().GetAsync(http.User, ct);
        var db = services.GetRequiredService<RumboDbContext>();
        var slug = Blank(form["group"]);
        if (slug is null) return Validation(new Dictionary<string, string[]> { ["group"] = ["Give the group's slug."] });
        var groupId = await db.Groups.AsNoTracking().Where(g => g.Slug == slug).Select(g => (int?)g.Id).SingleOrDefaultAsync(ct);
        if (groupId is null) return NotFound($"No group has the slug '{slug}'.");
        if (!user.CanUploadDocument(groupId.Value)) return Problem(StatusCodes.Status403Forbidden, "Forbidden", "Only the group's coordinators and the secretariat upload documents to its repository.");

        var errors = new Dictionary<string, string[]>();
        DateOnly? date = null;
        if (Blank(form["date"]) is { } d)
        {
            if (DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) date = parsed;
            else errors["date"] = ["Give the date as yyyy-mm-dd."];
        }
        DocumentKind? kind = Enum.TryParse<DocumentKind>(form["kind"], ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;
        Visibility? visibility = Enum.TryParse<Visibility>(form["visibility"], ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : null;
        int? meeting = null;
        if (Blank(form["meeting"]) is { } m)
        {
            if (int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var mid)) meeting = mid;
            else errors["meeting"] = ["Give the meeting's id."];
        }
        var metadata = new DocumentMetadata(form["title"], form["symbol"], Blank(form["language"])?.ToLowerInvariant(), date, kind, form["description"],
            AgendaKeys.ParseCodeList(string.Join(',', form["lines"].ToArray())), meeting, visibility);
        var store = services.GetRequiredService<DocumentStore>();
        var (fieldErrors, lineIds) = await store.ValidateAsync(metadata, groupId.Value, null, ct);
        foreach (var e in fieldErrors)
        {
            var key = e.Field == "MeetingId" ? "meeting" : e.Field.ToLowerInvariant();
            errors.TryAdd(key, [e.Text]);
        }
        string? note = form["note"];
        if (note?.Trim().Length > DocumentStore.MaxNote) errors["note"] = ["The note is longer than 500 characters."];

        var file = form.Files.GetFile("file");
        if (file is null) return Validation(new Dictionary<string, string[]>(errors) { ["file"] = [DocumentUploads.NoFile.Text] });
        await using var stream = file.OpenReadStream();
        var (received, refusal) = await uploads.ReceiveAsync(stream, file.FileName, file.Length, ct);
        await using var _ = received;
        if (refusal is not null)
        {
            var status = refusal.Problem switch
            {
                UploadProblem.TooLarge => StatusCodes.Status413PayloadTooLarge,
                UploadProblem.UnknownType or UploadProblem.LegacyOffice or UploadProblem.Macros or UploadProblem.ExtensionMismatch => StatusCodes.Status415UnsupportedMediaType,
                _ => StatusCodes.Status422UnprocessableEntity,
            };
            if (status != StatusCodes.Status422UnprocessableEntity) return Problem(status, "File refused", refusal.Text);
            errors["file"] = [refusal.Text];
        }
        if (errors.Count > 0 || received is null) return Validation(errors);

        var clock = services.GetRequiredService<TimeProvider>();
        var document = await store.CreateAsync(groupId.Value, metadata, lineIds, received, note, user.UserId, clock.GetUtcNow().UtcDateTime, ct);
        var detail = await services.GetRequiredService<DocumentReader>().GetAsync(document.Id, user, ct);
        return TypedResults.Created($"/api/v1/documents/{document.Id}", View(detail!));
    }

    private static DocumentGroupRef Group(DocumentGroup g) => new(g.Slug, g.Name, $"/api/v1/groups/{g.Slug}", $"/groups/{g.Slug}");

    private static DocumentSummary Summary(DocumentListItem d) => new(d.Id, d.Title, d.Symbol, d.Language, d.Date, d.Kind, d.Visibility, Group(d.Group),
        d.Current is null ? null : new DocumentFileDto(d.Current.Number, d.Current.MediaType, d.Current.Size, d.Current.FileName, d.Current.UploadedAtUtc,
            $"/api/v1/documents/{d.Id}/versions/{d.Current.Number}/file"),
        d.Excerpt?.Select(s => new SearchSegmentDto(s.Text, s.Match)).ToList(),
        $"/api/v1/documents/{d.Id}", $"/documents/{d.Id}");

    private static DocumentView View(DocumentDetail d) => new(d.Id, d.Title, d.Symbol, d.Language, d.Date, d.Kind, d.Description, d.Visibility, Group(d.Group),
        d.Meeting is null ? null : new DocumentMeetingRef(d.Meeting.Id, d.Meeting.Title, d.Meeting.StartsAtUtc, $"/api/v1/meetings/{d.Meeting.Id}", $"/meetings/{d.Meeting.Id}"),
        d.Lines.Select(l => new DocumentLineRef(l.Code, l.Text, l.AgendaSlug, $"/api/v1/agendas/{l.AgendaSlug}/lines/{l.Code}", $"/agendas/{l.AgendaSlug}/lines/{l.Code}")).ToList(),
        d.Versions.Select(v => new DocumentVersionDto(v.Number, v.ContentHash, v.MediaType, v.Size, v.FileName, v.Note, v.UploadedAtUtc, v.UploadedBy, v.TextExtracted,
            $"/api/v1/documents/{d.Id}/versions/{v.Number}/file")).ToList(),
        $"/api/v1/documents/{d.Id}", $"/documents/{d.Id}");

    private static IEnumerable<string> Names<TEnum>() where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Select(n => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(n));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();



    private static ProblemHttpResult Validation(Dictionary<string, string[]> errors) => ApiProblem.Validation("The document was not stored", errors);
}
