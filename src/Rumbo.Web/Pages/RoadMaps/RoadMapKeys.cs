using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;

namespace Rumbo.Web.Pages.RoadMaps;

/// <summary>A road map's address: the agenda (slug or symbol) and the country (ISO code), resolved once for every page of it.</summary>
public sealed record RoadMapKeys(int AgendaId, string AgendaSlug, string AgendaSymbol, string AgendaLanguage, int CountryId, string CountryCode, LocalizedString CountryName)
{
    public string Url => $"/roadmaps/{AgendaSlug}/{CountryCode.ToLowerInvariant()}";

    public static async Task<RoadMapKeys?> ResolveAsync(RumboDbContext db, string? agenda, string? country, CancellationToken ct)
    {
        var slug = AgendaKeys.Slugify(agenda?.Trim() ?? "");
        var code = country?.Trim().ToUpperInvariant() ?? "";
        if (slug.Length == 0 || code.Length is < 2 or > 3) return null;
        var a = await db.Agendas.AsNoTracking().Where(x => x.Slug == slug).Select(x => new { x.Id, x.Slug, x.Symbol, x.DocumentLanguage }).SingleOrDefaultAsync(ct);
        var c = await db.Countries.AsNoTracking().Where(x => x.Code == code).Select(x => new { x.Id, x.Code, Name = x.Name.ToDocument() }).SingleOrDefaultAsync(ct);
        return a is null || c is null ? null : new RoadMapKeys(a.Id, a.Slug, a.Symbol, a.DocumentLanguage, c.Id, c.Code, c.Name);
    }

    public static async Task<RoadMapKeys> OfAsync(RumboDbContext db, int agendaId, int countryId, CancellationToken ct)
    {
        var a = await db.Agendas.AsNoTracking().Where(x => x.Id == agendaId).Select(x => new { x.Id, x.Slug, x.Symbol, x.DocumentLanguage }).SingleAsync(ct);
        var c = await db.Countries.AsNoTracking().Where(x => x.Id == countryId).Select(x => new { x.Id, x.Code, Name = x.Name.ToDocument() }).SingleAsync(ct);
        return new RoadMapKeys(a.Id, a.Slug, a.Symbol, a.DocumentLanguage, c.Id, c.Code, c.Name);
    }
}
