using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Policies;
using Rumbo.Core.Policies.Suggestions;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Policies;

/// <summary>
/// A policy: everything the register holds, its status history and lines of action; for the country, sending it for
/// review and recording a change of status; for the secretariat, reviewing or returning it. A reader who may not see it
/// gets 404, as for an id that does not exist.
/// </summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class PolicyModel(PolicyReader reader, PolicyStore store, CurrentUser currentUser, RumboDbContext db, LineSuggestions suggestions) : PageModel
{
    public PolicyDetail Policy { get; private set; } = null!;

    /// <summary>Safe under the output cache, which never stores or serves a signed-in request.</summary>
    public bool CanEdit { get; private set; }
    public bool CanReview { get; private set; }
    public bool CanSeeHistory { get; private set; }
    public bool Conflict { get; private set; }
    /// <summary>Why the transition asked for was refused, shown with 409.</summary>
    public ValidationMessage? Refusal { get; private set; }
    public string? FailedForm { get; private set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? On { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Comment { get; set; }
    /// <summary>Not "Code": the error page re-executed after a 404 would bind its status code from a form field of that name.</summary>
    [BindProperty] public string? LineCode { get; set; }

    /// <summary>The lines Rumbo suggests, for those who may edit the policy only.</summary>
    public LineSuggestions.ForPolicy? Suggestions { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await ReadOrRefuseAsync(id, ct) is { } refused) return refused;
        On = store.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    /// <summary>The country sends its draft (or the returned entry) to the secretariat.</summary>
    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        TransitionAsync(id, "submit", (p, u) => u.CanEditPolicies(p.AgendaId, p.CountryId), (p, _) => M(p.Submit()), "Sent to the secretariat for review.", ct);

    /// <summary>A change of the policy's own status, with the day it happened and a note.</summary>
    public Task<IActionResult> OnPostStatusAsync(int id, CancellationToken ct) =>
        TransitionAsync(id, "status", (p, u) => u.CanEditPolicies(p.AgendaId, p.CountryId), (p, u) =>
        {
            if (PolicyCheck.Parse<PolicyStatus>(To) is not { } to) return "Choose a status.";
            if (!DateOnly.TryParseExact(On?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var on))
                return "Enter a date as year, month and day.";
            if (!DateBounds.Contains(on)) return DateBounds.Outside;
            var refusal = p.ChangeStatus(to, on, store.Today, u.PersonId, Note, store.Now);
            if (refusal is null && !u.IsSecretariatAdmin) p.ChangedByCountry();
            return M(refusal);
        }, "Status changed.", ct);

    /// <summary>The secretariat's review: accept the submitted entry, or return it with a comment.</summary>
    public Task<IActionResult> OnPostReviewAsync(int id, string? action, CancellationToken ct) =>
        TransitionAsync(id, "review", (_, u) => u.CanReviewPolicies(), (p, u) => M(action switch
        {
            "review" => p.MarkReviewed(u.PersonId, store.Now, Comment),
            "return" => p.Return(u.PersonId, store.Now, Comment),
            _ => "Choose to mark it reviewed or to return it.",
        }), action == "return" ? "Returned to the country." : "Marked as reviewed.", ct);

    /// <summary>Links a suggested line to the policy, as the editor would (the version read, 409 when someone saved since).</summary>
    public Task<IActionResult> OnPostConfirmLineAsync(int id, CancellationToken ct) =>
        SuggestionAsync(id, async (policy, user) =>
        {
            if (policy.Version != Version) return LineSuggestions.Outcome.Conflict;
            return await suggestions.ConfirmAsync(policy, LineCode?.Trim() ?? "", Version, user.IsSecretariatAdmin, ct);
        }, "Line {0} is now linked to this policy.", ct);

    /// <summary>Keeps that the policy does not serve a suggested line, which is then not suggested for it again.</summary>
    public Task<IActionResult> OnPostRejectLineAsync(int id, CancellationToken ct) =>
        SuggestionAsync(id, (policy, user) => suggestions.RejectAsync(policy.Id, policy.AgendaId, LineCode?.Trim() ?? "", user.PersonId, ct),
            "Line {0} will not be suggested again for this policy.", ct);

    private async Task<IActionResult> SuggestionAsync(int id, Func<Policy, CurrentUser.Snapshot, Task<LineSuggestions.Outcome>> answer, string notice, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var policy = await store.LoadAsync(id, ct);
        if (policy is null || !user.CanSeePolicy(policy.AgendaId, policy.CountryId, policy.Review, policy.IsPublic)) return NotFound();
        if (!user.CanEditPolicies(policy.AgendaId, policy.CountryId)) return StatusCode(StatusCodes.Status403Forbidden);
        FailedForm = "suggestions";
        switch (await answer(policy, user))
        {
            case LineSuggestions.Outcome.Done:
                TempData.Notice(notice, LineCode!.Trim());
                return Redirect($"/policies/{id}#suggestions-heading");
            case LineSuggestions.Outcome.NoLine:
                db.ChangeTracker.Clear();
                Refusal = new ValidationMessage("No line of action of this agenda that can be linked has that code.");
                return await AgainAsync(id, StatusCodes.Status422UnprocessableEntity, user, ct);
            default:
                Conflict = true;
                return await AgainAsync(id, StatusCodes.Status409Conflict, user, ct);
        }
    }

    // The entity answers its refusals as strings; null is no refusal, which the string-to-message conversion would lose.
    private static ValidationMessage? M(string? refusal) => refusal is null ? null : new ValidationMessage(refusal);

    private async Task<IActionResult> TransitionAsync(int id, string form, Func<Policy, CurrentUser.Snapshot, bool> allowed,
        Func<Policy, CurrentUser.Snapshot, ValidationMessage?> change, string notice, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var policy = await store.LoadAsync(id, ct);
        if (policy is null || !user.CanSeePolicy(policy.AgendaId, policy.CountryId, policy.Review, policy.IsPublic)) return NotFound();
        if (!allowed(policy, user)) return StatusCode(StatusCodes.Status403Forbidden);
        FailedForm = form;
        if (policy.Version != Version)
        {
            Conflict = true;
            return await AgainAsync(id, StatusCodes.Status409Conflict, user, ct);
        }
        if (change(policy, user) is { } refusal)
        {
            Refusal = refusal;
            db.ChangeTracker.Clear();
            return await AgainAsync(id, StatusCodes.Status409Conflict, user, ct);
        }
        if (!await db.SaveIfVersionAsync(policy, p => p.Version, Version, ct))
        {
            Conflict = true;
            return await AgainAsync(id, StatusCodes.Status409Conflict, user, ct);
        }
        TempData.Notice(notice);
        return Redirect($"/policies/{id}");
    }

    private async Task<IActionResult> AgainAsync(int id, int status, CurrentUser.Snapshot user, CancellationToken ct)
    {
        Response.StatusCode = status;
        var p = await reader.GetAsync(id, ct);
        if (p is null) return NotFound();
        Set(p, user);
        if (CanEdit) Suggestions = await suggestions.ForPolicyAsync(id, ct);
        return Page();
    }

    private async Task<IActionResult?> ReadOrRefuseAsync(int id, CancellationToken ct)
    {
        var p = await reader.GetAsync(id, ct);
        var user = await currentUser.GetAsync(User, ct);
        if (p is null || !user.CanSeePolicy(p.AgendaId, p.CountryId, p.Review, p.IsPublic)) return NotFound();
        Set(p, user);
        if (CanEdit) Suggestions = await suggestions.ForPolicyAsync(id, ct);
        return null;
    }

    private void Set(PolicyDetail p, CurrentUser.Snapshot user)
    {
        Policy = p;
        Version = p.Version;
        CanEdit = user.CanEditPolicies(p.AgendaId, p.CountryId);
        CanReview = user.CanReviewPolicies();
        CanSeeHistory = user.CanSeeAudit();
        On ??= store.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
