using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Web.Infrastructure;

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
        // A real 403 (with its page), not a redirect: the answer must say what happened.
        return user.CanEditAgenda() ? null : StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// Validates only the texts the handler uses. A page carries several forms, and model binding validates every
    /// bound property (an absent one under an empty prefix), so the handler states what it takes.
    /// </summary>
    protected bool Validate(params (string Prefix, object Input)[] inputs)
    {
        ModelState.Clear();
        foreach (var (prefix, input) in inputs) ModelState.AddInputMessages(prefix, input);
        return ModelState.IsValid;
    }

    /// <summary>Moves an item one place up (-1) or down (+1) among its siblings by renumbering their positions; codes stay.</summary>
    protected static void Move<T>(IEnumerable<T> siblings, T item, int by, Func<T, int> position, Func<T, int> number, Action<T, int> setPosition)
    {
        var ordered = siblings.OrderBy(position).ThenBy(number).ToList();
        var index = ordered.IndexOf(item);
        var other = index + by;
        if (index < 0 || other < 0 || other >= ordered.Count) return;
        (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
        for (var i = 0; i < ordered.Count; i++) setPosition(ordered[i], i + 1);
    }

    protected async Task<IActionResult> SaveAsync(string redirectTo, Func<Task> reload, CancellationToken ct)
    {
        try
        {
            await Store.SaveEditAsync(Agenda, Version, ct);
            TempData.Notice("Saved.");
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
