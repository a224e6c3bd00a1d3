using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.People;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Countries;

[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class CountryModel(PeopleReader reader) : PageModel
{
    public CountryDetail Country { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var country = await reader.CountryAsync(code, ct);
        if (country is null) return NotFound();
        Country = country;
        return Page();
    }
}
