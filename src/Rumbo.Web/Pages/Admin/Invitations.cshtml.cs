using Rumbo.Core.Localization;
using System.Globalization;
using System.Net.Mail;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Web.Infrastructure;
using Rumbo.Web.Pages.Account;

namespace Rumbo.Web.Pages.Admin;

/// <summary>The secretariat invites people, and resends or cancels what it sent.</summary>
[Authorize]
public sealed class InvitationsModel(
    Invitations invitations, CurrentUser current, RumboDbContext db, AccountMail mail,
    ILogger<InvitationsModel> logger) : PageModel
{
    public sealed record Choice(int Id, string Label);

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public int? InstitutionId { get; set; }
    [BindProperty] public int? CountryId { get; set; }
    [BindProperty] public InvitationGrant? Grant { get; set; }
    [BindProperty] public int? GroupId { get; set; }
    [BindProperty] public int? AgendaId { get; set; }
    [BindProperty] public int? FocalCountryId { get; set; }
    /// <summary>The language of the message; the page's own by default.</summary>
    [BindProperty] public string? Language { get; set; }

    /// <summary>What the last action did, for the notice after the redirect: sent, resent, cancelled, gone, failed.</summary>
    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    public IReadOnlyList<InvitationSummary> All { get; private set; } = [];
    public IReadOnlyList<Choice> Institutions { get; private set; } = [];
    public IReadOnlyList<Choice> Countries { get; private set; } = [];
    public IReadOnlyList<Choice> Groups { get; private set; } = [];
    public IReadOnlyList<Choice> Agendas { get; private set; } = [];

    /// <summary>
    /// Every handler of the page, present and future, passes here first: the permission is checked on the server for
    /// each request, whatever form it came from.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = await current.GetAsync(User, HttpContext.RequestAborted);
        if (!user.CanInvite())
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        await next();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Language ??= Ui.Language;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        ModelState.ReplaceBindingErrors("Choose a value from the list.");
        var email = Email?.Trim() ?? "";
        if (email.Length == 0) ModelState.AddMessage(nameof(Email), "Enter the person's e-mail address.");
        else if (email.Length > 256 || !MailAddress.TryCreate(email, out var address) || address.Address != email)
            ModelState.AddMessage(nameof(Email), "Enter an e-mail address such as name@example.org.");
        CheckName(nameof(GivenName), GivenName, "Enter the given name.");
        CheckName(nameof(FamilyName), FamilyName, "Enter the family name.");
        if (Grant is null || !Enum.IsDefined(Grant.Value)) ModelState.AddMessage(nameof(Grant), "Choose what the invitation grants.");
        if (!InterfaceLanguages.IsSupported(Language)) Language = Ui.Language;
        if (ModelState.IsValid)
        {
            foreach (var problem in await invitations.CheckAsync(BuildRequest(), ct))
            {
                ModelState.AddMessage(problem.Field, problem.Message);
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var issued = await invitations.CreateAsync(BuildRequest(), UserId, ct);
        var sent = await SendAsync(issued, ct);
        return RedirectToPage(new { done = sent ? "sent" : "failed" });
    }

    public async Task<IActionResult> OnPostResendAsync(int id, CancellationToken ct)
    {
        var issued = await invitations.RenewAsync(id, ct);
        if (issued is null) return RedirectToPage(new { done = "gone" });
        var sent = await SendAsync(issued, ct);
        return RedirectToPage(new { done = sent ? "resent" : "failed" });
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        var cancelled = await invitations.CancelAsync(id, ct);
        return RedirectToPage(new { done = cancelled ? "cancelled" : "gone" });
    }

    private InvitationRequest BuildRequest() => new(Email!.Trim(), GivenName!.Trim(), FamilyName!.Trim(), InstitutionId, CountryId, Grant!.Value, GroupId, AgendaId, FocalCountryId, Language!);

    private int UserId => int.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);

    private void CheckName(string field, string? value, string missing)
    {
        if (string.IsNullOrWhiteSpace(value)) ModelState.AddMessage(field, missing);
        else if (value.Trim().Length > 100) ModelState.AddMessage(field, "A name has at most {0} characters.", 100);
    }

    /// <summary>The invitation stays either way: when the mail fails, the secretariat can resend it.</summary>
    private async Task<bool> SendAsync(IssuedInvitation issued, CancellationToken ct)
    {
        var sent = await mail.SendInvitationAsync(issued.Invitation, $"/account/invitation/{issued.Token}", ct);
        if (!sent) logger.LogWarning("The invitation {InvitationId} was not sent; it can be resent", issued.Invitation.Id);
        return sent;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        All = await invitations.ListAsync(ct);
        var comparer = StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.IgnoreCase);
        Institutions = (await db.Institutions.AsNoTracking().Select(i => new { i.Id, i.Name, i.Acronym }).ToListAsync(ct))
            .Select(i => new Choice(i.Id, string.IsNullOrEmpty(i.Acronym) ? AccountTexts.Name(i.Name.ToDocument()) : $"{AccountTexts.Name(i.Name.ToDocument())} ({i.Acronym})"))
            .OrderBy(c => c.Label, comparer).ToList();
        Countries = (await db.Countries.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => new Choice(c.Id, AccountTexts.Name(c.Name.ToDocument()))).OrderBy(c => c.Label, comparer).ToList();
        Groups = (await db.Groups.AsNoTracking().Select(g => new { g.Id, g.Name, g.Agenda!.Symbol }).ToListAsync(ct))
            .Select(g => new Choice(g.Id, $"{AccountTexts.Name(g.Name.ToDocument())} ({g.Symbol})")).OrderBy(c => c.Label, comparer).ToList();
        Agendas = (await db.Agendas.AsNoTracking().Select(a => new { a.Id, a.Symbol, a.Title, a.DocumentLanguage }).ToListAsync(ct))
            .Select(a => new Choice(a.Id, $"{a.Symbol}: {Ui.Plain(a.Title.ToDocument(), a.DocumentLanguage)}")).OrderBy(c => c.Label, comparer).ToList();
    }
}
