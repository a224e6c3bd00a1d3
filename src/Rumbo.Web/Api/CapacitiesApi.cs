using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Capacities;
using Rumbo.Core.Data;
using Rumbo.Web.Infrastructure;
using static Rumbo.Web.Api.ApiProblem;

namespace Rumbo.Web.Api;

public sealed record CapacityAgendaRef(string Slug, string Symbol, string Self);

public sealed record CapacityRoundRef(int Id, LocalizedString Title, DateOnly OpensOn, DateOnly DueOn, int InstrumentVersion, bool Example);

/// <summary>A diagnosis in a list: where it stands and how much of it is answered.</summary>
public sealed record AssessmentSummary(int Id, CapacityAgendaRef Agenda, CapacityRoundRef Round, CountryRef Country, AssessmentStatus Status,
    AssessmentPublicity Public, bool Example, int Answered, int Questions, string Self, string Html);

public sealed record AssessmentListPage(IReadOnlyList<AssessmentSummary> Items, int Total, int Page, int PageSize, string? Next);

/// <summary>A score from 0 to 100 (null when nothing under it is answered) with the coverage of its questions.</summary>
public sealed record ScoreDto(double? Score, int Answered, int Questions);

public sealed record CellDto(string Area, CapacityDimension Dimension, double? Score, int Answered, int Questions);

public sealed record ScoresDto(string Method, ScoreDto Overall, IReadOnlyDictionary<string, ScoreDto> Areas, IReadOnlyDictionary<string, ScoreDto> Dimensions,
    IReadOnlyList<CellDto> Cells);

public sealed record AnswerDto(int Question, int? Level, string? Comment, string? Evidence, string? ReviewComment);

/// <summary>One diagnosis with its scores; its answers only when the country made them public (or the caller is the country or the secretariat).</summary>
public sealed record AssessmentView(AssessmentSummary Assessment, ScoresDto Scores, IReadOnlyList<AnswerDto>? Answers, string Instrument);

public sealed record LevelDto(int Value, LocalizedString Descriptor);

public sealed record QuestionDto(int Id, string Area, CapacityDimension Dimension, int Position, LocalizedString Text, LocalizedString Guidance, bool AsksEvidence,
    IReadOnlyList<LevelDto> Scale);

public sealed record CapacityAreaDto(string Code, LocalizedString Title);

public sealed record InstrumentDto(int Version, InstrumentStatus Status, bool Proposal, LocalizedString Note, DateTime? PublishedAt, IReadOnlyList<CapacityAreaDto> Areas,
    IReadOnlyList<QuestionDto> Questions, IReadOnlyList<int> Versions);

public static class CapacitiesApi
{
    /// <summary>The method as the API states it beside every score.</summary>
    public const string Method = "Each answered question scores its level / its scale's maximum x 100; a cell (area x dimension) is the mean of its answered questions (unanswered ones left out, counted in the coverage); an area, a dimension and the overall score are the means of their scored cells.";

