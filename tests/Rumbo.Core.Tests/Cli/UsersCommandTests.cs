using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Rumbo.Cli;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.Cli;

/// <summary>The users verb against a real database, on both providers.</summary>
public abstract class UsersCommandTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Password = "twelve chars or more";
    private TestDatabase database = null!;
    private IConfiguration configuration = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rumbo:Database"] = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["ConnectionStrings:Rumbo"] = database.ConnectionString,
            ["Rumbo:DataDirectory"] = database.Directory,
        }).Build();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private sealed class FakePrompt(bool interactive, params string[] answers) : ISecretPrompt
    {
        private readonly Queue<string> answers = new(answers);
        public List<string> Labels { get; } = [];
        public bool IsInteractive => interactive;

        public string? Read(string label)
        {
            Labels.Add(label);
            return answers.Dequeue();
        }
    }

    private async Task<(int Code, string Out, string Err)> Run(ISecretPrompt? prompt, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await Commands.Run(args, stdout, stderr, configuration, prompt ?? new FakePrompt(false));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string[] CreateAdmin(string email, params string[] more) =>
        ["users", "create-admin", "--email", email, "--given-name", "Ana", "--family-name", "Pérez", .. more];

    [Fact]
    public async Task Create_admin_makes_the_person_the_account_and_the_role_and_list_shows_it()
    {
        var result = await Run(null, CreateAdmin("ana@example.org", "--password", Password));
        Assert.True(result.Code == 0, result.Err);
        Assert.StartsWith("Created secretariat administrator Ana Pérez <ana@example.org>", result.Out);

        await using (var db = database.CreateContext())
        {
            var user = await db.Users.Include(u => u.Person).SingleAsync();
            Assert.Equal("ana@example.org", user.UserName);
            Assert.Equal(("Ana", "Pérez", "ana@example.org"), (user.Person!.GivenName, user.Person.FamilyName, user.Person.Email));
            Assert.True(new PasswordHasher<RumboUser>().VerifyHashedPassword(user, user.PasswordHash!, Password) != PasswordVerificationResult.Failed);
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync();
            Assert.Equal([Roles.SecretariatAdmin], roles);
            Assert.Contains(await db.AuditEntries.Select(a => a.Actor).Distinct().ToListAsync(), a => a == "command line");
            Assert.DoesNotContain(await db.AuditEntries.Select(a => a.Changes).ToListAsync(), c => c.Contains(user.PasswordHash!));
        }

        var list = await Run(null, "users", "list");
        Assert.Equal(0, list.Code);
        var lines = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("id", lines[0]);
        Assert.Matches(@"^1\s+ana@example.org\s+Ana Pérez\s+SecretariatAdmin$", lines[1]);

        var again = await Run(null, CreateAdmin("ana@example.org", "--password", Password));
        Assert.Equal(1, again.Code);
        Assert.Contains("exists already", again.Err);
    }

    [Fact]
    public async Task Without_a_password_and_without_a_terminal_it_fails_clearly_and_creates_nothing()
    {
        Assert.Equal(0, (await Run(null, "migrate")).Code);
        var result = await Run(new FakePrompt(false), CreateAdmin("bea@example.org"));
        Assert.Equal(1, result.Code);
        Assert.Contains("No password: pass --password, or run the command in a terminal", result.Err);
        await using var db = database.CreateContext();
        Assert.False(await db.Users.AnyAsync());
        Assert.False(await db.People.AnyAsync());
    }

    [Fact]
    public async Task In_a_terminal_the_password_is_asked_twice_and_must_match()
    {
        var mismatch = new FakePrompt(true, Password, "something different");
        var refused = await Run(mismatch, CreateAdmin("carla@example.org"));
        Assert.Equal(1, refused.Code);
        Assert.Equal(["Password: ", "Password again: "], mismatch.Labels);

        var prompt = new FakePrompt(true, Password, Password);
        var created = await Run(prompt, CreateAdmin("carla@example.org"));
        Assert.True(created.Code == 0, created.Err);
        Assert.DoesNotContain(Password, created.Out + created.Err);
    }

    [Fact]
    public async Task A_password_that_breaks_the_rules_is_refused_with_the_reasons_and_nothing_is_written()
    {
        var result = await Run(null, CreateAdmin("dora@example.org", "--password", "too short"));
        Assert.Equal(1, result.Code);
        Assert.Contains("The password was refused", result.Err);
        Assert.Contains("at least 12 characters", result.Err);
        await using var db = database.CreateContext();
        Assert.Empty(await db.People.ToListAsync());
        Assert.Empty(await db.Users.ToListAsync());
    }

    [Fact]
    public async Task An_address_that_is_not_one_is_refused()
    {
        var result = await Run(null, CreateAdmin("not-an-address", "--password", Password));
        Assert.Equal(1, result.Code);
        Assert.Contains("is not an e-mail address", result.Err);
    }

    [Fact]
    public async Task List_says_how_to_begin_when_there_are_no_accounts()
    {
        var result = await Run(null, "users", "list");
        Assert.Equal(0, result.Code);
        Assert.Contains("users create-admin", result.Out);
    }
}

public sealed class SqliteUsersCommandTests() : UsersCommandTests(DatabaseProvider.Sqlite);

public sealed class PostgresUsersCommandTests() : UsersCommandTests(DatabaseProvider.Postgres);
