using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rumbo.Core.Accounts;
using Rumbo.Core.Auditing;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Admin.Audit;

/// <summary>
/// The whole audit trail for the secretariat, and one record's history when a type and id are given. Read-only:
/// the page has no handler that writes, and nothing else in Rumbo edits or deletes audit entries.
/// </summary>
public sealed class IndexModel(AuditReader reader, CurrentUser current) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AuditPage Result { get; private set; } = null!;

    public bool IsRecordHistory => !string.IsNullOrEmpty(Type) && !string.IsNullOrEmpty(Id);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = await current.GetAsync(User, HttpContext.RequestAborted);
        if (!user.IsSignedIn)
        {
            context.Result = Challenge();
            return;
        }
        if (!user.CanSeeAudit())
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        await next();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = Rumbo.Web.Infrastructure.Ui.PrivateNoStore;
        // A date outside the bounds filters nothing and is said by its field.
        if (From is { } from && !DateBounds.Contains(from)) ModelState.AddMessage("from", DateBounds.Outside);
        if (To is { } to && !DateBounds.Contains(to)) ModelState.AddMessage("to", DateBounds.Outside);
        Result = await reader.ListAsync(new AuditQuery(Type, Id, Actor, Bounded(From), Bounded(To), PageNumber), ct);
    }

    private static DateOnly? Bounded(DateOnly? date) => date is { } d && DateBounds.Contains(d) ? d : null;

    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?> { ["type"] = Type, ["id"] = Id, ["actor"] = Actor, ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"), ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/audit", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
