using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Groups;

public abstract class PageTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>
    /// The shared scenario, whose complete group meets every rule: the three meetings a year included, so its meetings
    /// of this year are added here (the lone group has none).
    /// </summary>
    private async Task<GroupScenario> Scenario()
    {
        var s = await GroupScenario.SharedAsync(app.Database);
        await PlanScenario.EnsureMeetingsThisYearAsync(app.Database, s.Complete);
        return s;
    }

    [Fact]
    public async Task Directory_filters_by_country_kind_and_area()
    {
        var s = await Scenario();
        var byCountry = Slugs(await client.GetPageAsync($"/groups?country={s.CountryA}"));
        Assert.Contains(s.Complete, byCountry);
        Assert.Contains(s.Lone, byCountry);
        Assert.DoesNotContain(s.AdHoc, byCountry);
        Assert.DoesNotContain(s.Sub, byCountry);

        // The code is matched in any case, and the kind narrows the country's groups.
        var adHoc = await client.GetPageAsync($"/groups?country={s.CountryB.ToLowerInvariant()}&kind=AdHocWorkingGroup");
        Assert.Equal([s.AdHoc], Slugs(adHoc).Where(x => x.EndsWith(s.Suffix, StringComparison.Ordinal)));
        Assert.Equal("selected", adHoc.QuerySelector($"#country option[value={s.CountryB}]")!.GetAttribute("selected"));
        Assert.Equal("selected", adHoc.QuerySelector("#kind option[value=AdHocWorkingGroup]")!.GetAttribute("selected"));

        var byArea = Slugs(await client.GetPageAsync("/groups?area=lc-crp-20-6%3A2"));
        Assert.Contains(s.Complete, byArea);
        Assert.DoesNotContain(s.Lone, byArea);

        var none = await client.GetPageAsync("/groups?country=ZZ");
        Assert.Empty(Slugs(none));
        Assert.Contains("No group matches these filters.", none.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Directory_shows_kind_agenda_countries_coordinators_and_a_flag_for_broken_rules()
    {
        var s = await Scenario();
        var page = await client.GetPageAsync("/groups");
        Assert.Equal(1, page.QuerySelectorAll("h1").Length);
        var complete = Row(page, s.Complete);
        var cells = complete.QuerySelectorAll("td").Select(td => Normalize(td.TextContent)).ToList();
        Assert.Equal(s.CompleteName, Normalize(complete.QuerySelector("th[scope=row]")!.TextContent));
        Assert.Equal("Thematic working group", cells[0]);
        Assert.Equal("LC/CRP.20/6", cells[1]);
        Assert.Contains($"{s.CountryAName} (coordinating)", cells[2]);
        Assert.Contains(s.CountryBName, cells[2]);
        Assert.Equal("2", cells[3]);
        Assert.Null(complete.QuerySelector(".flag"));

        var lone = Row(page, s.Lone);
        Assert.Equal("1", Normalize(lone.QuerySelectorAll("td")[3].TextContent));
        Assert.Equal($"/groups/{s.Lone}#rules", lone.QuerySelector("a.flag")!.GetAttribute("href"));
        Assert.All(page.QuerySelectorAll("table th"), th => Assert.NotNull(th.GetAttribute("scope")));
    }

    [Fact]
    public async Task Group_page_shows_coordinators_countries_members_lines_and_the_rules_it_meets()
    {
        var s = await Scenario();
        var page = await client.GetPageAsync($"/groups/{s.Complete}");
        Assert.Equal(s.CompleteName, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Thematic working group", page.QuerySelector(".kicker")!.TextContent.Trim());
        Assert.Contains("Follow up the foresight lines of action.", page.QuerySelector(".prose")!.TextContent);

        var coordinators = page.QuerySelectorAll("ul.coordinators > li").Select(li => Normalize(li.TextContent)).ToList();
        Assert.Equal(2, coordinators.Count);
        Assert.Contains(coordinators, c => c.StartsWith($"Ana Ministry {s.Suffix}", StringComparison.Ordinal) && c.Contains($"representing {s.Ministry} (MSD)"));
        // With no institution named on his membership, Ben represents his own.
        Assert.Contains(coordinators, c => c.StartsWith($"Ben Eclac {s.Suffix}", StringComparison.Ordinal) && c.Contains($"representing {s.Eclac} (SDD)"));
        Assert.Equal($"/people/{s.Ana}", page.QuerySelector("ul.coordinators a")!.GetAttribute("href"));

        Assert.Equal([s.CountryAName], page.QuerySelectorAll("ul.coordinating li").Select(li => li.TextContent.Trim()));
        Assert.Equal([s.CountryBName], page.QuerySelectorAll("ul.participating li").Select(li => li.TextContent.Trim()));
        Assert.Equal($"/countries/{s.CountryA.ToLowerInvariant()}", page.QuerySelector("ul.coordinating a")!.GetAttribute("href"));
        Assert.Contains($"Carla Member {s.Suffix}", page.QuerySelector("table.members")!.TextContent);

        var lines = page.QuerySelectorAll("ol.served a.code").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/agendas/lc-crp-20-6/lines/2.4.1", "/agendas/lc-crp-20-6/lines/2.5.1"], lines);
        Assert.Equal([$"/groups/{s.Sub}"], page.QuerySelectorAll("ul.subgroups a").Select(a => a.GetAttribute("href")));

        var rules = page.QuerySelectorAll("#rules li[data-rule]").ToDictionary(li => li.GetAttribute("data-rule")!, li => li);
        Assert.Equal(["coordinators.two", "coordinators.ministry", "coordinators.eclac", "meetings.three"], rules.Keys);
        Assert.All(rules.Values, li => Assert.Equal("met", li.GetAttribute("data-outcome")));
        Assert.All(rules.Values.Take(3), li => Assert.Contains("LC/MDS.4/3, A.2", li.QuerySelector(".source")!.TextContent));
        Assert.Contains("LC/MDS.4/3, A.3 (a)", rules["meetings.three"].QuerySelector(".source")!.TextContent);
        Assert.Contains("At least three meetings this year.", rules["meetings.three"].TextContent);
        Assert.Contains("A coordinator represents ECLAC.", rules["coordinators.eclac"].TextContent);
        Assert.Null(page.QuerySelector(".page-header .notice"));
        AssertHeadingsInOrder(page);
    }

    [Fact]
    public async Task Group_with_one_coordinator_flags_the_rules_it_breaks()
    {
        var s = await Scenario();
        var page = await client.GetPageAsync($"/groups/{s.Lone}");
        var rules = page.QuerySelectorAll("#rules li[data-rule]").ToDictionary(li => li.GetAttribute("data-rule")!, li => li);
        Assert.Equal("broken", rules["coordinators.two"].GetAttribute("data-outcome"));
        Assert.Contains("Broken", rules["coordinators.two"].QuerySelector(".outcome")!.TextContent);
        Assert.Contains("Fewer than two coordinators.", rules["coordinators.two"].TextContent);
        Assert.Equal("broken", rules["coordinators.eclac"].GetAttribute("data-outcome"));
        Assert.Equal("met", rules["coordinators.ministry"].GetAttribute("data-outcome"));
        Assert.Equal("#rules", page.QuerySelector(".page-header .notice a")!.GetAttribute("href"));
        Assert.Contains("No line of action is linked to this group yet.", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Unknown_group_or_country_answers_404()
    {
        var s = await Scenario();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/groups/no-such-group-{s.Suffix}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/countries/{GroupScenario.UnknownCountry}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/countries/c1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/people/999999")).StatusCode);
    }

    [Fact]
    public async Task Governance_overview_has_a_column_per_rule_and_flags_exactly_the_groups_that_break_one()
    {
        var s = await Scenario();
        var page = await client.GetPageAsync("/governance");
        var columns = page.QuerySelectorAll("table.governance thead th[data-rule]").Select(th => th.GetAttribute("data-rule")).ToList();
        Assert.Equal(GovernanceRules.All.Select(r => r.Code), columns);
        Assert.Contains("LC/MDS.4/3, A.2", page.QuerySelector("th[data-rule='coordinators.two'] .source")!.TextContent);

        var rows = page.QuerySelectorAll("table.governance tbody tr").ToList();
        Assert.All(rows, r => Assert.Equal(GovernanceRules.All.Count, r.QuerySelectorAll("td[data-rule]").Length));
        // Every group of every agenda is there, and flagged exactly when the rules say it breaks one.
        var expected = await BrokenSlugsAsync();
        Assert.Equal((await AllSlugsAsync()).Order(), rows.Select(r => r.GetAttribute("data-slug")!).Order());
        Assert.Equal(expected.Order(), rows.Where(r => r.ClassList.Contains("flagged")).Select(r => r.GetAttribute("data-slug")!).Order());
        Assert.All(rows, r => Assert.Equal(r.ClassList.Contains("flagged"), r.QuerySelector("td[data-outcome=broken]") is not null));
        Assert.Contains(s.Lone, expected);
        Assert.Contains(s.Sub, expected);
        Assert.DoesNotContain(s.Complete, expected);
        Assert.DoesNotContain(s.AdHoc, expected);

        var lone = Row(page, s.Lone);
        Assert.Equal("broken", lone.QuerySelector("td[data-rule='coordinators.two']")!.GetAttribute("data-outcome"));
        Assert.Equal("met", lone.QuerySelector("td[data-rule='coordinators.ministry']")!.GetAttribute("data-outcome"));
        Assert.Equal("notapplicable", lone.QuerySelector("td[data-rule='countries.coordinating']")!.GetAttribute("data-outcome"));
        Assert.Equal("met", Row(page, s.AdHoc).QuerySelector("td[data-rule='countries.coordinating']")!.GetAttribute("data-outcome"));
        Assert.Equal("broken", lone.QuerySelector("td[data-rule='meetings.three']")!.GetAttribute("data-outcome"));
        Assert.Equal("met", Row(page, s.Complete).QuerySelector("td[data-rule='meetings.three']")!.GetAttribute("data-outcome"));
        Assert.Equal("notapplicable", Row(page, s.AdHoc).QuerySelector("td[data-rule='meetings.three']")!.GetAttribute("data-outcome"));

        var onlyBroken = await client.GetPageAsync("/governance?broken=true");
        Assert.Equal("checked", onlyBroken.GetElementById("broken")!.GetAttribute("checked"));
        Assert.Equal(expected.Order(), onlyBroken.QuerySelectorAll("table.governance tbody tr").Select(r => r.GetAttribute("data-slug")!).Order());

        var social = await client.GetPageAsync("/governance?agenda=lc-cds-3-5");
        Assert.DoesNotContain(s.Lone, social.QuerySelectorAll("table.governance tbody tr").Select(r => r.GetAttribute("data-slug")));
    }

    [Fact]
    public async Task Countries_are_listed_by_subregion_and_a_country_page_lists_its_groups_and_focal_points()
    {
        var s = await Scenario();
        var list = await client.GetPageAsync("/countries");
        var southAmerica = list.GetElementById("subregion-southamerica")!.ParentElement!;
        Assert.Equal("South America", list.GetElementById("subregion-southamerica")!.TextContent.Trim());
        var row = southAmerica.QuerySelector($"tr[data-code={s.CountryA}]")!;
        Assert.Equal($"/countries/{s.CountryA.ToLowerInvariant()}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("2", row.QuerySelector("td.num")!.TextContent.Trim());
        Assert.NotNull(list.GetElementById("subregion-caribbean")!.ParentElement!.QuerySelector($"tr[data-code={s.CountryB}]"));

        // The code is case-insensitive.
        var page = await client.GetPageAsync($"/countries/{s.CountryA}");
        Assert.Equal(s.CountryAName, page.QuerySelector("h1")!.TextContent.Trim());
        var groups = page.QuerySelectorAll("table.country-groups tbody tr").ToDictionary(r => r.GetAttribute("data-slug")!, r => r.QuerySelector("td.role")!.TextContent.Trim());
        Assert.Equal("Coordinating", groups[s.Complete]);
        Assert.Equal("Participating", groups[s.Lone]);
        Assert.False(groups.ContainsKey(s.AdHoc));
        var focal = page.QuerySelector("ul.focal-points")!;
        Assert.Contains($"Ana Ministry {s.Suffix}", focal.TextContent);
        Assert.Contains("Example person", focal.TextContent);
        Assert.Contains("LC/CRP.20/6", page.QuerySelector("#focal-heading ~ h3")!.TextContent);
    }

    [Fact]
    public async Task Person_page_hides_contact_details_from_the_public_unless_made_public_and_marks_example_people()
    {
        var s = await Scenario();
        var ana = await client.GetPageAsync($"/people/{s.Ana}");
        Assert.Equal($"Ana Ministry {s.Suffix}", ana.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Example person — not a real person", ana.QuerySelector(".example-notice")!.TextContent);
        Assert.DoesNotContain(s.AnaEmail, ana.Source.Text);
        Assert.DoesNotContain("+56 2 2000 0000", ana.DocumentElement.TextContent);
        Assert.DoesNotContain(s.AnaEmail, ana.DocumentElement.TextContent);
        Assert.Equal("Sign in to see contact details", ana.QuerySelector(".contact-hidden")!.TextContent.Trim());
        Assert.Contains("Director of planning", ana.QuerySelector("dl.meta")!.TextContent);
        var groups = ana.QuerySelectorAll("table.person-groups tbody tr").ToDictionary(r => r.GetAttribute("data-slug")!, r => Normalize(r.TextContent));
        Assert.Contains("Coordinator", groups[s.Complete]);
        Assert.Contains($"{s.CountryAName} — LC/CRP.20/6", Normalize(ana.QuerySelector("ul.focal-roles")!.TextContent));

        var ben = await client.GetPageAsync($"/people/{s.Ben}");
        Assert.Null(ben.QuerySelector(".example-notice"));
        Assert.Equal($"mailto:{s.BenEmail}", ben.QuerySelector("dl.contact a")!.GetAttribute("href"));
        Assert.Null(ben.QuerySelector(".contact-hidden"));
    }

    [Fact]
    public async Task Signed_in_users_see_contact_details_and_the_cached_public_page_never_shows_them()
    {
        var s = await Scenario();
        var cookie = await SignedIn.CookieAsync(app);
        var url = $"/people/{s.Ana}";

        var first = await client.GetAsync(url);
        var second = await client.GetAsync(url);
        Assert.True(second.Headers.Age is not null, "The public page should be served from the output cache.");
        Assert.DoesNotContain(s.AnaEmail, await second.Content.ReadAsStringAsync());

        var member = await client.GetAsync(url, cookie);
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Null(member.Headers.Age);
        Assert.Contains("no-store", member.Headers.CacheControl?.ToString());
        var seen = new HtmlParser().ParseDocument(await member.Content.ReadAsStringAsync());
        Assert.Equal($"mailto:{s.AnaEmail}", seen.QuerySelector("dl.contact a")!.GetAttribute("href"));
        Assert.Contains("+56 2 2000 0000", seen.QuerySelector("dl.contact")!.TextContent);
        Assert.Contains("Shown to signed-in users only.", seen.QuerySelector("main")!.TextContent);
        Assert.Null(seen.QuerySelector(".contact-hidden"));

        var after = await client.GetAsync(url);
        Assert.DoesNotContain(s.AnaEmail, await after.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    [Fact]
    public async Task Line_page_lists_the_groups_that_serve_it_and_keeps_its_note_when_none_does()
    {
        var s = await Scenario();
        var page = await client.GetPageAsync("/agendas/lc-crp-20-6/lines/2.4.1");
        var links = page.QuerySelectorAll("ul.linked-groups a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/groups/{s.Complete}", links);
        Assert.Contains("Thematic working group", page.QuerySelector("ul.linked-groups")!.TextContent);

        // The demo dialogues link every line of the planning agenda to a meeting: a line added here is linked to nothing.
        await using var db = app.Database.CreateContext();
        var agenda = await db.Agendas.SingleAsync(a => a.Slug == "lc-crp-20-6");
        var objective = await db.Objectives.Include(o => o.Lines).SingleAsync(o => o.AgendaId == agenda.Id && o.Code == "4.1");
        var number = objective.Lines.Max(l => l.Number) + 1;
        objective.Lines.Add(new Rumbo.Core.Agendas.LineOfAction { AgendaId = agenda.Id, Number = number, Position = number, Code = $"4.1.{number}", Text = new() { Source = "A line no record is linked to." } });
        agenda.Version++;
        await db.SaveChangesAsync();
        var empty = await client.GetPageAsync($"/agendas/lc-crp-20-6/lines/4.1.{number}");
        Assert.Null(empty.QuerySelector("ul.linked-groups"));
        Assert.Contains("No group, meeting, agreement, document, indicator or policy is linked", empty.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Group_page_in_Spanish_translates_kinds_headings_and_rules()
    {
        var s = await Scenario();
        var page = await client.GetPageAsync($"/groups/{s.Complete}", "es");
        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Grupo de trabajo temático", page.QuerySelector(".kicker")!.TextContent.Trim());
        Assert.Equal($"Grupo de trabajo de prospectiva {s.Suffix}", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Reglas de gobernanza", page.GetElementById("rules-heading")!.TextContent.Trim());
        Assert.Contains("Cumplida", page.QuerySelector("#rules li .outcome")!.TextContent);
        Assert.Contains("Un coordinador representa a la CEPAL.", page.QuerySelector("#rules li[data-rule='coordinators.eclac']")!.TextContent);
        Assert.Equal([$"Tierra de prueba {s.Suffix}"], page.QuerySelectorAll("ul.coordinating li").Select(li => li.TextContent.Trim()));
        // The mandate has no Spanish: it shows in English, marked as such.
        Assert.Equal("en", page.QuerySelector(".prose")!.GetAttribute("lang"));
        Assert.Contains("Subgrupo de trabajo", page.QuerySelector("ul.subgroups")!.TextContent);

        var directory = await client.GetPageAsync("/groups?kind=SubWorkingGroup", "es");
        Assert.Equal("Subgrupo de trabajo", Row(directory, s.Sub).QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("Grupos", directory.QuerySelector(".main-nav a[href='/groups']")!.TextContent.Trim());
    }

    [Fact]
    public void Every_enum_name_and_rule_has_an_English_and_a_Spanish_name()
    {
        var localizer = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        Type[] types = [typeof(GroupKind), typeof(GroupStatus), typeof(GroupRole), typeof(GroupCountryRole), typeof(Subregion), typeof(CountryStatus), typeof(InstitutionKind)];
        var keys = types.SelectMany(t => Enum.GetNames(t).Select(n => $"{t.Name}:{n}"))
            .Concat(GovernanceRules.All.Select(r => $"rule:{r.Code}")).ToList();
        var messages = new[] { GroupKind.ThematicWorkingGroup, GroupKind.AdHocWorkingGroup, GroupKind.CouncilOrConference }
            .SelectMany(kind => new[] { 0, 1, 2 }.Select(n => new GroupFacts(0, 0, kind, GroupStatus.Active,
                Enumerable.Range(0, n).Select(i => new CoordinatorFacts(i, "x", i == 0 ? InstitutionKind.Ministry : InstitutionKind.Eclac, i == 0 ? "CL" : null, i == 1)).ToList(),
                n > 0 ? ["CL"] : [])))
            .SelectMany(GovernanceRules.Check).Select(c => c.Message).Distinct().ToList();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { "en", "es" })
            {
                CultureInfo.CurrentUICulture = new CultureInfo(culture);
                Assert.All(keys, k => Assert.False(localizer[k].ResourceNotFound, $"{k} has no {culture} text"));
            }
            CultureInfo.CurrentUICulture = new CultureInfo("es");
            Assert.All(messages, m => Assert.False(localizer[m].ResourceNotFound, $"'{m}' has no Spanish"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private async Task<List<string>> BrokenSlugsAsync()
    {
        await using var db = app.Database.CreateContext();
        var facts = await new GovernanceRules(db).FactsAsync();
        var broken = facts.Where(f => GovernanceRules.Check(f).Any(c => c.Outcome == RuleOutcome.Broken)).Select(f => f.GroupId).ToList();
        return await db.Groups.Where(g => broken.Contains(g.Id)).Select(g => g.Slug).ToListAsync();
    }

    private async Task<List<string>> AllSlugsAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Groups.Select(g => g.Slug).ToListAsync();
    }

    private static List<string> Slugs(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("table.groups tbody tr").Select(r => r.GetAttribute("data-slug")!).ToList();

    private static IElement Row(AngleSharp.Html.Dom.IHtmlDocument page, string slug) =>
        page.QuerySelector($"tbody tr[data-slug='{slug}']") ?? throw new Xunit.Sdk.XunitException($"No row for {slug}");

    private static void AssertHeadingsInOrder(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var levels = page.QuerySelectorAll("main h1, main h2, main h3, main h4").Select(h => h.LocalName[1] - '0').ToList();
        Assert.Equal(1, levels.Count(l => l == 1));
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Count; i++) Assert.True(levels[i] <= levels[i - 1] + 1, $"Heading level jumps from {levels[i - 1]} to {levels[i]}.");
    }

    private static string Normalize(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed class SqliteGroupPageTests(SqliteApp app) : PageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresGroupPageTests(PostgresApp app) : PageTests(app), IClassFixture<PostgresApp>;
