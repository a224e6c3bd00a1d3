using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
using static Rumbo.Web.Api.ApiProblem;

namespace Rumbo.Web.Api;

public sealed record CountryRef(string Code, LocalizedString Name, string Html);

public sealed record GroupCountryRef(string Code, LocalizedString Name, GroupCountryRole Role, string Html);

public sealed record InstitutionRef(int Id, LocalizedString Name, string? Acronym, InstitutionKind Kind, string? CountryCode);

public sealed record PersonRef(int Id, string Name, bool IsExample, string Self, string Html);

public sealed record GroupRef(string Slug, LocalizedString Name, GroupKind Kind, GroupStatus Status, string Self, string Html);

/// <summary>A group in the directory. Members counts everyone in the group, coordinators included; BrokenRules holds the codes of the documents' rules it breaks.</summary>
public sealed record GroupSummary(
    string Slug, LocalizedString Name, GroupKind Kind, GroupStatus Status, AgendaRef Agenda, AreaRef? Area,
    IReadOnlyList<GroupCountryRef> Countries, int Coordinators, int Members, IReadOnlyList<string> BrokenRules, string Self, string Html);

public sealed record GroupMemberView(PersonRef Person, GroupRole Role, InstitutionRef? Represents, string? Position, DateOnly? Since);

public sealed record GroupLineRef(string Code, LocalizedString Text, string AgendaSlug, DateOnly? RetiredOn, string Self, string Html);

public sealed record GroupView(
    string Slug, LocalizedString Name, LocalizedString Mandate, GroupKind Kind, GroupStatus Status, AgendaRef Agenda, AreaRef? Area,
    GroupRef? Parent, IReadOnlyList<GroupRef> Subgroups, DateOnly? StartDate, DateOnly? EndDate,
    IReadOnlyList<GroupMemberView> Coordinators, IReadOnlyList<GroupMemberView> Members, IReadOnlyList<GroupCountryRef> Countries,
    IReadOnlyList<GroupLineRef> Lines, IReadOnlyList<RuleCheck> Rules, string Self, string Html);

public sealed record CountrySummary(string Code, string Code3, LocalizedString Name, Subregion Subregion, CountryStatus Status, int Groups, string Self, string Html);

public sealed record CountryGroupView(GroupRef Group, AgendaRef Agenda, GroupCountryRole Role);

public sealed record FocalPointView(AgendaRef Agenda, IReadOnlyList<PersonRef> People);

public sealed record CountryView(
    string Code, string Code3, LocalizedString Name, Subregion Subregion, CountryStatus Status,
    IReadOnlyList<CountryGroupView> Groups, IReadOnlyList<FocalPointView> FocalPoints, string Self, string Html);

public sealed record InstitutionView(int Id, LocalizedString Name, string? Acronym, InstitutionKind Kind, CountryRef? Country, InstitutionRef? Parent, string? Website);

public sealed record PersonGroupView(GroupRef Group, AgendaRef Agenda, GroupRole Role, InstitutionRef? Represents);

public sealed record PersonFocalPointView(AgendaRef Agenda, CountryRef Country);

/// <summary>A person. Email and Phone are null unless the caller is signed in or the person made their contact details public.</summary>
public sealed record PersonView(
    int Id, string GivenName, string FamilyName, string Name, string? Position, bool IsExample, InstitutionRef? Institution, CountryRef? Country,
    string? Email, string? Phone, bool ContactIsPublic, IReadOnlyList<PersonGroupView> Groups, IReadOnlyList<PersonFocalPointView> FocalPoints,
    string Self, string Html);

