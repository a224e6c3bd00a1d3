using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Rumbo.Core.Agendas;
using Rumbo.Core.Agendas.Import;
using Rumbo.Core.Data;
using Rumbo.Core.Seed;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.Seed;

/// <summary>The demo agendas' Spanish: every text translated, the official ones named, kept through the database.</summary>
public abstract class SpanishSeedTests(DatabaseProvider provider) : MigratedDatabaseTests(provider)
{
    private static IEnumerable<(string Key, LocalizedString Text)> Texts(AgendaDocument d) =>
        new[] { ("title", d.Title), ("adoptingBody", d.AdoptingBody), ("meeting", d.Meeting), ("areaLevelName", d.AreaLevelName),
                ("description", d.Description), ("followUpMechanism", d.FollowUpMechanism) }
            .Concat(d.Principles.Select(p => ($"p{p.Number}", p.Text)))
            .Concat(d.Areas.SelectMany(a => a.Objectives.SelectMany(o => o.Lines.Select(l => ($"{a.Number}.{o.Number}.{l.Number}", l.Text))
                .Prepend(($"{a.Number}.{o.Number}", o.Text))).Prepend(($"{a.Number}", a.Title))));

    [Fact]
    public void Every_text_of_both_agendas_has_its_Spanish_and_every_translation_finds_its_text()
    {
        foreach (var name in SeedDocuments.FileNames)
        {
            var parsed = AgendaParser.Parse(SeedDocuments.Read(name), name);
            var translated = SeedTranslations.Apply(parsed);
            var texts = Texts(translated).Where(t => t.Text.Source.Length > 0).ToList();
            Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t.Text.Es), $"{parsed.Symbol} {t.Key} has no Spanish"));
            var file = SeedTranslations.All.Single(f => f.Symbol == parsed.Symbol && f.Language == "es");
            Assert.Empty(file.Texts.Keys.Except(texts.Select(t => t.Key)));
            Assert.Empty(file.Official.Except(file.Texts.Keys));
            // Only the names the body publishes in Spanish are official; the rest is for reading.
            Assert.Equal(file.Official.Order(), texts.Where(t => t.Text.Official == "es").Select(t => t.Key).Order());
            // A paragraph of the source is a paragraph of the Spanish.
            Assert.Equal(translated.FollowUpMechanism.Source.Split("\n\n").Length, translated.FollowUpMechanism.Es!.Split("\n\n").Length);
        }
    }

    [Fact]
    public async Task The_Spanish_and_which_is_official_are_kept_by_the_database_and_a_new_import_of_the_document()
    {
        await using var db = Database.CreateContext();
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_OfficialTranslations", StringComparison.Ordinal));
        var store = new AgendaStore(db, TimeProvider.System, new AgendaReader(db, new MemoryCache(new MemoryCacheOptions())));
        var name = SeedDocuments.FileNames.Single(n => n.StartsWith("LC-CRP", StringComparison.Ordinal));
        await store.ImportAsync(SeedTranslations.Apply(AgendaParser.Parse(SeedDocuments.Read(name), name)));

        await using (var read = Database.CreateContext())
        {
            var agenda = await read.Agendas.AsNoTracking().SingleAsync();
            Assert.Equal("es", agenda.Title.Official);
            Assert.Null(agenda.Description.Official);
            var lines = await read.Lines.AsNoTracking().ToListAsync();
            Assert.Equal(89, lines.Count(l => l.Text.Es is not null));
            Assert.All(lines, l => Assert.Null(l.Text.Official));
            // Projected as the pages read them.
            var title = await read.Agendas.AsNoTracking().Select(a => a.Title.ToDocument()).SingleAsync();
            Assert.False(title.IsUnofficialIn("es", "en"));
            Assert.True(title.IsUnofficialIn("pt", "en")); // the Portuguese title is a translation made for the demo
            var line = await read.Lines.AsNoTracking().Where(l => l.Code == "1.1.2").Select(l => l.Text.ToDocument()).SingleAsync();
            Assert.True(line.IsUnofficialIn("es", "en"));
            Assert.False(line.IsUnofficialIn("en", "en"));
        }

        // The document imported again as parsed, without its translations, keeps them and what is official.
        await store.ImportAsync(AgendaParser.Parse(SeedDocuments.Read(name), name));
        await using var after = Database.CreateContext();
        var again = await after.Agendas.AsNoTracking().SingleAsync();
        Assert.Equal(("es", "Agenda regional de gobernanza de la planificación y la gestión pública para el desarrollo sostenible en América Latina y el Caribe"),
            (again.Title.Official, again.Title.Es));
    }
}

public sealed class SqliteSpanishSeedTests() : SpanishSeedTests(DatabaseProvider.Sqlite);

public sealed class PostgresSpanishSeedTests() : SpanishSeedTests(DatabaseProvider.Postgres);
