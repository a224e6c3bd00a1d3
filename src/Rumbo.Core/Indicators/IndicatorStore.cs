using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;

namespace Rumbo.Core.Indicators;

/// <summary>What a version of an indicator says: the fields whose change is a change of definition.</summary>
public sealed record IndicatorDefinition(
    LocalizedText Title, LocalizedText Definition, LocalizedText Method, LocalizedText Source, IndicatorUnit Unit, int Decimals,
    double? Minimum, double? Maximum, Periodicity Periodicity, Direction Direction, string Dimensions, int? ResponsibleGroupId);

/// <summary>
/// Keeps an agenda's framework: creates indicators, edits them, and makes a new version when the definition of one
/// that has values changes, so that the values stay with the definition they were reported under. Targets are set here
/// too, regional and per country.
/// </summary>
public sealed class IndicatorStore(RumboDbContext db, TimeProvider clock)
{
    /// <summary>The agenda's ad hoc working groups, whose coordinators keep the framework with the secretariat.</summary>
    public async Task<IReadOnlyList<int>> AdHocGroupsAsync(int agendaId, CancellationToken ct = default) =>
        await db.Groups.AsNoTracking().Where(g => g.AgendaId == agendaId && g.Kind == GroupKind.AdHocWorkingGroup).Select(g => g.Id).ToListAsync(ct);

