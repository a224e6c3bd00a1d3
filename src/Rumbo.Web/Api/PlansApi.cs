using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.Plans;
using static Rumbo.Web.Api.ApiProblem;

namespace Rumbo.Web.Api;

/// <summary>A plan in a list. Months are yyyy-MM.</summary>
public sealed record PlanSummary(int Id, LocalizedString Title, GroupRef Group, AgendaRef Agenda, string PeriodStart, string PeriodEnd,
    PlanStatus Status, DateOnly? AdoptedOn, int Activities, string Self, string Html);

public sealed record PlanLineRef(string Code, LocalizedString Text, string Self, string Html);

public sealed record PlanActivityView(int Id, int Position, LocalizedString Title, LocalizedString Description, string? StartMonth, string? EndMonth,
    GroupRef ResponsibleGroup, ActivityStatus Status, IReadOnlyList<CountryRef> Countries, IReadOnlyList<PlanLineRef> Lines);

public sealed record PlanMeetingRef(int Id, LocalizedString Title, DateTime StartsAtUtc, string TimeZone, string Html);

public sealed record PlanAdoption(DateOnly? AdoptedOn, PlanMeetingRef? Meeting, string? Note);

/// <summary>A plan of work with its activities in order. Months are yyyy-MM; Adoption is null for a draft.</summary>
public sealed record PlanView(int Id, LocalizedString Title, LocalizedString Description, GroupRef Group, AgendaRef Agenda,
    string PeriodStart, string PeriodEnd, IReadOnlyList<string> Months, PlanStatus Status, PlanAdoption? Adoption,
    IReadOnlyList<PlanActivityView> Activities, string Self, string Html);

public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder v1)
    {
        // Plans of work are public, like the groups they belong to; cached whole like the other reads.
        var api = v1.MapGroup("").CacheOutput(Infrastructure.ContentCache.Policy);

        api.MapGet("/plans", async Task<Results<Ok<List<PlanSummary>>, ProblemHttpResult>> (
            [FromQuery] string? group, [FromQuery] string? agenda, [FromQuery] string? status, RumboDbContext db, PlanReader reader, CancellationToken ct) =>
        {
            if (!GroupFilter.TryParse<PlanStatus>(status, out var s))
                return Problem(StatusCodes.Status400BadRequest, "Unknown status", $"'{status}' is not a status of a plan: use one of {string.Join(", ", Enum.GetNames<PlanStatus>().Select(Camel))}.");
            int? groupId = null, agendaId = null;
            if (!string.IsNullOrWhiteSpace(group))
            {
                var slug = group.Trim();
                groupId = await db.Groups.AsNoTracking().Where(g => g.Slug == slug).Select(g => (int?)g.Id).SingleOrDefaultAsync(ct);
                if (groupId is null) return Problem(StatusCodes.Status404NotFound, "Not found", $"No group has the slug '{slug}'.");
            }
            if (!string.IsNullOrWhiteSpace(agenda))
            {
                var slug = AgendaKeys.Slugify(agenda.Trim());
                agendaId = await db.Agendas.AsNoTracking().Where(a => a.Slug == slug).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
                if (agendaId is null) return Problem(StatusCodes.Status404NotFound, "Not found", $"No agenda has the key '{agenda.Trim()}'.");
            }
            var list = await reader.ListAsync(groupId, agendaId, s, ct);
            return TypedResults.Ok(list.Select(p => new PlanSummary(p.Id, p.Title, Group(p.Group), Agenda(p.Agenda),
                Months.Write(p.PeriodStart), Months.Write(p.PeriodEnd), p.Status, p.AdoptedOn, p.Activities,
                $"/api/v1/plans/{p.Id}", $"/plans/{p.Id}")).ToList());
        })
        .WithTags("Plans of work").WithName("ListPlans")
        .WithSummary("The groups' plans of work, filtered by group (slug), agenda (slug or symbol) and status (draft, adopted).");

        api.MapGet("/plans/{id}", async Task<Results<Ok<PlanView>, ProblemHttpResult>> (string id, PlanReader reader, CancellationToken ct) =>
        {
            if (!int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
                return Problem(StatusCodes.Status400BadRequest, "Invalid id", $"'{id}' is not the number of a plan.");
            var p = await reader.GetAsync(number, ct);
            if (p is null) return Problem(StatusCodes.Status404NotFound, "Not found", $"No plan has the id {number}.");
            var own = Group(p.Group);
            return TypedResults.Ok(new PlanView(p.Id, p.Title, p.Description, own, Agenda(p.Agenda),
                Months.Write(p.PeriodStart), Months.Write(p.PeriodEnd), p.Months.Select(Months.Write).ToList(), p.Status,
                p.Status == PlanStatus.Adopted
                    ? new PlanAdoption(p.AdoptedOn, p.AdoptedAt is { } m ? new PlanMeetingRef(m.Id, m.Title, m.StartsAtUtc, m.TimeZone, $"/meetings/{m.Id}") : null, p.AdoptionNote)
                    : null,
                p.Activities.Select(a => new PlanActivityView(a.Id, a.Position, a.Title, a.Description, Months.Write(a.StartMonth), Months.Write(a.EndMonth),
                    a.ResponsibleGroup is null ? own : Group(a.ResponsibleGroup), a.Status,
                    a.Countries.Select(c => new CountryRef(c.Code, c.Name, $"/countries/{c.Code.ToLowerInvariant()}")).ToList(),
                    a.Lines.Select(l => new PlanLineRef(l.Code, l.Text, $"/api/v1/agendas/{l.AgendaSlug}/lines/{l.Code}", $"/agendas/{l.AgendaSlug}/lines/{l.Code}")).ToList()))
                    .ToList(),
                $"/api/v1/plans/{p.Id}", $"/plans/{p.Id}"));
        })
        .WithTags("Plans of work").WithName("GetPlan")
        .WithSummary("One plan of work: period, adoption and its activities in order, with their months (yyyy-MM), responsible group, countries, status and lines of action.");

        return v1;
    }

    private static GroupRef Group(GroupLink g) => new(g.Slug, g.Name, g.Kind, g.Status, $"/api/v1/groups/{g.Slug}", $"/groups/{g.Slug}");

    private static AgendaRef Agenda(AgendaLabel a) => new(a.Id, a.Symbol, a.Slug, a.Title);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
