using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Agendas;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Search;

[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class IndexModel(AgendaSearch search, AgendaReader reader) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "agenda")]
    public string? Agenda { get; set; }

    public SearchResults? Results { get; private set; }
    public IReadOnlyList<AgendaSummary> Agendas { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agendas = await reader.ListAsync(ct);
        // The binder turns a blank q into null; a submitted blank search still deserves its message.
        if (Query is null && !Request.Query.ContainsKey("q")) return;
        if (string.IsNullOrWhiteSpace(Query))
        {
            Error = "Type one or more words to search for.";
            return;
        }
        if (Query.Length > AgendaSearch.MaxQueryLength)
        {
            Error = "A search has at most 200 characters.";
            return;
        }
        Results = await search.SearchAsync(Query, Ui.Language, 200, string.IsNullOrEmpty(Agenda) ? null : Agenda, ct);
    }
}
