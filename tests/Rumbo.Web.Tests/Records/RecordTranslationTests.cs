using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.Core.Records;
using Rumbo.TestSupport;
using Rumbo.Web.Tests.Accounts;
using static Rumbo.Web.Tests.Records.RecordsTestKit;

namespace Rumbo.Web.Tests.Records;

/// <summary>
/// A record's texts in the reader's language (decision 0026): translations shown with the unofficial note, the original to
/// its own readers; entered through the shared text input, on a draft and, for its translations only, on an approved
/// record; carried into the files, the API and a new version.
/// </summary>
public abstract class RecordTranslationTests(RumboApp app)
{
    private readonly RecordsTestKit kit = new(app);

    private async Task<MeetingRecord> LoadAsync(int meetingId, int number)
    {
        await using var db = kit.Db();
        return await db.MeetingRecords.AsNoTracking().Include(r => r.Sections).ThenInclude(s => s.Outcomes)
            .AsSplitQuery().SingleAsync(r => r.MeetingId == meetingId && r.Number == number);
    }

    /// <summary>An approved public record in English with the Spanish of every text, unofficial; its number.</summary>
    private async Task<int> SpanishRecordAsync(RecordsScenario s, string marker)
    {
        var number = await s.AddRecordAsync(app.Database, RecordStatus.Approved, Visibility.Public, marker);
        await using var db = kit.Db();
        var record = await db.MeetingRecords.Include(r => r.Sections).ThenInclude(x => x.Outcomes).AsSplitQuery()
            .SingleAsync(r => r.MeetingId == s.Meeting && r.Number == number);
        record.Summary.Es = $"Resumen {marker}.";
        var section = record.Sections.Single();
        section.Heading.Es = $"Sección {marker}";
        section.Body.Es = $"Cuerpo **{marker}**:\n\n- primero\n- segundo";
        section.Outcomes.Single().Text.Es = $"Acción {marker}";
        await db.SaveChangesAsync();
        return number;
    }

    [Fact]
    public async Task A_spanish_reader_reads_the_spanish_with_the_unofficial_note_and_an_english_reader_the_original()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var number = await SpanishRecordAsync(s, "leído");
        var url = $"/meetings/{s.Meeting}/records/{number}";

        var es = await kit.PageAsync($"{url}?culture=es");
        var article = es.QuerySelector("article")!;
        Assert.Equal("Resumen leído.", article.QuerySelector("section .markdown")!.TextContent.Trim());
        Assert.Null(article.QuerySelector("section .markdown")!.GetAttribute("lang"));
        Assert.Equal("Sección leído", article.QuerySelector("section.record-section h2")!.TextContent.Trim());
        Assert.Equal(["primero", "segundo"], article.QuerySelectorAll("section.record-section .markdown li").Select(li => li.TextContent.Trim()));
        Assert.Contains("Acción leído", article.QuerySelector("table.record-actions")!.TextContent);
        Assert.Equal("Traducción no oficial (texto oficial en inglés)", article.QuerySelector("header .unofficial-translation")!.TextContent.Trim());
        Assert.Equal($"{url}?culture=en", article.QuerySelector(".record-original a")!.GetAttribute("href"));

        var en = await kit.PageAsync(url);
        Assert.Equal("Summary leído.", en.QuerySelector("article section .markdown")!.TextContent.Trim());
        Assert.Equal("Section leído", en.QuerySelector("article section.record-section h2")!.TextContent.Trim());
        Assert.Null(en.QuerySelector(".unofficial-translation"));
        Assert.Null(en.QuerySelector(".record-original"));

        // A reader of a language with no translation reads the original, marked as English, with no note.
        var pt = await kit.PageAsync($"{url}?culture=pt");
        Assert.Equal("en", pt.QuerySelector("article section .markdown")!.GetAttribute("lang"));
        Assert.Equal("en", pt.QuerySelector("article section.record-section h2 span")!.GetAttribute("lang"));
        Assert.Null(pt.QuerySelector(".unofficial-translation"));

