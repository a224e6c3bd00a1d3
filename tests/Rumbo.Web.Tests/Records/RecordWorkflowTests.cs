using System.Net;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.TestSupport;
using Rumbo.Web.Tests.Accounts;
using static Rumbo.Web.Tests.Records.RecordsTestKit;
using Rumbo.Core.Records;

namespace Rumbo.Web.Tests.Records;

/// <summary>
/// A record's life: a coordinator starts it from the meeting's agenda, edits sections and outcomes (without script),
/// members comment, it is approved and frozen, changes only through a new version, and the group decides who reads it.
/// </summary>
public abstract class RecordWorkflowTests(RumboApp app)
{
    private readonly RecordsTestKit kit = new(app);

    private async Task<MeetingRecord> LoadAsync(int meetingId, int number)
    {
        await using var db = kit.Db();
        return await db.MeetingRecords.AsNoTracking().Include(r => r.Sections).ThenInclude(s => s.Outcomes).Include(r => r.Comments)
            .AsSplitQuery().SingleAsync(r => r.MeetingId == meetingId && r.Number == number);
    }

    [Fact]
    public async Task A_coordinator_writes_a_record_from_the_agenda_with_an_action_and_approves_it_which_freezes_it()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var (cookie, coordinator) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Coordinator);
        var baseUrl = $"/meetings/{s.Meeting}/records";

        var form = await kit.OpenAsync($"{baseUrl}/new", cookie);
        var fields = Fields(form.Page);
        Assert.Contains(("Items", s.Item1.ToString()), fields);
        var created = await kit.PostAsync($"{baseUrl}/new", form, With(fields, ("Kind", "Minutes"), ("Language", "en"), ("OtherSections", "Other matters\n\nClosing")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"{baseUrl}/1/edit", created.Headers.Location?.OriginalString);
        var record = await LoadAsync(s.Meeting, 1);
        Assert.Equal(RecordStatus.Draft, record.Status);
        Assert.Equal([RecordsScenario.Item1Title, RecordsScenario.Item2Title, "Other matters", "Closing"], record.Sections.OrderBy(x => x.Position).Select(x => x.Heading.Source).ToArray());
        Assert.Equal(s.Item1, record.Sections.Single(x => x.Position == 0).MeetingItemId);

        // A second record of the same meeting is refused: corrections are new versions.
        var again = await kit.OpenAsync($"{baseUrl}/new", cookie);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.PostAsync($"{baseUrl}/new", again, ("Kind", "Minutes"), ("Language", "en"))).StatusCode);

        // Add an outcome to the first section: the form comes back with it, nothing saved yet.
        var edit = await kit.OpenAsync($"{baseUrl}/1/edit", cookie);
        var before = await kit.AuditCountAsync();
        var added = await kit.PostAsync($"{baseUrl}/1/edit", edit, [.. Fields(edit.Page), ("Command", "add-outcome:0")]);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var withOutcome = await added.ParseAsync();
        Assert.NotNull(withOutcome.QuerySelector("select[name='Sections[0].Outcomes[0].Kind']"));
        Assert.Equal(before, await kit.AuditCountAsync());

        // Save with the action, the summary and the sections in another order.
        var save = With(Fields(withOutcome), ("Summary.Source", "Present: **eight countries**."), ("Sections[0].Body.Source", "The network grew.\n\n- two new members"),
            ("Sections[0].Outcomes[0].Kind", "Action"), ("Sections[0].Outcomes[0].Text.Source", "Send the survey"),
            ("Sections[0].Outcomes[0].OwnerPersonId", coordinator.ToString()), ("Sections[0].Outcomes[0].DueDate", "2026-03-31"),
            ("Sections[3].Heading.Source", "Closing of the meeting"), ("Command", "save"));
        var saved = await kit.PostAsync($"{baseUrl}/1/edit", edit, save);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        record = await LoadAsync(s.Meeting, 1);
        Assert.Equal(1, record.Version);
        var action = Assert.Single(record.Sections.Single(x => x.Position == 0).Outcomes);
        Assert.Equal((OutcomeKind.Action, "Send the survey", coordinator, new DateOnly(2026, 3, 31)), (action.Kind, action.Text.Source, action.OwnerPersonId!.Value, action.DueDate!.Value));
        Assert.Equal("Closing of the meeting", record.Sections.Single(x => x.Position == 3).Heading.Source);

        var page = await kit.PageAsync($"{baseUrl}/1", cookie);
        Assert.Equal("eight countries", page.QuerySelector("article .markdown strong")!.TextContent);
        Assert.Contains("Send the survey", page.QuerySelector("table.record-actions")!.TextContent);
        Assert.Contains("31 March 2026", page.QuerySelector("table.record-actions")!.TextContent);

        // A stale save: the version read before the last save.
        var stale = await kit.PostAsync($"{baseUrl}/1/edit", edit, With(save, ("Summary.Source", "Overwritten")));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Present: **eight countries**.", (await LoadAsync(s.Meeting, 1)).Summary.Source);

        // Approve, members only.
        var view = await kit.OpenAsync($"{baseUrl}/1", cookie);
        var approved = await kit.PostAsync($"{baseUrl}/1?handler=Approve", view, ("Version", "1"), ("Dissemination", "Members"));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        record = await LoadAsync(s.Meeting, 1);
        Assert.Equal((RecordStatus.Approved, Visibility.Members), (record.Status, record.Dissemination));
        Assert.NotNull(record.ApprovedAtUtc);
        Assert.Equal(coordinator, record.ApprovedByPersonId);
        // Signed out, a members-only record asks to sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await kit.GetAsync($"{baseUrl}/1")).StatusCode);

        // Frozen: every edit handler refuses and writes nothing.
        var (memberCookie, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Member);
        var memberForm = await kit.OpenAsync($"{baseUrl}/1", memberCookie);
        var audit = await kit.AuditCountAsync();
        // The editor of an approved record shows its text read-only, beside translations that may still be added.
        var editFrozen = await kit.OpenAsync($"{baseUrl}/1/edit", cookie);
        Assert.Contains("approved and frozen", editFrozen.Page.QuerySelector(".notice")!.TextContent);
        Assert.True(editFrozen.Page.QuerySelector("textarea[name='Summary.Source']")!.HasAttribute("readonly"));
        Assert.Null(editFrozen.Page.QuerySelector("button[name=Command]"));
        var refusedEdit = await kit.PostAsync($"{baseUrl}/1/edit", edit, With(save, ("Version", "2"), ("Summary.Source", "Changed after approval")));
        Assert.Equal(HttpStatusCode.Conflict, refusedEdit.StatusCode);
        Assert.Contains("Nothing was saved", (await refusedEdit.ParseAsync()).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.PostAsync($"{baseUrl}/1/edit", edit, ("Version", "2"), ("Command", "add-section"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.PostAsync($"{baseUrl}/1?handler=Approve", view, ("Version", "2"), ("Dissemination", "Public"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.PostAsync($"{baseUrl}/1?handler=Comment", memberForm, ("CommentBody", "Too late"))).StatusCode);
        Assert.Equal(audit, await kit.AuditCountAsync());
        record = await LoadAsync(s.Meeting, 1);
        Assert.Equal("Present: **eight countries**.", record.Summary.Source);
        Assert.Empty(record.Comments);

        // Released to the public: now anyone reads it, files included.
        var released = await kit.PostAsync($"{baseUrl}/1?handler=Release", view, ("Version", "2"));
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.Equal(Visibility.Public, (await LoadAsync(s.Meeting, 1)).Dissemination);
        Assert.Contains("Send the survey", (await kit.PageAsync($"{baseUrl}/1")).QuerySelector("article")!.TextContent);
        var restricted = await kit.PostAsync($"{baseUrl}/1?handler=Restrict", view, ("Version", "3"));
        Assert.Equal(HttpStatusCode.Redirect, restricted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.GetAsync($"{baseUrl}/1.docx")).StatusCode);
    }

    [Fact]
    public async Task A_new_version_copies_an_approved_record_as_a_draft_and_the_earlier_one_stays_readable_and_superseded()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var first = await s.AddRecordAsync(app.Database, RecordStatus.Approved, Visibility.Public, "first");
        var (cookie, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Coordinator);
        var baseUrl = $"/meetings/{s.Meeting}/records";

        var view = await kit.OpenAsync($"{baseUrl}/{first}", cookie);
        var made = await kit.PostAsync($"{baseUrl}/{first}?handler=NewVersion", view, ("Version", "0"));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Equal($"{baseUrl}/{first + 1}/edit", made.Headers.Location?.OriginalString);
        var copy = await LoadAsync(s.Meeting, first + 1);
        Assert.Equal(RecordStatus.Draft, copy.Status);
        Assert.Equal("Summary first.", copy.Summary.Source);
        Assert.Equal("Action first", copy.Sections.Single().Outcomes.Single().Text.Source);
        // Only the newest version gets a new version.
        Assert.Equal(HttpStatusCode.Conflict, (await kit.PostAsync($"{baseUrl}/{first}?handler=NewVersion", view, ("Version", "0"))).StatusCode);

        // The public still reads version 1, not superseded yet, and never sees the draft.
        var publicPage = await kit.PageAsync($"{baseUrl}/{first}");
        Assert.Null(publicPage.QuerySelector(".badge.superseded"));
        Assert.Equal(HttpStatusCode.Redirect, (await kit.GetAsync($"{baseUrl}/{first + 1}")).StatusCode);

        var edit = await kit.OpenAsync($"{baseUrl}/{first + 1}/edit", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"{baseUrl}/{first + 1}/edit", edit, With(Fields(edit.Page), ("Summary.Source", "Corrected summary."), ("Command", "save")))).StatusCode);
        var view2 = await kit.OpenAsync($"{baseUrl}/{first + 1}", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"{baseUrl}/{first + 1}?handler=Approve", view2, ("Version", "1"), ("Dissemination", "Public"))).StatusCode);

        var old = await kit.PageAsync($"{baseUrl}/{first}");
        Assert.NotNull(old.QuerySelector(".badge.superseded"));
        Assert.NotNull(old.QuerySelector($"a[href='{baseUrl}/{first + 1}']"));
        Assert.Contains("Summary first.", old.QuerySelector("article")!.TextContent);
        Assert.Contains("Corrected summary.", (await kit.PageAsync($"{baseUrl}/{first + 1}")).QuerySelector("article")!.TextContent);
    }

    [Fact]
    public async Task Only_the_groups_members_comment_on_a_draft_and_comments_show_author_and_time()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var number = await s.AddRecordAsync(app.Database, RecordStatus.Draft, Visibility.Members, "commented");
        var url = $"/meetings/{s.Meeting}/records/{number}";
        var carla = await kit.AsPersonAsync(s.Groups.Carla);

        var form = await kit.OpenAsync(url, carla);
        Assert.NotNull(form.Page.QuerySelector("textarea[name=CommentBody]"));
        var audit = await kit.AuditCountAsync();
        var empty = await kit.PostAsync($"{url}?handler=Comment", form, ("CommentBody", "   "));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.NotNull((await empty.ParseAsync()).QuerySelector("#CommentBody-error"));
        Assert.Equal(audit, await kit.AuditCountAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"{url}?handler=Comment", form, ("CommentBody", "Please add the date of the next meeting."))).StatusCode);

        var page = await kit.PageAsync(url, carla);
        var comment = page.QuerySelector("ol.record-comments li")!;
        Assert.Contains("Please add the date of the next meeting.", comment.TextContent);
        Assert.Contains("Carla", comment.QuerySelector(".comment-meta a")!.TextContent);
        Assert.NotNull(comment.QuerySelector("time[datetime]"));

        // The secretariat reads the draft but does not join the group's conversation; to outsiders the draft does not exist.
        var secretariat = await SignedIn.CookieAsync(app, Rumbo.Core.Accounts.Roles.SecretariatAdmin);
        Assert.Null((await kit.PageAsync(url, secretariat)).QuerySelector("textarea[name=CommentBody]"));
        var (other, _) = await kit.NewMemberAsync(s.LoneId, GroupRole.Coordinator);
        var otherForm = await kit.AnyFormAsync(other);
        var focal = await kit.AsPersonAsync(s.Groups.Ana);
        var focalForm = await kit.OpenAsync(url, focal);
        audit = await kit.AuditCountAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await kit.PostAsync($"{url}?handler=Comment", otherForm, ("CommentBody", "Hello from outside"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"{url}?handler=Comment", focalForm, ("CommentBody", "As coordinator"))).StatusCode);
        Assert.Equal(audit + 1, await kit.AuditCountAsync());
    }

    [Fact]
    public async Task Comments_are_answered_resolved_by_their_author_or_a_coordinator_and_reopened_and_approval_warns_while_some_are_open()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var number = await s.AddRecordAsync(app.Database, RecordStatus.Draft, Visibility.Members, "discussed");
        var url = $"/meetings/{s.Meeting}/records/{number}";
        var carla = await kit.AsPersonAsync(s.Groups.Carla);
        var (member, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Member);
        var (coordinator, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Coordinator);
        var form = await kit.OpenAsync(url, carla);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"{url}?handler=Comment", form, ("CommentBody", "Add the date of the next meeting."))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"{url}?handler=Comment", form, ("CommentBody", "Spell out ECLAC."))).StatusCode);
        int first, second;
        await using (var db = kit.Db())
        {
            var ids = await db.RecordComments.Where(c => db.MeetingRecords.Any(r => r.Id == c.RecordId && r.MeetingId == s.Meeting)).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            (first, second) = (ids[0], ids[1]);
        }

        // Another member answers; an empty reply is refused by its own field and writes nothing.
        var memberForm = await kit.OpenAsync(url, member);
        Assert.NotNull(memberForm.Page.QuerySelector($"#comment-{first} textarea[name=ReplyBody]"));
        Assert.Null(memberForm.Page.QuerySelector($"#comment-{first} .comment-settle"));
        var audit = await kit.AuditCountAsync();
        var empty = await kit.PostAsync($"{url}?handler=Reply&comment={first}", memberForm, ("ReplyBody", " "));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var emptyPage = await empty.ParseAsync();
        Assert.Equal("Write the reply.", emptyPage.QuerySelector($"#Reply_{first}-error")!.TextContent);
        Assert.Null(emptyPage.QuerySelector($"#Reply_{second}-error"));
        Assert.Equal(audit, await kit.AuditCountAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"{url}?handler=Reply&comment={first}", memberForm, ("ReplyBody", "It is on 3 March."))).StatusCode);
        Assert.Equal(audit + 1, await kit.AuditCountAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await kit.PostAsync($"{url}?handler=Reply&comment={int.MaxValue}", memberForm, ("ReplyBody", "Lost"))).StatusCode);

        // A member may not resolve another's comment; its author and a coordinator may.
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.PostAsync($"{url}?handler=Resolve&comment={first}", memberForm)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"{url}?handler=Resolve&comment={first}", form)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.PostAsync($"{url}?handler=Resolve&comment={first}", form)).StatusCode);
        var page = await kit.PageAsync(url, member);
        var thread = page.QuerySelector($"#comment-{first}")!;
        Assert.Contains("resolved", thread.ClassList);
        Assert.Contains("Resolved", thread.QuerySelector(".badge.resolved")!.TextContent);
        Assert.Contains("Carla", thread.QuerySelector(".comment-meta")!.TextContent);
        Assert.Equal("It is on 3 March.", thread.QuerySelector(".comment-replies .markdown")!.TextContent.Trim());
        Assert.Contains("Not resolved", page.QuerySelector($"#comment-{second} .badge.unresolved")!.TextContent);

        var coordinatorForm = await kit.OpenAsync(url, coordinator);
        Assert.Equal("Reopen", coordinatorForm.Page.QuerySelector($"#comment-{first} .comment-settle button")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"{url}?handler=Reopen&comment={first}", coordinatorForm)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"{url}?handler=Resolve&comment={second}", coordinatorForm)).StatusCode);
        await using (var db = kit.Db())
        {
            var states = await db.RecordComments.Where(c => c.Id == first || c.Id == second).OrderBy(c => c.Id).Select(c => c.ResolvedAtUtc != null).ToListAsync();
            Assert.Equal([false, true], states);
        }

        // Approving with one comment still open warns with the count and saves nothing until the approver confirms.
        var view = await kit.OpenAsync(url, coordinator);
        Assert.Contains("One comment on this draft is not resolved.", view.Page.QuerySelector(".record-manage")!.TextContent);
        audit = await kit.AuditCountAsync();
        var warned = await kit.PostAsync($"{url}?handler=Approve", view, ("Version", "0"), ("Dissemination", "Public"));
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var warning = (await warned.ParseAsync()).QuerySelector("#approval-warning")!;
        Assert.Contains("One comment on this draft is not resolved.", warning.TextContent);
        Assert.DoesNotContain("has not taken place", warning.TextContent);
        Assert.Equal("Public", warning.QuerySelector("input[name=Dissemination]")!.GetAttribute("value"));
        Assert.Equal(audit, await kit.AuditCountAsync());
        Assert.Equal(RecordStatus.Draft, (await LoadAsync(s.Meeting, number)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"{url}?handler=Approve", view, ("Version", "0"), ("Dissemination", "Public"), ("Confirmed", "true"))).StatusCode);
        Assert.Equal((RecordStatus.Approved, Visibility.Public), ((await LoadAsync(s.Meeting, number)).Status, (await LoadAsync(s.Meeting, number)).Dissemination));

        // Approved: the conversation is closed, replies and resolving included.
        audit = await kit.AuditCountAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await kit.PostAsync($"{url}?handler=Reply&comment={first}", memberForm, ("ReplyBody", "Late"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.PostAsync($"{url}?handler=Resolve&comment={first}", coordinatorForm)).StatusCode);
        Assert.Equal(audit, await kit.AuditCountAsync());
        Assert.Null((await kit.PageAsync(url, coordinator)).QuerySelector(".comment-settle, .comment-reply"));
    }

    [Fact]
    public async Task Approving_the_minutes_of_a_meeting_still_ahead_warns_and_the_approver_confirms()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        await using (var db = kit.Db())
        {
            await db.Meetings.Where(m => m.Id == s.Meeting).ExecuteUpdateAsync(u => u.SetProperty(m => m.StartsAtUtc, DateTime.UtcNow.AddDays(20)));
        }
        var number = await s.AddRecordAsync(app.Database, RecordStatus.Draft, Visibility.Members, "ahead");
        var url = $"/meetings/{s.Meeting}/records/{number}";
        var (coordinator, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Coordinator);
        var view = await kit.OpenAsync(url, coordinator);
        var audit = await kit.AuditCountAsync();
        var warned = await kit.PostAsync($"{url}?handler=Approve", view, ("Version", "0"), ("Dissemination", "Members"));
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var warning = (await warned.ParseAsync()).QuerySelector("#approval-warning")!;
        Assert.Contains("This meeting has not taken place yet", warning.TextContent);
        Assert.DoesNotContain("not resolved", warning.TextContent);
        Assert.Equal(audit, await kit.AuditCountAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"{url}?handler=Approve", view, ("Version", "0"), ("Dissemination", "Members"), ("Confirmed", "true"))).StatusCode);
        Assert.Equal(RecordStatus.Approved, (await LoadAsync(s.Meeting, number)).Status);
    }

    [Fact]
    public async Task Bad_input_is_refused_by_the_field_with_422_and_nothing_is_written()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var number = await s.AddRecordAsync(app.Database, RecordStatus.Draft, Visibility.Members, "validated");
        var (cookie, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Coordinator);
        var (_, outsider) = await kit.NewMemberAsync(s.LoneId, GroupRole.Member);
        var url = $"/meetings/{s.Meeting}/records/{number}/edit";
        var edit = await kit.OpenAsync(url, cookie);
        var fields = Fields(edit.Page);
        var audit = await kit.AuditCountAsync();

        var response = await kit.PostAsync(url, edit, With(fields, ("Sections[0].Heading.Source", " "), ("Sections[0].Outcomes[0].DueDate", ""),
            ("Sections[0].Outcomes[0].OwnerName", ""), ("Sections[0].Outcomes[0].OwnerPersonId", outsider.ToString()), ("Command", "save")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("true", page.QuerySelector("#Sections_0__Heading_Source")!.GetAttribute("aria-invalid"));
        Assert.NotNull(page.QuerySelector("#Sections_0__Heading_Source-error"));
        Assert.NotNull(page.QuerySelector("#Sections_0__Outcomes_0__DueDate-error"));
        Assert.Contains("member of the group", page.QuerySelector("#Sections_0__Outcomes_0__OwnerPersonId-error")!.TextContent);

        var wrongKind = await kit.PostAsync(url, edit, With(fields, ("Sections[0].Outcomes[0].Kind", "Decision"), ("Command", "save")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongKind.StatusCode);
        Assert.NotNull((await wrongKind.ParseAsync()).QuerySelector("#Sections_0__Outcomes_0__Kind-error"));
        var tampered = await kit.PostAsync(url, edit, With(fields, ("Sections[0].Outcomes[0].Kind", "Decree"), ("Command", "save")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.PostAsync(url, edit, With(fields, ("Command", "remove-section:7")))).StatusCode);

        var es = await kit.PostAsync($"{url}?culture=es", edit, With(fields, ("Sections[0].Heading.Source", ""), ("Command", "save")));
        Assert.Contains("Dé un título a la sección.", (await es.ParseAsync()).QuerySelector("#Sections_0__Heading_Source-error")!.TextContent);
        Assert.Equal(audit, await kit.AuditCountAsync());
        var record = await LoadAsync(s.Meeting, number);
        Assert.Equal("Section validated", record.Sections.Single().Heading.Source);
        Assert.Equal(0, record.Version);
    }

    [Fact]
    public async Task The_add_and_move_buttons_save_what_was_typed_so_leaving_the_page_then_loses_nothing()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var number = await s.AddRecordAsync(app.Database, RecordStatus.Draft, Visibility.Members, "typed");
        var (cookie, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Coordinator);
        var url = $"/meetings/{s.Meeting}/records/{number}/edit";
        var edit = await kit.OpenAsync(url, cookie);

        // Text typed, then "Add an outcome": the text is saved, the new empty outcome is in the form only.
        var added = await kit.PostAsync(url, edit, [.. With(Fields(edit.Page), ("Summary.Source", "Typed summary."), ("Sections[0].Body.Source", "Typed body.")), ("Command", "add-outcome:0")]);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var page = await added.ParseAsync();
        Assert.Equal("Saved.", page.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal("", page.QuerySelector("textarea[name='Sections[0].Outcomes[1].Text.Source']")!.TextContent);
        var record = await LoadAsync(s.Meeting, number);
        Assert.Equal(("Typed summary.", "Typed body."), (record.Summary.Source, record.Sections.Single().Body.Source));
        Assert.Equal("Action typed", record.Sections.Single().Outcomes.Single().Text.Source);

        // A new section with a heading, then "Move section up": both the section and the order are saved, once.
        page = await (await kit.PostAsync(url, edit, [.. Fields(page), ("Command", "add-section")])).ParseAsync();
        page = await (await kit.PostAsync(url, edit, [.. With(Fields(page), ("Sections[1].Heading.Source", "Opening"), ("Sections[0].Outcomes[1].Text.Source", "Typed outcome")), ("Command", "up-section:1")])).ParseAsync();
        record = await LoadAsync(s.Meeting, number);
        Assert.Equal(["Opening", "Section typed"], record.Sections.OrderBy(x => x.Position).Select(x => x.Heading.Source).ToArray());
        Assert.Equal(["Action typed", "Typed outcome"], record.Sections.Single(x => x.Heading.Source == "Section typed").Outcomes.OrderBy(o => o.Position).Select(o => o.Text.Source).ToArray());
        // The form now names the new section, so saving it again does not add it twice.
        var opening = record.Sections.Single(x => x.Heading.Source == "Opening").Id;
        Assert.Equal(opening.ToString(), page.QuerySelector("input[name='Sections[0].Id']")?.GetAttribute("value"));
        var saved = await kit.PostAsync(url, edit, [.. Fields(page), ("Command", "save")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(2, (await LoadAsync(s.Meeting, number)).Sections.Count);

        // What cannot be saved yet (an action with no due date) is shown by its field, and nothing is written.
        edit = await kit.OpenAsync(url, cookie);
        var audit = await kit.AuditCountAsync();
        var refused = await kit.PostAsync(url, edit, [.. With(Fields(edit.Page), ("Sections[1].Outcomes[1].Kind", "Action"), ("Sections[1].Outcomes[1].OwnerName", "Ana")), ("Command", "add-section")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        page = await refused.ParseAsync();
        Assert.Equal("An action needs a due date.", page.QuerySelector("#Sections_1__Outcomes_1__DueDate-error")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("input[name='Sections[2].Heading.Source']"));
        Assert.Equal(audit, await kit.AuditCountAsync());
    }

    [Fact]
    public async Task Sections_and_outcomes_are_added_moved_and_removed_with_buttons_only()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var number = await s.AddRecordAsync(app.Database, RecordStatus.Draft, Visibility.Members, "moved");
        var (cookie, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Coordinator);
        var url = $"/meetings/{s.Meeting}/records/{number}/edit";
        var edit = await kit.OpenAsync(url, cookie);

        var page = await (await kit.PostAsync(url, edit, [.. Fields(edit.Page), ("Command", "add-section")])).ParseAsync();
        page = await (await kit.PostAsync(url, edit, [.. With(Fields(page), ("Sections[1].Heading.Source", "New section")), ("Command", "up-section:1")])).ParseAsync();
        Assert.Equal("New section", page.QuerySelector("input[name='Sections[0].Heading.Source']")!.GetAttribute("value"));
        page = await (await kit.PostAsync(url, edit, [.. Fields(page), ("Command", "add-outcome:1")])).ParseAsync();
        page = await (await kit.PostAsync(url, edit, [.. With(Fields(page), ("Sections[1].Outcomes[1].Text.Source", "Noted"), ("Sections[1].Outcomes[1].Kind", "Information")), ("Command", "up-outcome:1:1")])).ParseAsync();
        page = await (await kit.PostAsync(url, edit, [.. Fields(page), ("Command", "remove-outcome:1:1")])).ParseAsync();
        Assert.NotNull(page.QuerySelector("[role=status]"));
        var saved = await kit.PostAsync(url, edit, [.. Fields(page), ("Command", "save")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var record = await LoadAsync(s.Meeting, number);
        Assert.Equal(["New section", "Section moved"], record.Sections.OrderBy(x => x.Position).Select(x => x.Heading.Source).ToArray());
        var outcome = Assert.Single(record.Sections.Single(x => x.Heading.Source == "Section moved").Outcomes);
        Assert.Equal((OutcomeKind.Information, "Noted"), (outcome.Kind, outcome.Text.Source));
    }
}

public sealed class SqliteRecordWorkflowTests(SqliteApp app) : RecordWorkflowTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRecordWorkflowTests(PostgresApp app) : RecordWorkflowTests(app), IClassFixture<PostgresApp>;
