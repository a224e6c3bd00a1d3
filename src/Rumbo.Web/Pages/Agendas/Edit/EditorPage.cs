using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;

namespace Rumbo.Web.Pages.Agendas.Edit;

/// <summary>
/// What the agenda editors share: only the secretariat may edit (checked on every handler), every save carries
/// the agenda version the editor read, and a save based on an older version answers 409 and changes nothing.
/// </summary>
public abstract class EditorPage(AgendaStore store, CurrentUser currentUser) : PageModel
{
    protected AgendaStore Store { get; } = store;

    [BindProperty]
    public int Version { get; set; }

    public bool Conflict { get; private set; }

    public Agenda Agenda { get; protected set; } = null!;

    /// <summary>Null when the user may edit; otherwise the answer to give (sign in, or 403).</summary>
    protected async Task<IActionResult?> RefuseAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        return user.CanEditAgenda() ? null : Forbid();
    }

    protected async Task<IActionResult> SaveAsync(string redirectTo, Func<Task> reload, CancellationToken ct)
    {
        try
        {
            await Store.SaveEditAsync(Agenda, Version, ct);
            TempData["Saved"] = "Saved.";
            return Redirect(redirectTo);
        }
        catch (AgendaConflictException)
        {
            Conflict = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            await reload();
            return Page();
        }
    }
}
