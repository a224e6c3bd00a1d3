using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Agreements;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.Core.People;
using static Rumbo.Web.Api.ApiProblem;

namespace Rumbo.Web.Api;

public sealed record AgreementGroupRef(string Slug, LocalizedString Name, string Self, string Html);

public sealed record AgreementMeetingRef(int Id, LocalizedString Title, DateTime StartsAtUtc, string Html);

public sealed record AgreementLineRef(string Code, LocalizedString Text, string AgendaSlug, string Self, string Html);

public sealed record FollowUpReport(FollowUpStatus Status, string Text, string? EvidenceUrl, DateTime ReportedAtUtc, PersonRef? ReportedBy);

/// <summary>A country's follow-up of an agreement; Role is its role in the group (null for a country outside it), Report null until it reports.</summary>
public sealed record CountryFollowUpView(string CountryCode, LocalizedString CountryName, GroupCountryRole? Role, FollowUpReport? Report);

/// <summary>An agreement in a list. Reports counts the countries that reported, Countries those listed (the group's and any that reported).</summary>
public sealed record AgreementSummary(
    int Id, int Number, AgreementKind Kind, LocalizedString Text, DateOnly AdoptedOn, Visibility Visibility,
    AgreementGroupRef Group, AgreementMeetingRef Meeting, IReadOnlyList<AgreementLineRef> Lines, int Reports, int Countries, string Self, string Html);

public sealed record AgreementDetail(
    int Id, int Number, AgreementKind Kind, LocalizedString Text, DateOnly AdoptedOn, Visibility Visibility,
    AgreementGroupRef Group, AgreementMeetingRef Meeting, IReadOnlyList<AgreementLineRef> Lines, IReadOnlyList<CountryFollowUpView> FollowUps,
    string Self, string Html);

