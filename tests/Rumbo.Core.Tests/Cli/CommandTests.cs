using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Rumbo.Cli;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Seed;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.Cli;

/// <summary>The command-line verbs against a real database, on both providers.</summary>
public abstract class CommandTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private IConfiguration configuration = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rumbo:Database"] = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["ConnectionStrings:Rumbo"] = database.ConnectionString,
            ["Rumbo:DataDirectory"] = database.Directory,
        }).Build();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await Commands.Run(args, stdout, stderr, configuration);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string WriteSeed(string prefix)
    {
        var name = SeedDocuments.FileNames.Single(n => n.StartsWith(prefix, StringComparison.Ordinal));
        var path = Path.Combine(database.Directory, name);
        File.WriteAllText(path, SeedDocuments.Read(name));
        return path;
    }

    [Fact]
    public async Task Import_creates_then_leaves_unchanged()
    {
        var file = WriteSeed("LC-CRP");
        var first = await Run("import", file);
        Assert.Equal(0, first.Code);
        Assert.Equal("LC/CRP.20/6: created (4 areas, 21 objectives, 89 lines of action, 0 principles)", first.Out.Trim());
        var second = await Run("import", file);
        Assert.Equal(0, second.Code);
        Assert.StartsWith("LC/CRP.20/6: unchanged", second.Out.Trim());
        await using var db = database.CreateContext();
        Assert.Equal(1, (await db.Agendas.SingleAsync()).Version);
    }

    [Fact]
    public async Task Import_refuses_a_broken_document_naming_the_line_and_writes_nothing()
    {
        var good = WriteSeed("LC-CRP");
        Assert.Equal(0, (await Run("import", good)).Code);
        var text = await File.ReadAllTextAsync(good);
        var broken = Path.Combine(database.Directory, "broken.md");
        await File.WriteAllTextAsync(broken, text.Replace("**3. Provide effective", "**4. Provide effective").Replace("Design and apply collaborative", "Design and apply co-operative"));
        var lineNumber = text[..text.IndexOf("**3. Provide effective", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var result = await Run("import", broken);
        Assert.Equal(1, result.Code);
        Assert.Contains($"Line {lineNumber}:", result.Err);
        await using var db = database.CreateContext();
        Assert.StartsWith("Design and apply collaborative", (await db.Lines.SingleAsync(l => l.Code == "1.1.1")).Text.Source);
    }

    [Fact]
    public async Task Import_refuses_a_file_that_is_not_an_agenda()
    {
        Assert.Equal(0, (await Run("migrate")).Code);
        var path = Path.Combine(database.Directory, "notes.txt");
        await File.WriteAllTextAsync(path, "Shopping list\n\n- milk\n- bread\n");
        var result = await Run("import", path);
        Assert.Equal(1, result.Code);
        Assert.Contains("Line 1:", result.Err);
        Assert.Equal(1, (await Run("import", Path.Combine(database.Directory, "missing.md"))).Code);
        await using var db = database.CreateContext();
        Assert.False(await db.Agendas.AnyAsync());
    }

    [Fact]
    public async Task Export_to_json_imports_back_unchanged_and_other_formats_write_files()
    {
        Assert.Equal(0, (await Run("import", WriteSeed("LC-MDS"))).Code);
        var json = Path.Combine(database.Directory, "agenda.json");
        Assert.Equal(0, (await Run("export", "LC/CDS.3/5", "-o", json)).Code);
        var reimport = await Run("import", json);
        Assert.Equal(0, reimport.Code);
        Assert.StartsWith("LC/CDS.3/5: unchanged", reimport.Out.Trim());

        var xlsx = Path.Combine(database.Directory, "agenda.xlsx");
        Assert.Equal(0, (await Run("export", "lc-cds-3-5", "-f", "xlsx", "-o", xlsx)).Code);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(xlsx), 0, 2));
        var csv = await Run("export", "lc-cds-3-5", "-f", "csv");
        Assert.StartsWith("agenda,level,code,", csv.Out);
        Assert.Equal(1 + 8 + 4, csv.Out.Trim().Split('\n').Length);
        Assert.Equal(1, (await Run("export", "nothing")).Code);
        Assert.NotEqual(0, (await Run("export", "lc-cds-3-5", "-f", "pdf")).Code);
    }

    [Fact]
    public async Task Json_edited_by_hand_is_validated_before_anything_is_written()
    {
        Assert.Equal(0, (await Run("import", WriteSeed("LC-MDS"))).Code);
        var json = Path.Combine(database.Directory, "agenda.json");
        Assert.Equal(0, (await Run("export", "LC/CDS.3/5", "-o", json)).Code);
        var document = AgendaJson.Deserialize(await File.ReadAllTextAsync(json));
        await File.WriteAllTextAsync(json, AgendaJson.Serialize(document with { Title = new LocalizedString(" ") }));
        var result = await Run("import", json);
        Assert.Equal(1, result.Code);
        Assert.Contains("title", result.Err);
        await using var db = database.CreateContext();
        Assert.Equal("Regional Agenda for Inclusive Social Development", (await db.Agendas.SingleAsync()).Title.Source);
    }

    [Fact]
    public async Task Migrate_and_seed_fill_an_empty_database()
    {
        var migrate = await Run("migrate");
        Assert.Equal(0, migrate.Code);
        Assert.Contains("Applied", migrate.Out);
        Assert.Contains("Reference data: 46 countries added, 0 updated;", migrate.Out);
        Assert.Equal("The database is up to date.", (await Run("migrate")).Out.Trim());
        var seed = await Run("seed");
        Assert.Equal(0, seed.Code);
        Assert.Contains("LC/CRP.20/6: created", seed.Out);
        Assert.Contains("LC/CDS.3/5: created", seed.Out);
        Assert.Contains("Reference data: unchanged", seed.Out);
        await using (var db = database.CreateContext())
        {
            Assert.Contains($"Groups: {await db.Groups.CountAsync()} created", seed.Out);
            Assert.Contains($"Meetings: {await db.Meetings.CountAsync()} created", seed.Out);
            Assert.Contains($"Plans of work: {await db.WorkPlans.CountAsync()} created", seed.Out);
        }
        var again = (await Run("seed")).Out;
        Assert.Contains("LC/CRP.20/6: unchanged", again);
        Assert.Contains("Groups: unchanged", again);
        Assert.Contains("Meetings: unchanged", again);
        Assert.Contains("Plans of work: unchanged", again);
    }
}

public sealed class SqliteCommandTests() : CommandTests(DatabaseProvider.Sqlite);

public sealed class PostgresCommandTests() : CommandTests(DatabaseProvider.Postgres);
