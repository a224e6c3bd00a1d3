using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.RoadMaps;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.RoadMaps;

/// <summary>A new action of a country's road map: its focal points and the secretariat.</summary>
public sealed class NewActionModel(RumboDbContext db, RoadMapStore store, CurrentUser currentUser) : ActionFormPage(db, store)
{
    public async Task<IActionResult> OnGetAsync(string agenda, string country, CancellationToken ct)
    {
        var (refused, _) = await LoadAsync(agenda, country, ct);
        if (refused is not null) return refused;
        Response.Headers.CacheControl = Ui.PrivateNoStore;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string agenda, string country, CancellationToken ct)
    {
        var (refused, map) = await LoadAsync(agenda, country, ct);
        if (refused is not null) return refused;
        var read = Read([], null);
        if (read is null) return Invalid();
        var action = Store.AddAction(map!, read);
        await Db.SaveChangesAsync(ct);
        TempData.Notice("Saved.");
        return Redirect($"{Keys.Url}#action-{action.Id}");
    }

    private async Task<(IActionResult? Refused, RoadMap? Map)> LoadAsync(string agenda, string country, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return (Challenge(), null);
        var keys = await RoadMapKeys.ResolveAsync(Db, agenda, country, ct);
        if (keys is null) return (NotFound(), null);
        Keys = keys;
        var map = await Store.LoadAsync(keys.AgendaId, keys.CountryId, ct);
        if (map is null || !user.CanSeeRoadMap(map.AgendaId, map.CountryId, map.IsPublic)) return (NotFound(), null);
        if (!user.CanEditRoadMap(map.AgendaId, map.CountryId)) return (StatusCode(StatusCodes.Status403Forbidden), null);
        SourceLanguage = map.Language;
        await LoadContextAsync(map.AgendaId, ct);
        return (null, map);
    }
}
