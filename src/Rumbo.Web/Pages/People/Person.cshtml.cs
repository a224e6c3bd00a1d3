using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Accounts;
using Rumbo.Core.People;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.People;

/// <summary>
/// Cached like every public page: the output cache neither stores nor serves a signed-in request, so the copy it
/// keeps is the anonymous one, which holds only contact details their owner made public.
/// </summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class PersonModel(PeopleReader reader, CurrentUser currentUser) : PageModel
{
    public PersonDetail Person { get; private set; } = null!;
    public bool SignedIn { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var viewer = await currentUser.GetAsync(User, ct);
        var person = await reader.PersonAsync(id, viewer, ct);
        if (person is null) return NotFound();
        SignedIn = viewer.IsSignedIn;
        if (SignedIn)
        {
            // What a member sees must not stay in a shared or browser cache for whoever comes next.
            Response.Headers.CacheControl = Ui.PrivateNoStore;
        }
        Person = person;
        return Page();
    }
}
