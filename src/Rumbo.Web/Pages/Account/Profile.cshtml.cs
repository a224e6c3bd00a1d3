using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Rumbo.Core.Accounts;
using Rumbo.Core.Localization;
using Rumbo.Core.Meetings;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Account;

/// <summary>
/// The signed-in person's own profile: the language and time zone of their pages and messages, their contact details
/// and who sees them, and their password. It takes no id: an account changes only itself. A browser session only, as
/// for tokens: a token that reached this page could change the password it is no longer meant to know.
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class ProfileModel(Profiles profiles, UserManager<RumboUser> users, SignInManager<RumboUser> signIn,
    ReaderZones zones, IOptions<IdentityOptions> identity, TimeProvider clock) : PageModel
{
    /// <summary>"" follows the browser's language; otherwise one of <see cref="InterfaceLanguages.All"/>.</summary>
    [BindProperty] public string? Language { get; set; }
    /// <summary>"" reads times in the site's zone.</summary>
    [BindProperty] public string? TimeZone { get; set; }

    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public string? Position { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public bool ContactIsPublic { get; set; }
    [BindProperty] public int Version { get; set; }

    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public Profile Profile { get; private set; } = null!;
    public string SiteZone => zones.Site.Id;
    public int RequiredLength => identity.Value.Password.RequiredLength;
    public bool Conflict { get; private set; }

    /// <summary>Which form answered, so its messages show by it and the others keep what is saved.</summary>
    public string? Answering { get; private set; }

    private int UserId => int.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostPreferencesAsync(CancellationToken ct)
    {
        Answering = "preferences";
        if (!await LoadAsync(ct)) return NotFound();
        var language = string.IsNullOrEmpty(Language) ? null : Language;
        var zone = string.IsNullOrEmpty(TimeZone) ? null : TimeZone;
        if (language is not null && !InterfaceLanguages.IsSupported(language)) ModelState.AddMessage(nameof(Language), "Choose a language from the list.");
        if (zone is not null && !MeetingTimes.IsKnown(zone)) ModelState.AddMessage(nameof(TimeZone), "Choose a time zone from the list.");
        if (!ModelState.IsValid) return Invalid();
        if (await profiles.SetPreferencesAsync(UserId, language, zone, ct) != ProfileSave.Saved) return NotFound();
        // The pages speak the chosen language from the next one on; with no choice, the browser's cookie stays as it is.
        if (language is not null) LanguageCookie.Set(Response, language, clock);
        TempData.Notice("Saved.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostContactAsync(CancellationToken ct)
    {
        Answering = "contact";
        if (!await LoadAsync(ct) || Profile.Person is null) return NotFound();
        CheckText(nameof(GivenName), GivenName, Profiles.MaxNameLength, "Enter the given name.");
        CheckText(nameof(FamilyName), FamilyName, Profiles.MaxNameLength, "Enter the family name.");
        CheckText(nameof(Position), Position, Profiles.MaxPositionLength);
        CheckText(nameof(Phone), Phone, Profiles.MaxPhoneLength);
        if (!ModelState.IsValid) return Invalid();
        var saved = await profiles.SetContactAsync(UserId, new ContactChange(GivenName!, FamilyName!, Position, Phone, ContactIsPublic), Version, ct);
        switch (saved)
        {
            case ProfileSave.Saved:
                TempData.Notice("Saved.");
                return RedirectToPage();
            case ProfileSave.Conflict:
                // What the person typed stays in the form; the version is now the saved one, so saving again replaces it.
                Conflict = true;
                await LoadAsync(ct);
                Version = Profile.Person!.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        Answering = "password";
        if (!await LoadAsync(ct)) return NotFound();
        if (string.IsNullOrEmpty(CurrentPassword)) ModelState.AddMessage(nameof(CurrentPassword), "Enter your current password.");
        if (string.IsNullOrEmpty(NewPassword)) ModelState.AddMessage(nameof(NewPassword), "Choose a password.");
        else if (NewPassword != ConfirmPassword) ModelState.AddMessage(nameof(ConfirmPassword), "The two passwords are not the same.");
        if (!ModelState.IsValid) return Invalid();
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                var field = e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(CurrentPassword) : nameof(NewPassword);
                ModelState.AddMessage(field, e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? new ValidationMessage("This is not your current password.")
                    : AccountTexts.Describe(e, RequiredLength));
            }
            return Invalid();
        }
        // The change gave the account a new security stamp, which ends its other sessions; this one signs in again.
        await signIn.RefreshSignInAsync(user);
        TempData.Notice("Your password has been changed. Your other sessions have ended.");
        return RedirectToPage();
    }

    private IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private void CheckText(string field, string? value, int max, string? missing = null)
    {
        if (missing is not null && string.IsNullOrWhiteSpace(value)) ModelState.AddMessage(field, missing);
        else if (value is not null && value.Trim().Length > max) ModelState.AddMessage(field, "At most {0} characters.", max);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var profile = await profiles.GetAsync(UserId, ct);
        if (profile is null) return false;
        Profile = profile;
        // A form that did not answer shows what is saved, not what another form's post carried.
        if (Answering != "preferences")
        {
            Language = profile.Language ?? "";
            TimeZone = profile.TimeZone ?? "";
        }
        if (Answering != "contact") Fill();
        return true;
    }

    private void Fill()
    {
        if (Profile.Person is { } p)
        {
            GivenName = p.GivenName;
            FamilyName = p.FamilyName;
            Position = p.Position;
            Phone = p.Phone;
            ContactIsPublic = p.ContactIsPublic;
            Version = p.Version;
        }
    }
}
