using Rumbo.Core.Capacities;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.RoadMaps;
using Rumbo.Web.Infrastructure;
using static Rumbo.Web.Api.ApiProblem;

namespace Rumbo.Web.Api;

public sealed record RoadMapAgendaRef(string Slug, string Symbol, string Self);

/// <summary>A road map in a list; progress is the mean of its actions' (cancelled ones left out), null when none counts.</summary>
public sealed record RoadMapSummary(int Id, RoadMapAgendaRef Agenda, CountryRef Country, RoadMapStatus Status, int Actions, int Overdue, double? Progress,
    bool Public, bool Example, string Self, string Html);

public sealed record RoadMapListPage(IReadOnlyList<RoadMapSummary> Items, int Total, int Page, int PageSize, string? Next);

public sealed record RoadMapMilestoneDto(int Id, LocalizedString Title, DateOnly DueOn, DateOnly? DoneOn, bool Overdue);

public sealed record RoadMapActionDto(int Id, LocalizedString Title, LocalizedString Description, string Area, CapacityDimension Dimension,
    IReadOnlyList<string> Lines, string? ResponsibleInstitution, string? ResponsiblePerson, DateOnly? StartOn, DateOnly? DueOn, CapacityActionStatus Status,
    double Progress, bool ProgressFromMilestones, bool Overdue, int? BaselineScore, string? BaselineRound, int? TargetScore,
    IReadOnlyList<RoadMapMilestoneDto> Milestones);

public sealed record RoadMapGroupDto(string Area, CapacityDimension Dimension, int Actions, double? Progress);

public sealed record RoadMapTransitionDto(RoadMapStatus From, RoadMapStatus To, DateTime At);

/// <summary>One road map with its actions and milestones, the roll-up per area and dimension, and its status history.</summary>
public sealed record RoadMapView(int Id, RoadMapAgendaRef Agenda, CountryRef Country, string Language, LocalizedString Summary, RoadMapStatus Status,
    double? Progress, IReadOnlyList<RoadMapGroupDto> ByAreaAndDimension, IReadOnlyList<RoadMapActionDto> Actions, IReadOnlyList<RoadMapTransitionDto> StatusHistory,
    bool Public, bool Example, int Version, string Self, string Html);

