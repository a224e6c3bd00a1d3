using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Web.Infrastructure;
using Rumbo.Core.Agreements;

namespace Rumbo.Web.Pages.Agreements;

public sealed class EditModel(RumboDbContext db, CurrentUser currentUser) : AgreementFormPage(db, currentUser)
{
    public Agreement Agreement { get; private set; } = null!;

    private async Task<IActionResult?> LoadOrRefuseAsync(int id, CancellationToken ct)
    {
        var user = await HttpContext.RequestServices.GetRequiredService<CurrentUser>().GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var found = await Db.Agreements.Where(a => a.Id == id).Select(a => new { a.MeetingId, a.GroupId, a.Visibility }).SingleOrDefaultAsync(ct);
        // An agreement the user may not read is not found, as one that does not exist; one they read but may not edit is refused.
        if (found is null || !user.CanSeeAgreement(found.GroupId, found.Visibility)) return NotFound();
        if (await RefuseUnlessAllowedAsync(found.MeetingId, ct) is { } refused) return refused;
        Agreement = await Db.Agreements.Include(a => a.Lines).ThenInclude(l => l.LineOfAction).SingleAsync(a => a.Id == id, ct);
        return null;
    }

    private void Fill()
    {
        Version = Agreement.Version;
        Kind = Agreement.Kind;
        Text = TextInput.From(Agreement.Text);
        AdoptedOn = Agreement.AdoptedOn;
        Visibility = Agreement.Visibility;
        Lines = string.Join(", ", Agreement.Lines.Select(l => l.LineOfAction!.Code).Order(StringComparer.Ordinal));
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        if (!await ValidateAsync(Agreement.Lines.Select(l => l.LineOfActionId).ToHashSet(), ct)) return Invalid();
        ApplyTo(Agreement);
        if (await Db.SaveIfVersionAsync(Agreement, a => a.Version, Version, ct)) return Redirect($"/agreements/{id}");
        Agreement = await Db.Agreements.Include(a => a.Lines).ThenInclude(l => l.LineOfAction).SingleAsync(a => a.Id == id, ct);
        Conflict = true;
        Version = Agreement.Version;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
