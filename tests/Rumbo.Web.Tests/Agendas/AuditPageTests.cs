using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Agendas;

public abstract class AuditPageTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<int> LineIdAsync(string code)
    {
        await using var db = app.Database.CreateContext();
        return (await db.Lines.SingleAsync(l => l.Code == code && l.Agenda!.Slug == "lc-crp-20-6")).Id;
    }

    [Fact]
    public async Task The_secretariat_reads_a_records_history_with_old_and_new_values()
    {
        var id = await LineIdAsync("4.2.3");
        await using (var db = app.Database.CreateContext())
        {
            var line = await db.Lines.SingleAsync(l => l.Id == id);
            line.Text.Fr = "Tenir compte de la valeur publique.";
            await db.SaveChangesAsync();
        }
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var response = await client.GetAsync($"/admin/audit?type=LineOfAction&id={id}", admin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "the trail must not be stored by caches");
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var rows = page.QuerySelectorAll("table.audit tbody tr").ToList();
        Assert.Equal(2, rows.Count); // created by the seed, then updated above, newest first
        Assert.Contains("Updated", rows[0].TextContent);
        var change = rows[0].QuerySelectorAll("dl.changes div").Single(d => d.QuerySelector("dt")!.TextContent == "Text (French)");
        Assert.Equal("Tenir compte de la valeur publique.", change.QuerySelector("ins")!.TextContent);
        Assert.Equal("∅", change.QuerySelector("del")!.TextContent);
        Assert.Contains("Created", rows[1].TextContent);
    }

    [Fact]
    public async Task Only_the_secretariat_reads_the_trail_and_nobody_writes_to_it()
    {
        var anonymous = await client.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location?.PathAndQuery ?? anonymous.Headers.Location?.OriginalString);
        var member = await SignedIn.CookieAsync(app);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/audit", member)).StatusCode);

        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        int before;
        await using (var db = app.Database.CreateContext()) before = await db.AuditEntries.CountAsync();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/admin/audit") { Content = new FormUrlEncodedContent([new("type", "Agenda")]) };
        post.Headers.Add("Cookie", admin);
        var answer = await client.SendAsync(post);
        Assert.False(answer.IsSuccessStatusCode, $"a POST to the audit trail answered {(int)answer.StatusCode}");
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(before, await db.AuditEntries.CountAsync());
        }
    }

    [Fact]
    public async Task The_trail_is_paged_and_filtered_by_kind()
    {
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var page = new HtmlParser().ParseDocument(await (await client.GetAsync("/admin/audit?type=LineOfAction", admin)).Content.ReadAsStringAsync());
        var rows = page.QuerySelectorAll("table.audit tbody tr").ToList();
        Assert.Equal(50, rows.Count);
        Assert.All(rows, r => Assert.Equal("Line of action", r.QuerySelector("th.subject .kind")?.TextContent));
        Assert.NotNull(page.QuerySelector("a[rel=next]"));
        var second = new HtmlParser().ParseDocument(await (await client.GetAsync("/admin/audit?type=LineOfAction&p=2", admin)).Content.ReadAsStringAsync());
        Assert.NotNull(second.QuerySelector("a[rel=prev]"));
        Assert.Empty(rows.Select(r => r.TextContent).Intersect(second.QuerySelectorAll("table.audit tbody tr").Select(r => r.TextContent)));
    }
}

public sealed class SqliteAuditPageTests(SqliteApp app) : AuditPageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuditPageTests(PostgresApp app) : AuditPageTests(app), IClassFixture<PostgresApp>;
