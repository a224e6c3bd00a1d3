using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Indicators;
using Rumbo.TestSupport;
using Rumbo.Web.Tests.Records;
using static Rumbo.TestSupport.IndicatorScenario;

namespace Rumbo.Web.Tests.Indicators;

/// <summary>
/// The framework's editors: a new indicator takes the next code of its objective; bad input is answered by its field and
/// stores nothing; a change of what an indicator measures after values were reported needs a note and makes a new version,
/// the values staying with the old one; a stale form answers 409; the regional target is the framework editors', a
/// country's own target its focal points' (and the secretariat's), and the indicator's page shows it.
/// </summary>
public abstract class FrameworkEditingTests(RumboApp app)
{
    private readonly RecordsTestKit kit = new(app);

    /// <summary>The agenda's ad hoc working group on targets and indicators (LC/CRP.20/6), whose coordinators keep the framework.</summary>
    private const string AdHocGroup = "targets-and-indicators";

    private const string Indicators = $"/agendas/{Agenda}/indicators";

    private static string Edit(string code) => $"{Indicators}/{code}/edit";

    private static string Targets(string code) => $"{Indicators}/{code}/targets";

    private static string Error(IHtmlDocument page, string id) => page.GetElementById(id)?.TextContent.Trim() ?? $"(no #{id})";

    private async Task<string> CoordinatorAsync() => (await SignedIn.CoordinatorAsync(app, AdHocGroup)).Cookie;

    private Task<string> SecretariatAsync() => SignedIn.CookieAsync(app, Roles.SecretariatAdmin);

    private async Task<(int Indicators, int Versions, int Targets, int Audit)> CountsAsync()
    {
        await using var db = app.Database.CreateContext();
        return (await db.Indicators.CountAsync(), await db.IndicatorVersions.CountAsync(), await db.IndicatorTargets.CountAsync(), await db.AuditEntries.CountAsync());
    }

    /// <summary>A new indicator's form as the page serves it (objective chosen), filled in, with the changes.</summary>
    private async Task<(RecordsTestKit.Form Form, List<(string Name, string Value)> Fields)> NewFormAsync(string cookie, string objective, params (string Name, string Value)[] changes)
    {
        var form = await kit.OpenAsync($"{Indicators}/new?objective={objective}", cookie);
        var served = RecordsTestKit.Fields(form.Page);
        Assert.Contains(("Objective", objective), served);
        var filled = RecordsTestKit.With(served,
            ("Status", "Adopted"), ("Title.Source", "Territorial plans with a monitoring framework"),
            ("Definition.Source", "Share of the territorial development plans in force with approved indicators and targets."),
            ("Method.Source", "Plans with a framework divided by the plans in force, times 100."), ("Source.Source", "National planning bodies"),
            ("Unit", "Percent"), ("Decimals", "1"), ("Minimum", "0"), ("Maximum", "100"), ("Periodicity", "Biennial"), ("Direction", "Increase"),
            ("ResponsibleGroup", AdHocGroup), ("Lines", "1.1.1, 1.1.2"), ("SdgTargets", "17.18, 16.6"));
        filled = RecordsTestKit.With(filled, ("Dimensions", "sex"), ("Dimensions", "area"));
        // A change of Dimensions replaces every box ticked.
        return (form, RecordsTestKit.With(filled, changes));
    }