public static class GroupsApi
{
    public static IEndpointRouteBuilder MapGroupsApi(this IEndpointRouteBuilder v1)
    {
        // Cached whole like the agendas; the output cache neither stores nor serves signed-in requests, so the people
        // endpoint's cached answers are the anonymous ones.
        var api = v1.MapGroup("").CacheOutput(Infrastructure.ContentCache.Policy);

        api.MapGet("/groups", async Task<Results<Ok<List<GroupSummary>>, ProblemHttpResult>> (
            [FromQuery] string? agenda, [FromQuery] string? area, [FromQuery] string? country, [FromQuery] string? kind, [FromQuery] string? status,
            GroupReader reader, CancellationToken ct) =>
        {
            if (!GroupFilter.TryParse<GroupKind>(kind, out var k))
                return Problem(StatusCodes.Status400BadRequest, "Unknown kind", $"'{kind}' is not a kind of group: use one of {string.Join(", ", Names<GroupKind>())}.");
            if (!GroupFilter.TryParse<GroupStatus>(status, out var s))
                return Problem(StatusCodes.Status400BadRequest, "Unknown status", $"'{status}' is not a status: use one of {string.Join(", ", Names<GroupStatus>())}.");
            if (!string.IsNullOrWhiteSpace(country) && !PeopleReader.IsCountryCode(country.Trim()))
                return Problem(StatusCodes.Status400BadRequest, "Invalid country", $"'{country}' is not an ISO 3166-1 alpha-2 code such as CL.");
            var filter = new GroupFilter(Blank(agenda), Blank(area), Blank(country), k, s);
            if (filter.Area is not null && filter.AreaKey() is null)
                return Problem(StatusCodes.Status400BadRequest, "Invalid area",
                    $"'{area}' does not name an area or axis: give its agenda and code (lc-crp-20-6:2), or its code (2) with the agenda parameter.");
            var list = await reader.ListAsync(filter, ct);
            return TypedResults.Ok(list.Select(g => new GroupSummary(g.Slug, g.Name, g.Kind, g.Status, Agenda(g.Agenda),
                g.Area is null ? null : new AreaRef(g.Area.Code, g.Area.Title), g.Countries.Select(Country).ToList(),
                g.Coordinators, g.Members, g.Checks.Where(c => c.Outcome == RuleOutcome.Broken).Select(c => c.Code).ToList(),
                $"/api/v1/groups/{g.Slug}", $"/groups/{g.Slug}")).ToList());
        })
        .WithTags("Groups").WithName("ListGroups")
        .WithSummary("The bodies and groups, filtered by agenda, area or axis, country, kind and status, with the rules each breaks.")
        .WithDescription("agenda is the agenda's slug or symbol; area is lc-crp-20-6:2, or 2 with agenda; country an ISO alpha-2 code; kind and status their names (thematicWorkingGroup, active).");

        api.MapGet("/groups/{slug}", async Task<Results<Ok<GroupView>, ProblemHttpResult>> (string slug, GroupReader reader, CancellationToken ct) =>
        {
            var g = await reader.GetAsync(slug, ct);
            if (g is null) return NotFound($"No group has the slug '{slug}'.");
            return TypedResults.Ok(new GroupView(g.Slug, g.Name, g.Mandate, g.Kind, g.Status, Agenda(g.Agenda),
                g.Area is null ? null : new AreaRef(g.Area.Code, g.Area.Title),
                g.Parent is null ? null : Group(g.Parent), g.Subgroups.Select(Group).ToList(), g.StartDate, g.EndDate,
                g.Coordinators.Select(Member).ToList(), g.Members.Select(Member).ToList(), g.Countries.Select(Country).ToList(),
                g.Lines.Select(l => new GroupLineRef(l.Code, l.Text, l.AgendaSlug, l.RetiredOn,
                    $"/api/v1/agendas/{l.AgendaSlug}/lines/{l.Code}", $"/agendas/{l.AgendaSlug}/lines/{l.Code}")).ToList(),
                g.Checks, $"/api/v1/groups/{g.Slug}", $"/groups/{g.Slug}"));
        })
        .WithTags("Groups").WithName("GetGroup")
        .WithSummary("One group: mandate, coordinators and whom they represent, countries, members, lines of action served, and the documents' rules checked against it.");

        api.MapGet("/countries", async (PeopleReader reader, CancellationToken ct) =>
        {
            var list = await reader.CountriesAsync(ct);
            return list.Select(c => new CountrySummary(c.Code, c.Code3, c.Name, c.Subregion, c.Status, c.Groups, Self(c.Code), Html(c.Code))).ToList();
        })
        .WithTags("Countries and people").WithName("ListCountries").WithSummary("The countries, with their subregion, ECLAC membership and how many groups they take part in.");

        api.MapGet("/countries/{code}", async Task<Results<Ok<CountryView>, ProblemHttpResult>> (string code, PeopleReader reader, CancellationToken ct) =>
        {
            if (!PeopleReader.IsCountryCode(code))
                return Problem(StatusCodes.Status400BadRequest, "Invalid country", $"'{code}' is not an ISO 3166-1 alpha-2 code such as CL.");
            var c = await reader.CountryAsync(code, ct);
            if (c is null) return NotFound($"No country has the code '{code.ToUpperInvariant()}'.");
            return TypedResults.Ok(new CountryView(c.Code, c.Code3, c.Name, c.Subregion, c.Status,
                c.Groups.Select(g => new CountryGroupView(Group(g.Group), Agenda(g.Agenda), g.Role)).ToList(),
                c.FocalPoints.Select(f => new FocalPointView(Agenda(f.Agenda), f.People.Select(p => Person(p.Person)).ToList())).ToList(),
                Self(c.Code), Html(c.Code)));
        })
        .WithTags("Countries and people").WithName("GetCountry")
        .WithSummary("One country by its ISO 3166-1 alpha-2 code, in any case: its groups with its role in each, and its focal points per agenda.");

        api.MapGet("/institutions", async (PeopleReader reader, CancellationToken ct) =>
        {
            var list = await reader.InstitutionsAsync(ct);
            return list.Select(i => new InstitutionView(i.Id, i.Name, i.Acronym, i.Kind,
                i.Country is null ? null : new CountryRef(i.Country.Code, i.Country.Name, Html(i.Country.Code)),
                i.Parent is null ? null : Institution(i.Parent), i.Website)).ToList();
        })
        .WithTags("Countries and people").WithName("ListInstitutions").WithSummary("The institutions people belong to and groups' coordinators represent.");

        api.MapGet("/people/{id:int}", async Task<Results<Ok<PersonView>, ProblemHttpResult>> (
            int id, ClaimsPrincipal user, CurrentUser currentUser, PeopleReader reader, HttpContext http, CancellationToken ct) =>
        {
            var viewer = await currentUser.GetAsync(user, ct);
            var p = await reader.PersonAsync(id, viewer, ct);
            if (p is null) return NotFound($"No person has the id {id}.");
            return TypedResults.Ok(new PersonView(p.Id, p.GivenName, p.FamilyName, p.Name, p.Position, p.IsExample,
                p.Institution is null ? null : Institution(p.Institution),
                p.Country is null ? null : new CountryRef(p.Country.Code, p.Country.Name, Html(p.Country.Code)),
                p.Email, p.Phone, p.ContactIsPublic,
                p.Groups.Select(g => new PersonGroupView(Group(g.Group), Agenda(g.Agenda), g.Role, g.Represents is null ? null : Institution(g.Represents))).ToList(),
                p.FocalPoints.Select(f => new PersonFocalPointView(Agenda(f.Agenda), new CountryRef(f.Country.Code, f.Country.Name, Html(f.Country.Code)))).ToList(),
                $"/api/v1/people/{p.Id}", $"/people/{p.Id}"));
        })
        .WithTags("Countries and people").WithName("GetPerson")
        .WithSummary("One person: institution, country, position, groups and focal-point roles. E-mail and telephone are null unless the caller is signed in or the person made them public.");

        return v1;
    }

    private static string Self(string countryCode) => $"/api/v1/countries/{countryCode.ToLowerInvariant()}";

    private static string Html(string countryCode) => $"/countries/{countryCode.ToLowerInvariant()}";

    private static AgendaRef Agenda(AgendaLabel a) => new(a.Id, a.Symbol, a.Slug, a.Title);

    private static GroupRef Group(GroupLink g) => new(g.Slug, g.Name, g.Kind, g.Status, $"/api/v1/groups/{g.Slug}", $"/groups/{g.Slug}");

    private static GroupCountryRef Country(GroupCountryItem c) => new(c.Country.Code, c.Country.Name, c.Role, Html(c.Country.Code));

    private static InstitutionRef Institution(InstitutionLabel i) => new(i.Id, i.Name, i.Acronym, i.Kind, i.CountryCode);

    private static PersonRef Person(PersonLabel p) => new(p.Id, p.Name, p.IsExample, $"/api/v1/people/{p.Id}", $"/people/{p.Id}");

    private static GroupMemberView Member(GroupMemberItem m) =>
        new(Person(m.Person), m.Role, m.Represents is null ? null : Institution(m.Represents), m.Position, m.Since);

    private static IEnumerable<string> Names<TEnum>() where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Select(n => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(n));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
