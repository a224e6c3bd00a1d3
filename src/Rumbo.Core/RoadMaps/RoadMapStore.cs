using Rumbo.Core.Capacities;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;

namespace Rumbo.Core.RoadMaps;

/// <summary>A gap of the diagnosis: an area of the agenda and a dimension, the score it had and what is lacking, in the road map's language.</summary>
public sealed record GapInput(int AreaId, CapacityDimension Dimension, int Score, string Lacking, string? Round = null);

/// <summary>What drafting from gaps did: the actions added, and the gaps an open action already covered.</summary>
public sealed record DraftResult(RoadMap RoadMap, IReadOnlyList<CapacityAction> Drafted, IReadOnlyList<GapInput> Covered);

/// <summary>The writes that the pages (and the API, once it writes) share. Nothing here saves: the caller saves, through the version check where one applies.</summary>
public sealed class RoadMapStore(RumboDbContext db, TimeProvider clock)
{
    public const string Conflict = "Someone else saved this road map after you read it. Nothing was saved.";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<RoadMapContext> ContextAsync(int agendaId, CancellationToken ct)
    {
        var areas = await db.Areas.AsNoTracking().Where(a => a.AgendaId == agendaId).OrderBy(a => a.Number)
            .Select(a => new RoadMapContext.AreaOption(a.Id, a.Code, a.Title.ToDocument())).ToListAsync(ct);
        var lines = await db.Lines.AsNoTracking().Where(l => l.AgendaId == agendaId)
            .Select(l => new LineLinks.Line(l.Id, l.Code, l.RetiredOn != null)).ToListAsync(ct);
        return new RoadMapContext(areas, lines);
    }

