using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Indicators;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Indicators;

/// <summary>
/// Edits an indicator. When values were reported under its current definition and what it measures changes, the
/// edit makes a new version (with a note saying why) and the values stay with the old one.
/// </summary>
public sealed class EditModel(RumboDbContext db, AgendaReader agendas, IndicatorStore store, IndicatorReader reader, CurrentUser currentUser)
    : IndicatorFormPage(db, agendas, store, currentUser)
{
    public IndicatorDetail Indicator { get; private set; } = null!;
    public bool HasValues { get; private set; }

    private async Task<IActionResult?> LoadAsync(string key, string code, CancellationToken ct)
    {
        if (await RefuseUnlessAllowedAsync(key, ct) is { } refused) return refused;
        var found = await reader.GetAsync(Agenda.Id, code, ct);
        if (found is null) return NotFound();
        Indicator = found;
        HasValues = await Db.IndicatorValues.AnyAsync(v => v.IndicatorVersionId == found.Current.Id, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(string key, string code, CancellationToken ct)
    {
        if (await LoadAsync(key, code, ct) is { } refused) return refused;
        Fill(Indicator);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, string code, CancellationToken ct)
    {
        if (await LoadAsync(key, code, ct) is { } refused) return refused;
        var read = await ReadAsync(ct);
        if (read is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var entity = await Db.Indicators.Include(i => i.Versions).Include(i => i.Lines).Include(i => i.SdgTargets).SingleAsync(i => i.Id == Indicator.Id, ct);
        var current = entity.Versions.OrderByDescending(v => v.Number).First();
        if (HasValues && IndicatorStore.ChangesDefinition(current, read.Definition) && string.IsNullOrWhiteSpace(ChangeNote))
        {
            ModelState.AddMessage(nameof(ChangeNote), "Values were reported under this definition: say why it changes. The change makes a new version and the values stay with this one.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var (saved, newVersion) = await Store.EditAsync(entity, Version, read.ObjectiveId, Status, read.Definition, ChangeNote?.Trim() ?? "", read.LineIds, read.SdgTargets, ct);
        if (!saved)
        {
            ModelState.AddMessage(Forms.FormKey, "Someone saved this indicator meanwhile. The form shows what is saved now; make your change again.");
            Db.ChangeTracker.Clear();
            Indicator = (await reader.GetAsync(Agenda.Id, code, ct))!;
            Fill(Indicator);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData.Notice(newVersion ? "Saved as version {0}; the values reported before stay with version {1}." : "Saved.", current.Number + 1, current.Number);
        return Redirect($"/agendas/{Agenda.Slug}/indicators/{Indicator.Code}");
    }
}
