using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Agendas;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Agendas;

[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class LineModel(AgendaReader reader, Rumbo.Core.Accounts.CurrentUser currentUser) : PageModel
{
    public LineContext Context { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, string code, CancellationToken ct)
    {
        var line = await reader.GetLineAsync(key, code, ct);
        if (line is null) return NotFound();
        if (key != line.Agenda.Slug) return RedirectPermanent($"/agendas/{line.Agenda.Slug}/lines/{line.Line.Code}");
        Context = line;
        CanEdit = Rumbo.Core.Accounts.Permissions.CanEditAgenda(await currentUser.GetAsync(User, ct));
        return Page();
    }
}
