using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Meetings;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Meetings;

/// <summary>
/// Coordinators schedule meetings and series in local time, edit them, their agenda items, and cancel them; bad input is
/// refused by the field with nothing written, and a stale save answers 409.
/// </summary>
public abstract class MeetingEditingTests(RumboApp app)
{
    private readonly MeetingClient c = new(app);

    /// <summary>A valid new-meeting form; the fields in <paramref name="more"/> replace the defaults of the same name.</summary>
    private static (string, string)[] Fields(string title, string date, string time, string zone, params (string, string)[] more) =>
    [
        .. new (string, string)[]
        {
            ("Form.Kind", "ThematicSeminar"), ("Form.Title.Source", title), ("Form.Format", "InPerson"), ("Form.Date", date), ("Form.Time", time),
            ("Form.TimeZone", zone), ("Form.DurationMinutes", "120"), ("Form.City", "Santiago"), ("Form.Access", "Public"), ("Repeat", "Never"),
        }.Where(d => more.All(m => m.Item1 != d.Item1)),
        .. more,
    ];

    private async Task<List<Meeting>> MeetingsOfAsync(string slug)
    {
        await using var db = app.Database.CreateContext();
        return await db.Meetings.AsNoTracking().Include(m => m.Items).ThenInclude(i => i.Lines).Where(m => m.Group!.Slug == slug).OrderBy(m => m.StartsAtUtc).ToListAsync();
    }

