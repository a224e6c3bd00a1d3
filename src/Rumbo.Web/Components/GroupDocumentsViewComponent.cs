using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Documents;

namespace Rumbo.Web.Components;

/// <summary>The group page's latest documents of its repository, those the reader may see.</summary>
public sealed class GroupDocumentsViewComponent(RumboDbContext db, DocumentReader reader, CurrentUser currentUser) : ViewComponent
{
    public sealed record Model(string Slug, IReadOnlyList<DocumentListItem> Latest, int Total, bool CanUpload);

    public async Task<IViewComponentResult> InvokeAsync(int groupId)
    {
        var ct = HttpContext.RequestAborted;
        var slug = await db.Groups.AsNoTracking().Where(g => g.Id == groupId).Select(g => g.Slug).SingleAsync(ct);
        var user = await currentUser.GetAsync(UserClaimsPrincipal, ct);
        var (latest, total) = await reader.ListAsync(new DocumentFilter(GroupId: groupId), user, 5, ct);
        return View(new Model(slug, latest, total, user.CanUploadDocument(groupId)));
    }
}
