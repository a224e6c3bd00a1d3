using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Rumbo.Core.Accounts;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Account;

public sealed class InvitationModel(
    Invitations invitations, SignInManager<RumboUser> signIn, IOptions<IdentityOptions> identity, IStringLocalizer<SharedResource> T, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public InvitationSummary? Invitation { get; private set; }

    public int RequiredLength => identity.Value.Password.RequiredLength;

    /// <summary>The signed-in user is the one the invitation was for (after accepting, or with an account already).</summary>
    public bool IsInvitee { get; private set; }

    public int? SignedInUserId => int.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        ModelState.ReplaceBindingErrors("Check this value.");
        await LoadAsync(token, ct);
        if (Invitation is not { State: InvitationState.Pending }) return Answer();
        if (!Invitation.HasAccount)
        {
            if (string.IsNullOrEmpty(Password)) ModelState.AddMessage(nameof(Password), "Choose a password.");
            else if (Password != ConfirmPassword) ModelState.AddMessage(nameof(ConfirmPassword), "The two passwords are not the same.");
            if (!ModelState.IsValid) return Page();
        }

        var result = await invitations.AcceptAsync(token, Invitation.HasAccount ? null : Password, SignedInUserId, ct);
        switch (result.Outcome)
        {
            case AcceptOutcome.Accepted:
                // Signing in again also refreshes the claims of a user who was signed in already.
                await signIn.SignInAsync(result.User!, isPersistent: false);
                if (result.User!.Language is { } language) LanguageCookie.Set(Response, language, clock);
                // The person lands where their new groups and roles are, welcomed there.
                TempData.Notice("You have accepted the invitation to {0}. You are signed in.", AccountTexts.Grant(T, Invitation));
                return Redirect("/workspace");
            case AcceptOutcome.PasswordRejected:
                foreach (var e in result.Errors ?? [])
                {
                    ModelState.AddMessage(nameof(Password), AccountTexts.Describe(e, RequiredLength));
                }
                return Page();
            default:
                // Used, expired or taken by an account in the meantime: the page shows the invitation as it is now.
                await LoadAsync(token, ct);
                return Answer();
        }
    }

    private async Task LoadAsync(string token, CancellationToken ct)
    {
        Invitation = await invitations.FindAsync(token, ct);
        if (Invitation is not null && SignedInUserId is int userId)
        {
            IsInvitee = await invitations.IsInviteeAsync(Invitation, userId, ct);
        }
    }

    private PageResult Answer()
    {
        Response.StatusCode = Invitation switch
        {
            null => StatusCodes.Status404NotFound,
            { State: InvitationState.Expired } => StatusCodes.Status410Gone,
            { State: InvitationState.Accepted } when !IsInvitee => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        // The address carries the secret: it is no one else's business, the cache's included.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
