using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Groups;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Groups;

/// <summary>
/// The secretariat and a group's own coordinators edit the group and its members; nobody else can, a refused request
/// changes nothing, and a stale edit never overwrites a newer one.
/// </summary>
public abstract class GroupEditingTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    private sealed record Form(string Cookies, string Token, string Version, IHtmlDocument Page);

    /// <summary>Opens a form as the given user and returns what a browser would send back: cookies, token, version.</summary>
    private async Task<Form> OpenAsync(string url, string cookie)
    {
        var response = await client.GetAsync(url, cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var antiforgery = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        return new Form($"{cookie}; {antiforgery}", token, version, page);
    }

    private async Task<HttpResponseMessage> PostAsync(string url, Form form, params (string Name, string Value)[] fields)
    {
        var body = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", form.Token) };
        if (fields.All(f => f.Name != "Version")) body.Add(new("Version", form.Version));
        body.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(body) };
        request.Headers.Add("Cookie", form.Cookies);
        return await client.SendAsync(request);
    }

    /// <summary>The fields of the edit form as it was served, which a post changes some of.</summary>
    private static List<(string, string)> Fields(Form form)
    {
        var fields = new List<(string, string)>();
        foreach (var input in form.Page.QuerySelectorAll("form input[name], form textarea[name], form select[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (name is "__RequestVerificationToken" or "Version") continue;
            switch (input)
            {
                case IHtmlInputElement { Type: "checkbox" } box: if (box.IsChecked) fields.Add((name, box.Value)); break;
                case IHtmlInputElement i: fields.Add((name, i.Value)); break;
                case IHtmlTextAreaElement t: fields.Add((name, t.Value)); break;
                case IHtmlSelectElement s: fields.Add((name, s.Value ?? "")); break;
            }
        }
        return fields;
    }

    private static (string, string)[] With(List<(string Name, string Value)> fields, params (string Name, string Value)[] changes)
    {
        var replaced = changes.Select(c => c.Name).ToHashSet();
        return [.. fields.Where(f => !replaced.Contains(f.Name) || f.Name is "Coordinating" or "Participating" or "Lines"), .. changes];
    }

    private async Task<Group> LoadAsync(string slug)
    {
        await using var db = app.Database.CreateContext();
        return await db.Groups.AsNoTracking().Include(g => g.Countries).ThenInclude(c => c.Country).Include(g => g.Lines).ThenInclude(l => l.LineOfAction)
            .Include(g => g.Members).AsSplitQuery().SingleAsync(g => g.Slug == slug);
    }

    [Fact]
    public async Task A_coordinator_edits_mandate_countries_and_lines_and_the_group_page_shows_them()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var (cookie, userId) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var before = await LoadAsync(s.Complete);

        var groupPage = new HtmlParser().ParseDocument(await (await client.GetAsync($"/groups/{s.Complete}", cookie)).Content.ReadAsStringAsync());
        Assert.NotNull(groupPage.QuerySelector($"a[href='/groups/{s.Complete}/edit']"));
        Assert.Null((await client.GetPageAsync($"/groups/{s.Complete}")).QuerySelector($"a[href='/groups/{s.Complete}/edit']"));

        var form = await OpenAsync($"/groups/{s.Complete}/edit", cookie);
        var fields = Fields(form);
        Assert.Contains(("Coordinating", s.CountryA), fields);
        Assert.Contains(("Lines", "2.4.1"), fields);
        var response = await PostAsync($"/groups/{s.Complete}/edit", form, With(fields,
            ("Mandate.Source", "Follow up foresight  and report yearly."), ("Mandate.Es", "Dar seguimiento a la prospectiva."),
            ("Participating", "UY"), ("Lines", "1.1.1")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/groups/{s.Complete}", response.Headers.Location?.OriginalString);

        var after = await LoadAsync(s.Complete);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal("Follow up foresight and report yearly.", after.Mandate.Source);

        var page = await client.GetPageAsync($"/groups/{s.Complete}");
        Assert.Contains("Follow up foresight and report yearly.", page.QuerySelector("section[aria-labelledby=mandate-heading]")!.TextContent);
        Assert.NotNull(page.QuerySelector("ul.participating a[href='/countries/uy']"));
        Assert.NotNull(page.QuerySelector($"ul.participating a[href='/countries/{s.CountryB.ToLowerInvariant()}']"));
        Assert.NotNull(page.QuerySelector($"ul.coordinating a[href='/countries/{s.CountryA.ToLowerInvariant()}']"));
        Assert.Equal(["1.1.1", "2.4.1", "2.5.1"], page.QuerySelectorAll("ol.served a.code").Select(a => a.TextContent).ToList());
        var es = await client.GetPageAsync($"/groups/{s.Complete}", "es");
        Assert.Contains("Dar seguimiento a la prospectiva.", es.QuerySelector("section[aria-labelledby=mandate-heading]")!.TextContent);

        await using var db = app.Database.CreateContext();
        var id = after.Id.ToString(CultureInfo.InvariantCulture);
        var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.EntityType == "Group" && a.EntityId == id);
        Assert.Equal(userId, entry.UserId);
        Assert.Contains("Follow up foresight and report yearly.", entry.Changes);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "GroupLine" && a.UserId == userId));
    }

    [Fact]
    public async Task The_name_is_edited_with_its_translations_and_an_empty_name_is_refused()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var form = await OpenAsync($"/groups/{s.Complete}/edit", cookie);
        var before = await LoadAsync(s.Complete);
        Assert.Contains(("GroupName.Source", before.Name.Source), Fields(form));

        var empty = await PostAsync($"/groups/{s.Complete}/edit", form, With(Fields(form), ("GroupName.Source", "  ")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var refused = new HtmlParser().ParseDocument(await empty.Content.ReadAsStringAsync());
        Assert.Equal("The text is required.", refused.QuerySelector("#GroupName_Source-error")?.TextContent.Trim());
        Assert.Equal(before.Name.Source, (await LoadAsync(s.Complete)).Name.Source);

        form = await OpenAsync($"/groups/{s.Complete}/edit", cookie);
        var saved = await PostAsync($"/groups/{s.Complete}/edit", form, With(Fields(form),
            ("GroupName.Pt", $"Grupo de trabalho {s.Suffix}"), ("GroupName.Fr", $"Groupe de travail {s.Suffix}")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await LoadAsync(s.Complete);
        Assert.Equal((before.Name.Source, $"Grupo de trabalho {s.Suffix}", $"Groupe de travail {s.Suffix}"), (after.Name.Source, after.Name.Pt, after.Name.Fr));
        var pt = await client.GetPageAsync($"/groups/{s.Complete}", "pt");
        Assert.Equal($"Grupo de trabalho {s.Suffix}", pt.QuerySelector("main h1")!.TextContent.Trim());
        // Not ticked official: the page says so beside the name.
        Assert.NotNull(pt.QuerySelector("main .unofficial-translation"));
    }

    [Fact]
    public async Task A_coordinator_of_another_group_gets_403_and_changes_nothing()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Lone);
        var before = await LoadAsync(s.Complete);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/groups/{s.Complete}/edit", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/groups/{s.Complete}/members", cookie)).StatusCode);
        var page = new HtmlParser().ParseDocument(await (await client.GetAsync($"/groups/{s.Complete}", cookie)).Content.ReadAsStringAsync());
        Assert.Null(page.QuerySelector($"a[href='/groups/{s.Complete}/edit']"));

        // A valid form of their own group, posted to the other group: refused by the permission, not the antiforgery check.
        var own = await OpenAsync($"/groups/{s.Lone}/edit", cookie);
        var post = await PostAsync($"/groups/{s.Complete}/edit", own,
            ("Version", before.Version.ToString(CultureInfo.InvariantCulture)), ("Mandate.Source", "Taken over"), ("Status", "Concluded"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var members = await OpenAsync($"/groups/{s.Lone}/members", cookie);
        var remove = await PostAsync($"/groups/{s.Complete}/members?handler=Remove", members,
            ("Version", before.Version.ToString(CultureInfo.InvariantCulture)), ("MemberId", before.Members[0].Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);

        var after = await LoadAsync(s.Complete);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Mandate.Source, after.Mandate.Source);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.Members.Count, after.Members.Count);
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("members")]
    public async Task A_plain_account_gets_403_and_an_anonymous_visitor_is_sent_to_sign_in(string page)
    {
        var s = await GroupScenario.SharedAsync(app.Database);
        var url = $"/groups/{s.Lone}/{page}";
        var anonymous = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location?.PathAndQuery ?? anonymous.Headers.Location?.OriginalString);

        var member = await SignedIn.CookieAsync(app);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url, member)).StatusCode);
        var before = await LoadAsync(s.Lone);
        using var request = new HttpRequestMessage(HttpMethod.Post, url + (page == "members" ? "?handler=Remove" : ""))
        {
            Content = new FormUrlEncodedContent([new("Version", before.Version.ToString(CultureInfo.InvariantCulture)), new("Mandate.Source", "x"), new("MemberId", before.Members[0].Id.ToString(CultureInfo.InvariantCulture))]),
        };
        request.Headers.Add("Cookie", member);
        var post = await client.SendAsync(request);
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"a plain account's post answered {(int)post.StatusCode}");
        Assert.Equal(before.Version, (await LoadAsync(s.Lone)).Version);
    }

    [Fact]
    public async Task The_secretariat_may_edit_any_group()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var form = await OpenAsync($"/groups/{s.AdHoc}/edit", admin);
        var response = await PostAsync($"/groups/{s.AdHoc}/edit", form, With(Fields(form),
            ("Status", "Concluded"), ("StartDate", "2024-01-15"), ("EndDate", "2025-06-30")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await LoadAsync(s.AdHoc);
        Assert.Equal(GroupStatus.Concluded, after.Status);
        Assert.Equal(new DateOnly(2025, 6, 30), after.EndDate);
        Assert.Equal(s.CountryB, Assert.Single(after.Countries).Country!.Code);
    }

    [Fact]
    public async Task A_stale_edit_answers_409_and_saves_nothing()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var first = await OpenAsync($"/groups/{s.Complete}/edit", cookie);
        var second = await OpenAsync($"/groups/{s.Complete}/edit", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync($"/groups/{s.Complete}/edit", first, With(Fields(first), ("Mandate.Source", "First edit")))).StatusCode);

        var stale = await PostAsync($"/groups/{s.Complete}/edit", second, With(Fields(second), ("Mandate.Source", "Second edit"), ("Status", "Concluded")));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else saved this group", await stale.Content.ReadAsStringAsync());
        var after = await LoadAsync(s.Complete);
        Assert.Equal("First edit", after.Mandate.Source);
        Assert.Equal(GroupStatus.Active, after.Status);

        // The same holds for the members: a form read before the edit above adds nobody.
        var newcomer = new Rumbo.Core.People.Person { GivenName = "Dora", FamilyName = $"Newcomer {s.Suffix}" };
        await using (var db = app.Database.CreateContext())
        {
            db.People.Add(newcomer);
            await db.SaveChangesAsync();
        }
        var staleAdd = await PostAsync($"/groups/{s.Complete}/members?handler=Add", second,
            ("PersonId", newcomer.Id.ToString(CultureInfo.InvariantCulture)), ("NewRole", "Member"));
        Assert.Equal(HttpStatusCode.Conflict, staleAdd.StatusCode);
        Assert.Equal(after.Members.Count, (await LoadAsync(s.Complete)).Members.Count);
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused_by_the_field_and_changes_nothing()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var form = await OpenAsync($"/groups/{s.Complete}/edit", cookie);
        var response = await PostAsync($"/groups/{s.Complete}/edit", form, With(Fields(form),
            ("StartDate", "2025-03-01"), ("EndDate", "2025-02-28"), ("Mandate.Source", "Not saved")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var end = page.GetElementById("EndDate")!;
        Assert.Equal("true", end.GetAttribute("aria-invalid"));
        Assert.Contains("EndDate-error", end.GetAttribute("aria-describedby"));
        Assert.Equal("The end date cannot be before the start date.", page.GetElementById("EndDate-error")!.TextContent.Trim());
        Assert.Null(page.GetElementById("StartDate")!.GetAttribute("aria-invalid"));
        var after = await LoadAsync(s.Complete);
        Assert.Null(after.EndDate);
        Assert.NotEqual("Not saved", after.Mandate.Source);
    }

    [Fact]
    public async Task A_country_cannot_both_coordinate_and_participate_and_a_retired_line_cannot_be_newly_linked()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        await using (var db = app.Database.CreateContext())
        {
            var line = await db.Lines.SingleAsync(l => l.Code == "3.1.1" && l.Agenda!.Slug == "lc-crp-20-6");
            line.RetiredOn ??= new DateOnly(2025, 1, 1);
            await db.SaveChangesAsync();
        }
        var form = await OpenAsync($"/groups/{s.Complete}/edit", cookie);
        Assert.Null(form.Page.QuerySelector("input[name=Lines][value='3.1.1']"));
        var response = await PostAsync($"/groups/{s.Complete}/edit", form, With(Fields(form), ("Participating", s.CountryA), ("Lines", "3.1.1")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("true", page.GetElementById($"Participating_{s.CountryA}")!.GetAttribute("aria-invalid"));
        Assert.NotNull(page.GetElementById("Countries-error"));
        Assert.Equal("A retired line of action cannot be newly linked.", page.GetElementById("Lines-error")!.TextContent.Trim());
        Assert.DoesNotContain((await LoadAsync(s.Complete)).Lines, l => l.LineOfAction!.Code == "3.1.1");
    }

    [Fact]
    public async Task Coordinators_for_eclac_and_a_ministry_make_the_governance_rules_pass()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        int ministry, eclac;
        await using (var db = app.Database.CreateContext())
        {
            ministry = await db.Institutions.Where(i => i.Name.Source == s.Ministry).Select(i => i.Id).SingleAsync();
            eclac = await db.Institutions.Where(i => i.Name.Source == s.Eclac).Select(i => i.Id).SingleAsync();
        }
        var before = await client.GetPageAsync($"/groups/{s.Sub}");
        // The three coordination rules, and three meetings a year: the subgroup has no meeting.
        Assert.Equal(4, before.QuerySelectorAll("#rules li[data-outcome='broken']").Length);

        var form = await OpenAsync($"/groups/{s.Sub}/members", admin);
        var added = await PostAsync($"/groups/{s.Sub}/members?handler=Add", form,
            ("PersonId", s.Ana.ToString(CultureInfo.InvariantCulture)), ("NewRole", "Coordinator"), ("NewRepresents", ministry.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        form = await OpenAsync($"/groups/{s.Sub}/members", admin);
        added = await PostAsync($"/groups/{s.Sub}/members?handler=Add", form,
            ("PersonId", s.Ben.ToString(CultureInfo.InvariantCulture)), ("NewRole", "Coordinator"), ("NewRepresents", eclac.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var page = await client.GetPageAsync($"/groups/{s.Sub}");
        var rules = page.QuerySelectorAll("#rules li[data-rule]").ToDictionary(li => li.GetAttribute("data-rule")!, li => li.GetAttribute("data-outcome"));
        Assert.Equal(["coordinators.two", "coordinators.ministry", "coordinators.eclac", "meetings.three"], rules.Keys);
        Assert.All(rules.Where(r => r.Key.StartsWith("coordinators.", StringComparison.Ordinal)), r => Assert.Equal("met", r.Value));
        // Coordinators do not make meetings: that rule stays broken until the group meets.
        Assert.Equal("broken", rules["meetings.three"]);
        Assert.Equal(2, page.QuerySelectorAll("ul.coordinators > li").Length);
    }

    [Fact]
    public async Task Members_are_added_changed_and_removed_even_the_last_coordinator()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var admin = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var form = await OpenAsync($"/groups/{s.Lone}/members", admin);
        var again = await PostAsync($"/groups/{s.Lone}/members?handler=Add", form, ("PersonId", s.Carla.ToString(CultureInfo.InvariantCulture)), ("NewRole", "Member"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var invalid = new HtmlParser().ParseDocument(await again.Content.ReadAsStringAsync());
        Assert.Equal("true", invalid.GetElementById("PersonId")!.GetAttribute("aria-invalid"));
        Assert.Equal("This person is already a member of the group.", invalid.GetElementById("PersonId-error")!.TextContent.Trim());

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync($"/groups/{s.Lone}/members?handler=Add", form,
            ("PersonId", s.Ben.ToString(CultureInfo.InvariantCulture)), ("NewRole", "Member"))).StatusCode);
        var group = await LoadAsync(s.Lone);
        var ben = group.Members.Single(m => m.PersonId == s.Ben);
        var carla = group.Members.Single(m => m.PersonId == s.Carla);
        Assert.Equal(GroupRole.Member, ben.Role);

        form = await OpenAsync($"/groups/{s.Lone}/members", admin);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync($"/groups/{s.Lone}/members?handler=Change", form,
            ("MemberId", ben.Id.ToString(CultureInfo.InvariantCulture)), ("Role", "Coordinator"), ("Represents", ""))).StatusCode);
        form = await OpenAsync($"/groups/{s.Lone}/members", admin);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync($"/groups/{s.Lone}/members?handler=Remove", form,
            ("MemberId", carla.Id.ToString(CultureInfo.InvariantCulture)))).StatusCode);
        form = await OpenAsync($"/groups/{s.Lone}/members", admin);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync($"/groups/{s.Lone}/members?handler=Remove", form,
            ("MemberId", ben.Id.ToString(CultureInfo.InvariantCulture)))).StatusCode);

        var after = await LoadAsync(s.Lone);
        Assert.Empty(after.Members);
        Assert.Equal(group.Version + 3, after.Version);
        var page = await client.GetPageAsync($"/groups/{s.Lone}");
        Assert.Equal("broken", page.QuerySelector("#rules li[data-rule='coordinators.two']")!.GetAttribute("data-outcome"));
    }
}

public sealed class SqliteGroupEditingTests(SqliteApp app) : GroupEditingTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresGroupEditingTests(PostgresApp app) : GroupEditingTests(app), IClassFixture<PostgresApp>;
