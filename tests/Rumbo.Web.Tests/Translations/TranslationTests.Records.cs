using System.Net;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Meetings;
using Rumbo.Core.Records;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Translations;

public abstract partial class TranslationTests
{
    [Fact]
    public async Task A_groups_file_holds_its_newest_records_texts_and_their_import_leaves_an_approved_text_as_approved()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        await s.AddRecordAsync(app.Database, RecordStatus.Approved, Visibility.Members, "older");
        var number = await s.AddRecordAsync(app.Database, RecordStatus.Approved, Visibility.Public, "newest");
        // Another meeting's record is written in Spanish, not the group's English: its texts are no units of an English file.
        int other;
        await using (var db = app.Database.CreateContext())
        {
            var meeting = new Meeting
            {
                GroupId = s.CompleteId, Kind = MeetingKind.WorkingMeeting, Format = MeetingFormat.Virtual, Title = new() { Source = "Third meeting" },
                StartsAtUtc = new DateTime(2025, 9, 10, 14, 0, 0, DateTimeKind.Utc), TimeZone = "America/Santiago", CalendarUid = $"{Guid.NewGuid():n}@rumbo.test",
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            other = meeting.Id;
        }
        await s.AddRecordAsync(app.Database, RecordStatus.Draft, Visibility.Members, "spanish", other);
        int recordId, sectionId, outcomeId;
        await using (var db = app.Database.CreateContext())
        {
            var record = await db.MeetingRecords.Include(r => r.Sections).ThenInclude(x => x.Outcomes).AsSplitQuery()
                .SingleAsync(r => r.MeetingId == s.Meeting && r.Number == number);
            record.Summary.Source = "Present:\n\n- Ana\n- Ben";
            (recordId, sectionId, outcomeId) = (record.Id, record.Sections.Single().Id, record.Sections.Single().Outcomes.Single().Id);
            await db.MeetingRecords.Where(r => r.MeetingId == other).ExecuteUpdateAsync(u => u.SetProperty(r => r.Language, "es"));
            await db.SaveChangesAsync();
        }
        var (coordinator, _) = await SignedIn.CoordinatorAsync(app, s.Groups.Complete);
        var page = $"/groups/{s.Groups.Complete}/translations";

        var file = await XliffAsync("pt", coordinator, page);
        var ids = Units(file).Select(u => (string)u.Attribute("id")!).ToList();
        Assert.Contains($"record-{recordId}-summary", ids);
        Assert.Contains($"section-{sectionId}-heading", ids);
        Assert.Contains($"section-{sectionId}-body", ids);
        Assert.Contains($"outcome-{outcomeId}-text", ids);
        Assert.DoesNotContain(Units(file), u => SourceOf(u).Contains("older", StringComparison.Ordinal));
        Assert.DoesNotContain(Units(file), u => SourceOf(u).Contains("spanish", StringComparison.Ordinal));
        Assert.Contains(Units(file), u => SourceOf(u) == "Third meeting");
        var summary = Units(file).Single(u => (string)u.Attribute("id")! == $"record-{recordId}-summary");
        Assert.Equal("Summary of the record of the meeting of 2025-06-10", (string?)summary.Attribute("name"));
        Assert.Equal("Present:\n\n- Ana\n- Ben", SourceOf(summary));

        Translate(summary, "Presentes:\r\n\r\n- Ana\r\n- Ben");
        Translate(Units(file).Single(u => (string)u.Attribute("id")! == $"outcome-{outcomeId}-text"), "Ação   newest");
        Translate(Units(file).Single(u => (string)u.Attribute("id")! == $"section-{sectionId}-heading"), new string('x', 501));
        var (response, report) = await ImportAsync(coordinator, "pt", "group-pt.xlf", Bytes(file), page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Count(report, "changed"));
        Assert.Equal(1, Count(report, "too-long"));
        await using (var db = app.Database.CreateContext())
        {
            var record = await db.MeetingRecords.Include(r => r.Sections).ThenInclude(x => x.Outcomes).AsSplitQuery().SingleAsync(r => r.Id == recordId);
            Assert.Equal((RecordStatus.Approved, 1), (record.Status, record.Version));
            // Markdown keeps its line breaks, which make its list; a line of text is folded as its form keeps it.
            Assert.Equal(("Present:\n\n- Ana\n- Ben", "Presentes:\n\n- Ana\n- Ben"), (record.Summary.Source, record.Summary.Pt));
            Assert.Equal("Ação newest", record.Sections.Single().Outcomes.Single().Text.Pt);
            Assert.Null(record.Sections.Single().Heading.Pt);
        }

        // The record's translation is counted where it stands, and the texts still to do link to the record's editor.
        var status = await kit.PageAsync($"{page}?lang=pt", coordinator);
        Assert.NotNull(status.QuerySelector($"a[href='/meetings/{s.Meeting}/records/{number}/edit']"));
    }
}
