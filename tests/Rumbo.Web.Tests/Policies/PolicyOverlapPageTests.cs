using System.Net;
using Rumbo.Core.Policies;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Policies;

/// <summary>The overlaps page: a country's pairs among the policies the reader may see, and its filters' bad values.</summary>
public abstract class PolicyOverlapPageTests(RumboApp app)
{
    private readonly PolicyKit kit = new(app);

    private static string Unique => Guid.NewGuid().ToString("n")[..8];

    private async Task<List<(int First, int Second)>> PairsAsync(string country, string? cookie = null)
    {
        var page = await kit.Kit.PageAsync($"/policies/overlaps?country={country}&t={Unique}", cookie);
        return page.QuerySelectorAll("li.overlap")
            .Select(li => (int.Parse(li.GetAttribute("data-first")!, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(li.GetAttribute("data-second")!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    [Fact]
    public async Task A_country_s_overlapping_policies_are_paired_among_those_the_reader_may_see()
    {
        var (a, _) = await kit.CreateAsync("PY", PolicyReview.Reviewed, isPublic: true, lines: ["1.3.4"],
            title: "Política Nacional de Gobierno Digital e Interoperabilidad");
        var (b, _) = await kit.CreateAsync("PY", PolicyReview.Reviewed, isPublic: true, lines: ["1.3.4"],
            title: "Política de Gobierno Digital e Interoperabilidad del Estado");
        var (draft, _) = await kit.CreateAsync("PY", PolicyReview.Draft, isPublic: false, lines: ["1.3.4"],
            title: "Gobierno Digital e Interoperabilidad: política nacional");
        await kit.CreateAsync("PY", PolicyReview.Reviewed, isPublic: true, lines: ["2.5.1"], title: "Plan Nacional de Cuidados para la Primera Infancia");
        // The same title in another country is not its pair.
        await kit.CreateAsync("BO", PolicyReview.Reviewed, isPublic: true, lines: ["1.3.4"], title: "Política Nacional de Gobierno Digital e Interoperabilidad");

        Assert.Equal([(a, b)], await PairsAsync("PY"));
        var secretariat = await kit.SecretariatAsync();
        var all = await PairsAsync("PY", secretariat);
        Assert.Equal(3, all.Count);
        Assert.Contains((a, draft), all);
        Assert.Contains((b, draft), all);
        var (focalPoint, _) = await kit.FocalPointAsync("PY");
        Assert.Equal(3, (await PairsAsync("PY", focalPoint)).Count);
        var (otherFocalPoint, _) = await kit.FocalPointAsync("BO");
        Assert.Equal([(a, b)], await PairsAsync("PY", otherFocalPoint));

        // What the pair shares is shown beside it.
        var page = await kit.Kit.PageAsync($"/policies/overlaps?country=py&t={Unique}");
        var item = page.QuerySelector($"li.overlap[data-first='{a}'][data-second='{b}']")!;
        Assert.Contains("1.3.4", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Interoperabilidad", item.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(item.QuerySelector($"a[href='/policies/{a}']"));
    }

    [Theory]
    [InlineData("country=XX", "country")]
    [InlineData("agenda=no-such-agenda", "agenda")]
    public async Task A_filter_naming_nothing_is_refused_by_its_field(string query, string field)
    {
        var response = await kit.Kit.GetAsync($"/policies/overlaps?{query}&t={Unique}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector($"#{field}-error"));
        Assert.Empty(page.QuerySelectorAll("li.overlap"));
    }
}

public sealed class SqlitePolicyOverlapPageTests(SqliteApp app) : PolicyOverlapPageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPolicyOverlapPageTests(PostgresApp app) : PolicyOverlapPageTests(app), IClassFixture<PostgresApp>;
