using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Indicators;

namespace Rumbo.Web.Api;

/// <summary>One year's value of a series sent to <c>POST /api/v1/progress</c>.</summary>
public sealed record ProgressObservationDto(int? Year, double? Value);

/// <summary>
/// A series to assess: <c>direction</c> is <c>increase</c> or <c>decrease</c> (the desired one); <c>baseYear</c> defaults to
/// 2015 and <c>targetYear</c> to 2030; without <c>targetValue</c> the methods' no-target forms apply.
/// </summary>
public sealed record ProgressRequest(
    string? Direction, int? BaseYear, double? BaseValue, int? TargetYear, double? TargetValue, IReadOnlyList<ProgressObservationDto>? Observations);

/// <summary>
/// One method's answer and the numbers behind it; a number that does not apply to the method or the case is null. Rates
/// are fractions a year (0.02 is 2 % a year).
/// </summary>
public sealed record ProgressMethodDto(
    string Method, string Status, int? BaseYear, double? BaseValue, int? LatestYear, double? LatestValue, int TargetYear, double? TargetValue,
    double? ObservedRate, double? RequiredRate, double? Score, double? Projection, double? Ratio, IReadOnlyList<double> Thresholds, string? Reason);

/// <summary>Both methods, Open SDG's first; <c>methodsDisagree</c> when both answer and read differently on the common three levels.</summary>
public sealed record ProgressResponse(IReadOnlyList<ProgressMethodDto> Methods, bool MethodsDisagree);

public static class IndicatorsApi
{
    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder v1)
    {
        // A calculation: it reads and stores nothing, so anyone may ask.
        v1.MapPost("/progress", Results<Ok<ProgressResponse>, ProblemHttpResult> (ProgressRequest? request) =>
        {
            if (request is null) return ApiProblem.Problem(StatusCodes.Status400BadRequest, "No series", "Send a JSON object with direction and observations.");
            var (series, errors) = SeriesInput.Read(request.Direction, request.BaseYear, request.BaseValue, request.TargetYear, request.TargetValue,
                request.Observations?.Select(o => o is null ? null! : new ObservationInput(o.Year, o.Value)).ToList());
            if (series is null)
            {
                return ApiProblem.Validation("The series was not assessed", errors.ToDictionary(e => e.Key, e => new[] { e.Value.InEnglish() }));
            }
            var results = Progress.AssessAll(series);
            return TypedResults.Ok(new ProgressResponse(results.Select(Dto).ToList(), Progress.Disagree(results[0], results[1])));
        });
        return v1;
    }

    /// <summary>
    /// <c>GET /agendas/{key}/reporting/{country}/template.csv|xlsx</c>: the country's template, pre-filled with its stored
    /// values (drafts included), for its focal points and the secretariat; 404 for anyone else, as the page.
    /// </summary>
    public static IEndpointRouteBuilder MapReportingTemplates(this IEndpointRouteBuilder app)
    {
        app.MapGet($"/agendas/{{key}}/reporting/{{country}}/template.{TableDownloads.FormatPattern}", async Task<IResult> (
            string key, string country, string format, ClaimsPrincipal principal, CurrentUser currentUser, AgendaReader agendas, ReportingStore store,
            RumboDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        {
            var user = await currentUser.GetAsync(principal, ct);
            if (!user.IsSignedIn) return Results.Challenge();
            var agenda = await agendas.ResolveAsync(key, ct);
            if (agenda is null) return Results.NotFound();
            var code = country.Trim().ToUpperInvariant();
            var countryId = await db.Countries.AsNoTracking().Where(c => c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
            if (countryId is null || !(user.CanReportIndicators(agenda.Value.Id, countryId.Value) || user.CanReviewIndicators())) return Results.NotFound();
            http.Response.Headers.CacheControl = ApiRoutes.PrivateNoStore;
            var indicators = await store.IndicatorsAsync(agenda.Value.Id, ct);
            var stored = await store.StoredAsync(indicators.Values.Select(i => i.VersionId), countryId.Value, ct);
            var round = await store.CurrentRoundAsync(agenda.Value.Id, ct);
            var year = clock.GetUtcNow().Year;
            var (first, last) = round is { } r ? (r.FirstYear, Math.Min(r.LastYear, year)) : (year - 1, year - 1);
            var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            return TableDownloads.File(format, $"{key}-{code.ToLowerInvariant()}-indicators-{first}-{last}", ReportingTemplate.SheetName, ReportingCheck.Columns,
                ReportingTemplate.Rows(indicators.Values, stored, code, first, last, language).ToList());
        })
        .ExcludeFromDescription();
        return app;
    }

    public static ProgressMethodDto Dto(ProgressResult r) => new(
        ProgressMethodCodes.Code(r.Method), ProgressStatusCodes.Code(r.Status), r.BaseYear, r.BaseValue, r.LatestYear, r.LatestValue, r.TargetYear,
        r.TargetValue, r.ObservedRate, r.RequiredRate, r.Score, r.Projection, r.Ratio, r.Thresholds, r.NotAvailableReason);
}