    [Fact]
    public async Task A_monthly_series_in_Santiago_keeps_ten_o_clock_local_while_UTC_changes()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var form = await c.OpenAsync($"/groups/{s.Complete}/meetings/new", cookie);
        Assert.Equal(MeetingTimes.DefaultZone, form.Page.QuerySelector("#Form_TimeZone option[selected]")?.GetAttribute("value"));
        var response = await c.PostAsync($"/groups/{s.Complete}/meetings/new", form,
            Fields("Foresight seminar", "2026-02-17", "10:00", "America/Santiago", ("Repeat", "MonthlyByWeekday"), ("Interval", "1"), ("Count", "10")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var meetings = await MeetingsOfAsync(s.Complete);
        Assert.Equal(10, meetings.Count);
        Assert.Equal($"/meetings/{meetings[0].Id}", response.Headers.Location?.OriginalString);
        Assert.All(meetings, m => Assert.Equal(new NodaTime.LocalTime(10, 0), MeetingTimes.Local(m.StartsAtUtc, m.TimeZone).TimeOfDay));
        Assert.All(meetings, m => Assert.Equal(NodaTime.IsoDayOfWeek.Tuesday, MeetingTimes.Local(m.StartsAtUtc, m.TimeZone).DayOfWeek));
        Assert.Equal(13, meetings[0].StartsAtUtc.Hour); // February: UTC−3
        Assert.Equal(14, meetings[4].StartsAtUtc.Hour); // June: UTC−4
        Assert.Single(meetings.Select(m => m.SeriesId).Distinct());
        Assert.Equal(10, meetings.Select(m => m.CalendarUid).Distinct().Count());
        await using (var db = app.Database.CreateContext())
        {
            var series = await db.MeetingSeries.SingleAsync(x => x.Id == meetings[0].SeriesId);
            Assert.Equal("FREQ=MONTHLY;BYDAY=3TU;COUNT=10", series.RecurrenceRule);
            Assert.Equal("America/Santiago", series.TimeZone);
        }

        var page = await c.PageAsync($"/meetings/{meetings[4].Id}");
        Assert.Equal("2026-06-16T14:00:00Z", page.QuerySelector(".meeting-time time")!.GetAttribute("datetime"));
        Assert.Contains("10:00", page.QuerySelector(".meeting-time time")!.TextContent);
        Assert.Contains("UTC\u221204:00", page.QuerySelector(".meeting-time .zone")!.TextContent);
        Assert.Equal(10, page.QuerySelectorAll("ol.series li").Length);
        Assert.NotNull(page.QuerySelector($"ol.series a[href='/meetings/{meetings[0].Id}']"));
    }

    [Fact]
    public async Task A_weekly_series_in_Madrid_keeps_local_hour_across_the_March_change()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var form = await c.OpenAsync($"/groups/{s.Complete}/meetings/new", cookie);
        var response = await c.PostAsync($"/groups/{s.Complete}/meetings/new", form,
            Fields("Madrid workshop", "2026-03-10", "16:30", "Europe/Madrid", ("Repeat", "Weekly"), ("Interval", "2"), ("Until", "2026-04-30")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var meetings = await MeetingsOfAsync(s.Complete);
        Assert.Equal(4, meetings.Count);
        Assert.Equal(new DateTime(2026, 3, 10, 15, 30, 0), meetings[0].StartsAtUtc);
        Assert.Equal(new DateTime(2026, 4, 7, 14, 30, 0), meetings[2].StartsAtUtc);
    }

    [Fact]
    public async Task A_time_the_clocks_skip_is_refused_with_a_clear_message_and_nothing_is_written()
    {
        // Nothing is written: the scenario shared by the refusals (country codes per database are few) stays without meetings.
        var s = await GroupScenario.SharedAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var form = await c.OpenAsync($"/groups/{s.Complete}/meetings/new", cookie);
        var response = await c.PostAsync($"/groups/{s.Complete}/meetings/new", form, Fields("Night call", "2027-03-14", "02:30", "America/New_York"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await MeetingClient.ParseAsync(response);
        var error = page.QuerySelector("#Form_Time-error")!.TextContent;
        Assert.Contains("2027-03-14", error);
        Assert.Contains("America/New_York", error);
        Assert.Contains("03:00", error);
        Assert.Equal("true", page.QuerySelector("#Form_Time")!.GetAttribute("aria-invalid"));
        Assert.Empty(await MeetingsOfAsync(s.Complete));

        // A series whose later date falls in a gap is refused as a whole.
        var series = await c.PostAsync($"/groups/{s.Complete}/meetings/new", form,
            Fields("Weekly night call", "2027-03-07", "02:30", "America/New_York", ("Repeat", "Weekly"), ("Interval", "1"), ("Count", "3")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, series.StatusCode);
        Assert.Contains("2027-03-14", (await MeetingClient.ParseAsync(series)).QuerySelector("#Form_Time-error")!.TextContent);
        Assert.Empty(await MeetingsOfAsync(s.Complete));
    }

    public static IEnumerable<object[]> BadFields() =>
    [
        ["Form.Title.Source", "", "Form_Title_Source-error"],
        ["Form.Kind", "Party", "Form_Kind-error"],
        ["Form.Format", "Telepathy", "Form_Format-error"],
        ["Form.Date", "2026-02-30", "Form_Date-error"],
        ["Form.Time", "25:00", "Form_Time-error"],
        ["Form.TimeZone", "Mars/Olympus_Mons", "Form_TimeZone-error"],
        ["Form.DurationMinutes", "0", "Form_DurationMinutes-error"],
        ["Form.OnlineUrl", "javascript:alert(1)", "Form_OnlineUrl-error"],
        ["Form.Country", "ZZ", "Form_Country-error"],
        ["Form.Access", "Everyone", "Form_Access-error"],
        ["Count", "53", "Count-error"],
        ["Repeat", "Hourly", "Repeat-error"],
    ];

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Each_bad_field_is_answered_422_with_its_message_and_nothing_is_written(string field, string value, string errorId)
    {
        // Nothing is written: the scenario shared by the refusals (country codes per database are few) stays without meetings.
        var s = await GroupScenario.SharedAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var form = await c.OpenAsync($"/groups/{s.Complete}/meetings/new", cookie);
        var fields = Fields("Valid title", "2026-05-05", "10:00", "America/Santiago").Where(f => f.Item1 != field).Append((field, value)).ToList();
        if (field == "Count") fields = [.. fields.Where(f => f.Item1 != "Repeat"), ("Repeat", "Weekly"), ("Interval", "1")];
        var response = await c.PostAsync($"/groups/{s.Complete}/meetings/new", form, [.. fields]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await MeetingClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector($"#{errorId}"));
        Assert.Single(page.QuerySelectorAll(".field-error"));
        Assert.Empty(await MeetingsOfAsync(s.Complete));
    }

    [Fact]
    public async Task A_virtual_meeting_without_its_link_is_refused_in_Spanish()
    {
        // Nothing is written: the scenario shared by the refusals (country codes per database are few) stays without meetings.
        var s = await GroupScenario.SharedAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var form = await c.OpenAsync($"/groups/{s.Complete}/meetings/new?culture=es&ui-culture=es", cookie);
        var response = await c.PostAsync($"/groups/{s.Complete}/meetings/new?culture=es&ui-culture=es", form,
            [.. Fields("Virtual", "2026-05-05", "10:00", "America/Santiago").Where(f => f.Item1 != "Form.Format"), ("Form.Format", "Virtual")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Una reunión virtual o híbrida necesita su enlace en línea.", (await MeetingClient.ParseAsync(response)).QuerySelector("#Form_OnlineUrl-error")!.TextContent);
    }

    [Fact]
    public async Task Editing_the_time_bumps_the_calendar_sequence_a_stale_save_answers_409_and_changes_nothing()
    {
        var m = await MeetingScenario.CreateAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, m.Groups.Complete);
        var first = await c.OpenAsync($"/meetings/{m.Open}/edit", cookie);
        var stale = await c.OpenAsync($"/meetings/{m.Open}/edit", cookie);
        var fields = first.Page.QuerySelectorAll("form.meeting-form input[name], form.meeting-form select[name], form.meeting-form textarea[name]")
            .Where(e => e.GetAttribute("name") is not ("__RequestVerificationToken" or "Version"))
            .Where(e => e.GetAttribute("type") != "radio" || e.HasAttribute("checked"))
            .Select(e => (Name: e.GetAttribute("name")!, Value: e is AngleSharp.Html.Dom.IHtmlSelectElement sel ? sel.Value ?? "" : e is AngleSharp.Html.Dom.IHtmlTextAreaElement ta ? ta.Value : e.GetAttribute("value") ?? ""))
            .ToList();
        Assert.Contains(fields, f => f.Name == "Form.Time");
        var before = (await MeetingsOfAsync(m.Groups.Complete)).Single(x => x.Id == m.Open);

        // A title change alone is not news for calendars.
        var renamed = await c.PostAsync($"/meetings/{m.Open}/edit", first, [.. fields.Where(f => f.Name != "Form.Title.Source"), ("Form.Title.Source", "Renamed seminar")]);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var afterRename = (await MeetingsOfAsync(m.Groups.Complete)).Single(x => x.Id == m.Open);
        Assert.Equal(before.CalendarSequence, afterRename.CalendarSequence);
        Assert.Equal(before.Version + 1, afterRename.Version);

        var again = await c.OpenAsync($"/meetings/{m.Open}/edit", cookie);
        var moved = await c.PostAsync($"/meetings/{m.Open}/edit", again, [.. fields.Where(f => f.Name is not ("Form.Time" or "Form.Title.Source")), ("Form.Title.Source", "Renamed seminar"), ("Form.Time", "09:15")]);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var afterMove = (await MeetingsOfAsync(m.Groups.Complete)).Single(x => x.Id == m.Open);
        Assert.Equal(before.CalendarSequence + 1, afterMove.CalendarSequence);
        Assert.Equal(new NodaTime.LocalTime(9, 15), MeetingTimes.Local(afterMove.StartsAtUtc, afterMove.TimeZone).TimeOfDay);

        var conflict = await c.PostAsync($"/meetings/{m.Open}/edit", stale, [.. fields.Where(f => f.Name != "Form.Title.Source"), ("Form.Title.Source", "Stale title")]);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("Someone else saved this meeting", (await MeetingClient.ParseAsync(conflict)).QuerySelector(".error-summary")!.TextContent);
        var afterConflict = (await MeetingsOfAsync(m.Groups.Complete)).Single(x => x.Id == m.Open);
        Assert.Equal("Renamed seminar", afterConflict.Title.Source);
        Assert.Equal(afterMove.Version, afterConflict.Version);
    }

    [Fact]
    public async Task An_agenda_item_is_edited_with_its_translations_and_an_unofficial_one_is_marked_so()
    {
        var m = await MeetingScenario.CreateAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, m.Groups.Complete);
        var url = $"/meetings/{m.Open}/edit";
        var form = await c.OpenAsync(url, cookie);
        Assert.NotNull(form.Page.QuerySelector("#ItemTitle_Es"));
        Assert.NotNull(form.Page.QuerySelector("#ItemTitle_Es-official"));
        Assert.Equal(HttpStatusCode.Redirect, (await c.PostAsync($"{url}?handler=SaveItem", form,
            ("ItemTitle.Source", "Opening  of the   session"), ("ItemTitle.Es", "Apertura de la sesión"), ("ItemTitle.Fr", "Ouverture de la séance"),
            ("ItemDescription.Source", "Words of welcome."), ("ItemDescription.Es", "Palabras de bienvenida."))).StatusCode);
        var item = (await MeetingsOfAsync(m.Groups.Complete)).Single(x => x.Id == m.Open).Items.Single();
        Assert.Equal(("Opening of the session", "Apertura de la sesión", "Ouverture de la séance", (string?)null), (item.Title.Source, item.Title.Es, item.Title.Fr, item.Title.Official));
        Assert.Equal("Palabras de bienvenida.", item.Description.Es);

        // The form opens on the item with every translation in its field, and saves them back unchanged.
        form = await c.OpenAsync($"{url}?item={item.Id}", cookie);
        Assert.Equal("Apertura de la sesión", form.Page.QuerySelector("#ItemTitle_Es")!.GetAttribute("value"));
        Assert.Equal("Palabras de bienvenida.", form.Page.QuerySelector("#ItemDescription_Es")!.TextContent.Trim());
        Assert.Null(form.Page.QuerySelector("#ItemTitle_Es-official")!.GetAttribute("checked"));

        // In Spanish the item shows its Spanish, marked as an unofficial translation; in English, the source, unmarked.
        var es = await c.PageAsync($"/meetings/{m.Open}?culture=es");
        var li = es.QuerySelector("ol.meeting-items > li")!;
        Assert.Equal("Apertura de la sesión", li.QuerySelector("h3")!.TextContent.Trim());
        Assert.Equal(2, li.QuerySelectorAll(".unofficial-translation").Length);
        Assert.Equal("es", li.QuerySelector(".unofficial-translation")!.GetAttribute("lang"));
        var en = await c.PageAsync($"/meetings/{m.Open}?culture=en");
        Assert.Equal("Opening of the session", en.QuerySelector("ol.meeting-items h3")!.TextContent.Trim());
        Assert.Empty(en.QuerySelectorAll("ol.meeting-items .unofficial-translation"));

        // Ticked official, the Spanish title loses its note; the description, not ticked, keeps it.
        form = await c.OpenAsync($"{url}?item={item.Id}", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await c.PostAsync($"{url}?handler=SaveItem", form, ("ItemId", item.Id.ToString(CultureInfo.InvariantCulture)),
            ("ItemTitle.Source", "Opening of the session"), ("ItemTitle.Es", "Apertura de la sesión"), ("ItemTitle.Official", "es"), ("ItemTitle.Official", "pt"),
            ("ItemDescription.Source", "Words of welcome."), ("ItemDescription.Es", "Palabras de bienvenida."))).StatusCode);
        item = (await MeetingsOfAsync(m.Groups.Complete)).Single(x => x.Id == m.Open).Items.Single();
        Assert.Equal("es", item.Title.Official); // no Portuguese to be official; French cleared by its empty field
        Assert.Null(item.Title.Fr);
        form = await c.OpenAsync($"{url}?item={item.Id}", cookie);
        Assert.NotNull(form.Page.QuerySelector("#ItemTitle_Es-official")!.GetAttribute("checked"));
        li = (await c.PageAsync($"/meetings/{m.Open}?culture=es")).QuerySelector("ol.meeting-items > li")!;
        Assert.Single(li.QuerySelectorAll(".unofficial-translation"));
        Assert.Equal("Palabras de bienvenida.", li.QuerySelector(".prose-block")!.TextContent.Trim());
    }

    [Fact]
    public async Task Agenda_items_are_added_with_lines_reordered_and_removed_and_unknown_codes_are_refused()
    {
        var m = await MeetingScenario.CreateAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, m.Groups.Complete);
        var url = $"/meetings/{m.Open}/edit";
        var form = await c.OpenAsync(url, cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await c.PostAsync($"{url}?handler=SaveItem", form,
            ("ItemTitle.Source", "Opening"), ("PresenterPersonId", m.Groups.Ana.ToString(CultureInfo.InvariantCulture)), ("ItemDuration", "15"))).StatusCode);
        form = await c.OpenAsync(url, cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await c.PostAsync($"{url}?handler=SaveItem", form,
            ("ItemTitle.Source", "Foresight observatories"), ("PresenterName", "Government of Mexico"), ("ItemLines", "2.5.1, 2.4.1"))).StatusCode);

        form = await c.OpenAsync(url, cookie);
        var bad = await c.PostAsync($"{url}?handler=SaveItem", form, ("ItemTitle.Source", "Wrong"), ("ItemLines", "2.5.1, 9.9.9"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("9.9.9", (await MeetingClient.ParseAsync(bad)).QuerySelector("#ItemLines-error")!.TextContent);
        var noTitle = await c.PostAsync($"{url}?handler=SaveItem", form, ("ItemTitle.Source", " "), ("ItemDuration", "-5"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noTitle.StatusCode);
        var noTitlePage = await MeetingClient.ParseAsync(noTitle);
        Assert.NotNull(noTitlePage.QuerySelector("#ItemTitle_Source-error"));
        Assert.NotNull(noTitlePage.QuerySelector("#ItemDuration-error"));

        var items = (await MeetingsOfAsync(m.Groups.Complete)).Single(x => x.Id == m.Open).Items.OrderBy(i => i.Position).ToList();
        Assert.Equal(["Opening", "Foresight observatories"], items.Select(i => i.Title.Source));
        Assert.Equal(2, items[1].Lines.Count);

        form = await c.OpenAsync(url, cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await c.PostAsync($"{url}?handler=MoveItem&itemId={items[1].Id}&by=-1", form)).StatusCode);
        var page = await c.PageAsync($"/meetings/{m.Open}");
        Assert.Equal(["Foresight observatories", "Opening"], page.QuerySelectorAll("ol.meeting-items h3").Select(h => h.TextContent.Trim()));
        Assert.NotNull(page.QuerySelector("ol.meeting-items a[href='/agendas/lc-crp-20-6/lines/2.5.1']"));
        Assert.NotNull(page.QuerySelector($"ol.meeting-items a[href='/people/{m.Groups.Ana}']"));
        Assert.Contains("Government of Mexico", page.QuerySelector("ol.meeting-items")!.TextContent);
        // With a presenter and a duration, one separator between them; with neither, no line of details at all.
        var meta = page.QuerySelectorAll("ol.meeting-items > li").Select(li => li.QuerySelector(".meeting-meta")?.TextContent).ToList();
        Assert.Matches(@"^Presenter: \S.* · 15 min", string.Join(' ', meta[1]!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain("·", meta[0]);

        // An item with a duration and no presenter starts with its duration, not a stray separator.
        form = await c.OpenAsync(url, cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await c.PostAsync($"{url}?handler=SaveItem", form, ("ItemTitle.Source", "Closing"), ("ItemDuration", "10"))).StatusCode);
        page = await c.PageAsync($"/meetings/{m.Open}");
        Assert.Equal("10 min", page.QuerySelectorAll("ol.meeting-items > li").Last().QuerySelector(".meeting-meta")!.TextContent.Trim());
        var closing = (await MeetingsOfAsync(m.Groups.Complete)).Single(x => x.Id == m.Open).Items.Single(i => i.Title.Source == "Closing");
        form = await c.OpenAsync(url, cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await c.PostAsync($"{url}?handler=RemoveItem&itemId={closing.Id}", form)).StatusCode);

        // The line's page lists the meeting.
        var line = await c.PageAsync("/agendas/lc-crp-20-6/lines/2.4.1");
        Assert.NotNull(line.QuerySelector($"a[href='/meetings/{m.Open}']"));

        form = await c.OpenAsync(url, cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await c.PostAsync($"{url}?handler=RemoveItem&itemId={items[0].Id}", form)).StatusCode);
        var left = (await MeetingsOfAsync(m.Groups.Complete)).Single(x => x.Id == m.Open).Items;
        Assert.Equal("Foresight observatories", Assert.Single(left).Title.Source);
        Assert.Equal(1, left[0].Position);
    }

    [Fact]
    public async Task Cancelling_this_and_the_following_leaves_earlier_occurrences()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var form = await c.OpenAsync($"/groups/{s.Complete}/meetings/new", cookie);
        var next = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await c.PostAsync($"/groups/{s.Complete}/meetings/new", form, Fields("Weekly", next, "11:00", "America/Santiago", ("Repeat", "Weekly"), ("Interval", "1"), ("Count", "4")));
        var meetings = await MeetingsOfAsync(s.Complete);
        Assert.Equal(4, meetings.Count);
        var edit = await c.OpenAsync($"/meetings/{meetings[1].Id}/edit", cookie);
        var response = await c.PostAsync($"/meetings/{meetings[1].Id}/edit?handler=CancelFollowing", edit);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await MeetingsOfAsync(s.Complete);
        Assert.Equal([MeetingStatus.Scheduled, MeetingStatus.Cancelled, MeetingStatus.Cancelled, MeetingStatus.Cancelled], after.Select(x => x.Status));
        Assert.All(after.Skip(1), x => Assert.Equal(1, x.CalendarSequence));
        var page = await c.PageAsync($"/meetings/{meetings[2].Id}");
        Assert.NotNull(page.QuerySelector(".meeting-badges .cancelled"));
    }

    [Fact]
    public async Task Every_form_that_posts_carries_its_own_antiforgery_token()
    {
        var m = await MeetingScenario.CreateAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, m.Groups.Complete);
        await using (var db = app.Database.CreateContext())
        {
            db.MeetingItems.AddRange(
                new MeetingItem { MeetingId = m.Closed, Position = 2, Title = new Rumbo.Core.Agendas.LocalizedText { Source = "Second" } });
            await db.SaveChangesAsync();
        }
        foreach (var url in new[] { $"/meetings/{m.Closed}/edit", $"/meetings/{m.Closed}/participants", $"/meetings/{m.Open}", $"/groups/{m.Groups.Complete}/meetings/new" })
        {
            var page = await c.PageAsync(url, cookie);
            var forms = page.QuerySelectorAll("main form[method=post]");
            Assert.NotEmpty(forms);
            Assert.All(forms, f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
        }
        var invited = await c.PageAsync($"/meetings/{m.Closed}", await c.CookieForAsync(m.Invitee));
        Assert.All(invited.QuerySelectorAll("main form[method=post]"), f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
    }

    [Fact]
    public async Task Sending_invitations_is_announced_as_saved_on_the_page_the_save_leads_to()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var next = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var form = await c.OpenAsync($"/groups/{s.Complete}/meetings/new", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await c.PostAsync($"/groups/{s.Complete}/meetings/new", form, Fields("Invitations announced", next, "10:00", "America/Santiago"))).StatusCode);
        var id = (await MeetingsOfAsync(s.Complete)).Single().Id;
        var participants = await c.OpenAsync($"/meetings/{id}/participants", cookie);
        var invitees = participants.Page.QuerySelectorAll("input[name=Invitees]").Select(i => ("Invitees", i.GetAttribute("value")!)).ToArray();
        Assert.NotEmpty(invitees);

        var sent = await c.PostAsync($"/meetings/{id}/participants?handler=Invite", participants, invitees);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        // The notice travels in the temp-data cookie to the page the browser is sent to.
        var notice = sent.Headers.GetValues("Set-Cookie").Select(v => v.Split(';')[0]).Where(v => !v.EndsWith('=')).ToList();
        var after = await c.PageAsync(sent.Headers.Location!.OriginalString, string.Join("; ", [cookie, .. notice]));
        Assert.Equal("Saved.", after.QuerySelector("[role=status]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Only_coordinators_and_the_secretariat_open_the_editors()
    {
        var m = await MeetingScenario.CreateAsync(app.Database);
        var (member, _) = await c.PersonAsync(m.Groups.Complete);
        var (otherCoordinator, _) = await SignedIn.CoordinatorAsync(app, m.Groups.Lone);
        foreach (var url in new[] { $"/meetings/{m.Open}/edit", $"/meetings/{m.Open}/participants", $"/groups/{m.Groups.Complete}/meetings/new" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await c.Http.GetAsync(url, member)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.Http.GetAsync(url, otherCoordinator)).StatusCode);
            var anonymous = await c.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await c.Http.GetAsync(url, await c.SecretariatAsync())).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await c.Http.GetAsync("/meetings/999999/edit", await c.SecretariatAsync())).StatusCode);
    }
}

