using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Agendas;
using Rumbo.Core.Agendas.Import;
using Rumbo.Core.Data;

namespace Rumbo.Core.Seed;

public static class DemoData
{
    /// <summary>Migrates the database and, when it holds no agenda yet, imports the source documents shipped with Rumbo.</summary>
    public static async Task InitializeAsync(IServiceProvider services, RumboOptions options, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
        if (options.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(ct);
        }
        if (options.SeedDemoData && !await db.Agendas.AnyAsync(ct))
        {
            await SeedAsync(scope.ServiceProvider, ct);
        }
    }

    public static async Task<IReadOnlyList<ImportResult>> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var store = services.GetRequiredService<AgendaStore>();
        var results = new List<ImportResult>();
        foreach (var name in SeedDocuments.FileNames)
        {
            results.Add(await store.ImportAsync(AgendaParser.Parse(SeedDocuments.Read(name), name), ct));
        }
        return results;
    }
}
