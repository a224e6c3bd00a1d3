using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Coverage;
using Rumbo.Core.Data;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Coverage;

/// <summary>
/// The coverage matrix of an agenda: its lines of action against the countries, with what serves each pair (policies,
/// meetings, agreements, plan activities, indicators) and where nothing does; filtered, and downloadable.
/// </summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class IndexModel(AgendaReader agendas, CoverageReader reader, CurrentUser currentUser, RumboDbContext db) : PageModel
{
    public sealed record CountryOption(string Code, LocalizedString Name);

    [FromQuery(Name = "area")] public string? Area { get; set; }
    [FromQuery(Name = "subregion")] public string? Subregion { get; set; }
    [FromQuery(Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "kind")] public List<string> Kind { get; set; } = [];
    [FromQuery(Name = "associates")] public bool Associates { get; set; }
    [FromQuery(Name = "gaps")] public bool OnlyGaps { get; set; }

    public AgendaTree Agenda { get; private set; } = null!;
    public IReadOnlyList<CountryOption> Countries { get; private set; } = [];
    public CoverageMatrix? Matrix { get; private set; }
    public Dictionary<string, ValidationMessage> Problems { get; } = [];

    /// <summary>The lines shown: all, or those with an empty cell when only the gaps are asked for.</summary>
    public IReadOnlyList<CoverageLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var tree = await agendas.GetTreeAsync(key, ct);
        if (tree is null) return NotFound();
        if (key != tree.Slug) return RedirectPermanent($"/agendas/{tree.Slug}/coverage{Request.QueryString}");
        Agenda = tree;
        var viewer = await currentUser.GetAsync(User, ct);
        Countries = (await db.Countries.AsNoTracking().Select(c => new CountryOption(c.Code, c.Name.ToDocument())).ToListAsync(ct))
            .OrderBy(c => Ui.Plain(c.Name), Ui.Collation).ToList();
        if (viewer.IsSignedIn) Response.Headers.CacheControl = "private, no-store";
        var filter = Query.Resolve(tree, Problems);
        if (filter is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Matrix = await reader.ReadAsync(tree, viewer, filter, ct);
        if (filter.Country is not null && Matrix.Countries.Count == 0)
        {
            Problems["country"] = new("No country has the code {0}.", filter.Country);
            Matrix = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Lines = OnlyGaps ? Matrix.Lines.Where(l => Matrix.Countries.Any(c => !Matrix.Cell(c.Code, l.Code).Any(Matrix.Kinds))).ToList() : Matrix.Lines;
        return Page();
    }

    public CoverageQuery Query => new(Area, Subregion, Country, Kind, Associates);

    public bool Shows(CoverageKind kind) => Matrix?.Kinds.Contains(kind) ?? Kind.Count == 0;

    private IEnumerable<KeyValuePair<string, string>> Filters()
    {
        if (!string.IsNullOrWhiteSpace(Area)) yield return new("area", Area.Trim());
        if (!string.IsNullOrWhiteSpace(Subregion)) yield return new("subregion", Subregion.Trim());
        if (!string.IsNullOrWhiteSpace(Country)) yield return new("country", Country.Trim());
        foreach (var k in Kind.Where(k => !string.IsNullOrWhiteSpace(k))) yield return new("kind", k.Trim());
        if (Associates) yield return new("associates", "true");
    }

    public string DownloadUrl(string format) => $"/agendas/{Agenda.Slug}/coverage.{format}" + new QueryBuilder(Filters());

    /// <summary>Where a cell leads: the register filtered to the pair when it counts policies, else the line's page.</summary>
    public string CellUrl(string country, string line) =>
        Matrix!.Kinds.Count == 1 && Matrix.Kinds[0] == CoverageKind.Policies
            ? $"/policies?agenda={Agenda.Slug}&country={country}&line={Uri.EscapeDataString(line)}"
            : $"/agendas/{Agenda.Slug}/lines/{Uri.EscapeDataString(line)}";
}
