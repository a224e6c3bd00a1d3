using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Accounts;

/// <summary>
/// Rumbo for the account tests. Every request of the in-memory server comes from the same (absent) address, so the
/// sign-in rate limit is raised here; the limit itself is tested on an instance of its own.
/// </summary>
public class AccountsApp(DatabaseProvider provider) : RumboApp(provider)
{
    public const string Password = "a long enough password";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Rumbo:SignInRateLimit:PermitLimit", "100000");
    }

    public string MailFolder => Path.Combine(Database.Directory, "mail");

    /// <summary>A new account with a person, optionally a secretariat administrator; answers the e-mail address.</summary>
    public async Task<string> CreateUserAsync(string givenName, bool admin = false, string? email = null)
    {
        email ??= $"{givenName.ToLowerInvariant()}-{Guid.NewGuid():n}@example.org";
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
        var person = new Person { GivenName = givenName, FamilyName = "Tester", Email = email };
        db.People.Add(person);
        await db.SaveChangesAsync();
        var user = new RumboUser { UserName = email, Email = email, PersonId = person.Id, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        if (admin) Assert.True((await users.MakeSecretariatAdminAsync(db, user)).Succeeded);
        return email;
    }

    /// <summary>A working group of the planning agenda, with a country and an institution to invite people from.</summary>
    public async Task<(int GroupId, int InstitutionId, int CountryId, int AgendaId)> CreateGroupAsync()
    {
        // The site migrates and seeds the database when it starts: start it before writing behind its back.
        _ = Services;
        await using var db = Database.CreateContext();
        var agenda = await db.Agendas.SingleAsync(a => a.Slug == "lc-crp-20-6");
        var suffix = Guid.NewGuid().ToString("n")[..8];
        var country = await db.Countries.SingleOrDefaultAsync(c => c.Code == "CL");
        if (country is null)
        {
            country = new Country { Code = "CL", Code3 = "CHL", Name = new LocalizedText { Source = "Chile", En = "Chile", Es = "Chile" }, Subregion = Subregion.SouthAmerica, Status = CountryStatus.MemberState };
            db.Countries.Add(country);
        }
        var institution = new Institution { Name = new LocalizedText { Source = $"Ministry of Planning {suffix}" }, Kind = InstitutionKind.Ministry, Country = country };
        var group = new Group
        {
            AgendaId = agenda.Id,
            Slug = $"planning-foresight-{suffix}",
            Kind = GroupKind.ThematicWorkingGroup,
            Name = new LocalizedText { Source = $"Working group on foresight {suffix}", Es = $"Grupo de trabajo sobre prospectiva {suffix}" },
        };
        db.Institutions.Add(institution);
        db.Groups.Add(group);
        await db.SaveChangesAsync();
        return (group.Id, institution.Id, country.Id, agenda.Id);
    }

    /// <summary>The text of the last message written to the pickup folder for the address.</summary>
    public string LastMailTo(string email)
    {
        var files = Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, "*.eml") : [];
        var message = files.OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f, StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .LastOrDefault(text => text.Contains($"\r\nTo: {email}\r\n", StringComparison.Ordinal));
        Assert.True(message is not null, $"No message to {email} in {MailFolder}.");
        return message;
    }

    public int MailCountTo(string email) =>
        Directory.Exists(MailFolder)
            ? Directory.GetFiles(MailFolder, "*.eml").Count(f => File.ReadAllText(f).Contains($"\r\nTo: {email}\r\n", StringComparison.Ordinal))
            : 0;
}

public sealed class SqliteAccountsApp() : AccountsApp(DatabaseProvider.Sqlite);

public sealed class PostgresAccountsApp() : AccountsApp(DatabaseProvider.Postgres);
