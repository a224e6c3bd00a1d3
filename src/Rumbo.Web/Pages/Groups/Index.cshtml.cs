using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Groups;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Groups;

[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class IndexModel(GroupReader reader) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "agenda")]
    public string? Agenda { get; set; }

    [BindProperty(SupportsGet = true, Name = "area")]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true, Name = "country")]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    public GroupFilterOptions Options { get; private set; } = null!;
    public IReadOnlyList<GroupListItem> Groups { get; private set; } = [];
    public bool Filtered { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Options = await reader.FilterOptionsAsync(ct);
        Filtered = !string.IsNullOrWhiteSpace(Agenda) || !string.IsNullOrWhiteSpace(Area) || !string.IsNullOrWhiteSpace(Country)
            || !string.IsNullOrWhiteSpace(Kind) || !string.IsNullOrWhiteSpace(Status);
        // A kind or status that is not one matches no group, as an unknown country does.
        if (!GroupFilter.TryParse<GroupKind>(Kind, out var kind) || !GroupFilter.TryParse<GroupStatus>(Status, out var status)) return;
        Groups = await reader.ListAsync(new GroupFilter(Blank(Agenda), Blank(Area), Blank(Country), kind, status), ct);
    }

    public bool IsSelected(string? current, string value) => string.Equals(current?.Trim(), value, StringComparison.OrdinalIgnoreCase);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
