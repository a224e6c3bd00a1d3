using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Policies;
using Rumbo.Core.RoadMaps;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.RoadMaps;

/// <summary>The road map's own fields: its language, summary and whether the country makes it public. A stale save answers 409.</summary>
public sealed class EditModel(RumboDbContext db, RoadMapStore store, CurrentUser currentUser) : PageModel
{
    public RoadMapKeys Keys { get; private set; } = null!;
    public bool Conflict { get; private set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Language { get; set; }
    [BindProperty] public OptionalTextInput Summary { get; set; } = new();
    [BindProperty] public bool IsPublic { get; set; }

    public string SourceLanguage => Language is { } l && PolicyCheck.Languages.Contains(l) ? l : "es";

    public async Task<IActionResult> OnGetAsync(string agenda, string country, CancellationToken ct)
    {
        var (refused, map) = await LoadAsync(agenda, country, ct);
        if (refused is not null) return refused;
        Version = map!.Version;
        Language = map.Language;
        Summary = OptionalTextInput.From(map.Summary);
        IsPublic = map.IsPublic;
        Response.Headers.CacheControl = Ui.PrivateNoStore;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string agenda, string country, CancellationToken ct)
    {
        var (refused, map) = await LoadAsync(agenda, country, ct);
        if (refused is not null) return refused;
        ModelState.Clear();
        ModelState.AddInputMessages(nameof(Summary), Summary);
        var language = Language?.Trim().ToLowerInvariant();
        if (language is null || !PolicyCheck.Languages.Contains(language)) ModelState.AddMessage("Language", "Choose the language the texts are written in.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        map!.Language = language!;
        var text = LocalizedText.From(map.Summary.ToDocument());
        Summary.ApplyTo(text, keepParagraphs: true);
        map.Summary.Set(text.ToDocument());
        map.IsPublic = IsPublic;
        map.UpdatedAtUtc = store.Now;
        if (await db.SaveIfVersionAsync(map, m => m.Version, Version, ct))
        {
            TempData.Notice("Saved.");
            return Redirect(Keys.Url);
        }
        Conflict = true;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<(IActionResult? Refused, RoadMap? Map)> LoadAsync(string agenda, string country, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return (Challenge(), null);
        var keys = await RoadMapKeys.ResolveAsync(db, agenda, country, ct);
        if (keys is null) return (NotFound(), null);
        Keys = keys;
        var map = await store.LoadAsync(keys.AgendaId, keys.CountryId, ct);
        if (map is null || !user.CanSeeRoadMap(map.AgendaId, map.CountryId, map.IsPublic)) return (NotFound(), null);
        if (!user.CanEditRoadMap(map.AgendaId, map.CountryId)) return (StatusCode(StatusCodes.Status403Forbidden), null);
        return (null, map);
    }
}
