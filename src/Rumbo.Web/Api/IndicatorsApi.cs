using Microsoft.AspNetCore.Http.HttpResults;
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

    public static ProgressMethodDto Dto(ProgressResult r) => new(
        ProgressMethodCodes.Code(r.Method), ProgressStatusCodes.Code(r.Status), r.BaseYear, r.BaseValue, r.LatestYear, r.LatestValue, r.TargetYear,
        r.TargetValue, r.ObservedRate, r.RequiredRate, r.Score, r.Projection, r.Ratio, r.Thresholds, r.NotAvailableReason);
}
