using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Capacities;
using Rumbo.Core.Data;
using Rumbo.Core.People;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Capacities;

/// <summary>
/// An agenda's TOPP diagnosis: the regional map of capacities and gaps of the latest closed round (only what countries
/// made public, for the public; everything for the secretariat), the method, the instrument's versions; a focal point's
/// countries; and for the secretariat the rounds with each country's status, and opening a round.
/// </summary>
/// <remarks>Safe under the output cache, which never stores or serves a signed-in request.</remarks>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class IndexModel(RumboDbContext db, AgendaReader agendas, CapacityReader reader, CapacityStore store, CurrentUser currentUser) : PageModel
{
    public AgendaTree Agenda { get; private set; } = null!;
    public RegionalMap? Map { get; private set; }
    public IReadOnlyList<InstrumentSummary> Instruments { get; private set; } = [];
    public IReadOnlyList<CountryLabel> MyCountries { get; private set; } = [];
    public bool IsSecretariat { get; private set; }
    public bool CanEditInstrument { get; private set; }
    public IReadOnlyList<(CapacityRoundView Round, IReadOnlyList<AssessmentListItem> Assessments)> Rounds { get; private set; } = [];
    public IReadOnlyList<(int Id, string Code, LocalizedString Name)> MemberStates { get; private set; } = [];

    [BindProperty] public TextInput RoundTitle { get; set; } = new();
    [BindProperty] public int? InstrumentNumber { get; set; }
    [BindProperty] public DateOnly? OpensOn { get; set; }
    [BindProperty] public DateOnly? DueOn { get; set; }
    [BindProperty] public List<string> Countries { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refused) return refused;
        (OpensOn, DueOn) = (store.Today, store.Today.AddMonths(3));
        InstrumentNumber = Instruments.FirstOrDefault(i => i.Status == InstrumentStatus.Published)?.Number;
        RoundTitle.Source = store.Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    /// <summary>The secretariat opens a round on a published version for the chosen countries (or all member States).</summary>
    public async Task<IActionResult> OnPostRoundAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refused) return refused;
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        if (!user.CanReviewCapacities()) return StatusCode(StatusCodes.Status403Forbidden);
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(RoundTitle.Source)) ModelState.AddMessage("RoundTitle.Source", "The text is required.");
        else if (RoundTitle.Source.Trim().Length > 200) ModelState.AddMessage("RoundTitle.Source", new ValidationMessage("At most {0} characters.", 200));
        if (InstrumentNumber is not int n || Instruments.All(i => i.Number != n || i.Status != InstrumentStatus.Published))
            ModelState.AddMessage(nameof(InstrumentNumber), "Choose a published version of the instrument.");
        if (OpensOn is not DateOnly o || !DateBounds.Contains(o)) ModelState.AddMessage(nameof(OpensOn), DateBounds.Outside);
        if (DueOn is not DateOnly d || !DateBounds.Contains(d)) ModelState.AddMessage(nameof(DueOn), DateBounds.Outside);
        else if (OpensOn is DateOnly o2 && d < o2) ModelState.AddMessage(nameof(DueOn), "The due date cannot come before the round opens.");
        var byCode = MemberStates.ToDictionary(m => m.Code, m => m.Id, StringComparer.OrdinalIgnoreCase);
        var chosen = Countries.Contains("all") ? byCode.Values.ToList() : Countries.Where(byCode.ContainsKey).Select(c => byCode[c]).Distinct().ToList();
        if (Countries.Any(c => c != "all" && !byCode.ContainsKey(c))) ModelState.AddMessage(nameof(Countries), "Choose countries from the list.");
        else if (chosen.Count == 0) ModelState.AddMessage(nameof(Countries), "Choose at least one country.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var title = new LocalizedText();
        RoundTitle.ApplyTo(title);
        var (_, refusal) = await store.OpenRoundAsync(Agenda.Id, InstrumentNumber!.Value, title, OpensOn!.Value, DueOn!.Value, chosen, ct: ct);
        if (refusal is not null)
        {
            ModelState.AddMessage(nameof(InstrumentNumber), refusal);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await db.SaveChangesAsync(ct);
        TempData.Notice("The round was opened for {0} countries.", chosen.Count);
        return Redirect($"/agendas/{Agenda.Slug}/capacities#rounds-heading");
    }

    private async Task<IActionResult?> LoadAsync(string key, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        var tree = await agendas.GetTreeAsync(key, ct);
        if (tree is null) return NotFound();
        Agenda = tree;
        IsSecretariat = user.CanReviewCapacities();
        CanEditInstrument = user.CanEditCapacityInstrument(await store.AdHocGroupsAsync(tree.Id, ct));
        Map = await reader.RegionalAsync(user, tree.Id, ct);
        Instruments = await reader.InstrumentsAsync(tree.Id, ct);
        var mine = user.FocalPoints.Where(f => f.AgendaId == tree.Id).Select(f => f.CountryId).ToList();
        if (mine.Count > 0)
        {
            MyCountries = await db.Countries.AsNoTracking().Where(c => mine.Contains(c.Id)).OrderBy(c => c.Code)
                .Select(c => new CountryLabel(c.Code, c.Name.ToDocument())).ToListAsync(ct);
        }
        if (IsSecretariat)
        {
            var rounds = await reader.RoundsAsync(tree.Id, ct);
            var list = new List<(CapacityRoundView, IReadOnlyList<AssessmentListItem>)>();
            foreach (var r in rounds) list.Add((r, await reader.OfRoundAsync(r.Id, ct)));
            Rounds = list;
            MemberStates = (await db.Countries.AsNoTracking().Where(c => c.Status == CountryStatus.MemberState).OrderBy(c => c.Code)
                .Select(c => new { c.Id, c.Code, Name = c.Name.ToDocument() }).ToListAsync(ct)).Select(c => (c.Id, c.Code, c.Name)).ToList();
        }
        return null;
    }
}
