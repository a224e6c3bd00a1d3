using System.Net;
using AngleSharp.Html.Dom;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Indicators;

/// <summary>
/// The methods page and its calculator, a GET form: the example assessed by both methods, a series computed by hand,
/// and bad input answered by its field, never with a 500.
/// </summary>
public abstract class MethodsPageTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    private const string Methods = "/indicators/methods";

    private static string Query(params (string Name, string Value)[] fields) =>
        Methods + "?" + string.Join("&", fields.Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}"));

    private static (string OpenSdg, string Unsd) Statuses(IHtmlDocument page) =>
        (page.QuerySelector("table.calculation td[data-method='open-sdg']")!.GetAttribute("data-status")!,
         page.QuerySelector("table.calculation td[data-method='unsd']")!.GetAttribute("data-status")!);

    /// <summary>The calculation table's cells of a row, by its heading: Open SDG's, then UNSD's.</summary>
    private static List<string> Cells(IHtmlDocument page, string heading) =>
        page.QuerySelectorAll("table.calculation tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == heading)
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_default_example_is_assessed_by_both_methods()
    {
        var page = await client.GetPageAsync(Methods);
        Assert.Equal("How progress is assessed", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("increase", ((IHtmlSelectElement)page.GetElementById("Direction")!).Value);
        Assert.Equal("80", page.GetElementById("TargetValue")!.GetAttribute("value"));
        Assert.Contains("2024 58", page.GetElementById("Observations")!.TextContent);

        // From 40 in 2015 to 58 in 2024, towards 80 in 2030: the observed rate is (58 / 40)^(1/9) − 1 = 4.21 % a year and
        // the needed one 2^(1/15) − 1 = 4.73 %: p = 0.891, moderate progress. Projected to 2030: 58 × 1.0421^6 = 74.30,
        // r = (74.30 − 40) / (80 − 40) = 0.858, too slow.
        Assert.NotNull(page.QuerySelector("table.calculation"));
        Assert.Equal(("moderate_progress", "too_slow"), Statuses(page));
        Assert.Equal("4.21 %", Cells(page, "Observed rate a year")[0]);
        Assert.Equal("4.73 %", Cells(page, "Rate needed a year")[0]);
        Assert.Equal("0.891", Cells(page, "Score")[0]);
        Assert.Equal("0.858", Cells(page, "r")[1]);
    }

    [Fact]
    public async Task A_series_with_a_decrease_desired_is_computed_as_by_hand()
    {
        var page = await client.GetPageAsync(Query(("Direction", "decrease"), ("BaseYear", "2015"), ("TargetYear", "2030"), ("TargetValue", "50"),
            ("Observations", "2015 100\n2020 80")));
        // Open SDG: observed (80 / 100)^(1/5) − 1 = −4.36 % a year, needed (50 / 100)^(1/15) − 1 = −4.52 %; a decrease is
        // desired, so p = 0.04365 / 0.04516 = 0.967: substantial progress.
        // UNSD: 80 × 0.8^(10/5) = 51.2 in 2030; r = (51.2 − 100) / (50 − 100) = 0.976: on track.
        Assert.Equal(("substantial_progress", "on_track"), Statuses(page));
        Assert.Equal(["-4.36 %", "-4.36 %"], Cells(page, "Observed rate a year"));
        Assert.Equal("-4.52 %", Cells(page, "Rate needed a year")[0]);
        Assert.Equal("0.967", Cells(page, "Score")[0]);
        Assert.Equal("51.200", Cells(page, "Projection to the target year")[1]);
        Assert.Equal("0.976", Cells(page, "r")[1]);
        Assert.Equal("100.000 (2015)", Cells(page, "Base")[0]);
        Assert.Equal("80.000 (2020)", Cells(page, "Latest")[1]);
        Assert.Null(page.QuerySelector("p.notice[role=note]"));
        // What was asked stays in the form.
        Assert.Equal("decrease", ((IHtmlSelectElement)page.GetElementById("Direction")!).Value);
    }

    [Theory]
    [InlineData("Direction", "x", "TargetValue", "50", "Direction", "Say whether an increase or a decrease is desired.")]
    [InlineData("Direction", "increase", "BaseYear", "abc", "BaseYear", "Enter a year from 1900 to 2200.")]
    [InlineData("Direction", "increase", "TargetValue", "lots", "TargetValue", "Enter a number.")]
    [InlineData("Direction", "increase", "TargetYear", "2010", "TargetYear", "The target year must come after the base year.")]
    public async Task A_bad_field_is_answered_by_the_field_with_no_result(string name1, string value1, string name2, string value2, string field, string message)
    {
        var response = await client.GetAsync(Query((name1, value1), (name2, value2), ("Observations", "2015 40\n2020 50")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, page.GetElementById($"{field}-error")!.TextContent.Trim());
        Assert.Equal("true", page.GetElementById(field)!.GetAttribute("aria-invalid"));
        Assert.Contains($"{field}-error", page.GetElementById(field)!.GetAttribute("aria-describedby"));
        Assert.Null(page.QuerySelector("table.calculation"));
    }

    [Theory]
    [InlineData("foo", "Line 1: write a year and a number, such as 2020 45.5.")]
    [InlineData("2015 40\n2020 fifty", "Line 2: write a year and a number, such as 2020 45.5.")]
    [InlineData("2015 40\n2020 50\n2020 55", "The year 2020 is given twice.")]
    [InlineData("1850 40\n2020 50", "Enter a year from 1900 to 2200.")]
    public async Task Bad_observations_are_answered_by_the_field_with_no_result(string observations, string message)
    {
        var response = await client.GetAsync(Query(("Direction", "increase"), ("TargetValue", "80"), ("Observations", observations)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, page.GetElementById("Observations-error")!.TextContent.Trim());
        Assert.Equal("true", page.GetElementById("Observations")!.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector("table.calculation"));
        Assert.Equal(observations, page.GetElementById("Observations")!.TextContent.TrimStart('\n'));
    }

    [Fact]
    public async Task Empty_or_excessive_input_is_never_a_server_error()
    {
        foreach (var url in new[]
        {
            Query(("Direction", "increase")), Query(("Observations", "2015 1\n2020 2")), Query(("Direction", "increase"), ("Observations", "\n\n")),
            Query(("Direction", "increase"), ("BaseYear", "99999999999999999999"), ("Observations", "2015 1")),
            Query(("Direction", "increase"), ("Observations", string.Join("\n", Enumerable.Range(1900, 301).Select(y => $"{y} 1")))),
            Query(("Direction", "increase"), ("Observations", "2015 1e400\n2020 NaN")),
        })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url[..Math.Min(url.Length, 120)]} answered {(int)response.StatusCode}");
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.Null(page.QuerySelector("table.calculation"));
            Assert.NotEmpty(page.QuerySelectorAll("[aria-invalid=true]"));
        }
    }
}

public sealed class SqliteMethodsPageTests(SqliteApp app) : MethodsPageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMethodsPageTests(PostgresApp app) : MethodsPageTests(app), IClassFixture<PostgresApp>;
