using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rumbo.Core.Accounts;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Account;

/// <summary>
/// The user's own access tokens. Only a browser session may manage them: a token that could reach this page could
/// mint more tokens for itself, outliving its own revocation.
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class TokensModel(AccessTokens tokens, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The last day the token works (UTC), as the date input sends it.</summary>
    [BindProperty]
    public string? ExpiresOn { get; set; }

    public IReadOnlyList<AccessTokenInfo> Tokens { get; private set; } = [];

    /// <summary>The token just created: shown in this one answer and never again.</summary>
    public CreatedAccessToken? Created { get; private set; }

    public bool Revoked { get; private set; }

    public DateTime Now { get; private set; }

    private int UserId => int.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);

    public async Task OnGetAsync(bool revoked, CancellationToken ct)
    {
        Revoked = revoked;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        ModelState.ReplaceBindingErrors("Check this value.");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        DateTime? expiresAt = null;
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddMessage(nameof(Name), "Give the token a name.");
        else if (Name.Trim().Length > AccessTokens.MaxNameLength) ModelState.AddMessage(nameof(Name), "A name has at most {0} characters.", AccessTokens.MaxNameLength);
        if (!string.IsNullOrWhiteSpace(ExpiresOn))
        {
            if (!DateOnly.TryParseExact(ExpiresOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last))
                ModelState.AddMessage(nameof(ExpiresOn), "Write the date as year-month-day, such as {0}.", today.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            else if (last < today)
                ModelState.AddMessage(nameof(ExpiresOn), "Choose today or a later day.");
            else if (!DateBounds.Contains(last))
                ModelState.AddMessage(nameof(ExpiresOn), DateBounds.Outside);
            else
                expiresAt = DateTime.SpecifyKind(last.AddDays(1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        Created = await tokens.CreateAsync(UserId, Name!, expiresAt, ct);
        Response.Headers.CacheControl = "no-store";
        Name = null;
        ExpiresOn = null;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(UserId, id, ct)) return NotFound();
        return RedirectToPage(new { revoked = true });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Tokens = await tokens.ListAsync(UserId, ct);
    }
}
