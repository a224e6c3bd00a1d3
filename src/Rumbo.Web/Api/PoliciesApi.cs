using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Exports;
using Rumbo.Core.Policies;
using Rumbo.Web.Infrastructure;
using static Rumbo.Web.Api.ApiProblem;

namespace Rumbo.Web.Api;

public sealed record PolicyAgendaRef(string Slug, string Symbol, string Self);

/// <summary>A policy in a list. Review and public say where the entry stands; the public sees only reviewed and public ones.</summary>
public sealed record PolicySummary(int Id, LocalizedString Title, string Language, PolicyAgendaRef Agenda, CountryRef Country, PolicyLevel Level, string? Territory,
    PolicyInstrument Instrument, PolicyStatus Status, int? ProgressPercent, int? StartYear, int? EndYear, PolicyReview Review, bool Public, bool Example,
    string Self, string Html);

public sealed record PolicyListPage(IReadOnlyList<PolicySummary> Items, int Total, int Page, int PageSize, string? Next);

public sealed record PolicyLineRef(string Code, LocalizedString Text, string Self, string Html);

public sealed record PolicyInstitutionRef(int? Id, string Name, string? Acronym);

public sealed record PolicyBudget(decimal Amount, string Currency);

public sealed record PolicyStatusChangeDto(PolicyStatus? From, PolicyStatus To, DateOnly On, string? Note);

/// <summary>One policy with everything the register holds. Outcomes are Markdown, with their sanitized HTML beside.</summary>
public sealed record PolicyView(int Id, LocalizedString Title, string Language, LocalizedString Summary, PolicyAgendaRef Agenda, CountryRef Country,
    PolicyLevel Level, string? Territory, PolicyInstrument Instrument, PolicyInstitutionRef? Institution, int? StartYear, int? EndYear, PolicyBudget? Budget,
    PolicyStatus Status, IReadOnlyList<PolicyStatusChangeDto> StatusHistory, int? ProgressPercent, LocalizedString Progress, LocalizedString Outcomes,
    string OutcomesHtml, IReadOnlyList<string> Links, IReadOnlyList<PolicyLineRef> Lines, IReadOnlyList<string> SdgTargets, PolicyReview Review,
    string? ReviewComment, bool Public, bool Example, int Version, string Self, string Html);

/// <summary>
/// A policy as a focal point writes it through the API. Texts are <c>{"source": "...", "en": "...", ...}</c> in
/// <c>language</c>; <c>version</c> is required to change one (409 when someone saved since). <c>status</c> on a change
/// must be the stored one or one it may move to.
/// </summary>
public sealed record PolicyWrite(
    int? Version, string? Agenda, string? Country, string? Language, LocalizedString? Title, LocalizedString? Summary, string? Level, string? Territory,
    string? Instrument, int? Institution, string? InstitutionName, int? StartYear, int? EndYear, decimal? BudgetAmount, string? BudgetCurrency,
    string? Status, int? ProgressPercent, LocalizedString? Progress, LocalizedString? Outcomes, IReadOnlyList<string>? Links, IReadOnlyList<string>? Lines,
    IReadOnlyList<string>? SdgTargets, bool? Public);

