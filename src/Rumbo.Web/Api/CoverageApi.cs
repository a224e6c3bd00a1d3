using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Coverage;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;
using static Rumbo.Web.Api.ApiProblem;

namespace Rumbo.Web.Api;

public sealed record CoverageLineRef(string Code, string Area, string Objective, LocalizedString Text, string Html);

/// <summary>One country and line of action with something in it; the pairs left out have nothing.</summary>
public sealed record CoverageCellDto(string Country, string Line, int Policies, int Meetings, int Agreements, int Activities, int Indicators, int Capacities);

/// <summary>
/// The coverage matrix of an agenda: its lines and countries, the pairs with something of the kinds counted, and the
/// number of pairs with nothing.
/// </summary>
public sealed record CoverageView(
    string Agenda, IReadOnlyList<string> Kinds, IReadOnlyList<CoverageLineRef> Lines, IReadOnlyList<CountryRef> Countries,
    IReadOnlyList<CoverageCellDto> Cells, int EmptyCells, int TotalCells, string Html);

public static class CoverageApi
{
    public static readonly IReadOnlyList<string> Columns =
        ["agenda", "area", "objective", "line", "country", "country_name", "policies", "meetings", "agreements", "activities", "indicators", "capacities", "gap"];

    public static IEndpointRouteBuilder MapCoverageApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/agendas/{key}/coverage", async Task<Results<Ok<CoverageView>, ProblemHttpResult>> (
            string key, [FromQuery] string? area, [FromQuery] string? subregion, [FromQuery] string? country, [FromQuery] string[]? kind,
            [FromQuery] bool? associates, ClaimsPrincipal principal, CurrentUser currentUser, AgendaReader agendas, CoverageReader reader, CancellationToken ct) =>
        {
            var tree = await agendas.GetTreeAsync(key, ct);
            if (tree is null) return NotFound($"No agenda has the key '{key}'.");
            var (matrix, problem) = await ReadAsync(tree, new CoverageQuery(area, subregion, country, kind, associates ?? false), principal, currentUser, reader, ct);
            if (matrix is null) return Problem(StatusCodes.Status400BadRequest, "Invalid query", problem!);
            var cells = matrix.Countries.SelectMany(c => matrix.Lines.Select(l => (c, l, Cell: matrix.Cell(c.Code, l.Code))))
                .Where(x => x.Cell.Any(matrix.Kinds))
                .Select(x => new CoverageCellDto(x.c.Code, x.l.Code, x.Cell.Policies, x.Cell.Meetings, x.Cell.Agreements, x.Cell.Activities, x.Cell.Indicators, x.Cell.Capacities))
                .ToList();
            return TypedResults.Ok(new CoverageView(tree.Slug, matrix.Kinds.Select(k => k.ToString().ToLowerInvariant()).ToList(),
                matrix.Lines.Select(l => new CoverageLineRef(l.Code, l.AreaCode, l.ObjectiveCode, l.Text, $"/agendas/{tree.Slug}/lines/{l.Code}")).ToList(),
                matrix.Countries.Select(c => new CountryRef(c.Code, c.Name, $"/countries/{c.Code.ToLowerInvariant()}")).ToList(),
                cells, matrix.EmptyCells, matrix.TotalCells, $"/agendas/{tree.Slug}/coverage"));
        })
        .CacheOutput(ContentCache.Policy)
        .WithTags("Agendas")
        .WithName("GetCoverage")
        .WithSummary("Countries against the agenda's lines of action: for each pair with something, the country's policies serving the line, the meetings on it the country took part in, the agreements on it of its groups or with its follow-up, the plan activities on it naming the country, the indicators of the line with an approved value for it, and the capacity-building actions of its road map on the line. Filters: area (code), subregion, country (ISO alpha-2), kind (any of policies, meetings, agreements, activities, indicators, capacities; repeat it), associates (true to add the associate members to the 33 member States). Counts only what the caller may see.");
        return v1;
    }

    /// <summary><c>GET /agendas/{key}/coverage.csv|xlsx</c>: every pair of the page's matrix, gaps included, one a row.</summary>
    public static IEndpointRouteBuilder MapCoverageDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet($"/agendas/{{key}}/coverage.{TableDownloads.FormatPattern}", async Task<IResult> (
            string key, string format, [FromQuery] string? area, [FromQuery] string? subregion, [FromQuery] string? country, [FromQuery] string[]? kind,
            [FromQuery] bool? associates, ClaimsPrincipal principal, CurrentUser currentUser, AgendaReader agendas, CoverageReader reader, HttpContext http,
            CancellationToken ct) =>
        {
            var tree = await agendas.GetTreeAsync(key, ct);
            if (tree is null) return Results.NotFound();
            var (matrix, problem) = await ReadAsync(tree, new CoverageQuery(area, subregion, country, kind, associates ?? false), principal, currentUser, reader, ct);
            if ((await currentUser.GetAsync(principal, ct)).IsSignedIn) http.Response.Headers.CacheControl = ApiRoutes.PrivateNoStore;
            if (matrix is null) return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", detail: problem);
            string N(int n) => n.ToString(CultureInfo.InvariantCulture);
            string? Count(CoverageCell cell, CoverageKind k) => matrix.Kinds.Contains(k) ? N(cell.Of(k)) : null;
            var rows = matrix.Lines.SelectMany(l => matrix.Countries.Select(c =>
            {
                var cell = matrix.Cell(c.Code, l.Code);
                return new string?[]
                {
                    tree.Symbol, l.AreaCode, l.ObjectiveCode, l.Code, c.Code, c.Name.Source,
                    Count(cell, CoverageKind.Policies), Count(cell, CoverageKind.Meetings), Count(cell, CoverageKind.Agreements),
                    Count(cell, CoverageKind.Activities), Count(cell, CoverageKind.Indicators), Count(cell, CoverageKind.Capacities), cell.Any(matrix.Kinds) ? "no" : "yes",
                };
            })).ToList();
            return TableDownloads.File(format, $"{tree.Slug}-coverage", "Coverage", Columns, rows);
        })
        .CacheOutput(ContentCache.Policy)
        .ExcludeFromDescription();
        return app;
    }

    private static async Task<(CoverageMatrix? Matrix, string? Problem)> ReadAsync(
        AgendaTree tree, CoverageQuery query, ClaimsPrincipal principal, CurrentUser currentUser, CoverageReader reader, CancellationToken ct)
    {
        var problems = new Dictionary<string, ValidationMessage>();
        var filter = query.Resolve(tree, problems);
        if (filter is null) return (null, string.Join(" ", problems.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value.InEnglish())));
        var matrix = await reader.ReadAsync(tree, await currentUser.GetAsync(principal, ct), filter, ct);
        if (filter.Country is not null && matrix.Countries.Count == 0) return (null, $"No country has the code {filter.Country}.");
        return (matrix, null);
    }
}
