using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Agendas;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Agendas;

[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class AgendaModel(AgendaReader reader, Rumbo.Core.Accounts.CurrentUser currentUser) : PageModel
{
    public AgendaTree Agenda { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var tree = await reader.GetTreeAsync(key, ct);
        if (tree is null) return NotFound();
        // Every spelling of the key (id, symbol, file name) lands on the one canonical URL.
        if (key != tree.Slug) return RedirectPermanent($"/agendas/{tree.Slug}{Request.QueryString}");
        Agenda = tree;
        CanEdit = Rumbo.Core.Accounts.Permissions.CanEditAgenda(await currentUser.GetAsync(User, ct));
        return Page();
    }
}
