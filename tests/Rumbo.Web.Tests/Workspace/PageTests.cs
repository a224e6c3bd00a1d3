using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Accounts;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Workspace;

public abstract class PageTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    // Each test links a new account to a scenario's person; a scenario of its own keeps those people to one account.
    /// <summary>A new scenario whose complete group meets every rule, the three meetings a year included (the lone group has no meeting).</summary>
    private async Task<GroupScenario> Scenario()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        await PlanScenario.EnsureMeetingsThisYearAsync(app.Database, s.Complete);
        return s;
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var response = await client.GetAsync("/workspace");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fworkspace", response.Headers.Location.Query, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_coordinator_sees_their_group_with_its_broken_rules()
    {
        var s = await Scenario();
        // Carla coordinates the lone group, which breaks two rules, and is a member of the complete one.
        var page = await PageAsync(await SignedIn.CookieAsync(app, personId: s.Carla));

        var lone = Card(page, s.Lone);
        Assert.Equal("coordinator", lone.GetAttribute("data-role"));
        Assert.Equal("Coordinator", lone.QuerySelector(".role")!.TextContent.Trim());
        Assert.Equal($"/groups/{s.Lone}", lone.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Equal(s.LoneName, lone.QuerySelector("h3")!.TextContent.Trim());
        Assert.Equal($"/groups/{s.Lone}#rules", lone.QuerySelector(".rule-panel a.flag")!.GetAttribute("href"));
        var broken = lone.QuerySelectorAll(".rule-panel li.rule.broken").Select(li => li.GetAttribute("data-rule")).ToList();
        Assert.Equal(["coordinators.two", "coordinators.eclac", "meetings.three"], broken);
        Assert.Contains("Fewer than two coordinators.", lone.TextContent);

        Assert.Null(page.QuerySelector("#how-access"));
        Assert.Null(page.QuerySelector("#secretariat"));
    }

    [Fact]
    public async Task A_coordinator_of_a_group_that_meets_the_rules_is_told_so()
    {
        var s = await Scenario();
        var page = await PageAsync(await SignedIn.CookieAsync(app, personId: s.Ben));
        var complete = Card(page, s.Complete);
        Assert.Equal("coordinator", complete.GetAttribute("data-role"));
        Assert.Empty(complete.QuerySelectorAll(".rule-panel li.rule"));
        Assert.Contains("It meets every rule of the documents that applies to it.", complete.QuerySelector(".rule-panel")!.TextContent);
    }

    [Fact]
    public async Task A_member_sees_the_group_with_no_rule_panel()
    {
        var s = await Scenario();
        int dora;
        await using (var db = app.Database.CreateContext())
        {
            var lone = await db.Groups.SingleAsync(g => g.Slug == s.Lone);
            var person = new Person { GivenName = "Dora", FamilyName = $"Member {s.Suffix}", Email = $"dora.{s.Suffix}@example.org", IsExample = true };
            db.GroupMembers.Add(new GroupMember { Group = lone, Person = person, Role = GroupRole.Member });
            await db.SaveChangesAsync();
            dora = person.Id;
        }
        var page = await PageAsync(await SignedIn.CookieAsync(app, personId: dora));

        var card = Card(page, s.Lone);
        Assert.Equal("member", card.GetAttribute("data-role"));
        Assert.Equal("Member", card.QuerySelector(".role")!.TextContent.Trim());
        // The lone group breaks rules, but that is its coordinators' business.
        Assert.Null(card.QuerySelector(".rule-panel"));
        Assert.Null(page.QuerySelector(".rule-panel"));
        Assert.Single(page.QuerySelectorAll("#my-groups li.card"));
        Assert.Contains("You are a focal point for no country yet.", page.QuerySelector("#my-countries")!.TextContent);
    }

    [Fact]
    public async Task A_focal_point_sees_their_country_and_agenda()
    {
        var s = await Scenario();
        var page = await PageAsync(await SignedIn.CookieAsync(app, personId: s.Ana));
        var row = page.QuerySelector($"#my-countries tr[data-country={s.CountryA}]")!;
        Assert.NotNull(row);
        Assert.Equal("lc-crp-20-6", row.GetAttribute("data-agenda"));
        var country = row.QuerySelector("th[scope=row] a")!;
        Assert.Equal($"/countries/{s.CountryA.ToLowerInvariant()}", country.GetAttribute("href"));
        Assert.Equal(s.CountryAName, country.TextContent.Trim());
        var agenda = row.QuerySelector("td a")!;
        Assert.Equal("/agendas/lc-crp-20-6", agenda.GetAttribute("href"));
        Assert.Equal("LC/CRP.20/6", agenda.TextContent.Trim());
        Assert.Single(page.QuerySelectorAll("#my-countries tbody tr"));
    }

    [Fact]
    public async Task The_secretariat_sees_its_panel_with_the_count_of_groups_breaking_a_rule()
    {
        await Scenario();
        var page = await PageAsync(await SignedIn.CookieAsync(app, Roles.SecretariatAdmin));
        var panel = page.QuerySelector("#secretariat")!;
        Assert.NotNull(panel);
        var links = panel.QuerySelectorAll("ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/governance", links);
        Assert.Contains("/admin/invitations", links);

        int expected;
        using (var scope = app.Services.CreateScope())
        {
            var facts = await scope.ServiceProvider.GetRequiredService<GovernanceRules>().FactsAsync();
            expected = facts.Count(f => GovernanceRules.Check(f).Any(c => c.Outcome == RuleOutcome.Broken));
        }
        Assert.True(expected > 0);
        var count = panel.QuerySelector(".broken-count a")!;
        Assert.Equal("/governance?broken=true", count.GetAttribute("href"));
        Assert.Equal($"Groups with a broken rule: {expected}", count.TextContent.Trim());
    }

    [Fact]
    public async Task A_user_with_no_person_or_role_is_told_how_access_is_granted()
    {
        var page = await PageAsync(await SignedIn.CookieAsync(app));
        Assert.Null(page.QuerySelector("#secretariat"));
        Assert.Empty(page.QuerySelectorAll("#my-groups li.card"));
        var note = page.QuerySelector("#how-access")!.TextContent;
        Assert.Contains("Your account is not linked to a person of the directory yet.", note);
        Assert.Contains("by invitation of the technical secretariat", note);
    }

    [Fact]
    public async Task The_answer_is_never_kept_and_the_header_links_to_it()
    {
        var cookie = await SignedIn.CookieAsync(app);
        using var response = await client.GetAsync("/workspace", cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());

        // Asked again, the page is rendered anew rather than served from the output cache.
        using var again = await client.GetAsync("/workspace", cookie);
        Assert.Contains("no-store", again.Headers.CacheControl!.ToString());
        Assert.Null(again.Headers.Age);

        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var link = page.QuerySelector(".account-nav a[href='/workspace']")!;
        Assert.Equal("My workspace", link.TextContent.Trim());
        Assert.Equal("page", link.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Headings_are_in_Spanish()
    {
        var s = await Scenario();
        var page = await PageAsync(await SignedIn.CookieAsync(app, personId: s.Carla), "es");
        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Mi espacio de trabajo", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Mis grupos", page.QuerySelector("#groups-heading")!.TextContent.Trim());
        Assert.Equal("Mis países", page.QuerySelector("#countries-heading")!.TextContent.Trim());
        Assert.Equal("Coordinador", Card(page, s.Lone).QuerySelector(".role")!.TextContent.Trim());
        Assert.Equal("Miembro", Card(page, s.Complete).QuerySelector(".role")!.TextContent.Trim());
    }

    private async Task<IHtmlDocument> PageAsync(string cookie, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/workspace");
        request.Headers.Add("Cookie", cookie);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /workspace answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        return new HtmlParser().ParseDocument(body);
    }

    private static IElement Card(IHtmlDocument page, string slug) =>
        page.QuerySelector($"#my-groups li.card[data-slug='{slug}']") ?? throw new Xunit.Sdk.XunitException($"No card for {slug}.");
}

public sealed class SqliteWorkspacePageTests(SqliteApp app) : PageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresWorkspacePageTests(PostgresApp app) : PageTests(app), IClassFixture<PostgresApp>;
