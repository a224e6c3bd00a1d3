using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;

namespace Rumbo.Core.Capacities;

/// <summary>The writes the pages and the demo data share: versions of the instrument, rounds, and diagnoses loaded for a change.</summary>
public sealed class CapacityStore(RumboDbContext db, TimeProvider clock)
{
    public const string Conflict = "Someone else saved this after you read it. Nothing was saved.";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The agenda's ad hoc working groups, whose coordinators keep the instrument with the secretariat.</summary>
    public async Task<IReadOnlyList<int>> AdHocGroupsAsync(int agendaId, CancellationToken ct = default) =>
        await db.Groups.AsNoTracking().Where(g => g.AgendaId == agendaId && g.Kind == GroupKind.AdHocWorkingGroup).Select(g => g.Id).ToListAsync(ct);

    /// <summary>Adds the proposed instrument (<see cref="CapacityProposal"/>) as a draft when the agenda has no instrument yet; null when it has one.</summary>
    public async Task<CapacityInstrument?> ProposeAsync(int agendaId, CancellationToken ct = default)
    {
        if (await db.CapacityInstruments.AnyAsync(i => i.AgendaId == agendaId, ct)) return null;
        var areas = await db.Areas.AsNoTracking().Where(a => a.AgendaId == agendaId).OrderBy(a => a.Number).Select(a => a.Id).ToListAsync(ct);
        var instrument = CapacityProposal.Build(agendaId, areas, 1, Now);
        db.CapacityInstruments.Add(instrument);
        return instrument;
    }

    /// <summary>A draft copy of the agenda's newest version, numbered one higher; null when the newest is already a draft (there is one draft at a time).</summary>
    public async Task<CapacityInstrument?> NewDraftAsync(int agendaId, CancellationToken ct = default)
    {
        var newest = await db.CapacityInstruments.AsNoTracking().Include(i => i.Questions).ThenInclude(q => q.Levels)
            .Where(i => i.AgendaId == agendaId).OrderByDescending(i => i.Number).AsSplitQuery().FirstOrDefaultAsync(ct);
        if (newest is null || newest.Status == InstrumentStatus.Draft) return null;
        var draft = newest.NewDraft(newest.Number + 1, Now);
        db.CapacityInstruments.Add(draft);
        return draft;
    }

    public Task<CapacityInstrument?> LoadInstrumentAsync(int agendaId, int number, CancellationToken ct = default) =>
        db.CapacityInstruments.Include(i => i.Questions).ThenInclude(q => q.Levels).AsSplitQuery()
            .SingleOrDefaultAsync(i => i.AgendaId == agendaId && i.Number == number, ct);

    /// <summary>
    /// Opens a round on a published version for the given countries: one open diagnosis each. Refused (the message) when
    /// the version is not the agenda's or not published, or no country is given.
    /// </summary>
    public async Task<(CapacityRound? Round, string? Refusal)> OpenRoundAsync(int agendaId, int instrumentNumber, LocalizedText title, DateOnly opensOn,
        DateOnly dueOn, IReadOnlyCollection<int> countryIds, bool isExample = false, CancellationToken ct = default)
    {
        var instrument = await db.CapacityInstruments.AsNoTracking().Where(i => i.AgendaId == agendaId && i.Number == instrumentNumber)
            .Select(i => new { i.Id, i.Status }).SingleOrDefaultAsync(ct);
        if (instrument is null || instrument.Status != InstrumentStatus.Published) return (null, "Choose a published version of the instrument.");
        if (countryIds.Count == 0) return (null, "Choose at least one country.");
        var now = Now;
        var round = new CapacityRound
        {
            AgendaId = agendaId, InstrumentId = instrument.Id, Title = title, OpensOn = opensOn, DueOn = dueOn, CreatedAtUtc = now, IsExample = isExample,
            Assessments = [.. countryIds.Distinct().Select(c => new CapacityAssessment { CountryId = c, Status = AssessmentStatus.Open, UpdatedAtUtc = now, IsExample = isExample })],
        };
        db.CapacityRounds.Add(round);
        return (round, null);
    }

    /// <summary>A diagnosis tracked with its answers and transitions, and its round.</summary>
    public Task<CapacityAssessment?> LoadAssessmentAsync(int id, CancellationToken ct = default) =>
        db.CapacityAssessments.Include(a => a.Round).Include(a => a.Answers).Include(a => a.Transitions).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>The questions of a version with their scales, not tracked, by id.</summary>
    public async Task<IReadOnlyDictionary<int, CapacityQuestion>> QuestionsAsync(int instrumentId, CancellationToken ct = default) =>
        await db.CapacityQuestions.AsNoTracking().Include(q => q.Levels).Where(q => q.InstrumentId == instrumentId).ToDictionaryAsync(q => q.Id, ct);
}

public static class CapacitiesServices
{
    public static IServiceCollection AddRumboCapacities(this IServiceCollection services)
    {
        services.AddScoped<CapacityReader>();
        services.AddScoped<CapacityStore>();
        return services;
    }
}
