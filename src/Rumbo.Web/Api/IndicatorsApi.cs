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
using Rumbo.Core.Indicators;
using Rumbo.Web.Infrastructure;

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

/// <summary>A value and its year.</summary>
public sealed record YearValueDto(int Year, double Value);

/// <summary>An indicator in its agenda's list, with the region's latest approved value and both methods' status for the region.</summary>
public sealed record IndicatorListItemDto(
    string Code, string Objective, LocalizedString Title, IndicatorUnit Unit, Direction Direction, IndicatorStatus Status, bool IsExample, int Version,
    YearValueDto? LatestRegional, IReadOnlyList<ProgressMethodDto> RegionalProgress, string Self, string Html);

public sealed record IndicatorVersionDto(int Number, LocalizedString Title, LocalizedString Definition, LocalizedString Method, LocalizedString Source,
    IndicatorUnit Unit, int Decimals, double? Minimum, double? Maximum, Periodicity Periodicity, Direction Direction, IReadOnlyList<string> Dimensions,
    string? ResponsibleGroup, string ChangeNote, DateTime CreatedAtUtc);

/// <summary>A baseline and target; <c>country</c> is null for the regional one.</summary>
public sealed record TargetDto(string? Country, int BaselineYear, double? BaselineValue, int TargetYear, double? TargetValue, IReadOnlyList<YearValueDto> Milestones);

/// <summary>One series' progress: <c>country</c> null for the region, <c>breakdown</c> empty for the total.</summary>
public sealed record SeriesProgressDto(string? Country, string Breakdown, IReadOnlyList<ProgressMethodDto> Methods, bool MethodsDisagree);

public sealed record IndicatorDto(
    string Code, AgendaRef Agenda, string Objective, IndicatorStatus Status, bool IsExample, IndicatorVersionDto Current, IReadOnlyList<IndicatorVersionDto> Versions,
    IReadOnlyList<string> Lines, IReadOnlyList<string> SdgTargets, IReadOnlyList<TargetDto> Targets, IReadOnlyList<SeriesProgressDto> Progress,
    string Observations, string Csv, string Xlsx, string Json, string Self, string Html);

/// <summary>An approved observation; <c>country</c> null for the region; <c>breakdown</c> its dimensions, empty for the total.</summary>
public sealed record ObservationDto(string Indicator, int Version, string? Country, int Year, IReadOnlyDictionary<string, string> Breakdown, double Value, string Unit,
    string Source, string Notes);

public sealed record ObservationPage(IReadOnlyList<ObservationDto> Items, int Total, int Page, int PageSize, string? Next);

/// <summary>A value a focal point sends: <c>breakdown</c> maps dimensions (sex, age, area) to values; omit it for the total.</summary>
public sealed record ReportedValueDto(string? Indicator, int? Year, Dictionary<string, string?>? Breakdown, double? Value, string? Source, string? Notes, string? EvidenceUrl);

public sealed record ReportRequest(IReadOnlyList<ReportedValueDto>? Values, bool Submit);

/// <summary>What a report did: values saved, those equal to what was stored, and the drafts sent for approval (with <c>submit</c>: every draft of the country).</summary>
public sealed record ReportResult(int Saved, int Unchanged, int Submitted);

public static class IndicatorsApi
{
    public const int MaxPageSize = 1000;

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
        var reads = v1.MapGroup("").CacheOutput(ContentCache.Policy);

