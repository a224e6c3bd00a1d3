using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Web.Infrastructure;
using Rumbo.Web.Pages.Records;
using Rumbo.Core.Agreements;
using Rumbo.Core.Meetings;

namespace Rumbo.Web.Pages.Agreements.ForGroup;

/// <summary>A group's agreements, with the follow-up of each, as the reader may see them.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class GroupModel(RumboDbContext db, CurrentUser currentUser) : PageModel
{
    public string Slug { get; private set; } = "";

    public LocalizedString GroupName { get; private set; } = LocalizedString.Empty;

    public string Language { get; private set; } = "en";

    public IReadOnlyList<AgreementView> Agreements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Slug == slug)
            .Select(g => new { g.Id, g.Slug, g.Name, g.Agenda!.DocumentLanguage }).SingleOrDefaultAsync(ct);
        if (group is null) return NotFound();
        Slug = group.Slug;
        GroupName = group.Name.ToDocument();
        Language = group.DocumentLanguage;
        var user = await currentUser.GetAsync(User, ct);
        Agreements = await AgreementReader.LoadAsync(db, db.Agreements.Where(a => a.GroupId == group.Id).Visible(user), ct);
        return Page();
    }
}
