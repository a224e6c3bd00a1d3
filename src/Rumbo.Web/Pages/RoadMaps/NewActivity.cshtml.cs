using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.RoadMaps;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.RoadMaps;

public sealed class NewActivityModel(RumboDbContext db, RoadMapStore store, CurrentUser currentUser) : ActivityFormPage(db, store, currentUser)
{
    public override string FormAction => "/roadmaps/activities/new";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await RefuseOrLoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await RefuseOrLoadAsync(ct) is { } refused) return refused;
        var (read, agendaId) = await ReadAsync(null, ct);
        if (read is null) return Invalid();
        var activity = new CapacityActivity();
        Store.Apply(activity, agendaId, read);
        Db.CapacityActivities.Add(activity);
        await Db.SaveChangesAsync(ct);
        TempData.Notice("Saved.");
        return Redirect($"/roadmaps/activities/{activity.Id}");
    }
}