    private async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(string url, RecordsTestKit.Form form, IEnumerable<(string Name, string Value)> fields)
    {
        var response = await kit.PostAsync(url, form, fields);
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private static string Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString ?? "(no location)";

    [Fact]
    public async Task The_ad_hoc_group_s_coordinator_creates_an_indicator_with_the_next_code_of_its_objective()
    {
        var coordinator = await CoordinatorAsync();
        Assert.Single(await VersionsAsync(app.Database, "1.1-a"));
        Assert.Empty(await VersionsAsync(app.Database, "1.1-b"));

        var (form, fields) = await NewFormAsync(coordinator, "1.1");
        var (created, _) = await PostAsync($"{Indicators}/new", form, fields);
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"POST new answered {(int)created.StatusCode}");
        Assert.Equal($"{Indicators}/1.1-b", Location(created));

        await using (var db = app.Database.CreateContext())
        {
            var i = await db.Indicators.AsNoTracking().Include(x => x.Versions).Include(x => x.SdgTargets).Include(x => x.Lines).ThenInclude(l => l.LineOfAction)
                .Include(x => x.Objective).SingleAsync(x => x.Code == "1.1-b" && x.Agenda!.Slug == Agenda);
            Assert.Equal(("1.1", IndicatorStatus.Adopted, false), (i.Objective!.Code, i.Status, i.IsExample));
            var v = Assert.Single(i.Versions);
            Assert.Equal((1, "Territorial plans with a monitoring framework", IndicatorUnit.Percent, 1, (double?)0, (double?)100, Periodicity.Biennial, Direction.Increase, "sex,area", ""),
                (v.Number, v.Title.Source, v.Unit, v.Decimals, v.Minimum, v.Maximum, v.Periodicity, v.Direction, v.Dimensions, v.ChangeNote));
            Assert.Equal("Share of the territorial development plans in force with approved indicators and targets.", v.Definition.Source);
            Assert.Equal(AdHocGroup, await db.Groups.Where(g => g.Id == v.ResponsibleGroupId).Select(g => g.Slug).SingleAsync());
            Assert.Equal(["1.1.1", "1.1.2"], i.Lines.Select(l => l.LineOfAction!.Code).Order());
            Assert.Equal(["16.6", "17.18"], i.SdgTargets.Select(t => t.Code).Order(StringComparer.Ordinal));
        }

        // Its page is public at once, with what was typed and no value yet.
        var page = await kit.Client.GetPageAsync($"{Indicators}/1.1-b");
        Assert.Equal("Territorial plans with a monitoring framework", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("No approved value yet.", page.GetElementById("progress-heading")!.ParentElement!.TextContent);

        // The next one of the same objective is 1.1-c; another objective starts at -a.
        (form, fields) = await NewFormAsync(coordinator, "1.1", ("Title.Source", "Local plans with citizen participation"));
        Assert.Equal($"{Indicators}/1.1-c", Location((await PostAsync($"{Indicators}/new", form, fields)).Response));
        (form, fields) = await NewFormAsync(coordinator, "2.1", ("Title.Source", "Foresight units in central government"));
        Assert.Equal($"{Indicators}/2.1-a", Location((await PostAsync($"{Indicators}/new", form, fields)).Response));
    }

    [Fact]
    public async Task Editors_creating_indicators_of_one_objective_at_once_get_distinct_codes_or_a_conflict_never_an_error()
    {
        var editors = new[] { await CoordinatorAsync(), await SecretariatAsync(), await CoordinatorAsync(), await SecretariatAsync() };
        var forms = new List<(RecordsTestKit.Form Form, List<(string Name, string Value)> Fields)>();
        foreach (var (cookie, n) in editors.Select((c, n) => (c, n))) forms.Add(await NewFormAsync(cookie, "4.2", ("Title.Source", $"Evaluation units in ministries, proposal {n + 1}")));
        var before = await CountsAsync();

        var answers = await Task.WhenAll(forms.Select(f => PostAsync($"{Indicators}/new", f.Form, f.Fields)));
        var statuses = answers.Select(a => (int)a.Response.StatusCode).ToList();
        Assert.True(statuses.All(s => s is 302 or 409), $"Concurrent creations answered {string.Join(", ", statuses)}");
        var codes = answers.Where(a => a.Response.StatusCode == HttpStatusCode.Redirect).Select(a => Location(a.Response).Split('/')[^1]).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^4\\.2-[a-z]$", c));
        Assert.Equal(before.Indicators + codes.Count, (await CountsAsync()).Indicators);
    }

    public static TheoryData<string> BadInputs() => [.. Bad.Keys];

    /// <summary>A bad form: what is changed, the id of the message and the message by the field.</summary>
    private static readonly Dictionary<string, ((string Name, string Value)[] Changes, string ErrorId, string Message)> Bad = new()
    {
        ["no objective"] = ([("Objective", "")], "Objective-error", "Choose the strategic objective the indicator measures."),
        ["an objective the agenda does not have"] = ([("Objective", "9.9")], "Objective-error", "Choose the strategic objective the indicator measures."),
        ["no title"] = ([("Title.Source", " ")], "Title_Source-error", "The text is required."),
        ["no definition"] = ([("Definition.Source", "")], "Definition_Source-error", "Say what the indicator measures."),
        ["a bad SDG target code"] = ([("SdgTargets", "17.18, 99.x.y")], "SdgTargets-error", "99.x.y is not an SDG target code such as 17.18."),
        ["a smallest value above the largest"] = ([("Minimum", "100"), ("Maximum", "0")], "Maximum-error", "The largest value must be above the smallest."),
        ["a smallest value equal to the largest"] = ([("Minimum", "50"), ("Maximum", "50")], "Maximum-error", "The largest value must be above the smallest."),
        ["a range that is not a number"] = ([("Minimum", "low")], "Minimum-error", "Enter a number."),
        ["an unknown line of action"] = ([("Lines", "1.1.1, 9.9.9")], "Lines-error", "No line of action of this agenda has the code 9.9.9."),
        ["too many decimals"] = ([("Decimals", "7")], "Decimals-error", "Give from 0 to 6 decimals."),
        ["a breakdown not in the list"] = ([("Dimensions", "colour")], "Dimensions-error", "Choose breakdowns from the list."),
        ["a responsible body that is no group of the agenda"] = ([("ResponsibleGroup", "no-such-group")], "ResponsibleGroup-error", "Choose a group of this agenda."),
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_answered_by_its_field_and_stores_nothing(string bad)
    {
        var (changes, errorId, message) = Bad[bad];
        var secretariat = await SecretariatAsync();
        var (form, fields) = await NewFormAsync(secretariat, "3.3", changes);
        var before = await CountsAsync();

        var (response, page) = await PostAsync($"{Indicators}/new", form, fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(message, Error(page, errorId));
        Assert.Equal(before, await CountsAsync());
        // What was typed comes back to be corrected.
        Assert.Equal(fields.Single(f => f.Name == "Definition.Source").Value, page.QuerySelector("textarea[name='Definition.Source']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_change_of_what_an_indicator_measures_after_values_were_reported_needs_a_note_and_makes_a_new_version()
    {
        const string Code = "3.4-a";
        var secretariat = await SecretariatAsync();
        var before = Assert.Single(await VersionsAsync(app.Database, Code));
        Assert.True(before.Values > 0);
        var approved = (await ApprovedAsync(app.Database, Code)).Count;
        Assert.True(approved > 0);
        const string NewTitle = "Sector plans mapped to the national development plan's targets";

        var form = await kit.OpenAsync(Edit(Code), secretariat);
        Assert.Contains("Values were reported under version 1", form.Page.QuerySelector("main p.notice")!.TextContent);
        var fields = RecordsTestKit.With(RecordsTestKit.Fields(form.Page), ("Title.Source", NewTitle), ("ChangeNote", ""));
        var counts = await CountsAsync();
        var (refused, refusedPage) = await PostAsync(Edit(Code), form, fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("say why it changes", Error(refusedPage, "ChangeNote-error"));
        Assert.Equal(counts, await CountsAsync());
        Assert.Equal([before], await VersionsAsync(app.Database, Code));

        const string Why = "The plans are now mapped to targets, not only to objectives.";
        form = await kit.OpenAsync(Edit(Code), secretariat);
        fields = RecordsTestKit.With(RecordsTestKit.Fields(form.Page), ("Title.Source", NewTitle), ("ChangeNote", Why));
        var (saved, _) = await PostAsync(Edit(Code), form, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"{Indicators}/{Code}", Location(saved));

        // Version 2 says what it measures now and why; every value stays with version 1.
        var versions = await VersionsAsync(app.Database, Code);
        Assert.Equal(2, versions.Count);
        Assert.Equal(before, versions[0]);
        Assert.Equal((2, NewTitle, Why, 0), (versions[1].Number, versions[1].Title, versions[1].ChangeNote, versions[1].Values));
        Assert.All(await ApprovedAsync(app.Database, Code), v => Assert.Equal(1, v.Version));

        var page = await kit.Client.GetPageAsync($"{Indicators}/{Code}");
        Assert.Equal(NewTitle, page.QuerySelector("h1")!.TextContent.Trim());
        var earlier = page.QuerySelector("section[aria-labelledby=versions-heading]");
        Assert.True(earlier is not null, "The page has no section of earlier versions.");
        Assert.Equal("Earlier versions", earlier.QuerySelector("h2")!.TextContent.Trim());
        var item = Regex.Replace(Assert.Single(earlier.QuerySelectorAll("ol.versions li")).TextContent, @"\s+", " ").Trim();
        Assert.StartsWith($"Version 1: {before.Title}", item);
        Assert.Contains($"{approved} approved values", item);
        Assert.Contains($"Why version 2: {Why}", earlier.TextContent);

        // The API says the same, and its observations keep their version.
        var api = await kit.Client.GetFromJsonAsync<JsonElement>($"/api/v1/agendas/{Agenda}/indicators/{Code}");
        Assert.Equal(2, api.GetProperty("current").GetProperty("number").GetInt32());
        Assert.Equal([2, 1], api.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        var observations = await kit.Client.GetFromJsonAsync<JsonElement>($"/api/v1/agendas/{Agenda}/indicators/{Code}/observations?version=1&pageSize=1");
        Assert.Equal(approved, observations.GetProperty("total").GetInt32());

        // Version 2 has no value yet: changing what it measures needs no note and makes no version 3.
        form = await kit.OpenAsync(Edit(Code), secretariat);
        Assert.Null(form.Page.QuerySelector("main p.notice"));
        fields = RecordsTestKit.With(RecordsTestKit.Fields(form.Page), ("Title.Source", NewTitle + " (all sectors)"), ("ChangeNote", ""));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(Edit(Code), form, fields)).Response.StatusCode);
        versions = await VersionsAsync(app.Database, Code);
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(NewTitle + " (all sectors)", versions[1].Title);
    }

    [Fact]
    public async Task A_change_that_leaves_what_an_indicator_measures_as_it_is_needs_no_note_and_keeps_the_version()
    {
        const string Code = "4.1-a";
        var coordinator = await CoordinatorAsync();
        var before = Assert.Single(await VersionsAsync(app.Database, Code));
        Assert.True(before.Values > 0);

        var form = await kit.OpenAsync(Edit(Code), coordinator);
        var fields = RecordsTestKit.With(RecordsTestKit.Fields(form.Page), ("Status", "Adopted"), ("Title.Es", "Programas del plan con marco de seguimiento"),
            ("SdgTargets", "17.18, 16.6"), ("ChangeNote", ""));
        var (saved, _) = await PostAsync(Edit(Code), form, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal([before], await VersionsAsync(app.Database, Code));
        await using var db = app.Database.CreateContext();
        var i = await db.Indicators.AsNoTracking().Include(x => x.Versions).Include(x => x.SdgTargets).SingleAsync(x => x.Code == Code && x.Agenda!.Slug == Agenda);
        Assert.Equal(IndicatorStatus.Adopted, i.Status);
        Assert.Equal("Programas del plan con marco de seguimiento", i.Versions.Single().Title.Es);
        Assert.Equal(["16.6", "17.18"], i.SdgTargets.Select(t => t.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_stale_form_answers_409_and_saves_nothing()
    {
        const string Code = "4.6-a";
        var secretariat = await SecretariatAsync();
        var coordinator = await CoordinatorAsync();
        var first = await kit.OpenAsync(Edit(Code), coordinator);
        var second = await kit.OpenAsync(Edit(Code), secretariat);
        var read = second.Value("Version");

        var (saved, _) = await PostAsync(Edit(Code), first, RecordsTestKit.With(RecordsTestKit.Fields(first.Page), ("Status", "Adopted")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var counts = await CountsAsync();
        await using (var db = app.Database.CreateContext())
        {
            var now = await db.Indicators.AsNoTracking().SingleAsync(x => x.Code == Code && x.Agenda!.Slug == Agenda);
            Assert.NotEqual(read, now.Version.ToString(CultureInfo.InvariantCulture));
        }

        var (stale, page) = await PostAsync(Edit(Code), second, RecordsTestKit.With(RecordsTestKit.Fields(second.Page), ("Status", "Retired"), ("Title.Es", "Cambio tardío")));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone saved this indicator meanwhile", Error(page, "form-error"));
        Assert.Equal(counts, await CountsAsync());
        await using (var db = app.Database.CreateContext())
        {
            var i = await db.Indicators.AsNoTracking().Include(x => x.Versions).SingleAsync(x => x.Code == Code && x.Agenda!.Slug == Agenda);
            Assert.Equal(IndicatorStatus.Adopted, i.Status);
            Assert.NotEqual("Cambio tardío", i.Versions.Single().Title.Es);
            // The form comes back with what is saved now, to be changed again.
            Assert.Equal(i.Version.ToString(CultureInfo.InvariantCulture), page.QuerySelector("input[name=Version]")!.GetAttribute("value"));
        }

        // A target works the same way: a form read before another save answers 409.
        var target1 = await kit.OpenAsync(Targets(Code), secretariat);
        var target2 = await kit.OpenAsync(Targets(Code), coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(Targets(Code), target1, RecordsTestKit.With(RecordsTestKit.Fields(target1.Page), ("TargetValue", "45")))).Response.StatusCode);
        var regional = await TargetAsync(app.Database, Code, null);
        var (staleTarget, targetPage) = await PostAsync(Targets(Code), target2, RecordsTestKit.With(RecordsTestKit.Fields(target2.Page), ("TargetValue", "50")));
        Assert.Equal(HttpStatusCode.Conflict, staleTarget.StatusCode);
        Assert.Contains("Someone saved this target meanwhile", Error(targetPage, "form-error"));
        Assert.Equal((45.0, regional!.Version), ((await TargetAsync(app.Database, Code, null))!.TargetValue, (await TargetAsync(app.Database, Code, null))!.Version));

        // A new target (-1) where one was set meanwhile is a conflict too.
        var (again, _) = await PostAsync(Targets(Code), target2, RecordsTestKit.With(RecordsTestKit.Fields(target2.Page), ("Version", "-1"), ("TargetValue", "50")));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(45.0, (await TargetAsync(app.Database, Code, null))!.TargetValue);
    }

    [Fact]
    public async Task The_regional_target_is_set_by_a_framework_editor_with_the_target_year_five_years_after_the_base_by_default()
    {
        const string Code = "4.4-a";
        var coordinator = await CoordinatorAsync();
        var form = await kit.OpenAsync(Targets(Code), coordinator);
        Assert.Equal("", form.Page.QuerySelector("form[method=post] input[name=Country]")!.GetAttribute("value") ?? "");
        var fields = RecordsTestKit.With(RecordsTestKit.Fields(form.Page), ("BaselineYear", "2021"), ("BaselineValue", "15"), ("TargetYear", ""),
            ("TargetValue", "30"), ("Milestones", "2023 20\n\n2024 24\n"), ("Note", "Set by the working group."));
        var (saved, _) = await PostAsync(Targets(Code), form, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"{Indicators}/{Code}#targets-heading", Location(saved));

        var target = (await TargetAsync(app.Database, Code, null))!;
        Assert.Equal((2021, (double?)15, 2026, (double?)30, "Set by the working group."), (target.BaselineYear, target.BaselineValue, target.TargetYear, target.TargetValue, target.Note));
        Assert.Equal([(2023, 20.0), (2024, 24.0)], target.Milestones.OrderBy(m => m.Year).Select(m => (m.Year, m.Value)));

        var page = await kit.Client.GetPageAsync($"{Indicators}/{Code}");
        var row = page.QuerySelector("table.targets tr[data-country=region]")!;
        Assert.Equal(["15 (2021)", "20 (2023); 24 (2024)", "30 (2026)"], row.QuerySelectorAll("td").Select(td => Regex.Replace(td.TextContent, @"\s+", " ").Trim()));
    }

    public static TheoryData<string> BadTargets() => [.. BadTarget.Keys];

    private static readonly Dictionary<string, ((string Name, string Value)[] Changes, string ErrorId, string Message)> BadTarget = new()
    {
        ["a target year before the base year"] = ([("BaselineYear", "2022"), ("TargetYear", "2020")], "TargetYear-error", "The target year must come after the base year."),
        ["a target year equal to the base year"] = ([("BaselineYear", "2022"), ("TargetYear", "2022")], "TargetYear-error", "The target year must come after the base year."),
        ["no base year"] = ([("BaselineYear", "")], "BaselineYear-error", "Enter a year from 1900 to 2200."),
        ["a milestone line without its value"] = ([("Milestones", "2024 60\n2026")], "Milestones-error", "Line 2: write a year and a number, such as 2020 45.5."),
        ["a milestone that is not a number"] = ([("Milestones", "2024 sixty")], "Milestones-error", "Line 1: write a year and a number, such as 2020 45.5."),
        ["a milestone after the target year"] = ([("BaselineYear", "2020"), ("TargetYear", "2030"), ("Milestones", "2031 70")], "Milestones-error", "Line 1: a milestone falls between the base year and the target year."),
        ["a target value out of the indicator's range"] = ([("TargetValue", "150")], "TargetValue-error", "The value must be from 0 to 100."),
    };

    [Theory]
    [MemberData(nameof(BadTargets))]
    public async Task A_bad_target_is_answered_by_its_field_and_stores_nothing(string bad)
    {
        const string Code = "1.2-a";
        var (changes, errorId, message) = BadTarget[bad];
        var secretariat = await SecretariatAsync();
        var form = await kit.OpenAsync(Targets(Code), secretariat);
        var before = await TargetAsync(app.Database, Code, null);
        var counts = await CountsAsync();

        var (response, page) = await PostAsync(Targets(Code), form, RecordsTestKit.With(RecordsTestKit.Fields(form.Page), changes));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(message, Error(page, errorId));
        Assert.Equal(counts, await CountsAsync());
        var after = await TargetAsync(app.Database, Code, null);
        Assert.Equal((before!.Version, before.TargetYear, before.TargetValue, before.Milestones.Count), (after!.Version, after.TargetYear, after.TargetValue, after.Milestones.Count));
    }

    [Fact]
    public async Task A_focal_point_of_Chile_sets_Chile_s_own_target_and_the_indicator_page_shows_it_but_not_Argentina_s()
    {
        const string Code = "3.1-a";
        var chile = await SignedIn.CookieAsync(app, personId: await FocalPointAsync(app.Database, "CL"));
        Assert.Null(await TargetAsync(app.Database, Code, "CL"));
        var regional = (await TargetAsync(app.Database, Code, null))!;

        // The page offers Chile alone: a focal point does not keep the regional target.
        var form = await kit.OpenAsync(Targets(Code), chile);
        Assert.Equal(["CL"], form.Page.QuerySelectorAll("select#Country option").Select(o => o.GetAttribute("value")));
        Assert.Equal(("CL", "-1"), (form.Page.QuerySelector("form[method=post] input[name=Country]")!.GetAttribute("value"), form.Value("Version")));
        var fields = RecordsTestKit.With(RecordsTestKit.Fields(form.Page), ("BaselineYear", "2020"), ("BaselineValue", "52.5"), ("TargetYear", ""),
            ("TargetValue", "90"), ("Milestones", "2022 60\n2024 75"), ("Note", "Chile's own target."));
        var (saved, _) = await PostAsync(Targets(Code), form, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var own = (await TargetAsync(app.Database, Code, "CL"))!;
        Assert.Equal((2020, (double?)52.5, 2025, (double?)90, "Chile's own target."), (own.BaselineYear, own.BaselineValue, own.TargetYear, own.TargetValue, own.Note));
        Assert.Equal([(2022, 60.0), (2024, 75.0)], own.Milestones.OrderBy(m => m.Year).Select(m => (m.Year, m.Value)));
        var after = (await TargetAsync(app.Database, Code, null))!;
        Assert.Equal((regional.Version, regional.TargetValue), (after.Version, after.TargetValue));

        // The indicator's page shows Chile's own target beside the regional one.
        var page = await kit.Client.GetPageAsync($"{Indicators}/{Code}");
        var row = page.QuerySelector("table.targets tr[data-country=CL]");
        Assert.True(row is not null, "The indicator's page does not show Chile's own target.");
        Assert.Contains("(the country's own target)", row.QuerySelector("th")!.TextContent);
        Assert.Equal(["52.5 (2020)", "60.0 (2022); 75.0 (2024)", "90.0 (2025)"], row.QuerySelectorAll("td").Select(td => Regex.Replace(td.TextContent, @"\s+", " ").Trim()));
        Assert.NotNull(page.QuerySelector("table.targets tr[data-country=region]"));
        var api = await kit.Client.GetFromJsonAsync<JsonElement>($"/api/v1/agendas/{Agenda}/indicators/{Code}");
        var chileTarget = api.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("country").GetString() == "CL");
        Assert.Equal((2025, 90.0), (chileTarget.GetProperty("targetYear").GetInt32(), chileTarget.GetProperty("targetValue").GetDouble()));

        // Argentina's own target is not Chile's focal point's to set, nor is the page to open.
        var counts = await CountsAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.GetAsync($"{Targets(Code)}?Country=AR", chile)).StatusCode);
        form = await kit.OpenAsync(Targets(Code), chile);
        var (refused, _) = await PostAsync(Targets(Code), form, RecordsTestKit.With(RecordsTestKit.Fields(form.Page), ("Country", "AR"), ("Version", "-1"), ("TargetValue", "99")));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(await TargetAsync(app.Database, Code, "AR"));
        Assert.Equal(counts, await CountsAsync());

        // Nor is the framework: no new indicator, no edit.
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.GetAsync($"{Indicators}/new", chile)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.GetAsync(Edit(Code), chile)).StatusCode);

        // The secretariat sets any member State's own target.
        var secretariat = await SecretariatAsync();
        form = await kit.OpenAsync($"{Targets(Code)}?Country=AR", secretariat);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(Targets(Code), form, RecordsTestKit.With(RecordsTestKit.Fields(form.Page), ("TargetValue", "88")))).Response.StatusCode);
        Assert.Equal(88.0, (await TargetAsync(app.Database, Code, "AR"))!.TargetValue);
    }

    [Fact]
    public async Task A_focal_point_who_posts_the_regional_target_is_refused_and_nothing_changes()
    {
        const string Code = "2.2-a";
        var colombia = await SignedIn.CookieAsync(app, personId: await FocalPointAsync(app.Database, "CO"));
        var regional = (await TargetAsync(app.Database, Code, null))!;
        var form = await kit.OpenAsync(Targets(Code), colombia);
        var counts = await CountsAsync();

        // The regional target's form (Country empty), as the framework's editors post it: with the version they read, and as
        // a new target (-1), as for an indicator that has no regional target yet.
        (string, string)[] Regional(string version) =>
        [
            ("Country", ""), ("Version", version), ("BaselineYear", "2020"), ("BaselineValue", ""), ("TargetYear", "2030"), ("TargetValue", "40"),
            ("Milestones", ""), ("Note", "Not theirs to set."),
        ];
        var (read, _) = await PostAsync(Targets(Code), form, Regional(regional.Version.ToString(CultureInfo.InvariantCulture)));
        var (fresh, _) = await PostAsync(Targets(Code), form, Regional("-1"));
        var colombiaOwn = await TargetAsync(app.Database, Code, "CO");
        Assert.True(read.StatusCode == HttpStatusCode.Forbidden && fresh.StatusCode == HttpStatusCode.Forbidden,
            $"A focal point's post of the regional target answered {(int)read.StatusCode} (with the regional version) and {(int)fresh.StatusCode} (as new); "
            + (colombiaOwn is null ? "no target of Colombia was made." : $"Colombia's own target was set instead (target {colombiaOwn.TargetValue}, note '{colombiaOwn.Note}')."));
        Assert.Equal(counts, await CountsAsync());
        Assert.Null(colombiaOwn);
        var after = (await TargetAsync(app.Database, Code, null))!;
        Assert.Equal((regional.Version, regional.TargetValue, regional.Note), (after.Version, after.TargetValue, after.Note));
    }

    [Fact]
    public async Task Someone_who_coordinates_another_group_keeps_no_part_of_the_framework()
    {
        var scenario = await GroupScenario.SharedAsync(app.Database);
        var (other, _) = await SignedIn.CoordinatorAsync(app, scenario.Complete);
        foreach (var url in new[] { $"{Indicators}/new", Edit("1.3-a"), Targets("1.3-a") })
        {
            Assert.True((await kit.GetAsync(url, other)).StatusCode == HttpStatusCode.Forbidden, $"GET {url} did not answer 403");
        }
        var counts = await CountsAsync();
        var form = await kit.AnyFormAsync(other);
        var (created, _) = await PostAsync($"{Indicators}/new", form, [("Objective", "1.3"), ("Title.Source", "Not theirs"), ("Definition.Source", "Not theirs.")]);
        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
        Assert.Equal(counts, await CountsAsync());

        // Signed out, the editors ask to sign in.
        foreach (var url in new[] { $"{Indicators}/new", Edit("1.3-a"), Targets("1.3-a") })
        {
            var response = await kit.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", Location(response));
        }
    }
}

public sealed class SqliteFrameworkEditingTests(SqliteApp app) : FrameworkEditingTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFrameworkEditingTests(PostgresApp app) : FrameworkEditingTests(app), IClassFixture<PostgresApp>;
