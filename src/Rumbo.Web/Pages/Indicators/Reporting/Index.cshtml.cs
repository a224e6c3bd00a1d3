using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Indicators;
using Rumbo.Core.People;
using Rumbo.Core.Validation;
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
    public IReadOnlyList<RoundView> Rounds { get; private set; } = [];

    [BindProperty] public TextInput RoundTitle { get; set; } = new();
    [BindProperty] public int? FirstYear { get; set; }
    [BindProperty] public int? LastYear { get; set; }
    [BindProperty] public DateOnly? OpensOn { get; set; }
    [BindProperty] public DateOnly? DueOn { get; set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refused) return refused;
        var year = Today.Year;
        (FirstYear, LastYear, OpensOn, DueOn) = (year - 1, year - 1, Today, Today.AddMonths(3));
        return Page();
    }

    /// <summary>The secretariat opens a round: the years of data asked for and the due date.</summary>
    public async Task<IActionResult> OnPostRoundAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } refused) return refused;
        if (!IsSecretariat) return StatusCode(StatusCodes.Status403Forbidden);
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(RoundTitle.Source)) ModelState.AddMessage("RoundTitle.Source", "The text is required.");
        if (FirstYear is not int f || f < SeriesInput.FirstYear || f > SeriesInput.LastYear)
            ModelState.AddMessage(nameof(FirstYear), new ValidationMessage("Enter a year from {0} to {1}.", SeriesInput.FirstYear, SeriesInput.LastYear));
        if (LastYear is not int l || l < SeriesInput.FirstYear || l > SeriesInput.LastYear)
            ModelState.AddMessage(nameof(LastYear), new ValidationMessage("Enter a year from {0} to {1}.", SeriesInput.FirstYear, SeriesInput.LastYear));
        else if (FirstYear is int f2 && l < f2) ModelState.AddMessage(nameof(LastYear), "The last year cannot come before the first.");
        if (OpensOn is not DateOnly o || !DateBounds.Contains(o)) ModelState.AddMessage(nameof(OpensOn), DateBounds.Outside);
        if (DueOn is not DateOnly d || !DateBounds.Contains(d)) ModelState.AddMessage(nameof(DueOn), DateBounds.Outside);
        else if (OpensOn is DateOnly o2 && d < o2) ModelState.AddMessage(nameof(DueOn), "The due date cannot come before the round opens.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var title = new LocalizedText();
        RoundTitle.ApplyTo(title);
        await store.OpenRoundAsync(Agenda.Id, title, FirstYear!.Value, LastYear!.Value, OpensOn!.Value, DueOn!.Value, ct);
        TempData.Notice("The round was opened.");
        return Redirect($"/agendas/{Agenda.Slug}/reporting");
    }

    private async Task<IActionResult?> LoadAsync(string key, CancellationToken ct)
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
        if (IsSecretariat) Rounds = await store.RoundsAsync(tree.Id, ct);
        return null;
    }
}
