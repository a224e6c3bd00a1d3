using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Indicators;
using Rumbo.Core.People;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Indicators.Reporting;

/// <summary>
/// Where reporting starts: a focal point's countries, and for the secretariat every member State's completeness and
/// timeliness for the current round. Signed-in people with neither role get 404.
/// </summary>
public sealed class IndexModel(RumboDbContext db, AgendaReader agendas, ReportingStore store, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public AgendaTree Agenda { get; private set; } = null!;
    public RoundView? Round { get; private set; }
    public IReadOnlyList<CountryLabel> MyCountries { get; private set; } = [];
    public IReadOnlyList<CountryCompleteness> Completeness { get; private set; } = [];
    public bool IsSecretariat { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var tree = await agendas.GetTreeAsync(key, ct);
        if (tree is null) return NotFound();
        var mine = user.FocalPoints.Where(f => f.AgendaId == tree.Id).Select(f => f.CountryId).ToList();
        IsSecretariat = user.CanReviewIndicators();
        if (mine.Count == 0 && !IsSecretariat) return NotFound();
        Agenda = tree;
        Round = await store.CurrentRoundAsync(tree.Id, ct);
        MyCountries = await db.Countries.AsNoTracking().Where(c => mine.Contains(c.Id)).OrderBy(c => c.Code)
            .Select(c => new CountryLabel(c.Code, c.Name.ToDocument())).ToListAsync(ct);
        if (IsSecretariat && Round is not null) Completeness = await store.CompletenessAsync(tree.Id, Round, ct);
        return Page();
    }
}
