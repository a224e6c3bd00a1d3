using System.Net;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Documents;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.Core.Records;
using Rumbo.TestSupport;
using Rumbo.Web.Tests.Records;

namespace Rumbo.Web.Tests;

/// <summary>
/// What a reader may not see answers as an id that does not exist, on every page that names it (editors, write
/// handlers, files), so that an id tells nothing; what they see but may not change answers 403.
/// </summary>
public abstract class HiddenIdsTests(RumboApp app)
{
    private const int Missing = 999999;

    private readonly RecordsTestKit kit = new(app);

    private async Task<int> DocumentAsync(int groupId, Visibility visibility)
    {
        await using var db = app.Database.CreateContext();
        var document = new Document
        {
            GroupId = groupId, Title = "Hidden ids", Language = "en", Kind = DocumentKind.Report, Visibility = visibility,
            CreatedAtUtc = DateTime.UtcNow, Version = 1, SearchText = "hidden ids",
            Versions = [new DocumentVersion { Number = 1, ContentHash = new string('0', 64), MediaType = "application/pdf", Extension = "pdf", Size = 1, FileName = "hidden.pdf", UploadedAtUtc = DateTime.UtcNow }],
        };
        db.Documents.Add(document);
        await db.SaveChangesAsync();
        return document.Id;
    }

    private async Task AssertStatusAsync(HttpStatusCode expected, string url, string? cookie)
    {
        var response = await kit.GetAsync(url, cookie);
        Assert.True(expected == response.StatusCode, $"GET {url} answered {(int)response.StatusCode}, not {(int)expected}");
    }

    /// <summary>Signed out, a hidden id and a missing one get the same answer: the sign-in page.</summary>
    private async Task AssertAsksToSignInAsync(string url)
    {
        var response = await kit.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_members_only_document_is_not_found_by_outsiders_on_its_editor_and_file_as_a_missing_id()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var hidden = await DocumentAsync(s.CompleteId, Visibility.Members);
        var shown = await DocumentAsync(s.CompleteId, Visibility.Public);
        var (otherCoordinator, _) = await kit.NewMemberAsync(s.LoneId, GroupRole.Coordinator);
        var account = await SignedIn.CookieAsync(app);
        var (member, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Member);

        foreach (var outsider in new[] { otherCoordinator, account })
        {
            await AssertStatusAsync(HttpStatusCode.NotFound, $"/documents/{hidden}/edit", outsider);
            await AssertStatusAsync(HttpStatusCode.NotFound, $"/documents/{Missing}/edit", outsider);
            await AssertStatusAsync(HttpStatusCode.NotFound, $"/documents/{hidden}/versions/1/file", outsider);
            await AssertStatusAsync(HttpStatusCode.NotFound, $"/documents/{Missing}/versions/1/file", outsider);
            // Seen but not theirs to change: refused, as before.
            await AssertStatusAsync(HttpStatusCode.Forbidden, $"/documents/{shown}/edit", outsider);
        }
        await AssertStatusAsync(HttpStatusCode.Forbidden, $"/documents/{hidden}/edit", member);

        // A post to the editor of a hidden document is not found either, and changes nothing.
        var audit = await kit.AuditCountAsync();
        var form = await kit.AnyFormAsync(otherCoordinator);
        var fields = new[] { ("Version", "1"), ("Title", "Taken"), ("Language", "en"), ("Kind", "Report"), ("Visibility", "Public") };
        Assert.Equal(HttpStatusCode.NotFound, (await kit.PostAsync($"/documents/{hidden}/edit", form, fields)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.PostAsync($"/documents/{Missing}/edit", form, fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.PostAsync($"/documents/{shown}/edit", form, fields)).StatusCode);
        Assert.Equal(audit, await kit.AuditCountAsync());

        // Signed out, a members-only document and one that does not exist both ask to sign in.
        foreach (var id in new[] { hidden, Missing })
        {
            await AssertAsksToSignInAsync($"/documents/{id}");
            await AssertAsksToSignInAsync($"/documents/{id}/versions/1/file");
            await AssertAsksToSignInAsync($"/documents/{id}/edit");
        }
    }

    [Fact]
    public async Task A_draft_record_is_not_found_by_outsiders_on_its_editor_and_its_write_handlers_as_a_missing_number()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var draft = await s.AddRecordAsync(app.Database, RecordStatus.Draft, Visibility.Members, "hidden");
        var missing = draft + 5;
        var (otherCoordinator, _) = await kit.NewMemberAsync(s.LoneId, GroupRole.Coordinator);
        var account = await SignedIn.CookieAsync(app);
        var (member, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Member);
        var baseUrl = $"/meetings/{s.Meeting}/records";

        await AssertStatusAsync(HttpStatusCode.NotFound, $"{baseUrl}/{draft}/edit", otherCoordinator);
        await AssertStatusAsync(HttpStatusCode.NotFound, $"{baseUrl}/{missing}/edit", otherCoordinator);
        await AssertStatusAsync(HttpStatusCode.NotFound, $"/meetings/{Missing}/records/1/edit", otherCoordinator);
        await AssertStatusAsync(HttpStatusCode.Forbidden, $"{baseUrl}/{draft}/edit", member);

        var audit = await kit.AuditCountAsync();
        var outsiderForm = await kit.AnyFormAsync(otherCoordinator);
        var memberForm = await kit.AnyFormAsync(member);
        foreach (var number in new[] { draft, missing })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await kit.PostAsync($"{baseUrl}/{number}/edit", outsiderForm, ("Version", "0"), ("Summary", "Taken."), ("Command", "save"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await kit.PostAsync($"{baseUrl}/{number}?handler=Approve", outsiderForm, ("Version", "0"), ("Dissemination", "Public"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await kit.PostAsync($"{baseUrl}/{number}?handler=Comment", outsiderForm, ("CommentBody", "From outside."))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await kit.PostAsync($"{baseUrl}/{number}?handler=Comment", await kit.AnyFormAsync(account), ("CommentBody", "From outside."))).StatusCode);
        }
        // A member reads the draft: approving it is refused, not hidden.
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.PostAsync($"{baseUrl}/{draft}?handler=Approve", memberForm, ("Version", "0"), ("Dissemination", "Public"))).StatusCode);
        Assert.Equal(audit, await kit.AuditCountAsync());
        await using (var db = kit.Db())
        {
            var record = await db.MeetingRecords.AsNoTracking().SingleAsync(r => r.MeetingId == s.Meeting && r.Number == draft);
            Assert.Equal((RecordStatus.Draft, 0), (record.Status, record.Version));
        }

