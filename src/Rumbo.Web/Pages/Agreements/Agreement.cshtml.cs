using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Web.Infrastructure;
using Rumbo.Core.Agreements;
using Rumbo.Core.Meetings;

namespace Rumbo.Web.Pages.Agreements;

/// <summary>An agreement and each country's follow-up; a members-only one is 404 to whoever is not of the group.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class AgreementModel(RumboDbContext db, CurrentUser currentUser) : PageModel
{
    public AgreementView Agreement { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    /// <summary>Countries the reader may report for.</summary>
    public IReadOnlySet<int> MayReport { get; private set; } = new HashSet<int>();

    /// <summary>The secretariat reports for any country, so it alone is offered a country to type.</summary>
    public bool MayReportAnyCountry { get; private set; }

    /// <summary>
    /// Countries outside the table that the reader may report for (their focal-point countries, their own as a member):
    /// offered as links, since a free choice would only lead the reader to a refusal.
    /// </summary>
    public IReadOnlyList<FollowUpCountry> OtherCountries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        var found = await AgreementReader.LoadAsync(db, db.Agreements.Where(a => a.Id == id).Visible(user), ct);
        if (found.Count == 0) return NotFound();
        Agreement = found[0];
        CanEdit = user.CanEditAgreement(Agreement.GroupId);
        if (user.IsSignedIn)
        {
            var personCountry = user.PersonId is int pid ? await db.People.Where(p => p.Id == pid).Select(p => p.CountryId).SingleOrDefaultAsync(ct) : null;
            MayReport = Agreement.FollowUps.Select(f => f.Country.Id)
                .Where(c => user.CanReportFollowUp(Agreement.GroupId, Agreement.AgendaId, c, personCountry)).ToHashSet();
            MayReportAnyCountry = user.IsSecretariatAdmin;
            if (!MayReportAnyCountry)
            {
                var listed = Agreement.FollowUps.Select(f => f.Country.Id).ToHashSet();
                var agendaId = Agreement.AgendaId;
                var mine = user.FocalPoints.Where(f => f.AgendaId == agendaId).Select(f => f.CountryId)
                    .Concat(personCountry is int pc && user.CanReportFollowUp(Agreement.GroupId, agendaId, pc, personCountry) ? [pc] : [])
                    .Where(c => !listed.Contains(c)).Distinct().ToList();
                if (mine.Count > 0)
                {
                    var countries = await db.Countries.AsNoTracking().Where(c => mine.Contains(c.Id)).ToListAsync(ct);
                    OtherCountries = countries.Select(c => new FollowUpCountry(c.Id, c.Code, c.Name.ToDocument()))
                        .OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
                }
            }
        }
        return Page();
    }
}
