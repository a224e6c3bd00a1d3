using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Documents;

namespace Rumbo.Web.Components;

/// <summary>The group page's latest documents of its repository, those the reader may see.</summary>
public sealed class GroupDocumentsViewComponent(DocumentReader reader, CurrentUser currentUser) : ViewComponent
{
    public sealed record Model(string Slug, IReadOnlyList<DocumentListItem> Latest, int Total, bool CanUpload);

    // What the page already read (slug, group, language) is passed in rather than read again.
    public async Task<IViewComponentResult> InvokeAsync(int groupId, string slug)
    {
        var ct = HttpContext.RequestAborted;
        var user = await currentUser.GetAsync(UserClaimsPrincipal, ct);
        var (latest, total) = await reader.OfGroupAsync(groupId, user, 5, ct);
        return View(new Model(slug, latest, total, user.CanUploadDocument(groupId)));
    }
}
