using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Policies;
using Rumbo.Core.RoadMaps;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.RoadMaps;

/// <summary>Trainings, technical-assistance missions and peer exchanges: the public ones, and for the secretariat every one.</summary>
public sealed class ActivitiesModel(RumboDbContext db, RoadMapReader reader, CurrentUser currentUser) : PageModel
{
    [FromQuery(Name = "agenda")] public string? Agenda { get; set; }
    [FromQuery(Name = "kind")] public string? Kind { get; set; }

    public IReadOnlyList<ActivityListItem> Items { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Symbol)> Agendas { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await currentUser.GetAsync(User, ct);
        CanWrite = viewer.CanWriteCapacityActivities();
        if (viewer.IsSignedIn) Response.Headers.CacheControl = "private, no-store";
        Agendas = (await db.Agendas.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Slug, a.Symbol }).ToListAsync(ct)).Select(a => (a.Slug, a.Symbol)).ToList();
        int? agendaId = null;
        if (!string.IsNullOrWhiteSpace(Agenda))
        {
            var slug = AgendaKeys.Slugify(Agenda.Trim());
            agendaId = await db.Agendas.AsNoTracking().Where(a => a.Slug == slug).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
            if (agendaId is null) Problem = "No agenda has this key.";
        }
        CapacityActivityKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind) && (kind = PolicyCheck.Parse<CapacityActivityKind>(Kind)) is null) Problem = "Choose the kind of activity.";
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Items = await reader.ActivitiesAsync(viewer, agendaId, kind, ct);
        return Page();
    }
}
