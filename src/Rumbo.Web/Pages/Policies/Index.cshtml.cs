using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Policies;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Policies;

/// <summary>
/// The register: every policy the reader may see (the published ones; a focal point also their country's, the
/// secretariat all), filtered and a page at a time, with its downloads and, for focal points, the way to add and import.
/// </summary>
public sealed class IndexModel(RumboDbContext db, PolicyReader reader, CurrentUser currentUser) : PageModel
{
    public sealed record Option(string Value, string Label);

    public sealed record CountryOption(string Code, LocalizedString Name);

    public sealed record Register(string AgendaSlug, string AgendaSymbol, string CountryCode, LocalizedString CountryName);

    [FromQuery(Name = "agenda")] public string? Agenda { get; set; }
    [FromQuery(Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "level")] public string? Level { get; set; }
    [FromQuery(Name = "instrument")] public string? Instrument { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "line")] public string? Line { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "review")] public string? Review { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public PolicyPage Result { get; private set; } = new([], 0, 1, PolicyReader.DefaultPageSize);
    public IReadOnlyList<(string Slug, string Symbol)> Agendas { get; private set; } = [];
    public IReadOnlyList<CountryOption> Countries { get; private set; } = [];
    public Dictionary<string, string[]> Problems { get; private set; } = [];
    /// <summary>The registers the reader writes: a focal point's countries, per agenda.</summary>
    public IReadOnlyList<Register> Writable { get; private set; } = [];
    public bool SeesUnpublished { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await currentUser.GetAsync(User, ct);
        SeesUnpublished = viewer.IsSecretariatAdmin || viewer.FocalPoints.Count > 0;
        if (viewer.IsSignedIn) Response.Headers.CacheControl = "private, no-store";
        Agendas = (await db.Agendas.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Slug, a.Symbol }).ToListAsync(ct)).Select(a => (a.Slug, a.Symbol)).ToList();
        Countries = (await db.Countries.AsNoTracking().Select(c => new CountryOption(c.Code, c.Name.ToDocument())).ToListAsync(ct))
            .OrderBy(c => Ui.Plain(c.Name), Ui.Collation).ToList();
        var pairs = viewer.FocalPoints.ToList();
        if (pairs.Count > 0)
        {
            var agendaIds = pairs.Select(p => p.AgendaId).ToList();
            var countryIds = pairs.Select(p => p.CountryId).ToList();
            var agendas = await db.Agendas.AsNoTracking().Where(a => agendaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => (a.Slug, a.Symbol), ct);
            var countries = await db.Countries.AsNoTracking().Where(c => countryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (c.Code, Name: c.Name.ToDocument()), ct);
            Writable = pairs.Select(p => new Register(agendas[p.AgendaId].Slug, agendas[p.AgendaId].Symbol, countries[p.CountryId].Code, countries[p.CountryId].Name))
                .OrderBy(r => r.CountryCode, StringComparer.Ordinal).ThenBy(r => r.AgendaSlug, StringComparer.Ordinal).ToList();
        }

        var (filter, problems) = await Query.ResolveAsync(db, ct);
        Problems = problems;
        if (filter is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var first = await reader.ListAsync(viewer, filter, 1, PolicyReader.DefaultPageSize, ct);
        var pages = first.Pages;
        PageNumber = Math.Clamp(PageNumber, 1, pages);
        Result = PageNumber == 1 ? first : await reader.ListAsync(viewer, filter, PageNumber, PolicyReader.DefaultPageSize, ct);
        return Page();
    }

    public PolicyQuery Query => new(Agenda, Country, Level, Instrument, Status, Line, Q, SeesUnpublished ? Review : null);

    private Dictionary<string, string?> Filters => new()
    {
        ["agenda"] = Blank(Agenda), ["country"] = Blank(Country), ["level"] = Blank(Level), ["instrument"] = Blank(Instrument),
        ["status"] = Blank(Status), ["line"] = Blank(Line), ["q"] = Blank(Q), ["review"] = SeesUnpublished ? Blank(Review) : null,
    };

    public string PageUrl(int page) => "/policies" + Build(Filters.Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public string DownloadUrl(string format) => $"/policies.{format}" + Build(Filters);

    private static QueryBuilder Build(IEnumerable<KeyValuePair<string, string?>> values) =>
        new(values.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