        // The group's page lists the action still due in the reader's language, with the note once.
        var group = await kit.PageAsync($"/groups/{s.Groups.Complete}?culture=es");
        var actions = group.QuerySelector(".group-agreements")!;
        Assert.Contains("Acción leído", actions.QuerySelector("table.record-actions")!.TextContent);
        Assert.Single(actions.QuerySelectorAll(".unofficial-translation"));
        Assert.Null((await kit.PageAsync($"/groups/{s.Groups.Complete}")).QuerySelector(".group-agreements .unofficial-translation"));
    }

    [Fact]
    public async Task An_official_translation_shows_without_the_note()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var number = await SpanishRecordAsync(s, "oficial");
        await using (var db = kit.Db())
        {
            var record = await db.MeetingRecords.Include(r => r.Sections).ThenInclude(x => x.Outcomes).AsSplitQuery()
                .SingleAsync(r => r.MeetingId == s.Meeting && r.Number == number);
            record.Summary.Official = "es";
            record.Sections.Single().Heading.Official = "es";
            record.Sections.Single().Body.Official = "es";
            record.Sections.Single().Outcomes.Single().Text.Official = "es";
            await db.SaveChangesAsync();
        }
        var es = await kit.PageAsync($"/meetings/{s.Meeting}/records/{number}?culture=es");
        Assert.Equal("Resumen oficial.", es.QuerySelector("article section .markdown")!.TextContent.Trim());
        Assert.Null(es.QuerySelector(".unofficial-translation"));
    }

    [Fact]
    public async Task A_coordinator_translates_an_approved_record_whose_text_stays_as_approved_and_a_member_may_not()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var number = await s.AddRecordAsync(app.Database, RecordStatus.Approved, Visibility.Members, "approved");
        var url = $"/meetings/{s.Meeting}/records/{number}";
        var (cookie, person) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Coordinator);

        // The record's page leads to its translations, whose form shows the approved text read-only beside each translation.
        Assert.NotNull((await kit.PageAsync(url, cookie)).QuerySelector($"a[href='{url}/edit']"));
        var form = await kit.OpenAsync($"{url}/edit", cookie);
        Assert.EndsWith("handler=Translations", form.Page.QuerySelector("form.record-editor")!.GetAttribute("action"));
        Assert.True(form.Page.QuerySelector("#Summary_Source")!.HasAttribute("readonly"));
        Assert.True(form.Page.QuerySelector("#Sections_0__Heading_Source")!.HasAttribute("readonly"));
        Assert.NotNull(form.Page.QuerySelector("#Sections_0__Outcomes_0__Text_Es"));
        Assert.NotNull(form.Page.QuerySelector("#Summary_Es-official"));
        Assert.Null(form.Page.QuerySelector("#Summary_En"));

        long last;
        await using (var db = kit.Db()) last = await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
        var fields = With(Fields(form.Page, "form.record-editor"),
            ("Summary.Source", "A source changed by hand"), ("Summary.Es", "Resumen:\r\n\r\n- uno\r\n- dos"), ("Summary.Official", "es"),
            ("Sections[0].Heading.Es", "Sección aprobada"), ("Sections[0].Body.Fr", "Corps **approuvé**."),
            ("Sections[0].Outcomes[0].Text.Es", "Acción aprobada"));
        var saved = await kit.PostAsync($"{url}/edit?handler=Translations", form, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(url, saved.Headers.Location?.OriginalString);

        var record = await LoadAsync(s.Meeting, number);
        Assert.Equal((RecordStatus.Approved, 1), (record.Status, record.Version));
        Assert.Equal(("Summary approved.", "Resumen:\n\n- uno\n- dos", "es"), (record.Summary.Source, record.Summary.Es, record.Summary.Official));
        var section = record.Sections.Single();
        Assert.Equal(("Section approved", "Sección aprobada", null), (section.Heading.Source, section.Heading.Es, section.Heading.Official));
        Assert.Equal(("Body **approved**.", "Corps **approuvé**."), (section.Body.Source, section.Body.Fr));
        Assert.Equal(("Action approved", "Acción aprobada"), (section.Outcomes.Single().Text.Source, section.Outcomes.Single().Text.Es));
        await using (var db = kit.Db())
        {
            var user = await db.Users.Where(u => u.PersonId == person).Select(u => u.Id).SingleAsync();
            var entries = await db.AuditEntries.Where(e => e.Id > last).ToListAsync();
            Assert.All(entries, e => Assert.Equal(user, e.UserId));
            Assert.Contains(entries, e => e.EntityType == "MeetingRecord" && e.Changes.Contains("\"Summary.Es\"", StringComparison.Ordinal));
            Assert.Contains(entries, e => e.EntityType == "RecordSection" && e.Changes.Contains("\"Heading.Es\"", StringComparison.Ordinal));
            Assert.Contains(entries, e => e.EntityType == "RecordOutcome" && e.Changes.Contains("\"Text.Es\"", StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.Changes.Contains(".Source\"", StringComparison.Ordinal));
        }

        // A member reads the record but may not translate it; nothing is written.
        var (memberCookie, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Member);
        var memberForm = await kit.AnyFormAsync(memberCookie);
        var audit = await kit.AuditCountAsync();
        Assert.Null((await kit.PageAsync(url, memberCookie)).QuerySelector($"a[href='{url}/edit']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.PostAsync($"{url}/edit?handler=Translations", memberForm, ("Version", "1"), ("Summary.Es", "Otro"))).StatusCode);
        Assert.Equal(audit, await kit.AuditCountAsync());

        // A translation longer than its field takes is refused by the field, and a stale form by the version; neither writes.
        form = await kit.OpenAsync($"{url}/edit", cookie);
        var tooLong = await kit.PostAsync($"{url}/edit?handler=Translations", form,
            With(Fields(form.Page, "form.record-editor"), ("Sections[0].Heading.Es", new string('x', 501))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        var page = await tooLong.ParseAsync();
        Assert.Equal("The heading is longer than 500 characters.", page.QuerySelector("#Sections_0__Heading_Es-error")!.TextContent.Trim());
        Assert.Equal("Summary approved.", page.QuerySelector("#Summary_Source")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"{url}/edit?handler=Translations", form, With(fields, ("Version", "1"), ("Summary.Es", "Resumen nuevo")))).StatusCode);
        audit = await kit.AuditCountAsync();
        var conflict = await kit.PostAsync($"{url}/edit?handler=Translations", form, With(fields, ("Version", "1"), ("Summary.Es", "Resumen perdido")));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("Resumen perdido", (await conflict.ParseAsync()).QuerySelector("#Summary_Es")!.TextContent);
        Assert.Equal(audit, await kit.AuditCountAsync());
        Assert.Equal("Resumen nuevo", (await LoadAsync(s.Meeting, number)).Summary.Es);
    }

    [Fact]
    public async Task The_draft_editor_saves_each_texts_translations_and_official_marks_through_the_shared_input()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var number = await s.AddRecordAsync(app.Database, RecordStatus.Draft, Visibility.Members, "draft");
        var url = $"/meetings/{s.Meeting}/records/{number}/edit";
        var (cookie, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Coordinator);
        var form = await kit.OpenAsync(url, cookie);
        Assert.Equal("Summary (English, as written)", form.Page.QuerySelector("label[for=Summary_Source]")!.TextContent.Trim());
        Assert.NotNull(form.Page.QuerySelector("#Sections_0__Heading_Es-official"));
        Assert.False(form.Page.QuerySelector("#Summary_Source")!.HasAttribute("readonly"));

        var saved = await kit.PostAsync(url, form, With(Fields(form.Page), ("Summary.Source", "- one\n- two"), ("Summary.Es", "- uno\n- dos"),
            ("Sections[0].Heading.Es", "Sección del borrador"), ("Sections[0].Heading.Official", "es"), ("Sections[0].Heading.Pt", " "),
            ("Sections[0].Outcomes[0].Text.Pt", "Ação   do rascunho"), ("Command", "save")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var record = await LoadAsync(s.Meeting, number);
        Assert.Equal(("- one\n- two", "- uno\n- dos"), (record.Summary.Source, record.Summary.Es));
        var section = record.Sections.Single();
        Assert.Equal(("Sección del borrador", "es", null), (section.Heading.Es, section.Heading.Official, section.Heading.Pt));
        Assert.Equal("Ação do rascunho", section.Outcomes.Single().Text.Pt);

        // An official mark on a translation that is not there is dropped; a source left empty is refused by its field.
        form = await kit.OpenAsync(url, cookie);
        var refused = await kit.PostAsync(url, form, With(Fields(form.Page), ("Sections[0].Outcomes[0].Text.Source", ""), ("Command", "save")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("Say what was reported, decided or is to be done.",
            (await refused.ParseAsync()).QuerySelector("#Sections_0__Outcomes_0__Text_Source-error")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync(url, form, With(Fields(form.Page), ("Summary.Official", "fr"), ("Command", "save")))).StatusCode);
        Assert.Null((await LoadAsync(s.Meeting, number)).Summary.Official);
    }

    [Fact]
    public async Task A_new_record_takes_its_headings_translations_from_the_agenda_items()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var (cookie, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Coordinator);
        var url = $"/meetings/{s.Meeting}/records/new";
        var form = await kit.OpenAsync(url, cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync(url, form, With(Fields(form.Page), ("Kind", "Minutes"), ("Language", "es")))).StatusCode);
        var record = await LoadAsync(s.Meeting, 1);
        var first = record.Sections.Single(x => x.Position == 0).Heading;
        // Written in Spanish: the item's Spanish (unofficial) is the heading as written, its English source an official translation.
        Assert.Equal(("Avances de la red de prospectiva", RecordsScenario.Item1Title, "en"), (first.Source, first.En, first.Official));
        var second = record.Sections.Single(x => x.Position == 1).Heading;
        Assert.Equal((RecordsScenario.Item2Title, RecordsScenario.Item2Title, null, "en"), (second.Source, second.En, second.Es, second.Official));
    }

    [Fact]
    public async Task The_files_are_in_the_language_asked_for_or_the_readers_when_the_record_reads_in_it()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var number = await SpanishRecordAsync(s, "exportado");
        var url = $"/meetings/{s.Meeting}/records/{number}";

        static string Word(byte[] bytes)
        {
            using var stream = new MemoryStream(bytes);
            using var doc = WordprocessingDocument.Open(stream, false);
            return doc.MainDocumentPart!.Document!.Body!.InnerText;
        }

        var asked = await kit.GetAsync($"{url}.docx?lang=es");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains($"-es.docx", asked.Content.Headers.ContentDisposition?.FileName ?? "");
        var text = Word(await asked.Content.ReadAsByteArrayAsync());
        Assert.Contains("Acta: Second working meeting", text);
        Assert.Contains("Traducción no oficial (texto oficial en inglés)", text);
        Assert.Contains("Resumen exportado.", text);
        Assert.Contains("Sección exportado", text);
        Assert.Contains("Acción exportado", text);
        Assert.Contains("Responsable", text);
        Assert.DoesNotContain("Summary exportado.", text);

        // The reader's language, named by nothing but the interface.
        Assert.Contains("Resumen exportado.", Word(await (await kit.GetAsync($"{url}.docx?culture=es")).Content.ReadAsByteArrayAsync()));
        var english = Word(await (await kit.GetAsync($"{url}.docx")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Summary exportado.", english);
        Assert.DoesNotContain("Traducción no oficial", english);
        Assert.DoesNotContain("Unofficial translation", english);
        // A reader whose language the record does not read in gets it as written, not English under Portuguese labels.
        Assert.Contains("Minutes: Second working meeting", Word(await (await kit.GetAsync($"{url}.docx?culture=pt")).Content.ReadAsByteArrayAsync()));

        var pdf = await (await kit.GetAsync($"{url}.pdf?lang=es")).Content.ReadAsByteArrayAsync();
        var flat = string.Join(' ', PdfText.Extract(pdf).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Resumen exportado.", flat);
        Assert.Contains("Acción exportado", flat);

        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync($"{url}.pdf?lang=de")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync($"{url}.docx?lang=%3Cscript%3E")).StatusCode);

        // The page offers the file in each other language the record reads in.
        var page = await kit.PageAsync(url);
        Assert.NotNull(page.QuerySelector($".record-files a[href='{url}.pdf?lang=es']"));
        Assert.Null(page.QuerySelector($".record-files a[href='{url}.pdf?lang=pt']"));
    }

    [Fact]
    public async Task The_api_gives_every_text_in_every_language_with_its_html()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        await SpanishRecordAsync(s, "api");
        var response = await kit.GetAsync($"/api/v1/meetings/{s.Meeting}/records");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var record = json.RootElement[0];
        Assert.Equal("en", record.GetProperty("language").GetString());
        Assert.Equal("Summary api.", record.GetProperty("summary").GetProperty("source").GetString());
        Assert.Equal("Resumen api.", record.GetProperty("summary").GetProperty("es").GetString());
        Assert.Equal("<p>Resumen api.</p>", record.GetProperty("summaryHtml").GetProperty("es").GetString()!.Trim());
        var section = record.GetProperty("sections")[0];
        Assert.Equal("Sección api", section.GetProperty("heading").GetProperty("es").GetString());
        Assert.Contains("<strong>api</strong>", section.GetProperty("bodyHtml").GetProperty("es").GetString());
        Assert.Contains("<li>primero</li>", section.GetProperty("bodyHtml").GetProperty("es").GetString());
        Assert.Equal("Acción api", section.GetProperty("outcomes")[0].GetProperty("text").GetProperty("es").GetString());
    }

    [Fact]
    public async Task A_new_version_keeps_the_translations_as_texts_of_its_own()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var number = await SpanishRecordAsync(s, "versión");
        await using (var db = kit.Db())
        {
            var record = await db.MeetingRecords.SingleAsync(r => r.MeetingId == s.Meeting && r.Number == number);
            record.Summary.Official = "es";
            await db.SaveChangesAsync();
        }
        var (cookie, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Coordinator);
        var url = $"/meetings/{s.Meeting}/records/{number}";
        var view = await kit.OpenAsync(url, cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"{url}?handler=NewVersion", view, ("Version", "0"))).StatusCode);

        var copy = await LoadAsync(s.Meeting, number + 1);
        Assert.Equal((RecordStatus.Draft, "Resumen versión.", "es"), (copy.Status, copy.Summary.Es, copy.Summary.Official));
        var section = copy.Sections.Single();
        Assert.Equal(("Sección versión", "Cuerpo **versión**:\n\n- primero\n- segundo", "Acción versión"),
            (section.Heading.Es, section.Body.Es, section.Outcomes.Single().Text.Es));

        // Translating the draft leaves the approved version as it was.
        var edit = await kit.OpenAsync($"/meetings/{s.Meeting}/records/{number + 1}/edit", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"/meetings/{s.Meeting}/records/{number + 1}/edit", edit,
            With(Fields(edit.Page), ("Summary.Es", "Resumen corregido."), ("Command", "save")))).StatusCode);
        Assert.Equal("Resumen corregido.", (await LoadAsync(s.Meeting, number + 1)).Summary.Es);
        Assert.Equal("Resumen versión.", (await LoadAsync(s.Meeting, number)).Summary.Es);
    }
}

public sealed class SqliteRecordTranslationTests(SqliteApp app) : RecordTranslationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRecordTranslationTests(PostgresApp app) : RecordTranslationTests(app), IClassFixture<PostgresApp>;
