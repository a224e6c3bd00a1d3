using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;

namespace Rumbo.Core.Tests.Agendas;

public sealed class LocalizedTextTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.Postgres, "Host=unused")]
    public void A_query_that_shows_a_text_reads_only_its_columns(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<RumboDbContext>();
        RumboDatabase.Configure(options, provider, connectionString);
        using var db = new RumboDbContext(options.Options);

        var sql = db.Groups.AsNoTracking()
            .Select(g => new { g.Slug, Name = g.Name.ToDocument(), Area = g.Area == null ? null : g.Area.Title.ToDocument() })
            .ToQueryString();

        Assert.Contains("Name_Es", sql, StringComparison.Ordinal);
        Assert.Contains("Title_Source", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("Mandate_", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("Version", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Consejo", "Council", "en")]
    [InlineData("es", "Consejo", "Consejo", "es")]
    [InlineData("pt", "Consejo", "Consejo", "es")]
    public void A_text_is_shown_in_the_language_when_translated_else_as_written(string language, string source, string text, string shownIn)
    {
        var s = new LocalizedText { Source = source, En = "Council", Es = "Consejo", Pt = " " }.ToDocument();

        Assert.Equal((text, shownIn), s.In(language, "es"));
        Assert.Equal(text, s.In(language));
    }
}
