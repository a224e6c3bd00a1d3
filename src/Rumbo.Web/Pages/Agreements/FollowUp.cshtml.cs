using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Web.Infrastructure;
using Rumbo.Core.Agreements;

namespace Rumbo.Web.Pages.Agreements;

/// <summary>
/// A country's report on an agreement: one row per country, overwritten by each update (the audit trail keeps the
/// history), against the version read so that a stale update answers 409.
/// </summary>
public sealed class FollowUpModel(RumboDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public AgreementView Agreement { get; private set; } = null!;

    public FollowUpCountry Country { get; private set; } = null!;

    public bool Conflict { get; private set; }

    /// <summary>The version of the country's report the form was read at; -1 when there was none.</summary>
    [BindProperty]
    public int Version { get; set; } = -1;

    [BindProperty]
    public FollowUpStatus Status { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? EvidenceUrl { get; set; }

    private async Task<IActionResult?> LoadOrRefuseAsync(int id, string? country, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var found = await AgreementReader.LoadAsync(db, db.Agreements.Where(a => a.Id == id).Visible(user), ct);
        if (found.Count == 0) return NotFound();
        Agreement = found[0];
        var code = (country ?? "").Trim().ToUpperInvariant();
        var c = await db.Countries.AsNoTracking().Where(x => x.Code == code).SingleOrDefaultAsync(ct);
        if (c is null) return NotFound();
        Country = new FollowUpCountry(c.Id, c.Code, c.Name.ToDocument());
        var personCountry = user.PersonId is int pid ? await db.People.Where(p => p.Id == pid).Select(p => p.CountryId).SingleOrDefaultAsync(ct) : null;
        if (!user.CanReportFollowUp(Agreement.GroupId, Agreement.AgendaId, c.Id, personCountry)) return StatusCode(StatusCodes.Status403Forbidden);
        return null;
    }

    private FollowUpView? Current => Agreement.FollowUps.FirstOrDefault(f => f.Country.Id == Country.Id)?.Report;

    private void Fill()
    {
        if (Current is { } r)
        {
            Version = r.Version;
            Status = r.Status;
            Text = r.Text;
            EvidenceUrl = r.EvidenceUrl;
        }
        else
        {
            Version = -1;
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, string? country, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, country, ct) is { } refused) return refused;
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? country, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, country, ct) is { } refused) return refused;
        if (!Validate())
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var user = await currentUser.GetAsync(User, ct);
        var countryId = Country.Id;
        var row = await db.AgreementFollowUps.SingleOrDefaultAsync(f => f.AgreementId == id && f.CountryId == countryId, ct);
        if (row is null)
        {
            // A country that has not reported has version -1 on the form; its first report saves version 0.
            row = new AgreementFollowUp { AgreementId = id, CountryId = countryId, Version = -1 };
            db.AgreementFollowUps.Add(row);
        }
        row.Status = Status;
        row.Text = (Text ?? "").Replace("\r\n", "\n").Trim();
        row.EvidenceUrl = string.IsNullOrWhiteSpace(EvidenceUrl) ? null : EvidenceUrl.Trim();
        row.ReportedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.ReportedByPersonId = user.PersonId;
        // A lost race is a concurrency failure, or the unique (agreement, country) row made by someone else in the meantime.
        if (!await db.SaveIfVersionAsync(row, f => f.Version, Version, ct, orDuplicate: true)) return await ConflictAsync(id, country, ct);
        return Redirect($"/agreements/{id}#country-{Country.Code.ToLowerInvariant()}");
    }

    private async Task<IActionResult> ConflictAsync(int id, string? country, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadOrRefuseAsync(id, country, ct);
        Conflict = true;
        Version = Current?.Version ?? -1;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private bool Validate()
    {
        var badStatus = ModelState.HasError(nameof(Status));
        ModelState.Clear();
        if (badStatus || !Enum.IsDefined(Status)) ModelState.AddMessage(nameof(Status), "Choose a status.");
        var text = (Text ?? "").Trim();
        if (text.Length == 0) ModelState.AddMessage(nameof(Text), "Say what the country has done.");
        else if (text.Length > 4000) ModelState.AddMessage(nameof(Text), "The text is longer than 4000 characters.");
        if (!string.IsNullOrWhiteSpace(EvidenceUrl))
        {
            var url = EvidenceUrl.Trim();
            if (url.Length > 500) ModelState.AddMessage(nameof(EvidenceUrl), "The address is longer than 500 characters.");
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
                ModelState.AddMessage(nameof(EvidenceUrl), "Give a web address starting with http:// or https://.");
        }
        return ModelState.IsValid;
    }
}
