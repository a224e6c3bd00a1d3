using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Policies.Suggestions;
using static Rumbo.Web.Api.ApiProblem;

namespace Rumbo.Web.Api;

/// <summary>A policy's text to suggest lines for: its title and summary in <c>language</c> (en, es, pt or fr).</summary>
public sealed record LineSuggestionRequest(string? Title, string? Summary, string? Language);

/// <summary>A line the text serves: its code, how strongly (comparable within one answer), the caller's words that support it.</summary>
public sealed record LineSuggestionDto(string Code, double Score, LocalizedString Text, IReadOnlyList<string> Words, string Self, string Html);

public sealed record LineSuggestionResponse(IReadOnlyList<LineSuggestionDto> Suggestions);

/// <summary>
/// <c>POST /api/v1/agendas/{key}/line-suggestions</c>: the lines of action a text serves, best first, only those Rumbo is
/// confident of. Open to anyone, as the agenda is public and nothing is stored, but limited per client address: each call
/// computes over the agenda's texts (decision 0030).
/// </summary>
public static class PolicySuggestionsApi
{
    public const string RateLimit = "line-suggestions";

    /// <summary>The longest body read: a title and a summary at their limits, in three-byte characters, with room for the JSON.</summary>
    public const int MaxBody = 3 * (LineSuggestions.MaxTitle + LineSuggestions.MaxSummary) + 4096;

    public static IServiceCollection AddLineSuggestionsRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Rumbo:LineSuggestionsRateLimit:PermitLimit", 60);
        return services.AddRateLimiter(o => o.AddPolicy(RateLimit, context =>
            RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })));
    }

    public static IEndpointRouteBuilder MapPolicySuggestionsApi(this IEndpointRouteBuilder v1)
    {
        v1.MapPost("/agendas/{key}/line-suggestions", SuggestAsync)
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimit)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBody))
            .WithTags("Public policies")
            .WithName("SuggestLines")
            .WithSummary("The lines of action of the agenda that a policy's text serves, best first, each with the words of the text that support it; only suggestions Rumbo is confident of, so a text that serves no line gets none.")
            .WithDescription("JSON {\"title\", \"summary\", \"language\"} with language en, es, pt or fr. 400 for a body that is not that JSON, 404 for an unknown agenda, 413 for a body over the limit, 422 by field (no title, a text too long, another language), 429 past the limit of calls a minute per address.");
        return v1;
    }

    private static async Task<IResult> SuggestAsync(string key, HttpContext http, AgendaReader agendas, LineSuggestions suggestions, RumboDbContext db, CancellationToken ct)
    {
        if (http.Request.ContentLength > MaxBody) return TooLarge();
        if (http.Request.HasJsonContentType() is false) return Unreadable();
        // Read with a cap of our own: a chunked body has no length to refuse up front, and not every server enforces the limit.
        using var buffer = new MemoryStream();
        try
        {
            var chunk = new byte[16384];
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxBody) return TooLarge();
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        LineSuggestionRequest? request;
        try
        {
            buffer.Position = 0;
            var json = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            request = await JsonSerializer.DeserializeAsync<LineSuggestionRequest>(buffer, json, ct);
        }
        catch (JsonException)
        {
            return Unreadable();
        }
        if (request is null) return Unreadable();
        var agenda = await agendas.ResolveAsync(key, ct);
        if (agenda is null) return NotFound($"No agenda has the key '{key}'.");
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Title)) errors["title"] = ["Give the policy's title."];
        else if (request.Title.Length > LineSuggestions.MaxTitle) errors["title"] = [$"The title is longer than {LineSuggestions.MaxTitle} characters."];
        if (request.Summary?.Length > LineSuggestions.MaxSummary) errors["summary"] = [$"The summary is longer than {LineSuggestions.MaxSummary} characters."];
        var language = request.Language?.Trim().ToLowerInvariant();
        if (!TextAnalysis.IsLanguage(language)) errors["language"] = ["Give the text's language: en, es, pt or fr."];
        if (errors.Count > 0) return Validation("No suggestions were made", errors);

        var found = await suggestions.SuggestAsync(agenda.Value.Id, request.Title, request.Summary, language!, ct);
        var codes = found.Select(s => s.Code).ToList();
        var texts = await db.Lines.AsNoTracking().Where(l => l.AgendaId == agenda.Value.Id && codes.Contains(l.Code))
            .Select(l => new { l.Code, Text = l.Text.ToDocument() }).ToDictionaryAsync(l => l.Code, l => l.Text, ct);
        var slug = await db.Agendas.AsNoTracking().Where(a => a.Id == agenda.Value.Id).Select(a => a.Slug).SingleAsync(ct);
        return TypedResults.Ok(new LineSuggestionResponse(found.Select(s => new LineSuggestionDto(s.Code, Math.Round(s.Score, 3), texts[s.Code], s.Words,
            $"/api/v1/agendas/{slug}/lines/{s.Code}", $"/agendas/{slug}/lines/{s.Code}")).ToList()));

        static IResult Unreadable() => Problem(StatusCodes.Status400BadRequest, "Unreadable body", "Send JSON {\"title\": \"...\", \"summary\": \"...\", \"language\": \"es\"}.");

        static IResult TooLarge() => Problem(StatusCodes.Status413PayloadTooLarge, "Too large", $"Send at most {MaxBody} bytes: a title of {LineSuggestions.MaxTitle} characters and a summary of {LineSuggestions.MaxSummary} at most.");
    }
}
