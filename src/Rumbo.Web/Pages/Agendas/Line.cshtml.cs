using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Groups;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Agendas;

[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class LineModel(AgendaReader reader, GroupReader groups, CurrentUser currentUser) : PageModel
{
    public LineContext Context { get; private set; } = null!;
    public IReadOnlyList<GroupLink> Groups { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, string code, CancellationToken ct)
    {
        var line = await reader.GetLineAsync(key, code, ct);
        if (line is null) return NotFound();
        if (key != line.Agenda.Slug) return RedirectPermanent($"/agendas/{line.Agenda.Slug}/lines/{line.Line.Code}");
        Context = line;
        Groups = await groups.ServingLineAsync(line.Agenda.Id, line.Line.Code, ct);
        CanEdit = (await currentUser.GetAsync(User, ct)).CanEditAgenda();
        return Page();
    }
}
