using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.People;

namespace Rumbo.Core.Plans;

/// <summary>A plan as lists show it. Texts of the plan and its group are in <see cref="AgendaLabel.DocumentLanguage"/>.</summary>
public sealed record PlanListItem(
    int Id, LocalizedString Title, GroupLink Group, AgendaLabel Agenda, DateOnly PeriodStart, DateOnly PeriodEnd,
    PlanStatus Status, DateOnly? AdoptedOn, int Activities);

public sealed record MeetingLabel(int Id, LocalizedString Title, DateTime StartsAtUtc, string TimeZone);

public sealed record LineLabel(string Code, LocalizedString Text, string AgendaSlug);

public sealed record ActivityItem(
    int Id, int Position, LocalizedString Title, LocalizedString Description, DateOnly? StartMonth, DateOnly? EndMonth,
    GroupLink? ResponsibleGroup, ActivityStatus Status, IReadOnlyList<CountryLabel> Countries, IReadOnlyList<LineLabel> Lines)
{
    /// <summary>Whether the activity runs in the month (day 1).</summary>
    public bool RunsIn(DateOnly month) => StartMonth is { } s && EndMonth is { } e && s <= month && month <= e;
}

public sealed record PlanDetail(
    int Id, int GroupId, LocalizedString Title, LocalizedString Description, GroupLink Group, AgendaLabel Agenda,
    DateOnly PeriodStart, DateOnly PeriodEnd, PlanStatus Status, DateOnly? AdoptedOn, MeetingLabel? AdoptedAt, string? AdoptionNote,
    IReadOnlyList<ActivityItem> Activities, int Version)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<DateOnly> Months => Plans.Months.Between(PeriodStart, PeriodEnd);
}

/// <summary>An activity linked to a line of action, with its plan.</summary>
public sealed record LineActivityItem(int PlanId, LocalizedString PlanTitle, GroupLink Group, string Language, LocalizedString Title,
    DateOnly? StartMonth, DateOnly? EndMonth, ActivityStatus Status);

/// <summary>Plans of work are public: they are the groups' published programmes (LC/MDS.4/3 tables 2 and 3).</summary>
public sealed class PlanReader(RumboDbContext db)
{
    private static readonly Expression<Func<WorkPlan, PlanListItem>> Item = p => new PlanListItem(p.Id, p.Title.ToDocument(),
        new GroupLink(p.Group!.Slug, p.Group.Name.ToDocument(), p.Group.Kind, p.Group.Status, p.Group.Agenda!.DocumentLanguage),
        new AgendaLabel(p.Group.Agenda.Id, p.Group.Agenda.Slug, p.Group.Agenda.Symbol, p.Group.Agenda.Title.ToDocument(),
            p.Group.Agenda.DocumentLanguage, p.Group.Agenda.AreaLevelName.ToDocument()),
        p.PeriodStart, p.PeriodEnd, p.Status, p.AdoptedOn, p.Activities.Count);

    // A group's page lists the group's plans on every request: compiled once (decision 0018).
    private static readonly CompiledQuery<Func<RumboDbContext, int, IAsyncEnumerable<PlanListItem>>> OfGroup = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int groupId) => db.WorkPlans.AsNoTracking().Where(p => p.GroupId == groupId).Select(Item)));

    public async Task<IReadOnlyList<PlanListItem>> ListAsync(int? groupId = null, int? agendaId = null, PlanStatus? status = null, CancellationToken ct = default)
    {
        List<PlanListItem> rows;
        if (groupId is int only && agendaId is null && status is null)
        {
            rows = await OfGroup.For(db)(db, only).ToListAsync(ct);
        }
        else
        {
            var plans = db.WorkPlans.AsNoTracking();
            if (groupId is not null) plans = plans.Where(p => p.GroupId == groupId);
            if (agendaId is not null) plans = plans.Where(p => p.Group!.AgendaId == agendaId);
            if (status is not null) plans = plans.Where(p => p.Status == status);
            rows = await plans.Select(Item).ToListAsync(ct);
        }
        return rows.OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Id).ToList();
    }

    public async Task<PlanDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        var p = await db.WorkPlans.AsNoTracking()
            .Include(x => x.Group!).ThenInclude(g => g.Agenda)
            .Include(x => x.AdoptedAtMeeting)
            .Include(x => x.Activities).ThenInclude(a => a.ResponsibleGroup)
            .Include(x => x.Activities).ThenInclude(a => a.Countries).ThenInclude(c => c.Country)
            .Include(x => x.Activities).ThenInclude(a => a.Lines).ThenInclude(l => l.LineOfAction!).ThenInclude(l => l.Agenda)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var a = p.Group!.Agenda!;
        var language = a.DocumentLanguage;
        return new PlanDetail(p.Id, p.GroupId, p.Title.ToDocument(), p.Description.ToDocument(), Link(p.Group, language),
            new AgendaLabel(a.Id, a.Slug, a.Symbol, a.Title.ToDocument(), language, a.AreaLevelName.ToDocument()),
            p.PeriodStart, p.PeriodEnd, p.Status, p.AdoptedOn,
            p.AdoptedAtMeeting is { } m ? new MeetingLabel(m.Id, m.Title.ToDocument(), m.StartsAtUtc, m.TimeZone) : null, p.AdoptionNote,
            p.Activities.OrderBy(x => x.Position).ThenBy(x => x.Id).Select(x => new ActivityItem(
                x.Id, x.Position, x.Title.ToDocument(), x.Description.ToDocument(), x.StartMonth, x.EndMonth,
                x.ResponsibleGroup is null ? null : Link(x.ResponsibleGroup, language), x.Status,
                x.Countries.Select(c => new CountryLabel(c.Country!.Code, c.Country.Name.ToDocument())).OrderBy(c => c.Code, StringComparer.Ordinal).ToList(),
                x.Lines.Select(l => new LineLabel(l.LineOfAction!.Code, l.LineOfAction.Text.ToDocument(), l.LineOfAction.Agenda!.Slug))
                    .OrderBy(l => l.Code, Agendas.CodeComparer.Instance).ToList())).ToList(),
            p.Version);
    }

    /// <summary>The activities of any plan linked to the line, newest plans first.</summary>
    public async Task<IReadOnlyList<LineActivityItem>> ForLineAsync(int lineId, CancellationToken ct = default)
    {
        var rows = await db.PlanActivityLines.AsNoTracking()
            .Where(l => l.LineOfActionId == lineId)
            .Join(db.PlanActivities, l => l.ActivityId, a => a.Id, (l, a) => a)
            .Join(db.WorkPlans, a => a.PlanId, p => p.Id, (a, p) => new
            {
                PlanId = p.Id, PlanTitle = p.Title, p.PeriodStart, a.Position, a.Title, a.StartMonth, a.EndMonth, a.Status,
                Group = new { p.Group!.Slug, p.Group.Name, p.Group.Kind, p.Group.Status }, p.Group.Agenda!.DocumentLanguage,
            })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.PeriodStart).ThenBy(r => r.PlanId).ThenBy(r => r.Position)
            .Select(r => new LineActivityItem(r.PlanId, r.PlanTitle.ToDocument(), new GroupLink(r.Group.Slug, r.Group.Name.ToDocument(), r.Group.Kind, r.Group.Status, r.DocumentLanguage),
                r.DocumentLanguage, r.Title.ToDocument(), r.StartMonth, r.EndMonth, r.Status))
            .ToList();
    }

    private static GroupLink Link(Group g, string language) => new(g.Slug, g.Name.ToDocument(), g.Kind, g.Status, language);
}
