using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Agendas;
using Rumbo.Core.Agendas.Import;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.People;

namespace Rumbo.Core.Seed;

/// <param name="GroupsCreated">None when the database already had groups.</param>
/// <param name="MeetingsCreated">None when the database already had meetings.</param>
/// <param name="PlansCreated">None when the database already had plans of work.</param>
/// <param name="IndicatorsCreated">None when the planning agenda already had indicators.</param>
/// <param name="PoliciesCreated">None when the database already had policies.</param>
public sealed record SeedResult(IReadOnlyList<ImportResult> Agendas, ReferenceDataResult ReferenceData, int GroupsCreated, int MeetingsCreated = 0, int PlansCreated = 0,
    int IndicatorsCreated = 0, int PoliciesCreated = 0);

public static class DemoData
{
    /// <summary>
    /// Migrates the database and ensures the reference data, which every installation needs. With demo data on, it
    /// then imports the source documents when the database holds no agenda, their groups when it holds no group, and the
    /// meetings and plans of work they name when it holds none, example indicators for the planning agenda when it has none,
    /// and example public policies when there are none.
    /// </summary>
    public static async Task InitializeAsync(IServiceProvider services, RumboOptions options, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
        if (options.MigrateOnStartup)
        {
            await RumboDatabase.MigrateAsync(db, ct);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            // The deploy's migrate step has not run yet; it ensures the reference data itself when it does.
            return;
        }
        await ReferenceData.EnsureAsync(db, ct);
        if (!options.SeedDemoData)
        {
            return;
        }
        if (!await db.Agendas.AnyAsync(ct))
        {
            await ImportDocumentsAsync(scope.ServiceProvider, ct);
        }
        await DemoGroups.SeedAsync(db, ct);
        await DemoMeetings.SeedAsync(db, ct);
        await DemoPlans.SeedAsync(db, ct);
        await DemoIndicators.SeedAsync(db, ct);
        await DemoPolicies.SeedAsync(db, ct);
        await Capacities.DemoCapacities.SeedAsync(db, scope.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System, ct);
        await DemoRoadMaps.SeedAsync(db, ct);
    }

    /// <summary>Imports the source documents with their translations (unchanged ones stay as they are), ensures the reference data and creates the demo groups when there are none.</summary>
    public static async Task<SeedResult> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var agendas = await ImportDocumentsAsync(services, ct);
        var db = services.GetRequiredService<RumboDbContext>();
        var reference = await ReferenceData.EnsureAsync(db, ct);
        var groups = await DemoGroups.SeedAsync(db, ct);
        var meetings = await DemoMeetings.SeedAsync(db, ct);
        var plans = await DemoPlans.SeedAsync(db, ct);
        var indicators = await DemoIndicators.SeedAsync(db, ct);
        var policies = await DemoPolicies.SeedAsync(db, ct);
        await Capacities.DemoCapacities.SeedAsync(db, services.GetService<TimeProvider>() ?? TimeProvider.System, ct);
        await DemoRoadMaps.SeedAsync(db, ct);
        return new SeedResult(agendas, reference, groups, meetings, plans, indicators, policies);
    }

    private static async Task<IReadOnlyList<ImportResult>> ImportDocumentsAsync(IServiceProvider services, CancellationToken ct)
    {
        var store = services.GetRequiredService<AgendaStore>();
        var results = new List<ImportResult>();
        foreach (var name in SeedDocuments.FileNames)
        {
            results.Add(await store.ImportAsync(SeedTranslations.Apply(AgendaParser.Parse(SeedDocuments.Read(name), name)), ct));
        }
        return results;
    }
}
