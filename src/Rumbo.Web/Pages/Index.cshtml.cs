using Microsoft.AspNetCore.Mvc.RazorPages;
using Rumbo.Core.Agendas;

namespace Rumbo.Web.Pages;

public sealed class IndexModel(AgendaReader reader) : PageModel
{
    public IReadOnlyList<AgendaSummary> Agendas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Agendas = await reader.ListAsync(ct);
}
