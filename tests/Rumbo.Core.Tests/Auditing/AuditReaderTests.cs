using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;
using Rumbo.Core.Auditing;
using Rumbo.Core.Data;
using Rumbo.Core.People;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.Auditing;

/// <summary>The trail's rows name their records and read their values by type, with one query per kind of record.</summary>
public abstract class AuditReaderTests(DatabaseProvider provider) : MigratedDatabaseTests(provider)
{
    // 02:30 UTC on the 16th is still the 15th in Santiago.
    private static readonly DateTimeOffset Now = new(2026, 7, 16, 2, 30, 9, TimeSpan.Zero);

    private RumboDbContext Context(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<RumboDbContext>();
        RumboDatabase.Configure(options, Database.Provider, Database.ConnectionString);
        options.AddInterceptors(interceptors);
        return new RumboDbContext(options.Options).Lease(new SystemActor("tests"), new FixedClock(Now), null);
    }

    private static AuditReader Reader(RumboDbContext db) => new(db, new AuditSubjects(db));

    private async Task<(int Country, int Kept, int Gone)> SeedAsync(int extraPeople = 0)
    {
        await using var db = Context();
        var country = new Country { Code = "ZZ", Code3 = "ZZZ", Name = new() { Source = "Testland", Es = "Tierra de prueba" }, Status = CountryStatus.MemberState };
        db.Countries.Add(country);
        await db.SaveChangesAsync();
        var kept = new Person { GivenName = "Ada", FamilyName = "Lovelace", CountryId = country.Id, IsExample = true };
        var gone = new Person { GivenName = "Gone", FamilyName = "Person", IsExample = true };
        db.People.AddRange(kept, gone);
        for (var i = 0; i < extraPeople; i++) db.People.Add(new Person { GivenName = "Extra", FamilyName = $"Person {i}", CountryId = country.Id, IsExample = true });
        await db.SaveChangesAsync();
        kept.ContactIsPublic = true;
        country.Status = CountryStatus.AssociateMember;
        await db.SaveChangesAsync();
        db.People.Remove(gone);
        await db.SaveChangesAsync();
        return (country.Id, kept.Id, gone.Id);
    }

    [Fact]
    public async Task Rows_name_their_records_and_read_enums_booleans_moments_and_foreign_keys()
    {
        var (country, kept, gone) = await SeedAsync();
        await using var db = Context();
        var rows = (await Reader(db).ListAsync(new AuditQuery())).Rows;

        var updated = rows.Single(r => r.EntityType == "Person" && r.EntityId == kept.ToString() && r.Action == AuditAction.Updated);
        Assert.Equal("Ada Lovelace", updated.Subject!.Name!.Source);
        Assert.Equal($"/people/{kept}", updated.Subject.Url);
        var contact = updated.Changes.Single(c => c.Field == "ContactIsPublic");
        Assert.Equal((AuditValueKind.Boolean, false), (contact.OldValue!.Kind, contact.OldValue.Boolean));
        Assert.Equal((AuditValueKind.Boolean, true), (contact.NewValue!.Kind, contact.NewValue.Boolean));

        var created = rows.Single(r => r.EntityType == "Person" && r.EntityId == kept.ToString() && r.Action == AuditAction.Created);
        var place = created.Changes.Single(c => c.Field == "CountryId").NewValue!;
        Assert.Equal(AuditValueKind.Reference, place.Kind);
        Assert.Equal(("Testland", "Tierra de prueba", "/countries/ZZ", true), (place.Subject!.Name!.Source, place.Subject.Name.Es, place.Subject.Url, place.Subject.Exists));

        var status = rows.Single(r => r.EntityType == "Country" && r.EntityId == country.ToString() && r.Action == AuditAction.Updated)
            .Changes.Single(c => c.Field == "Status");
        Assert.Equal(("CountryStatus:MemberState", "CountryStatus:AssociateMember"), (status.OldValue!.EnumKey, status.NewValue!.EnumKey));

        // Deleted: named by the values its deletion kept, and no page to link to.
        var deleted = rows.Where(r => r.EntityType == "Person" && r.EntityId == gone.ToString()).ToList();
        Assert.Equal(2, deleted.Count);
        Assert.All(deleted, r => Assert.Equal(("Gone Person", false, (string?)null), (r.Subject!.Name!.Source, r.Subject.Exists, r.Subject.Url)));
    }

    [Fact]
    public async Task From_and_to_are_days_in_the_readers_zone()
    {
        var (_, kept, _) = await SeedAsync();
        await using var db = Context();
        var reader = Reader(db);
        var day = new DateOnly(2026, 7, 15);
        var santiago = DateTimeZoneProviders.Tzdb["America/Santiago"];
        Assert.NotEmpty((await reader.ListAsync(new AuditQuery(From: day, To: day) { Zone = santiago })).Rows);
        Assert.Empty((await reader.ListAsync(new AuditQuery(From: day.AddDays(1)) { Zone = santiago })).Rows);
        // In UTC the same changes were on the 16th.
        Assert.Empty((await reader.ListAsync(new AuditQuery(From: day, To: day))).Rows);
        Assert.NotEmpty((await reader.ListAsync(new AuditQuery(EntityType: "Person", EntityId: kept.ToString(), From: day.AddDays(1), To: day.AddDays(1)))).Rows);
    }

    [Fact]
    public async Task Naming_a_page_takes_one_query_per_kind_however_many_rows()
    {
        await SeedAsync(extraPeople: 30);
        var counter = new CommandCounter();
        await using var db = Context(counter);
        var page = await Reader(db).ListAsync(new AuditQuery());
        Assert.True(page.Rows.Count(r => r.EntityType == "Person") > 30);
        Assert.All(page.Rows, r => Assert.NotNull(r.Subject!.Name));
        // The page, the kinds of the filter, the people, the country, and the trail's last values of the one deleted person.
        Assert.Equal(5, counter.Count);
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class SqliteAuditReaderTests() : AuditReaderTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditReaderTests() : AuditReaderTests(DatabaseProvider.Postgres);
