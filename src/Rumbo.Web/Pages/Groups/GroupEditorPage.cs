using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Web.Infrastructure;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;

namespace Rumbo.Web.Pages.Groups;

/// <summary>
/// What the group editors share: only the secretariat and the group's own coordinators may change it (checked on
/// every handler before anything is touched), and every save carries the group version the editor read, so a save
/// based on an older version answers 409 and changes nothing.
/// </summary>
public abstract class GroupEditorPage(RumboDbContext db, CurrentUser currentUser) : PageModel
{
    protected RumboDbContext Db { get; } = db;

    [BindProperty]
    public int Version { get; set; }

    public bool Conflict { get; private set; }

    /// <summary>The group, tracked, with its countries, members and lines.</summary>
    public Group Group { get; private set; } = null!;

    public LocalizedString Name => Group.Name.ToDocument();

    /// <summary>The rule of docs/permissions.md that the page applies.</summary>
    protected abstract bool MayChange(CurrentUser.Snapshot user, int groupId);

    /// <summary>Loads the group and answers null when the user may change it; otherwise the answer to give.</summary>
    protected async Task<IActionResult?> LoadOrRefuseAsync(string slug, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var id = await Db.Groups.AsNoTracking().Where(g => g.Slug == slug).Select(g => (int?)g.Id).SingleOrDefaultAsync(ct);
        if (id is null) return NotFound();
        // A real 403 (with its page), not a redirect: the answer must say what happened.
        if (!MayChange(user, id.Value)) return StatusCode(StatusCodes.Status403Forbidden);
        await LoadAsync(id.Value, ct);
        return null;
    }

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        Group = await Db.Groups
            .Include(g => g.Agenda)
            .Include(g => g.Countries)
            .Include(g => g.Lines).ThenInclude(l => l.LineOfAction)
            .Include(g => g.Members).ThenInclude(m => m.Person)
            .AsSplitQuery()
            .SingleAsync(g => g.Id == id, ct);
    }

    /// <summary>
    /// Saves if nobody saved the group since the editor read <see cref="Version"/>. The version read is set as the
    /// original value, so the database itself refuses a save that lost a race, even between two instances.
    /// </summary>
    /// <param name="redirectTo">Where a successful save goes.</param>
    /// <param name="afterConflict">Reloads what the page shows beside the group after a conflict.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <param name="announce">Whether the page redirected to says "Saved."; a notice nobody reads would surface on a later page.</param>
    protected async Task<IActionResult> SaveAsync(string redirectTo, Func<Task> afterConflict, CancellationToken ct, bool announce = true)
    {
        if (await Db.SaveIfVersionAsync(Group, g => g.Version, Version, ct))
        {
            if (announce) TempData.Notice("Saved.");
            return Redirect(redirectTo);
        }
        return await ConflictAsync(afterConflict, ct);
    }

    /// <summary>Shows what is saved now beside what the editor sent; the editor's next save knowingly replaces it.</summary>
    protected async Task<IActionResult> ConflictAsync(Func<Task> afterConflict, CancellationToken ct)
    {
        var id = Group.Id;
        Db.ChangeTracker.Clear();
        Conflict = true;
        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync(id, ct);
        Version = Group.Version;
        await afterConflict();
        return Page();
    }

    protected IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
