using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.RoadMaps;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.RoadMaps;

/// <summary>An activity's editor; a stale save answers 409 and changes nothing.</summary>
public sealed class EditActivityModel(RumboDbContext db, RoadMapStore store, CurrentUser currentUser) : ActivityFormPage(db, store, currentUser)
{
    public int Id { get; private set; }

    public override string FormAction => $"/roadmaps/activities/{Id}/edit";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await RefuseOrLoadAsync(ct) is { } refused) return refused;
        var activity = await Store.LoadActivityAsync(id, ct);
        if (activity is null) return NotFound();
        Id = id;
        await FillAsync(activity, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await RefuseOrLoadAsync(ct) is { } refused) return refused;
        var activity = await Store.LoadActivityAsync(id, ct);
        if (activity is null) return NotFound();
        Id = id;
        var (read, agendaId) = await ReadAsync(activity, ct);
        if (read is null) return Invalid();
        Store.Apply(activity, agendaId, read);
        if (await Db.SaveIfVersionAsync(activity, a => a.Version, Version, ct))
        {
            TempData.Notice("Saved.");
            return Redirect($"/roadmaps/activities/{id}");
        }
        Conflict = true;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
