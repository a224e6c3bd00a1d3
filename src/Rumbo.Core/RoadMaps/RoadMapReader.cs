using Rumbo.Core.Capacities;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.People;
using Rumbo.Core.Policies;

namespace Rumbo.Core.RoadMaps;

public sealed record RoadMapFilter(int? AgendaId = null, int? CountryId = null, RoadMapStatus? Status = null);

public sealed record RoadMapAgendaLabel(int Id, string Slug, string Symbol);

/// <summary>A road map as the overview lists it, with its roll-up (null when no action counts).</summary>
public sealed record RoadMapListItem(
    int Id, RoadMapAgendaLabel Agenda, CountryLabel Country, RoadMapStatus Status, bool IsPublic, bool IsExample, int Actions, int Overdue,
    double? Progress, DateTime UpdatedAtUtc);

public sealed record RoadMapPage(IReadOnlyList<RoadMapListItem> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record RoadMapLineLabel(string Code, LocalizedString Text);

public sealed record MilestoneView(int Id, LocalizedString Title, DateOnly DueOn, DateOnly? DoneOn, bool Overdue);

/// <summary>An action with its progress; <see cref="LatestScore"/> is the diagnosis's latest score of its area and dimension, when given.</summary>
public sealed record ActionView(
    int Id, LocalizedString Title, LocalizedString Description, int AreaId, string AreaCode, LocalizedString AreaTitle, CapacityDimension Dimension,
    int? BaselineScore, string? BaselineRound, int? TargetScore, int? LatestScore, string? ResponsibleInstitution, string? ResponsiblePerson,
    DateOnly? StartOn, DateOnly? DueOn, CapacityActionStatus Status, int? ManualPercent, double Progress, bool ProgressFromMilestones, bool Overdue,
    IReadOnlyList<RoadMapLineLabel> Lines, IReadOnlyList<MilestoneView> Milestones, int Version)
{
    /// <summary>Whether the latest score reached the target: null when either is missing.</summary>
    public bool? GapClosed => LatestScore is int latest && TargetScore is int target ? latest >= target : null;
}

public sealed record GroupProgress(int AreaId, string AreaCode, LocalizedString AreaTitle, CapacityDimension Dimension, double? Progress, int Actions);

public sealed record TransitionView(RoadMapStatus From, RoadMapStatus To, DateTime AtUtc, string? By);

public sealed record RoadMapDetail(
    int Id, int AgendaId, int CountryId, RoadMapAgendaLabel Agenda, string AgendaLanguage, CountryLabel Country, string Language, LocalizedString Summary,
    RoadMapStatus Status, bool IsPublic, bool IsExample, DateTime UpdatedAtUtc, int Version, IReadOnlyList<ActionView> Actions,
    IReadOnlyList<GroupProgress> Groups, double? Progress, IReadOnlyList<TransitionView> Transitions);

public sealed record ParticipantView(CountryLabel Country, string? Institution, int Count);

public sealed record ActivityActionLabel(int Id, LocalizedString Title, string Language, string AgendaSlug, string CountryCode);

public sealed record ActivityListItem(
    int Id, CapacityActivityKind Kind, LocalizedString Topic, string Language, DateOnly StartOn, DateOnly EndOn, CapacityActivityMode Mode,
    CountryLabel? Host, int Countries, int People, bool IsPublic, bool IsExample);

public sealed record ActivityDetail(
    int Id, int AgendaId, RoadMapAgendaLabel Agenda, CapacityActivityKind Kind, string Language, LocalizedString Topic, LocalizedString Outcome,
    DateOnly StartOn, DateOnly EndOn, CapacityActivityMode Mode, string? Providers, CountryLabel? Host, IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<ActivityActionLabel> Actions, bool IsPublic, bool IsExample, int Version)
{
    public int People => Participants.Sum(p => p.Count);
}

/// <summary>
/// Reads road maps and activities. Lists are cut to what the viewer may see (<see cref="Permissions.CanSeeRoadMap"/>) in the
/// query itself, so the pages, the API and the downloads cannot disagree.
/// </summary>
public sealed class RoadMapReader(RumboDbContext db, TimeProvider clock)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    // The viewer's (agenda, country) pairs as one number each, as EF Core cannot compare pairs with a list.
    private const int PairFactor = 1_000_000;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public IQueryable<RoadMap> Visible(CurrentUser.Snapshot viewer)
    {
        var q = db.RoadMaps.AsNoTracking();
        if (viewer.IsSecretariatAdmin) return q;
        var pairs = viewer.FocalPoints.Select(f => f.AgendaId * PairFactor + f.CountryId).ToList();
        return pairs.Count == 0 ? q.Where(r => r.IsPublic) : q.Where(r => r.IsPublic || pairs.Contains(r.AgendaId * PairFactor + r.CountryId));
    }

    private IQueryable<RoadMap> Filtered(CurrentUser.Snapshot viewer, RoadMapFilter f)
    {
        var q = Visible(viewer);
        if (f.AgendaId is int a) q = q.Where(r => r.AgendaId == a);
        if (f.CountryId is int c) q = q.Where(r => r.CountryId == c);
        if (f.Status is { } s) q = q.Where(r => r.Status == s);
        return q;
    }

    private sealed record Facts(int RoadMapId, int AreaId, CapacityDimension Dimension, CapacityActionStatus Status, int? ManualPercent, DateOnly? DueOn, int Done, int Milestones);

    public async Task<RoadMapPage> ListAsync(CurrentUser.Snapshot viewer, RoadMapFilter filter, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        var q = Filtered(viewer, filter);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(r => r.Country!.Code).ThenBy(r => r.AgendaId).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new { r.Id, r.AgendaId, r.Agenda!.Slug, r.Agenda.Symbol, r.Country!.Code, Name = r.Country.Name.ToDocument(), r.Status, r.IsPublic, r.IsExample, r.UpdatedAtUtc })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var facts = ids.Count == 0 ? [] : await FactsOf(db.CapacityActions.AsNoTracking().Where(a => ids.Contains(a.RoadMapId))).ToListAsync(ct);
        var today = Today;
        var items = rows.Select(r =>
        {
            var mine = facts.Where(f => f.RoadMapId == r.Id).ToList();
            return new RoadMapListItem(r.Id, new RoadMapAgendaLabel(r.AgendaId, r.Slug, r.Symbol), new CountryLabel(r.Code, r.Name), r.Status, r.IsPublic, r.IsExample,
                mine.Count, mine.Count(f => RoadMapProgress.IsOverdue(f.Status, f.DueOn, today)), RoadMapProgress.Mean(mine.Select(ToProgress)), r.UpdatedAtUtc);
        }).ToList();
        return new RoadMapPage(items, total, page, pageSize);
    }

    private static IQueryable<Facts> FactsOf(IQueryable<CapacityAction> q) => q.Select(a => new Facts(a.RoadMapId, a.AreaId, a.Dimension, a.Status, a.ManualPercent, a.DueOn,
        a.Milestones.Count(m => m.DoneOn != null), a.Milestones.Count));

    private static RoadMapProgress.ActionFacts ToProgress(Facts f) => new(f.AreaId, f.Dimension, f.Status, f.ManualPercent, f.Done, f.Milestones);

    /// <summary>The id of a country's road map for an agenda, and whether it is public; null when it has none.</summary>
    public async Task<(int Id, bool IsPublic)?> FindAsync(int agendaId, int countryId, CancellationToken ct)
    {
        var found = await db.RoadMaps.AsNoTracking().Where(r => r.AgendaId == agendaId && r.CountryId == countryId)
            .Select(r => new { r.Id, r.IsPublic }).SingleOrDefaultAsync(ct);
        return found is null ? null : (found.Id, found.IsPublic);
    }

    /// <summary>
    /// One road map, whoever may see it (the caller asks <see cref="Permissions.CanSeeRoadMap"/>). <paramref name="latestScores"/>
    /// are the diagnosis's latest scores by area and dimension, shown beside each action's baseline and target.
    /// </summary>
    public async Task<RoadMapDetail?> GetAsync(int id, IReadOnlyDictionary<(int AreaId, CapacityDimension Dimension), int>? latestScores = null, CancellationToken ct = default)
    {
        var r = await db.RoadMaps.AsNoTracking().Include(x => x.Agenda).Include(x => x.Country)
            .Include(x => x.Actions).ThenInclude(a => a.Area)
            .Include(x => x.Actions).ThenInclude(a => a.Milestones)
            .Include(x => x.Actions).ThenInclude(a => a.Lines).ThenInclude(l => l.LineOfAction)
            .Include(x => x.Transitions).ThenInclude(t => t.By)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var today = Today;
        var actions = r.Actions.OrderBy(a => a.Area!.Number).ThenBy(a => a.Dimension).ThenBy(a => a.DueOn ?? DateOnly.MaxValue).ThenBy(a => a.Id).Select(a =>
        {
            var done = a.Milestones.Count(m => m.DoneOn is not null);
            int? latest = latestScores is not null && latestScores.TryGetValue((a.AreaId, a.Dimension), out var s) ? s : null;
            return new ActionView(a.Id, a.Title.ToDocument(), a.Description.ToDocument(), a.AreaId, a.Area!.Code, a.Area.Title.ToDocument(), a.Dimension,
                a.BaselineScore, a.BaselineRound, a.TargetScore, latest, a.ResponsibleInstitution, a.ResponsiblePerson, a.StartOn, a.DueOn, a.Status, a.ManualPercent,
                RoadMapProgress.Of(done, a.Milestones.Count, a.ManualPercent), a.Milestones.Count > 0, RoadMapProgress.IsOverdue(a.Status, a.DueOn, today),
                a.Lines.Select(l => new RoadMapLineLabel(l.LineOfAction!.Code, l.LineOfAction.Text.ToDocument())).OrderBy(l => l.Code, CodeComparer.Instance).ToList(),
                a.Milestones.OrderBy(m => m.DueOn).ThenBy(m => m.Id)
                    .Select(m => new MilestoneView(m.Id, m.Title.ToDocument(), m.DueOn, m.DoneOn, a.Status != CapacityActionStatus.Cancelled && RoadMapProgress.IsOverdue(m.DueOn, m.DoneOn, today))).ToList(),
                a.Version);
        }).ToList();
        var facts = actions.Select(a => new RoadMapProgress.ActionFacts(a.AreaId, a.Dimension, a.Status, a.ManualPercent,
            a.Milestones.Count(m => m.DoneOn is not null), a.Milestones.Count)).ToList();
        var areas = actions.GroupBy(a => a.AreaId).ToDictionary(g => g.Key, g => g.First());
        var groups = RoadMapProgress.ByAreaAndDimension(facts)
            .Select(g => new GroupProgress(g.Key.AreaId, areas[g.Key.AreaId].AreaCode, areas[g.Key.AreaId].AreaTitle, g.Key.Dimension, g.Progress, g.Actions))
            .OrderBy(g => g.AreaCode, CodeComparer.Instance).ThenBy(g => g.Dimension).ToList();
        var a0 = r.Agenda!;
        return new RoadMapDetail(r.Id, r.AgendaId, r.CountryId, new RoadMapAgendaLabel(a0.Id, a0.Slug, a0.Symbol), a0.DocumentLanguage,
            new CountryLabel(r.Country!.Code, r.Country.Name.ToDocument()), r.Language, r.Summary.ToDocument(), r.Status, r.IsPublic, r.IsExample, r.UpdatedAtUtc,
            r.Version, actions, groups, RoadMapProgress.Mean(facts),
            r.Transitions.OrderBy(t => t.AtUtc).ThenBy(t => t.Id).Select(t => new TransitionView(t.From, t.To, t.AtUtc, t.By is null ? null : $"{t.By.GivenName} {t.By.FamilyName}".Trim())).ToList());
    }

    /// <summary>Every visible road map of the filter, whole, for the downloads (one row an action).</summary>
    public async Task<IReadOnlyList<RoadMapDetail>> DetailsAsync(CurrentUser.Snapshot viewer, RoadMapFilter filter, CancellationToken ct = default)
    {
        var ids = await Filtered(viewer, filter).OrderBy(r => r.Country!.Code).ThenBy(r => r.AgendaId).Select(r => r.Id).Take(1000).ToListAsync(ct);
        var result = new List<RoadMapDetail>();
        foreach (var id in ids)
        {
            if (await GetAsync(id, null, ct) is { } d) result.Add(d);
        }
        return result;
    }

    public IQueryable<CapacityActivity> VisibleActivities(CurrentUser.Snapshot viewer) =>
        viewer.IsSecretariatAdmin ? db.CapacityActivities.AsNoTracking() : db.CapacityActivities.AsNoTracking().Where(a => a.IsPublic);

    public Task<List<ActivityListItem>> ActivitiesAsync(CurrentUser.Snapshot viewer, int? agendaId, CapacityActivityKind? kind, CancellationToken ct)
    {
        var q = VisibleActivities(viewer);
        if (agendaId is int a) q = q.Where(x => x.AgendaId == a);
        if (kind is { } k) q = q.Where(x => x.Kind == k);
        return q.OrderByDescending(x => x.StartOn).ThenBy(x => x.Id).Take(500).Select(x => new ActivityListItem(x.Id, x.Kind, x.Topic.ToDocument(), x.Language, x.StartOn, x.EndOn,
            x.Mode, x.HostCountry == null ? null : new CountryLabel(x.HostCountry.Code, x.HostCountry.Name.ToDocument()),
            x.Participants.Select(p => p.CountryId).Distinct().Count(), x.Participants.Sum(p => p.Count), x.IsPublic, x.IsExample)).ToListAsync(ct);
    }

    /// <summary>
    /// One activity, whoever may see it (the caller asks <see cref="Permissions.CanSeeCapacityActivity"/>). Its linked actions are
    /// given only where the viewer may see their road map.
    /// </summary>
    public async Task<ActivityDetail?> GetActivityAsync(CurrentUser.Snapshot viewer, int id, CancellationToken ct)
    {
        var x = await db.CapacityActivities.AsNoTracking().Include(a => a.Agenda).Include(a => a.HostCountry).Include(a => a.Participants).ThenInclude(p => p.Country)
            .AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (x is null) return null;
        var actionIds = db.CapacityActivityActions.Where(l => l.CapacityActivityId == id).Select(l => l.CapacityActionId);
        var visible = Visible(viewer).Select(r => r.Id);
        var actions = await db.CapacityActions.AsNoTracking().Where(a => actionIds.Contains(a.Id) && visible.Contains(a.RoadMapId))
            .OrderBy(a => a.RoadMap!.Country!.Code).ThenBy(a => a.Id)
            .Select(a => new ActivityActionLabel(a.Id, a.Title.ToDocument(), a.RoadMap!.Language, a.RoadMap.Agenda!.Slug, a.RoadMap.Country!.Code)).ToListAsync(ct);
        return new ActivityDetail(x.Id, x.AgendaId, new RoadMapAgendaLabel(x.AgendaId, x.Agenda!.Slug, x.Agenda.Symbol), x.Kind, x.Language, x.Topic.ToDocument(),
            x.Outcome.ToDocument(), x.StartOn, x.EndOn, x.Mode, x.Providers,
            x.HostCountry is { } h ? new CountryLabel(h.Code, h.Name.ToDocument()) : null,
            x.Participants.OrderBy(p => p.Country!.Code).ThenBy(p => p.Id).Select(p => new ParticipantView(new CountryLabel(p.Country!.Code, p.Country.Name.ToDocument()), p.Institution, p.Count)).ToList(),
            actions, x.IsPublic, x.IsExample, x.Version);
    }

    /// <summary>The visible activities an action served, for the road map's page.</summary>
    public Task<List<ActivityListItem>> ActivitiesOfRoadMapAsync(CurrentUser.Snapshot viewer, int roadMapId, CancellationToken ct)
    {
        var linked = db.CapacityActivityActions.Where(l => l.Action!.RoadMapId == roadMapId).Select(l => l.CapacityActivityId);
        return VisibleActivities(viewer).Where(x => linked.Contains(x.Id)).OrderByDescending(x => x.StartOn)
            .Select(x => new ActivityListItem(x.Id, x.Kind, x.Topic.ToDocument(), x.Language, x.StartOn, x.EndOn, x.Mode,
                x.HostCountry == null ? null : new CountryLabel(x.HostCountry.Code, x.HostCountry.Name.ToDocument()),
                x.Participants.Select(p => p.CountryId).Distinct().Count(), x.Participants.Sum(p => p.Count), x.IsPublic, x.IsExample)).ToListAsync(ct);
    }
}

