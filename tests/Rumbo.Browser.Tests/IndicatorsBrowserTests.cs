using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rumbo.Core.Accounts;
using Rumbo.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

public abstract partial class BrowserTests
{
    private const string IndicatorsAgenda = "/agendas/lc-crp-20-6";

    /// <summary>The indicator whose new value is approved, and the one whose new value is returned (neither has breakdowns).</summary>
    private const string ApprovedIndicator = "1.1-a", ReturnedIndicator = "4.5-a";

    /// <summary>
    /// Issue 10's "done when", as its people do it: a focal point fills the downloaded template, is shown every problem
    /// of the file by row and column (nothing stored), fixes it and sends the drafts; the secretariat returns one value
    /// with a reason and approves the rest; the focal point reads the reason; the public sees only the approved value.
    /// On a wide screen for Argentina and on a 390 px phone for Uruguay (the first run sends and settles every draft of
    /// Argentina, so the phone needs a country of its own).
    /// </summary>
    [Theory]
    [InlineData("AR", "Argentina", 1280, "")]
    [InlineData("UY", "Uruguay", 390, "-phone")]
    public async Task Indicators_a_focal_point_reports_by_file_the_secretariat_returns_one_value_and_the_public_sees_only_approved_ones(
        string country, string countryName, int width, string screenshotSuffix)
    {
        await Page.SetViewportSizeAsync(width, width < 600 ? 844 : 800);
        var code = country.ToLowerInvariant();
        var reporting = $"{IndicatorsAgenda}/reporting/{code}";
        const string password = "a focal point's long passphrase";
        var focal = await FocalPointAccountAsync(country, password);
        // What is wrong but stops no one is gathered here and asserted at the end, so that one run shows all of it.
        var findings = new List<string>();

        // 1. The focal point opens the country's page from the reporting overview and downloads the CSV template.
        await SignInAsync(Page, focal, password, "Focal");
        await Page.GotoAsync($"{IndicatorsAgenda}/reporting");
        await Page.Locator("section[aria-labelledby='mine-heading']").GetByRole(AriaRole.Link, new() { Name = countryName }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(host.BaseAddress + reporting[1..]);
        await Expect(Page.Locator("main h1")).ToHaveTextAsync(countryName);
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.Equal($"lc-crp-20-6-{code}-indicators-2024-2025.csv", download.SuggestedFilename);
        await AssertFormsCarryTokenAsync(Page);
        await NoPlaceholderAsync(Page, findings);
        var template = ReadCsv(await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8));
        var header = template[0];
        int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new Xunit.Sdk.XunitException($"The template has no column {name}: {string.Join(",", header)}");
        var (indicatorColumn, countryColumn, yearColumn, valueColumn, statusColumn) = (Column("indicator"), Column("country"), Column("year"), Column("value"), Column("status"));
        Assert.All(template.Skip(1), r => Assert.Equal(country, r[countryColumn]));
        // The spreadsheet's row number of a line of the file: the header is row 1.
        int RowOf(string indicator) =>
            template.FindIndex(r => r[indicatorColumn] == indicator && r[yearColumn] == "2025") is var i and > 0 ? i + 1 : throw new Xunit.Sdk.XunitException($"No row of {indicator} 2025 in the template.");
        var (approvedRow, returnedRow) = (RowOf(ApprovedIndicator), RowOf(ReturnedIndicator));
        // Both are 2025 drafts in the demo data, as the file says; the new numbers stay near them (one decimal, within 0–100).
        Assert.Equal("Draft", template[approvedRow - 1][statusColumn]);
        Assert.Equal("Draft", template[returnedRow - 1][statusColumn]);
        static string Near(string stored)
        {
            var v = double.Parse(stored, CultureInfo.InvariantCulture);
            return Math.Round(v + (v > 99 ? -0.4 : 0.4), 1).ToString("R", CultureInfo.InvariantCulture);
        }
        var approvedValue = Near(template[approvedRow - 1][valueColumn]);
        var returnedValue = Near(template[returnedRow - 1][valueColumn]);

        // The first file: one value is not a number and a row was pasted twice.
        var bad = template.Select(r => r.ToList()).ToList();
        bad[approvedRow - 1][valueColumn] = approvedValue;
        bad[returnedRow - 1][valueColumn] = "abc";
        bad.Add(bad[approvedRow - 1].ToList());
        var duplicateRow = bad.Count;
        var before = await IndicatorScenario.ValuesAsync(host.Database, country);
        await Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = download.SuggestedFilename, MimeType = "text/csv", Buffer = WriteCsv(bad) });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
        var problemRows = Page.Locator("table.problems tbody tr");
        await Expect(Page.Locator("#problems-heading")).ToHaveTextAsync($"2 problems in {download.SuggestedFilename}: nothing was stored");
        await Expect(problemRows).ToHaveCountAsync(2);
        await Expect(problemRows.Nth(0).Locator("td")).ToHaveTextAsync([returnedRow.ToString(CultureInfo.InvariantCulture), "value", "abc is not a number."]);
        await Expect(problemRows.Nth(1).Locator("td")).ToHaveTextAsync(
            [duplicateRow.ToString(CultureInfo.InvariantCulture), "row", $"The same indicator, year and breakdown are already on row {approvedRow}."]);
        await Expect(Page.Locator("p.notice[role=status]")).ToHaveCountAsync(0);
        Assert.Equal(before, await IndicatorScenario.ValuesAsync(host.Database, country));
        await ScreenshotAsync("indicators-reporting-problems" + screenshotSuffix);
        if (width <= 390 && await WiderThanScreenAsync(Page) is { } reportingTooWide)
        {
            findings.Add(reportingTooWide);
        }
        // That refusal is the 422 the browser reports (the response and its console line); it was meant, and is the only one allowed.
        Assert.Equal(2, problems.RemoveAll(p => p.Contains("422", StringComparison.Ordinal) && p.Contains($"{reporting}/upload", StringComparison.Ordinal)));

        // The reporting page with the problems of the file passes the accessibility checker.
        await using (var checker = await CheckerContextAsync(signedInAsPage: true))
        {
            var page = await checker.NewPageAsync();
            await page.GotoAsync(reporting);
            await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = download.SuggestedFilename, MimeType = "text/csv", Buffer = WriteCsv(bad) });
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
            await Expect(page.Locator("table.problems tbody tr")).ToHaveCountAsync(2);
            await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
            await AssertAccessibleAsync(page);
        }

        // The fixed file is saved as drafts; then every draft goes to the secretariat.
        var good = bad.Take(duplicateRow - 1).ToList();
        good[returnedRow - 1][valueColumn] = returnedValue;
        await Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = download.SuggestedFilename, MimeType = "text/csv", Buffer = WriteCsv(good) });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(host.BaseAddress + reporting[1..]);
        await Expect(Page.Locator("p.notice[role=status]")).ToContainTextAsync("The file was read: 2 values saved as drafts,");
        await Expect(Page.Locator("table.problems")).ToHaveCountAsync(0);
        await Expect(FormValue(ApprovedIndicator)).ToHaveValueAsync(approvedValue);
        await Expect(FormValue(ReturnedIndicator)).ToHaveValueAsync(returnedValue);
        foreach (var (indicator, value) in new[] { (ApprovedIndicator, approvedValue), (ReturnedIndicator, returnedValue) })
        {
            var stored = await IndicatorScenario.ValueAsync(host.Database, country, indicator, 2025);
            Assert.Equal((double.Parse(value, CultureInfo.InvariantCulture), Rumbo.Core.Indicators.ValueStatus.Draft), (stored!.Value, stored.Status));
        }
        // A report is the evidence of the value to be approved: attached as a file, listed with the value.
        var evidenceOf = (await IndicatorScenario.ValueAsync(host.Database, country, ApprovedIndicator, 2025))!;
        await Page.Locator("#evidence-value").SelectOptionAsync(string.Create(CultureInfo.InvariantCulture, $"{evidenceOf.Id}.{evidenceOf.Version}"));
        await Page.Locator("#evidence-file").SetInputFilesAsync(new FilePayload
        {
            Name = "household-survey-2025.pdf", MimeType = "application/pdf", Buffer = DocumentFiles.Pdf("Household survey 2025: methods and tables."),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Attach the file" }).ClickAsync();
        await Expect(Page.Locator("p.notice[role=status]")).ToHaveTextAsync("The file was attached as the value's evidence.");
        await Expect(Page.Locator("#evidence .evidence-list li a")).ToHaveTextAsync("household-survey-2025.pdf");
        await Expect(Page.Locator($"tr[data-indicator='{ApprovedIndicator}'][data-year='2025'] a.evidence-file")).ToHaveTextAsync("household-survey-2025.pdf");
        await Page.Locator("#evidence").ScreenshotAsync(new LocatorScreenshotOptions { Path = ScreenshotPath("indicators-evidence" + screenshotSuffix) });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send every draft for approval" }).ClickAsync();
        await Expect(Page.Locator("p.notice[role=status]")).ToContainTextAsync("sent to the secretariat for approval.");
        await Expect(Page.Locator("dd[data-status=Draft]")).ToHaveTextAsync("0");
        await Expect(Page.Locator($"tr[data-indicator='{ReturnedIndicator}'][data-year='2025'] .value-status")).ToHaveTextAsync("Submitted");
        await SignOutAsync(width);

        // 2. The secretariat finds the country in the completeness table, returns one value with its reason, approves the rest.
        var secretariat = await SecretariatAccountAsync(password);
        await SignInAsync(Page, secretariat, password, secretariat);
        await Page.GotoAsync($"{IndicatorsAgenda}/reporting");
        await Page.Locator($"table.completeness tr[data-country='{country}'] th a").ClickAsync();
        await Expect(Page).ToHaveURLAsync(host.BaseAddress + reporting[1..]);
        var review = Page.Locator("table.review tbody tr");
        var toReturn = review.Filter(new() { Has = Page.Locator("th .code", new() { HasTextString = ReturnedIndicator }) }).Filter(new() { HasTextString = "2025" });
        await Expect(toReturn).ToHaveCountAsync(1);
        await Expect(toReturn.Locator("td.num")).ToHaveTextAsync(returnedValue);
        var toApprove = review.Filter(new() { Has = Page.Locator("th .code", new() { HasTextString = ApprovedIndicator }) }).Filter(new() { HasTextString = "2025" });
        await Expect(toApprove.Locator("td.num")).ToHaveTextAsync(approvedValue);
        await Expect(toApprove.Locator("a.evidence-file")).ToHaveTextAsync("household-survey-2025.pdf");
        await AssertFormsCarryTokenAsync(Page);
        await NoPlaceholderAsync(Page, findings);
        // The review, with its forms, passes the accessibility checker.
        await using (var checker = await CheckerContextAsync(signedInAsPage: true))
        {
            var page = await checker.NewPageAsync();
            await page.GotoAsync(reporting);
            await Expect(page.Locator("table.review tbody tr").First).ToBeVisibleAsync();
            await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
            await AssertAccessibleAsync(page);
        }
        await toReturn.GetByLabel($"Reason for returning {ReturnedIndicator} 2025").FillAsync("Source missing");
        await toReturn.GetByRole(AriaRole.Button, new() { Name = "Return" }).ClickAsync();
        await Expect(Page.Locator("p.notice[role=status]")).ToHaveTextAsync("The value was returned to the country with the reason.");
        await Expect(toReturn).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve every submitted value" }).ClickAsync();
        await Expect(Page.Locator("p.notice[role=status]")).ToContainTextAsync("values approved.");
        await Expect(Page.Locator("#review")).ToContainTextAsync("No value is waiting for approval.");
        await Expect(Page.Locator("dd[data-status=Submitted]")).ToHaveTextAsync("0");
        await Expect(Page.Locator("dd[data-status=Returned]")).ToHaveTextAsync("1");
        await SignOutAsync(width);

        // 3. The focal point reads what was returned, and why.
        await SignInAsync(Page, focal, password, "Focal");
        await Page.GotoAsync(reporting);
        var returned = Page.Locator("section[aria-labelledby='returned-heading']");
        await Expect(returned.Locator("h2")).ToHaveTextAsync("Returned by the secretariat");
        await Expect(returned.Locator("li")).ToHaveCountAsync(1);
        await Expect(returned.Locator("li")).ToContainTextAsync(new Regex($@"^\s*{Regex.Escape(ReturnedIndicator)}\s+2025\s*:\s*Source missing\s*$"));
        var returnedFormRow = Page.Locator($"tr[data-indicator='{ReturnedIndicator}'][data-year='2025']");
        await Expect(returnedFormRow.Locator(".value-status")).ToHaveTextAsync("Returned");
        await Expect(FormValue(ReturnedIndicator)).ToBeEditableAsync();
        await Expect(Page.Locator($"tr[data-indicator='{ApprovedIndicator}'][data-year='2025'] .value-status")).ToHaveTextAsync("Approved");
        await SignOutAsync(width);

        // 4. The public compares the region with the country: the approved value is in the chart's table, the returned one is not.
        await Page.GotoAsync($"{IndicatorsAgenda}/indicators");
        await Page.Locator($"main a[href='{IndicatorsAgenda}/indicators/{ApprovedIndicator}']").ClickAsync();
        await Page.Locator("#country").SelectOptionAsync(country);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/indicators/{Regex.Escape(ApprovedIndicator)}\\?country={country}$"));
        await Expect(Page.Locator("figure.chart svg")).ToBeVisibleAsync();
        await Expect(Page.Locator("figure.map svg")).ToBeVisibleAsync();
        await NoPlaceholderAsync(Page, findings);
        var shown = double.Parse(approvedValue, CultureInfo.InvariantCulture).ToString("N1", CultureInfo.GetCultureInfo("en-US"));
        Assert.Equal(shown, await SeriesCellAsync(countryName, "2025"));
        await Expect(Page.Locator($"table.progress tr[data-country='{country}'] td").Nth(1)).ToContainTextAsync($"{shown} (2025)");
        await ScreenshotAsync("indicators-indicator" + screenshotSuffix);
        if (width <= 390)
        {
            // On a phone the page does not scroll sideways: its tables scroll within their own boxes.
            Assert.Null(await WiderThanScreenAsync(Page));
        }

        await Page.GotoAsync($"{IndicatorsAgenda}/indicators/{ReturnedIndicator}?country={country}");
        await Expect(Page.Locator("table.series thead")).ToContainTextAsync(countryName);
        // No 2025 for the country (the row is missing, or its cell says "–"), and its latest value is an earlier year's.
        Assert.Contains(await SeriesCellAsync(countryName, "2025"), new[] { null, "–" });
        await Expect(Page.Locator($"table.progress tr[data-country='{country}'] td").Nth(1)).Not.ToContainTextAsync("(2025)");
        AssertNoProblems();

        await AssertAccessibleAsync($"{IndicatorsAgenda}/indicators/{ApprovedIndicator}?country={country}");
        Assert.True(findings.Count == 0, string.Join("\n", findings.Distinct()));
    }

    /// <summary>Signs out with the header's button; on a phone it is in the header's menu, closed until its button opens it.</summary>
    private async Task SignOutAsync(int width)
    {
        var signOut = Page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        if (width <= 390)
        {
            await Expect(signOut).ToBeHiddenAsync();
            await Page.Locator("header summary.menu-button").ClickAsync();
        }
        await signOut.ClickAsync();
    }

    /// <summary>A sentence of the page's content that still shows a placeholder such as {0} is a finding.</summary>
    private static async Task NoPlaceholderAsync(IPage page, List<string> findings)
    {
        var text = await page.Locator("main").InnerTextAsync();
        foreach (Match m in Regex.Matches(text, @"[^\n]*\{\d+\}[^\n]*"))
        {
            findings.Add($"{page.Url} shows an unfilled placeholder: \"{m.Value.Trim()}\"");
        }
    }

    /// <summary>
    /// Null when the page is no wider than the screen; else how wide it is and the elements that stick out first, which is
    /// where the layout gives way: those whose parent still fits, and positioned ones (a visually hidden label), that no
    /// box which scrolls or clips holds in (a positioned element escapes such a box when its containing block is outside).
    /// </summary>
    internal static async Task<string?> WiderThanScreenAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] <= widths[1]) return null;
        var first = await page.EvaluateAsync<string>("""
            () => {
                const positioned = e => ['absolute', 'fixed'].includes(getComputedStyle(e).position);
                const held = e => {
                    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                        if (getComputedStyle(a).overflowX !== 'visible' && (!positioned(e) || (e.offsetParent && a.contains(e.offsetParent)))) return true;
                    }
                    return false;
                };
                const out = [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && (positioned(e) || e.parentElement.getBoundingClientRect().right <= innerWidth + 1) && !held(e));
                const name = e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : ''}`;
                return `${out.slice(0, 8).map(e => `${name(e)}${positioned(e) ? ' (positioned, in ' + name(e.offsetParent ?? document.body) + ')' : ''} (to ${Math.round(e.getBoundingClientRect().right)}px)`).join('; ')}${out.length > 8 ? ` and ${out.length - 8} more` : ''}`;
            }
            """);
        return $"{page.Url} is {widths[0]}px wide on a {widths[1]}px screen; first to stick out: {first}";
    }

    /// <summary>
    /// Every form of the page's content that posts carries the antiforgery token, without which the site answers 400: a
    /// form tag with an action of its own gets none unless it asks (asp-antiforgery, or @Html.AntiForgeryToken()).
    /// </summary>
    private static async Task AssertFormsCarryTokenAsync(IPage page)
    {
        var bare = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('main form[method=post]')].filter(f => !f.querySelector('input[name=__RequestVerificationToken]')).map(f => f.getAttribute('action'))");
        Assert.True(bare.Length == 0, $"{page.Url}: forms that post without the antiforgery token: {string.Join(", ", bare.Distinct())}");
    }

    /// <summary>The value input of an indicator's 2025 total on the reporting form.</summary>
    private ILocator FormValue(string indicator) =>
        Page.Locator($"tr[data-indicator='{indicator}'][data-year='2025'][data-breakdown=''] input[name$='.Value']");

    /// <summary>The text of the chart table's cell for the column and year, or null when the year has no row.</summary>
    private async Task<string?> SeriesCellAsync(string column, string year) =>
        await Page.EvaluateAsync<string?>("""
            ([column, year]) => {
                const table = document.querySelector('table.series');
                const index = [...table.tHead.rows[0].cells].findIndex(c => c.textContent.trim() === column);
                if (index < 0) throw new Error(`no column ${column}`);
                const row = [...table.tBodies[0].rows].find(r => r.cells[0].textContent.trim() === year);
                return row ? row.cells[index].textContent.trim() : null;
            }
            """, new[] { column, year });

    /// <summary>
    /// A new person who is a focal point of the country for the planning agenda (<see cref="IndicatorScenario.FocalPointAsync"/>,
    /// given name "Focal") and a confirmed account of theirs with the password; answers its e-mail address.
    /// </summary>
    private async Task<string> FocalPointAccountAsync(string country, string password)
    {
        var personId = await IndicatorScenario.FocalPointAsync(host.Database, country);
        var email = $"focal-{country.ToLowerInvariant()}-{Guid.NewGuid():n}@example.org";
        using var scope = host.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
        var created = await users.CreateAsync(new RumboUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow, PersonId = personId }, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return email;
    }

    /// <summary>Reads CSV as RFC 4180 writes it (quoted fields may hold commas, quotes and line breaks): rows of cells.</summary>
    private static List<List<string>> ReadCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (ch == '\r') { }
            else if (ch == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = []; }
            else cell.Append(ch);
        }
        if (cell.Length > 0 || row.Count > 0) { row.Add(cell.ToString()); rows.Add(row); }
        return rows;
    }

    /// <summary>Writes rows as CSV in UTF-8 with a byte order mark, as the template comes, quoting where needed.</summary>
    private static byte[] WriteCsv(IEnumerable<IReadOnlyList<string>> rows)
    {
        static string Cell(string c) => c.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c;
        var text = string.Concat(rows.Select(r => string.Join(",", r.Select(Cell)) + "\r\n"));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }
}
