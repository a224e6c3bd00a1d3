using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Accounts;
using Rumbo.Core.Documents;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Documents;

[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class DocumentModel(DocumentReader reader, CurrentUser currentUser) : PageModel
{
    public DocumentDetail Document { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public bool CanSeeHistory { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        var document = await reader.GetAsync(id, user, ct);
        if (document is null)
        {
            // Someone signed out may be a member who has not signed in yet: they are asked to, whether or not the id
            // exists, so the answer tells nothing. To a signed-in reader it does not exist.
            return user.IsSignedIn ? NotFound() : Challenge();
        }
        Document = document;
        CanEdit = user.CanEditDocument(document.Group.Id);
        CanSeeHistory = user.CanSeeAudit();
        if (user.IsSignedIn) Response.Headers.CacheControl = Ui.PrivateNoStore;
        return Page();
    }
}
