using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Rumbo.Core.Agendas;
using Rumbo.Core.Agendas.Import;
using Rumbo.Core.Data;
using Rumbo.Core.Documents;
using Rumbo.Core.Seed;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.Agendas;

public sealed class LineLinksTests
{
    private static readonly LineLinks.Line Open1 = new(11, "1.1.1", false);
    private static readonly LineLinks.Line Open2 = new(12, "1.1.2", false);
    private static readonly LineLinks.Line Retired = new(13, "1.1.3", true);
    private static readonly LineLinks.Line[] Agenda = [Open1, Open2, Retired];

    [Fact]
    public void Codes_named_twice_make_one_link()
    {
        var links = LineLinks.Resolve(Agenda, ["1.1.2", "1.1.1", "1.1.2"]);

        Assert.Equal([12, 11], links.Ids);
        Assert.Empty(links.Unknown);
        Assert.Null(links.Problem([], "Unknown: {0}.", "Retired."));
    }

    [Fact]
    public void A_code_that_names_no_line_is_refused_with_the_codes()
    {
        var links = LineLinks.Resolve(Agenda, ["1.1.1", "9.9.9", "1.1.3", "9.9.8"]);

        Assert.Equal(["9.9.9", "9.9.8"], links.Unknown);
        var problem = links.Problem([], "Unknown: {0}.", "Retired: {0}.");
        Assert.NotNull(problem);
        Assert.Equal("Unknown: {0}.", problem.Key);
        Assert.Equal(["9.9.9, 9.9.8"], problem.Arguments);
    }

    [Fact]
    public void A_message_without_a_placeholder_is_given_no_codes()
    {
        var problem = LineLinks.Resolve(Agenda, ["9.9.9"]).Problem([], "Choose lines of action from the list.", null);

        Assert.NotNull(problem);
        Assert.Equal("Choose lines of action from the list.", problem.Key);
        Assert.Empty(problem.Arguments);
    }

    [Fact]
    public void A_retired_line_may_stay_linked_but_not_be_newly_linked()
    {
        var links = LineLinks.Resolve(Agenda, ["1.1.1", "1.1.3"]);

        var problem = links.Problem([11], "Unknown: {0}.", "Retired: {0}.");
        Assert.NotNull(problem);
        Assert.Equal("Retired: {0}.", problem.Key);
        Assert.Equal(["1.1.3"], problem.Arguments);
        Assert.Null(links.Problem([13], "Unknown: {0}.", "Retired: {0}."));
        Assert.Null(links.Problem([], "Unknown: {0}.", retired: null));
    }

    [Fact]
    public void Replacing_removes_the_links_gone_and_adds_the_new_ones_once()
    {
        var links = new List<DocumentLine> { new() { LineOfActionId = 11 }, new() { LineOfActionId = 12 } };
        var kept = links[0];

        LineLinks.Replace(links, [11, 13, 13]);

        Assert.Equal([11, 13], links.Select(l => l.LineOfActionId));
        Assert.Same(kept, links[0]);
    }

    [Fact]
    public void Replacing_leaves_the_links_outside_its_scope()
    {
        var links = new List<DocumentLine> { new() { LineOfActionId = 11 }, new() { LineOfActionId = 99 } };

        LineLinks.Replace(links, [12], l => l.LineOfActionId < 90);

        Assert.Equal([99, 12], links.Select(l => l.LineOfActionId));
    }
}

/// <summary>Codes read against an agenda in the database, on both providers.</summary>
public abstract class LineLinksDatabaseTests(DatabaseProvider provider) : MigratedDatabaseTests(provider)
{
    [Fact]
    public async Task Codes_are_read_against_the_agendas_lines_with_their_retirement()
    {
        await using var db = Database.CreateContext();
        var file = SeedDocuments.FileNames.Single(n => n.StartsWith("LC-CRP", StringComparison.Ordinal));
        await new AgendaStore(db, TimeProvider.System, new AgendaReader(db, new MemoryCache(new MemoryCacheOptions())))
            .ImportAsync(AgendaParser.Parse(SeedDocuments.Read(file), "planning.md"));
        var retired = await db.Lines.SingleAsync(l => l.Code == "1.1.2");
        retired.RetiredOn = new DateOnly(2025, 1, 1);
        await db.SaveChangesAsync();
        var agendaId = retired.AgendaId;
        var open = await db.Lines.AsNoTracking().SingleAsync(l => l.Code == "1.1.1");

        var links = await LineLinks.ResolveAsync(db, agendaId, ["1.1.1", "1.1.2", "9.9.9", "1.1.1"], CancellationToken.None);

        Assert.Equal([new LineLinks.Line(open.Id, "1.1.1", false), new LineLinks.Line(retired.Id, "1.1.2", true)],
            links.Lines.OrderBy(l => l.Code, StringComparer.Ordinal));
        Assert.Equal(["9.9.9"], links.Unknown);
        Assert.Empty((await LineLinks.ResolveAsync(db, agendaId + 1, ["1.1.1"], CancellationToken.None)).Lines);
        Assert.Empty((await LineLinks.ResolveAsync(db, agendaId, [], CancellationToken.None)).Lines);
    }
}

public sealed class SqliteLineLinksDatabaseTests() : LineLinksDatabaseTests(DatabaseProvider.Sqlite);

public sealed class PostgresLineLinksDatabaseTests() : LineLinksDatabaseTests(DatabaseProvider.Postgres);