        reads.MapGet("/agendas/{key}/indicators", async Task<Results<Ok<List<IndicatorListItemDto>>, ProblemHttpResult>> (
            string key, [FromQuery] string? status, AgendaReader agendas, IndicatorReader reader, CancellationToken ct) =>
        {
            var agenda = await agendas.GetTreeAsync(key, ct);
            if (agenda is null) return ApiProblem.NotFound($"No agenda has the key '{key}'.");
            ProgressStatus? wanted = null;
            if (status is not null)
            {
                wanted = Enum.GetValues<ProgressStatus>().Cast<ProgressStatus?>().FirstOrDefault(x => ProgressStatusCodes.Code(x!.Value) == status);
                if (wanted is null)
                {
                    return ApiProblem.Validation("Unknown status", new Dictionary<string, string[]> { ["status"] =
                        [$"Give one of: {string.Join(", ", Enum.GetValues<ProgressStatus>().Select(ProgressStatusCodes.Code))}."] });
                }
            }
            var list = await reader.ListAsync(agenda.Id, ct);
            var totals = await reader.RegionalTotalsAsync(list.Select(i => i.VersionId).ToList(), ct);
            var targets = await reader.TargetsAsync(list.Select(i => i.Id).ToList(), ct);
            var items = list.Select(i =>
            {
                var points = totals.GetValueOrDefault(i.VersionId) ?? [];
                var series = IndicatorProgress.Series(i.Direction, targets.GetValueOrDefault(i.Id)?.FirstOrDefault(t => t.Country is null), points);
                var results = Progress.AssessAll(series);
                return (Results: results, Dto: new IndicatorListItemDto(i.Code, i.ObjectiveCode, i.Title, i.Unit, i.Direction, i.Status, i.IsExample, i.VersionNumber,
                    points.Count == 0 ? null : new YearValueDto(points[^1].Year, points[^1].Value), results.Select(Dto).ToList(),
                    $"/api/v1/agendas/{agenda.Slug}/indicators/{i.Code}", $"/agendas/{agenda.Slug}/indicators/{i.Code}"));
            });
            if (wanted is ProgressStatus w) items = items.Where(x => x.Results.Any(r => r.Status == w));
            return TypedResults.Ok(items.Select(x => x.Dto).ToList());
        })
        .WithName("ListIndicators")
        .WithSummary("An agenda's indicators with the region's latest approved value and both methods' status; status filters by a status of either method.");

        reads.MapGet("/agendas/{key}/indicators/{code}", async Task<Results<Ok<IndicatorDto>, ProblemHttpResult>> (
            string key, string code, AgendaReader agendas, IndicatorReader reader, CancellationToken ct) =>
        {
            var agenda = await agendas.ResolveAsync(key, ct);
            var i = agenda is null ? null : await reader.GetAsync(agenda.Value.Id, code, ct);
            if (i is null) return ApiProblem.NotFound($"No indicator '{code}' in agenda '{key}'.");
            var values = await reader.ApprovedValuesAsync(i.Versions.Select(v => v.Id).ToList(), ct: ct);
            var progress = IndicatorProgress.Assess(i, values);
            var self = $"/api/v1/agendas/{i.Agenda.Slug}/indicators/{i.Code}";
            return TypedResults.Ok(new IndicatorDto(i.Code, new AgendaRef(i.Agenda.Id, i.Agenda.Symbol, i.Agenda.Slug, i.Agenda.Title), i.ObjectiveCode, i.Status, i.IsExample,
                Version(i.Current), i.Versions.Select(Version).ToList(), i.Lines.Select(l => l.Code).ToList(), i.SdgTargets,
                i.Targets.Select(t => new TargetDto(t.Country?.Code, t.BaselineYear, t.BaselineValue, t.TargetYear, t.TargetValue,
                    t.Milestones.Select(m => new YearValueDto(m.Year, m.Value)).ToList())).ToList(),
                progress.Select(p => new SeriesProgressDto(p.CountryCode, p.Breakdown, p.Results.Select(Dto).ToList(), p.MethodsDisagree)).ToList(),
                $"{self}/observations", $"{self}/data.csv", $"{self}/data.xlsx", $"{self}/data.json", self, $"/agendas/{i.Agenda.Slug}/indicators/{i.Code}"));
        })
        .WithName("GetIndicator")
        .WithSummary("One indicator: every version of its definition, its targets and the progress of every published series by both methods.");

