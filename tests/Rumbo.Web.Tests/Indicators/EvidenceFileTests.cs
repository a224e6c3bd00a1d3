using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Documents;
using Rumbo.Core.Indicators;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Indicators;

/// <summary>
/// A focal point attaches a file as the evidence of a value saved as a draft: the file is checked as the documents' files
/// are, stored by its content, shown and downloaded by the country's focal points and the secretariat only; a submitted
/// or approved value refuses it, a stale form answers 409, and a refusal changes nothing.
/// </summary>
public abstract class EvidenceFileTests(RumboApp app)
{
    private readonly ReportingClient reporting = new(app);

    private async Task<(int? FileId, int Version, ValueStatus Status, int Files, int Audit)> StateAsync(int valueId)
    {
        await using var db = app.Database.CreateContext();
        var v = await db.IndicatorValues.AsNoTracking().SingleAsync(x => x.Id == valueId);
        return (v.EvidenceFileId, v.Version, v.Status, await db.EvidenceFiles.CountAsync(), await db.AuditEntries.CountAsync());
    }

    /// <summary>A draft of the country for 1.1-a in 2025, saved through the form; its id and version.</summary>
    private async Task<(int Id, int Version)> DraftAsync(string country, string cookie)
    {
        await IndicatorScenario.ResetCountryAsync(app.Database, country, null);
        var (response, _) = await reporting.SaveLinesAsync(country, cookie, submit: false, new ReportingClient.Line("1.1-a", 2025, "45.5", "Household survey"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = (await IndicatorScenario.ValuesAsync(app.Database, country)).Single(v => v.Indicator == "1.1-a" && v.Year == 2025 && v.Breakdown == "");
        return (row.Id, row.Version);
    }

    private static string Choice(int id, int version) => string.Create(CultureInfo.InvariantCulture, $"{id}.{version}");

    [Fact]
    public async Task A_focal_point_attaches_a_file_that_only_the_country_and_the_secretariat_can_download()
    {
        var (focal, _) = await reporting.FocalPointAsync("AR");
        var (id, version) = await DraftAsync("AR", focal);

        // The page offers the draft in the evidence form.
        var page = (await reporting.OpenAsync("AR", focal)).Page;
        Assert.Contains(page.QuerySelectorAll("#evidence-value option"), o => o.GetAttribute("value") == Choice(id, version));

        var pdf = DocumentFiles.Pdf("Encuesta permanente de hogares, 2025.");
        var (response, _) = await reporting.EvidenceAsync("AR", focal, Choice(id, version), ("EPH 2025.pdf", pdf));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await StateAsync(id);
        Assert.NotNull(after.FileId);
        Assert.Equal(version + 1, after.Version);
        Assert.Equal(ValueStatus.Draft, after.Status);
        await using (var db = app.Database.CreateContext())
        {
            var file = await db.EvidenceFiles.AsNoTracking().SingleAsync(f => f.Id == after.FileId);
            Assert.Equal("application/pdf", file.MediaType);
            Assert.Equal("EPH 2025.pdf", file.FileName);
            Assert.Equal(pdf.Length, file.Size);
            Assert.True(app.Services.GetRequiredService<IFileStore>().Exists(file.ContentHash));
            // The trail names the file attached (its id as saved, not the key it had before the insert).
            var entry = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(IndicatorValue) && a.EntityId == id.ToString(CultureInfo.InvariantCulture))
                .OrderByDescending(a => a.Id).FirstAsync();
            Assert.Contains($"\"EvidenceFileId\":{{\"old\":null,\"new\":{file.Id}}}", entry.Changes, StringComparison.Ordinal);
        }

        // The page links the file, in the value's line and in the list of evidence files.
        page = (await reporting.OpenAsync("AR", focal)).Page;
        var link = page.QuerySelectorAll("#evidence .evidence-list a").Single();
        Assert.Equal("EPH 2025.pdf", link.TextContent.Trim());
        var href = link.GetAttribute("href")!;
        Assert.Contains(page.QuerySelectorAll("table.report a.evidence-file"), a => a.GetAttribute("href") == href);

        var download = await reporting.Kit.GetAsync(href, focal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);

        // The secretariat downloads it too; another country's focal point, a member with no role and someone signed out do not.
        var secretariat = await SignedIn.CookieAsync(app, Rumbo.Core.Accounts.Roles.SecretariatAdmin);
        Assert.Equal(HttpStatusCode.OK, (await reporting.Kit.GetAsync(href, secretariat)).StatusCode);
        var (chile, _) = await reporting.FocalPointAsync("CL");
        Assert.Equal(HttpStatusCode.NotFound, (await reporting.Kit.GetAsync(href, chile)).StatusCode);
        // Nor through their own country's page, with Argentina's file.
        var fileId = after.FileId!.Value.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.NotFound, (await reporting.Kit.GetAsync($"{ReportingClient.Page("CL")}/evidence?file={fileId}", chile)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporting.Kit.GetAsync(href, await SignedIn.CookieAsync(app))).StatusCode);
        var anonymous = await reporting.Kit.GetAsync(href);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        // The public indicator page never links it.
        var publicPage = await reporting.Kit.GetAsync($"/agendas/{IndicatorScenario.Agenda}/indicators/1.1-a?country=AR");
        Assert.DoesNotContain("evidence?file=", await publicPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Replaced, the first file goes: its row, its content, its link.
        var current = await StateAsync(id);
        var second = DocumentFiles.Pdf("Encuesta permanente de hogares, 2025, segunda edición.");
        (response, _) = await reporting.EvidenceAsync("AR", focal, Choice(id, current.Version), ("EPH 2025 (2).pdf", second));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var store = app.Services.GetRequiredService<IFileStore>();
        string firstHash;
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.EvidenceFiles.AnyAsync(f => f.Id == after.FileId));
            firstHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        }
        Assert.False(store.Exists(firstHash));
        Assert.Equal(HttpStatusCode.NotFound, (await reporting.Kit.GetAsync(href, focal)).StatusCode);

