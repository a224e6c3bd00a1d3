using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Indicators;
using Rumbo.Core.People;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Indicators;

/// <summary>
/// Who reaches the reporting pages and templates (a country's focal points and the secretariat; anyone else signed in
/// gets 404, as for a country that is not there; someone signed out is asked to sign in), and the secretariat's
/// completeness and timeliness of every member State.
/// </summary>
public abstract class ReportingAccessTests(RumboApp app)
{
    private readonly ReportingClient reporting = new(app);

    private const string Index = $"/agendas/{IndicatorScenario.Agenda}/reporting";

    private static readonly DateOnly Due = new(2026, 4, 30);

    private static string[] CountryUrls(string country) =>
        [ReportingClient.Page(country), $"{ReportingClient.Page(country)}/template.csv", $"{ReportingClient.Page(country)}/template.xlsx"];

    [Fact]
    public async Task Signed_out_readers_are_asked_to_sign_in()
    {
        foreach (var url in (string[])[Index, .. CountryUrls("ar")])
        {
            var response = await reporting.Kit.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {url} answered {(int)response.StatusCode}");
            Assert.StartsWith("/account/sign-in", new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery);
        }
    }

    [Fact]
    public async Task A_signed_in_member_with_no_role_gets_404_everywhere()
    {
        var member = await SignedIn.CookieAsync(app);
        foreach (var url in (string[])[Index, .. CountryUrls("ar"), .. CountryUrls("cl")])
        {
            Assert.True((await reporting.Kit.GetAsync(url, member)).StatusCode == HttpStatusCode.NotFound, $"GET {url} did not answer 404");
        }
        // Nor can they post.
        var before = await IndicatorScenario.ValuesAsync(app.Database, "AR");
        var form = await reporting.Kit.AnyFormAsync(member);
        var response = await reporting.Kit.PostAsync($"{ReportingClient.Page("ar")}/save", form,
            ("Rows[0].Indicator", "1.1-a"), ("Rows[0].Year", "2025"), ("Rows[0].Breakdown", ""), ("Rows[0].Value", "12.5"), ("submit", "false"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await IndicatorScenario.ValuesAsync(app.Database, "AR"));
    }

    [Fact]
    public async Task A_focal_point_reaches_their_country_only_and_the_template_is_never_stored()
    {
        var (focal, _) = await reporting.FocalPointAsync("AR");

        var index = await reporting.Kit.PageAsync(Index, focal);
        Assert.Equal([ReportingClient.Page("ar")], index.QuerySelectorAll("section[aria-labelledby=mine-heading] a").Select(a => a.GetAttribute("href")));
        Assert.Null(index.QuerySelector("table.completeness"));
        Assert.Equal(HttpStatusCode.OK, (await reporting.Kit.GetAsync(ReportingClient.Page("ar"), focal)).StatusCode);
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var template = await reporting.Kit.GetAsync($"{ReportingClient.Page("ar")}/template.{format}", focal);
            Assert.Equal(HttpStatusCode.OK, template.StatusCode);
            Assert.True(template.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {template.Headers.CacheControl}");
            Assert.Null(template.Headers.Age);
        }

        foreach (var url in CountryUrls("cl"))
        {
            Assert.True((await reporting.Kit.GetAsync(url, focal)).StatusCode == HttpStatusCode.NotFound, $"GET {url} did not answer 404");
        }
        // Nor may they write Chile's values.
        var before = await IndicatorScenario.ValuesAsync(app.Database, "CL");
        var form = await reporting.OpenAsync("AR", focal);
        var response = await reporting.Kit.PostAsync($"{ReportingClient.Page("cl")}/save", form,
            ("Rows[0].Indicator", "1.1-a"), ("Rows[0].Year", "2025"), ("Rows[0].Breakdown", ""), ("Rows[0].Value", "12.5"), ("submit", "false"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporting.Kit.PostAsync($"{ReportingClient.Page("cl")}/submit", form)).StatusCode);
        Assert.Equal(before, await IndicatorScenario.ValuesAsync(app.Database, "CL"));

        // Unknown countries and agendas are not there for anyone.
        var secretariat = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await reporting.Kit.GetAsync($"/agendas/{IndicatorScenario.Agenda}/reporting/zz", secretariat)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporting.Kit.GetAsync($"/agendas/{IndicatorScenario.Agenda}/reporting/zz/template.csv", secretariat)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporting.Kit.GetAsync("/agendas/no-such-agenda/reporting", secretariat)).StatusCode);
    }

    [Fact]
    public async Task Every_form_of_the_reporting_page_carries_its_antiforgery_token_as_a_browser_posts_it()
    {
        var (focal, _) = await reporting.FocalPointAsync("CO");
        var secretariat = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var reporter = await reporting.Kit.PageAsync(ReportingClient.Page("co"), focal);
        var reviewer = await reporting.Kit.PageAsync(ReportingClient.Page("cl"), secretariat);
        var forms = reporter.QuerySelectorAll("main form[method=post]").Concat(reviewer.QuerySelectorAll("main form[method=post]")).ToList();
        // The focal point's upload, save and send; the secretariat's approve, return, approve all and unlock.
        foreach (var handler in new[] { "upload", "save", "submit", "review", "approveall" })
        {
            Assert.Contains(forms, f => f.GetAttribute("action")!.EndsWith($"/{handler}", StringComparison.Ordinal));
        }
        var missing = forms.Where(f => f.QuerySelector("input[name=__RequestVerificationToken]") is null)
            .Select(f => f.GetAttribute("action")!.Split('/')[^1]).Distinct().ToList();
        Assert.True(missing.Count == 0, "Forms posted without an antiforgery token, which the site refuses: " + string.Join(", ", missing));

        // Sent as a browser sends it, with what the form holds and the antiforgery cookie, Colombia's drafts go.
        var response = await reporting.Kit.GetAsync(ReportingClient.Page("co"), focal);
        var antiforgery = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var send = page.QuerySelectorAll("main form[method=post]").Single(f => f.GetAttribute("action")!.EndsWith("/submit", StringComparison.Ordinal));
        var fields = send.QuerySelectorAll("input[name]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        using var post = new HttpRequestMessage(HttpMethod.Post, send.GetAttribute("action")) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", $"{focal}; {antiforgery}");
        var sent = await reporting.Client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.DoesNotContain(await IndicatorScenario.ValuesAsync(app.Database, "CO"), v => v.Status == ValueStatus.Draft);
    }

    /// <summary>A completeness row's cells: filled / expected, share, drafts, submitted, returned, approved, timeliness.</summary>
    private static List<string> Cells(AngleSharp.Dom.IElement row) => row.QuerySelectorAll("td").Select(td => Regex.Replace(td.TextContent.Trim(), @"\s+", " ")).ToList();

    [Fact]
    public async Task The_secretariat_sees_every_member_State_s_completeness_as_the_data_stands()
    {
        var secretariat = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var page = await reporting.Kit.PageAsync(Index, secretariat);
        Assert.Contains("values for 2024 to 2025, due on 30 April 2026.", page.QuerySelector(".page-header .round")!.TextContent);

        await using var db = app.Database.CreateContext();
        var members = await db.Countries.AsNoTracking().Where(c => c.Status == CountryStatus.MemberState).Select(c => c.Code).ToListAsync();
        Assert.Equal(33, members.Count);
        var counts = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.CountryId != null && v.Year >= IndicatorScenario.FirstRoundYear && v.Year <= IndicatorScenario.LastRoundYear)
            .GroupBy(v => new { v.Country!.Code, v.Status }).Select(g => new { g.Key.Code, g.Key.Status, Count = g.Count() }).ToListAsync();
        int N(string code, ValueStatus? status = null) => counts.Where(c => c.Code == code && (status is null || c.Status == status)).Sum(c => c.Count);

        var rows = page.QuerySelectorAll("table.completeness tbody tr[data-country]").ToList();
        Assert.Equal(members.Order(StringComparer.Ordinal), rows.Select(r => r.GetAttribute("data-country")!).Order(StringComparer.Ordinal));
        var expected = IndicatorScenario.ExpectedPerCountry;
        foreach (var row in rows)
        {
            var code = row.GetAttribute("data-country")!;
            var cells = Cells(row);
            Assert.Equal($"{N(code)} / {expected}", cells[0]);
            Assert.Equal(((double)N(code) / expected).ToString("P0", CultureInfo.GetCultureInfo("en")), cells[1]);
            Assert.Equal([N(code, ValueStatus.Draft), N(code, ValueStatus.Submitted), N(code, ValueStatus.Returned), N(code, ValueStatus.Approved)],
                cells.Skip(2).Take(4).Select(c => int.Parse(c, CultureInfo.InvariantCulture)));
            Assert.NotNull(row.QuerySelector($"th a[href='{ReportingClient.Page(code)}']"));
        }

        // A member State with no value, asked for everything: nothing filled, nothing sent, and the due date is past.
        var bolivia = Cells(rows.Single(r => r.GetAttribute("data-country") == "BO"));
        Assert.Equal($"0 / {expected}", bolivia[0]);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow) > Due ? "Nothing sent; overdue" : "Nothing sent yet", bolivia[6]);
        // Argentina, as seeded: its 2025 values are drafts and 2024's are approved (a year missing here and there).
        var argentina = Cells(rows.Single(r => r.GetAttribute("data-country") == "AR"));
        Assert.Equal(expected / 2, int.Parse(argentina[2], CultureInfo.InvariantCulture));
        Assert.InRange(int.Parse(argentina[5], CultureInfo.InvariantCulture), 1, expected / 2);
    }

    [Fact]
    public async Task A_country_that_sends_its_drafts_is_timely_or_late_by_the_due_date()
    {
        var (focal, _) = await reporting.FocalPointAsync("BB");
        var drafts = (await IndicatorScenario.ValuesAsync(app.Database, "BB")).Count(v => v.Status == ValueStatus.Draft);
        Assert.Equal(IndicatorScenario.ExpectedPerCountry / 2, drafts);
        var (sent, _) = await reporting.PostAsync("BB", focal, "submit");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var secretariat = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var page = await reporting.Kit.PageAsync(Index, secretariat);
        var barbados = Cells(page.QuerySelector("table.completeness tr[data-country=BB]")!);
        Assert.Equal(0, int.Parse(barbados[2], CultureInfo.InvariantCulture));
        Assert.Equal(drafts, int.Parse(barbados[3], CultureInfo.InvariantCulture));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var date = today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"));
        Assert.Equal(today > Due ? $"Late ({date})" : $"On time ({date})", barbados[6]);
    }

    [Fact]
    public async Task Values_seeded_as_sent_count_as_sent()
    {
        var secretariat = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var page = await reporting.Kit.PageAsync(Index, secretariat);
        foreach (var code in new[] { "CL", "MX", "JM" })
        {
            var cells = Cells(page.QuerySelector($"table.completeness tr[data-country={code}]")!);
            Assert.True(int.Parse(cells[3], CultureInfo.InvariantCulture) > 0, $"{code} has no submitted value");
            // Its values were sent: the page cannot say nothing was.
            Assert.DoesNotContain("Nothing sent", cells[6]);
        }
    }
}

public sealed class SqliteReportingAccessTests(SqliteApp app) : ReportingAccessTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReportingAccessTests(PostgresApp app) : ReportingAccessTests(app), IClassFixture<PostgresApp>;