/// <summary>Rumbo whose meeting notices always fail, as when the mail server or the database fails after the save.</summary>
public sealed class FailingNoticesApp() : RumboApp(Rumbo.Core.Data.DatabaseProvider.Sqlite)
{
    private sealed class Failing : Rumbo.Core.Calendars.IMeetingNotifier
    {
        public Task NotifyAsync(int meetingId, Rumbo.Core.Calendars.MeetingChange change, IReadOnlyCollection<int>? personIds = null, CancellationToken ct = default) =>
            throw new InvalidOperationException("notices are down");
    }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<Rumbo.Core.Calendars.IMeetingNotifier, Failing>());
    }
}

public sealed class FailingNoticeTests(FailingNoticesApp app) : IClassFixture<FailingNoticesApp>
{
    [Fact]
    public async Task A_notice_that_fails_leaves_the_saved_change_answered_as_saved()
    {
        var c = new MeetingClient(app);
        var s = await GroupScenario.CreateAsync(app.Database);
        var (cookie, _) = await SignedIn.CoordinatorAsync(app, s.Complete);
        var form = await c.OpenAsync($"/groups/{s.Complete}/meetings/new", cookie);
        var next = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await c.PostAsync($"/groups/{s.Complete}/meetings/new", form,
            ("Form.Kind", "WorkingMeeting"), ("Form.Title.Source", "Notices down"), ("Form.Format", "InPerson"), ("Form.Date", next), ("Form.Time", "10:00"),
            ("Form.TimeZone", "America/Santiago"), ("Form.DurationMinutes", "60"), ("Form.City", "Santiago"), ("Form.Access", "Public"), ("Repeat", "Never"))).StatusCode);
        int id;
        await using (var db = app.Database.CreateContext())
        {
            id = await db.Meetings.Where(m => m.Group!.Slug == s.Complete).Select(m => m.Id).SingleAsync();
        }
        var edit = await c.OpenAsync($"/meetings/{id}/edit", cookie);
        var cancelled = await c.PostAsync($"/meetings/{id}/edit?handler=Cancel", edit);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        await using var after = app.Database.CreateContext();
        Assert.Equal(MeetingStatus.Cancelled, (await after.Meetings.SingleAsync(m => m.Id == id)).Status);
    }
}

public sealed class SqliteMeetingEditingTests(SqliteApp app) : MeetingEditingTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMeetingEditingTests(PostgresApp app) : MeetingEditingTests(app), IClassFixture<PostgresApp>;
