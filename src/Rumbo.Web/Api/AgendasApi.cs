using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Agendas;
using static Rumbo.Web.Api.ApiProblem;

namespace Rumbo.Web.Api;

/// <summary>The API returns these records, never entities: they are the public contract.</summary>
public sealed record AgendaListItem(
    int Id, string Symbol, string Slug, string? SourceDocument, LocalizedString Title, LocalizedString AdoptingBody,
    string? Place, DateOnly? Date, AgendaStatus Status, string DocumentLanguage, LocalizedString AreaLevelName,
    AgendaCounts Counts, AgendaLinks Links);

public sealed record AgendaCounts(int Principles, int Areas, int Objectives, int Lines);

public sealed record AgendaLinks(string Self, string Html, string Csv, string Json, string Xlsx);

public sealed record AgendaDetail(
    int Id, string Symbol, string Slug, string? SourceDocument, LocalizedString Title, LocalizedString AdoptingBody,
    LocalizedString Meeting, string? Place, DateOnly? Date, AgendaStatus Status, string DocumentLanguage, string OriginalLanguage,
    LocalizedString AreaLevelName, LocalizedString Description, LocalizedString FollowUpMechanism,
    IReadOnlyList<PrincipleDto> Principles, IReadOnlyList<AreaDto> Areas, DateTime UpdatedAt, AgendaLinks Links);

public sealed record PrincipleDto(int Number, LocalizedString Text);

public sealed record AreaDto(string Code, int Number, LocalizedString Title, IReadOnlyList<ObjectiveDto> Objectives);

/// <summary>Listed in display order; <c>retiredOn</c> is set for a retired objective, which keeps its code.</summary>
public sealed record ObjectiveDto(string Code, int Number, LocalizedString Text, DateOnly? RetiredOn, IReadOnlyList<LineDto> Lines);

/// <summary>Listed in display order; <c>retiredOn</c> is set for a retired line, which keeps its code and its page.</summary>
public sealed record LineDto(string Code, int Number, LocalizedString Text, DateOnly? RetiredOn);

public sealed record LineDetail(
    string Code, int Number, LocalizedString Text, DateOnly? RetiredOn, AgendaRef Agenda, AreaRef Area, ObjectiveRef Objective,
    string? PreviousCode, string? NextCode, string Html);

public sealed record AgendaRef(int Id, string Symbol, string Slug, LocalizedString Title);

public sealed record AreaRef(string Code, LocalizedString Title);

public sealed record ObjectiveRef(string Code, LocalizedString Text);

public sealed record SearchResponse(string Query, int Total, IReadOnlyList<SearchHitDto> Hits);

/// <summary>A text that matched: its parts in order, the matching ones marked, so clients highlight without re-searching.</summary>
public sealed record SearchHitDto(string Agenda, string AgendaSymbol, string Kind, string? Code, string Language, IReadOnlyList<SearchSegmentDto> Segments, string Html);

public sealed record SearchSegmentDto(string Text, bool Match);

public static class AgendasApi
{
    public static IEndpointRouteBuilder MapAgendasApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("").WithTags("Agendas").CacheOutput(Infrastructure.ContentCache.Policy);

        api.MapMethods("/agendas", GetAndHead, async (AgendaReader reader, CancellationToken ct) =>
        {
            var list = await reader.ListAsync(ct);
            return list.Select(a => new AgendaListItem(a.Id, a.Symbol, a.Slug, a.SourceDocument, a.Title, a.AdoptingBody, a.Place, a.Date,
                a.Status, a.DocumentLanguage, a.AreaLevelName, new AgendaCounts(a.Principles, a.Areas, a.Objectives, a.Lines), Links(a.Slug))).ToList();
        })
        .WithName("ListAgendas").WithSummary("All agendas, newest first.");

        api.MapMethods("/agendas/{key}", GetAndHead, async Task<Results<Ok<AgendaDetail>, ProblemHttpResult>> (string key, AgendaReader reader, CancellationToken ct) =>
        {
            var t = await reader.GetTreeAsync(key, ct);
            if (t is null) return NotFound($"No agenda has the id, symbol or slug '{key}'.");
            return TypedResults.Ok(new AgendaDetail(t.Id, t.Symbol, t.Slug, t.SourceDocument, t.Title, t.AdoptingBody, t.Meeting, t.Place, t.Date,
                t.Status, t.DocumentLanguage, t.OriginalLanguage, t.AreaLevelName, t.Description, t.FollowUpMechanism,
                t.Principles.Select(p => new PrincipleDto(p.Number, p.Text)).ToList(),
                t.Areas.Select(a => new AreaDto(a.Code, a.Number, a.Title, a.Objectives.Select(o => new ObjectiveDto(o.Code, o.Number, o.Text, o.RetiredOn,
                    o.Lines.Select(l => new LineDto(l.Code, l.Number, l.Text, l.RetiredOn)).ToList())).ToList())).ToList(),
                t.UpdatedAt, Links(t.Slug)));
        })
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithName("GetAgenda")
        .WithSummary("One agenda with its whole tree: principles, areas, strategic objectives and lines of action, with their codes.")
        .WithDescription("The key is the numeric id, the slug (lc-crp-20-6), or the symbol with its slashes URL-encoded (LC%2FCRP.20%2F6) or written as dashes (LC-CRP.20-6).");

