using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rumbo.Core.Accounts;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

/// <summary>
/// Issue 11 as its people live it, in Chromium: a person invited in Portuguese gets Portuguese mails and pages without
/// choosing anything; a coordinator whose account is in Spanish reads both agendas, their groups and a meeting with its
/// memory aid in Spanish, the translations made for the demo said to be unofficial; the secretariat sends the planning
/// agenda out for French as XLIFF 2.0, imports the translated file, reads the report and sees the French status move,
/// and a French reader sees the new text. The pages a story passes through are checked on a 390 px phone (no sideways
/// scrolling, no accessibility violation); the stories fail on a failed request or a console error as every browser test.
/// </summary>
public abstract partial class LanguagesBrowserTests(BrowserHost host) : IAsyncLifetime
{
    private const int Phone = 390;
    private const string Password = "a long passphrase in any language";
    private const string Planning = "/agendas/lc-crp-20-6";
    private const string Social = "/agendas/lc-cds-3-5";
    private const string CooperationGroup = "regional-cooperation-and-integration";
    private const string SouthSouth = "south-south-cooperation";
    private const string Line251 =
        "Create technology foresight observatories to track developments in the areas of artificial intelligence, " +
        "automation, biotechnology and other key innovations for each country.";

    private readonly List<string> problems = [];
    private readonly List<IBrowserContext> contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in contexts) await context.CloseAsync();
    }

    [GeneratedRegex(@"https?://\S+/account/invitation/\S+")]
    private static partial Regex InvitationLink();

    [GeneratedRegex(@"https?://\S+/account/reset-password\S+")]
    private static partial Regex ResetLink();

    /// <summary>English words no Spanish, Portuguese or French sentence has: one in a page's own text is an untranslated string.</summary>
    [GeneratedRegex(@"\b(the|and|of|with|for|this|your|meeting|group|agenda items?|record|sign in|translations?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWords();

    [Fact]
    public async Task A_person_invited_in_Portuguese_gets_Portuguese_mails_and_pages_without_choosing_anything()
    {
        var secretariat = await SecretariatAsync();
        var admin = await NewPageAsync(1280);
        await SignInAsync(admin, secretariat);
        var groupId = await GroupIdAsync(SouthSouth);

        await admin.GotoAsync("/admin/invitations");
        var invitee = $"joana-{Guid.NewGuid():n}@example.org";
        await admin.GetByLabel("E-mail address").FillAsync(invitee);
        await admin.GetByLabel("Given name").FillAsync("Joana");
        await admin.GetByLabel("Family name").FillAsync("Pereira");
        await admin.GetByLabel("Member of the chosen group").CheckAsync();
        await admin.GetByLabel("Group (for a member or coordinator)").SelectOptionAsync(groupId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin.GetByLabel("Their language, for this message and the pages and messages to come").SelectOptionAsync(new SelectOptionValue { Label = "Português" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Expect(admin.Locator("main [role=status]")).ToHaveTextAsync("The invitation has been sent.");

        // The invitation is in Portuguese, though the secretariat wrote it from English pages, and its link is the site's.
        var mail = await MailToAsync(invitee, "Convite para o Rumbo");
        Assert.Contains("Olá, Joana Pereira,", mail);
        Assert.Contains("Para aceitar, abra este link:", mail);
        Assert.DoesNotContain("To accept", mail);
        var link = InvitationLink().Match(mail).Value;
        Assert.StartsWith(host.BaseAddress.ToString(), link);

        // The person opens it on a phone whose browser asks for English: the invitation is in Portuguese already.
        var page = await NewPageAsync(Phone);
        await page.GotoAsync(link);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pt");
        await Expect(page.Locator("main .lead")).ToContainTextAsync("Joana Pereira");
        await CheckPhoneAsync(page, "pt");
        await ScreenshotAsync(page, "languages-invitation-pt");
        await page.GetByLabel("Senha", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("A senha novamente").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aceitar e criar minha conta" }).ClickAsync();

        // Every page after it is Portuguese: the workspace, the lists, the group.
        await Expect(page).ToHaveURLAsync(new Regex("/workspace$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pt");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Meu espaço de trabalho");
        await Expect(page.Locator(".main-nav a[href='/meetings']")).ToHaveTextAsync("Reuniões");
        await Expect(page.Locator(".main-nav a[href='/search']")).ToHaveTextAsync("Buscar");
        await CheckPhoneAsync(page, "pt");
        await ScreenshotAsync(page, "languages-workspace-pt");
        foreach (var url in new[] { Planning, "/groups", $"/groups/{SouthSouth}", "/meetings" })
        {
            await page.GotoAsync(url);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pt");
            await CheckPhoneAsync(page, "pt");
        }
        await page.GotoAsync(Planning);
        await Expect(page.Locator("#area-1-heading")).ToContainTextAsync("Governança");
        await ScreenshotAsync(page, "languages-agenda-pt");

        // A password reset asked for from an English browser is written in the account's language.
        var other = await NewPageAsync(1280);
        await other.GotoAsync("/account/forgot-password");
        await Expect(other.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await other.GetByLabel("E-mail address").FillAsync(invitee);
        await other.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        var reset = await MailToAsync(invitee, "Redefina sua senha do Rumbo");
        Assert.Contains("O link funciona uma única vez, dentro de um dia.", reset);
        Assert.StartsWith(host.BaseAddress.ToString(), ResetLink().Match(reset).Value);
        AssertNoProblems();
    }

    [Fact]
    public async Task A_Spanish_speaking_coordinator_reads_both_agendas_their_group_and_its_meetings_in_Spanish()
    {
        var email = await CoordinatorAsync("es", CooperationGroup, SouthSouth);
        var page = await NewPageAsync(1280);
        await SignInAsync(page, email);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");

        await page.GotoAsync(Planning);
        await Expect(page.Locator("h1")).ToHaveTextAsync(
            "Agenda regional de gobernanza de la planificación y la gestión pública para el desarrollo sostenible en América Latina y el Caribe");
        await Expect(page.Locator("#area-1-heading")).ToContainTextAsync("Gobernanza, institucionalidad y diálogo social");
        await Expect(page.Locator("#line-1-1-2 .line-text")).ToContainTextAsync("Realizar diálogos sociales multiactor");
        await Expect(page.Locator(".unofficial-notice")).ToContainTextAsync("Traducción no oficial");
        await AssertNoEnglishAsync(page);

        await page.GotoAsync(Social);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Agenda Regional de Desarrollo Social Inclusivo");
        await Expect(page.Locator("#area-1-heading")).ToContainTextAsync("Sistemas de protección social universales e integrales");
        await Expect(page.Locator(".unofficial-notice")).ToBeVisibleAsync();
        await AssertNoEnglishAsync(page);

        await page.GotoAsync($"/groups/{CooperationGroup}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Cooperación e integración regional");
        var mandate = page.Locator("section[aria-labelledby=mandate-heading]");
        await Expect(mandate.Locator(".prose")).ToContainTextAsync("Estos grupos de trabajo temáticos");
        await Expect(mandate.Locator(".unofficial-translation[lang=es]")).ToBeVisibleAsync();
        await AssertNoEnglishAsync(page);

        await page.GotoAsync($"/groups/{SouthSouth}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Cooperación Sur-Sur");
        await AssertNoEnglishAsync(page);

        var meeting = await MeetingIdAsync(SouthSouth);
        await page.GotoAsync($"/meetings/{meeting}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Reunión para establecer y definir actividades");
        await Expect(page.Locator("ol.meeting-items > li h3").First).ToContainTextAsync("Experiencia de la Alianza del Pacífico");
        await Expect(page.Locator(".unofficial-translation").First).ToBeVisibleAsync();
        await AssertNoEnglishAsync(page);

        await page.GotoAsync($"/meetings/{meeting}/records/1");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.Locator("main")).ToContainTextAsync("La primera reunión se celebró el 21 de octubre de 2020");
        await Expect(page.Locator("main")).ToContainTextAsync("Se presentó el proyecto Red Calle del Uruguay.");
        await Expect(page.Locator("main .unofficial-translation").First).ToBeVisibleAsync();
        await AssertNoEnglishAsync(page);

        // The same pages on the coordinator's phone.
        await page.SetViewportSizeAsync(Phone, 844);
        foreach (var (url, shot) in new[]
                 {
                     (Planning, "languages-planning-es"), (Social, "languages-social-es"), ($"/groups/{CooperationGroup}", "languages-group-es"),
                     ($"/meetings/{meeting}", "languages-meeting-es"), ($"/meetings/{meeting}/records/1", "languages-record-es"),
                 })
        {
            await page.GotoAsync(url);
            await CheckPhoneAsync(page, "es");
            await ScreenshotAsync(page, shot);
        }
        AssertNoProblems();
    }

    [Fact]
    public async Task The_secretariat_sends_the_planning_agenda_out_for_French_and_imports_the_translated_file()
    {
        var secretariat = await SecretariatAsync();
        var page = await NewPageAsync(1280);
        await SignInAsync(page, secretariat);
        await page.GotoAsync($"{Planning}/translations");
        var french = page.Locator("#translation-status tr[data-lang=fr]");
        var translatedBefore = Count(await french.Locator("td[data-state=translated]").InnerTextAsync());
        var missingBefore = Count(await french.Locator("td[data-state=missing]").InnerTextAsync());

        // The French XLIFF 2.0 file, as the translators get it.
        var download = await page.RunAndWaitForDownloadAsync(() => french.GetByRole(AriaRole.Link, new() { Name = "XLIFF" }).ClickAsync());
        Assert.EndsWith(".xlf", download.SuggestedFilename);
        var path = await download.PathAsync();
        var xliff = XDocument.Load(path);
        XNamespace ns = "urn:oasis:names:tc:xliff:document:2.0";
        Assert.Equal("2.0", xliff.Root!.Attribute("version")?.Value);
        Assert.Equal("en", xliff.Root.Attribute("srcLang")?.Value);
        Assert.Equal("fr", xliff.Root.Attribute("trgLang")?.Value);

        // The translators fill three units: the line 2.5.1, its objective and an area still without French.
        var units = xliff.Descendants(ns + "unit").ToList();
        Assert.Equal(translatedBefore + missingBefore + Count(await french.Locator("td[data-state=needs-review]").InnerTextAsync()), units.Count);
        var line = units.Single(u => u.Descendants(ns + "source").Single().Value == Line251);
        Assert.Null(line.Descendants(ns + "target").SingleOrDefault());
        Fill(line, "Créer des observatoires de prospective technologique pour suivre les évolutions dans les domaines de l'intelligence " +
                   "artificielle, de l'automatisation, de la biotechnologie et d'autres innovations clés pour chaque pays.");
        var translations = new Dictionary<string, string>
        {
            ["Foster technology foresight to drive sustainable development"] = "Favoriser la prospective technologique au service du développement durable",
            ["Evaluation, public value and establishing a culture of continuous learning"] =
                "Évaluation, valeur publique et instauration d'une culture d'apprentissage continu",
        };
        foreach (var (source, target) in translations)
        {
            var unit = units.FirstOrDefault(u => u.Descendants(ns + "source").Single().Value.Trim() == source && !u.Descendants(ns + "target").Any());
            Assert.True(unit is not null, $"No unit without French has the source \"{source}\". Sources:\n"
                + string.Join("\n", units.Take(20).Select(u => u.Descendants(ns + "source").Single().Value)));
            Fill(unit, target);
        }
        using var content = new MemoryStream();
        xliff.Save(content);

        await page.GetByLabel("Translated into").SelectOptionAsync("fr");
        await page.GetByLabel("Translated file (XLIFF, XLSX or CSV)").SetInputFilesAsync(new FilePayload
        {
            Name = "lc-crp-20-6_fr-translated.xlf", MimeType = "application/xliff+xml", Buffer = content.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        // The report: three changed, the rest still missing, nothing refused.
        var report = page.Locator("section[aria-labelledby=report-heading]");
        await Expect(report.Locator("h2")).ToContainTextAsync("lc-crp-20-6_fr-translated.xlf");
        await Expect(report.Locator("dd[data-count=changed]")).ToHaveTextAsync("3");
        await Expect(report.Locator("dd[data-count=missing]")).ToHaveTextAsync((missingBefore - 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(report.Locator("dd[data-count=not-matching]")).ToHaveTextAsync("0");
        await Expect(report.Locator("dd[data-count=unknown]")).ToHaveTextAsync("0");
        await Expect(report.Locator("#report-changed tbody tr")).ToHaveCountAsync(3);
        await Expect(report.Locator("#report-changed")).ToContainTextAsync("Favoriser la prospective technologique");

        // The French status has moved by three, and stays so when the page is read again.
        await Expect(french.Locator("td[data-state=translated]")).ToContainTextAsync($"{translatedBefore + 3} (");
        await page.GotoAsync($"{Planning}/translations");
        await Expect(french.Locator("td[data-state=translated]")).ToContainTextAsync($"{translatedBefore + 3} (");
        await Expect(french.Locator("td[data-state=missing]")).ToContainTextAsync($"{missingBefore - 3} (");
        await page.SetViewportSizeAsync(Phone, 844);
        await CheckPhoneAsync(page, "en");
        await ScreenshotAsync(page, "languages-translations");

        // A French reader, signed out, sees the new French on the agenda and the line.
        var reader = await NewPageAsync(Phone, "fr-FR");
        await reader.GotoAsync(Planning);
        await Expect(reader.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(reader.Locator("main")).ToContainTextAsync("Favoriser la prospective technologique");
        await Expect(reader.Locator("main")).ToContainTextAsync("Créer des observatoires de prospective technologique");
        await reader.GotoAsync($"{Planning}/lines/2.5.1");
        await Expect(reader.Locator(".line-statement")).ToHaveTextAsync(new Regex("^Créer des observatoires de prospective technologique"));
        await Expect(reader.Locator(".unofficial-translation").First).ToBeVisibleAsync();
        await CheckPhoneAsync(reader, "fr");
        await ScreenshotAsync(reader, "languages-line-fr");
        AssertNoProblems();

        static void Fill(XElement unit, string target)
        {
            var segment = unit.Element(unit.Name.Namespace + "segment")!;
            segment.Add(new XElement(unit.Name.Namespace + "target", target));
            segment.SetAttributeValue("state", "translated");
        }
    }

    /// <summary>"12 (3 %)" → 12.</summary>
    private static int Count(string cell) => int.Parse(cell.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IPage> NewPageAsync(int width, string locale = "en-US")
    {
        // The checker is injected as a script of its own, which the site's policy rightly forbids: bypass it for the test.
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(), Locale = locale, BypassCSP = true,
            ViewportSize = new ViewportSize { Width = width, Height = width == Phone ? 844 : 800 },
        });
        contexts.Add(context);
        var page = await context.NewPageAsync();
        PageProblems.Watch(page, host.BaseAddress, problems);
        return page;
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("header .user-name")).ToBeVisibleAsync();
    }

    /// <summary>The page in the language, no wider than the phone, and without a violation the accessibility checker finds.</summary>
    private static async Task CheckPhoneAsync(IPage page, string language)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[2] && widths[1] <= widths[2],
            $"{page.Url} is wider than the screen: document {widths[0]}px, body {widths[1]}px, window {widths[2]}px.");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = BrowserTests.AxeScript() });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }))
                .violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"{page.Url} ({language}):\n" + string.Join("\n", found));
    }

    /// <summary>
    /// Fails when the page's own text, outside what is marked as written in another language (an official English text
    /// carries lang="en"), has an English word: an interface string or a text that was not translated.
    /// </summary>
    private static async Task AssertNoEnglishAsync(IPage page)
    {
        var text = await page.EvaluateAsync<string>("""
            () => {
                const main = document.querySelector('main').cloneNode(true);
                main.querySelectorAll('[lang]:not([lang=es]), script, style, code, .visually-hidden[lang]').forEach(e => e.remove());
                return main.innerText;
            }
            """);
        var english = EnglishWords().Matches(text).Select(m =>
        {
            var start = Math.Max(0, m.Index - 40);
            return text.Substring(start, Math.Min(text.Length - start, m.Length + 80)).ReplaceLineEndings(" ");
        }).Distinct().ToList();
        Assert.True(english.Count == 0, $"{page.Url} has English in Spanish:\n" + string.Join("\n", english));
    }

    /// <summary>The one message to the address whose subject is the given one, waited for: the mail is written after the page answers.</summary>
    private async Task<string> MailToAsync(string to, string subject)
    {
        var folder = Path.Combine(host.App.Database.Directory, "mail");
        for (var i = 0; i < 50; i++)
        {
            if (Directory.Exists(folder))
            {
                var found = Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText)
                    .Where(m => m.Contains($"\r\nTo: {to}\r\n", StringComparison.Ordinal) && m.Contains($"\r\nSubject: {subject}\r\n", StringComparison.Ordinal))
                    .ToList();
                if (found.Count > 0) return Assert.Single(found);
            }
            await Task.Delay(100);
        }
        var all = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText).Where(m => m.Contains(to, StringComparison.Ordinal)) : [];
        Assert.Fail($"No message to {to} with the subject \"{subject}\". Messages to it:\n" + string.Join("\n---\n", all));
        return "";
    }

    private async Task<int> GroupIdAsync(string slug)
    {
        await using var db = host.Database.CreateContext();
        return await db.Groups.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync();
    }

    private async Task<int> MeetingIdAsync(string slug)
    {
        await using var db = host.Database.CreateContext();
        return await db.Meetings.Where(m => m.Group!.Slug == slug && m.Records.Any()).Select(m => m.Id).SingleAsync();
    }

    /// <summary>An account of the secretariat's administrators; answers its e-mail address.</summary>
    private async Task<string> SecretariatAsync()
    {
        var email = $"secretariat-{Guid.NewGuid():n}@example.org";
        using var scope = host.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<RumboRole>>();
        if (!await roles.RoleExistsAsync(Roles.SecretariatAdmin)) await roles.CreateAsync(new RumboRole(Roles.SecretariatAdmin));
        var user = new RumboUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.SecretariatAdmin)).Succeeded);
        return email;
    }

    /// <summary>A person coordinating the groups, whose account's language is the given one; answers its e-mail address.</summary>
    private async Task<string> CoordinatorAsync(string language, params string[] slugs)
    {
        var email = $"coordinator-{Guid.NewGuid():n}@example.org";
        using var scope = host.App.Services.CreateScope();
        await using (var db = host.Database.CreateContext())
        {
            var person = new Person { GivenName = "Lucía", FamilyName = "Coordinadora", Email = email };
            db.People.Add(person);
            foreach (var slug in slugs)
            {
                db.GroupMembers.Add(new GroupMember { GroupId = db.Groups.Single(g => g.Slug == slug).Id, Person = person, Role = GroupRole.Coordinator });
            }
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
            var created = await users.CreateAsync(new RumboUser
            {
                UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow, PersonId = person.Id, Language = language,
            }, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        return email;
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable(BrowserTests.ScreenshotsVariable);
        if (string.IsNullOrWhiteSpace(directory)) directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{name}-{host.Name}.png"), FullPage = true });
    }

    private void AssertNoProblems() =>
        Assert.True(problems.Count == 0, "The browser reported:\n" + string.Join("\n", problems));
}

public sealed class SqliteLanguagesBrowserTests(SqliteBrowserHost host) : LanguagesBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class PostgresLanguagesBrowserTests(PostgresBrowserHost host) : LanguagesBrowserTests(host), IClassFixture<PostgresBrowserHost>;