public static class RoadMapsApi
{
    public static IEndpointRouteBuilder MapRoadMapsApi(this IEndpointRouteBuilder v1)
    {
        // What a reader sees depends on who reads; the cache stores and serves only anonymous readers' answers.
        var reads = v1.MapGroup("").CacheOutput(ContentCache.Policy).WithTags("Road maps");

        reads.MapGet("/roadmaps", async Task<Results<Ok<RoadMapListPage>, ProblemHttpResult>> (
            [FromQuery] string? agenda, [FromQuery] string? country, [FromQuery] string? status, [FromQuery] int? page, [FromQuery] int? pageSize,
            ClaimsPrincipal principal, CurrentUser currentUser, RoadMapReader reader, RumboDbContext db, CancellationToken ct) =>
        {
            var viewer = await currentUser.GetAsync(principal, ct);
            var (filter, problems) = await new RoadMapQuery(agenda, country, status).ResolveAsync(db, ct);
            var size = pageSize ?? RoadMapReader.DefaultPageSize;
            if (size is < 1 or > RoadMapReader.MaxPageSize) problems["pageSize"] = [$"Give a page size from 1 to {RoadMapReader.MaxPageSize}."];
            if ((page ?? 1) < 1) problems["page"] = ["Pages are numbered from 1."];
            if (problems.Count > 0)
                return Problem(StatusCodes.Status400BadRequest, "Invalid query", string.Join(" ", problems.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value[0])));
            var number = page ?? 1;
            if (number > 1_000_000) number = 1_000_000;
            var result = await reader.ListAsync(viewer, filter!, number, size, ct);
            string? next = null;
            if ((long)number * size < result.Total)
            {
                var query = new Dictionary<string, string?>
                {
                    ["agenda"] = agenda, ["country"] = country, ["status"] = status,
                    ["page"] = (number + 1).ToString(CultureInfo.InvariantCulture), ["pageSize"] = size.ToString(CultureInfo.InvariantCulture),
                };
                next = "/api/v1/roadmaps" + new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(
                    query.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!.Trim())));
            }
            return TypedResults.Ok(new RoadMapListPage(result.Items.Select(Summary).ToList(), result.Total, number, size, next));
        })
        .WithName("ListRoadMaps")
        .WithSummary("The countries' capacity-building road maps, filtered by agenda (slug or symbol), country (ISO alpha-2) and status, a page at a time (page, pageSize up to 200; next links the following page). Anonymous callers see the road maps their countries made public; a focal point's token also sees the country's own, the secretariat's every one.");

        reads.MapGet("/roadmaps/{id}", async Task<Results<Ok<RoadMapView>, ProblemHttpResult>> (
            string id, ClaimsPrincipal principal, CurrentUser currentUser, RoadMapReader reader, CancellationToken ct) =>
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                return Problem(StatusCodes.Status400BadRequest, "Invalid id", $"'{id}' is not the number of a road map.");
            var viewer = await currentUser.GetAsync(principal, ct);
            var m = await reader.GetAsync(number, null, ct);
            if (m is null || !viewer.CanSeeRoadMap(m.AgendaId, m.CountryId, m.IsPublic)) return NotFound($"No road map has the id {number}.");
            return TypedResults.Ok(View(m));
        })
        .WithName("GetRoadMap")
        .WithSummary("One road map: its actions (area, dimension, lines of action, who, when, status, progress, scores) with their milestones, the roll-up by area and dimension, and its status history.");
        return v1;
    }

    /// <summary><c>GET /roadmaps.csv|xlsx</c> with the overview's filters: one row an action of the road maps the reader may see.</summary>
    public static IEndpointRouteBuilder MapRoadMapDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet($"/roadmaps.{TableDownloads.FormatPattern}", async Task<IResult> (
            string format, [FromQuery] string? agenda, [FromQuery] string? country, [FromQuery] string? status,
            ClaimsPrincipal principal, CurrentUser currentUser, RoadMapReader reader, RumboDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var viewer = await currentUser.GetAsync(principal, ct);
            if (viewer.IsSignedIn) http.Response.Headers.CacheControl = ApiRoutes.PrivateNoStore;
            var (filter, problems) = await new RoadMapQuery(agenda, country, status).ResolveAsync(db, ct);
            if (filter is null) return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", detail: string.Join(" ", problems.Values.Select(v => v[0])));
            var maps = await reader.DetailsAsync(viewer, filter, ct);
            var stem = "roadmaps" + (filter.CountryId is null ? "" : "-" + country!.Trim().ToLowerInvariant());
            return TableDownloads.File(format, stem, RoadMapSheet.SheetName, RoadMapSheet.Columns, maps.SelectMany(RoadMapSheet.Rows).ToList());
        })
        .CacheOutput(ContentCache.Policy)
        .ExcludeFromDescription();
        return app;
    }

    private static RoadMapAgendaRef Agenda(RoadMapAgendaLabel a) => new(a.Slug, a.Symbol, $"/api/v1/agendas/{a.Slug}");

    private static CountryRef Country(Rumbo.Core.People.CountryLabel c) => new(c.Code, c.Name, $"/countries/{c.Code.ToLowerInvariant()}");

    private static RoadMapSummary Summary(RoadMapListItem m) => new(m.Id, Agenda(m.Agenda), Country(m.Country), m.Status, m.Actions, m.Overdue,
        m.Progress is double p ? Math.Round(p, 1) : null, m.IsPublic, m.IsExample, $"/api/v1/roadmaps/{m.Id}", $"/roadmaps/{m.Agenda.Slug}/{m.Country.Code.ToLowerInvariant()}");

    private static RoadMapView View(RoadMapDetail m) => new(m.Id, Agenda(m.Agenda), Country(m.Country), m.Language, m.Summary, m.Status,
        m.Progress is double p ? Math.Round(p, 1) : null,
        m.Groups.Select(g => new RoadMapGroupDto(g.AreaCode, g.Dimension, g.Actions, g.Progress is double gp ? Math.Round(gp, 1) : null)).ToList(),
        m.Actions.Select(a => new RoadMapActionDto(a.Id, a.Title, a.Description, a.AreaCode, a.Dimension, a.Lines.Select(l => l.Code).ToList(), a.ResponsibleInstitution,
            a.ResponsiblePerson, a.StartOn, a.DueOn, a.Status, Math.Round(a.Progress, 1), a.ProgressFromMilestones, a.Overdue, a.BaselineScore, a.BaselineRound, a.TargetScore,
            a.Milestones.Select(x => new RoadMapMilestoneDto(x.Id, x.Title, x.DueOn, x.DoneOn, x.Overdue)).ToList())).ToList(),
        m.Transitions.Select(t => new RoadMapTransitionDto(t.From, t.To, t.AtUtc)).ToList(),
        m.IsPublic, m.IsExample, m.Version, $"/api/v1/roadmaps/{m.Id}", $"/roadmaps/{m.Agenda.Slug}/{m.Country.Code.ToLowerInvariant()}");
}
