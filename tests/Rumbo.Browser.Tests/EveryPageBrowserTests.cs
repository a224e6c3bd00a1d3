using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rumbo.Core.Accounts;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
using Rumbo.Core.Seed;
using Rumbo.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

/// <summary>
/// Every kind of page of the demo data, as each kind of user sees it, on a 390 px phone and on a desktop: no page scrolls
/// sideways, the header stays short on the phone, and each page passes the WCAG 2.2 A and AA rules of the accessibility
/// checker, targets of at least 24 by 24 px (or spaced as WCAG 2.5.8 allows), a visible focus that nothing covers, and no
/// heading inside a summary. The public pages are also checked in the four interface languages on the phone.
/// One browser context per kind of user, one page each, so that the whole sweep takes a few minutes.
/// </summary>
public abstract class EveryPageBrowserTests(BrowserHost host) : IAsyncLifetime
{
    public const int Phone = 390;
    public const int PhoneHeight = 844;
    public const int Desktop = 1280;
    public const int DesktopHeight = 800;

    /// <summary>Who may open a page: everyone, anyone signed in, the group's coordinators, the secretariat, or a focal point (and the secretariat).</summary>
    public enum Audience { Public, SignedIn, Coordinator, Secretariat, FocalPoint }

    public enum UserKind { Anonymous, Member, FocalPoint, Coordinator, Secretariat }

    private const string Password = "a long passphrase for every page";
    private const string Planning = DemoIndicators.AgendaSlug;
    private const string FocalCountry = "UY";

