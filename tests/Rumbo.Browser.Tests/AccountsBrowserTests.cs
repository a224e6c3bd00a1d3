using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
using static Microsoft.Playwright.Assertions;

namespace Rumbo.Browser.Tests;

/// <summary>
/// An invitation from end to end in Chromium: an administrator made on the command line signs in, invites a
/// coordinator, the invitee follows the mailed link, chooses a password and arrives signed in. Fails, like the other
/// browser tests, on a failed request, an error status or a console error.
/// </summary>
public abstract partial class AccountsBrowserTests(BrowserHost host) : IAsyncLifetime
{
    private const string Password = "a fine long passphrase";
    private readonly List<string> problems = [];
    private readonly List<IBrowserContext> contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in contexts) await context.CloseAsync();
    }

    [GeneratedRegex(@"https?://\S+/account/invitation/\S+")]
    private static partial Regex InvitationLink();

    private async Task<IPage> NewPageAsync()
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        contexts.Add(context);
        var page = await context.NewPageAsync();
        PageProblems.Watch(page, host.BaseAddress, problems);
        return page;
    }

    private async Task<(int GroupId, string GroupName, string InstitutionName)> CreateGroupAsync()
    {
        await using var db = host.App.Database.CreateContext();
        var agenda = await db.Agendas.SingleAsync(a => a.Slug == "lc-crp-20-6");
        var country = await db.Countries.SingleOrDefaultAsync(c => c.Code == "UY")
                      ?? new Country { Code = "UY", Code3 = "URY", Name = new LocalizedText { Source = "Uruguay" }, Subregion = Subregion.SouthAmerica, Status = CountryStatus.MemberState };
        var institution = new Institution { Name = new LocalizedText { Source = "Planning and Budget Office" }, Acronym = "OPP", Kind = InstitutionKind.Ministry, Country = country };
        var group = new Core.Groups.Group
        {
            AgendaId = agenda.Id,
            Slug = "anticipatory-governance-" + Guid.NewGuid().ToString("n")[..6],
            Kind = GroupKind.ThematicWorkingGroup,
            Name = new LocalizedText { Source = "Working group on anticipatory governance" },
        };
        db.Institutions.Add(institution);
        db.Groups.Add(group);
        await db.SaveChangesAsync();
        return (group.Id, group.Name.Source, "Planning and Budget Office (OPP)");
    }

    [Fact]
    public async Task An_administrator_from_the_command_line_invites_a_coordinator_who_arrives_signed_in()
    {
        var adminEmail = $"admin-{Guid.NewGuid():n}@example.org";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rumbo:Database"] = host.App.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["ConnectionStrings:Rumbo"] = host.App.Database.ConnectionString,
            ["Rumbo:DataDirectory"] = host.App.Database.Directory,
        }).Build();
        var stderr = new StringWriter();
        var code = await Rumbo.Cli.Commands.Run(
            ["users", "create-admin", "--email", adminEmail, "--given-name", "Carmen", "--family-name", "Secretaría", "--password", Password],
            new StringWriter(), stderr, configuration);
        Assert.True(code == 0, stderr.ToString());
        var (groupId, groupName, institutionName) = await CreateGroupAsync();

        // The administrator signs in from the header.
        var admin = await NewPageAsync();
        await admin.GotoAsync("/agendas");
        await admin.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Expect(admin.Locator("main h1")).ToHaveTextAsync("Sign in");
        await admin.GetByLabel("E-mail address").FillAsync(adminEmail);
        await admin.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await ScreenshotAsync(admin, "sign-in");
        await admin.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(host.BaseAddress + "agendas");
        await Expect(admin.Locator("header .user-name")).ToHaveTextAsync("Carmen Secretaría");

        // ... and invites a coordinator of the group.
        await admin.GotoAsync("/admin/invitations");
        var invitee = $"luis-{Guid.NewGuid():n}@example.org";
        await admin.GetByLabel("E-mail address").FillAsync(invitee);
        await admin.GetByLabel("Given name").FillAsync("Luis");
        await admin.GetByLabel("Family name").FillAsync("Coordinador");
        await admin.GetByLabel("Institution").SelectOptionAsync(new SelectOptionValue { Label = institutionName });
        await admin.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Uruguay" });
        await admin.GetByLabel("Coordinator of the chosen group").CheckAsync();
        await admin.GetByLabel("Group (for a member or coordinator)").SelectOptionAsync(groupId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Expect(admin.Locator("main [role=status]")).ToHaveTextAsync("The invitation has been sent.");
        await Expect(admin.Locator("section", new() { Has = admin.Locator("#invitations-pending") })).ToContainTextAsync(invitee);
        await ScreenshotAsync(admin, "invitations");

        // The invitation is in the pickup folder.
        var mailFolder = Path.Combine(host.App.Database.Directory, "mail");
        var mail = Directory.GetFiles(mailFolder, "*.eml").Select(File.ReadAllText).Single(m => m.Contains($"\r\nTo: {invitee}\r\n", StringComparison.Ordinal));
        Assert.Contains($"Carmen Secretaría invites you to coordinate {groupName} on Rumbo", mail);
        var link = InvitationLink().Match(mail).Value;
        Assert.StartsWith(host.BaseAddress.ToString(), link);

        // The invitee opens it in a browser of their own, chooses a password and arrives signed in.
        var page = await NewPageAsync();
        await page.GotoAsync(link);
        await Expect(page.Locator("main .lead")).ToHaveTextAsync($"Carmen Secretaría invites Luis Coordinador ({invitee}) to coordinate {groupName}.");
        await Expect(page.Locator("header .sign-in-link")).ToBeVisibleAsync();
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("The password again").FillAsync(Password);
        await ScreenshotAsync(page, "invitation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and create my account" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/workspace$"));
        await Expect(page.Locator("main h1")).ToHaveTextAsync("My workspace");
        await Expect(page.Locator("#welcome")).ToContainTextAsync("Welcome to Rumbo");
        await Expect(page.Locator("header .user-name")).ToHaveTextAsync("Luis Coordinador");
        await Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "My tokens" })).ToBeVisibleAsync();

        await using (var db = host.App.Database.CreateContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == invitee);
            Assert.Equal(GroupRole.Coordinator, (await db.GroupMembers.SingleAsync(m => m.GroupId == groupId && m.PersonId == user.PersonId)).Role);
        }

        // Signing out is the header's button.
        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator("header .sign-in-link")).ToBeVisibleAsync();
        Assert.True(problems.Count == 0, "The browser reported:\n" + string.Join("\n", problems));
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable(BrowserTests.ScreenshotsVariable);
        if (string.IsNullOrWhiteSpace(directory))
        {
            directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        }
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{name}-{host.Name}.png"), FullPage = true });
    }
}

public sealed class SqliteAccountsBrowserTests(SqliteBrowserHost host) : AccountsBrowserTests(host), IClassFixture<SqliteBrowserHost>;

public sealed class PostgresAccountsBrowserTests(PostgresBrowserHost host) : AccountsBrowserTests(host), IClassFixture<PostgresBrowserHost>;
