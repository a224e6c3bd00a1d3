using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Rumbo.Core.Data;

namespace Rumbo.Core.Agendas;

public sealed record AgendaSummary(
    int Id, string Symbol, string Slug, string? SourceDocument, LocalizedString Title, LocalizedString AdoptingBody,
    string? Place, DateOnly? Date, AgendaStatus Status, string DocumentLanguage, LocalizedString AreaLevelName,
    int Principles, int Areas, int Objectives, int Lines, DateTime UpdatedAt);

public sealed record AgendaTree(
    int Id, string Symbol, string Slug, string? SourceDocument, LocalizedString Title, LocalizedString AdoptingBody,
    LocalizedString Meeting, string? Place, DateOnly? Date, AgendaStatus Status, string DocumentLanguage, string OriginalLanguage,
    LocalizedString AreaLevelName, LocalizedString Description, LocalizedString FollowUpMechanism,
    IReadOnlyList<PrincipleNode> Principles, IReadOnlyList<AreaNode> Areas, int Version, DateTime UpdatedAt)
{
    public IEnumerable<(AreaNode Area, ObjectiveNode Objective, LineNode Line)> AllLines() =>
        from a in Areas from o in a.Objectives from l in o.Lines select (a, o, l);

    /// <summary>Every text of the agenda, its own and its tree's.</summary>
    public IEnumerable<LocalizedString> AllTexts() =>
        new[] { Title, AdoptingBody, Meeting, AreaLevelName, Description, FollowUpMechanism }
            .Concat(Principles.Select(p => p.Text))
            .Concat(Areas.SelectMany(a => a.Objectives.SelectMany(o => o.Lines.Select(l => l.Text)).Prepend(a.Title).Concat(a.Objectives.Select(o => o.Text))));
}

public sealed record PrincipleNode(int Number, LocalizedString Text);

public sealed record AreaNode(string Code, int Number, LocalizedString Title, IReadOnlyList<ObjectiveNode> Objectives);

public sealed record ObjectiveNode(string Code, int Number, LocalizedString Text, IReadOnlyList<LineNode> Lines, DateOnly? RetiredOn = null);

/// <summary><paramref name="Id"/> is the record's key, for its audit history; links use the code.</summary>
public sealed record LineNode(string Code, int Number, LocalizedString Text, DateOnly? RetiredOn = null, int Id = 0);

public sealed record LineContext(AgendaTree Agenda, AreaNode Area, ObjectiveNode Objective, LineNode Line, string? PreviousCode, string? NextCode);

/// <summary>
/// Reads agendas for pages, API and exports. Trees are cached per agenda version: one indexed look-up of the
/// version per request keeps every instance (and the command line's imports) consistent without a shared cache.
/// </summary>
public sealed class AgendaReader(RumboDbContext db, IMemoryCache cache)
{
    public Task<List<AgendaSummary>> ListAsync(CancellationToken ct = default) =>
        db.Agendas.AsNoTracking()
            .OrderByDescending(a => a.Date).ThenBy(a => a.Symbol)
            .Select(a => new AgendaSummary(
                a.Id, a.Symbol, a.Slug, a.SourceDocument, a.Title.ToDocument(), a.AdoptingBody.ToDocument(),
                a.Place, a.Date, a.Status, a.DocumentLanguage, a.AreaLevelName.ToDocument(),
                a.Principles.Count, a.Areas.Count,
                db.Objectives.Count(o => o.AgendaId == a.Id),
                db.Lines.Count(l => l.AgendaId == a.Id),
                a.UpdatedAt))
            .ToListAsync(ct);

    /// <summary>Finds an agenda by id, slug, symbol (LC/CRP.20/6, URL-encoded or not) or source document symbol.</summary>
    public async Task<(int Id, int Version)?> ResolveAsync(string key, CancellationToken ct = default)
    {
        if (int.TryParse(key, out var id))
        {
            var byId = await db.Agendas.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Id, a.Version }).SingleOrDefaultAsync(ct);
            return byId is null ? null : (byId.Id, byId.Version);
        }
        var slug = AgendaKeys.Slugify(key);
        if (slug.Length == 0) return null;
        var bySlug = await db.Agendas.AsNoTracking().Where(a => a.Slug == slug).Select(a => new { a.Id, a.Version }).SingleOrDefaultAsync(ct);
        if (bySlug is not null) return (bySlug.Id, bySlug.Version);

        // Few agendas carry a source document different from themselves; comparing in memory keeps one slug column.
        var sources = await db.Agendas.AsNoTracking().Where(a => a.SourceDocument != null)
            .Select(a => new { a.Id, a.Version, a.SourceDocument }).ToListAsync(ct);
        var bySource = sources.FirstOrDefault(a => AgendaKeys.Slugify(a.SourceDocument!) == slug);
        return bySource is null ? null : (bySource.Id, bySource.Version);
    }

    public async Task<AgendaTree?> GetTreeAsync(string key, CancellationToken ct = default)
    {
        var resolved = await ResolveAsync(key, ct);
        if (resolved is not { } r) return null;
        var cacheKey = $"agenda-tree:{r.Id}:{r.Version}";
        if (cache.TryGetValue(cacheKey, out AgendaTree? tree) && tree is not null) return tree;
        tree = await LoadTreeAsync(r.Id, ct);
        if (tree is not null)
        {
            cache.Set(cacheKey, tree, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30), Size = 1 });
        }
        return tree;
    }

    public async Task<LineContext?> GetLineAsync(string key, string code, CancellationToken ct = default)
    {
        if (!AgendaKeys.IsValidCode(code)) return null;
        var tree = await GetTreeAsync(key, ct);
        if (tree is null) return null;
        var all = tree.AllLines().ToList();
        var index = all.FindIndex(x => x.Line.Code == code);
        if (index < 0) return null;
        var (area, objective, line) = all[index];
        return new LineContext(tree, area, objective, line,
            index > 0 ? all[index - 1].Line.Code : null,
            index < all.Count - 1 ? all[index + 1].Line.Code : null);
    }

    private async Task<AgendaTree?> LoadTreeAsync(int id, CancellationToken ct) =>
        await db.Agendas.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new AgendaTree(
                a.Id, a.Symbol, a.Slug, a.SourceDocument, a.Title.ToDocument(),
                a.AdoptingBody.ToDocument(), a.Meeting.ToDocument(),
                a.Place, a.Date, a.Status, a.DocumentLanguage, a.OriginalLanguage, a.AreaLevelName.ToDocument(),
                a.Description.ToDocument(), a.FollowUpMechanism.ToDocument(),
                a.Principles.OrderBy(p => p.Number)
                    .Select(p => new PrincipleNode(p.Number, p.Text.ToDocument()))
                    .ToList(),
                a.Areas.OrderBy(x => x.Number)
                    .Select(x => new AreaNode(x.Code, x.Number, x.Title.ToDocument(),
                        x.Objectives.OrderBy(o => o.Position).ThenBy(o => o.Number)
                            .Select(o => new ObjectiveNode(o.Code, o.Number, o.Text.ToDocument(),
                                o.Lines.OrderBy(l => l.Position).ThenBy(l => l.Number)
                                    .Select(l => new LineNode(l.Code, l.Number, l.Text.ToDocument(), l.RetiredOn, l.Id))
                                    .ToList(),
                                o.RetiredOn))
                            .ToList()))
                    .ToList(),
                a.Version, a.UpdatedAt))
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
}
