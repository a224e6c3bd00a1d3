using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Agendas;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Api;

[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class IndexModel(AgendaReader reader) : PageModel
{
    public IReadOnlyList<AgendaSummary> Agendas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Agendas = await reader.ListAsync(ct);
}
