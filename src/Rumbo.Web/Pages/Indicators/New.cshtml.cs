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
        string code;
        for (var attempt = 1; ; attempt++)
        {
            code = await Store.NextCodeAsync(Agenda.Id, Objective!.Trim(), ct);
            try
            {
                await Store.CreateAsync(Agenda.Id, read.ObjectiveId, code, Status, read.Definition, read.LineIds, read.SdgTargets, ct);
                break;
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException) when (attempt < 5)
            {
                // Someone took the same code a moment before: the unique index refused it; the next free code is tried.
                Db.ChangeTracker.Clear();
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                Db.ChangeTracker.Clear();
                ModelState.AddMessage(Forms.FormKey, "Someone saved this indicator meanwhile. The form shows what is saved now; make your change again.");
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
        }
        TempData.Notice("Indicator {0} created.", code);
        return Redirect($"/agendas/{Agenda.Slug}/indicators/{code}");
    }
}
