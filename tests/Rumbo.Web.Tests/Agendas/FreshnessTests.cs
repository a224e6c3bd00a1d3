using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Agendas;

/// <summary>Rumbo as deployed: the content stamp is checked once an hour at most, so only local writes refresh at once.</summary>
public class SlowCheckApp(DatabaseProvider provider) : RumboApp(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Rumbo:ContentCheckInterval", "01:00:00");
    }
}

public sealed class SqliteSlowCheckApp() : SlowCheckApp(DatabaseProvider.Sqlite);

public sealed class PostgresSlowCheckApp() : SlowCheckApp(DatabaseProvider.Postgres);

public abstract class FreshnessTests(SlowCheckApp app)
{
    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task A_write_through_the_site_shows_at_once_and_a_write_elsewhere_after_the_check_interval()
    {
        Assert.Contains("Brasília", (await client.GetPageAsync("/agendas/lc-crp-20-6")).QuerySelector("dl.meta")!.TextContent);

        // Elsewhere (another instance, the command line): this instance keeps its cached page until its next check.
        await using (var db = app.Database.CreateContext())
        {
            var agenda = await db.Agendas.SingleAsync(a => a.Slug == "lc-crp-20-6");
            agenda.Place = "Brasília (elsewhere)";
            agenda.Version++;
            await db.SaveChangesAsync();
        }
        Assert.DoesNotContain("(elsewhere)", (await client.GetPageAsync("/agendas/lc-crp-20-6")).QuerySelector("dl.meta")!.TextContent);

        // Through the site's own services: the next page shows it, and the other change with it.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
            var agenda = await db.Agendas.SingleAsync(a => a.Slug == "lc-crp-20-6");
            agenda.Meeting.Es = "Vigésima reunión";
            await scope.ServiceProvider.GetRequiredService<AgendaStore>().SaveAgendaAsync(agenda);
        }
        var meta = (await client.GetPageAsync("/agendas/lc-crp-20-6")).QuerySelector("dl.meta")!.TextContent;
        Assert.Contains("(elsewhere)", meta);
    }
}

public sealed class SqliteFreshnessTests(SqliteSlowCheckApp app) : FreshnessTests(app), IClassFixture<SqliteSlowCheckApp>;

public sealed class PostgresFreshnessTests(PostgresSlowCheckApp app) : FreshnessTests(app), IClassFixture<PostgresSlowCheckApp>;
