using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Meetings.ForGroup;

/// <summary>A group's meetings, upcoming and past, with their exports and calendar feed.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class GroupMeetingsModel(RumboDbContext db, MeetingReader reader, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public string Slug { get; private set; } = "";
    public LocalizedString Name { get; private set; } = LocalizedString.Empty;
    public string Language { get; private set; } = "en";
    public IReadOnlyList<MeetingSummary> Upcoming { get; private set; } = [];
    public IReadOnlyList<MeetingSummary> Past { get; private set; } = [];

    /// <summary>Safe under the output cache, which never stores or serves a signed-in request.</summary>
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var g = await db.Groups.AsNoTracking().Where(x => x.Slug == slug)
            .Select(x => new { x.Id, x.Slug, Name = x.Name.ToDocument(), x.Agenda!.DocumentLanguage })
            .SingleOrDefaultAsync(ct);
        if (g is null) return NotFound();
        (Slug, Name, Language) = (g.Slug, g.Name, g.DocumentLanguage);
        var viewer = await currentUser.GetAsync(User, ct);
        CanManage = viewer.CanManageMeetings(g.Id);
        var all = await reader.ListAsync(new MeetingFilter(GroupId: g.Id), viewer, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Upcoming = all.Where(m => !Meeting.Ended(m.StartsAtUtc, m.DurationMinutes, now)).ToList();
        Past = all.Where(m => Meeting.Ended(m.StartsAtUtc, m.DurationMinutes, now)).OrderByDescending(m => m.StartsAtUtc).ToList();
        return Page();
    }
}
