using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Documents;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Documents;

/// <summary>Search and browse every document the reader may see: titles, metadata and the text of the files.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class IndexModel(RumboDbContext db, DocumentReader reader, CurrentUser currentUser) : PageModel
{
    public sealed record GroupOption(string Slug, LocalizedString Name, string Language);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }

    public IReadOnlyList<DocumentListItem> Items { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<GroupOption> Groups { get; private set; } = [];

    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || Group is not null || Kind is not null || Language is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (user.IsSignedIn) Response.Headers.CacheControl = Ui.PrivateNoStore;
        DocumentKind? kind = Enum.TryParse<DocumentKind>(Kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;
        Kind = kind?.ToString();
        Language = DocumentStore.Languages.Contains(Language) ? Language : null;
        Group = string.IsNullOrWhiteSpace(Group) ? null : Group.Trim();
        (Items, Total) = await reader.ListAsync(new DocumentFilter(Query: Q, Group: Group, Kind: kind, Language: Language), user, DocumentReader.PageSize, ct);
        var groups = await db.Groups.AsNoTracking()
            .Select(g => new { g.Slug, Name = g.Name.ToDocument(), g.Agenda!.DocumentLanguage })
            .ToListAsync(ct);
        Groups = groups.Select(g => new GroupOption(g.Slug, g.Name, g.DocumentLanguage))
            .OrderBy(g => Ui.Plain(g.Name, g.Language), Ui.Collation).ToList();
    }
}
