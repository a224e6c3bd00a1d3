using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Indicators;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Indicators;

/// <summary>The open-data page: every stable download address of the published indicators, with the licence.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class OpenDataModel(RumboDbContext db, IndicatorReader reader) : PageModel
{
    public sealed record AgendaData(string Slug, string Symbol, LocalizedString Title, string Language, IReadOnlyList<IndicatorSummary> Indicators);

    public IReadOnlyList<AgendaData> Agendas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var agendas = await db.Agendas.AsNoTracking().Where(a => db.Indicators.Any(i => i.AgendaId == a.Id)).OrderBy(a => a.Symbol)
            .Select(a => new { a.Id, a.Slug, a.Symbol, Title = a.Title.ToDocument(), a.DocumentLanguage }).ToListAsync(ct);
        var list = new List<AgendaData>();
        foreach (var a in agendas) list.Add(new AgendaData(a.Slug, a.Symbol, a.Title, a.DocumentLanguage, await reader.ListAsync(a.Id, ct)));
        Agendas = list;
    }
}
