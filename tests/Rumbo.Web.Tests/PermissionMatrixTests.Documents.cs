using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Documents;
using Rumbo.Core.Meetings;

namespace Rumbo.Web.Tests;

public abstract partial class PermissionMatrixTests
{
    /// <summary>A small PDF that no other upload has sent, so the store never takes it for a copy.</summary>
    private static (string, string, byte[]) MatrixPdf(string field) => (field, "matrix.pdf", Rumbo.TestSupport.DocumentFiles.Pdf($"Matrix upload {Guid.NewGuid():n}"));

    private static IEnumerable<Write> DocumentWrites() =>
    [
        new("upload a document", async t => $"/groups/{(await t.Scenario()).Complete}/documents",
            _ => Task.FromResult(new Dictionary<string, string> { ["Title"] = "Matrix upload", ["Language"] = "en", ["Kind"] = "Report", ["Visibility"] = "Members" }),
            [Who.GroupCoordinator, Who.Secretariat]) { File = () => MatrixPdf("File") },
        new("upload a new version of a document", async t => $"/documents/{await t.MatrixDocument()}/edit?handler=Version",
            async t => new() { ["Version"] = await t.MatrixDocumentVersion(), ["Note"] = "Matrix version" },
            [Who.GroupCoordinator, Who.Secretariat], [Who.SignedIn, Who.FocalPoint]) { File = () => MatrixPdf("File") },
        new("upload a document through the API", _ => Task.FromResult("/api/v1/documents"),
            async t => new() { ["group"] = (await t.Scenario()).Complete, ["title"] = "Matrix API upload", ["language"] = "en", ["kind"] = "Report", ["visibility"] = "members" },
            [Who.GroupCoordinator, Who.Secretariat]) { File = () => MatrixPdf("file"), Api = true },
        new("edit a document's description", async t => $"/documents/{await t.MatrixDocument()}/edit",
            async t => new()
            {
                ["Version"] = await t.MatrixDocumentVersion(), ["Title"] = $"Matrix document {Guid.NewGuid():n}", ["Language"] = "en",
                ["Kind"] = "Report", ["Visibility"] = "Members", ["Lines"] = "2.4.1",
            },
            [Who.GroupCoordinator, Who.Secretariat], [Who.SignedIn, Who.FocalPoint]),
    ];

    /// <summary>One members-only document of the scenario's complete group, made once per database.</summary>
    private async Task<int> MatrixDocument()
    {
        var slug = (await Scenario()).Complete;
        await using var db = app.Database.CreateContext();
        var existing = await db.Documents.Where(d => d.Group!.Slug == slug && d.Symbol == "MATRIX").Select(d => (int?)d.Id).FirstOrDefaultAsync();
        if (existing is int id) return id;
        var groupId = await db.Groups.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync();
        var document = new Document
        {
            GroupId = groupId, Title = "Matrix document", Symbol = "MATRIX", Language = "en", Kind = DocumentKind.Report,
            Visibility = Visibility.Members, CreatedAtUtc = DateTime.UtcNow, Version = 1, SearchText = "matrix document",
            Versions = [new DocumentVersion { Number = 1, ContentHash = new string('0', 64), MediaType = "application/pdf", Extension = "pdf", Size = 1, FileName = "matrix.pdf", UploadedAtUtc = DateTime.UtcNow }],
        };
        db.Documents.Add(document);
        await db.SaveChangesAsync();
        return document.Id;
    }

    private async Task<string> MatrixDocumentVersion()
    {
        var id = await MatrixDocument();
        await using var db = app.Database.CreateContext();
        return (await db.Documents.SingleAsync(d => d.Id == id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
