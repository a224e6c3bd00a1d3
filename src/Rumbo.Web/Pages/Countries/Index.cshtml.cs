using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.People;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Countries;

[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class IndexModel(PeopleReader reader) : PageModel
{
    public IReadOnlyList<CountryListItem> Countries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Countries = await reader.CountriesAsync(ct);
}
