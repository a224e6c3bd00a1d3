using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Capacities;
using Rumbo.Core.Data;
using Rumbo.Core.People;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Capacities;

/// <summary>
/// A country's integrated institutional profile for an agenda: its latest closed diagnosis as far as the reader may see
/// it (scores table, chart, strengths, gaps, evidence, change from the previous closed round) and its diagnoses per round.
/// The country's focal points choose here what of each closed diagnosis is public. A country with nothing the reader may
/// see still has its page, saying so, as the public's list of countries links every member State.
/// </summary>
/// <remarks>Safe under the output cache, which never stores or serves a signed-in request.</remarks>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class CountryModel(RumboDbContext db, AgendaReader agendas, CapacityReader reader, CurrentUser currentUser) : PageModel
{
    public AgendaTree Agenda { get; private set; } = null!;
    public CountryLabel Country { get; private set; } = null!;
    public CapacityProfile? Profile { get; private set; }
    public IReadOnlyList<AssessmentListItem> Assessments { get; private set; } = [];
    public bool CanAnswer { get; private set; }
    public bool Conflict { get; private set; }

    [BindProperty] public int Assessment { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Publicity { get; set; }

    public async Task<IActionResult> OnGetAsync(string key, string country, CancellationToken ct) =>
        await LoadAsync(key, country, ct) ?? Page();

    /// <summary>The country's choice of what of a diagnosis is public: nothing, the scores, or the scores and the answers.</summary>
    public async Task<IActionResult> OnPostPublicityAsync(string key, string country, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        if (await LoadAsync(key, country, ct) is { } refused) return refused;
        var a = await db.CapacityAssessments.Include(x => x.Round).SingleOrDefaultAsync(x => x.Id == Assessment, ct);
        if (a is null || a.Round!.AgendaId != Agenda.Id || a.CountryId != countryId || user.CapacityAccess(Agenda.Id, countryId, a.Status, a.Publicity) == AssessmentAccess.None)
            return NotFound();
        if (!user.CanAnswerCapacities(Agenda.Id, countryId)) return StatusCode(StatusCodes.Status403Forbidden);
        if (!Enum.TryParse<AssessmentPublicity>(Publicity, ignoreCase: false, out var publicity) || !Enum.IsDefined(publicity))
        {
            ModelState.AddMessage(nameof(Publicity), "Choose what is public.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        a.Publicity = publicity;
        if (a.Version != Version || !await db.SaveIfVersionAsync(a, x => x.Version, Version, ct))
        {
            db.ChangeTracker.Clear();
            Conflict = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            await LoadAsync(key, country, ct);
            return Page();
        }
        TempData.Notice("Saved.");
        return Redirect($"/agendas/{Agenda.Slug}/capacities/{Country.Code.ToLowerInvariant()}#diagnoses-heading");
    }

    private int countryId;

    private async Task<IActionResult?> LoadAsync(string key, string country, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        var tree = await agendas.GetTreeAsync(key, ct);
        if (tree is null) return NotFound();
        var code = country.Trim().ToUpperInvariant();
        var c = await db.Countries.AsNoTracking().Where(x => x.Code == code).Select(x => new { x.Id, x.Code, Name = x.Name.ToDocument() }).SingleOrDefaultAsync(ct);
        if (c is null) return NotFound();
        Agenda = tree;
        Country = new CountryLabel(c.Code, c.Name);
        countryId = c.Id;
        CanAnswer = user.CanAnswerCapacities(tree.Id, c.Id);
        Profile = await reader.ProfileAsync(user, tree.Id, c.Id, ct);
        Assessments = await reader.OfCountryAsync(user, tree.Id, c.Id, ct);
        return null;
    }
}
