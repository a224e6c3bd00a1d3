using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Plans;
using Rumbo.TestSupport;
using static Rumbo.Web.Tests.Records.RecordsTestKit;

namespace Rumbo.Web.Tests.Plans;

/// <summary>
/// A group's coordinators and the secretariat write its plans of work: bad input is refused by the field with 422 and
/// changes nothing, a stale edit answers 409, and every change is in the audit trail.
/// </summary>
public abstract class PlanEditingTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    private sealed record Form(string Cookies, string Token, string Version, IHtmlDocument Page);

    private async Task<Form> OpenAsync(string url, string cookie)
    {
        var response = await client.GetAsync(url, cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var antiforgery = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = page.QuerySelector("input[name=Version]")?.GetAttribute("value") ?? "";
        return new Form($"{cookie}; {antiforgery}", token, version, page);
    }

    private async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(string url, Form form, params (string Name, string Value)[] fields)
    {
        var body = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", form.Token) };
        if (fields.All(f => f.Name != "Version")) body.Add(new("Version", form.Version));
        body.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(body) };
        request.Headers.Add("Cookie", form.Cookies);
        var response = await client.SendAsync(request);
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private async Task<WorkPlan> LoadAsync(int id)
    {
        await using var db = app.Database.CreateContext();
        return await db.WorkPlans.AsNoTracking()
            .Include(p => p.Activities).ThenInclude(a => a.Lines).ThenInclude(l => l.LineOfAction)
            .Include(p => p.Activities).ThenInclude(a => a.Countries).ThenInclude(c => c.Country)
            .Include(p => p.Activities).ThenInclude(a => a.ResponsibleGroup)
            .AsSplitQuery().SingleAsync(p => p.Id == id);
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.AuditEntries.CountAsync();
    }

    private static (string, string)[] Activity(string title, string? start, string? end, string lines = "", string responsible = "", string status = "Planned", params string[] countries) =>
    [
        ("Activity.Title.Source", title), ("Activity.StartMonth", start ?? ""), ("Activity.EndMonth", end ?? ""),
        ("Activity.Lines", lines), ("Activity.Responsible", responsible), ("Activity.Status", status),
        .. countries.Select(c => ("Activity.Countries", c)),
    ];

    [Fact]
    public async Task A_coordinator_creates_a_plan_adds_activities_and_the_plan_page_shows_them()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var (cookie, userId) = await SignedIn.CoordinatorAsync(app, s.Complete);

        var groupPage = new HtmlParser().ParseDocument(await (await client.GetAsync($"/groups/{s.Complete}", cookie)).Content.ReadAsStringAsync());
        Assert.NotNull(groupPage.QuerySelector($"#plans a[href='/groups/{s.Complete}/plans/new']"));

        var form = await OpenAsync($"/groups/{s.Complete}/plans/new", cookie);
        var (created, _) = await PostAsync($"/groups/{s.Complete}/plans/new", form,
            ("Fields.Title.Source", "Plan of work 2026–2027"), ("Fields.Title.Es", "Plan de trabajo 2026-2027"),
            ("Fields.Description.Source", "What the group will do."), ("Fields.PeriodStart", "2026-01"), ("Fields.PeriodEnd", "2027-12"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.OriginalString;
        Assert.Matches("^/plans/[0-9]+/edit$", edit);
        var id = int.Parse(edit.Split('/')[2], CultureInfo.InvariantCulture);

        form = await OpenAsync(edit, cookie);
        var (added, _) = await PostAsync($"/plans/{id}/edit?handler=Activity", form,
            Activity("Foresight seminar", "2026-03", "2026-05", "2.4.1, 2.5.1", s.Sub, "InProgress", s.CountryA, s.CountryB));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        form = await OpenAsync(edit, cookie);
        (added, _) = await PostAsync($"/plans/{id}/edit?handler=Activity", form, Activity("Report to the conference", null, null));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var plan = await LoadAsync(id);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 1), PlanStatus.Draft), (plan.PeriodStart, plan.PeriodEnd, plan.Status));
        var seminar = plan.Activities.Single(a => a.Position == 1);
        Assert.Equal(("Foresight seminar", new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 1), ActivityStatus.InProgress), (seminar.Title.Source, seminar.StartMonth, seminar.EndMonth, seminar.Status));
        Assert.Equal(s.Sub, seminar.ResponsibleGroup!.Slug);
        Assert.Equal(["2.4.1", "2.5.1"], seminar.Lines.Select(l => l.LineOfAction!.Code).Order());
        Assert.Equal([s.CountryA, s.CountryB], seminar.Countries.Select(c => c.Country!.Code).Order());
        Assert.Null(plan.Activities.Single(a => a.Position == 2).StartMonth);
        // Created at version 0; each activity added is one save of the plan.
        Assert.Equal(2, plan.Version);

        var page = await client.GetPageAsync($"/plans/{id}");
        Assert.Equal("Plan of work 2026–2027", page.QuerySelector("h1")!.TextContent.Trim());
        var row = page.QuerySelector($"table.timeline tr[data-activity='{seminar.Id}']")!;
        Assert.Equal(["2026-03", "2026-04", "2026-05"], row.QuerySelectorAll("td.on").Select(td => td.GetAttribute("data-month")));
        Assert.Equal(24, row.QuerySelectorAll("td").Length);
        Assert.Contains("(no months set)", page.QuerySelector($"table.timeline tr[data-activity='{plan.Activities.Single(a => a.Position == 2).Id}'] th")!.TextContent);
        var item = page.QuerySelector($"#activity-{seminar.Id}")!;
        Assert.Contains("In progress", item.TextContent);
        // Countries are joined as a sentence would join them: no space before the comma.
        var countries = item.QuerySelectorAll("a[href^='/countries/']").Select(a => a.TextContent).ToList();
        Assert.Equal(2, countries.Count);
        Assert.Contains($"{countries[0]}, {countries[1]}", item.TextContent);
        Assert.NotNull(item.QuerySelector($"a[href='/groups/{s.Sub}']"));
        Assert.NotNull(item.QuerySelector("a[href='/agendas/lc-crp-20-6/lines/2.4.1']"));

        // The line's page lists the activity, and the group page shows the plan.
        var line = await client.GetPageAsync("/agendas/lc-crp-20-6/lines/2.5.1");
        Assert.NotNull(line.QuerySelector($"ul.linked-plans a[href='/plans/{id}']"));
        var group = await client.GetPageAsync($"/groups/{s.Complete}");
        Assert.NotNull(group.QuerySelector($"#plans a[href='/plans/{id}']"));
        Assert.Null(group.QuerySelector($"#plans a[href='/groups/{s.Complete}/plans/new']"));

        await using var db = app.Database.CreateContext();
        var idText = id.ToString(CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "WorkPlan" && a.EntityId == idText && a.UserId == userId));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "PlanActivity" && a.UserId == userId));
    }

    [Theory]
    [InlineData("2025-12", "2026-02", "", "Activity.StartMonth", "The month is outside the plan's period.")]
    [InlineData("2027-11", "2028-01", "", "Activity.EndMonth", "The month is outside the plan's period.")]
    [InlineData("2026-06", "2026-04", "", "Activity.EndMonth", "The last month cannot be before the first.")]
    [InlineData("2026-06", "", "", "Activity.EndMonth", "Enter a month as year and month (2025-03).")]
    [InlineData("June", "2026-07", "", "Activity.StartMonth", "Enter a month as year and month (2025-03).")]
    [InlineData("2026-01", "2026-02", "2.4.1, 9.9.9", "Activity.Lines", "Some codes are not lines of action of this group's agenda: 9.9.9.")]
    public async Task A_bad_activity_is_refused_by_the_field_and_nothing_is_written(string start, string end, string lines, string field, string message)
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var id = await PlanScenario.CreatePlanAsync(app.Database, s.Complete);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var before = await LoadAsync(id);
        var audit = await AuditCountAsync();

        var form = await OpenAsync($"/plans/{id}/edit", cookie);
        var (response, page) = await PostAsync($"/plans/{id}/edit?handler=Activity", form, Activity("A seminar", start, end, lines));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var id2 = field.Replace('.', '_');
        Assert.Equal("true", page.GetElementById(id2)!.GetAttribute("aria-invalid"));
        Assert.Equal(message, page.GetElementById($"{id2}-error")!.TextContent.Trim());
        Assert.Contains($"{id2}-error", page.GetElementById(id2)!.GetAttribute("aria-describedby"));
        // What was sent is kept in the form.
        Assert.Equal("A seminar", page.QuerySelector("#Activity_Title_Source")!.GetAttribute("value"));

        var after = await LoadAsync(id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Activities.Count, after.Activities.Count);
        Assert.Equal(audit, await AuditCountAsync());
    }

    [Fact]
    public async Task A_message_with_arguments_is_put_into_words_in_the_readers_language()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var id = await PlanScenario.CreatePlanAsync(app.Database, s.Complete);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);

        var form = await OpenAsync($"/plans/{id}/edit?culture=es", cookie);
        var (response, page) = await PostAsync($"/plans/{id}/edit?handler=Activity&culture=es", form, Activity("Un seminario", "2026-01", "2026-02", "2.4.1, 9.9.9, 9.9.8"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Algunos códigos no son líneas de acción de la agenda de este grupo: 9.9.9, 9.9.8.",
            page.GetElementById("Activity_Lines-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_bad_period_or_a_missing_title_is_refused_by_the_field()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var audit = await AuditCountAsync();
        var form = await OpenAsync($"/groups/{s.Complete}/plans/new", cookie);
        var (response, page) = await PostAsync($"/groups/{s.Complete}/plans/new", form,
            ("Fields.Title.Source", ""), ("Fields.PeriodStart", "2027-01"), ("Fields.PeriodEnd", "2026-12"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("The text is required.", page.GetElementById("Fields_Title_Source-error")!.TextContent.Trim());
        Assert.Equal("The last month cannot be before the first.", page.GetElementById("Fields_PeriodEnd-error")!.TextContent.Trim());
        Assert.Equal(audit, await AuditCountAsync());

        // Shrinking the period of a plan leaves an activity out of it: refused.
        var id = await PlanScenario.CreatePlanAsync(app.Database, s.Complete);
        audit = await AuditCountAsync();
        form = await OpenAsync($"/plans/{id}/edit", cookie);
        (response, page) = await PostAsync($"/plans/{id}/edit", form,
            ("Fields.Title.Source", "Shorter"), ("Fields.PeriodStart", "2026-01"), ("Fields.PeriodEnd", "2026-12"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Some activities run outside this period: change their months first.", page.GetElementById("Fields_PeriodEnd-error")!.TextContent.Trim());
        Assert.Equal(audit, await AuditCountAsync());
        Assert.NotEqual("Shorter", (await LoadAsync(id)).Title.Source);

        // In Spanish, the messages are too.
        var es = await client.GetAsync($"/plans/{id}/edit?culture=es", cookie);
        Assert.Contains("Agregar una actividad", await es.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_stale_edit_answers_409_and_changes_nothing()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var id = await PlanScenario.CreatePlanAsync(app.Database, s.Complete);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var first = await OpenAsync($"/plans/{id}/edit", cookie);
        var second = await OpenAsync($"/plans/{id}/edit", cookie);

        var (saved, _) = await PostAsync($"/plans/{id}/edit?handler=Activity", first, Activity("First writer's activity", "2026-02", "2026-02"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var audit = await AuditCountAsync();

        var (stale, page) = await PostAsync($"/plans/{id}/edit?handler=Activity", second, Activity("Second writer's activity", "2026-02", "2026-02"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else saved this plan", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Second writer's activity", page.QuerySelector("#Activity_Title_Source")!.GetAttribute("value"));
        var (staleMove, _) = await PostAsync($"/plans/{id}/edit?handler=Move&activity={(await LoadAsync(id)).Activities.First().Id}&by=1", second);
        Assert.Equal(HttpStatusCode.Conflict, staleMove.StatusCode);

        var plan = await LoadAsync(id);
        Assert.Equal(3, plan.Activities.Count);
        Assert.DoesNotContain(plan.Activities, a => a.Title.Source == "Second writer's activity");
        Assert.Equal(audit, await AuditCountAsync());
    }

    [Fact]
    public async Task Activities_are_edited_moved_and_removed_without_script()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var id = await PlanScenario.CreatePlanAsync(app.Database, s.Complete);
        var cookie = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var plan = await LoadAsync(id);
        var call = plan.Activities.Single(a => a.Position == 1);
        var seminars = plan.Activities.Single(a => a.Position == 2);

        // Edit: the form opens filled with the activity.
        var form = await OpenAsync($"/plans/{id}/edit?activity={call.Id}", cookie);
        Assert.Equal("Call for participation", form.Page.QuerySelector("#Activity_Title_Source")!.GetAttribute("value"));
        Assert.Equal("2026-01", form.Page.QuerySelector("#Activity_StartMonth")!.GetAttribute("value"));
        var (edited, _) = await PostAsync($"/plans/{id}/edit?handler=Activity&activity={call.Id}", form, Activity("Call for participation", "2026-01", "2026-02", status: "Completed"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        call = (await LoadAsync(id)).Activities.Single(a => a.Id == call.Id);
        Assert.Equal((new DateOnly(2026, 2, 1), ActivityStatus.Completed), (call.EndMonth!.Value, call.Status));

        form = await OpenAsync($"/plans/{id}/edit", cookie);
        var (moved, _) = await PostAsync($"/plans/{id}/edit?handler=Move&activity={seminars.Id}&by=-1", form);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal([seminars.Id, call.Id], (await LoadAsync(id)).Activities.OrderBy(a => a.Position).Select(a => a.Id));
        var page = await client.GetPageAsync($"/plans/{id}");
        Assert.Equal([seminars.Id.ToString(CultureInfo.InvariantCulture), call.Id.ToString(CultureInfo.InvariantCulture)],
            page.QuerySelectorAll("table.timeline tbody tr").Select(r => r.GetAttribute("data-activity")));

        form = await OpenAsync($"/plans/{id}/edit", cookie);
        var (removed, _) = await PostAsync($"/plans/{id}/edit?handler=Remove&activity={seminars.Id}", form);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var after = await LoadAsync(id);
        Assert.Equal([(call.Id, 1)], after.Activities.Select(a => (a.Id, a.Position)));

        // An activity of another plan is not this plan's to change.
        var other = await PlanScenario.CreatePlanAsync(app.Database, s.Lone);
        var foreign = (await LoadAsync(other)).Activities.First().Id;
        form = await OpenAsync($"/plans/{id}/edit", cookie);
        var (notFound, _) = await PostAsync($"/plans/{id}/edit?handler=Remove&activity={foreign}", form);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    [Fact]
    public async Task The_adoption_is_recorded_with_its_meeting_or_a_note_and_shown()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var id = await PlanScenario.CreatePlanAsync(app.Database, s.Complete);
        var (cookie, userId) = await SignedIn.CoordinatorAsync(app, s.Complete);
        int meetingId;
        await using (var db = app.Database.CreateContext())
        {
            var group = await db.Groups.SingleAsync(g => g.Slug == s.Complete);
            var meeting = PlanScenario.Meeting(group.Id, new DateTime(2025, 12, 10, 15, 0, 0, DateTimeKind.Utc), "Annual meeting");
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            meetingId = meeting.Id;
        }

        var form = await OpenAsync($"/plans/{id}/edit", cookie);
        var (refused, page) = await PostAsync($"/plans/{id}/edit?handler=Adopt", form, ("Adoption.AdoptedOn", ""), ("Adoption.MeetingId", ""), ("Adoption.Note", ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull(page.GetElementById("Adoption_AdoptedOn-error"));
        Assert.NotNull(page.GetElementById("Adoption_Note-error"));
        Assert.Equal(PlanStatus.Draft, (await LoadAsync(id)).Status);

        var (adopted, _) = await PostAsync($"/plans/{id}/edit?handler=Adopt", form, ("Adoption.AdoptedOn", "2025-12-10"), ("Adoption.MeetingId", meetingId.ToString(CultureInfo.InvariantCulture)), ("Adoption.Note", ""));
        Assert.Equal(HttpStatusCode.Redirect, adopted.StatusCode);
        var plan = await LoadAsync(id);
        Assert.Equal((PlanStatus.Adopted, new DateOnly(2025, 12, 10), meetingId), (plan.Status, plan.AdoptedOn!.Value, plan.AdoptedAtMeetingId!.Value));

        var view = await client.GetPageAsync($"/plans/{id}");
        Assert.Contains("Adopted on 10 December 2025.", view.QuerySelector("#adoption")!.TextContent);
        Assert.NotNull(view.QuerySelector($"#adoption a[href='/meetings/{meetingId}']"));
        Assert.Equal("Adopted", view.QuerySelector(".plan-status")!.TextContent.Trim());
        Assert.Contains("Aprobado el 10 de diciembre de 2025.", (await client.GetPageAsync($"/plans/{id}", "es")).QuerySelector("#adoption")!.TextContent);

        // A meeting of another group cannot be named.
        form = await OpenAsync($"/plans/{id}/edit", cookie);
        int otherMeeting;
        await using (var db = app.Database.CreateContext())
        {
            otherMeeting = await db.Meetings.Where(m => m.Group!.Slug != s.Complete).Select(m => m.Id).FirstAsync();
        }
        var (wrongMeeting, wrongPage) = await PostAsync($"/plans/{id}/edit?handler=Adopt", form, ("Adoption.AdoptedOn", "2025-12-10"), ("Adoption.MeetingId", otherMeeting.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongMeeting.StatusCode);
        Assert.NotNull(wrongPage.GetElementById("Adoption_MeetingId-error"));

        await using (var db = app.Database.CreateContext())
        {
            var idText = id.ToString(CultureInfo.InvariantCulture);
            var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.EntityType == "WorkPlan" && a.EntityId == idText);
            Assert.Equal(userId, entry.UserId);
            Assert.Contains("Adopted", entry.Changes);
        }
    }

    [Fact]
    public async Task Editing_a_seeded_activity_keeps_its_translations()
    {
        int planId, activityId;
        await using (var db = app.Database.CreateContext())
        {
            var plan = await db.WorkPlans.Include(p => p.Activities).SingleAsync(p => p.Group!.Slug == Rumbo.Core.Seed.DemoPlans.Cooperation);
            planId = plan.Id;
            activityId = plan.Activities.OrderBy(a => a.Position).First().Id;
        }
        var before = (await LoadAsync(planId)).Activities.Single(a => a.Id == activityId);
        // The demo data gives the English text both as the source (the document is the English version) and as the English translation.
        Assert.Equal(before.Title.Source, before.Title.En);
        Assert.NotNull(before.Title.Es);
        Assert.NotNull(before.Description.En);
        var cookie = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);

        // Only the status changes, sent with every field the form shows, as a browser sends it.
        var form = await OpenAsync($"/plans/{planId}/edit?activity={activityId}", cookie);
        var activityForm = $"form[action*='handler=Activity'][action*='activity={activityId}']";
        Assert.Null(form.Page.QuerySelector($"{activityForm} [name='Activity.Title.En']"));
        var fields = With(Fields(form.Page, activityForm), ("Activity.Status", "Completed"));
        var (saved, _) = await PostAsync($"/plans/{planId}/edit?handler=Activity&activity={activityId}", form, [.. fields]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = (await LoadAsync(planId)).Activities.Single(a => a.Id == activityId);
        Assert.Equal(ActivityStatus.Completed, after.Status);
        Assert.Equal((before.Title.Source, before.Title.En, before.Title.Es), (after.Title.Source, after.Title.En, after.Title.Es));
        Assert.Equal((before.Description.Source, before.Description.En, before.Description.Es), (after.Description.Source, after.Description.En, after.Description.Es));

        // A new source text is the English text too: the English translation follows it rather than keeping the old words.
        form = await OpenAsync($"/plans/{planId}/edit?activity={activityId}", cookie);
        fields = With(Fields(form.Page, activityForm), ("Activity.Title.Source", "Sharing of experiences among countries"));
        (saved, _) = await PostAsync($"/plans/{planId}/edit?handler=Activity&activity={activityId}", form, [.. fields]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        after = (await LoadAsync(planId)).Activities.Single(a => a.Id == activityId);
        Assert.Equal(("Sharing of experiences among countries", "Sharing of experiences among countries", before.Title.Es), (after.Title.Source, after.Title.En, after.Title.Es));
        Assert.Equal(before.Description.En, after.Description.En);
        var page = await client.GetPageAsync($"/plans/{planId}");
        Assert.Contains("Sharing of experiences among countries", page.QuerySelector($"#activity-{activityId}")!.TextContent);
    }

    [Fact]
    public async Task Others_are_refused_and_change_nothing()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var id = await PlanScenario.CreatePlanAsync(app.Database, s.Complete);
        var (lone, _) = await SignedIn.CoordinatorAsync(app, s.Lone);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/plans/{id}/edit", lone)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/groups/{s.Complete}/plans/new", lone)).StatusCode);
        var anonymous = await client.GetAsync($"/plans/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/plans/999999/edit", lone)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/plans/999999")).StatusCode);
        // The edit link is only for those who may use it.
        Assert.Null((await client.GetPageAsync($"/plans/{id}")).QuerySelector($"a[href='/plans/{id}/edit']"));
    }
}

public sealed class SqlitePlanEditingTests(SqliteApp app) : PlanEditingTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPlanEditingTests(PostgresApp app) : PlanEditingTests(app), IClassFixture<PostgresApp>;
