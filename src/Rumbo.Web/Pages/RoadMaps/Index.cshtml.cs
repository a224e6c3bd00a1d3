using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.RoadMaps;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.RoadMaps;

/// <summary>
/// The region's overview: every road map the reader may see (the public ones; a focal point also their countries', the
/// secretariat all) with its status and progress, a page at a time, its downloads, and the focal point's own road maps.
/// </summary>
public sealed class IndexModel(RumboDbContext db, RoadMapReader reader, CurrentUser currentUser) : PageModel
{
    public sealed record Own(string AgendaSlug, string AgendaSymbol, string CountryCode, LocalizedString CountryName);

    [FromQuery(Name = "agenda")] public string? Agenda { get; set; }
    [FromQuery(Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public RoadMapPage Result { get; private set; } = new([], 0, 1, RoadMapReader.DefaultPageSize);
    public IReadOnlyList<(string Slug, string Symbol)> Agendas { get; private set; } = [];
    public Dictionary<string, string[]> Problems { get; private set; } = [];
    public IReadOnlyList<Own> Mine { get; private set; } = [];
    public bool IsSecretariat { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await currentUser.GetAsync(User, ct);
        IsSecretariat = viewer.IsSecretariatAdmin;
        if (viewer.IsSignedIn) Response.Headers.CacheControl = "private, no-store";
        Agendas = (await db.Agendas.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Slug, a.Symbol }).ToListAsync(ct)).Select(a => (a.Slug, a.Symbol)).ToList();
        var pairs = viewer.FocalPoints.ToList();
        if (pairs.Count > 0)
        {
            var agendaIds = pairs.Select(p => p.AgendaId).ToList();
            var countryIds = pairs.Select(p => p.CountryId).ToList();
            var agendas = await db.Agendas.AsNoTracking().Where(a => agendaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => (a.Slug, a.Symbol), ct);
            var countries = await db.Countries.AsNoTracking().Where(c => countryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (c.Code, Name: c.Name.ToDocument()), ct);
            Mine = pairs.Where(p => agendas.ContainsKey(p.AgendaId) && countries.ContainsKey(p.CountryId))
                .Select(p => new Own(agendas[p.AgendaId].Slug, agendas[p.AgendaId].Symbol, countries[p.CountryId].Code, countries[p.CountryId].Name))
                .OrderBy(o => o.CountryCode, StringComparer.Ordinal).ThenBy(o => o.AgendaSlug, StringComparer.Ordinal).ToList();
        }
        var (filter, problems) = await new RoadMapQuery(Agenda, Country, Status).ResolveAsync(db, ct);
        Problems = problems;
        if (filter is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var first = await reader.ListAsync(viewer, filter, 1, RoadMapReader.DefaultPageSize, ct);
        PageNumber = Math.Clamp(PageNumber, 1, first.Pages);
        Result = PageNumber == 1 ? first : await reader.ListAsync(viewer, filter, PageNumber, RoadMapReader.DefaultPageSize, ct);
        return Page();
    }

    private Dictionary<string, string?> Filters => new() { ["agenda"] = Blank(Agenda), ["country"] = Blank(Country), ["status"] = Blank(Status) };

    public string PageUrl(int page) => "/roadmaps" + Build(Filters.Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public string DownloadUrl(string format) => $"/roadmaps.{format}" + Build(Filters);

    private static QueryBuilder Build(IEnumerable<KeyValuePair<string, string?>> values) =>
        new(values.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
