using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Calendars;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Meetings;

/// <summary>
/// What the meeting editors share: only the secretariat and the group's coordinators may change a meeting (checked on
/// every handler before anything is touched); every save carries the meeting version the editor read, so a save based
/// on an older version answers 409 and changes nothing.
/// </summary>
public abstract class MeetingEditorPage(RumboDbContext db, CurrentUser currentUser, IMeetingNotifier notifier) : PageModel
{
    protected RumboDbContext Db { get; } = db;

    [BindProperty]
    public int Version { get; set; }

    public bool Conflict { get; private set; }

    /// <summary>The meeting, tracked, with its items and their lines.</summary>
    public Meeting Meeting { get; private set; } = null!;

    public string GroupSlug { get; private set; } = "";
    public LocalizedString GroupName { get; private set; } = LocalizedString.Empty;
    public string Language { get; private set; } = "en";
    public int AgendaId { get; private set; }

    protected CurrentUser.Snapshot Viewer { get; private set; } = CurrentUser.Snapshot.Anonymous;

    protected async Task<IActionResult?> LoadOrRefuseAsync(int id, CancellationToken ct)
    {
        Viewer = await currentUser.GetAsync(User, ct);
        if (!Viewer.IsSignedIn) return Challenge();
        var groupId = await Db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => (int?)m.GroupId).SingleOrDefaultAsync(ct);
        if (groupId is null) return NotFound();
        if (!Viewer.CanManageMeetings(groupId.Value)) return StatusCode(StatusCodes.Status403Forbidden);
        await LoadAsync(id, ct);
        return null;
    }

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        Meeting = await Db.Meetings.Include(m => m.Items).ThenInclude(i => i.Lines).AsSplitQuery().SingleAsync(m => m.Id == id, ct);
        var g = await Db.Groups.AsNoTracking().Where(x => x.Id == Meeting.GroupId)
            .Select(x => new { x.Slug, Name = x.Name.ToDocument(), x.Agenda!.DocumentLanguage, x.AgendaId })
            .SingleAsync(ct);
        (GroupSlug, GroupName, Language, AgendaId) = (g.Slug, g.Name, g.DocumentLanguage, g.AgendaId);
    }

    /// <summary>Saves if nobody saved the meeting since the editor read <see cref="Version"/>; else 409 with the page as it is now.</summary>
    protected async Task<IActionResult> SaveAsync(string redirectTo, Func<Task> afterConflict, CancellationToken ct, Func<Task>? afterSave = null)
    {
        var id = Meeting.Id;
        if (await Db.SaveIfVersionAsync(Meeting, m => m.Version, Version, ct))
        {
            if (afterSave is not null) await afterSave();
            TempData.Notice("Saved.");
            return Redirect(redirectTo);
        }
        Conflict = true;
        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync(id, ct);
        Version = Meeting.Version;
        await afterConflict();
        return Page();
    }

    protected IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>Tells invited and registered people.</summary>
    protected Task NotifyAsync(int meetingId, MeetingChange change, IReadOnlyCollection<int>? people, CancellationToken ct) =>
        MeetingNotices.SendAsync(notifier, HttpContext, meetingId, change, people, ct);

    public static async Task<IReadOnlyList<CountryChoice>> CountriesAsync(RumboDbContext db, CancellationToken ct)
    {
        var list = await db.Countries.AsNoTracking()
            .Select(c => new { c.Code, Name = c.Name.ToDocument() }).ToListAsync(ct);
        return list.Select(c => new CountryChoice(c.Code, Ui.Plain(c.Name))).OrderBy(c => c.Name, Ui.Collation).ToList();
    }
}
