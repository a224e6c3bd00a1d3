using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Documents;
using Rumbo.Core.Groups;

namespace Rumbo.Web.Components;

/// <summary>The group page's latest documents of its repository, those the reader may see.</summary>
public sealed class GroupDocumentsViewComponent(CurrentUser currentUser) : ViewComponent
{
    public sealed record Model(string Slug, IReadOnlyList<DocumentListItem> Latest, int Total, bool CanUpload);

    // The documents come from the page's read model, already those of the reader's audience.
    public async Task<IViewComponentResult> InvokeAsync(GroupPage page)
    {
        var user = await currentUser.GetAsync(UserClaimsPrincipal, HttpContext.RequestAborted);
        return View(new Model(page.Group.Slug, page.Documents, page.DocumentCount, user.CanUploadDocument(page.Group.Id)));
    }
}
