using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Core.Records;
using static Rumbo.Web.Api.ApiProblem;

namespace Rumbo.Web.Api;

/// <summary>An outcome of a record section. OwnerPersonId is set when the owner is a person in Rumbo; Owner is the name either way.</summary>
public sealed record RecordOutcomeView(OutcomeKind Kind, LocalizedString Text, int? OwnerPersonId, string? Owner, DateOnly? DueDate);

/// <summary>A section of a record: its Markdown in every language it has, and that Markdown rendered to sanitized HTML, language by language.</summary>
public sealed record RecordSectionView(int Position, int? MeetingItemId, LocalizedString Heading, LocalizedString Body, LocalizedString BodyHtml, IReadOnlyList<RecordOutcomeView> Outcomes);

/// <summary>
/// A version of a meeting's record. Its texts' sources are in Language; each text gives its translations and which are
/// official, as every text of the API does. Superseded is true when a later approved version exists. Pdf and Docx are
/// the files in the caller's language when the record reads in it, else in the record's; <c>?lang=es</c> asks for one.
/// </summary>
public sealed record MeetingRecordView(
    int Number, RecordKind Kind, RecordStatus Status, string Language, Visibility Dissemination, DateTime CreatedAtUtc,
    DateTime? ApprovedAtUtc, string? ApprovedBy, bool Superseded, LocalizedString Summary, LocalizedString SummaryHtml, IReadOnlyList<RecordSectionView> Sections,
    string Html, string Pdf, string Docx);

public static class RecordsApi
{
    public static IEndpointRouteBuilder MapRecordsApi(this IEndpointRouteBuilder v1)
    {
        // Cached whole for anonymous callers only: the output cache neither stores nor serves signed-in or bearer requests,
        // so a member's answer (with drafts and members-only records) never reaches anyone else.
        var api = v1.MapGroup("").CacheOutput(Infrastructure.ContentCache.Policy);

        api.MapGet("/meetings/{id}/records", async Task<Results<Ok<List<MeetingRecordView>>, ProblemHttpResult>> (
            string id, ClaimsPrincipal principal, CurrentUser currentUser, RumboDbContext db, HttpContext http, CancellationToken ct) =>
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var meetingId))
                return Problem(StatusCodes.Status400BadRequest, "Invalid id", $"'{id}' is not a meeting id: give a number.");
            var meeting = await MeetingHeader.LoadAsync(db, meetingId, ct);
            if (meeting is null) return NotFound($"No meeting has the id {meetingId}.");
            var user = await currentUser.GetAsync(principal, ct);
            var records = await RecordView.LoadManyAsync(db, db.MeetingRecords.Where(r => r.MeetingId == meetingId), ct);
            var visible = records.Where(r => user.CanSeeRecord(meeting.GroupId, r.Status, r.Dissemination)).ToList();
            return TypedResults.Ok(visible.Select(r => new MeetingRecordView(r.Number, r.Kind, r.Status, r.Language, r.Dissemination, r.CreatedAtUtc,
                r.ApprovedAtUtc, r.ApprovedBy, visible.Any(v => v.Number > r.Number && v.Status == RecordStatus.Approved),
                r.Summary, Html(r.Summary),
                r.Sections.Select(s => new RecordSectionView(s.Position, s.MeetingItemId, s.Heading, s.Body, Html(s.Body),
                    s.Outcomes.Select(o => new RecordOutcomeView(o.Kind, o.Text, o.OwnerPersonId, o.Owner, o.DueDate)).ToList())).ToList(),
                $"/meetings/{meetingId}/records/{r.Number}", $"/meetings/{meetingId}/records/{r.Number}.pdf", $"/meetings/{meetingId}/records/{r.Number}.docx")).ToList());
        })
        .WithTags("Meetings, records and agreements").WithName("ListMeetingRecords")
        .WithSummary("The versions of a meeting's record (minutes or memory aid) the caller may read, newest first, with sections and outcomes, Markdown and sanitized HTML, each text with its translations.")
        .WithDescription("The public sees approved records the group released; the group's members (a session or a bearer token) and the secretariat also see drafts and members-only records.");

        return v1;
    }

    /// <summary>Each language's Markdown rendered: a translation's HTML beside the source's, null where there is none.</summary>
    private static LocalizedString Html(LocalizedString s)
    {
        static string? Of(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? null : Rumbo.Core.Rendering.Markdown.ToHtml(markdown);
        return new LocalizedString(Rumbo.Core.Rendering.Markdown.ToHtml(s.Source), Of(s.En), Of(s.Es), Of(s.Pt), Of(s.Fr), s.Official);
    }
}