public static class PoliciesApi
{
    public static IEndpointRouteBuilder MapPoliciesApi(this IEndpointRouteBuilder v1)
    {
        // What a reader sees depends on who reads; the cache stores and serves only anonymous readers' answers.
        var reads = v1.MapGroup("").CacheOutput(ContentCache.Policy).WithTags("Public policies");

        reads.MapGet("/policies", async Task<Results<Ok<PolicyListPage>, ProblemHttpResult>> (
            [FromQuery] string? agenda, [FromQuery] string? country, [FromQuery] string? level, [FromQuery] string? instrument, [FromQuery] string? status,
            [FromQuery] string? line, [FromQuery] string? q, [FromQuery] string? review, [FromQuery] int? page, [FromQuery] int? pageSize,
            ClaimsPrincipal principal, CurrentUser currentUser, PolicyReader reader, RumboDbContext db, CancellationToken ct) =>
        {
            var viewer = await currentUser.GetAsync(principal, ct);
            var (filter, problems) = await new PolicyQuery(agenda, country, level, instrument, status, line, q, review).ResolveAsync(db, ct);
            var size = pageSize ?? PolicyReader.DefaultPageSize;
            if (size is < 1 or > PolicyReader.MaxPageSize) problems["pageSize"] = [$"Give a page size from 1 to {PolicyReader.MaxPageSize}."];
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
                    ["agenda"] = agenda, ["country"] = country, ["level"] = level, ["instrument"] = instrument, ["status"] = status, ["line"] = line, ["q"] = q,
                    ["review"] = review, ["page"] = (number + 1).ToString(CultureInfo.InvariantCulture), ["pageSize"] = size.ToString(CultureInfo.InvariantCulture),
                };
                next = "/api/v1/policies" + new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(
                    query.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!.Trim())));
            }
            return TypedResults.Ok(new PolicyListPage(result.Items.Select(Summary).ToList(), result.Total, number, size, next));
        })
        .WithName("ListPolicies")
        .WithSummary("The public-policy register, filtered by agenda (slug or symbol), country (ISO alpha-2), level, instrument, status, line of action (its code, with agenda) and words (q), a page at a time (page, pageSize up to 200; next links the following page). Anonymous callers see reviewed public policies; a focal point's token also sees the country's own, the secretariat's every one (filter them by review).");

        reads.MapGet("/policies/{id}", async Task<Results<Ok<PolicyView>, ProblemHttpResult>> (
            string id, ClaimsPrincipal principal, CurrentUser currentUser, PolicyReader reader, CancellationToken ct) =>
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                return Problem(StatusCodes.Status400BadRequest, "Invalid id", $"'{id}' is not the number of a policy.");
            var viewer = await currentUser.GetAsync(principal, ct);
            var p = await reader.GetAsync(number, ct);
            if (p is null || !viewer.CanSeePolicy(p.AgendaId, p.CountryId, p.Review, p.IsPublic)) return NotFound($"No policy has the id {number}.");
            return TypedResults.Ok(View(p));
        })
        .WithName("GetPolicy")
        .WithSummary("One policy: texts, level, instrument, institution, period, budget, status with its history, progress, outcomes, links, lines of action and SDG targets.");

        var writes = v1.MapGroup("").WithTags("Public policies")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = AccessTokenHandler.SchemeName })
            .DisableAntiforgery();

        writes.MapPost("/policies", async Task<IResult> (PolicyWrite? body, ClaimsPrincipal principal, CurrentUser currentUser, PolicyStore store,
            RumboDbContext db, CancellationToken ct) =>
        {
            if (body is null) return Problem(StatusCodes.Status400BadRequest, "Unreadable body", "Send the policy as JSON.");
            var user = await currentUser.GetAsync(principal, ct);
            var slug = AgendaKeys.Slugify(body.Agenda?.Trim() ?? "");
            var code = body.Country?.Trim().ToUpperInvariant() ?? "";
            var agendaId = await db.Agendas.AsNoTracking().Where(a => a.Slug == slug).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
            var countryId = await db.Countries.AsNoTracking().Where(c => c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
            var missing = new Dictionary<string, string[]>();
            if (agendaId is null) missing["agenda"] = ["Give the agenda by its slug or symbol."];
            if (countryId is null) missing["country"] = ["Give the country by its ISO alpha-2 code."];
            if (missing.Count > 0) return Validation("The policy was not stored", missing);
            if (!user.CanEditPolicies(agendaId!.Value, countryId!.Value)) return Problem(StatusCodes.Status403Forbidden, "Forbidden", "Only the country's focal points for the agenda and the secretariat add its policies.");
            var context = await store.ContextAsync(agendaId.Value, countryId.Value, ct);
            var (policy, problems) = PolicyCheck.Check(Entry(body, null), context, []);
            if (policy is null) return Refused(problems);
            var created = store.Create(agendaId.Value, countryId.Value, policy, user.PersonId);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/v1/policies/{created.Id}", new { id = created.Id, version = created.Version, self = $"/api/v1/policies/{created.Id}", html = $"/policies/{created.Id}" });
        })
        .WithName("CreatePolicy")
        .WithSummary("Adds a policy of a country as a draft (its focal points for the agenda and the secretariat, with a personal access token); 422 lists every problem by field.");

        writes.MapPut("/policies/{id:int}", async Task<IResult> (int id, PolicyWrite? body, ClaimsPrincipal principal, CurrentUser currentUser, PolicyStore store,
            RumboDbContext db, CancellationToken ct) =>
        {
            if (body is null) return Problem(StatusCodes.Status400BadRequest, "Unreadable body", "Send the policy as JSON.");
            var user = await currentUser.GetAsync(principal, ct);
            var stored = await store.LoadAsync(id, ct);
            if (stored is null || !user.CanSeePolicy(stored.AgendaId, stored.CountryId, stored.Review, stored.IsPublic)) return NotFound($"No policy has the id {id}.");
            if (!user.CanEditPolicies(stored.AgendaId, stored.CountryId)) return Problem(StatusCodes.Status403Forbidden, "Forbidden", "Only the country's focal points for the agenda and the secretariat change its policies.");
            if (body.Version is not int version) return Validation("The policy was not stored", new Dictionary<string, string[]> { ["version"] = ["Give the version you read."] });
            var context = await store.ContextAsync(stored.AgendaId, stored.CountryId, ct);
            var (policy, problems) = PolicyCheck.Check(Entry(body, stored), context, stored.Lines.Select(l => l.LineOfActionId).ToList());
            if (policy is null) return Refused(problems);
            if (stored.Version != version) return Problem(StatusCodes.Status409Conflict, "Conflict", PolicyStore.Conflict);
            if (policy.Status != stored.Status && stored.ChangeStatus(policy.Status, store.Today, store.Today, user.PersonId, null, store.Now) is { } refusal)
                return Validation("The policy was not stored", new Dictionary<string, string[]> { ["status"] = [refusal] });
            store.Apply(stored, policy, merge: false);
            stored.UpdatedAtUtc = store.Now;
            if (!user.IsSecretariatAdmin) stored.ChangedByCountry();
            if (!await db.SaveIfVersionAsync(stored, p => p.Version, version, ct)) return Problem(StatusCodes.Status409Conflict, "Conflict", PolicyStore.Conflict);
            return Results.Ok(new { id, version = stored.Version, self = $"/api/v1/policies/{id}", html = $"/policies/{id}" });
        })
        .WithName("UpdatePolicy")
        .WithSummary("Changes a policy (its country's focal points and the secretariat, with a personal access token) against the version read: 409 when someone saved since, 422 with every problem by field.");

        v1.MapPolicySuggestionsApi();
        return v1;
    }

    /// <summary>
    /// <c>GET /policies.csv|xlsx</c> with the register's filters: what the reader may see, one row a policy, in the columns
    /// the import reads; <c>GET /policies/template.csv|xlsx</c>: those columns with an example row.
    /// </summary>
    public static IEndpointRouteBuilder MapPolicyDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet($"/policies.{TableDownloads.FormatPattern}", async Task<IResult> (
            string format, [FromQuery] string? agenda, [FromQuery] string? country, [FromQuery] string? level, [FromQuery] string? instrument,
            [FromQuery] string? status, [FromQuery] string? line, [FromQuery] string? q, [FromQuery] string? review,
            ClaimsPrincipal principal, CurrentUser currentUser, PolicyReader reader, RumboDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var viewer = await currentUser.GetAsync(principal, ct);
            if (viewer.IsSignedIn) http.Response.Headers.CacheControl = ApiRoutes.PrivateNoStore;
            var (filter, problems) = await new PolicyQuery(agenda, country, level, instrument, status, line, q, review).ResolveAsync(db, ct);
            if (filter is null) return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", detail: string.Join(" ", problems.Values.Select(v => v[0])));
            var rows = await reader.DetailsAsync(viewer, filter, ct);
            var stem = "policies" + (string.IsNullOrWhiteSpace(country) ? "" : "-" + country.Trim().ToLowerInvariant());
            return TableDownloads.File(format, stem, PolicySheet.SheetName, PolicySheet.Columns, rows.Select(PolicySheet.Row).ToList());
        })
        .CacheOutput(ContentCache.Policy)
        .ExcludeFromDescription();

        app.MapGet($"/policies/template.{TableDownloads.FormatPattern}", (string format, [FromQuery] string? country) =>
        {
            var code = country?.Trim().ToUpperInvariant() is { Length: 2 } c && c.All(char.IsAsciiLetterUpper) ? c : "";
            return TableDownloads.File(format, "policies-template", PolicySheet.SheetName, PolicySheet.Columns, [PolicySheet.ExampleRow(code)]);
        })
        .ExcludeFromDescription();
        return app;
    }

    private static PolicyEntry Entry(PolicyWrite b, Policy? stored)
    {
        static LocalizedText Text(LocalizedString? s)
        {
            var t = new LocalizedText();
            if (s is not null) t.Set(s with { Source = s.Source?.Trim() ?? "" });
            return t;
        }
        static string? N(int? i) => i?.ToString(CultureInfo.InvariantCulture);
        return new PolicyEntry(b.Language, Text(b.Title), Text(b.Summary), b.Level, b.Territory, b.Instrument, N(b.Institution), b.InstitutionName,
            N(b.StartYear), N(b.EndYear), b.BudgetAmount?.ToString(CultureInfo.InvariantCulture), b.BudgetCurrency, b.Status ?? stored?.Status.ToString(),
            N(b.ProgressPercent), Text(b.Progress), Text(b.Outcomes), b.Links is null ? null : string.Join('\n', b.Links),
            b.Lines is null ? null : string.Join(',', b.Lines), b.SdgTargets is null ? null : string.Join(',', b.SdgTargets), b.Public ?? false);
    }

    private static ProblemHttpResult Refused(IReadOnlyList<(string Field, Rumbo.Core.Validation.ValidationMessage Message)> problems) =>
        Validation("The policy was not stored", problems.GroupBy(p => Camel(p.Field.Replace(".Source", "", StringComparison.Ordinal)))
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message.InEnglish()).ToArray()));

    private static PolicySummary Summary(PolicyListItem p) => new(p.Id, p.Title, p.Language, Agenda(p.Agenda), Country(p.Country), p.Level, p.Territory,
        p.Instrument, p.Status, p.ProgressPercent, p.StartYear, p.EndYear, p.Review, p.IsPublic, p.IsExample, $"/api/v1/policies/{p.Id}", $"/policies/{p.Id}");

    private static PolicyView View(PolicyDetail p) => new(p.Id, p.Title, p.Language, p.Summary, Agenda(p.Agenda), Country(p.Country), p.Level, p.Territory,
        p.Instrument, p.Institution is { } i ? new PolicyInstitutionRef(i.Id, i.Name.Source, i.Acronym) : p.InstitutionName is { } n ? new PolicyInstitutionRef(null, n, null) : null,
        p.StartYear, p.EndYear, p.BudgetAmount is decimal a ? new PolicyBudget(a, p.BudgetCurrency ?? "") : null, p.Status,
        p.History.Select(h => new PolicyStatusChangeDto(h.From, h.To, h.On, h.Note)).ToList(), p.ProgressPercent, p.Progress, p.Outcomes,
        Rumbo.Core.Rendering.Markdown.ToHtml(p.Outcomes.Source), p.Links,
        p.Lines.Select(l => new PolicyLineRef(l.Code, l.Text, $"/api/v1/agendas/{l.AgendaSlug}/lines/{l.Code}", $"/agendas/{l.AgendaSlug}/lines/{l.Code}")).ToList(),
        p.SdgTargets, p.Review, p.ReviewComment, p.IsPublic, p.IsExample, p.Version, $"/api/v1/policies/{p.Id}", $"/policies/{p.Id}");

    private static PolicyAgendaRef Agenda(PolicyAgendaLabel a) => new(a.Slug, a.Symbol, $"/api/v1/agendas/{a.Slug}");

    private static CountryRef Country(Rumbo.Core.People.CountryLabel c) => new(c.Code, c.Name, $"/countries/{c.Code.ToLowerInvariant()}");

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
