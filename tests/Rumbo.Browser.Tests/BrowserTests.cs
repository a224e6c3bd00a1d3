using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

/// <summary>
/// Rumbo as a user meets it in Chromium: pages, links, the enhancement script, the language switch, the keyboard
/// and a phone-sized screen. Every test also fails on a failed request, an error status, a script error or a console
/// error (which is where the browser reports content security policy violations).
/// </summary>
public abstract partial class BrowserTests(BrowserHost host) : IAsyncLifetime
{
    public const string ScreenshotsVariable = "RUMBO_SCREENSHOTS";

    private const string Planning = "/agendas/lc-crp-20-6";
    private const string Social = "/agendas/lc-cds-3-5";
    private const string Line251 =
        "Create technology foresight observatories to track developments in the areas of artificial intelligence, " +
        "automation, biotechnology and other key innovations for each country.";

    private readonly List<string> problems = [];
    private IBrowserContext context = null!;

    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        Page = await context.NewPageAsync();
        PageProblems.Watch(Page, host.BaseAddress, problems);
    }

    public async Task DisposeAsync() => await context.CloseAsync();

    [Fact]
    public async Task Home_lists_both_agendas_and_its_card_leads_to_the_agenda()
    {
        await Page.GotoAsync("/");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Follow-up of regional development agendas");
        var cards = Page.Locator(".card");
        await Expect(cards).ToHaveCountAsync(2);
        await Expect(cards.Filter(new() { HasText = "LC/CDS.3/5" })).ToHaveCountAsync(1);
        var planning = cards.Filter(new() { HasText = "LC/CRP.20/6" });
        await Expect(planning.Locator(".stats")).ToContainTextAsync("89");
        await ScreenshotAsync("home");

        await planning.Locator("h3 a").ClickAsync();
        await Expect(Page).ToHaveURLAsync(host.BaseAddress + Planning[1..]);
        await Expect(Page.Locator("h1")).ToContainTextAsync("Regional agenda on governance of planning and public management");
        await Expect(Page.Locator("section.area")).ToHaveCountAsync(4);
        AssertNoProblems();
    }

    [Fact]
    public async Task Areas_collapse_and_expand_one_by_one_and_all_at_once()
    {
        await Page.GotoAsync(Planning);
        var areas = Page.Locator("details[data-area]");
        await Expect(areas).ToHaveCountAsync(4);
        await Expect(Page.Locator("details[data-area][open]")).ToHaveCountAsync(4);
        await ScreenshotAsync("agenda");

        var area2 = Page.Locator("#area-2 > details");
        var area2Lines = area2.Locator("ol.lines > li");
        await Expect(area2Lines.First).ToBeVisibleAsync();
        await area2.Locator(":scope > summary").ClickAsync();
        await Expect(area2).ToHaveJSPropertyAsync("open", false);
        await Expect(area2Lines.First).ToBeHiddenAsync();
        await Expect(area2Lines.Last).ToBeHiddenAsync();
        await Expect(Page.Locator("#area-3 ol.lines > li").First).ToBeVisibleAsync();
        await area2.Locator(":scope > summary").ClickAsync();
        await Expect(area2).ToHaveJSPropertyAsync("open", true);
        await Expect(area2Lines.First).ToBeVisibleAsync();

        // The buttons are an enhancement: hidden in the markup, shown by the script.
        var controls = Page.Locator(".tree-controls");
        await Expect(controls).ToBeVisibleAsync();
        await controls.GetByRole(AriaRole.Button, new() { Name = "Collapse all" }).ClickAsync();
        await Expect(Page.Locator("details[data-area][open]")).ToHaveCountAsync(0);
        await Expect(Page.Locator("ol.lines > li").First).ToBeHiddenAsync();
        await controls.GetByRole(AriaRole.Button, new() { Name = "Expand all" }).ClickAsync();
        await Expect(Page.Locator("details[data-area]:not([open])")).ToHaveCountAsync(0);
        await Expect(Page.Locator("ol.lines > li").Last).ToBeVisibleAsync();
        AssertNoProblems();
    }

    [Fact]
    public async Task Table_of_contents_leads_to_an_objective_even_in_a_collapsed_area()
    {
        await Page.GotoAsync(Planning);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Collapse all" }).ClickAsync();
        await Expect(Page.Locator("details[data-area][open]")).ToHaveCountAsync(0);

        await Page.Locator("nav.toc a[href='#objective-2-4']").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/agendas/lc-crp-20-6#objective-2-4$"));
        var objective = Page.Locator("#objective-2-4");
        await Expect(Page.Locator("#area-2 > details")).ToHaveJSPropertyAsync("open", true);
        await Expect(objective).ToBeVisibleAsync();
        await Expect(objective.Locator("h3")).ToBeInViewportAsync();
        await Expect(objective.Locator("h3")).ToContainTextAsync("Promote political foresight");
        AssertNoProblems();
    }

    [Fact]
    public async Task Header_search_finds_a_phrase_and_its_hit_opens_the_line()
    {
        await Page.GotoAsync("/");
        var box = Page.Locator("header #site-search");
        await box.FillAsync("\"technology foresight observatories\"");
        await box.PressAsync("Enter");

        await Expect(Page).ToHaveURLAsync(new Regex(@"/search\?q=%22technology\+foresight\+observatories%22$"));
        await Expect(Page.Locator("#q")).ToHaveValueAsync("\"technology foresight observatories\"");
        var hit = Page.Locator("li.hit").Filter(new() { Has = Page.Locator("a[href='/agendas/lc-crp-20-6/lines/2.5.1']") });
        await Expect(hit).ToHaveCountAsync(1);
        await Expect(hit.Locator("mark")).ToHaveTextAsync("technology foresight observatories");
        await Expect(hit.Locator(".code")).ToHaveTextAsync("2.5.1");
        await ScreenshotAsync("search");

        await hit.Locator("a").ClickAsync();
        await Expect(Page).ToHaveURLAsync(host.BaseAddress + "agendas/lc-crp-20-6/lines/2.5.1");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Line of action 2.5.1");
        await Expect(Page.Locator(".line-statement")).ToHaveTextAsync(Line251);
        await Expect(Page.Locator("dl.place")).ToContainTextAsync("Anticipatory governance");
        await ScreenshotAsync("line");
        AssertNoProblems();
    }

    [Fact]
    public async Task Language_switch_turns_the_interface_into_Spanish_and_the_choice_stays()
    {
        await Page.GotoAsync(Planning);
        await Expect(Page.Locator(".main-nav a[href='/search']")).ToHaveTextAsync("Search");

        await Page.Locator(".lang-switch a[hreflang='es']").ClickAsync();
        await Expect(Page).ToHaveURLAsync(host.BaseAddress + Planning[1..]);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(Page.Locator(".main-nav a[href='/search']")).ToHaveTextAsync("Buscar");
        await Expect(Page.Locator(".lang-switch a[hreflang='es']")).ToHaveAttributeAsync("aria-current", "true");
        await Expect(Page.Locator(".lines-label").First).ToHaveTextAsync("Líneas de acción");
        await Expect(Page.Locator(".skip-link")).ToHaveTextAsync("Ir al contenido");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Contraer todo" })).ToBeVisibleAsync();
        // The agenda comes with its Spanish: the title is the official one, the rest a translation said to be unofficial.
        await Expect(Page.Locator("h1 span[lang='en']")).ToHaveCountAsync(0);
        await Expect(Page.Locator(".unofficial-notice")).ToContainTextAsync("inglés");
        await ScreenshotAsync("agenda-es");

        await Page.Locator(".main-nav a[href='/search']").ClickAsync();
        await Expect(Page).ToHaveURLAsync(host.BaseAddress + "search");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Buscar en las agendas");
        await Page.GotoAsync("/");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        AssertNoProblems();
    }

    [Fact]
    public async Task Tab_from_the_top_reaches_the_skip_link_first_and_it_moves_focus_to_main()
    {
        await Page.GotoAsync(Planning);
        var skip = Page.Locator(".skip-link");
        await Expect(skip).Not.ToBeInViewportAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToHaveTextAsync("Skip to content");
        await Expect(skip).ToBeInViewportAsync();

        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex("#main$"));
        await Expect(Page.Locator("main#main")).ToBeFocusedAsync();
        // The next Tab goes on from the content, not from the header.
        await Page.Keyboard.PressAsync("Tab");
        Assert.True(await Page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "After the skip link, Tab should move within the main content.");
        AssertNoProblems();
    }

    [Theory]
    [InlineData(Planning, "agenda-mobile")]
    [InlineData(Social, null)]
    [InlineData("/", null)]
    [InlineData("/agendas", null)]
    [InlineData("/agendas/lc-crp-20-6/lines/2.4.1", null)]
    [InlineData("/search?q=foresight", null)]
    [InlineData("/groups", null)]
    [InlineData("/governance", null)]
    public async Task A_phone_sized_screen_shows_the_page_without_horizontal_scrolling(string url, string? screenshot)
    {
        await Page.SetViewportSizeAsync(375, 812);
        await Page.GotoAsync(url);
        await Expect(Page.Locator("main h1")).ToBeVisibleAsync();
        var widths = await Page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[2] && widths[1] <= widths[2],
            $"{url} is wider than the 375px screen: document {widths[0]}px, body {widths[1]}px, window {widths[2]}px.");
        if (screenshot is not null)
        {
            await ScreenshotAsync(screenshot);
        }
        AssertNoProblems();
    }

    [Fact]
    public async Task Main_pages_load_without_failed_requests_or_console_errors()
    {
        string[] urls =
        [
            "/", "/agendas", Planning, Social, "/agendas/lc-crp-20-6/lines/2.5.1", "/search",
            "/search?q=%22open+government%22", "/api", "/groups", "/countries", "/governance",
        ];
        foreach (var url in urls)
        {
            var response = await Page.GotoAsync(url);
            Assert.NotNull(response);
            Assert.Equal(200, response.Status);
            // A stylesheet or script that came back empty or blocked would leave the page unstyled or inert
            // without any error: check that the styles apply and, where it has work to do, that the script ran.
            var rules = await Page.EvaluateAsync<int>("() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)");
            Assert.True(rules > 0, $"No style rules apply on {url}.");
            if (url.StartsWith("/agendas/", StringComparison.Ordinal) && !url.Contains("/lines/", StringComparison.Ordinal))
            {
                await Expect(Page.Locator(".tree-controls")).ToBeVisibleAsync();
            }
        }
        AssertNoProblems();
    }

    private void AssertNoProblems() =>
        Assert.True(problems.Count == 0, "The browser reported:\n" + string.Join("\n", problems));
}

public sealed class SqliteBrowserTests(SqliteBrowserHost host) : BrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class PostgresBrowserTests(PostgresBrowserHost host) : BrowserTests(host), IClassFixture<PostgresBrowserHost>;
