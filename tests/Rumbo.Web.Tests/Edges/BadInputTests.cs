using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.TestSupport;
using Rumbo.Web.Tests.Documents;
using Rumbo.Web.Tests.Meetings;

namespace Rumbo.Web.Tests.Edges;

/// <summary>
/// Input at the edges never ends in a 500: dates far in the past or future in forms, filters, series and tokens are
/// refused by their field (or with a 400 by the API), a multipart body cut in the middle answers 400, an Office file
/// whose parts cannot be read is refused as damaged, and two registrations of the same person at once make one.
/// Nothing is written by any of them.
/// </summary>
public abstract class BadInputTests(RumboApp app)
{
    private const string Outside = "Enter a date from 1900-01-01 to 2200-12-31.";

    private readonly MeetingClient c = new(app);

    private static readonly HtmlParser Parser = new();

    private static (string, string)[] MeetingFields(string date, params (string, string)[] more) =>
    [
        .. new (string, string)[]
        {
            ("Form.Kind", "ThematicSeminar"), ("Form.Title.Source", "Far away"), ("Form.Format", "InPerson"), ("Form.Date", date), ("Form.Time", "23:30"),
            ("Form.TimeZone", "America/Santiago"), ("Form.DurationMinutes", "120"), ("Form.City", "Santiago"), ("Form.Access", "Public"), ("Repeat", "Never"),
        }.Where(d => more.All(m => m.Item1 != d.Item1)),
        .. more,
    ];

    private async Task<int> CountAsync<T>(Func<Rumbo.Core.Data.RumboDbContext, IQueryable<T>> set)
    {
        await using var db = app.Database.CreateContext();
        return await set(db).CountAsync();
    }

    public static TheoryData<string, string, string[]> FarMeetings => new()
    {
        // The first two answered 500 before: the UTC start, or the series, left what DateTime holds.
        { "9999-12-31", "Form_Date-error", [] },
        { "9999-01-01", "Form_Date-error", ["Repeat", "MonthlyByDay", "Interval", "12", "Count", "52"] },
        // These were scheduled in year 1 or until 9999.
        { "0001-01-01", "Form_Date-error", [] },
        { "0001-01-01", "Form_Date-error", ["Repeat", "Weekly", "Interval", "1", "Count", "3"] },
        { "2030-01-01", "Until-error", ["Repeat", "Weekly", "Interval", "1", "Until", "9999-12-31"] },
        { "1899-12-31", "Form_Date-error", [] },
    };

    [Theory]
    [MemberData(nameof(FarMeetings))]
    public async Task A_meeting_or_series_far_in_the_past_or_future_is_refused_by_its_field_and_nothing_is_scheduled(string date, string errorId, string[] more)
    {
        var s = await GroupScenario.SharedAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var url = $"/groups/{s.Complete}/meetings/new";
        var form = await c.OpenAsync(url, cookie);
        var extra = more.Chunk(2).Select(p => (p[0], p[1])).ToArray();
        var before = (await CountAsync(db => db.Meetings), await CountAsync(db => db.MeetingSeries), await CountAsync(db => db.AuditEntries));

        var response = await c.PostAsync(url, form, MeetingFields(date, extra));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(Outside, (await MeetingClient.ParseAsync(response)).QuerySelector($"#{errorId}")?.TextContent.Trim());
        Assert.Equal(before, (await CountAsync(db => db.Meetings), await CountAsync(db => db.MeetingSeries), await CountAsync(db => db.AuditEntries)));
    }