        reads.MapGet("/agendas/{key}/indicators/{code}/observations", async Task<Results<Ok<ObservationPage>, ProblemHttpResult>> (
            string key, string code, [FromQuery] string? country, [FromQuery] int? from, [FromQuery] int? to, [FromQuery] string? breakdown,
            [FromQuery] int? version, [FromQuery] int? page, [FromQuery] int? pageSize, AgendaReader agendas, RumboDbContext db, CancellationToken ct) =>
        {
            var agenda = await agendas.ResolveAsync(key, ct);
            if (agenda is null) return ApiProblem.NotFound($"No agenda has the key '{key}'.");
            var errors = new Dictionary<string, string[]>();
            var size = pageSize ?? 100;
            if (size is < 1 or > MaxPageSize) errors["pageSize"] = [$"Give a page size from 1 to {MaxPageSize}."];
            if ((page ?? 1) < 1) errors["page"] = ["Pages are numbered from 1."];
            if (from is int f && (f < SeriesInput.FirstYear || f > SeriesInput.LastYear)) errors["from"] = [$"Give a year from {SeriesInput.FirstYear} to {SeriesInput.LastYear}."];
            if (to is int t && (t < SeriesInput.FirstYear || t > SeriesInput.LastYear)) errors["to"] = [$"Give a year from {SeriesInput.FirstYear} to {SeriesInput.LastYear}."];
            string? wantedBreakdown = null;
            if (breakdown is not null)
            {
                var pairs = Disaggregations.Read(breakdown);
                var known = pairs.All(p => Disaggregations.Find(p.Key) is { } d && d.Values.Any(v => v.Code == p.Value));
                wantedBreakdown = breakdown.Trim() == "total" ? "" : Disaggregations.Write(pairs);
                if (breakdown.Trim() != "total" && (pairs.Count == 0 || !known || wantedBreakdown != breakdown.Trim()))
                {
                    errors["breakdown"] = [$"Write the breakdown as total, or dimension=value pairs joined by ; in the order sex, age, area (sex=female;area=urban); dimensions: {string.Join(", ", Disaggregations.All.Select(d => $"{d.Code} ({string.Join(", ", d.Values.Select(v => v.Code))})"))}."];
                }
            }
            if (errors.Count > 0) return ApiProblem.Validation("Bad filter", errors);
            var indicator = await db.Indicators.AsNoTracking().Where(x => x.AgendaId == agenda.Value.Id && x.Code == code).Select(x => (int?)x.Id).SingleOrDefaultAsync(ct);
            if (indicator is null) return ApiProblem.NotFound($"No indicator '{code}' in agenda '{key}'.");
            var q = db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorVersion!.IndicatorId == indicator && v.Status == ValueStatus.Approved);
            if (country is not null)
            {
                var c = country.Trim().ToUpperInvariant();
                q = c == "REGION" ? q.Where(v => v.CountryId == null) : q.Where(v => v.Country!.Code == c);
            }
            if (from is int ff) q = q.Where(v => v.Year >= ff);
            if (to is int tt) q = q.Where(v => v.Year <= tt);
            if (wantedBreakdown is not null) q = q.Where(v => v.Breakdown == wantedBreakdown);
            if (version is int n) q = q.Where(v => v.IndicatorVersion!.Number == n);
            var total = await q.CountAsync(ct);
            var number = page ?? 1;
            var rows = await q.OrderBy(v => v.IndicatorVersion!.Number).ThenBy(v => v.Country == null ? "" : v.Country.Code).ThenBy(v => v.Breakdown).ThenBy(v => v.Year)
                .Skip((number - 1) * size).Take(size)
                .Select(v => new ObservationRow(code, v.IndicatorVersion!.Number, v.IndicatorVersion.Unit.ToString(), v.Country == null ? "" : v.Country.Code, v.Year,
                    v.Breakdown, v.Value, v.Source, v.Notes))
                .ToListAsync(ct);
            string? next = null;
            if (number * size < total)
            {
                var query = System.Web.HttpUtility.ParseQueryString("");
                if (country is not null) query["country"] = country;
                if (from is not null) query["from"] = from.Value.ToString(CultureInfo.InvariantCulture);
                if (to is not null) query["to"] = to.Value.ToString(CultureInfo.InvariantCulture);
                if (breakdown is not null) query["breakdown"] = breakdown;
                if (version is not null) query["version"] = version.Value.ToString(CultureInfo.InvariantCulture);
                query["page"] = (number + 1).ToString(CultureInfo.InvariantCulture);
                query["pageSize"] = size.ToString(CultureInfo.InvariantCulture);
                next = $"/api/v1/agendas/{key}/indicators/{code}/observations?{query}";
            }
            return TypedResults.Ok(new ObservationPage(rows.Select(Observation).ToList(), total, number, size, next));
        })
        .WithName("ListObservations")
        .WithSummary("An indicator's approved observations, filtered by country (ISO alpha-2, or region), years, breakdown and version, a page at a time.");

        // Downloads of one indicator's published series, and of the agenda's whole set.
        reads.MapGet("/agendas/{key}/indicators/{code}/data.{format:regex(^(csv|xlsx|json)$)}", async Task<IResult> (
            string key, string code, string format, AgendaReader agendas, OpenData open, RumboDbContext db, CancellationToken ct) =>
        {
            var agenda = await agendas.ResolveAsync(key, ct);
            if (agenda is null || !await db.Indicators.AnyAsync(i => i.AgendaId == agenda.Value.Id && i.Code == code, ct)) return ApiProblem.NotFound($"No indicator '{code}' in agenda '{key}'.");
            var rows = await open.ObservationsAsync(agenda.Value.Id, code, ct: ct).ToListAsync(ct);
            if (format == "json") return TypedResults.Ok(rows.Select(Observation).ToList());
            return TableDownloads.File(format, $"{key}-{code}", "Observations", OpenData.Columns, rows.Select(OpenData.Cells));
        })
        .WithName("DownloadIndicatorData")
        .WithSummary("One indicator's approved observations as CSV, XLSX or JSON (open data, CC BY 4.0).");

        v1.MapGet("/agendas/{key}/indicators/observations.csv", async Task<IResult> (string key, AgendaReader agendas, OpenData open, HttpContext http, CancellationToken ct) =>
        {
            var agenda = await agendas.ResolveAsync(key, ct);
            if (agenda is null) return ApiProblem.NotFound($"No agenda has the key '{key}'.");
            http.Response.ContentType = TableDownloads.CsvType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{key}-observations.csv\"";
            // Streamed as it is read: any size, with memory that does not grow with it.
            await open.WriteAgendaCsvAsync(agenda.Value.Id, http.Response.Body, ct);
            return Results.Empty;
        })
        .WithName("DownloadAgendaObservations")
        .WithSummary("Every approved observation of an agenda's indicators as one CSV, streamed (open data, CC BY 4.0).");

        v1.MapGet("/agendas/{key}/indicators/data.zip", async Task<IResult> (string key, AgendaReader agendas, OpenData open, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var agenda = await agendas.GetTreeAsync(key, ct);
            if (agenda is null) return ApiProblem.NotFound($"No agenda has the key '{key}'.");
            var path = Path.GetTempFileName();
            await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await open.WriteZipAsync(agenda.Id, agenda.Slug, agenda.Title.Source, clock.GetUtcNow().UtcDateTime, file, ct);
            file.Position = 0;
            http.Response.ContentType = "application/zip";
            http.Response.ContentLength = file.Length;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{agenda.Slug}-indicators.zip\"";
            await file.CopyToAsync(http.Response.Body, ct);
            return Results.Empty;
        })
        .WithName("DownloadAgendaDataPackage")
        .WithSummary("An agenda's open data as a zip: a Frictionless data package (datapackage.json describing every column), the observations, indicators and targets as CSV, and the observations as SDMX-CSV 2.0.");

        // Focal points report with a personal access token; the same checks and answers as the page's upload.
        v1.MapPost("/agendas/{key}/reporting/{country}/values", ReportAsync)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = AccessTokenHandler.SchemeName })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ReportingTemplate.MaxUpload))
            .WithName("ReportValues")
            .WithSummary("A country's values, as drafts or sent for approval (its focal points and the secretariat, with a personal access token).")
            .WithDescription("JSON {\"values\": [{\"indicator\", \"year\", \"breakdown\": {\"sex\": \"female\"}, \"value\", \"source\", \"notes\", \"evidenceUrl\"}], \"submit\": false}, or the template as text/csv with ?submit=true|false. Every row is checked first; 422 lists every problem by row and column and stores nothing.");
        return v1;
    }

    private static async Task<IResult> ReportAsync(string key, string country, [FromQuery] bool? submit, HttpContext http, CurrentUser currentUser, AgendaReader agendas,
        ReportingStore store, RumboDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(http.User, ct);
        var agenda = await agendas.ResolveAsync(key, ct);
        var code = country.Trim().ToUpperInvariant();
        var countryId = agenda is null ? null : await db.Countries.AsNoTracking().Where(c => c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        // Another country's drafts are not for this caller to see: 404, as the page.
        if (agenda is null || countryId is null || !user.CanReportIndicators(agenda.Value.Id, countryId.Value)) return ApiProblem.NotFound($"No reporting of '{country}' for agenda '{key}' is open to you.");
        var indicators = await store.IndicatorsAsync(agenda.Value.Id, ct);
        var stored = await store.StoredAsync(indicators.Values.Select(i => i.VersionId), countryId.Value, ct);
        var year = clock.GetUtcNow().Year;
        ReportCheck check;
        bool send;
        var type = http.Request.ContentType ?? "";
        if (type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            var read = ReportingTemplate.Read(buffer, indicators, stored, code, year);
            if (read.Problem is { } problem) return ApiProblem.Validation("The file was not read", new Dictionary<string, string[]> { ["file"] = [problem] });
            check = read.Check!;
            send = submit ?? false;
        }
        else
        {
            ReportRequest? request;
            try
            {
                request = await http.Request.ReadFromJsonAsync<ReportRequest>(http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions, ct);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
            {
                return ApiProblem.Problem(StatusCodes.Status400BadRequest, "Unreadable body", "Send JSON {\"values\": [...], \"submit\": false}, or the template as text/csv.");
            }
            if (request?.Values is null) return ApiProblem.Validation("No values", new Dictionary<string, string[]> { ["values"] = ["Give the values to report."] });
            var rows = request.Values.Select((v, i) => new ReportedRow(i + 1, v?.Indicator, null, v?.Year?.ToString(CultureInfo.InvariantCulture),
                Disaggregations.All.ToDictionary(d => d.Code, d => v?.Breakdown?.GetValueOrDefault(d.Code)), v?.Value?.ToString("R", CultureInfo.InvariantCulture), Blank(v?.Source), Blank(v?.Notes), Blank(v?.EvidenceUrl)));
            var unknown = request.Values.Select((v, i) => (v, i)).SelectMany(x => (x.v?.Breakdown?.Keys ?? Enumerable.Empty<string>())
                .Where(k => Disaggregations.Find(k) is null).Select(k => ($"values[{x.i}].breakdown.{k}", $"{k} is not a dimension: use {string.Join(", ", Disaggregations.All.Select(d => d.Code))}."))).ToList();
            if (unknown.Count > 0) return ApiProblem.Validation("The values were not stored", unknown.ToDictionary(u => u.Item1, u => new[] { u.Item2 }));
            check = ReportingCheck.Check(indicators, stored, code, rows, year);
            send = request.Submit || (submit ?? false);
        }
        if (check.Problems.Count > 0)
        {
            return ApiProblem.Validation("The values were not stored", check.Problems.GroupBy(p => $"rows[{p.Row}].{p.Column}")
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message.InEnglish()).ToArray()));
        }
        var round = await store.CurrentRoundAsync(agenda.Value.Id, ct);
        if (!await store.SaveAsync(countryId.Value, round?.Id, check.Values, user.PersonId, submit: false, ct))
        {
            return ApiProblem.Problem(StatusCodes.Status409Conflict, "Conflict", ReportingStore.Conflict);
        }
        // Sending sends the country's drafts, those saved now and those saved before (as the page's "send every draft").
        var sent = send ? await store.SubmitDraftsAsync(agenda.Value.Id, countryId.Value, user.PersonId, ct) : 0;
        return Results.Ok(new ReportResult(check.Values.Count, check.Unchanged, sent));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static IndicatorVersionDto Version(IndicatorVersionView v) => new(v.Number, v.Title, v.Definition, v.Method, v.Source, v.Unit, v.Decimals, v.Minimum, v.Maximum,
        v.Periodicity, v.Direction, v.DimensionList.Select(d => d.Code).ToList(), v.ResponsibleGroup?.Slug, v.ChangeNote, v.CreatedAtUtc);

    private static ObservationDto Observation(ObservationRow r) => new(r.Indicator, r.Version, r.Country.Length == 0 ? null : r.Country, r.Year,
        Disaggregations.Read(r.Breakdown), r.Value, r.Unit, r.Source, r.Notes);

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
