using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Rumbo.Web.Api;

/// <summary>
/// The one route group of the JSON API. What every endpoint under /api/v1 shares is set here once rather than per
/// endpoint: the answer to a signed-in caller (a session or a bearer token) says <c>Cache-Control: private, no-store</c>,
/// so that what a member sees never stays in a shared or browser cache for whoever comes next; errors are problem
/// details, answered by the handlers through <see cref="ApiProblem"/> and, for any other error status or exception,
/// by the /api/v1 branch of the pipeline in Program.cs.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    public const string PrivateNoStore = "private, no-store";

    public static IEndpointRouteBuilder MapRumboApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).AddEndpointFilter(PrivateWhenSignedIn);
        api.MapAgendasApi();
        api.MapGroupsApi();
        api.MapAccountsApi();
        api.MapMeetingsApi();
        api.MapAgreementsApi();
        api.MapRecordsApi();
        api.MapDocumentsApi();
        api.MapPlansApi();
        api.MapIndicatorsApi();
        api.MapPoliciesApi();
        api.MapCoverageApi();
        api.MapCapacitiesApi();
        api.MapRoadMapsApi();
        return app;
    }

    // Set before the handler runs, so that an endpoint which answers anonymous callers with its own caching (a
    // document's file) only has to say so for them. Any account's claim counts: a stale cookie answered as anonymous
    // loses nothing by not being stored.
    private static ValueTask<object?> PrivateWhenSignedIn(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.FindFirst(ClaimTypes.NameIdentifier) is not null) http.Response.Headers.CacheControl = PrivateNoStore;
        return next(context);
    }
}

/// <summary>The API's error answers, RFC 9457 problem details with a title and a detail a caller can act on.</summary>
public static class ApiProblem
{
    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    /// <summary>422 with the message of each field that was refused.</summary>
    public static ProblemHttpResult Validation(string title, IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status422UnprocessableEntity, Title = title });
}