    [Fact]
    public async Task An_existing_meeting_moved_to_year_9999_is_refused_by_its_field_and_keeps_its_date()
    {
        var m = await MeetingScenario.CreateAsync(app.Database);
        var secretariat = await c.SecretariatAsync();
        var url = $"/meetings/{m.Open}/edit";
        var form = await c.OpenAsync(url, secretariat);
        var fields = MeetingFields("9999-12-31");
        await using var before = app.Database.CreateContext();
        var start = (await before.Meetings.AsNoTracking().SingleAsync(x => x.Id == m.Open)).StartsAtUtc;

        var response = await c.PostAsync(url, form, fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(Outside, (await MeetingClient.ParseAsync(response)).QuerySelector("#Form_Date-error")?.TextContent.Trim());
        await using var after = app.Database.CreateContext();
        Assert.Equal(start, (await after.Meetings.AsNoTracking().SingleAsync(x => x.Id == m.Open)).StartsAtUtc);
    }

    [Fact]
    public async Task A_token_that_would_expire_in_year_9999_is_refused_by_its_field_and_none_is_made()
    {
        // It answered 500 before: the day after 9999-12-31 does not exist.
        var cookie = await SignedIn.CookieAsync(app);
        var form = await c.OpenAsync("/account/tokens", cookie);
        var before = await CountAsync(db => db.AccessTokens);

        foreach (var far in new[] { "9999-12-31", "2201-01-01" })
        {
            var response = await c.PostAsync("/account/tokens?handler=Create", form, ("Name", "far"), ("ExpiresOn", far));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await MeetingClient.ParseAsync(response);
            Assert.Equal(Outside, page.QuerySelector("#ExpiresOn-error")?.TextContent.Trim());
            Assert.Null(page.QuerySelector("#new-token"));
        }
        Assert.Equal(before, await CountAsync(db => db.AccessTokens));
    }

    [Theory]
    // These were stored as they came; the mistyped one erased the date the agenda had.
    [InlineData("0001-01-01", "Enter a date from 1900-01-01 to 2200-12-31.")]
    [InlineData("9999-12-31", "Enter a date from 1900-01-01 to 2200-12-31.")]
    [InlineData("1899-12-31", "Enter a date from 1900-01-01 to 2200-12-31.")]
    [InlineData("2025-13-45", "Enter a date as year, month and day.")]
    public async Task An_agenda_dated_far_away_or_mistyped_is_refused_by_its_field_and_keeps_its_date(string date, string message)
    {
        const string url = "/agendas/lc-crp-20-6/edit";
        var secretariat = await c.SecretariatAsync();
        var form = await c.OpenAsync(url, secretariat);
        string Value(string id) => form.Page.GetElementById(id)!.GetAttribute("value") ?? form.Page.GetElementById(id)!.TextContent;
        await using var before = app.Database.CreateContext();
        var stored = await before.Agendas.AsNoTracking().Where(a => a.Slug == "lc-crp-20-6").Select(a => new { a.Date, a.Version, a.Place }).SingleAsync();
        var audit = await CountAsync(db => db.AuditEntries);

        var response = await c.PostAsync(url, form,
            ("Title.Source", Value("Title_Source")), ("AdoptingBody.Source", Value("AdoptingBody_Source")), ("Meeting.Source", Value("Meeting_Source")),
            ("Description.Source", Value("Description_Source")), ("FollowUpMechanism.Source", Value("FollowUpMechanism_Source")),
            ("Status", "Adopted"), ("Place", "Somewhere else"), ("Date", date));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await MeetingClient.ParseAsync(response);
        Assert.Equal(message, page.QuerySelector("#Date-error")?.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#Date")!.GetAttribute("aria-invalid"));
        Assert.Equal("Date-error", page.QuerySelector("#Date")!.GetAttribute("aria-describedby"));
        await using var after = app.Database.CreateContext();
        Assert.Equal(stored, await after.Agendas.AsNoTracking().Where(a => a.Slug == "lc-crp-20-6").Select(a => new { a.Date, a.Version, a.Place }).SingleAsync());
        Assert.Equal(audit, await CountAsync(db => db.AuditEntries));
    }

    [Theory]
    // These were recorded as the plan's adoption.
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2201-01-01")]
    public async Task A_plan_adopted_far_in_the_past_or_future_is_refused_by_its_field_and_stays_a_draft(string date)
    {
        var s = await GroupScenario.SharedAsync(app.Database);
        var id = await PlanScenario.CreatePlanAsync(app.Database, s.Complete);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var url = $"/plans/{id}/edit";
        var form = await c.OpenAsync(url, cookie);

        var response = await c.PostAsync($"{url}?handler=Adopt", form, ("Adoption.AdoptedOn", date), ("Adoption.Note", "Adopted by the plenary."));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(Outside, (await MeetingClient.ParseAsync(response)).QuerySelector("#Adoption_AdoptedOn-error")?.TextContent.Trim());
        await using var db = app.Database.CreateContext();
        var plan = await db.WorkPlans.AsNoTracking().SingleAsync(p => p.Id == id);
        Assert.Equal((Rumbo.Core.Plans.PlanStatus.Draft, (DateOnly?)null), (plan.Status, plan.AdoptedOn));
    }

    [Theory]
    // from=0001-01-01 answered 500 before: the filter looks a week back for meetings under way.
    [InlineData("from=0001-01-01", "Invalid from")]
    [InlineData("from=0001-01-01T00:00:00-05:00", "Invalid from")]
    [InlineData("to=9999-12-31", "Invalid to")]
    [InlineData("from=9999-12-31T23:59:59Z", "Invalid from")]
    public async Task The_meetings_api_refuses_a_period_outside_the_bounds_with_400(string query, string title)
    {
        var response = await c.Http.GetAsync($"/api/v1/meetings?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Contains("1900-01-01 to 2200-12-31", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await c.Http.GetAsync("/api/v1/meetings?from=1900-01-01&to=2200-12-31")).StatusCode);
    }

    [Fact]
    public async Task Page_filters_far_out_answer_the_page_and_the_audit_trail_says_so_by_the_field()
    {
        var s = await GroupScenario.SharedAsync(app.Database);
        Assert.Equal(HttpStatusCode.OK, (await c.Http.GetAsync("/meetings?period=all&page=2147483647")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Http.GetAsync($"/groups/{s.Complete}/documents?year=99999")).StatusCode);

        // It answered 500 before: the day after 9999-12-31 does not exist.
        var secretariat = await c.SecretariatAsync();
        var response = await c.Http.GetAsync("/admin/audit?from=0001-01-01&to=9999-12-31", secretariat);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(Outside, page.QuerySelector("#from-error")?.TextContent.Trim());
        Assert.Equal(Outside, page.QuerySelector("#to-error")?.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#to")!.GetAttribute("aria-invalid"));
        // The filter that is out of bounds filters nothing: the trail is listed.
        Assert.NotEmpty(page.QuerySelectorAll("table.audit tbody tr"));
    }

    [Fact]
    public async Task A_multipart_body_cut_in_the_middle_answers_400_on_the_page_and_the_api_and_stores_nothing()
    {
        // Both answered 500 before.
        var s = await GroupScenario.SharedAsync(app.Database);
        var (cookie, userId) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var t = new DocumentTestClient(app, c.Http);
        var token = await t.TokenAsync(userId);
        var before = await t.StoredAsync();
        var form = await t.OpenAsync($"/groups/{s.Complete}/documents", cookie);

        foreach (var cut in new[] { 0.3, 0.6, 0.95 })
        {
            var page = DocumentTestClient.Multipart(DocumentTestClient.Fields("Cut").Append(new("__RequestVerificationToken", form.Token)), ("File", "cut.pdf", DocumentFiles.Pdf("Cut")));
            using var pageRequest = new HttpRequestMessage(HttpMethod.Post, $"/groups/{s.Complete}/documents") { Content = await Cut(page, cut) };
            pageRequest.Headers.Add("Cookie", form.Cookies);
            var pageResponse = await c.Http.SendAsync(pageRequest);
            Assert.Equal(HttpStatusCode.BadRequest, pageResponse.StatusCode);
            Assert.Equal("text/html", pageResponse.Content.Headers.ContentType?.MediaType);

            var api = DocumentTestClient.Multipart(DocumentTestClient.ApiFields(s.Complete, "Cut"), ("file", "cut.pdf", DocumentFiles.Pdf("Cut")));
            using var apiRequest = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents") { Content = await Cut(api, cut) };
            apiRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var apiResponse = await c.Http.SendAsync(apiRequest);
            Assert.Equal(HttpStatusCode.BadRequest, apiResponse.StatusCode);
            Assert.Equal("application/problem+json", apiResponse.Content.Headers.ContentType?.MediaType);
        }
        // A cut form that is not a file upload is refused the same way.
        var signOut = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nhal"));
        signOut.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        Assert.Equal(HttpStatusCode.BadRequest, (await c.Http.PostAsync("/account/sign-in", signOut)).StatusCode);
        Assert.Equal(before, await t.StoredAsync());
    }

    private static async Task<HttpContent> Cut(HttpContent whole, double fraction)
    {
        var bytes = await whole.ReadAsByteArrayAsync();
        var cut = new ByteArrayContent(bytes[..(int)(bytes.Length * fraction)]);
        cut.Headers.ContentType = whole.Headers.ContentType;
        return cut;
    }

    public static TheoryData<string, string> Damaged => new()
    {
        // These were stored without their text, though they would not open.
        { "report.docx", "docx-garbage" },
        { "report.docx", "docx-not-word" },
        { "table.xlsx", "xlsx-garbage" },
        { "report.odt", "odt-garbage" },
        // These were refused already.
        { "report.docx", "not-a-zip" },
        { "report.docx", "docx-cut" },
        { "table.xlsx", "garbage-zip" },
    };

    [Theory]
    [MemberData(nameof(Damaged))]
    public async Task An_office_file_whose_parts_cannot_be_read_is_refused_as_damaged_and_nothing_is_stored(string fileName, string kind)
    {
        var s = await GroupScenario.SharedAsync(app.Database);
        var (cookie, userId) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var t = new DocumentTestClient(app, c.Http);
        var docx = DocumentFiles.Docx("A report that opens.");
        var bytes = kind switch
        {
            "docx-garbage" => WithEntry(docx, "word/document.xml", "\0\0 not xml <<<"),
            "docx-not-word" => WithEntry(docx, "word/document.xml", "<?xml version=\"1.0\"?><a><b/></a>"),
            "xlsx-garbage" => WithEntry(Xlsx(), "xl/workbook.xml", "<<< not xml"),
            "odt-garbage" => WithEntry(DocumentFiles.Odt("An OpenDocument text."), "content.xml", "<<< not xml"),
            "not-a-zip" => Encoding.UTF8.GetBytes("Just some text, not a zip at all."),
            "docx-cut" => docx[..(docx.Length / 2)],
            _ => GarbageZip(),
        };
        var token = await t.TokenAsync(userId);
        var before = await t.StoredAsync();

        var page = await t.UploadAsync(s.Complete, cookie, bytes, fileName, DocumentTestClient.Fields("Damaged"));
        Assert.True(page.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.UnsupportedMediaType, $"the page answered {(int)page.StatusCode}");
        Assert.NotEmpty(Parser.ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector("#File-error")?.TextContent.Trim() ?? "");

        var api = await t.ApiUploadAsync(token, DocumentTestClient.ApiFields(s.Complete, "Damaged"), bytes, fileName);
        Assert.True(api.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.UnsupportedMediaType, $"the api answered {(int)api.StatusCode}");
        Assert.Equal(before, await t.StoredAsync());
        if (kind.EndsWith("garbage", StringComparison.Ordinal) || kind == "docx-not-word")
        {
            Assert.Contains("damaged", Parser.ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector("#File-error")!.TextContent);
        }
    }

    [Fact]
    public async Task A_valid_empty_spreadsheet_is_still_taken()
    {
        var s = await GroupScenario.SharedAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var t = new DocumentTestClient(app, c.Http);
        await t.UploadOkAsync(s.Complete, cookie, Xlsx(), "empty.xlsx", DocumentTestClient.Fields("Empty table"));
    }

    private static byte[] WithEntry(byte[] zip, string name, string text)
    {
        using var ms = new MemoryStream();
        ms.Write(zip);
        using (var archive = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            archive.GetEntry(name)!.Delete();
            using var w = new StreamWriter(archive.CreateEntry(name).Open());
            w.Write(text);
        }
        return ms.ToArray();
    }

    private static byte[] Xlsx()
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
            wb.Workbook.Save();
        }
        return ms.ToArray();
    }

    private static byte[] GarbageZip()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("[Content_Types].xml", "not xml <<<"), ("_rels/.rels", "<<<"), ("xl/workbook.xml", "\0garbage") })
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(text);
            }
        }
        return ms.ToArray();
    }

    [Fact]
    public async Task Two_registrations_of_the_same_person_at_once_make_one_and_neither_fails()
    {
        var m = await MeetingScenario.CreateAsync(app.Database);
        var (cookie, personId) = await c.PersonAsync(countryCode: m.Groups.CountryA);
        var form = await c.OpenAsync($"/meetings/{m.Open}", cookie);

        // The same form sent several times at once, as a double click or a retrying connection does.
        for (var round = 0; round < 3; round++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => c.PostAsync($"/meetings/{m.Open}?handler=Register", form)));
            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.UnprocessableEntity, $"answered {(int)r.StatusCode}"));
            Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
            await using (var db = app.Database.CreateContext())
            {
                var rows = await db.MeetingParticipants.AsNoTracking().Where(p => p.MeetingId == m.Open && p.PersonId == personId).ToListAsync();
                Assert.NotNull(Assert.Single(rows).RegisteredAtUtc);
                // Gone again, so that the next round races for a new row too.
                db.MeetingParticipants.RemoveRange(await db.MeetingParticipants.Where(p => p.MeetingId == m.Open && p.PersonId == personId).ToListAsync());
                await db.SaveChangesAsync();
            }
        }
    }
}

public sealed class SqliteBadInputTests(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBadInputTests(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;