    /// <summary>A country's road map, tracked with its actions (and their milestones) and transitions; null when it has none.</summary>
    public Task<RoadMap?> LoadAsync(int agendaId, int countryId, CancellationToken ct) =>
        db.RoadMaps.Include(r => r.Actions).ThenInclude(a => a.Milestones).Include(r => r.Transitions).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.AgendaId == agendaId && r.CountryId == countryId, ct);

    /// <summary>An action tracked with its lines and milestones, and its road map (for who may write it).</summary>
    public Task<CapacityAction?> LoadActionAsync(int id, CancellationToken ct) =>
        db.CapacityActions.Include(a => a.RoadMap).Include(a => a.Lines).Include(a => a.Milestones).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);

    public Task<CapacityActivity?> LoadActivityAsync(int id, CancellationToken ct) =>
        db.CapacityActivities.Include(a => a.Participants).Include(a => a.Actions).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>A new road map of the country, a draft.</summary>
    public RoadMap Create(int agendaId, int countryId, string language, bool isExample = false)
    {
        var now = Now;
        var map = new RoadMap { AgendaId = agendaId, CountryId = countryId, Language = language, Status = RoadMapStatus.Draft, IsExample = isExample, CreatedAtUtc = now, UpdatedAtUtc = now };
        db.RoadMaps.Add(map);
        return map;
    }

    public CapacityAction AddAction(RoadMap map, CheckedAction c)
    {
        var action = new CapacityAction { CreatedAtUtc = Now };
        Apply(action, c);
        map.Actions.Add(action);
        map.UpdatedAtUtc = Now;
        return action;
    }

    /// <summary>Writes the checked fields on a tracked action, its lines loaded.</summary>
    public static void Apply(CapacityAction a, CheckedAction c)
    {
        a.Title.Set(c.Title.ToDocument());
        a.Description.Set(c.Description.ToDocument());
        a.AreaId = c.AreaId;
        a.Dimension = c.Dimension;
        a.BaselineScore = c.BaselineScore;
        a.BaselineRound = c.BaselineRound;
        a.TargetScore = c.TargetScore;
        a.ResponsibleInstitution = c.ResponsibleInstitution;
        a.ResponsiblePerson = c.ResponsiblePerson;
        a.StartOn = c.StartOn;
        a.DueOn = c.DueOn;
        a.Status = c.Status;
        a.ManualPercent = c.ManualPercent;
        LineLinks.Replace(a.Lines, c.LineIds);
    }

    /// <summary>Writes the checked fields on a tracked activity (or a new one), its participants and actions loaded.</summary>
    public void Apply(CapacityActivity a, int agendaId, CheckedActivity c)
    {
        a.AgendaId = agendaId;
        a.Kind = c.Kind;
        a.Language = c.Language;
        a.Topic.Set(c.Topic.ToDocument());
        a.Outcome.Set(c.Outcome.ToDocument());
        a.StartOn = c.StartOn;
        a.EndOn = c.EndOn;
        a.Mode = c.Mode;
        a.Providers = c.Providers;
        a.HostCountryId = c.Kind == CapacityActivityKind.PeerExchange ? c.HostCountryId : null;
        a.IsPublic = c.IsPublic;
        // Participants are a list as typed: the form's lines replace them, rows whose line did not change kept.
        var wanted = c.Participants.ToList();
        foreach (var p in a.Participants.ToList())
        {
            var i = wanted.FindIndex(w => w.CountryId == p.CountryId && w.Institution == p.Institution && w.Count == p.Count);
            if (i >= 0) wanted.RemoveAt(i);
            else a.Participants.Remove(p);
        }
        foreach (var (country, institution, count) in wanted) a.Participants.Add(new CapacityParticipant { CountryId = country, Institution = institution, Count = count });
        a.Actions.RemoveAll(x => !c.ActionIds.Contains(x.CapacityActionId));
        foreach (var id in c.ActionIds.Where(id => a.Actions.All(x => x.CapacityActionId != id))) a.Actions.Add(new CapacityActivityAction { CapacityActionId = id });
    }

    /// <summary>
    /// Drafts one action per gap of the diagnosis that no open action of the country's road map covers (same area and
    /// dimension, planned or in progress), creating the road map as a draft when the country has none. The action's title
    /// is what is lacking; its baseline is the gap's score and round. Gaps repeated in the input are drafted once. Saves nothing.
    /// </summary>
    /// <exception cref="ArgumentException">A gap names an area of another agenda, or a score outside 0 to 100.</exception>
    public async Task<DraftResult> DraftFromGapsAsync(int agendaId, int countryId, IEnumerable<GapInput> gaps, string language = "es", CancellationToken ct = default)
    {
        var list = gaps.ToList();
        var areas = (await db.Areas.AsNoTracking().Where(a => a.AgendaId == agendaId).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        foreach (var g in list)
        {
            if (!areas.Contains(g.AreaId)) throw new ArgumentException($"Area {g.AreaId} is not an area of agenda {agendaId}.", nameof(gaps));
            if (g.Score is < 0 or > 100) throw new ArgumentException($"A score is from 0 to 100, not {g.Score}.", nameof(gaps));
            if (!Enum.IsDefined(g.Dimension)) throw new ArgumentException("Unknown dimension.", nameof(gaps));
            if (string.IsNullOrWhiteSpace(g.Lacking)) throw new ArgumentException("Say what is lacking.", nameof(gaps));
        }
        var map = await LoadAsync(agendaId, countryId, ct) ?? Create(agendaId, countryId, language);
        var drafted = new List<CapacityAction>();
        var covered = new List<GapInput>();
        foreach (var g in list)
        {
            if (map.Actions.Any(a => a.IsOpen && a.AreaId == g.AreaId && a.Dimension == g.Dimension))
            {
                covered.Add(g);
                continue;
            }
            var lacking = string.Join(' ', g.Lacking.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var action = new CapacityAction
            {
                Title = new LocalizedText { Source = lacking.Length > RoadMapCheck.MaxTitle ? lacking[..RoadMapCheck.MaxTitle] : lacking },
                AreaId = g.AreaId, Dimension = g.Dimension, BaselineScore = g.Score, BaselineRound = g.Round is { Length: > 0 } r ? r[..Math.Min(r.Length, 100)] : null,
                Status = CapacityActionStatus.Planned, CreatedAtUtc = Now,
            };
            map.Actions.Add(action);
            drafted.Add(action);
        }
        if (drafted.Count > 0) map.UpdatedAtUtc = Now;
        return new DraftResult(map, drafted, covered);
    }
}
