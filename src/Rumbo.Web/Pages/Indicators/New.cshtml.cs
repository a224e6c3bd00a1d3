using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Indicators;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Indicators;

/// <summary>A new indicator of the agenda: its code follows from its objective (1.2-a, 1.2-b…).</summary>
public sealed class NewModel(RumboDbContext db, AgendaReader agendas, IndicatorStore store, CurrentUser currentUser)
    : IndicatorFormPage(db, agendas, store, currentUser)
{
    public async Task<IActionResult> OnGetAsync(string key, string? objective, CancellationToken ct)
    {
        if (await RefuseUnlessAllowedAsync(key, ct) is { } refused) return refused;
        Objective = objective;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (await RefuseUnlessAllowedAsync(key, ct) is { } refused) return refused;
        var read = await ReadAsync(ct);
        if (read is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var code = await Store.NextCodeAsync(Agenda.Id, Objective!.Trim(), ct);
        await Store.CreateAsync(Agenda.Id, read.ObjectiveId, code, Status, read.Definition, read.LineIds, read.SdgTargets, ct);
        TempData.Notice("Indicator {0} created.", code);
        return Redirect($"/agendas/{Agenda.Slug}/indicators/{code}");
    }
}