        // A public record is seen by all: its editor refuses an outsider with 403.
        var released = await s.AddRecordAsync(app.Database, RecordStatus.Approved, Visibility.Public, "released");
        await AssertStatusAsync(HttpStatusCode.Forbidden, $"{baseUrl}/{released}/edit", otherCoordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.PostAsync($"{baseUrl}/{released}?handler=Restrict", outsiderForm, ("Version", "0"))).StatusCode);

        // Signed out, every record URL asks to sign in, whether or not the record exists.
        foreach (var number in new[] { draft, missing })
        {
            await AssertAsksToSignInAsync($"{baseUrl}/{number}");
            await AssertAsksToSignInAsync($"{baseUrl}/{number}/edit");
        }
    }

    [Fact]
    public async Task A_members_only_agreement_is_not_found_by_outsiders_on_its_editor_as_a_missing_id()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var hidden = await s.AddAgreementAsync(app.Database, Visibility.Members, $"Kept within {s.Groups.Suffix}");
        var shown = await s.AddAgreementAsync(app.Database, Visibility.Public, $"Told to all {s.Groups.Suffix}");
        var (otherCoordinator, _) = await kit.NewMemberAsync(s.LoneId, GroupRole.Coordinator);
        var (member, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Member);

        await AssertStatusAsync(HttpStatusCode.NotFound, $"/agreements/{hidden}/edit", otherCoordinator);
        await AssertStatusAsync(HttpStatusCode.NotFound, $"/agreements/{Missing}/edit", otherCoordinator);
        await AssertStatusAsync(HttpStatusCode.Forbidden, $"/agreements/{shown}/edit", otherCoordinator);
        await AssertStatusAsync(HttpStatusCode.Forbidden, $"/agreements/{hidden}/edit", member);

        var audit = await kit.AuditCountAsync();
        var form = await kit.AnyFormAsync(otherCoordinator);
        var fields = new[] { ("Version", "0"), ("Kind", "Agreement"), ("Text.Source", "Taken."), ("AdoptedOn", "2025-06-10"), ("Visibility", "Public") };
        Assert.Equal(HttpStatusCode.NotFound, (await kit.PostAsync($"/agreements/{hidden}/edit", form, fields)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.PostAsync($"/agreements/{Missing}/edit", form, fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.PostAsync($"/agreements/{shown}/edit", form, fields)).StatusCode);
        Assert.Equal(audit, await kit.AuditCountAsync());

        await AssertAsksToSignInAsync($"/agreements/{hidden}/edit");
        await AssertAsksToSignInAsync($"/agreements/{Missing}/edit");
    }

    [Fact]
    public async Task Meetings_and_plans_are_seen_by_all_so_their_editors_refuse_with_403_and_only_a_missing_id_is_not_found()
    {
        var m = await MeetingScenario.CreateAsync(app.Database);
        var plan = await PlanScenario.CreatePlanAsync(app.Database, m.Groups.Complete);
        var outsider = await kit.AsPersonAsync(m.Outsider);
        foreach (var url in new[] { $"/meetings/{m.Closed}/edit", $"/meetings/{m.Closed}/participants", $"/plans/{plan}/edit" })
        {
            await AssertStatusAsync(HttpStatusCode.Forbidden, url, outsider);
        }
        foreach (var url in new[] { $"/meetings/{Missing}/edit", $"/meetings/{Missing}/participants", $"/plans/{Missing}/edit" })
        {
            await AssertStatusAsync(HttpStatusCode.NotFound, url, outsider);
        }
    }
}

public sealed class SqliteHiddenIdsTests(SqliteApp app) : HiddenIdsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresHiddenIdsTests(PostgresApp app) : HiddenIdsTests(app), IClassFixture<PostgresApp>;
