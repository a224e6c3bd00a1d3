using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Documents;
using Rumbo.Core.Meetings;

namespace Rumbo.Web.Tests;

public abstract partial class PermissionMatrixTests
{
    /// <summary>
    /// The documents' page writes that a urlencoded form can post. The two uploads (a new document on
    /// /groups/{slug}/documents, a new version on /documents/{id}/edit?handler=Version) take a file, which this matrix
    /// cannot send: DocumentTests posts them as a member, another group's coordinator and an account with no role.
    /// </summary>
    private static IEnumerable<Write> DocumentWrites() =>
    [
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
