using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Groups;
using Rumbo.Core.Indicators;
using Rumbo.Core.People;
using Rumbo.Core.Seed;

namespace Rumbo.TestSupport;

/// <summary>
/// The example indicators of the planning agenda (<see cref="DemoIndicators"/>, seeded at start-up) as the indicator
/// tests use them: focal points who report a country, a country's stored values and their transitions read straight
/// from the database (what a refused write must leave as it was), and values written for a scenario.
/// </summary>
public static class IndicatorScenario
{
    public const string Agenda = DemoIndicators.AgendaSlug;

    /// <summary>The years of the seeded reporting round.</summary>
    public const int FirstRoundYear = 2024, LastRoundYear = 2025;

    /// <summary>Every value a country is asked for in the seeded round: each indicator's breakdowns, for each of its years.</summary>
    public static int ExpectedPerCountry =>
        DemoIndicators.Definitions.Sum(d => Disaggregations.Breakdowns(Disaggregations.Of(d.Dimensions)).Count) * (LastRoundYear - FirstRoundYear + 1);

    /// <summary>A stored value as a test compares it: every field a write could change.</summary>
    public sealed record StoredRow(
        int Id, string Indicator, int Year, string Breakdown, double Value, ValueStatus Status, bool Locked, string Source, string Notes,
        string? Evidence, int Version);

    /// <summary>A new person who is a focal point of the country for the agenda; their id, for an account linked to them.</summary>
    public static async Task<int> FocalPointAsync(TestDatabase database, string countryCode, string agenda = Agenda)
    {
        await using var db = database.CreateContext();
        var agendaId = await db.Agendas.Where(a => a.Slug == agenda).Select(a => a.Id).SingleAsync();
        var countryId = await db.Countries.Where(c => c.Code == countryCode).Select(c => c.Id).SingleAsync();
        var person = new Person { GivenName = "Focal", FamilyName = $"Point {countryCode} {Guid.NewGuid():n}"[..20], CountryId = countryId, IsExample = true };
        db.People.Add(person);
        db.FocalPoints.Add(new FocalPoint { AgendaId = agendaId, CountryId = countryId, Person = person });
        await db.SaveChangesAsync();
        return person.Id;
    }