        api.MapMethods("/agendas/{key}/lines/{code}", GetAndHead, async Task<Results<Ok<LineDetail>, ProblemHttpResult>> (string key, string code, AgendaReader reader, CancellationToken ct) =>
        {
            if (!AgendaKeys.IsValidCode(code))
                return Problem(StatusCodes.Status400BadRequest, "Invalid code", $"'{code}' is not a code: codes are numbers separated by dots, such as 3.2.4.");
            var c = await reader.GetLineAsync(key, code, ct);
            if (c is null)
            {
                return await reader.ResolveAsync(key, ct) is null
                    ? NotFound($"No agenda has the id, symbol or slug '{key}'.")
                    : NotFound($"The agenda has no line of action {code}.");
            }
            return TypedResults.Ok(new LineDetail(c.Line.Code, c.Line.Number, c.Line.Text, c.Line.RetiredOn,
                new AgendaRef(c.Agenda.Id, c.Agenda.Symbol, c.Agenda.Slug, c.Agenda.Title),
                new AreaRef(c.Area.Code, c.Area.Title), new ObjectiveRef(c.Objective.Code, c.Objective.Text),
                c.PreviousCode, c.NextCode, $"/agendas/{c.Agenda.Slug}/lines/{c.Line.Code}"));
        })
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
        .WithName("GetLineOfAction").WithSummary("One line of action by its code (area.objective.line), with its place in the agenda.");

        api.MapMethods("/agendas/{key}/structure.{format}", GetAndHead, async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string key, string format, AgendaReader reader, AgendaStore store, CancellationToken ct) =>
        {
            format = format.ToLowerInvariant();
            if (format is not ("csv" or "json" or "xlsx"))
                return Problem(StatusCodes.Status400BadRequest, "Unknown format", $"'{format}' is not a download format: use csv, json or xlsx.");
            var t = await reader.GetTreeAsync(key, ct);
            if (t is null) return NotFound($"No agenda has the id, symbol or slug '{key}'.");
            var name = $"{t.Slug}-structure.{format}";
            return format switch
            {
                "csv" => TypedResults.File(AgendaExport.ToCsv(t), TableDownloads.CsvType, name),
                "xlsx" => TypedResults.File(AgendaExport.ToXlsx(t), TableDownloads.XlsxType, name),
                _ => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(AgendaJson.Serialize((await store.ExportAsync(t.Id, ct))!)), "application/json; charset=utf-8", name),
            };
        })
        .Produces(StatusCodes.Status200OK, contentType: "text/csv")
        .Produces(StatusCodes.Status200OK, contentType: TableDownloads.XlsxType)
        .Produces(StatusCodes.Status200OK, contentType: "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
        .WithName("DownloadAgendaStructure")
        .WithSummary("The agenda's structure as a file: csv and xlsx (a row per principle, area, objective and line), or json (the structured form that the import reads back).");

        api.MapMethods("/search", GetAndHead, async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> ([FromQuery] string? q, [FromQuery] string? lang, [FromQuery] string? agenda, AgendaSearch search, AgendaReader reader, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(q))
                return Problem(StatusCodes.Status400BadRequest, "Missing query", "Give the words to look for in the q parameter.");
            if (q.Length > AgendaSearch.MaxQueryLength)
                return Problem(StatusCodes.Status400BadRequest, "Query too long", $"A query has at most {AgendaSearch.MaxQueryLength} characters.");
            if (lang is not (null or "en" or "es" or "pt" or "fr"))
                return Problem(StatusCodes.Status400BadRequest, "Unknown language", $"'{lang}' is not a language of Rumbo: use en, es, pt or fr.");
            string? slug = null;
            if (!string.IsNullOrWhiteSpace(agenda))
            {
                var found = await reader.GetTreeAsync(agenda, ct);
                if (found is null) return NotFound($"No agenda has the id, symbol or slug '{agenda}'.");
                slug = found.Slug;
            }
            var results = await search.SearchAsync(q, lang ?? "en", 200, slug, ct);
            return TypedResults.Ok(new SearchResponse(results.Query, results.Total, results.Hits.Select(h => new SearchHitDto(
                h.AgendaSlug, h.AgendaSymbol, JsonNamingPolicy.CamelCase.ConvertName(h.Kind.ToString()), h.Code, h.Language,
                h.Segments.Select(x => new SearchSegmentDto(x.Text, x.Match)).ToList(), h.Url)).ToList()));
        })
        .WithName("Search")
        .WithSummary("Searches the texts of every agenda, ignoring case and accents; \"quoted phrases\" match as written.")
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        return v1;
    }

    /// <summary>HEAD answers like GET without the body, for link checkers and caches.</summary>
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    private static AgendaLinks Links(string slug) => new(
        $"/api/v1/agendas/{slug}", $"/agendas/{slug}",
        $"/api/v1/agendas/{slug}/structure.csv", $"/api/v1/agendas/{slug}/structure.json", $"/api/v1/agendas/{slug}/structure.xlsx");
}
