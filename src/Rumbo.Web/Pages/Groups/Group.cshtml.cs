using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Groups;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Groups;

[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class GroupModel(GroupReader reader) : PageModel
{
    public GroupDetail Group { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var group = await reader.GetAsync(slug, ct);
        if (group is null) return NotFound();
        Group = group;
        return Page();
    }
}