    /// <summary>The next free code of an objective: 1.2-a, 1.2-b, … 1.2-z, then 1.2-aa.</summary>
    public async Task<string> NextCodeAsync(int agendaId, string objectiveCode, CancellationToken ct = default)
    {
        var prefix = objectiveCode + "-";
        var taken = (await db.Indicators.AsNoTracking().Where(i => i.AgendaId == agendaId && i.Code.StartsWith(prefix)).Select(i => i.Code).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        for (var n = 0; ; n++)
        {
            var suffix = n < 26 ? ((char)('a' + n)).ToString() : $"{(char)('a' + n / 26 - 1)}{(char)('a' + n % 26)}";
            if (!taken.Contains(prefix + suffix)) return prefix + suffix;
        }
    }

    public async Task<Indicator> CreateAsync(int agendaId, int objectiveId, string code, IndicatorStatus status, IndicatorDefinition definition,
        IReadOnlyList<int> lineIds, IReadOnlyList<string> sdgTargets, CancellationToken ct = default)
    {
        var indicator = new Indicator
        {
            AgendaId = agendaId, ObjectiveId = objectiveId, Code = code, Status = status,
            Versions = [New(definition, 1, "")],
            Lines = lineIds.Select(id => new IndicatorLine { LineOfActionId = id }).ToList(),
            SdgTargets = sdgTargets.Select(c => new IndicatorSdgTarget { Code = c }).ToList(),
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(ct);
        return indicator;
    }

    /// <summary>Whether the definition differs from the version in what it measures (not only in its translations' wording).</summary>
    public static bool ChangesDefinition(IndicatorVersion v, IndicatorDefinition d) =>
        v.Title.Source != d.Title.Source || v.Definition.Source != d.Definition.Source || v.Method.Source != d.Method.Source || v.Unit != d.Unit
        || v.Decimals != d.Decimals || v.Minimum != d.Minimum || v.Maximum != d.Maximum || v.Periodicity != d.Periodicity || v.Direction != d.Direction
        || v.Dimensions != d.Dimensions;

    /// <summary>
    /// Applies an edit to a tracked indicator (with its versions, lines and SDG targets loaded) and saves it against the
    /// version read. A change of definition of a version with values makes a new version (the change note says why);
    /// other edits change the current version in place. Answers false on a lost race, saving nothing.
    /// </summary>
    public async Task<(bool Saved, bool NewVersion)> EditAsync(Indicator indicator, int readVersion, int objectiveId, IndicatorStatus status,
        IndicatorDefinition definition, string changeNote, IReadOnlyList<int> lineIds, IReadOnlyList<string> sdgTargets, CancellationToken ct = default)
    {
        var current = indicator.Versions.OrderByDescending(v => v.Number).First();
        var hasValues = await db.IndicatorValues.AnyAsync(v => v.IndicatorVersionId == current.Id, ct);
        var newVersion = hasValues && ChangesDefinition(current, definition);
        if (newVersion)
        {
            indicator.Versions.Add(New(definition, current.Number + 1, changeNote));
        }
        else
        {
            Apply(current, definition);
            if (changeNote.Length > 0) current.ChangeNote = changeNote;
        }
        indicator.ObjectiveId = objectiveId;
        indicator.Status = status;
        LineLinks.Replace(indicator.Lines, lineIds);
        indicator.SdgTargets.RemoveAll(t => !sdgTargets.Contains(t.Code));
        foreach (var code in sdgTargets.Where(c => indicator.SdgTargets.All(t => t.Code != c))) indicator.SdgTargets.Add(new IndicatorSdgTarget { Code = code });
        return (await db.SaveIfVersionAsync(indicator, i => i.Version, readVersion, ct), newVersion);
    }

    /// <summary>
    /// Sets a baseline and target (regional when <paramref name="countryId"/> is null) with its milestones, replacing what
    /// was set, against the version read (-1 for a new one). Answers false on a lost race.
    /// </summary>
    public async Task<bool> SetTargetAsync(int indicatorId, int? countryId, int readVersion, int baselineYear, double? baselineValue, int targetYear,
        double? targetValue, IReadOnlyList<(int Year, double Value)> milestones, string note, CancellationToken ct = default)
    {
        var target = await db.IndicatorTargets.Include(t => t.Milestones).SingleOrDefaultAsync(t => t.IndicatorId == indicatorId && t.CountryId == countryId, ct);
        if (target is null)
        {
            if (readVersion != -1) return false;
            target = new IndicatorTarget { IndicatorId = indicatorId, CountryId = countryId };
            db.IndicatorTargets.Add(target);
        }
        target.BaselineYear = baselineYear;
        target.BaselineValue = baselineValue;
        target.TargetYear = targetYear;
        target.TargetValue = targetValue;
        target.Note = note;
        target.Milestones.RemoveAll(m => milestones.All(x => x.Year != m.Year));
        foreach (var (year, value) in milestones)
        {
            var m = target.Milestones.FirstOrDefault(x => x.Year == year);
            if (m is null) target.Milestones.Add(new TargetMilestone { Year = year, Value = value });
            else m.Value = value;
        }
        // A new target loses when another editor set the same one first: the unique index refuses it.
        if (target.Id == 0) return await db.SaveUnlessRacedAsync(ct);
        return await db.SaveIfVersionAsync(target, t => t.Version, readVersion, ct, orDuplicate: true);
    }

    /// <summary>Removes a country's own target, so the regional one applies again.</summary>
    public async Task<bool> RemoveTargetAsync(int indicatorId, int countryId, int readVersion, CancellationToken ct = default)
    {
        var target = await db.IndicatorTargets.SingleOrDefaultAsync(t => t.IndicatorId == indicatorId && t.CountryId == countryId, ct);
        if (target is null || target.Version != readVersion) return false;
        db.IndicatorTargets.Remove(target);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private IndicatorVersion New(IndicatorDefinition d, int number, string changeNote)
    {
        var v = new IndicatorVersion { Number = number, ChangeNote = changeNote, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        Apply(v, d);
        return v;
    }

    private static void Apply(IndicatorVersion v, IndicatorDefinition d)
    {
        v.Title = d.Title;
        v.Definition = d.Definition;
        v.Method = d.Method;
        v.Source = d.Source;
        v.Unit = d.Unit;
        v.Decimals = d.Decimals;
        v.Minimum = d.Minimum;
        v.Maximum = d.Maximum;
        v.Periodicity = d.Periodicity;
        v.Direction = d.Direction;
        v.Dimensions = d.Dimensions;
        v.ResponsibleGroupId = d.ResponsibleGroupId;
    }
}
