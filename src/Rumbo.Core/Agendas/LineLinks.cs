using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Data;
using Rumbo.Core.Validation;

namespace Rumbo.Core.Agendas;

/// <summary>A link from a meeting item, agreement, document, plan activity or group to a line of action.</summary>
public interface ILineLink
{
    int LineOfActionId { get; set; }
}

/// <summary>
/// The lines of action a form links something to: the codes typed or ticked, read against the lines of the group's
/// agenda, then made the set of its links.
/// </summary>
public sealed class LineLinks
{
    public sealed record Line(int Id, string Code, bool Retired);

    private LineLinks(IReadOnlyList<Line> lines, IReadOnlyList<string> unknown)
    {
        Lines = lines;
        Unknown = unknown;
    }

    /// <summary>The lines named, each once, in the order of their codes.</summary>
    public IReadOnlyList<Line> Lines { get; }

    /// <summary>Codes that name no line of the agenda.</summary>
    public IReadOnlyList<string> Unknown { get; }

    public IReadOnlyList<int> Ids => Lines.Select(l => l.Id).ToList();

    /// <summary>Reads the codes against the agenda's lines, in one query (none when there is no code).</summary>
    public static async Task<LineLinks> ResolveAsync(RumboDbContext db, int agendaId, IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        var lines = wanted.Count == 0
            ? []
            : await db.Lines.AsNoTracking().Where(l => l.AgendaId == agendaId && wanted.Contains(l.Code))
                .Select(l => new Line(l.Id, l.Code, l.RetiredOn != null)).ToListAsync(ct);
        return Resolve(lines, wanted);
    }

    /// <summary>Reads the codes against lines the page has already loaded.</summary>
    public static LineLinks Resolve(IEnumerable<Line> agendaLines, IEnumerable<string> codes)
    {
        var byCode = agendaLines.ToDictionary(l => l.Code, StringComparer.Ordinal);
        var found = new List<Line>();
        var unknown = new List<string>();
        foreach (var code in codes.Distinct(StringComparer.Ordinal))
        {
            if (byCode.TryGetValue(code, out var line)) found.Add(line);
            else unknown.Add(code);
        }
        return new LineLinks(found, unknown);
    }

    public bool AnyRetired => Lines.Any(l => l.Retired);

    /// <summary>
    /// What to say by the field, or null: codes that name no line first, then retired lines that are not among
    /// <paramref name="linked"/> (a retired line may stay linked, not be newly linked; not checked without
    /// <paramref name="retired"/>). A message with a {0} is given the codes.
    /// </summary>
    public ValidationMessage? Problem(IEnumerable<int> linked, string unknown, string? retired)
    {
        if (Unknown.Count > 0) return Say(unknown, Unknown);
        if (retired is null) return null;
        var already = linked.ToHashSet();
        var newlyRetired = Lines.Where(l => l.Retired && !already.Contains(l.Id)).Select(l => l.Code).ToList();
        return newlyRetired.Count > 0 ? Say(retired, newlyRetired) : null;
    }

    private static ValidationMessage Say(string key, IReadOnlyList<string> codes) =>
        key.Contains("{0}", StringComparison.Ordinal) ? new(key, string.Join(", ", codes)) : new(key);

    /// <summary>
    /// Makes the links those to the given lines: the links to other lines are removed and the missing ones added.
    /// Links that <paramref name="within"/> leaves out, such as those to another agenda's lines, stay as they are.
    /// </summary>
    public static void Replace<TLink>(ICollection<TLink> links, IEnumerable<int> lineIds, Func<TLink, bool>? within = null)
        where TLink : ILineLink, new()
    {
        var wanted = lineIds.ToHashSet();
        foreach (var link in links.Where(l => !wanted.Contains(l.LineOfActionId) && (within is null || within(l))).ToList())
        {
            links.Remove(link);
        }
        foreach (var id in wanted.Where(id => links.All(l => l.LineOfActionId != id))) links.Add(new TLink { LineOfActionId = id });
    }
}
