using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Indicators;
using Rumbo.Core.Seed;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Indicators;

/// <summary>
/// The public pages of the targets and indicators: the framework's list with both methods and the snapshot, and an
/// indicator's page with its definition, targets, chart and progress by country; read by the public only.
/// </summary>
public abstract class IndicatorPageTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    private const string List = $"/agendas/{IndicatorScenario.Agenda}/indicators";

    private static readonly Dictionary<ProgressStatus, string> English = new()
    {
        [ProgressStatus.NotAvailable] = "Not available", [ProgressStatus.TargetAchieved] = "Target achieved",
        [ProgressStatus.SubstantialProgress] = "Substantial progress", [ProgressStatus.ModerateProgress] = "Moderate progress",
        [ProgressStatus.LimitedProgress] = "Limited progress", [ProgressStatus.Deterioration] = "Deterioration",
        [ProgressStatus.OnTrack] = "On track", [ProgressStatus.TooSlow] = "Too slow", [ProgressStatus.Regression] = "Regression",
    };

    private static readonly Dictionary<ProgressStatus, string> Spanish = new()
    {
        [ProgressStatus.NotAvailable] = "No disponible", [ProgressStatus.TargetAchieved] = "Meta alcanzada",
        [ProgressStatus.SubstantialProgress] = "Progreso sustancial", [ProgressStatus.ModerateProgress] = "Progreso moderado",
        [ProgressStatus.LimitedProgress] = "Progreso limitado", [ProgressStatus.Deterioration] = "Deterioro",
        [ProgressStatus.OnTrack] = "Bien encaminado", [ProgressStatus.TooSlow] = "Demasiado lento", [ProgressStatus.Regression] = "Retroceso",
    };

    /// <summary>A status as a cell shows it: the sign, hidden from screen readers, then the word.</summary>
    private static string StatusWord(IElement status) =>
        status.TextContent.Replace(status.QuerySelector("[aria-hidden]")?.TextContent ?? "", "", StringComparison.Ordinal).Trim();

    /// <summary>The region's approved totals and regional target of each indicator, assessed by both methods, straight from the database.</summary>
    private async Task<Dictionary<string, IReadOnlyList<ProgressResult>>> RegionalProgressAsync()
    {
        await using var db = app.Database.CreateContext();
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.Agenda!.Slug == IndicatorScenario.Agenda)
            .Select(i => new { i.Id, i.Code, Version = i.Versions.OrderByDescending(v => v.Number).Select(v => new { v.Id, v.Direction }).First() })
            .ToListAsync();
        var result = new Dictionary<string, IReadOnlyList<ProgressResult>>();
        foreach (var i in indicators)
        {
            var points = await db.IndicatorValues.AsNoTracking()
                .Where(v => v.IndicatorVersionId == i.Version.Id && v.CountryId == null && v.Breakdown == "" && v.Status == ValueStatus.Approved)
                .OrderBy(v => v.Year).Select(v => new ProgressPoint(v.Year, v.Value)).ToListAsync();
            var target = await db.IndicatorTargets.AsNoTracking().SingleOrDefaultAsync(t => t.IndicatorId == i.Id && t.CountryId == null);
            result[i.Code] = Progress.AssessAll(new ProgressSeries(i.Version.Direction, target?.BaselineYear, target?.BaselineValue, target?.TargetYear,
                target?.TargetValue, points));
        }
        return result;
    }

    [Fact]
    public async Task The_list_shows_every_example_indicator_by_area_with_both_methods_and_a_snapshot_that_adds_up()
    {
        var page = await client.GetPageAsync(List);
        Assert.Equal("Targets and indicators", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("examples generated for the demonstration, not statistics of any country", page.QuerySelector("p.notice[role=note]")!.TextContent);

        var expected = await RegionalProgressAsync();
        var codes = DemoIndicators.Definitions.Select(d => d.Code).ToList();
        Assert.Equal(12, codes.Count);
        Assert.Equal(codes.Order(), expected.Keys.Order());
        var rows = page.QuerySelectorAll("table.indicators tbody tr[data-indicator]").ToList();
        Assert.Equal(codes, rows.Select(r => r.GetAttribute("data-indicator")));
        foreach (var d in DemoIndicators.Definitions)
        {
            // Under its area's heading and its objective's.
            var area = d.Objective.Split('.')[0];
            var section = page.QuerySelector($"section[aria-labelledby='area-{area}']")!;
            Assert.StartsWith($"{area}. ", section.QuerySelector("h2")!.TextContent.Trim());
            var row = section.QuerySelector($"tr[data-indicator='{d.Code}']");
            Assert.True(row is not null, $"{d.Code} is not under area {area}");
            Assert.NotNull(page.GetElementById($"objective-{d.Objective.Replace('.', '-')}"));
            var link = row.QuerySelector("th a")!;
            Assert.Equal($"{List}/{d.Code}", link.GetAttribute("href"));
            Assert.Contains(d.En, link.TextContent);
            Assert.Equal("Example", row.QuerySelector(".badge.example")!.TextContent.Trim());
            // Both methods, as they assess the region's approved series against the regional target.
            var statuses = row.QuerySelectorAll("td span.status").ToList();
            Assert.Equal(2, statuses.Count);
            Assert.Equal([English[expected[d.Code][0].Status], English[expected[d.Code][1].Status]], statuses.Select(StatusWord));
            Assert.Contains($"status-{ProgressStatusCodes.Code(expected[d.Code][0].Status).Replace('_', '-')}", statuses[0].ClassName);
        }
        // The region's latest approved value is the seeded one of 2024.
        Assert.All(rows, r => Assert.Contains("(2024)", r.QuerySelectorAll("td")[0].TextContent));

        // The snapshot of each method counts the indicators by the status the rows show, and adds up to all of them.
        foreach (var (method, column) in new[] { ("open-sdg", 0), ("unsd", 1) })
        {
            var table = page.QuerySelector($"table.snapshot[data-method='{method}']")!;
            var counts = table.QuerySelectorAll("tbody tr[data-status]")
                .ToDictionary(tr => tr.GetAttribute("data-status")!, tr => int.Parse(tr.QuerySelector("td")!.TextContent.Trim(), CultureInfo.InvariantCulture));
            Assert.Equal(codes.Count, counts.Values.Sum());
            var shown = rows.GroupBy(r => r.QuerySelectorAll("td span.status")[column].ClassName!.Split(' ').Single(c => c.StartsWith("status-", StringComparison.Ordinal))["status-".Length..].Replace('-', '_'))
                .ToDictionary(g => g.Key, g => g.Count());
            Assert.All(shown, s => Assert.Equal(s.Value, counts[s.Key]));
            Assert.All(counts.Where(c => !shown.ContainsKey(c.Key)), c => Assert.Equal(0, c.Value));
            var byMethod = expected.Values.Select(r => ProgressStatusCodes.Code(r[column].Status)).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(byMethod.OrderBy(p => p.Key), shown.OrderBy(p => p.Key));
        }
        Assert.Equal("Open SDG (Statistics Canada)", page.QuerySelector("table.snapshot[data-method='open-sdg'] caption")!.TextContent.Trim());
        Assert.Equal("UN Statistics Division", page.QuerySelector("table.snapshot[data-method='unsd'] caption")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_indicator_shows_its_definition_the_regional_target_with_milestones_the_chart_and_a_row_per_country()
    {
        await using var db = app.Database.CreateContext();
        var regional = await db.IndicatorTargets.AsNoTracking().Include(t => t.Milestones)
            .SingleAsync(t => t.Indicator!.Code == "1.3-a" && t.Indicator.Agenda!.Slug == IndicatorScenario.Agenda && t.CountryId == null);
        var regionSeries = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorVersion!.Indicator!.Code == "1.3-a" && v.CountryId == null && v.Breakdown == "" && v.Status == ValueStatus.Approved)
            .OrderBy(v => v.Year).Select(v => new { v.Year, v.Value }).ToListAsync();
        var reporting = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorVersion!.Indicator!.Code == "1.3-a" && v.CountryId != null && v.Breakdown == "" && v.Status == ValueStatus.Approved)
            .Select(v => v.Country!.Code).Distinct().ToListAsync();

        var page = await client.GetPageAsync($"{List}/1.3-a");
        var definition = DemoIndicators.Definitions.Single(d => d.Code == "1.3-a");
        Assert.Equal(definition.En, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("examples generated for the demonstration", page.QuerySelector(".page-header p.notice[role=note]")!.TextContent);
        Assert.Contains(definition.DefinitionEn, page.QuerySelector("section[aria-labelledby=definition-heading] .markdown")!.TextContent);
        Assert.Contains("Increase", page.QuerySelector(".page-header dl.meta")!.TextContent);

        // The regional target with its baseline, milestones and target; Chile's own target beside it.
        var targets = page.QuerySelector("table.targets")!;
        var region = targets.QuerySelector("tr[data-country=region]")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal($"{regional.BaselineValue!.Value.ToString("N1", CultureInfo.InvariantCulture)} (2020)", Squeeze(region[0]));
        Assert.Equal(2, regional.Milestones.Count);
        Assert.Equal(string.Join("; ", regional.Milestones.OrderBy(m => m.Year).Select(m => $"{m.Value.ToString("N1", CultureInfo.InvariantCulture)} ({m.Year})")), region[1]);
        Assert.Equal("80.0 (2030)", Squeeze(region[2]));
        var chile = targets.QuerySelector("tr[data-country=CL]")!;
        Assert.Contains("Chile", chile.QuerySelector("th")!.TextContent);
        Assert.Contains("the country's own target", chile.QuerySelector("th")!.TextContent);
        Assert.Equal("95.0 (2030)", Squeeze(chile.QuerySelectorAll("td")[2].TextContent));

        // The chart: an image with a title, and the table of its values, the region's approved series.
        var svg = page.QuerySelector("figure.chart svg[role=img]")!;
        Assert.Equal("1.3-a: the region", svg.QuerySelector("title")!.TextContent);
        Assert.Contains(svg.QuerySelector("title")!.Id!, svg.GetAttribute("aria-labelledby")!);
        var series = page.QuerySelector("table.series")!;
        Assert.Equal(["Year", "Region"], series.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(regionSeries.Select(v => (v.Year.ToString(CultureInfo.InvariantCulture), v.Value.ToString("N1", CultureInfo.InvariantCulture))),
            series.QuerySelectorAll("tbody tr").Select(tr => (tr.QuerySelector("th")!.TextContent.Trim(), tr.QuerySelector("td")!.TextContent.Trim())));

        // Progress: the region, then a row per country with approved values, each with both methods' statuses.
        var progress = page.QuerySelectorAll("table.progress:not(.breakdowns) tbody tr").ToList();
        Assert.Equal(["region", .. reporting.Order(StringComparer.Ordinal)], progress.Select(r => r.GetAttribute("data-country")));
        Assert.Equal(14, reporting.Count);
        Assert.All(progress, r =>
        {
            var statuses = r.QuerySelectorAll("span.status").Select(StatusWord).ToList();
            Assert.Equal(2, statuses.Count);
            Assert.Contains(statuses[0], IndicatorProgress.StatusesOf(ProgressMethod.OpenSdg).Select(s => English[s]));
            Assert.Contains(statuses[1], IndicatorProgress.StatusesOf(ProgressMethod.Unsd).Select(s => English[s]));
        });
        Assert.NotNull(page.QuerySelector("table.progress tr[data-country=CL] a[href='?country=CL#chart-heading']"));
    }

    [Fact]
    public async Task Choosing_a_country_adds_its_series_to_the_chart_and_its_table()
    {
        await using var db = app.Database.CreateContext();
        var chile = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorVersion!.Indicator!.Code == "1.3-a" && v.Country!.Code == "CL" && v.Breakdown == "" && v.Status == ValueStatus.Approved)
            .OrderBy(v => v.Year).Select(v => new { v.Year, v.Value }).ToListAsync();
        Assert.NotEmpty(chile);

        var page = await client.GetPageAsync($"{List}/1.3-a?country=CL");
        Assert.Equal("1.3-a: the region and Chile", page.QuerySelector("figure.chart svg[role=img] title")!.TextContent);
        var series = page.QuerySelector("table.series")!;
        Assert.Equal(["Year", "Region", "Chile"], series.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        var byYear = series.QuerySelectorAll("tbody tr").ToDictionary(tr => int.Parse(tr.QuerySelector("th")!.TextContent.Trim(), CultureInfo.InvariantCulture),
            tr => tr.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.All(chile, v => Assert.Equal(v.Value.ToString("N1", CultureInfo.InvariantCulture), byYear[v.Year]));
        Assert.True(page.QuerySelector("select#country option[value=CL]")!.HasAttribute("selected"));

        // A country with no approved values, or none at all, draws the region alone.
        var unknown = await client.GetPageAsync($"{List}/1.3-a?country=ZZ");
        Assert.Equal(["Year", "Region"], unknown.QuerySelectorAll("table.series thead th").Select(th => th.TextContent.Trim()));
    }

    [Theory]
    [InlineData($"{List}/9.9-z")]
    [InlineData("/agendas/no-such-agenda/indicators")]
    [InlineData("/agendas/no-such-agenda/indicators/1.3-a")]
    public async Task An_unknown_indicator_or_agenda_answers_404(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task In_Spanish_the_statuses_and_methods_are_in_Spanish()
    {
        var page = await client.GetPageAsync($"{List}?culture=es");
        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        var words = page.QuerySelectorAll("table.indicators span.status").Select(StatusWord).ToList();
        Assert.Equal(24, words.Count);
        Assert.All(words, w => Assert.Contains(w, Spanish.Values));
        Assert.Equal("ONU (División de Estadística)", page.QuerySelector("table.snapshot[data-method='unsd'] caption")!.TextContent.Trim());
        Assert.Equal(IndicatorProgress.StatusesOf(ProgressMethod.Unsd).Select(s => Spanish[s]),
            page.QuerySelectorAll("table.snapshot[data-method='unsd'] tbody th").Select(StatusWord));

        var indicator = await client.GetPageAsync($"{List}/1.3-a?culture=es");
        Assert.Equal(DemoIndicators.Definitions.Single(d => d.Code == "1.3-a").Es, indicator.QuerySelector("h1")!.TextContent.Trim());
        var statuses = indicator.QuerySelectorAll("table.progress span.status").Select(StatusWord).ToList();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, w => Assert.Contains(w, Spanish.Values));
        Assert.DoesNotContain(indicator.QuerySelectorAll("table.progress span.status").Select(StatusWord), English.Values.Contains);
    }

    /// <summary>Whitespace inside a cell as one space.</summary>
    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed class SqliteIndicatorPageTests(SqliteApp app) : IndicatorPageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresIndicatorPageTests(PostgresApp app) : IndicatorPageTests(app), IClassFixture<PostgresApp>;