        // Removed, the value keeps no file, and the second file goes too.
        current = await StateAsync(id);
        (response, _) = await reporting.EvidenceAsync("AR", focal, Choice(id, current.Version), null, remove: true);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var removed = await StateAsync(id);
        Assert.Null(removed.FileId);
        Assert.Equal(after.Files - 1, removed.Files);
        Assert.False(store.Exists(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(second))));
    }

    [Fact]
    public async Task A_bad_file_a_stale_form_or_a_value_that_cannot_change_is_refused_and_changes_nothing()
    {
        var (focal, _) = await reporting.FocalPointAsync("AR");
        var (id, version) = await DraftAsync("AR", focal);
        var chileDraft = await IndicatorScenario.ResetCountryAsync(app.Database, "CL", ValueStatus.Draft);
        var before = await StateAsync(id);

        // A program is not evidence: 415, by the field.
        var (response, page) = await reporting.EvidenceAsync("AR", focal, Choice(id, version), ("survey.pdf", DocumentFiles.Exe()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#evidence-file[aria-invalid=true]"));
        Assert.Equal(before, await StateAsync(id));

        // No file at all.
        (response, page) = await reporting.EvidenceAsync("AR", focal, Choice(id, version), null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#evidence-file[aria-invalid=true]"));

        // No value chosen, or one that is not a value.
        foreach (var bad in (string[])["", "abc", "1.2.3", "-1.0"])
        {
            (response, page) = await reporting.EvidenceAsync("AR", focal, bad, ("survey.pdf", DocumentFiles.Pdf("Survey")));
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"value '{bad}' answered {(int)response.StatusCode}");
            Assert.NotNull(page.QuerySelector("#evidence-value[aria-invalid=true]"));
        }

        // Another country's value is not there.
        (response, _) = await reporting.EvidenceAsync("AR", focal, Choice(chileDraft!.Value.Id, chileDraft.Value.Version), ("survey.pdf", DocumentFiles.Pdf("Survey")));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        // A form read before someone else changed the value (it is at another version now): 409.
        (response, page) = await reporting.EvidenceAsync("AR", focal, Choice(id, version + 1), ("survey.pdf", DocumentFiles.Pdf("Survey")));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before, await StateAsync(id));

        // Sent for approval, the value takes no file until the secretariat returns it.
        (response, _) = await reporting.PostAsync("AR", focal, "submit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var submitted = await StateAsync(id);
        Assert.Equal(ValueStatus.Submitted, submitted.Status);
        page = (await reporting.OpenAsync("AR", focal)).Page;
        Assert.DoesNotContain(page.QuerySelectorAll("#evidence-value option"), o => o.GetAttribute("value")!.StartsWith($"{id}.", StringComparison.Ordinal));
        (response, page) = await reporting.EvidenceAsync("AR", focal, Choice(id, submitted.Version), ("survey.pdf", DocumentFiles.Pdf("Survey")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("submitted", page.QuerySelector("#evidence")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(submitted, await StateAsync(id));
    }
}

public sealed class SqliteEvidenceFileTests(SqliteApp app) : EvidenceFileTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEvidenceFileTests(PostgresApp app) : EvidenceFileTests(app), IClassFixture<PostgresApp>;
