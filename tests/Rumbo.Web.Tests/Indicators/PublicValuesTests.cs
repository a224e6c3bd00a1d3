using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Accounts;
using Rumbo.Core.Indicators;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Indicators;

/// <summary>
/// The public sees approved values only: a submitted and a draft value reach no page, API answer or file anyone may ask
/// for, and a value shows as soon as the secretariat approves it, the output cache notwithstanding.
/// </summary>
public abstract class PublicValuesTests(RumboApp app)
{
    private readonly ReportingClient reporting = new(app);

    private HttpClient Client => reporting.Client;

    private const string Indicator = "4.4-a";

    /// <summary>Values no seeded series comes near (evaluations published in a year: tens), set on the two unapproved values.</summary>
    private const double Submitted = 7777, Draft = 8888;

    /// <summary>7777 as any page or file of Rumbo would write it: 7777, 7,777, 7.777, 7 777.</summary>
    private static bool Shows(string text, double value)
    {
        var digits = value.ToString("0", CultureInfo.InvariantCulture);
        return Regex.IsMatch(text, $"(?<![0-9]){digits[0]}[.,\u00A0\u202F ]?{digits[1..]}(?![0-9])");
    }

    private async Task<(IndicatorScenario.StoredRow Chile, IndicatorScenario.StoredRow Argentina)> MarkUnapprovedAsync()
    {
        // As seeded: Chile has sent its 2025 values, Argentina's are drafts. (A test of this class may have approved Chile's.)
        var chile = (await IndicatorScenario.ValueAsync(app.Database, "CL", Indicator, 2025))!;
        var argentina = (await IndicatorScenario.ValueAsync(app.Database, "AR", Indicator, 2025))!;
        Assert.Equal(ValueStatus.Draft, argentina.Status);
        await IndicatorScenario.SetValueAsync(app.Database, chile.Id, Submitted, ValueStatus.Submitted);
        await IndicatorScenario.SetValueAsync(app.Database, argentina.Id, Draft, ValueStatus.Draft);
        return ((await IndicatorScenario.ValueAsync(app.Database, "CL", Indicator, 2025))!, (await IndicatorScenario.ValueAsync(app.Database, "AR", Indicator, 2025))!);
    }

