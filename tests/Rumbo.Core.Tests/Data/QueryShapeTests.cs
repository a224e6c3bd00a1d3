using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Data;

namespace Rumbo.Core.Tests.Data;

/// <summary>
/// A list in a query goes to the database as one parameter, so that the SQL text does not depend on the list's length
/// and EF Core keeps the command it generated instead of building it again on every request.
/// </summary>
public sealed class QueryShapeTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db", "json_each")]
    [InlineData(DatabaseProvider.Postgres, "Host=unused", "ANY")]
    public void A_list_in_a_query_is_one_parameter(DatabaseProvider provider, string connectionString, string shape)
    {
        var options = new DbContextOptionsBuilder<RumboDbContext>();
        RumboDatabase.Configure(options, provider, connectionString);
        using var db = new RumboDbContext(options.Options);
        string Sql(List<int> ids) => db.Groups.Where(g => ids.Contains(g.Id)).Select(g => g.Slug).ToQueryString();
        string Statement(string sql) => sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];

        var three = Sql([1, 2, 3]);
        var five = Sql([1, 2, 3, 4, 5]);

        Assert.Contains(shape, three, StringComparison.Ordinal);
        Assert.DoesNotContain("@ids1", three, StringComparison.Ordinal);
        // ToQueryString declares the values before the statement; the statement itself is the same for both lengths.
        Assert.Equal(Statement(three), Statement(five));
    }
}
