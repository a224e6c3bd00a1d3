using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Auditing;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Agendas;

/// <summary>The secretariat edits agendas; nobody else can, and a stale edit never overwrites a newer one.</summary>
public abstract partial class EditingTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Opens a form as the given user and returns what a browser would send back: cookies, token, version.</summary>
    private async Task<(string Cookies, string Token, string Version, AngleSharp.Html.Dom.IHtmlDocument Page)> OpenAsync(string url, string cookie)
    {
        var response = await client.GetAsync(url, cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var antiforgery = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)) : throw new Xunit.Sdk.XunitException("no antiforgery cookie");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        return ($"{cookie}; {antiforgery}", token, version, page);
    }

    private async Task<HttpResponseMessage> PostAsync(string url, string cookies, IEnumerable<KeyValuePair<string, string>> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }

    private async Task<string> LineText(string code, string field = "Source")
    {
        await using var db = app.Database.CreateContext();
        var line = await db.Lines.AsNoTracking().SingleAsync(l => l.Code == code && l.Agenda!.Slug == "lc-crp-20-6");
        return field == "Es" ? line.Text.Es ?? "" : line.Text.Source;
    }

    [Fact]
    public async Task The_secretariat_adds_a_translation_and_it_is_audited_under_their_name()
    {
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var form = await OpenAsync("/agendas/lc-crp-20-6/lines/1.2.2/edit", admin);
        var source = await LineText("1.2.2");
        var response = await PostAsync("/agendas/lc-crp-20-6/lines/1.2.2/edit", form.Cookies,
        [
            new("__RequestVerificationToken", form.Token), new("Version", form.Version),
            new("Text.Source", source), new("Text.Es", "Fomentar la comunicación  abierta y horizontal."),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agendas/lc-crp-20-6/lines/1.2.2", response.Headers.Location?.OriginalString);
        Assert.Equal("Fomentar la comunicación abierta y horizontal.", await LineText("1.2.2", "Es"));

        await using var db = app.Database.CreateContext();
        var id = (await db.Lines.SingleAsync(l => l.Code == "1.2.2" && l.Agenda!.Slug == "lc-crp-20-6")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.EntityType == "LineOfAction" && a.EntityId == id);
        Assert.Equal(AuditAction.Updated, entry.Action);
        Assert.StartsWith("member-", entry.Actor);
        Assert.NotNull(entry.UserId);

        // The public page shows the translation to Spanish readers.
        var page = await client.GetPageAsync("/agendas/lc-crp-20-6/lines/1.2.2", "es");
        Assert.Equal("Fomentar la comunicación abierta y horizontal.", page.QuerySelector(".line-statement")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_stale_edit_answers_409_and_saves_nothing()
    {
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var first = await OpenAsync("/agendas/lc-crp-20-6/lines/1.2.4/edit", admin);
        var second = await OpenAsync("/agendas/lc-crp-20-6/lines/1.2.4/edit", admin);
        var source = await LineText("1.2.4");
        var saved = await PostAsync("/agendas/lc-crp-20-6/lines/1.2.4/edit", first.Cookies,
            [new("__RequestVerificationToken", first.Token), new("Version", first.Version), new("Text.Source", source), new("Text.Es", "Primera edición")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var stale = await PostAsync("/agendas/lc-crp-20-6/lines/1.2.4/edit", second.Cookies,
            [new("__RequestVerificationToken", second.Token), new("Version", second.Version), new("Text.Source", source), new("Text.Es", "Segunda edición")]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else saved this agenda", await stale.Content.ReadAsStringAsync());
        Assert.Equal("Primera edición", await LineText("1.2.4", "Es"));
    }

    [Fact]
    public async Task An_empty_text_is_refused_by_the_field_and_changes_nothing()
    {
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var form = await OpenAsync("/agendas/lc-crp-20-6/lines/1.2.1/edit", admin);
        var before = await LineText("1.2.1");
        var response = await PostAsync("/agendas/lc-crp-20-6/lines/1.2.1/edit", form.Cookies,
            [new("__RequestVerificationToken", form.Token), new("Version", form.Version), new("Text.Source", "   ")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("true", page.GetElementById("Text_Source")!.GetAttribute("aria-invalid"));
        Assert.Equal("The text is required.", page.GetElementById("Text_Source-error")!.TextContent.Trim());
        Assert.Equal(before, await LineText("1.2.1"));
    }

    [Fact]
    public async Task Adding_a_line_takes_the_next_code_and_moving_it_keeps_its_code()
    {
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var form = await OpenAsync("/agendas/lc-crp-20-6/objectives/2.4/edit", admin);
        var added = await PostAsync("/agendas/lc-crp-20-6/objectives/2.4/edit?handler=AddLine", form.Cookies,
            [new("__RequestVerificationToken", form.Token), new("Version", form.Version), new("NewLine.Source", "Map political risks of long-term plans.")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/agendas/lc-crp-20-6/lines/2.4.2", added.Headers.Location?.OriginalString);

        var again = await OpenAsync("/agendas/lc-crp-20-6/objectives/2.4/edit", admin);
        var moved = await PostAsync("/agendas/lc-crp-20-6/lines/2.4.2/edit?handler=move&by=-1", again.Cookies,
            [new("__RequestVerificationToken", again.Token), new("Version", again.Version)]);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var page = await client.GetPageAsync("/agendas/lc-crp-20-6");
        var codes = page.QuerySelectorAll("#objective-2-4 ol.lines > li a.code").Select(a => a.TextContent).ToList();
        Assert.Equal(["2.4.2", "2.4.1"], codes);
        Assert.Equal("Map political risks of long-term plans.", (await client.GetPageAsync("/agendas/lc-crp-20-6/lines/2.4.2")).QuerySelector(".line-statement")!.TextContent.Trim());
    }

    [Fact]
    public async Task Moving_an_objective_changes_its_place_not_its_code()
    {
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var form = await OpenAsync("/agendas/lc-crp-20-6/edit", admin);
        var moved = await PostAsync("/agendas/lc-crp-20-6/objectives/4.5/edit?handler=move&by=1", form.Cookies,
            [new("__RequestVerificationToken", form.Token), new("Version", form.Version)]);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var page = await client.GetPageAsync("/agendas/lc-crp-20-6");
        var codes = page.QuerySelectorAll("#area-4 article.objective").Select(o => o.Id).ToList();
        Assert.Equal(["objective-4-1", "objective-4-2", "objective-4-3", "objective-4-4", "objective-4-6", "objective-4-5"], codes);
        Assert.Equal("4.5.1", page.QuerySelector("#objective-4-5 ol.lines a.code")!.TextContent);
    }

    [Fact]
    public async Task Retiring_a_line_keeps_its_page_and_marks_it()
    {
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var form = await OpenAsync("/agendas/lc-crp-20-6/lines/3.3.2/edit", admin);
        var source = await LineText("3.3.2");
        var response = await PostAsync("/agendas/lc-crp-20-6/lines/3.3.2/edit", form.Cookies,
            [new("__RequestVerificationToken", form.Token), new("Version", form.Version), new("Text.Source", source), new("Retired", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync("/agendas/lc-crp-20-6/lines/3.3.2");
        Assert.Contains("was retired on", page.QuerySelector(".notice")!.TextContent);
        var api = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/agendas/lc-crp-20-6/lines/3.3.2");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, api.GetProperty("retiredOn").ValueKind);
    }

    [Fact]
    public async Task The_secretariat_translates_an_area_title_and_the_background_keeping_its_paragraphs()
    {
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var area = await OpenAsync("/agendas/lc-crp-20-6/areas/3/edit", admin);
        var saved = await PostAsync("/agendas/lc-crp-20-6/areas/3/edit", area.Cookies,
        [
            new("__RequestVerificationToken", area.Token), new("Version", area.Version),
            new("Text.Source", "Coordination for comprehensive and coherent public policies"),
            new("Text.Es", "Coordinación para políticas públicas integrales y coherentes"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var agenda = await OpenAsync("/agendas/lc-crp-20-6/edit", admin);
        string Value(string id) => agenda.Page.GetElementById(id)!.GetAttribute("value") ?? agenda.Page.GetElementById(id)!.TextContent;
        var background = await PostAsync("/agendas/lc-crp-20-6/edit", agenda.Cookies,
        [
            new("__RequestVerificationToken", agenda.Token), new("Version", agenda.Version),
            new("Title.Source", Value("Title_Source")), new("AdoptingBody.Source", Value("AdoptingBody_Source")),
            new("Meeting.Source", Value("Meeting_Source")), new("Status", "Adopted"), new("Place", "Brasília"), new("Date", "2025-10-03"),
            new("Description.Source", Value("Description_Source")), new("FollowUpMechanism.Source", Value("FollowUpMechanism_Source")),
            new("Description.Es", "Primer párrafo.\r\n\r\nSegundo   párrafo."),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, background.StatusCode);

        var page = await client.GetPageAsync("/agendas/lc-crp-20-6", "es");
        Assert.Contains("Coordinación para políticas públicas integrales y coherentes", page.GetElementById("area-3-heading")!.TextContent);
        Assert.Equal(["Primer párrafo.", "Segundo párrafo."], page.QuerySelectorAll("#background p").Select(p => p.TextContent));
        await using var db = app.Database.CreateContext();
        var stored = await db.Agendas.AsNoTracking().SingleAsync(a => a.Slug == "lc-crp-20-6");
        Assert.StartsWith("The Regional Council for Planning is a subsidiary body", stored.Description.Source);
        Assert.Equal(10, stored.Description.Source.Split("\n\n").Length);
    }

    [Theory]
    [InlineData("/agendas/lc-crp-20-6/edit")]
    [InlineData("/agendas/lc-crp-20-6/lines/1.1.1/edit")]
    [InlineData("/agendas/lc-crp-20-6/objectives/1.1/edit")]
    public async Task Only_the_secretariat_may_open_or_post_an_editor(string url)
    {
        // Anonymous: sent to sign in.
        var anonymous = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location?.PathAndQuery ?? anonymous.Headers.Location?.OriginalString);

        // Signed in without the role: 403 on GET and on POST, and nothing changes.
        var member = await SignedIn.CookieAsync(app);
        var get = await client.GetAsync(url, member);
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var form = await OpenAsync(url, admin);
        var before = await LineText("1.1.1");
        var memberCookies = Regex.Replace(form.Cookies, @"^[^;]+", member);
        var post = await PostAsync(url, memberCookies,
            [new("__RequestVerificationToken", form.Token), new("Version", form.Version), new("Text.Source", "Changed by a member"), new("Title.Source", "Changed by a member")]);
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"a member's post answered {(int)post.StatusCode}");
        Assert.Equal(before, await LineText("1.1.1"));
    }
}

public sealed class SqliteEditingTests(SqliteApp app) : EditingTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEditingTests(PostgresApp app) : EditingTests(app), IClassFixture<PostgresApp>;
