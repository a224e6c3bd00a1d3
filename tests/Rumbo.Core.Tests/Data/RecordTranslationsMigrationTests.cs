using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rumbo.Core.Data;
using Rumbo.Core.Records;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.Data;

/// <summary>
/// The migration that made a record's texts translatable keeps the words of every record written before it: each old
/// column is the new text's source, renamed, not dropped and added (decision 0026).
/// </summary>
public abstract class RecordTranslationsMigrationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Every_records_summary_headings_bodies_and_outcomes_survive_as_their_sources()
    {
        var heading = new string('h', 500);
        var body = "Said:\n\n- one\n- two";
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("OfficialTranslations");
            // Rows as the schema before held them. Their meeting and people do not matter here: the foreign keys are not
            // checked for these statements, on the one connection they run on.
            await db.Database.OpenConnectionAsync();
            var sqlite = provider == DatabaseProvider.Sqlite;
            await db.Database.ExecuteSqlRawAsync(sqlite ? "PRAGMA foreign_keys = OFF" : "SET session_replication_role = replica");
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO meeting_records ("Id", "MeetingId", "Number", "Kind", "Status", "Language", "Summary", "Dissemination", "CreatedAtUtc", "Version")
                VALUES (7, 70, 1, 'Minutes', 'Approved', 'en', 'Present: **all**.', 'Public', {0}, 3)
                """, sqlite ? "2025-06-10 12:00:00" : new DateTime(2025, 6, 10, 12, 0, 0, DateTimeKind.Utc));
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO record_sections ("Id", "RecordId", "Position", "Heading", "Body") VALUES (8, 7, 0, {0}, {1})""", heading, body);
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO record_outcomes ("Id", "SectionId", "Position", "Kind", "Text", "OwnerName", "DueDate")
                VALUES (9, 8, 0, 'Action', 'Send the survey', 'Testland', {0})
                """, sqlite ? "2026-03-31" : new DateOnly(2026, 3, 31));
            // The connection goes back to its pool: the next one to take it checks the keys again.
            await db.Database.ExecuteSqlRawAsync(sqlite ? "PRAGMA foreign_keys = ON" : "SET session_replication_role = DEFAULT");
            await db.Database.CloseConnectionAsync();
        }

        await using (var db = database.CreateContext())
        {
            await RumboDatabase.MigrateAsync(db);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var record = await db.MeetingRecords.AsNoTracking().Include(r => r.Sections).ThenInclude(s => s.Outcomes).AsSplitQuery().SingleAsync(r => r.Id == 7);
            Assert.Equal(("Present: **all**.", 3), (record.Summary.Source, record.Version));
            Assert.Null(record.Summary.Es);
            Assert.Null(record.Summary.Official);
            var section = Assert.Single(record.Sections);
            Assert.Equal((heading, body), (section.Heading.Source, section.Body.Source));
            var outcome = Assert.Single(section.Outcomes);
            Assert.Equal(("Send the survey", "Testland", new DateOnly(2026, 3, 31)), (outcome.Text.Source, outcome.OwnerName, outcome.DueDate!.Value));

            // The migrated record takes translations, a heading longer than the old column's 500 characters included.
            var tracked = await db.RecordSections.SingleAsync(s => s.Id == 8);
            tracked.Heading.Es = new string('t', 600);
            tracked.Heading.Source += "!";
            await db.SaveChangesAsync();
        }
        await using (var db = database.CreateContext())
        {
            var section = await db.RecordSections.AsNoTracking().SingleAsync(s => s.Id == 8);
            Assert.Equal((heading + "!", 600), (section.Heading.Source, section.Heading.Es!.Length));
        }
    }
}

public sealed class SqliteRecordTranslationsMigrationTests() : RecordTranslationsMigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresRecordTranslationsMigrationTests() : RecordTranslationsMigrationTests(DatabaseProvider.Postgres);
