using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Policies;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Policies;

/// <summary>
/// A policy's editor, for its country's focal points and the secretariat; a stale save answers 409 and changes nothing.
/// A country's change to a reviewed policy sends it back for review (<see cref="Policy.ChangedByCountry"/>).
/// </summary>
public sealed class EditModel(RumboDbContext db, PolicyStore store, CurrentUser currentUser) : PolicyFormPage(db, store)
{
    public int Id { get; private set; }
    public Policy Stored { get; private set; } = null!;

    public override bool ChoosesStatus => false;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        Fill(Stored);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        var user = await currentUser.GetAsync(User, ct);
        var read = Read(Stored.Lines.Select(l => l.LineOfActionId).ToList(), Stored);
        if (read is null) return Invalid();
        Store.Apply(Stored, read, merge: false);
        Stored.UpdatedAtUtc = Store.Now;
        if (!user.IsSecretariatAdmin) Stored.ChangedByCountry();
        if (await Db.SaveIfVersionAsync(Stored, p => p.Version, Version, ct))
        {
            TempData.Notice("Saved.");
            return Redirect($"/policies/{id}");
        }
        Conflict = true;
        Response.StatusCode = StatusCodes.Status409Conflict;
        Stored = (await Store.LoadAsync(id, ct))!;
        Version = Stored.Version;
        return Page();
    }

    private async Task<IActionResult?> LoadOrRefuseAsync(int id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var policy = await Store.LoadAsync(id, ct);
        if (policy is null || !user.CanSeePolicy(policy.AgendaId, policy.CountryId, policy.Review, policy.IsPublic)) return NotFound();
        if (!user.CanEditPolicies(policy.AgendaId, policy.CountryId)) return StatusCode(StatusCodes.Status403Forbidden);
        Id = id;
        Stored = policy;
        await LoadRegisterAsync(policy.AgendaId, policy.CountryId, ct);
        return null;
    }
}
