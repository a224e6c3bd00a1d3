using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Rumbo.Core.Accounts;
using Rumbo.Core.Auditing;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Admin.Audit;

/// <summary>
/// The whole audit trail for the secretariat, and one record's history when a type and id are given. Read-only:
/// the page has no handler that writes, and nothing else in Rumbo edits or deletes audit entries.
/// </summary>
public sealed class IndexModel(AuditReader reader, CurrentUser current, ReaderZones zones) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AuditPage Result { get; private set; } = null!;

    /// <summary>The reader's zone: times are shown in it, and the From and To days are days in it.</summary>
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;

    /// <summary>The record whose history this is, named, when the page shows one record.</summary>
    public AuditSubject? Subject => IsRecordHistory ? Result.Rows.FirstOrDefault()?.Subject : null;

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
        var user = await current.GetAsync(User, ct);
        Zone = await zones.ForAsync(user.UserId, ct);
        Result = await reader.ListAsync(new AuditQuery(Type, Id, Actor, Bounded(From), Bounded(To), PageNumber) { Zone = Zone }, ct);
    }

    private static DateOnly? Bounded(DateOnly? date) => date is { } d && DateBounds.Contains(d) ? d : null;

    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?> { ["type"] = Type, ["id"] = Id, ["actor"] = Actor, ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"), ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/audit", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
