using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Rumbo.Web.Tests;

public abstract partial class PermissionMatrixTests
{
    /// <summary>
    /// The imports of translated files: an agenda's by the secretariat, a group's by its coordinators and the secretariat.
    /// Each case's file gives a new Portuguese translation of one text with its source as stored, so an allowed import changes it.
    /// </summary>
    private static IEnumerable<Write> TranslationWrites() =>
    [
        new("import an agenda's translations", _ => Task.FromResult("/agendas/lc-crp-20-6/translations"),
            _ => Task.FromResult(new Dictionary<string, string> { ["lang"] = "pt" }),
            [Who.Secretariat]) { FileOf = t => t.AgendaTranslationFile() },
        new("import a group's translations", async t => $"/groups/{(await t.Scenario()).Complete}/translations",
            _ => Task.FromResult(new Dictionary<string, string> { ["lang"] = "pt" }),
            [Who.GroupCoordinator, Who.Secretariat]) { FileOf = t => t.GroupTranslationFile() },
    ];

    private static (string, string, byte[]) TranslationCsv(string unit, string source) =>
        ("file", "translated.csv", Encoding.UTF8.GetBytes($"id,source,translation (pt)\n{unit},\"{source.Replace("\"", "\"\"")}\",Tradução {Guid.NewGuid():n}\n"));

    private async Task<(string, string, byte[])> AgendaTranslationFile()
    {
        await using var db = app.Database.CreateContext();
        // Area 1: the matrix edits area 4's title.
        var area = await db.Areas.Where(x => x.Number == 1 && db.Agendas.Any(a => a.Id == x.AgendaId && a.Slug == "lc-crp-20-6"))
            .Select(x => new { x.Id, x.Title.Source }).SingleAsync();
        return TranslationCsv($"area-{area.Id}-title", area.Source);
    }

    private async Task<(string, string, byte[])> GroupTranslationFile()
    {
        var slug = (await Scenario()).Complete;
        await using var db = app.Database.CreateContext();
        var group = await db.Groups.Where(g => g.Slug == slug).Select(g => new { g.Id, g.Name.Source }).SingleAsync();
        return TranslationCsv($"group-{group.Id}-name", group.Source);
    }
}
