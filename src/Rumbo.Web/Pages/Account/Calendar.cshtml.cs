using Rumbo.Core.Localization;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rumbo.Core.Accounts;
using Rumbo.Core.Calendars;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Account;

/// <summary>
/// The user's secret calendar link: made, shown once, replaced or deleted. Like the access tokens, only a browser
/// session manages it.
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class CalendarModel(CalendarLinks links, CurrentUser current, AccountMail mail) : PageModel
{
    /// <summary>When the current link was made; null when the user has none.</summary>
    public DateTime? CreatedAt { get; private set; }

    /// <summary>The link just made, https form: shown in this one answer and never again.</summary>
    public string? Link { get; private set; }

    /// <summary>The same link with the webcal scheme, which calendar programs open as a subscription.</summary>
    public string? Webcal => Link is null ? null : "webcal" + Link[Link.IndexOf(':', StringComparison.Ordinal)..];

    public bool Deleted { get; private set; }

    /// <summary>Whether the account is linked to a person: without one the calendar has nothing to hold.</summary>
    public bool HasPerson { get; private set; }

    public string PublicCalendar => $"{mail.SiteUrl(Request)}/calendar.ics";

    private int UserId => int.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(bool deleted, CancellationToken ct)
    {
        Deleted = deleted;
        return await ShowAsync(ct);
    }

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) => MakeAsync(ct);

    /// <summary>A new link in place of the old, which stops working with this save.</summary>
    public Task<IActionResult> OnPostResetAsync(CancellationToken ct) => MakeAsync(ct);

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(User, ct)).CanKeepCalendarLink()) return Forbid();
        await links.DeleteAsync(UserId, ct);
        return RedirectToPage(new { deleted = true });
    }

    private async Task<IActionResult> MakeAsync(CancellationToken ct)
    {
        if (!(await current.GetAsync(User, ct)).CanKeepCalendarLink()) return Forbid();
        var token = await links.CreateAsync(UserId, ct);
        // In the reader's language when it is not the default, so the subscribed calendar speaks it too.
        var language = Ui.Language == InterfaceLanguages.Default ? "" : $"?culture={Ui.Language}";
        Link = $"{mail.SiteUrl(Request)}/calendar/{token}.ics{language}";
        Response.Headers.CacheControl = "no-store";
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        CreatedAt = await links.CreatedAtAsync(UserId, ct);
        HasPerson = (await current.GetAsync(User, ct)).PersonId is not null;
        return Page();
    }
}
