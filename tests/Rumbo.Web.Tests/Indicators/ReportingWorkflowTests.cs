using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Indicators;
using Rumbo.TestSupport;
using static Rumbo.TestSupport.IndicatorScenario;

namespace Rumbo.Web.Tests.Indicators;

/// <summary>
/// A country reports through the site as its focal point does (the form, the template downloaded, filled and uploaded,
/// the drafts sent) and the secretariat reviews (return with a reason, approve, unlock with a reason): a file with
/// problems is refused whole with every problem by row and column, approved values are locked, and every change of
/// status is kept.
/// </summary>
public abstract class ReportingWorkflowTests(RumboApp app)
{
    private readonly ReportingClient reporting = new(app);

    private async Task<int> AuditCountAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.AuditEntries.CountAsync();
    }

    /// <summary>What a refused write must leave as it was: the country's values, their transitions and the audit trail.</summary>
    private async Task<(List<StoredRow> Values, int Transitions, int Audit)> StateAsync(string country) =>
        (await ValuesAsync(app.Database, country), await TransitionCountAsync(app.Database, country), await AuditCountAsync());

    private static void Unchanged((List<StoredRow> Values, int Transitions, int Audit) before, (List<StoredRow> Values, int Transitions, int Audit) after)
    {
        Assert.Equal(before.Values, after.Values);
        Assert.Equal(before.Transitions, after.Transitions);
        Assert.Equal(before.Audit, after.Audit);
    }

    private static string Tenth(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>
    /// Argentina's template with a problem of each kind a row can have: a value that is not a number, one out of range,
    /// an approved value changed, a big jump without a note, a row given twice and a year to come; and the problems the
    /// page must list for it.
    /// </summary>
    private async Task<(ReportingClient.Table File, List<(int Row, string Column, string Message)> Problems)> BadFileAsync(ReportingClient.Table template, string country)
    {
        var file = template.Copy();
        var stored = await ValuesAsync(app.Database, country);
        var problems = new List<(int, string, string)>();

        var notANumber = file.Row("1.2-a", 2025);
        file.Set(notANumber, ReportingCheck.ValueColumn, "abc");
        problems.Add((file.Number(notANumber), ReportingCheck.ValueColumn, "abc is not a number."));

        var outOfRange = file.Row("1.3-a", 2025);
        file.Set(outOfRange, ReportingCheck.ValueColumn, "150");
        problems.Add((file.Number(outOfRange), ReportingCheck.ValueColumn, "The value must be from 0 to 100."));

        // An approved value of 2024 (the seeded series miss a year here and there: the first indicator that has it).
        var approved = stored.First(v => v is { Year: 2024, Breakdown: "", Status: ValueStatus.Approved } && v.Indicator is "3.1-a" or "3.4-a" or "4.1-a" or "4.6-a" or "1.1-a");
        var locked = file.Row(approved.Indicator, 2024);
        Assert.Equal(ReportingClient.Number(approved.Value), file.Cell(locked, ReportingCheck.ValueColumn));
        Assert.Equal("Approved", file.Cell(locked, ReportingCheck.StatusColumn));
        file.Set(locked, ReportingCheck.ValueColumn, Tenth(approved.Value + 1));
        problems.Add((file.Number(locked), ReportingCheck.ValueColumn, "This value is approved and locked; the secretariat must unlock it before it can change."));

        // Evaluations published: from the series' latest year before 2025 to three times as many and thirty more, with no note.
        var previous = stored.Where(v => v is { Indicator: "4.4-a", Breakdown: "" } && v.Year is >= 2022 and <= 2024).MaxBy(v => v.Year)!;
        var jump = file.Row("4.4-a", 2025);
        var jumped = previous.Value * 3 + 30;
        file.Set(jump, ReportingCheck.ValueColumn, ReportingClient.Number(jumped));
        file.Set(jump, ReportingCheck.NotesColumn, null);
        problems.Add((file.Number(jump), ReportingCheck.NotesColumn,
            $"{ReportingClient.Number(jumped)} is far from {ReportingClient.Number(previous.Value)} in {previous.Year}: explain the change in a note."));

        var original = file.Row("3.2-a", 2025);
        var twice = (string?[])original.Clone();
        file.Rows.Add(twice);
        problems.Add((file.Number(twice), "row", $"The same indicator, year and breakdown are already on row {file.Number(original)}."));

        var nextYear = DateTime.UtcNow.Year + 1;
        var future = (string?[])file.Row("4.5-a", 2025).Clone();
        file.Set(future, ReportingCheck.YearColumn, nextYear.ToString(CultureInfo.InvariantCulture));
        file.Set(future, ReportingCheck.ValueColumn, "50");
        file.Set(future, ReportingCheck.StatusColumn, null);
        file.Rows.Add(future);
        problems.Add((file.Number(future), ReportingCheck.YearColumn, $"Enter a year from 1900 to {DateTime.UtcNow.Year}."));
        return (file, problems);
    }

    [Fact]
    public async Task Argentina_reports_through_the_site_and_the_secretariat_reviews_keeping_every_transition()
    {
        var (focal, person) = await reporting.FocalPointAsync("AR");
        var secretariat = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var transitionsAtStart = await TransitionCountAsync(app.Database, "AR");

        // The page: every indicator, breakdown and year of the round; 2025's drafts to edit, 2024's approved values locked.
        var form = await reporting.OpenAsync("AR", focal);
        Assert.Equal("Argentina", form.Page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(ExpectedPerCountry, form.Page.QuerySelectorAll("table.report tbody tr").Length);
        var draftRow = ReportingClient.RowIndex(form.Page, "1.1-a", 2025);
        Assert.NotNull(form.Page.QuerySelector($"input#Rows_{draftRow}_Value[type=text]"));
        Assert.Equal("Draft", form.Page.QuerySelector($"tr[data-row='{draftRow + 1}'] .value-status")!.GetAttribute("data-status"));
        var approved2024 = (await ValuesAsync(app.Database, "AR")).First(v => v is { Year: 2024, Status: ValueStatus.Approved });
        var lockedRow = ReportingClient.RowIndex(form.Page, approved2024.Indicator, 2024, approved2024.Breakdown);
        Assert.Null(form.Page.QuerySelector($"#Rows_{lockedRow}_Value"));
        Assert.Null(form.Page.QuerySelector("#review"));

        // Save: a draft changed in the form. (The whole form as a browser posts it is tried on its own.)
        var draft = (await ValueAsync(app.Database, "AR", "1.1-a", 2025))!;
        var changed = Math.Round(draft.Value + 0.5, 1);
        var (saved, _) = await reporting.SaveLinesAsync("AR", focal, false, new ReportingClient.Line("1.1-a", 2025, Tenth(changed), "National planning office"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(ReportingClient.Page("ar"), saved.Headers.Location!.OriginalString);
        var afterSave = (await ValueAsync(app.Database, "AR", "1.1-a", 2025))!;
        Assert.Equal((changed, "National planning office", ValueStatus.Draft, draft.Version + 1), (afterSave.Value, afterSave.Source, afterSave.Status, afterSave.Version));
        Assert.Equal(transitionsAtStart, await TransitionCountAsync(app.Database, "AR"));

        // The template, pre-filled with what is stored, drafts included.
        var (download, template) = await reporting.TemplateAsync("AR", focal);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.True(download.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {download.Headers.CacheControl}");
        Assert.Equal(ReportingCheck.Columns, template.Header);
        Assert.Equal(ExpectedPerCountry, template.Rows.Count);
        var templateRow = template.Row("1.1-a", 2025);
        Assert.Equal((ReportingClient.Number(changed), "Draft", "AR"), (template.Cell(templateRow, ReportingCheck.ValueColumn), template.Cell(templateRow, ReportingCheck.StatusColumn), template.Cell(templateRow, ReportingCheck.CountryColumn)));

        // A file with problems: refused whole, every problem listed by row and column, nothing stored.
        var (bad, expected) = await BadFileAsync(template, "AR");
        var before = await StateAsync("AR");
        var (refused, refusedPage) = await reporting.UploadAsync("AR", focal, "argentina.csv", bad.ToCsv());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(expected.OrderBy(p => p.Row).ThenBy(p => p.Column), ReportingClient.Problems(refusedPage).OrderBy(p => p.Row).ThenBy(p => p.Column));
        Assert.Contains($"{expected.Count} problems in argentina.csv: nothing was stored", refusedPage.GetElementById("problems-heading")!.TextContent);
        Unchanged(before, await StateAsync("AR"));

        // A good file: the drafts it changes are saved, the rest is unchanged.
        (_, template) = await reporting.TemplateAsync("AR", focal);
        var good = template.Copy();
        var women = (await ValueAsync(app.Database, "AR", "1.2-a", 2025))!;
        var evaluations = (await ValueAsync(app.Database, "AR", "4.4-a", 2025))!;
        good.Set(good.Row("1.2-a", 2025), ReportingCheck.ValueColumn, Tenth(Math.Round(women.Value + 0.3, 1)));
        good.Set(good.Row("4.4-a", 2025), ReportingCheck.ValueColumn, ReportingClient.Number(evaluations.Value + 1));
        good.Set(good.Row("4.4-a", 2025), ReportingCheck.NotesColumn, "Counted again with the new registry.");
        good.Set(good.Row("4.4-a", 2025), ReportingCheck.EvidenceColumn, "https://example.org/evaluations-2025");
        before = await StateAsync("AR");
        var (uploaded, _) = await reporting.UploadAsync("AR", focal, "argentina.csv", good.ToCsv());
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var afterUpload = await ValuesAsync(app.Database, "AR");
        var women2 = afterUpload.Single(v => v.Id == women.Id);
        Assert.Equal((Math.Round(women.Value + 0.3, 1), ValueStatus.Draft), (women2.Value, women2.Status));
        var evaluations2 = afterUpload.Single(v => v.Id == evaluations.Id);
        Assert.Equal((evaluations.Value + 1, "Counted again with the new registry.", "https://example.org/evaluations-2025", ValueStatus.Draft),
            (evaluations2.Value, evaluations2.Notes, evaluations2.Evidence, evaluations2.Status));
        Assert.Equal(before.Values.Where(v => v.Id != women.Id && v.Id != evaluations.Id), afterUpload.Where(v => v.Id != women.Id && v.Id != evaluations.Id));

        // Submit: every draft is sent, each with its transition by the focal point.
        var drafts = afterUpload.Where(v => v.Status == ValueStatus.Draft).ToList();
        Assert.Equal(ExpectedPerCountry / 2, drafts.Count);
        var (submitted, _) = await reporting.PostAsync("AR", focal, "submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var afterSubmit = await ValuesAsync(app.Database, "AR");
        Assert.All(drafts, d => Assert.Equal(ValueStatus.Submitted, afterSubmit.Single(v => v.Id == d.Id).Status));
        foreach (var d in drafts)
        {
            var t = Assert.Single(await TransitionsAsync(app.Database, d.Id));
            Assert.Equal((ValueStatus.Draft, ValueStatus.Submitted, (int?)person, (string?)null), (t.From, t.To, t.PersonId, t.Reason));
        }
        Assert.Equal(transitionsAtStart + drafts.Count, await TransitionCountAsync(app.Database, "AR"));

        // The secretariat sees what waits for approval; returning takes a reason.
        var review = await reporting.OpenAsync("AR", secretariat);
        Assert.Equal(drafts.Select(d => d.Id.ToString(CultureInfo.InvariantCulture)).Order(),
            review.Page.QuerySelectorAll("table.review tbody tr[data-value]").Select(tr => tr.GetAttribute("data-value")!).Order());
        var toReturn = afterSubmit.Single(v => v.Id == draft.Id);
        before = await StateAsync("AR");
        var (noReason, noReasonPage) = await reporting.ReviewAsync("AR", secretariat, toReturn, "Return", "  ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal("Say why the value is returned.", noReasonPage.GetElementById($"review-{toReturn.Id}-error")!.TextContent.Trim());
        Unchanged(before, await StateAsync("AR"));
        const string Why = "The source does not match the national plan's monitoring report.";
        var (returned, _) = await reporting.ReviewAsync("AR", secretariat, toReturn, "Return", Why);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(ValueStatus.Returned, (await ValueAsync(app.Database, "AR", "1.1-a", 2025))!.Status);

        // Approving every submitted value leaves the returned one to the country.
        var (approvedAll, _) = await reporting.PostAsync("AR", secretariat, "approveall");
        Assert.Equal(HttpStatusCode.Redirect, approvedAll.StatusCode);
        var afterReview = await ValuesAsync(app.Database, "AR");
        Assert.All(drafts.Where(d => d.Id != draft.Id), d => Assert.Equal((ValueStatus.Approved, true), (afterReview.Single(v => v.Id == d.Id).Status, afterReview.Single(v => v.Id == d.Id).Locked)));
        Assert.Equal((ValueStatus.Returned, false), (afterReview.Single(v => v.Id == draft.Id).Status, afterReview.Single(v => v.Id == draft.Id).Locked));

        // The focal point reads why the value came back.
        var back = await reporting.OpenAsync("AR", focal);
        var notice = back.Page.QuerySelector("section[aria-labelledby=returned-heading]")!;
        Assert.Contains("1.1-a", notice.TextContent);
        Assert.Contains(Why, notice.TextContent);
        Assert.Contains(Why, back.Page.QuerySelector($"tr[data-row='{draftRow + 1}'] details.history")!.TextContent);

        // An approved value is locked: a save that changes it is refused, and changes nothing.
        var womenApproved = afterReview.Single(v => v.Id == women.Id);
        before = await StateAsync("AR");
        var (lockedSave, _) = await reporting.SaveLinesAsync("AR", focal, false,
            new ReportingClient.Line("1.2-a", 2025, Tenth(Math.Round(women.Value + 1.3, 1)), womenApproved.Source, womenApproved.Notes, womenApproved.Evidence ?? ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lockedSave.StatusCode);
        Unchanged(before, await StateAsync("AR"));

        // The returned value, answered, is a draft again.
        var (answered, _) = await reporting.SaveLinesAsync("AR", focal, false,
            new ReportingClient.Line("1.1-a", 2025, Tenth(changed), "National planning office, monitoring report 2025"));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(ValueStatus.Draft, (await ValueAsync(app.Database, "AR", "1.1-a", 2025))!.Status);

        // Unlocking takes a reason too, and returns the value to the country.
        var toUnlock = (await ValueAsync(app.Database, "AR", "1.2-a", 2025))!;
        before = await StateAsync("AR");
        var (unlockRefused, unlockPage) = await reporting.ReviewAsync("AR", secretariat, toUnlock, "Unlock", "");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unlockRefused.StatusCode);
        Assert.Equal("Say why the value is unlocked.", unlockPage.GetElementById($"review-{toUnlock.Id}-error")!.TextContent.Trim());
        Unchanged(before, await StateAsync("AR"));
        const string Revised = "The national statistics office revised the series.";
        var (unlocked, _) = await reporting.ReviewAsync("AR", secretariat, toUnlock, "Unlock", Revised);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        var afterUnlock = (await ValueAsync(app.Database, "AR", "1.2-a", 2025))!;
        Assert.Equal((ValueStatus.Returned, false), (afterUnlock.Status, afterUnlock.Locked));

        // Every change of status is kept, in order, with who and why.
        var history = await TransitionsAsync(app.Database, draft.Id);
        Assert.Equal([(ValueStatus.Draft, ValueStatus.Submitted, null), (ValueStatus.Submitted, ValueStatus.Returned, Why), (ValueStatus.Returned, ValueStatus.Draft, null)],
            history.Select(t => (t.From, t.To, t.Reason)));
        Assert.Equal([person, null, person], history.Select(t => t.PersonId));
        history = await TransitionsAsync(app.Database, toUnlock.Id);
        Assert.Equal([(ValueStatus.Draft, ValueStatus.Submitted, null), (ValueStatus.Submitted, ValueStatus.Approved, null), (ValueStatus.Approved, ValueStatus.Returned, Revised)],
            history.Select(t => (t.From, t.To, t.Reason)));
        // Sent: every draft; then one returned, the others approved; the returned one answered; one unlocked.
        Assert.Equal(transitionsAtStart + drafts.Count + 1 + (drafts.Count - 1) + 1 + 1, await TransitionCountAsync(app.Database, "AR"));
    }

    [Fact]
    public async Task The_whole_form_as_a_browser_posts_it_saves_the_changed_draft()
    {
        var (focal, _) = await reporting.FocalPointAsync("CR");
        var form = await reporting.OpenAsync("CR", focal);
        var row = ReportingClient.RowIndex(form.Page, "4.1-a", 2025);
        var draft = (await ValueAsync(app.Database, "CR", "4.1-a", 2025))!;
        Assert.Equal(ValueStatus.Draft, draft.Status);
        var before = await ValuesAsync(app.Database, "CR");

        var value = Math.Round(draft.Value + 0.2, 1);
        var (saved, _) = await reporting.SaveAsync("CR", focal, submit: false, ($"Rows[{row}].Value", Tenth(value)), ($"Rows[{row}].Notes", "Provisional figure."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await ValuesAsync(app.Database, "CR");
        var changed = after.Single(v => v.Id == draft.Id);
        Assert.Equal((value, "Provisional figure.", ValueStatus.Draft), (changed.Value, changed.Notes, changed.Status));
        Assert.Equal(before.Where(v => v.Id != draft.Id), after.Where(v => v.Id != draft.Id));

        // Saved and sent in one go: every draft goes to the secretariat.
        (saved, _) = await reporting.SaveAsync("CR", focal, submit: true);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain(await ValuesAsync(app.Database, "CR"), v => v.Status == ValueStatus.Draft);
    }

    [Fact]
    public async Task A_save_that_changes_an_approved_value_says_why_it_is_refused()
    {
        var (focal, _) = await reporting.FocalPointAsync("EC");
        var approved = (await ValuesAsync(app.Database, "EC")).First(v => v is { Year: 2024, Breakdown: "", Status: ValueStatus.Approved, Locked: true });
        var before = await StateAsync("EC");

        var (refused, page) = await reporting.SaveLinesAsync("EC", focal, false,
            new ReportingClient.Line(approved.Indicator, 2024, Tenth(approved.Value + 1), approved.Source, approved.Notes, approved.Evidence ?? ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Nothing was saved", page.GetElementById("form-error")!.TextContent);
        Assert.Contains("This value is approved and locked; the secretariat must unlock it before it can change.", page.QuerySelector("main")!.TextContent);
        Unchanged(before, await StateAsync("EC"));
    }

    [Fact]
    public async Task A_column_the_template_does_not_have_is_listed_with_the_rows_problems_and_nothing_is_stored()
    {
        var (focal, _) = await reporting.FocalPointAsync("PE");
        var (_, template) = await reporting.TemplateAsync("PE", focal);
        var file = template.Copy();
        file.Header.Add("comments");
        for (var i = 0; i < file.Rows.Count; i++) file.Rows[i] = [.. file.Rows[i], i == 0 ? "Checked by the planning office" : null];
        var notANumber = file.Row("3.1-a", 2025);
        file.Set(notANumber, ReportingCheck.ValueColumn, "n/a");

        var before = await StateAsync("PE");
        var (response, page) = await reporting.UploadAsync("PE", focal, "peru.csv", file.ToCsv());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([(1, "comments", "The column comments is not one of the template's."), (file.Number(notANumber), ReportingCheck.ValueColumn, "n/a is not a number.")],
            ReportingClient.Problems(page));
        Unchanged(before, await StateAsync("PE"));
    }

    [Fact]
    public async Task The_XLSX_template_comes_back_filled_and_its_values_are_saved_as_drafts()
    {
        var (focal, _) = await reporting.FocalPointAsync("UY");
        var (download, template) = await reporting.TemplateAsync("UY", focal, "xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType?.MediaType);
        Assert.True(download.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {download.Headers.CacheControl}");
        Assert.Contains("lc-crp-20-6-uy-indicators-2024-2025.xlsx", download.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(ReportingCheck.Columns, template.Header);
        Assert.Equal(ExpectedPerCountry, template.Rows.Count);
        var stored = (await ValueAsync(app.Database, "UY", "3.1-a", 2025))!;
        var row = template.Row("3.1-a", 2025);
        Assert.Equal((ReportingClient.Number(stored.Value), "Draft", "UY"),
            (template.Cell(row, ReportingCheck.ValueColumn), template.Cell(row, ReportingCheck.StatusColumn), template.Cell(row, ReportingCheck.CountryColumn)));
        // Every breakdown has its row: 2.7-a by sex and area, the total and the four combinations, for each year.
        Assert.Equal(10, template.Rows.Count(r => template.Cell(r, ReportingCheck.IndicatorColumn) == "2.7-a"));
        Assert.NotNull(template.Row("2.7-a", 2024, "sex=female;area=rural"));

        var file = template.Copy();
        var value = Math.Round(stored.Value + 0.4, 1);
        file.Set(file.Row("3.1-a", 2025), ReportingCheck.ValueColumn, Tenth(value));
        file.Set(file.Row("3.1-a", 2025), ReportingCheck.NotesColumn, "Budget execution closed in March.");
        var before = await ValuesAsync(app.Database, "UY");
        var (uploaded, _) = await reporting.UploadAsync("UY", focal, "uruguay.xlsx", file.ToXlsx());
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var after = await ValuesAsync(app.Database, "UY");
        var saved = after.Single(v => v.Id == stored.Id);
        Assert.Equal((value, "Budget execution closed in March.", ValueStatus.Draft, stored.Version + 1), (saved.Value, saved.Notes, saved.Status, saved.Version));
        Assert.Equal(before.Where(v => v.Id != stored.Id), after.Where(v => v.Id != stored.Id));

        // Downloaded again, the template holds the new value.
        var (_, again) = await reporting.TemplateAsync("UY", focal, "xlsx");
        Assert.Equal(ReportingClient.Number(value), again.Cell(again.Row("3.1-a", 2025), ReportingCheck.ValueColumn));
    }
}

public sealed class SqliteReportingWorkflowTests(SqliteApp app) : ReportingWorkflowTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReportingWorkflowTests(PostgresApp app) : ReportingWorkflowTests(app), IClassFixture<PostgresApp>;