public static partial class AgreementsApi
{
    /// <summary>A group's agreements as CSV or XLSX, beside its page (not part of the API); only what the reader may see.</summary>
    public static IEndpointRouteBuilder MapAgreementExports(this IEndpointRouteBuilder app)
    {
        app.MapGroupTable("agreements", "Agreements", AgreementExport.Header, async (http, groupId, viewer, ct) =>
            await AgreementExport.RowsAsync(http.RequestServices.GetRequiredService<RumboDbContext>(), groupId, viewer,
                $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", ct));
        return app;
    }

    public static IEndpointRouteBuilder MapAgreementsApi(this IEndpointRouteBuilder v1)
    {
        // Cached whole for anonymous callers only: the output cache neither stores nor serves signed-in or bearer requests,
        // so a member's answer (with drafts and members-only items) never reaches anyone else.
        var api = v1.MapGroup("").CacheOutput(Infrastructure.ContentCache.Policy);

        api.MapGet("/agreements", async Task<Results<Ok<List<AgreementSummary>>, ProblemHttpResult>> (
            [FromQuery] string? group, [FromQuery] string? line, [FromQuery] string? country, [FromQuery] string? meeting,
            ClaimsPrincipal principal, CurrentUser currentUser, RumboDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var user = await currentUser.GetAsync(principal, ct);
            var query = db.Agreements.AsQueryable();
            if (!string.IsNullOrWhiteSpace(group))
            {
                var slug = group.Trim();
                var groupId = await db.Groups.Where(g => g.Slug == slug).Select(g => (int?)g.Id).SingleOrDefaultAsync(ct);
                if (groupId is null) return NotFound($"No group has the slug '{slug}'.");
                query = query.Where(a => a.GroupId == groupId);
            }
            if (!string.IsNullOrWhiteSpace(line))
            {
                var m = LinePattern().Match(line.Trim());
                if (!m.Success)
                    return Problem(StatusCodes.Status400BadRequest, "Invalid line", $"'{line}' is not a line of action: give its code (2.4.1) or its agenda and code (lc-crp-20-6:2.4.1).");
                var code = m.Groups["code"].Value;
                var agenda = m.Groups["agenda"].Success ? m.Groups["agenda"].Value : null;
                var lines = await db.Lines.Where(l => l.Code == code && (agenda == null || l.Agenda!.Slug == agenda)).Select(l => l.Id).ToListAsync(ct);
                if (lines.Count == 0) return NotFound($"No line of action has the code '{line.Trim()}'.");
                query = query.Where(a => a.Lines.Any(l => lines.Contains(l.LineOfActionId)));
            }
            if (!string.IsNullOrWhiteSpace(country))
            {
                if (!PeopleReader.IsCountryCode(country.Trim()))
                    return Problem(StatusCodes.Status400BadRequest, "Invalid country", $"'{country}' is not an ISO 3166-1 alpha-2 code such as CL.");
                var code = country.Trim().ToUpperInvariant();
                var countryId = await db.Countries.Where(c => c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
                if (countryId is null) return NotFound($"No country has the code '{code}'.");
                // A country's agreements: those of the groups it takes part in, and any it reported on.
                query = query.Where(a => a.Group!.Countries.Any(c => c.CountryId == countryId) || a.FollowUps.Any(f => f.CountryId == countryId));
            }
            if (!string.IsNullOrWhiteSpace(meeting))
            {
                if (!int.TryParse(meeting.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var meetingId))
                    return Problem(StatusCodes.Status400BadRequest, "Invalid meeting", $"'{meeting}' is not a meeting id: give a number.");
                if (!await db.Meetings.AnyAsync(x => x.Id == meetingId, ct)) return NotFound($"No meeting has the id {meetingId}.");
                query = query.Where(a => a.MeetingId == meetingId);
            }
            var list = await AgreementReader.LoadAsync(db, query.Visible(user), ct);
            return TypedResults.Ok(list.Select(a => new AgreementSummary(a.Id, a.Number, a.Kind, a.Text, a.AdoptedOn, a.Visibility,
                Group(a), Meeting(a), Lines(a), a.FollowUps.Count(f => f.Report is not null), a.FollowUps.Count,
                $"/api/v1/agreements/{a.Id}", $"/agreements/{a.Id}")).ToList());
        })
        .WithTags("Meetings, records and agreements").WithName("ListAgreements")
        .WithSummary("The agreements and recommendations adopted at meetings, filtered by group, line of action, country and meeting.")
        .WithDescription("group is a group's slug; line a line's code (2.4.1) or agenda and code (lc-crp-20-6:2.4.1); country an ISO alpha-2 code (the agreements of the groups it takes part in, and those it reported on); meeting a meeting's id. Members-only agreements are listed only to the group's members (a session or a bearer token) and the secretariat.");

        api.MapGet("/agreements/{id}", async Task<Results<Ok<AgreementDetail>, ProblemHttpResult>> (
            string id, ClaimsPrincipal principal, CurrentUser currentUser, RumboDbContext db, HttpContext http, CancellationToken ct) =>
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var agreementId))
                return Problem(StatusCodes.Status400BadRequest, "Invalid id", $"'{id}' is not an agreement id: give a number.");
            var user = await currentUser.GetAsync(principal, ct);
            var found = await AgreementReader.LoadAsync(db, db.Agreements.Where(a => a.Id == agreementId).Visible(user), ct);
            // A members-only agreement is not found for whoever may not see it: its existence is the group's to tell.
            if (found.Count == 0) return NotFound($"No agreement has the id {agreementId}.");
            var a = found[0];
            return TypedResults.Ok(new AgreementDetail(a.Id, a.Number, a.Kind, a.Text, a.AdoptedOn, a.Visibility, Group(a), Meeting(a), Lines(a),
                a.FollowUps.Select(f => new CountryFollowUpView(f.Country.Code, f.Country.Name, f.Role, f.Report is not { } r ? null
                    : new FollowUpReport(r.Status, r.Text, r.EvidenceUrl, r.ReportedAtUtc,
                        r.ReportedByPersonId is int pid ? new PersonRef(pid, r.ReportedBy ?? "", false, $"/api/v1/people/{pid}", $"/people/{pid}") : null))).ToList(),
                $"/api/v1/agreements/{a.Id}", $"/agreements/{a.Id}"));
        })
        .WithTags("Meetings, records and agreements").WithName("GetAgreement")
        .WithSummary("One agreement: its text, meeting, group, lines of action, and each country's follow-up (the group's countries first, with a null report until they report).");

        return v1;
    }

    [GeneratedRegex(@"^(?:(?<agenda>[a-z0-9-]+):)?(?<code>\d+(?:\.\d+){0,2})$")]
    private static partial Regex LinePattern();

    private static AgreementGroupRef Group(AgreementView a) => new(a.GroupSlug, a.GroupName, $"/api/v1/groups/{a.GroupSlug}", $"/groups/{a.GroupSlug}");

    private static AgreementMeetingRef Meeting(AgreementView a) => new(a.MeetingId, a.MeetingTitle, a.MeetingStartsAtUtc, $"/meetings/{a.MeetingId}");

    private static List<AgreementLineRef> Lines(AgreementView a) => a.Lines.Select(l => new AgreementLineRef(l.Code, l.Text, l.AgendaSlug,
        $"/api/v1/agendas/{l.AgendaSlug}/lines/{l.Code}", $"/agendas/{l.AgendaSlug}/lines/{l.Code}")).ToList();
}