    public static IEndpointRouteBuilder MapCapacitiesApi(this IEndpointRouteBuilder v1)
    {
        // What a reader sees depends on who reads; the cache stores and serves only anonymous readers' answers.
        var reads = v1.MapGroup("").CacheOutput(ContentCache.Policy).WithTags("TOPP capacity diagnosis");

        reads.MapGet("/assessments", async Task<Results<Ok<AssessmentListPage>, ProblemHttpResult>> (
            [FromQuery] string? agenda, [FromQuery] string? country, [FromQuery] string? round, [FromQuery] string? status, [FromQuery] int? page,
            [FromQuery] int? pageSize, ClaimsPrincipal principal, CurrentUser currentUser, CapacityReader reader, RumboDbContext db, CancellationToken ct) =>
        {
            var viewer = await currentUser.GetAsync(principal, ct);
            var (filter, problems) = await ResolveAsync(db, agenda, country, round, status, ct);
            var size = pageSize ?? CapacityReader.DefaultPageSize;
            if (size is < 1 or > CapacityReader.MaxPageSize) problems["pageSize"] = [$"Give a page size from 1 to {CapacityReader.MaxPageSize}."];
            if ((page ?? 1) < 1) problems["page"] = ["Pages are numbered from 1."];
            if (problems.Count > 0)
                return Problem(StatusCodes.Status400BadRequest, "Invalid query", string.Join(" ", problems.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value[0])));
            var number = page ?? 1;
            var result = await reader.ListAsync(viewer, filter!, number, size, ct);
            string? next = null;
            if (number * size < result.Total)
            {
                var query = new Dictionary<string, string?>
                {
                    ["agenda"] = agenda, ["country"] = country, ["round"] = round, ["status"] = status,
                    ["page"] = (number + 1).ToString(CultureInfo.InvariantCulture), ["pageSize"] = size.ToString(CultureInfo.InvariantCulture),
                };
                next = "/api/v1/assessments" + new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(
                    query.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!.Trim())));
            }
            return TypedResults.Ok(new AssessmentListPage(result.Items.Select(Summary).ToList(), result.Total, number, size, next));
        })
        .WithName("ListAssessments")
        .WithSummary("The TOPP capacity diagnoses, filtered by agenda (slug or symbol), country (ISO alpha-2), round (its id) and status (open, submitted, returned, closed), a page at a time (page, pageSize up to 200; next links the following page). Anonymous callers see closed diagnoses their country made public; a focal point's token also sees the country's own, the secretariat's every one.");

        reads.MapGet("/assessments/{id}", async Task<Results<Ok<AssessmentView>, ProblemHttpResult>> (
            string id, ClaimsPrincipal principal, CurrentUser currentUser, CapacityReader reader, CancellationToken ct) =>
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                return Problem(StatusCodes.Status400BadRequest, "Invalid id", $"'{id}' is not the number of a diagnosis.");
            var viewer = await currentUser.GetAsync(principal, ct);
            var d = await reader.GetAsync(number, ct);
            var access = d is null ? AssessmentAccess.None : viewer.CapacityAccess(d.Item.Agenda.Id, d.Item.CountryId, d.Item.Status, d.Item.Publicity);
            if (access == AssessmentAccess.None) return NotFound($"No diagnosis has the id {number}.");
            var areas = d!.Instrument.Areas.ToDictionary(a => a.Id, a => a.Code);
            return TypedResults.Ok(new AssessmentView(Summary(d.Item), Scores(d.Scores, areas),
                access == AssessmentAccess.Answers ? d.Answers.Select(a => new AnswerDto(a.QuestionId, a.Level, a.Comment, a.EvidenceUrl, a.ReviewComment)).ToList() : null,
                $"/api/v1/agendas/{d.Item.Agenda.Slug}/capacities/instrument?version={d.Item.Round.InstrumentNumber}"));
        })
        .WithName("GetAssessment")
        .WithSummary("One diagnosis with its scores per area and dimension, per area, per dimension and overall, with the method and coverage; its answers when the country made them public (or the caller is its focal point or the secretariat).");

        reads.MapGet("/agendas/{key}/capacities/instrument", async Task<Results<Ok<InstrumentDto>, ProblemHttpResult>> (
            string key, [FromQuery] string? version, AgendaReader agendas, CapacityReader reader, CancellationToken ct) =>
        {
            int? number = null;
            if (!string.IsNullOrWhiteSpace(version))
            {
                if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return Problem(StatusCodes.Status400BadRequest, "Invalid query", $"'{version}' is not a version number.");
                number = n;
            }
            var tree = await agendas.GetTreeAsync(key, ct);
            if (tree is null) return NotFound($"No agenda has the key '{key}'.");
            var i = await reader.InstrumentAsync(tree.Id, number, ct);
            if (i is null) return NotFound(number is null ? "The agenda has no instrument yet." : $"The agenda's instrument has no version {number}.");
            var areas = i.Areas.ToDictionary(a => a.Id, a => a.Code);
            var versions = (await reader.InstrumentsAsync(tree.Id, ct)).Select(v => v.Number).Order().ToList();
            return TypedResults.Ok(new InstrumentDto(i.Number, i.Status, i.IsProposal, i.Note, i.PublishedAtUtc,
                i.Areas.Select(a => new CapacityAreaDto(a.Code, a.Title)).ToList(),
                i.Questions.Select(q => new QuestionDto(q.Id, areas[q.AreaId], q.Dimension, q.Position, q.Text, q.Guidance, q.AsksEvidence,
                    q.Levels.Select(l => new LevelDto(l.Value, l.Descriptor)).ToList())).ToList(), versions));
        })
        .WithName("GetCapacityInstrument")
        .WithSummary("The agenda's TOPP diagnosis instrument: its newest version, or the one given (version): questions per strategic area and dimension, each with its scale, guidance and whether evidence is asked.");

        return v1;
    }

    /// <summary><c>GET /agendas/{key}/capacities/scores.csv|xlsx</c>: one row per diagnosis the reader sees and cell, with its coverage.</summary>
    public static IEndpointRouteBuilder MapCapacityDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet($"/agendas/{{key}}/capacities/scores.{TableDownloads.FormatPattern}", async Task<IResult> (
            string key, string format, ClaimsPrincipal principal, CurrentUser currentUser, AgendaReader agendas, CapacityReader reader, HttpContext http, CancellationToken ct) =>
        {
            var viewer = await currentUser.GetAsync(principal, ct);
            if (viewer.IsSignedIn) http.Response.Headers.CacheControl = ApiRoutes.PrivateNoStore;
            var tree = await agendas.GetTreeAsync(key, ct);
            if (tree is null) return Results.NotFound();
            var rows = new List<string?[]>();
            foreach (var (item, instrument, scores) in await reader.ScoresAsync(viewer, new AssessmentFilter(tree.Id), ct))
            {
                var areas = instrument.Areas.ToDictionary(a => a.Id, a => a.Code);
                foreach (var c in scores.Cells)
                {
                    rows.Add([item.Country.Code, item.Round.Id.ToString(CultureInfo.InvariantCulture), item.Round.Title.Source, item.Status.ToString(),
                        instrument.Number.ToString(CultureInfo.InvariantCulture), areas[c.AreaId], c.Dimension.ToString(),
                        c.Score?.ToString("0.##", CultureInfo.InvariantCulture), c.Answered.ToString(CultureInfo.InvariantCulture), c.Questions.ToString(CultureInfo.InvariantCulture),
                        item.IsExample ? "yes" : "no"]);
                }
            }
            return TableDownloads.File(format, $"capacities-{tree.Slug}", "Scores",
                ["country", "round_id", "round", "status", "instrument_version", "area", "dimension", "score", "answered", "questions", "example"], rows);
        })
        .CacheOutput(ContentCache.Policy)
        .ExcludeFromDescription();
        return app;
    }

    private static async Task<(AssessmentFilter? Filter, Dictionary<string, string[]> Problems)> ResolveAsync(RumboDbContext db, string? agenda, string? country,
        string? round, string? status, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        int? agendaId = null, countryId = null, roundId = null;
        AssessmentStatus? s = null;
        if (!string.IsNullOrWhiteSpace(agenda))
        {
            var slug = AgendaKeys.Slugify(agenda.Trim());
            agendaId = await db.Agendas.AsNoTracking().Where(a => a.Slug == slug).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
            if (agendaId is null) problems["agenda"] = [$"No agenda has the key '{agenda.Trim()}'."];
        }
        if (!string.IsNullOrWhiteSpace(country))
        {
            var code = country.Trim().ToUpperInvariant();
            countryId = await db.Countries.AsNoTracking().Where(c => c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
            if (countryId is null) problems["country"] = [$"No country has the code '{country.Trim()}'."];
        }
        if (!string.IsNullOrWhiteSpace(round))
        {
            if (!int.TryParse(round.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var r)) problems["round"] = [$"'{round.Trim()}' is not the id of a round."];
            else roundId = r;
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<AssessmentStatus>(status.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !status.Trim().All(char.IsAsciiDigit)) s = parsed;
            else problems["status"] = [$"'{status.Trim()}' is not a status: use one of open, submitted, returned, closed."];
        }
        return problems.Count > 0 ? (null, problems) : (new AssessmentFilter(agendaId, countryId, roundId, s), problems);
    }

    private static AssessmentSummary Summary(AssessmentListItem i) => new(i.Id, new CapacityAgendaRef(i.Agenda.Slug, i.Agenda.Symbol, $"/api/v1/agendas/{i.Agenda.Slug}"),
        new CapacityRoundRef(i.Round.Id, i.Round.Title, i.Round.OpensOn, i.Round.DueOn, i.Round.InstrumentNumber, i.Round.IsExample),
        new CountryRef(i.Country.Code, i.Country.Name, $"/countries/{i.Country.Code.ToLowerInvariant()}"), i.Status, i.Publicity, i.IsExample, i.Answered, i.Questions,
        $"/api/v1/assessments/{i.Id}", $"/agendas/{i.Agenda.Slug}/capacities/{i.Country.Code.ToLowerInvariant()}/{i.Round.Id}");

    private static ScoresDto Scores(CapacityScores s, IReadOnlyDictionary<int, string> areas) => new(Method,
        new ScoreDto(s.Overall.Score, s.Overall.Answered, s.Overall.Questions),
        s.ByArea.ToDictionary(a => areas[a.Key], a => new ScoreDto(a.Value.Score, a.Value.Answered, a.Value.Questions)),
        s.ByDimension.ToDictionary(d => d.Key.ToString(), d => new ScoreDto(d.Value.Score, d.Value.Answered, d.Value.Questions)),
        s.Cells.Select(c => new CellDto(areas[c.AreaId], c.Dimension, c.Score, c.Answered, c.Questions)).ToList());
}
