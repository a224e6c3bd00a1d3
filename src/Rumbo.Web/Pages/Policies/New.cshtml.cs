using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Policies;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Policies;

/// <summary>A new policy of a country for an agenda (<c>?agenda=slug&amp;country=CL</c>): the country's focal points and the secretariat.</summary>
public sealed class NewModel(RumboDbContext db, PolicyStore store, CurrentUser currentUser) : PolicyFormPage(db, store)
{
    [FromQuery(Name = "agenda")] public string? AgendaKey { get; set; }
    [FromQuery(Name = "country")] public string? CountryKey { get; set; }

    public override bool ChoosesStatus => true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await RefuseUnlessAllowedAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await RefuseUnlessAllowedAsync(ct) is { } refused) return refused;
        var user = await currentUser.GetAsync(User, ct);
        var read = Read([], null);
        if (read is null) return Invalid();
        var policy = Store.Create(AgendaId, CountryId, read, user.PersonId);
        await Db.SaveChangesAsync(ct);
        TempData.Notice("Saved.");
        return Redirect($"/policies/{policy.Id}");
    }

    private async Task<IActionResult?> RefuseUnlessAllowedAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var slug = AgendaKeys.Slugify(AgendaKey?.Trim() ?? "");
        var code = CountryKey?.Trim().ToUpperInvariant() ?? "";
        var agendaId = await Db.Agendas.AsNoTracking().Where(a => a.Slug == slug).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        var countryId = await Db.Countries.AsNoTracking().Where(c => c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        if (agendaId is null || countryId is null) return NotFound();
        if (!user.CanEditPolicies(agendaId.Value, countryId.Value)) return StatusCode(StatusCodes.Status403Forbidden);
        await LoadRegisterAsync(agendaId.Value, countryId.Value, ct);
        return null;
    }
}
