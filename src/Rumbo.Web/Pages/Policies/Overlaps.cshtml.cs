using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Policies;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Policies;

/// <summary>
/// Coherence within each country's register: the pairs of policies that overlap or may duplicate each other, found from
/// their texts and links (<see cref="PolicyOverlaps"/>), with what each pair shares. Cut to what the reader may see.
/// </summary>
public sealed class OverlapsModel(RumboDbContext db, PolicyOverlaps overlaps, CurrentUser currentUser) : PageModel
{
    public sealed record CountryOption(string Code, LocalizedString Name);

    [FromQuery(Name = "agenda")] public string? Agenda { get; set; }
    [FromQuery(Name = "country")] public string? Country { get; set; }

    public IReadOnlyList<(string Slug, string Symbol)> Agendas { get; private set; } = [];
    public IReadOnlyList<CountryOption> Countries { get; private set; } = [];
    public Dictionary<string, ValidationMessage> Problems { get; } = [];
    public IReadOnlyList<PolicyOverlap> Found { get; private set; } = [];
    /// <summary>The slugs of the agendas by id, for the links to lines of action.</summary>
    public bool SeesUnpublished { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await currentUser.GetAsync(User, ct);
        SeesUnpublished = viewer.IsSecretariatAdmin || viewer.FocalPoints.Count > 0;
        if (viewer.IsSignedIn) Response.Headers.CacheControl = "private, no-store";
        Agendas = (await db.Agendas.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Slug, a.Symbol }).ToListAsync(ct)).Select(a => (a.Slug, a.Symbol)).ToList();
        Countries = (await db.Countries.AsNoTracking().Select(c => new CountryOption(c.Code, c.Name.ToDocument())).ToListAsync(ct))
            .OrderBy(c => Ui.Plain(c.Name), Ui.Collation).ToList();
        int? agendaId = null, countryId = null;
        if (!string.IsNullOrWhiteSpace(Agenda))
        {
            var slug = AgendaKeys.Slugify(Agenda.Trim());
            agendaId = await db.Agendas.AsNoTracking().Where(a => a.Slug == slug).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
            if (agendaId is null) Problems["agenda"] = new("No agenda has the key {0}.", Agenda.Trim());
        }
        if (!string.IsNullOrWhiteSpace(Country))
        {
            var code = Country.Trim().ToUpperInvariant();
            countryId = await db.Countries.AsNoTracking().Where(c => c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
            if (countryId is null) Problems["country"] = new("No country has the code {0}.", Country.Trim());
        }
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Found = await overlaps.FindAsync(viewer, agendaId, countryId, ct);
        return Page();
    }
}
