using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Rumbo.Core.Accounts;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.Core.People;
using Rumbo.Core.Records;
using Rumbo.TestSupport;
using Rumbo.Web.Pages.Admin.Audit;

namespace Rumbo.Web.Tests.Admin;

/// <summary>
/// The audit trail reads as a person would say it: records by name with a link, fields by their labels, statuses by
/// their words, times in the reader's zone, kinds in the reader's language.
/// </summary>
public abstract class ReadableAuditTests(RumboApp app)
{
    // Starting the site migrates its database, which the tests fill before their first request.
    private readonly IServiceProvider started = app.Services;

    // 02:30 UTC on the 16th is 22:30 on the 15th in Santiago (UTC-4 in July): the day differs between the two.
    private static readonly DateTimeOffset Now = new(2026, 7, 16, 2, 30, 9, TimeSpan.Zero);
    private const string SantiagoTime = "2026-07-15 22:30:09 (UTC\u221204:00)";

    private WebApplicationFactory<Program> Site() => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("Rumbo:TimeZone", "America/Santiago");
        b.ConfigureServices(s => s.AddSingleton<TimeProvider>(new FixedClock(Now)));
    });

    private sealed record Form(string Cookies, string Token, IHtmlDocument Page);

    private static async Task<Form> OpenAsync(HttpClient http, string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        var response = await http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var antiforgery = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        return new Form($"{cookie}; {antiforgery}", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!, page);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string url, Form form, IEnumerable<(string Name, string Value)> fields)
    {
        var body = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", form.Token) };
        body.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(body) };
        request.Headers.Add("Cookie", form.Cookies);
        return await http.SendAsync(request);
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient http, string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        return new HtmlParser().ParseDocument(body);
    }

    private static List<AngleSharp.Dom.IElement> Rows(IHtmlDocument page) => page.QuerySelectorAll("table.audit tbody tr").ToList();

    private static AngleSharp.Dom.IElement Change(AngleSharp.Dom.IElement row, string label) =>
        row.QuerySelectorAll("dl.changes > div").Single(d => d.QuerySelector("dt")!.TextContent == label);

    /// <summary>A meeting renamed and its minutes approved through their pages, by a coordinator, on the fixed clock.</summary>
    private async Task<(RecordsScenario Scenario, int RecordId, int Coordinator)> EditedAsync(HttpClient http)
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var number = await s.AddRecordAsync(app.Database, RecordStatus.Draft, Visibility.Members, "audited");
        var (coordinator, coordinatorUser) = await SignedIn.CoordinatorAsync(app, s.Groups.Complete);

        var edit = await OpenAsync(http, $"/meetings/{s.Meeting}/edit", coordinator);
        var fields = edit.Page.QuerySelectorAll("form.meeting-form input[name], form.meeting-form select[name], form.meeting-form textarea[name]")
            .Where(e => e.GetAttribute("name") is not "__RequestVerificationToken")
            .Where(e => e.GetAttribute("type") is not ("radio" or "checkbox") || e.HasAttribute("checked"))
            .Select(e => (Name: e.GetAttribute("name")!, Value: e is IHtmlSelectElement sel ? sel.Value ?? "" : e is IHtmlTextAreaElement ta ? ta.Value : e.GetAttribute("value") ?? ""))
            .Where(f => f.Name is not ("Form.Title.Source" or "Form.OnlineUrl"))
            // The scenario's virtual meeting has no link yet, which the form asks for.
            .Append(("Form.Title.Source", "Audited working meeting")).Append(("Form.OnlineUrl", "https://meet.example.org/audited"));
        var renamed = await PostAsync(http, $"/meetings/{s.Meeting}/edit", edit, fields);
        Assert.True(HttpStatusCode.Redirect == renamed.StatusCode, string.Join("; ", new HtmlParser().ParseDocument(await renamed.Content.ReadAsStringAsync()).QuerySelectorAll("[aria-invalid=true]").Select(e => e.GetAttribute("name"))));

        var url = $"/meetings/{s.Meeting}/records/{number}";
        var view = await OpenAsync(http, url, coordinator);
        var approved = await PostAsync(http, $"{url}?handler=Approve", view, [("Version", "0"), ("Dissemination", "Members")]);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        await using var db = app.Database.CreateContext();
        var recordId = await db.MeetingRecords.Where(r => r.MeetingId == s.Meeting && r.Number == number).Select(r => r.Id).SingleAsync();
        Assert.Equal(RecordStatus.Approved, await db.MeetingRecords.Where(r => r.Id == recordId).Select(r => r.Status).SingleAsync());
        return (s, recordId, coordinatorUser);
    }

    [Fact]
    public async Task An_edited_meeting_and_an_approved_record_read_by_name_label_word_and_local_time()
    {
        await using var site = Site();
        var http = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var (s, recordId, coordinator) = await EditedAsync(http);
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);

        var meeting = await PageAsync(http, $"/admin/audit?type=Meeting&id={s.Meeting}", admin);
        var renamed = Rows(meeting)[0];
        Assert.Contains("Updated", renamed.TextContent);
        var link = renamed.QuerySelector("th.subject a")!;
        Assert.Equal($"/meetings/{s.Meeting}", link.GetAttribute("href"));
        Assert.Equal("Audited working meeting", link.TextContent);
        Assert.Equal("Meeting", renamed.QuerySelector("th.subject .kind")!.TextContent);
        Assert.Equal(SantiagoTime, renamed.QuerySelector("td time")!.TextContent);
        int coordinatorPerson;
        await using (var db = app.Database.CreateContext()) coordinatorPerson = (await db.Users.Where(u => u.Id == coordinator).Select(u => u.PersonId).SingleAsync())!.Value;
        Assert.Equal($"/people/{coordinatorPerson}", renamed.QuerySelectorAll("td")[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("2026-07-16T02:30:09Z", renamed.QuerySelector("td time")!.GetAttribute("datetime"));
        var title = Change(renamed, "Title (original text)");
        Assert.Equal("Audited working meeting", title.QuerySelector("ins")!.TextContent);
        Assert.StartsWith("Second working meeting", title.QuerySelector("del")!.TextContent);
        Assert.DoesNotContain("Title.Source", renamed.TextContent);
        Assert.Contains("Audited working meeting", meeting.QuerySelector("h1")!.TextContent);

        var record = await PageAsync(http, $"/admin/audit?type=MeetingRecord&id={recordId}", admin);
        var approval = Rows(record)[0];
        Assert.Equal($"/meetings/{s.Meeting}/records/1", approval.QuerySelector("th.subject a")!.GetAttribute("href"));
        var status = Change(approval, "Status");
        Assert.Equal("Draft", status.QuerySelector("del")!.TextContent);
        Assert.Equal("Approved", status.QuerySelector("ins")!.TextContent);
        Assert.Equal(SantiagoTime, Change(approval, "Approved on").QuerySelector("ins time")!.TextContent);
        Assert.DoesNotContain("ApprovedAtUtc", approval.TextContent);

        // In Spanish: the kind, the label and the status in Spanish, the filter's kinds too.
        var es = await PageAsync(http, $"/admin/audit?type=MeetingRecord&id={recordId}&culture=es", admin);
        var aprobado = Rows(es)[0];
        Assert.Equal("Acta o ayuda memoria", aprobado.QuerySelector("th.subject .kind")!.TextContent);
        Assert.Equal("Aprobado", Change(aprobado, "Estado").QuerySelector("ins")!.TextContent);
        Assert.Equal("inglés", Change(Rows(es)[1], "Idioma del registro").QuerySelector("ins")!.TextContent);
        Assert.Equal("Acta o ayuda memoria", es.QuerySelector("select#type option[selected]")!.TextContent);
        Assert.Contains(es.QuerySelectorAll("select#type option"), o => o.GetAttribute("value") == "Meeting" && o.TextContent == "Reunión");
    }

    [Fact]
    public async Task A_reader_with_a_zone_of_their_own_reads_times_in_it_and_the_day_filters_are_days_of_that_zone()
    {
        await using var site = Site();
        var http = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var (s, _, _) = await EditedAsync(http);
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var history = $"/admin/audit?type=Meeting&id={s.Meeting}";

        // Santiago: the change was on the 15th, though it was already the 16th in UTC.
        Assert.Single(Rows(await PageAsync(http, $"{history}&from=2026-07-15&to=2026-07-15", admin)), r => r.TextContent.Contains("Updated"));
        Assert.DoesNotContain(Rows(await PageAsync(http, $"{history}&from=2026-07-16", admin)), r => r.TextContent.Contains("Updated"));

        // Madrid, chosen by the reader: the same change at 04:30 on the 16th.
        await using (var db = app.Database.CreateContext())
        {
            var secretariat = await db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.SecretariatAdmin), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId).ToListAsync();
            foreach (var user in await db.Users.Where(u => secretariat.Contains(u.Id)).ToListAsync()) user.TimeZone = "Europe/Madrid";
            await db.SaveChangesAsync();
        }
        var madrid = await PageAsync(http, $"{history}&from=2026-07-16&to=2026-07-16", admin);
        var row = Assert.Single(Rows(madrid), r => r.TextContent.Contains("Updated"));
        Assert.Equal("2026-07-16 04:30:09 (CEST, UTC+02:00)", row.QuerySelector("td time")!.TextContent);
        Assert.DoesNotContain(Rows(await PageAsync(http, $"{history}&to=2026-07-15", admin)), r => r.TextContent.Contains("Updated"));
    }

    [Fact]
    public async Task A_deleted_record_is_named_by_its_last_values_and_not_linked()
    {
        int id;
        await using (var db = app.Database.CreateContext())
        {
            var person = new Person { GivenName = "Gone", FamilyName = $"Person {Guid.NewGuid():n}"[..14], IsExample = true };
            db.People.Add(person);
            await db.SaveChangesAsync();
            id = person.Id;
            db.People.Remove(person);
            await db.SaveChangesAsync();
        }
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        await using var site = Site();
        var http = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await PageAsync(http, $"/admin/audit?type=Person&id={id}", admin);
        var rows = Rows(page);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Null(r.QuerySelector("th.subject a:not(.history)"));
            Assert.StartsWith("Gone Person", r.QuerySelector("th.subject span:not(.kind)")!.TextContent);
            Assert.EndsWith("(deleted)", r.QuerySelector("th.subject span:not(.kind)")!.TextContent);
        });
        // An id the trail never held answers an empty history, not an error.
        var unknown = await PageAsync(http, "/admin/audit?type=Person&id=999999999", admin);
        Assert.Empty(Rows(unknown));
    }

    [Fact]
    public async Task A_participants_role_and_a_foreign_key_show_words_and_names()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        int memberId;
        await using (var db = app.Database.CreateContext())
        {
            var person = new Person { GivenName = "Named", FamilyName = "Member", IsExample = true };
            var member = new GroupMember { GroupId = s.CompleteId, Person = person, Role = GroupRole.Coordinator };
            db.GroupMembers.Add(member);
            await db.SaveChangesAsync();
            memberId = member.Id;
        }
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        await using var site = Site();
        var http = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var row = Assert.Single(Rows(await PageAsync(http, $"/admin/audit?type=GroupMember&id={memberId}", admin)));
        Assert.Equal("Coordinator", Change(row, "Role").QuerySelector("ins")!.TextContent);
        var group = Change(row, "Group").QuerySelector("ins a")!;
        Assert.Equal($"/groups/{s.Groups.Complete}", group.GetAttribute("href"));
        Assert.DoesNotMatch("^[0-9]+$", group.TextContent);
        Assert.Equal("Named Member", row.QuerySelector("th.subject a")!.TextContent);
        Assert.Equal("Member of a group", row.QuerySelector("th.subject .kind")!.TextContent);
    }

    [Fact]
    public void Every_kind_label_and_status_the_trail_can_show_has_its_Spanish()
    {
        var localizer = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<Rumbo.Core.Data.RumboDbContext>().Model;
        var audited = model.GetEntityTypes().Where(e => !e.IsOwned() && !Rumbo.Core.Data.RumboDbContext.Unaudited.Contains(e.ClrType)).ToList();
        // Every kind of record the context audits has its word, and every enum of theirs its words.
        var unnamed = audited.Select(e => e.ClrType.Name).Where(n => !AuditText.Kinds.Contains(n)).ToList();
        Assert.True(unnamed.Count == 0, "kinds with no word: " + string.Join(", ", unnamed));
        // Every field the trail can hold has a label of its own (a text's languages are named after its label).
        var unlabelled = audited.SelectMany(e => e.GetProperties().Where(p => !p.IsPrimaryKey() || p.IsForeignKey()).Select(p => (Kind: e.ClrType.Name, Field: p.Name))
                .Concat(e.GetComplexProperties().Select(c => (Kind: e.ClrType.Name, Field: c.Name))))
            .Where(f => !AuditText.HasLabel(f.Kind, f.Field)).Select(f => $"{f.Kind}.{f.Field}").Distinct().ToList();
        Assert.True(unlabelled.Count == 0, "fields with no label: " + string.Join(", ", unlabelled));
        var enums = audited.SelectMany(e => e.GetProperties()).Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)
            .Where(t => t.IsEnum).Distinct().ToList();
        Assert.NotEmpty(enums);
        var keys = AuditText.Kinds.Select(k => "entity:" + k)
            .Concat(AuditText.Labels.Values.Distinct())
            .Concat(enums.SelectMany(t => Enum.GetNames(t).Select(n => t == typeof(InvitationGrant) ? $"grant:{n}" : $"{t.Name}:{n}")))
            .Concat(["Yes", "No", "(deleted)", "original text", "English", "Spanish", "Portuguese", "French"])
            .ToList();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("es");
            var missing = keys.Where(k => localizer[k].ResourceNotFound).ToList();
            Assert.True(missing.Count == 0, "no Spanish for: " + string.Join(", ", missing));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class SqliteReadableAuditTests(SqliteApp app) : ReadableAuditTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReadableAuditTests(PostgresApp app) : ReadableAuditTests(app), IClassFixture<PostgresApp>;