    /// <summary>The country's values of the agenda's indicators, in a stable order.</summary>
    public static async Task<List<StoredRow>> ValuesAsync(TestDatabase database, string countryCode, string agenda = Agenda)
    {
        await using var db = database.CreateContext();
        var rows = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.Country!.Code == countryCode && v.IndicatorVersion!.Indicator!.Agenda!.Slug == agenda)
            .Select(v => new StoredRow(v.Id, v.IndicatorVersion!.Indicator!.Code, v.Year, v.Breakdown, v.Value, v.Status, v.Locked, v.Source, v.Notes,
                v.EvidenceUrl, v.Version))
            .ToListAsync();
        return rows.OrderBy(r => r.Indicator, StringComparer.Ordinal).ThenBy(r => r.Breakdown, StringComparer.Ordinal).ThenBy(r => r.Year).ToList();
    }

    /// <summary>One of the country's values, or null when it has none for that indicator, year and breakdown.</summary>
    public static async Task<StoredRow?> ValueAsync(TestDatabase database, string countryCode, string indicator, int year, string breakdown = "") =>
        (await ValuesAsync(database, countryCode)).SingleOrDefault(v => v.Indicator == indicator && v.Year == year && v.Breakdown == breakdown);

    /// <summary>The transitions of a value, oldest first.</summary>
    public static async Task<List<ValueTransition>> TransitionsAsync(TestDatabase database, int valueId)
    {
        await using var db = database.CreateContext();
        return await db.ValueTransitions.AsNoTracking().Where(t => t.ValueId == valueId).OrderBy(t => t.AtUtc).ThenBy(t => t.Id).ToListAsync();
    }

    /// <summary>How many transitions the country's values have, all together.</summary>
    public static async Task<int> TransitionCountAsync(TestDatabase database, string countryCode)
    {
        await using var db = database.CreateContext();
        return await db.ValueTransitions.CountAsync(t => db.IndicatorValues.Any(v => v.Id == t.ValueId && v.Country!.Code == countryCode));
    }

    /// <summary>
    /// Sets a stored value's number behind the site's back (as the command line would), and its status when one is given
    /// (approved values are locked, others not).
    /// </summary>
    public static async Task SetValueAsync(TestDatabase database, int valueId, double value, ValueStatus? status = null)
    {
        await using var db = database.CreateContext();
        var row = await db.IndicatorValues.SingleAsync(v => v.Id == valueId);
        row.Value = value;
        if (status is ValueStatus s)
        {
            row.Status = s;
            row.Locked = s == ValueStatus.Approved;
        }
        await db.SaveChangesAsync();
    }

    /// <summary>An approved value as the open data publishes it; <see cref="Country"/> is null for the region.</summary>
    public sealed record PublishedRow(string Indicator, int Version, string? Country, int Year, string Breakdown, double Value);

    /// <summary>Every approved value of the agenda's indicators (or of one), straight from the database: what the public may read, and all of it.</summary>
    public static async Task<List<PublishedRow>> ApprovedAsync(TestDatabase database, string? indicator = null, string agenda = Agenda)
    {
        await using var db = database.CreateContext();
        var q = db.IndicatorValues.AsNoTracking().Where(v => v.Status == ValueStatus.Approved && v.IndicatorVersion!.Indicator!.Agenda!.Slug == agenda);
        if (indicator is not null) q = q.Where(v => v.IndicatorVersion!.Indicator!.Code == indicator);
        return await q.Select(v => new PublishedRow(v.IndicatorVersion!.Indicator!.Code, v.IndicatorVersion.Number, v.Country == null ? null : v.Country.Code, v.Year,
            v.Breakdown, v.Value)).ToListAsync();
    }

    /// <summary>An indicator's version as stored, with how many values (of any status) were reported under it.</summary>
    public sealed record StoredVersion(int Id, int Number, string Title, string ChangeNote, int Values);

    /// <summary>The versions of an indicator, oldest first.</summary>
    public static async Task<List<StoredVersion>> VersionsAsync(TestDatabase database, string indicator, string agenda = Agenda)
    {
        await using var db = database.CreateContext();
        return await db.IndicatorVersions.AsNoTracking().Where(v => v.Indicator!.Code == indicator && v.Indicator.Agenda!.Slug == agenda).OrderBy(v => v.Number)
            .Select(v => new StoredVersion(v.Id, v.Number, v.Title.Source, v.ChangeNote, db.IndicatorValues.Count(x => x.IndicatorVersionId == v.Id)))
            .ToListAsync();
    }

    /// <summary>A target as stored: regional when <paramref name="country"/> is null, else the country's own; null when none is set.</summary>
    public static async Task<IndicatorTarget?> TargetAsync(TestDatabase database, string indicator, string? country, string agenda = Agenda)
    {
        await using var db = database.CreateContext();
        return await db.IndicatorTargets.AsNoTracking().Include(t => t.Milestones)
            .Where(t => t.Indicator!.Code == indicator && t.Indicator.Agenda!.Slug == agenda)
            .Where(t => country == null ? t.CountryId == null : t.Country!.Code == country)
            .SingleOrDefaultAsync();
    }

    /// <summary>
    /// Removes every value of the country (and their transitions) and, unless <paramref name="status"/> is null, gives it
    /// one value of the agenda's first indicator for the round's last year in that status; its id and version, or null.
    /// </summary>
    public static async Task<(int Id, int Version)?> ResetCountryAsync(TestDatabase database, string countryCode, ValueStatus? status, string agenda = Agenda)
    {
        await using var db = database.CreateContext();
        var countryId = await db.Countries.Where(c => c.Code == countryCode).Select(c => c.Id).SingleAsync();
        await db.ValueTransitions.Where(t => db.IndicatorValues.Any(v => v.Id == t.ValueId && v.CountryId == countryId)).ExecuteDeleteAsync();
        await db.IndicatorValues.Where(v => v.CountryId == countryId).ExecuteDeleteAsync();
        if (status is not ValueStatus s) return null;
        var versionId = await db.IndicatorVersions.Where(v => v.Indicator!.Agenda!.Slug == agenda && v.Indicator.Code == DemoIndicators.Definitions[0].Code)
            .OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync();
        var value = new IndicatorValue
        {
            IndicatorVersionId = versionId, CountryId = countryId, Year = LastRoundYear, Value = 50, Source = "Scenario", Status = s,
            Locked = s == ValueStatus.Approved, UpdatedAtUtc = DateTime.UtcNow,
        };
        db.IndicatorValues.Add(value);
        await db.SaveChangesAsync();
        return (value.Id, value.Version);
    }
}