    private static readonly string[] AxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private readonly List<string> findings = [];
    private readonly List<string> problems = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(UserKind.Anonymous)]
    [InlineData(UserKind.Member)]
    [InlineData(UserKind.FocalPoint)]
    [InlineData(UserKind.Coordinator)]
    [InlineData(UserKind.Secretariat)]
    public async Task Every_page_fits_a_phone_and_meets_WCAG_22_AA_for_each_kind_of_user(UserKind user)
    {
        var clock = Stopwatch.StartNew();
        var pages = await PagesAsync();
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(), BypassCSP = true, Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = Desktop, Height = DesktopHeight },
        });
        var page = await context.NewPageAsync();
        PageProblems.Watch(page, host.BaseAddress, problems);
        var name = await SignInAsync(page, user, pages.Groups);

        var seen = 0;
        foreach (var (url, audience) in pages.Urls.Where(p => Sees(user, p.Audience)))
        {
            var response = await TimedAsync("loading", () => page.GotoAsync(url));
            var path = new Uri(page.Url).PathAndQuery;
            if (response is null || response.Status != 200 || !SamePath(path, url))
            {
                findings.Add($"{user} should see {url} ({audience}) but got {response?.Status} at {path}");
                continue;
            }
            if (name is not null) await Expect(page.Locator("header .user-name")).ToContainTextAsync(name);
            seen++;
            await CheckAsync(page, url, user, Desktop);
            await page.SetViewportSizeAsync(Phone, PhoneHeight);
            await CheckAsync(page, url, user, Phone);
            // The keyboard walk once a page: the public's pages by the public, the others by the secretariat, the country's report by its focal point.
            if (audience == Audience.Public ? user == UserKind.Anonymous : audience == Audience.FocalPoint ? user == UserKind.FocalPoint : user == UserKind.Secretariat)
            {
                await TimedAsync("keyboard", () => FocusWalkAsync(page, url));
            }
            await page.SetViewportSizeAsync(Desktop, DesktopHeight);
        }
        Assert.True(seen > 20, $"{user} saw only {seen} pages.");

        if (user == UserKind.Anonymous)
        {
            // The public pages in each interface language, on the phone.
            await page.SetViewportSizeAsync(Phone, PhoneHeight);
            foreach (var lang in new[] { "es", "pt", "fr", "en" })
            {
                await page.GotoAsync($"/culture?lang={lang}&returnUrl=/");
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
                if (lang == "en") break;
                foreach (var (url, _) in pages.Urls.Where(p => p.Audience == Audience.Public))
                {
                    await page.GotoAsync(url);
                    await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
                    await CheckAsync(page, url, user, Phone, lang);
                }
            }
        }
        findings.AddRange(problems);
        Console.WriteLine($"{user}: {seen} pages checked in {clock.Elapsed.TotalSeconds:0.0} s ({string.Join(", ", spent.Select(p => $"{p.Key} {p.Value.TotalSeconds:0.0} s"))})");
        Assert.True(findings.Count == 0, $"{findings.Count} findings for {user}:\n" + string.Join("\n", findings.Distinct()));
    }

    /// <summary>The checks of the page as it is now at the width: overflow, header, axe, targets, headings in summaries, a screenshot.</summary>
    private async Task CheckAsync(IPage page, string url, UserKind user, int width, string lang = "en")
    {
        var where = $"[{user}, {width}px, {lang}] {url}";
        if (width == Phone)
        {
            if (await BrowserTests.WiderThanScreenAsync(page) is { } tooWide) findings.Add($"{where}: {tooWide}");
            var header = await page.EvaluateAsync<double>("() => document.querySelector('.site-header').getBoundingClientRect().height");
            if (header > PhoneHeight / 3.0) findings.Add($"{where}: the header is {header:0} px high, more than a third of the screen");
        }
        // A page exactly as another kind of user saw it at this width and language (the same markup but for the name in the
        // header and the forms' tokens) gave the checker nothing new: its findings are already in that user's list.
        var markup = await page.EvaluateAsync<string>("() => document.body.innerHTML");
        markup = System.Text.RegularExpressions.Regex.Replace(markup, "<li class=\"user-name\">.*?</li>|name=\"__RequestVerificationToken\"[^>]*", "");
        var signature = $"{host.Name} {width} {lang} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(markup)))}";
        if (!Checked.TryAdd(signature, user)) return;
        // Every disclosure open, so that what it holds is checked too; then closed again as the page came.
        var closed = await page.EvaluateAsync<int>("""
            () => { const c = [...document.querySelectorAll('main details:not([open])')]; c.forEach(d => { d.open = true; d.dataset.sweepClosed = ''; }); return c.length; }
            """);
        foreach (var v in await TimedAsync("axe", () => AxeAsync(page))) findings.Add($"{where}: {v}");
        foreach (var t in await TimedAsync("targets", () => SmallTargetsAsync(page))) findings.Add($"{where}: target smaller than 24x24 px and too close to another: {t}");
        if (width == Phone && await BrowserTests.WiderThanScreenAsync(page) is { } openTooWide) findings.Add($"{where} (disclosures open): {openTooWide}");
        if (closed > 0) await page.EvaluateAsync("() => document.querySelectorAll('details[data-sweep-closed]').forEach(d => { d.open = false; delete d.dataset.sweepClosed; })");
        var headingsInSummary = await page.EvaluateAsync<int>("() => document.querySelectorAll('summary :is(h1, h2, h3, h4, h5, h6, [role=heading])').length");
        if (headingsInSummary > 0) findings.Add($"{where}: {headingsInSummary} headings inside a summary");
        // A table's scrolling box is reached by the keyboard, so it must say what it holds.
        var unnamedBoxes = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.table-wrap')].filter(b => b.getAttribute('role') !== 'region' || !(b.getAttribute('aria-label') || (b.getAttribute('aria-labelledby') && document.getElementById(b.getAttribute('aria-labelledby'))))).length");
        if (unnamedBoxes > 0) findings.Add($"{where}: {unnamedBoxes} table boxes with no name");
        await TimedAsync("screenshots", () => ScreenshotAsync(page, $"{user}-{width}-{lang}-{url}"));
    }

    private readonly Dictionary<string, TimeSpan> spent = [];

    private async Task<T> TimedAsync<T>(string what, Func<Task<T>> step)
    {
        var clock = Stopwatch.StartNew();
        try { return await step(); }
        finally { spent[what] = spent.GetValueOrDefault(what) + clock.Elapsed; }
    }

    private Task TimedAsync(string what, Func<Task> step) => TimedAsync(what, async () => { await step(); return 0; });

    private static async Task<List<string>> AxeAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = BrowserTests.AxeScript() });
        }
        var violations = await page.EvaluateAsync<JsonElement>("""
            async tags => (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }))
                .violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | ')}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ''}`)
            """, AxeTags);
        return violations.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>
    /// WCAG 2.5.8 by the boxes: a visible target under 24 px in width or height is a finding unless it is a link within a
    /// sentence (inline, among other text of its block) or a 24 px circle centred on it meets no other target and no
    /// other small target's circle.
    /// </summary>
    private static async Task<string[]> SmallTargetsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
                const visible = e => {
                    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
                    // The content of a closed disclosure (the header's menu on a phone) keeps the boxes it had when shown: checkVisibility knows it is not.
                    if (r.width < 1 || r.height < 1 || s.visibility !== 'visible' || r.right < 0 || r.bottom < 0 || !e.checkVisibility({ contentVisibilityAuto: true })) return false;
                    for (let a = e; a; a = a.parentElement) {
                        const st = getComputedStyle(a);
                        if (st.clip === 'rect(0px, 0px, 0px, 0px)' || st.clipPath === 'inset(50%)' || parseFloat(st.opacity) === 0) return false;
                    }
                    return true;
                };
                const targets = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link]')].filter(visible);
                const box = e => e.getBoundingClientRect();
                const small = e => { const r = box(e); return r.width < 23.5 || r.height < 23.5; };
                const block = e => { let a = e.parentElement; while (a && getComputedStyle(a).display.startsWith('inline')) a = a.parentElement; return a; };
                const inSentence = e => {
                    if (!getComputedStyle(e).display.startsWith('inline') || getComputedStyle(e).display === 'inline-block' && e.tagName !== 'A') return false;
                    if (e.tagName !== 'A') return false;
                    const b = block(e);
                    const own = e.textContent.replace(/\s+/g, ' ').trim(), all = b ? b.textContent.replace(/\s+/g, ' ').trim() : own;
                    // Other words than the link's own, outside any other target: a sentence or a list of inline links with text between them.
                    let rest = all;
                    b.querySelectorAll('a[href], button').forEach(t => { rest = rest.replace(t.textContent.replace(/\s+/g, ' ').trim(), ''); });
                    return /[\p{L}\p{N}]{2,}/u.test(rest);
                };
                const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
                // A link that wraps onto two lines is two boxes: the distance is to the nearer, not to the box around both.
                const distToRect = ([x, y], e) => Math.min(...[...e.getClientRects()].map(r => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom))));
                const name = e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : ''}` +
                    ` "${(e.textContent || e.value || e.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 30)}"`;
                const clashOf = a => {
                    if (!small(a) || inSentence(a)) return null;
                    const ca = centre(box(a));
                    return targets.find(b => b !== a && !a.contains(b) && !b.contains(a) &&
                        (distToRect(ca, b) < 12 || (small(b) && !inSentence(b) && Math.hypot(ca[0] - centre(box(b))[0], ca[1] - centre(box(b))[1]) < 24)));
                };
                const clashes = new Map(targets.map(a => [a, clashOf(a)]));
                // The exception for an equivalent: another target on the page that does the same (a link to the same address) and passes.
                const href = e => e.getAttribute('href') ?? e.getAttribute('xlink:href');
                const equivalent = a => href(a) && targets.some(b => b !== a && href(b) === href(a) && !clashes.get(b));
                const out = [];
                for (const [a, clash] of clashes) {
                    if (clash && !equivalent(a)) out.push(`${name(a)} ${Math.round(box(a).width)}x${Math.round(box(a).height)} beside ${name(clash)}`);
                }
                return out.slice(0, 10);
            }
            """);

    /// <summary>
    /// Tabs from the top of the page and back from its end, and through each table that scrolls: the focused element
    /// shows a focus indicator and some part of it is on screen, not under a header, a sticky column or anything else.
    /// </summary>
    private async Task FocusWalkAsync(IPage page, string url)
    {
        var where = $"[keyboard, {page.ViewportSize?.Width}px] {url}";
        await page.EvaluateAsync("() => { window.scrollTo(0, 0); document.activeElement?.blur(); }");
        await page.Keyboard.PressAsync("Tab");
        for (var i = 0; i < 16; i++) { await FocusedAsync(page, where); await page.Keyboard.PressAsync("Tab"); }
        await page.EvaluateAsync("() => { const all = [...document.querySelectorAll('main a[href], main button, main input:not([type=hidden]), main select, main textarea, main summary')].filter(e => e.getClientRects().length); all.at(-1)?.focus(); }");
        for (var i = 0; i < 16; i++) { await FocusedAsync(page, where); await page.Keyboard.PressAsync("Shift+Tab"); }
        var scrollers = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('main [tabindex=\"0\"]')].filter(e => e.scrollWidth > e.clientWidth).length");
        for (var s = 0; s < scrollers; s++)
        {
            await page.EvaluateAsync("s => { const w = [...document.querySelectorAll('main [tabindex=\"0\"]')].filter(e => e.scrollWidth > e.clientWidth)[s]; w.scrollIntoView(); w.focus(); }", s);
            for (var i = 0; i < 8; i++) { await FocusedAsync(page, where); await page.Keyboard.PressAsync("Tab"); }
            for (var i = 0; i < 8; i++) { await FocusedAsync(page, where); await page.Keyboard.PressAsync("Shift+Tab"); }
        }
    }

    private async Task FocusedAsync(IPage page, string where)
    {
        var problem = await page.EvaluateAsync<string?>("""
            () => {
                const e = document.activeElement;
                if (!e || e === document.body || e === document.documentElement) return null;
                const name = `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : ''} "${(e.textContent || e.value || '').replace(/\s+/g, ' ').trim().slice(0, 30)}"`;
                const s = getComputedStyle(e);
                const indicated = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
                if (!indicated) return `${name} is focused with no visible focus indicator`;
                const rects = [...e.getClientRects()].filter(r => r.width > 0 && r.height > 0);
                if (rects.length === 0) return `${name} is focused but not shown`;
                // Points spread over the part of each box that is on the screen (a tall scrolling table is mostly off it).
                const onScreen = rects.map(r => ({ left: Math.max(r.left, 0), top: Math.max(r.top, 0), right: Math.min(r.right, innerWidth), bottom: Math.min(r.bottom, innerHeight) }))
                    .filter(r => r.right > r.left && r.bottom > r.top);
                const points = onScreen.flatMap(r => [[.5, .5], [.15, .2], [.85, .2], [.15, .8], [.85, .8]].map(([x, y]) => [r.left + (r.right - r.left) * x, r.top + (r.bottom - r.top) * y]));
                const shown = points.some(([x, y]) => {
                    const hit = document.elementFromPoint(x, y);
                    // A shape of a drawing (a country on the map) fills only part of its box: another shape of the same drawing there does not cover it.
                    return hit && (hit === e || e.contains(hit) || (hit.tagName === 'LABEL' && hit.control === e) || (e instanceof SVGElement && hit.closest('svg') === e.closest('svg')));
                });
                if (!shown) {
                    const r = rects[0], hit = document.elementFromPoint(Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1));
                    return `${name} is focused but hidden (at ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}; on top: ${hit ? hit.tagName.toLowerCase() + (hit.className ? '.' + String(hit.className).split(/\s+/).join('.') : '') : 'nothing'})`;
                }
                return null;
            }
            """);
        if (problem is not null) findings.Add($"{where}: {problem}");
    }

    private static bool Sees(UserKind user, Audience audience) => audience switch
    {
        Audience.Public => true,
        Audience.SignedIn => user != UserKind.Anonymous,
        Audience.Coordinator => user is UserKind.Coordinator or UserKind.Secretariat,
        Audience.Secretariat => user == UserKind.Secretariat,
        Audience.FocalPoint => user is UserKind.FocalPoint or UserKind.Secretariat,
        _ => false,
    };

    private static bool SamePath(string actual, string asked) =>
        string.Equals(actual.Split('#')[0], asked.Split('#')[0], StringComparison.OrdinalIgnoreCase);

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable(BrowserTests.ScreenshotsVariable);
        if (string.IsNullOrWhiteSpace(directory)) return;
        Directory.CreateDirectory(directory);
        var file = new string(name.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '_').ToArray()).Trim('_');
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"every-{file}-{host.Name}.png"), FullPage = true });
    }

    /// <summary>
    /// Signs the user in (an account of its own, a member or coordinator of the groups), and answers the name
    /// the header greets them by; null for the public.
    /// </summary>
    private async Task<string?> SignInAsync(IPage page, UserKind user, string[] groups)
    {
        if (user == UserKind.Anonymous) return null;
        var suffix = Guid.NewGuid().ToString("n")[..8];
        var email = $"{user.ToString().ToLowerInvariant()}-{suffix}@example.org";
        using var scope = host.App.Services.CreateScope();
        int? personId = null;
        var given = user.ToString();
        await using (var db = host.Database.CreateContext())
        {
            if (user == UserKind.FocalPoint)
            {
                personId = await IndicatorScenario.FocalPointAsync(host.Database, FocalCountry);
                given = "Focal";
            }
            else if (user != UserKind.Secretariat)
            {
                var person = new Person { GivenName = given, FamilyName = $"Everypage {suffix}", Email = email, IsExample = true };
                db.People.Add(person);
                var role = user == UserKind.Coordinator ? GroupRole.Coordinator : GroupRole.Member;
                foreach (var slug in groups.Distinct())
                {
                    db.GroupMembers.Add(new GroupMember { GroupId = await db.Groups.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync(), Person = person, Role = role });
                }
                await db.SaveChangesAsync();
                personId = person.Id;
            }
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
        var account = new RumboUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow, PersonId = personId };
        var created = await users.CreateAsync(account, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (user == UserKind.Secretariat)
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<RumboRole>>();
            if (!await roles.RoleExistsAsync(Roles.SecretariatAdmin)) await roles.CreateAsync(new RumboRole(Roles.SecretariatAdmin));
            Assert.True((await users.AddToRoleAsync(account, Roles.SecretariatAdmin)).Succeeded);
        }
        var name = user == UserKind.Secretariat ? null : given;
        await BrowserTests.SignInAsync(page, email, Password, name);
        if (user == UserKind.Secretariat) await Expect(page.Locator("header .user-name")).ToBeAttachedAsync();
        return name;
    }

    /// <param name="Groups">The groups whose pages the list names: the member and the coordinator belong to each.</param>
    private sealed record PageList(string[] Groups, List<(string Url, Audience Audience)> Urls);

    private static readonly SemaphoreSlim DocumentOnce = new(1, 1);

    /// <summary>The markup checked so far, by host, width and language, and who saw it first.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, UserKind> Checked = new();

    /// <summary>One page of each kind, from the demo data (and a document the test adds once, with a long unbroken name).</summary>
    private async Task<PageList> PagesAsync()
    {
        await using var db = host.Database.CreateContext();
        var record = await db.MeetingRecords.AsNoTracking().Where(r => r.Meeting!.Group!.Slug != null)
            .OrderBy(r => r.Id).Select(r => new { r.MeetingId, r.Number, r.Meeting!.Group!.Slug }).FirstAsync();
        var group = record.Slug;
        var meeting = record.MeetingId;
        var agreement = await db.Agreements.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Group!.Slug }).FirstAsync();
        var plans = await db.WorkPlans.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        // A published example of the focal point's country: public, and editable by its focal points.
        var capacityRound = await db.CapacityAssessments.AsNoTracking().Where(a => a.Country!.Code == FocalCountry).OrderByDescending(a => a.RoundId).Select(a => a.RoundId).FirstAsync();
        var policy = await db.Policies.AsNoTracking().Where(p => p.Country!.Code == FocalCountry && p.Review == Rumbo.Core.Policies.PolicyReview.Reviewed && p.IsPublic)
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var indicator = await db.Indicators.AsNoTracking().Where(i => i.Agenda!.Slug == Planning).OrderBy(i => i.Code).Select(i => i.Code).FirstAsync();
        var social = await db.Agendas.AsNoTracking().Where(a => a.Slug != Planning).OrderBy(a => a.Id).Select(a => a.Slug).FirstAsync();
        var line = await db.Lines.AsNoTracking().Where(l => l.Agenda!.Slug == Planning).OrderBy(l => l.Id).Select(l => l.Code).FirstAsync();
        var objective = await db.Objectives.AsNoTracking().Where(o => o.Agenda!.Slug == Planning).OrderBy(o => o.Id).Select(o => o.Code).FirstAsync();
        var document = await DocumentAsync(group);
        // The demo groups have no members: the person is the document's uploader, whom the document's upload made one.
        var person = await db.GroupMembers.AsNoTracking().Where(m => m.Group!.Slug == group).OrderBy(m => m.Id).Select(m => m.PersonId).FirstAsync();

        List<(string, Audience)> urls =
        [
            ("/", Audience.Public),
            ("/agendas", Audience.Public),
            ($"/agendas/{Planning}", Audience.Public),
            ($"/agendas/{social}", Audience.Public),
            ($"/agendas/{Planning}/lines/{line}", Audience.Public),
            ($"/agendas/{Planning}/indicators", Audience.Public),
            ($"/agendas/{Planning}/coverage", Audience.Public),
            ($"/agendas/{Planning}/indicators/{indicator}", Audience.Public),
            ("/indicators/methods", Audience.Public),
            ("/open-data", Audience.Public),
            ("/groups", Audience.Public),
            ($"/groups/{group}", Audience.Public),
            ($"/groups/{group}/meetings", Audience.Public),
            ($"/groups/{agreement.Slug}/agreements", Audience.Public),
            ($"/groups/{group}/documents", Audience.Public),
            ($"/groups/{DemoPlans.Cooperation}/plans", Audience.Public),
            ("/meetings", Audience.Public),
            ($"/meetings/{meeting}", Audience.Public),
            ($"/meetings/{meeting}/records/{record.Number}", Audience.Public),
            ($"/agreements/{agreement.Id}", Audience.Public),
            .. plans.Select(p => ($"/plans/{p}", Audience.Public)),
            ("/policies", Audience.Public),
            ($"/agendas/{Planning}/capacities", Audience.Public),
            ($"/agendas/{Planning}/capacities/instrument", Audience.Public),
            ($"/agendas/{Planning}/capacities/cl", Audience.Public),
            ($"/agendas/{Planning}/capacities/cl/{capacityRound}", Audience.Public),
            ("/roadmaps", Audience.Public),
            ($"/roadmaps/{Planning}/cl", Audience.Public),
            ("/roadmaps/activities", Audience.Public),
            ($"/policies/{policy}", Audience.Public),
            ("/policies/overlaps", Audience.Public),
            ("/documents", Audience.Public),
            ($"/documents/{document}", Audience.Public),
            ("/countries", Audience.Public),
            ($"/countries/{FocalCountry}", Audience.Public),
            ($"/people/{person}", Audience.Public),
            ("/governance", Audience.Public),
            ("/search?q=planning", Audience.Public),
            ("/api", Audience.Public),
            ("/account/sign-in", Audience.Public),
            ("/account/forgot-password", Audience.Public),
            ("/workspace", Audience.SignedIn),
            ("/account/profile", Audience.SignedIn),
            ("/account/calendar", Audience.SignedIn),
            ("/account/tokens", Audience.SignedIn),
            ($"/agendas/{Planning}/reporting/{FocalCountry}", Audience.FocalPoint),
            ($"/groups/{group}/members", Audience.Coordinator),
            ($"/groups/{group}/edit", Audience.Coordinator),
            ($"/groups/{group}/meetings/new", Audience.Coordinator),
            ($"/meetings/{meeting}/edit", Audience.Coordinator),
            ($"/meetings/{meeting}/participants", Audience.Coordinator),
            ($"/meetings/{meeting}/records/new", Audience.Coordinator),
            // The demo record is approved: its editor is the form of its translations.
            ($"/meetings/{meeting}/records/{record.Number}/edit", Audience.Coordinator),
            ($"/meetings/{meeting}/agreements/new", Audience.Coordinator),
            ($"/agreements/{agreement.Id}/edit", Audience.Coordinator),
            ($"/agreements/{agreement.Id}/follow-up?country={FocalCountry}", Audience.FocalPoint),
            ($"/policies/new?agenda={Planning}&country={FocalCountry}", Audience.FocalPoint),
            ($"/policies/{policy}/edit", Audience.FocalPoint),
            ($"/policies/import?agenda={Planning}&country={FocalCountry}", Audience.FocalPoint),
            ($"/agendas/{Planning}/capacities/{FocalCountry}/{capacityRound}", Audience.FocalPoint),
            ($"/agendas/{Planning}/capacities/instrument?version=2&edit=0", Audience.Secretariat),
            ($"/roadmaps/{Planning}/cl/edit", Audience.Secretariat),
            ($"/roadmaps/{Planning}/cl/actions/new", Audience.Secretariat),
            ("/roadmaps/activities/new", Audience.Secretariat),
            ($"/groups/{DemoPlans.Cooperation}/plans/new", Audience.Coordinator),
            ($"/plans/{plans[0]}/edit", Audience.Coordinator),
            ($"/documents/{document}/edit", Audience.Coordinator),
            ($"/agendas/{Planning}/edit", Audience.Secretariat),
            ($"/agendas/{Planning}/objectives/{objective}/edit", Audience.Secretariat),
            ($"/agendas/{Planning}/lines/{line}/edit", Audience.Secretariat),
            ($"/agendas/{Planning}/indicators/new", Audience.Secretariat),
            ($"/agendas/{Planning}/indicators/{indicator}/edit", Audience.Secretariat),
            ($"/agendas/{Planning}/indicators/{indicator}/targets", Audience.Secretariat),
            ($"/agendas/{Planning}/reporting", Audience.Secretariat),
            ($"/agendas/{Planning}/translations?lang=fr", Audience.Secretariat),
            ($"/groups/{group}/translations?lang=es", Audience.Coordinator),
            ("/admin/invitations", Audience.Secretariat),
            ("/admin/audit", Audience.Secretariat),
        ];
        return new PageList([group, agreement.Slug, DemoPlans.Cooperation, DemoPlans.Conference], urls);
    }

    /// <summary>A public document of the group with a long unbroken title and file name, added once per database.</summary>
    private async Task<int> DocumentAsync(string group)
    {
        await DocumentOnce.WaitAsync();
        try
        {
            await using var db = host.Database.CreateContext();
            var existing = await db.Documents.AsNoTracking().Where(d => d.Group!.Slug == group).OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync();
            if (existing is { } id) return id;
            var suffix = Guid.NewGuid().ToString("n")[..8];
            var email = $"uploader-{suffix}@example.org";
            var person = new Person { GivenName = "Uploader", FamilyName = suffix, Email = email, IsExample = true };
            db.People.Add(person);
            db.GroupMembers.Add(new GroupMember { GroupId = await db.Groups.Where(g => g.Slug == group).Select(g => g.Id).SingleAsync(), Person = person, Role = GroupRole.Coordinator });
            await db.SaveChangesAsync();
            using (var scope = host.App.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
                Assert.True((await users.CreateAsync(new RumboUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow, PersonId = person.Id }, Password)).Succeeded);
            }
            await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "en-GB" });
            var page = await context.NewPageAsync();
            await BrowserTests.SignInAsync(page, email, Password, "Uploader");
            await page.GotoAsync($"/groups/{group}/documents");
            await page.Locator("details.upload > summary").ClickAsync();
            var pdf = DocumentFiles.Pdf("Informe", "https://www.example.org/an/address/that/goes/on/and/on/without/any/space/to/break/it/at/all/informe-final-definitivo.pdf");
            await page.Locator("#File").SetInputFilesAsync(new FilePayload { Name = "Informe-final-definitivo-de-la-reunion-de-coordinacion-regional-2024.pdf", MimeType = "application/pdf", Buffer = pdf });
            await page.GetByLabel("Title").FillAsync("Informe-final-definitivo-de-la-reunion-de-coordinacion-regional-sobre-planificacion-2024");
            await page.GetByLabel("Symbol").FillAsync("LC/CRP.20/DDR/1/REV.1/ADD.2/CORR.1");
            await page.GetByLabel("Who may see it").SelectOptionAsync("Public");
            await page.GetByLabel("Description").FillAsync("See https://www.example.org/an/address/that/goes/on/and/on/without/any/space/to/break/it/at/all/informe-final-definitivo.pdf for the annexes.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/documents/\d+$"));
            return int.Parse(page.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            DocumentOnce.Release();
        }
    }
}

public sealed class SqliteEveryPageBrowserTests(SqliteBrowserHost host) : EveryPageBrowserTests(host), IClassFixture<SqliteBrowserHost>;
