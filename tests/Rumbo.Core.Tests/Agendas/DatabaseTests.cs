using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Caching.Memory;
using Rumbo.Core.Agendas;
using Rumbo.Core.Agendas.Import;
using Rumbo.Core.Data;
using Rumbo.Core.Seed;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.Agendas;

/// <summary>Data access on both providers: every test here runs once on SQLite and once on PostgreSQL.</summary>
public abstract class DatabaseTests(DatabaseProvider provider) : MigratedDatabaseTests(provider)
{
    private static AgendaDocument Planning() => AgendaParser.Parse(SeedDocuments.Read(SeedFile("LC-CRP")), "planning.md");

    private static AgendaDocument Social() => AgendaParser.Parse(SeedDocuments.Read(SeedFile("LC-MDS")), "social.txt");

    private static string SeedFile(string prefix) => SeedDocuments.FileNames.Single(n => n.StartsWith(prefix, StringComparison.Ordinal));

    private static AgendaStore Store(RumboDbContext db) => new(db, TimeProvider.System, new AgendaReader(db, new MemoryCache(new MemoryCacheOptions())));

    [Fact]
    public async Task Migrations_leave_no_pending_model_changes()
    {
        await using var db = Database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration covers: add a migration for both providers.");
    }

    [Fact]
    public async Task Importing_a_document_stores_every_item_with_its_code()
    {
        await using var db = Database.CreateContext();
        var result = await Store(db).ImportAsync(Planning());

        Assert.Equal(ImportOutcome.Created, result.Outcome);
        Assert.Equal("lc-crp-20-6", result.Slug);
        Assert.Equal(4, await db.Areas.CountAsync());
        Assert.Equal(result.Objectives, await db.Objectives.CountAsync());
        Assert.Equal(result.Lines, await db.Lines.CountAsync());
        var line = await db.Lines.AsNoTracking().SingleAsync(l => l.Code == "3.2.4");
        Assert.StartsWith("Promote ongoing training for public officials", line.Text.Source);
        var objective = await db.Objectives.AsNoTracking().SingleAsync(o => o.Id == line.ObjectiveId);
        Assert.Equal("3.2", objective.Code);
        Assert.Equal(line.AgendaId, objective.AgendaId);
    }