    /// <summary>
    /// Every address of the feature a reader may ask for without signing in: its pages and files, each with the agenda,
    /// the indicator and the two countries filled in; and any other GET of the site whose route names indicators.
    /// </summary>
    private List<string> AnonymousUrls()
    {
        var values = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["key"] = [IndicatorScenario.Agenda], ["code"] = [Indicator], ["indicator"] = [Indicator], ["country"] = ["cl", "ar"],
            ["format"] = ["csv", "xlsx", "json"],
        };
        var urls = new List<string>();
        foreach (var e in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var raw = e.RoutePattern.RawText ?? "";
            if (!Regex.IsMatch(raw, "indicator|reporting|progress", RegexOptions.IgnoreCase)) continue;
            var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods;
            if (e.Metadata.GetMetadata<PageActionDescriptor>() is null && methods is not null && !methods.Contains("GET")) continue;
            urls.AddRange(Fill(e.RoutePattern, values));
        }
        urls.AddRange([
            $"/agendas/{IndicatorScenario.Agenda}/indicators/{Indicator}?country=CL", $"/agendas/{IndicatorScenario.Agenda}/indicators/{Indicator}?country=AR",
            $"/agendas/{IndicatorScenario.Agenda}/indicators/{Indicator}?country=CL&culture=es", $"/agendas/{IndicatorScenario.Agenda}/indicators?culture=es",
            "/countries/cl", "/countries/ar", $"/agendas/{IndicatorScenario.Agenda}",
        ]);
        Assert.Contains($"/agendas/{IndicatorScenario.Agenda}/indicators", urls);
        Assert.Contains($"/agendas/{IndicatorScenario.Agenda}/indicators/{Indicator}", urls);
        Assert.Contains($"/agendas/{IndicatorScenario.Agenda}/reporting/cl/template.csv", urls);
        return urls.Distinct().ToList();
    }

    /// <summary>The paths a route pattern makes with the values given; none when it has a parameter with no value.</summary>
    private static IEnumerable<string> Fill(RoutePattern pattern, Dictionary<string, string[]> values)
    {
        IEnumerable<string> paths = [""];
        foreach (var segment in pattern.PathSegments)
        {
            IEnumerable<string> texts = [""];
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        texts = texts.Select(t => t + literal.Content).ToList();
                        break;
                    case RoutePatternSeparatorPart separator:
                        texts = texts.Select(t => t + separator.Content).ToList();
                        break;
                    case RoutePatternParameterPart parameter when values.TryGetValue(parameter.Name, out var options):
                        texts = texts.SelectMany(t => options.Select(o => t + o)).ToList();
                        break;
                    case RoutePatternParameterPart { IsOptional: true }:
                        break;
                    default:
                        return [];
                }
            }
            var made = texts.Where(t => t.Length > 0).ToList();
            paths = made.Count == 0 ? paths : paths.SelectMany(p => made.Select(t => $"{p}/{t}")).ToList();
        }
        return paths.Select(p => p.Length == 0 ? "/" : p);
    }

    [Fact]
    public async Task Submitted_and_draft_values_reach_no_anonymous_page_API_or_file()
    {
        await MarkUnapprovedAsync();
        foreach (var url in AnonymousUrls())
        {
            var response = await Client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"GET {url} answered {(int)response.StatusCode}");
            var text = await ReportingClient.TextAsync(response);
            Assert.False(Shows(text, Submitted), $"GET {url} shows Chile's submitted value");
            Assert.False(Shows(text, Draft), $"GET {url} shows Argentina's draft value");
        }

        // The pages read the series as if the unapproved year were not there: 2024 is the latest of both countries.
        var page = await Client.GetPageAsync($"/agendas/{IndicatorScenario.Agenda}/indicators/{Indicator}?country=CL");
        Assert.DoesNotContain("2025", page.QuerySelectorAll("table.series tbody th").Select(th => th.TextContent.Trim()));
        foreach (var country in new[] { "CL", "AR" })
        {
            var latest = page.QuerySelector($"table.progress tr[data-country={country}]")!.QuerySelectorAll("td")[1].TextContent;
            Assert.DoesNotContain("(2025)", latest);
        }
        // The reporting pages and templates, which hold them, ask who is asking.
        foreach (var url in new[] { ReportingClient.Page("cl"), $"{ReportingClient.Page("ar")}/template.csv", $"/agendas/{IndicatorScenario.Agenda}/reporting" })
        {
            var response = await Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task An_approved_value_shows_at_once_though_the_page_was_cached()
    {
        var (chile, _) = await MarkUnapprovedAsync();
        var url = $"/agendas/{IndicatorScenario.Agenda}/indicators/{Indicator}?country=CL";
        await Client.GetAsync(url);
        var cached = await Client.GetAsync(url);
        Assert.True(cached.Headers.Age is not null, "The public page should be served from the output cache.");
        Assert.False(Shows(await cached.Content.ReadAsStringAsync(), Submitted));

        var secretariat = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var (approved, _) = await reporting.ReviewAsync("CL", secretariat, chile, "Approve", "");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(ValueStatus.Approved, (await IndicatorScenario.ValueAsync(app.Database, "CL", Indicator, 2025))!.Status);

        var fresh = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        var page = new HtmlParser().ParseDocument(await fresh.Content.ReadAsStringAsync());
        var row = page.QuerySelectorAll("table.series tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == "2025");
        Assert.Equal("7,777", row.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Equal("7,777 (2025)", Regex.Replace(page.QuerySelector("table.progress tr[data-country=CL]")!.QuerySelectorAll("td")[1].TextContent.Trim(), @"\s+", " "));

        // Argentina's draft still shows nowhere.
        foreach (var u in AnonymousUrls())
        {
            Assert.False(Shows(await ReportingClient.TextAsync(await Client.GetAsync(u)), Draft), $"GET {u} shows Argentina's draft value");
        }
    }
}

public sealed class SqlitePublicValuesTests(SqliteApp app) : PublicValuesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPublicValuesTests(PostgresApp app) : PublicValuesTests(app), IClassFixture<PostgresApp>;
