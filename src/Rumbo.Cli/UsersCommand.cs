using System.CommandLine;
using System.Net.Mail;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.People;

namespace Rumbo.Cli;

/// <summary>Where the command line asks for a secret: the terminal, or a test's stand-in.</summary>
public interface ISecretPrompt
{
    /// <summary>Whether someone is there to type: standard input is a terminal.</summary>
    bool IsInteractive { get; }

    /// <summary>Reads one line without showing what is typed.</summary>
    string? Read(string label);
}

public sealed class ConsoleSecretPrompt : ISecretPrompt
{
    public bool IsInteractive => !Console.IsInputRedirected;

    public string? Read(string label)
    {
        Console.Error.Write(label);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0) text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
        Console.Error.WriteLine();
        return text.ToString();
    }
}

/// <summary>The verb users: create-admin (the first administrator, or another) and list.</summary>
internal static class UsersCommand
{
    public static Command Create(IConfiguration configuration, TextWriter stdout, TextWriter stderr, ISecretPrompt prompt)
    {
        var email = new Option<string>("--email") { Description = "The administrator's e-mail address, which is also the user name.", Required = true };
        var givenName = new Option<string>("--given-name") { Description = "Given name.", Required = true };
        var familyName = new Option<string>("--family-name") { Description = "Family name.", Required = true };
        var password = new Option<string?>("--password")
        {
            Description = "The password. Better left out: it is then asked for without echo, and stays out of the shell's history.",
        };
        var createAdmin = new Command("create-admin", "Create a secretariat administrator: the person, the account and the role.") { email, givenName, familyName, password };
        createAdmin.SetAction((result, ct) => Commands.Guard(stderr, async () =>
        {
            var address = result.GetValue(email)!.Trim();
            if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || address.Length > 256)
                return Commands.Fail(stderr, $"'{address}' is not an e-mail address.");
            var given = result.GetValue(givenName)!.Trim();
            var family = result.GetValue(familyName)!.Trim();
            if (given.Length is 0 or > 100 || family.Length is 0 or > 100)
                return Commands.Fail(stderr, "Given and family names are required, at most 100 characters each.");

            var secret = result.GetValue(password);
            if (secret is null)
            {
                if (!prompt.IsInteractive)
                    return Commands.Fail(stderr, "No password: pass --password, or run the command in a terminal to type it without echo.");
                secret = prompt.Read("Password: ");
                if (prompt.Read("Password again: ") != secret) return Commands.Fail(stderr, "The two passwords are not the same; nothing was created.");
            }

            await using var services = await Open(configuration, ct);
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
            var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
            if (await users.FindByEmailAsync(address) is not null)
                return Commands.Fail(stderr, $"An account with the address {address} exists already.");

            // The rules are checked before anything is written, so a refused password leaves no half-made person behind.
            var user = new RumboUser { UserName = address, Email = address, EmailConfirmed = true, CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime };
            var problems = new List<string>();
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, user, secret ?? "");
                problems.AddRange(check.Errors.Select(e => e.Description));
            }
            if (problems.Count > 0)
            {
                stderr.WriteLine("The password was refused; nothing was created:");
                foreach (var p in problems) stderr.WriteLine($"  {p}");
                return 1;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var lower = address.ToLowerInvariant();
            var person = await db.People.Where(p => p.Email != null && p.Email.ToLower() == lower && !db.Users.Any(u => u.PersonId == p.Id))
                .OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
            if (person is null)
            {
                person = new Person { GivenName = given, FamilyName = family, Email = address };
                db.People.Add(person);
                await db.SaveChangesAsync(ct);
            }
            user.PersonId = person.Id;
            var created = await users.CreateAsync(user, secret!);
            if (created.Succeeded) created = await users.MakeSecretariatAdminAsync(db, user, ct);
            if (!created.Succeeded)
            {
                stderr.WriteLine("The account was refused; nothing was created:");
                foreach (var e in created.Errors) stderr.WriteLine($"  {e.Description}");
                return 1;
            }
            await transaction.CommitAsync(ct);
            stdout.WriteLine($"Created secretariat administrator {person.FullName} <{address}> (user {user.Id}, person {person.Id}).");
            return 0;
        }));

        var list = new Command("list", "List the accounts: id, e-mail, name, roles, and whether locked out.");
        list.SetAction((result, ct) => Commands.Guard(stderr, async () =>
        {
            await using var services = await Open(configuration, ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            var rows = await db.Users.AsNoTracking().OrderBy(u => u.Id)
                .Select(u => new
                {
                    u.Id, u.Email, u.LockoutEnd,
                    GivenName = u.Person != null ? u.Person.GivenName : null,
                    FamilyName = u.Person != null ? u.Person.FamilyName : null,
                    Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList(),
                })
                .ToListAsync(ct);
            if (rows.Count == 0)
            {
                stdout.WriteLine("No accounts yet. Create the first administrator with: users create-admin --email … --given-name … --family-name …");
                return 0;
            }
            var table = rows.Select(r => new[]
            {
                r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Email ?? "", $"{r.GivenName} {r.FamilyName}".Trim(),
                string.Join(",", r.Roles.Order()), r.LockoutEnd > now ? "locked" : "",
            }).Prepend(["id", "e-mail", "name", "roles", "state"]).ToList();
            var widths = Enumerable.Range(0, 5).Select(c => table.Max(row => row[c].Length)).ToArray();
            foreach (var row in table)
            {
                stdout.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
            }
            return 0;
        }));

        return new Command("users", "Manage accounts.") { createAdmin, list };
    }

    /// <summary>The database services and Identity's user manager with the site's rules, without the web's sign-in machinery.</summary>
    private static Task<ServiceProvider> Open(IConfiguration configuration, CancellationToken ct) =>
        Commands.Open(configuration, ct, add: services =>
        {
            services.AddLogging();
            services.AddIdentityCore<RumboUser>(RumboIdentity.Configure)
                .AddRoles<RumboRole>()
                .AddEntityFrameworkStores<RumboDbContext>();
        });
}