    [Fact]
    public async Task Importing_the_same_document_twice_changes_nothing()
    {
        await using (var db = Database.CreateContext())
        {
            await Store(db).ImportAsync(Planning());
        }
        var before = await Snapshot();
        await using (var db = Database.CreateContext())
        {
            var again = await Store(db).ImportAsync(Planning());
            Assert.Equal(ImportOutcome.Unchanged, again.Outcome);
        }
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task A_changed_document_updates_texts_in_place_and_keeps_ids()
    {
        await using (var db = Database.CreateContext())
        {
            await Store(db).ImportAsync(Planning());
        }
        int lineId;
        await using (var db = Database.CreateContext())
        {
            lineId = (await db.Lines.SingleAsync(l => l.Code == "1.2.3")).Id;
        }
        var changed = Planning();
        var areas = changed.Areas.ToList();
        var objectives = areas[0].Objectives.ToList();
        var lines = objectives[1].Lines.ToList();
        lines[2] = lines[2] with { Text = new LocalizedString(lines[2].Text.Source, Es: "Fomentar el desarrollo profesional.") };
        objectives[1] = objectives[1] with { Lines = lines };
        areas[0] = areas[0] with { Objectives = objectives };
        changed = changed with { Areas = areas };

        await using (var db = Database.CreateContext())
        {
            Assert.Equal(ImportOutcome.Updated, (await Store(db).ImportAsync(changed)).Outcome);
        }
        await using (var db = Database.CreateContext())
        {
            var line = await db.Lines.AsNoTracking().SingleAsync(l => l.Code == "1.2.3");
            Assert.Equal(lineId, line.Id);
            Assert.Equal("Fomentar el desarrollo profesional.", line.Text.Es);
            Assert.Equal(2, (await db.Agendas.SingleAsync()).Version);
        }
    }

    [Fact]
    public async Task Export_then_import_round_trips_exactly_through_the_database()
    {
        var original = Social() with { Title = new LocalizedString("Regional Agenda for Inclusive Social Development", Es: "Agenda Regional de Desarrollo Social Inclusivo") };
        int id;
        await using (var db = Database.CreateContext())
        {
            id = (await Store(db).ImportAsync(original)).AgendaId;
        }
        await using (var db = Database.CreateContext())
        {
            var exported = await Store(db).ExportAsync(id);
            Assert.NotNull(exported);
            Assert.Equal(AgendaJson.Serialize(original), AgendaJson.Serialize(exported));
            var reimported = await Store(db).ImportAsync(AgendaJson.Deserialize(AgendaJson.Serialize(exported)));
            Assert.Equal(ImportOutcome.Unchanged, reimported.Outcome);
        }
    }

    [Fact]
    public async Task An_invalid_agenda_is_refused_and_the_database_is_unchanged()
    {
        await using (var db = Database.CreateContext())
        {
            await Store(db).ImportAsync(Planning());
        }
        var before = await Snapshot();
        var broken = Planning() with { Areas = [.. Planning().Areas.Skip(1)] };
        await using (var db = Database.CreateContext())
        {
            var e = await Assert.ThrowsAsync<AgendaValidationException>(() => Store(db).ImportAsync(broken));
            Assert.Contains(e.Problems, p => p.Field == "areas");
        }
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task Demo_data_seeds_both_agendas_once()
    {
        var services = new ServiceCollection()
            .AddRumboCore(Database.Provider, Database.ConnectionString)
            .BuildServiceProvider();
        await DemoData.InitializeAsync(services, new RumboOptions());
        await DemoData.InitializeAsync(services, new RumboOptions());
        await using var db = Database.CreateContext();
        var symbols = await db.Agendas.OrderBy(a => a.Symbol).Select(a => a.Symbol).ToListAsync();
        Assert.Equal(["LC/CDS.3/5", "LC/CRP.20/6"], symbols);
        Assert.Equal(8, await db.Principles.CountAsync());
    }

    [Fact]
    public async Task Reader_resolves_every_spelling_of_an_agenda_key_and_sees_new_versions()
    {
        await using (var db = Database.CreateContext())
        {
            await Store(db).ImportAsync(Planning());
            await Store(db).ImportAsync(Social());
        }
        using var cache = new MemoryCache(new MemoryCacheOptions());
        await using (var db = Database.CreateContext())
        {
            var reader = new AgendaReader(db, cache);
            foreach (var key in new[] { "LC/CRP.20/6", "LC%2FCRP.20%2F6", "LC-CRP.20-6", "lc-crp-20-6" })
            {
                Assert.Equal("LC/CRP.20/6", (await reader.GetTreeAsync(key))?.Symbol);
            }
            Assert.Equal("LC/CDS.3/5", (await reader.GetTreeAsync("LC/MDS.4/3"))?.Symbol);
            Assert.Null(await reader.GetTreeAsync("LC/XYZ.1/1"));
            Assert.Null(await reader.GetLineAsync("lc-crp-20-6", "9.9.9"));
            var line = await reader.GetLineAsync("lc-crp-20-6", "2.4.1");
            Assert.Equal("2.3.5", line?.PreviousCode);
            Assert.Equal("2.5.1", line?.NextCode);
        }
        // A write by another process (here: another context) is seen at once, whatever the cache holds.
        var changed = Planning() with { Place = "Brasília (Brazil)" };
        await using (var db = Database.CreateContext())
        {
            await Store(db).ImportAsync(changed);
        }
        await using (var db = Database.CreateContext())
        {
            Assert.Equal("Brasília (Brazil)", (await new AgendaReader(db, cache).GetTreeAsync("lc-crp-20-6"))?.Place);
        }
    }

    [Fact]
    public async Task Search_ignores_case_and_accents_and_marks_the_matches()
    {
        await using (var db = Database.CreateContext())
        {
            await Store(db).ImportAsync(Planning());
            await Store(db).ImportAsync(Social());
        }
        using var cache = new MemoryCache(new MemoryCacheOptions());
        await using var ctx = Database.CreateContext();
        var search = new AgendaSearch(ctx, new AgendaReader(ctx, cache));

        var r = await search.SearchAsync("\"TECHNOLOGY FORESIGHT observatories\"", "en");
        var hit = Assert.Single(r.Hits);
        Assert.Equal(SearchHitKind.Line, hit.Kind);
        Assert.Equal("2.5.1", hit.Code);
        Assert.Equal("technology foresight observatories", string.Concat(hit.Segments.Where(s => s.Match).Select(s => s.Text)));
        Assert.Equal("Create technology foresight observatories to track developments in the areas of artificial intelligence, automation, biotechnology and other key innovations for each country.", string.Concat(hit.Segments.Select(s => s.Text)));

        var dignified = await search.SearchAsync("DIGNÍFIED", "en");
        Assert.Equal("3", Assert.Single(dignified.Hits).Code);
        Assert.Equal(0, (await search.SearchAsync("zzzz-nothing", "en")).Total);

        // Background and follow-up texts answer by paragraph.
        var followUp = (await search.SearchAsync("\"inter-agency support group\"", "en")).Hits.Where(h => h.Kind == SearchHitKind.FollowUp).ToList();
        Assert.NotEmpty(followUp);
        Assert.All(followUp, h => Assert.Equal("lc-crp-20-6", h.AgendaSlug));
        Assert.Contains(followUp, h => string.Concat(h.Segments.Select(s => s.Text)).StartsWith("Inter-agency support group:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_finds_accented_translations_from_unaccented_words()
    {
        var social = Social();
        var axes = social.Areas.ToList();
        axes[2] = axes[2] with { Title = new LocalizedString(axes[2].Title.Source, Es: "Institucionalidad social fortalecida y gestión pública") };
        await using (var db = Database.CreateContext())
        {
            await Store(db).ImportAsync(social with { Areas = axes });
        }
        using var cache = new MemoryCache(new MemoryCacheOptions());
        await using var ctx = Database.CreateContext();
        var search = new AgendaSearch(ctx, new AgendaReader(ctx, cache));
        var hit = Assert.Single((await search.SearchAsync("GESTION publica", "es")).Hits);
        Assert.Equal("es", hit.Language);
        Assert.Equal("3", hit.Code);
        Assert.Equal(["gestión", "pública"], hit.Segments.Where(s => s.Match).Select(s => s.Text));
        // In English the same words find nothing: the source text is shown and searched.
        Assert.Equal(0, (await search.SearchAsync("gestion publica", "en")).Total);
    }

    [Fact]
    public async Task Reimporting_a_document_keeps_translations_and_retires_what_it_drops()
    {
        await using (var db = Database.CreateContext())
        {
            await Store(db).ImportAsync(Planning());
            var line = await db.Lines.SingleAsync(l => l.Code == "2.3.2");
            line.Text.Es = "Implementar sistemas de vigilancia del futuro.";
            await Store(db).SaveAgendaAsync(await db.Agendas.SingleAsync());
        }
        // The document again: it knows nothing of the translation, which stays.
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(ImportOutcome.Unchanged, (await Store(db).ImportAsync(Planning())).Outcome);
            Assert.Equal("Implementar sistemas de vigilancia del futuro.", (await db.Lines.AsNoTracking().SingleAsync(l => l.Code == "2.3.2")).Text.Es);
        }
        // A version of the document without line 2.3.5: the line is retired, keeping its code.
        var planning = Planning();
        var areas = planning.Areas.ToList();
        var objectives = areas[1].Objectives.ToList();
        objectives[2] = objectives[2] with { Lines = [.. objectives[2].Lines.Take(4)] };
        areas[1] = areas[1] with { Objectives = objectives };
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(ImportOutcome.Updated, (await Store(db).ImportAsync(planning with { Areas = areas })).Outcome);
            var retired = await db.Lines.AsNoTracking().SingleAsync(l => l.Code == "2.3.5");
            Assert.NotNull(retired.RetiredOn);
            Assert.Equal(89, await db.Lines.CountAsync());
        }
    }

    [Fact]
    public async Task Every_save_is_audited_with_old_and_new_values()
    {
        await using (var db = Database.CreateContext())
        {
            await Store(db).ImportAsync(Planning());
        }
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(4 + 21 + 89 + 1, await db.AuditEntries.CountAsync(a => a.Action == Rumbo.Core.Auditing.AuditAction.Created));
            // A creation records the keys the database gave, not the temporary ones of before the insert.
            var agendaId = (await db.Agendas.SingleAsync()).Id;
            var lineId = (await db.Lines.SingleAsync(l => l.Code == "1.1.1")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var created = await db.AuditEntries.SingleAsync(a => a.EntityType == "LineOfAction" && a.EntityId == lineId);
            using (var values = System.Text.Json.JsonDocument.Parse(created.Changes))
            {
                Assert.Equal(agendaId, values.RootElement.GetProperty("AgendaId").GetProperty("new").GetInt32());
            }
            var line = await db.Lines.SingleAsync(l => l.Code == "1.1.1");
            line.Text.Pt = "Conceber e aplicar metodologias.";
            await Store(db).SaveAgendaAsync(await db.Agendas.SingleAsync());
        }
        await using (var check = Database.CreateContext())
        {
            var lineId = (await check.Lines.SingleAsync(l => l.Code == "1.1.1")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var entry = await check.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "LineOfAction" && a.EntityId == lineId && a.Action == Rumbo.Core.Auditing.AuditAction.Updated);
            Assert.Equal("system", entry.Actor);
            using var changes = System.Text.Json.JsonDocument.Parse(entry.Changes);
            Assert.Equal("Conceber e aplicar metodologias.", changes.RootElement.GetProperty("Text.Pt").GetProperty("new").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, changes.RootElement.GetProperty("Text.Pt").GetProperty("old").ValueKind);
            Assert.True(await check.ContentVersions.SingleAsync(v => v.Id == 1) is { Value: >= 2 });
        }
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted_through_the_context()
    {
        await using (var db = Database.CreateContext())
        {
            await Store(db).ImportAsync(Social());
        }
        await using (var db = Database.CreateContext())
        {
            var entry = await db.AuditEntries.FirstAsync();
            entry.Actor = "someone else";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        await using (var db = Database.CreateContext())
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        await using (var check = Database.CreateContext())
        {
            Assert.DoesNotContain(await check.AuditEntries.Select(a => a.Actor).ToListAsync(), a => a == "someone else");
        }
    }

    /// <summary>Everything stored, as text, to compare before and after.</summary>
    private async Task<string> Snapshot()
    {
        await using var db = Database.CreateContext();
        var agendas = await db.Agendas.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        var lines = await db.Lines.AsNoTracking().OrderBy(l => l.Id).Select(l => new { l.Id, l.Code, l.Text.Source, l.Text.Es }).ToListAsync();
        var objectives = await db.Objectives.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.Code, o.Text.Source }).ToListAsync();
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            agendas = agendas.Select(a => new { a.Id, a.Symbol, a.Version, a.UpdatedAt, a.ContentHash, a.Title.Source }),
            objectives,
            lines,
        });
    }
}

public sealed class SqliteDatabaseTests() : DatabaseTests(DatabaseProvider.Sqlite);

public sealed class PostgresDatabaseTests() : DatabaseTests(DatabaseProvider.Postgres);