/// <summary>The overview's and the API's filters as a query string gives them: agenda by slug or symbol, country by ISO code, status by name.</summary>
public sealed record RoadMapQuery(string? Agenda, string? Country, string? Status)
{
    public async Task<(RoadMapFilter? Filter, Dictionary<string, string[]> Problems)> ResolveAsync(RumboDbContext db, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        int? agendaId = null, countryId = null;
        if (!string.IsNullOrWhiteSpace(Agenda))
        {
            var slug = AgendaKeys.Slugify(Agenda.Trim());
            agendaId = await db.Agendas.AsNoTracking().Where(a => a.Slug == slug).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
            if (agendaId is null) problems["agenda"] = [$"No agenda has the key '{Agenda.Trim()}'."];
        }
        if (!string.IsNullOrWhiteSpace(Country))
        {
            var code = Country.Trim().ToUpperInvariant();
            countryId = code.Length > 3 ? null : await db.Countries.AsNoTracking().Where(c => c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
            if (countryId is null) problems["country"] = [$"No country has the code '{Country.Trim()}'."];
        }
        RoadMapStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status) && (status = PolicyCheck.Parse<RoadMapStatus>(Status)) is null)
            problems["status"] = [$"'{Status}' is not a status: use one of {string.Join(", ", Enum.GetNames<RoadMapStatus>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}."];
        return problems.Count > 0 ? (null, problems) : (new RoadMapFilter(agendaId, countryId, status), problems);
    }
}
