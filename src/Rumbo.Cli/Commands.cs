using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core;
using Rumbo.Core.Agendas;
using Rumbo.Core.Agendas.Import;
using Rumbo.Core.Data;
using Rumbo.Core.People;
using Rumbo.Core.Seed;

namespace Rumbo.Cli;

/// <summary>
/// The command-line verbs: import, export, migrate, seed and users. They run in the web application's executable and
/// read the same settings (appsettings.json in the working directory, then environment variables such as
/// Rumbo__Database), so a verb and the running site always share one database.
/// </summary>
public static class Commands
{
    public static readonly string[] Verbs = ["import", "export", "migrate", "seed", "users", "indicators", "--help", "-h", "-?"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> Run(string[] args, TextWriter stdout, TextWriter stderr, IConfiguration? configuration = null, ISecretPrompt? prompt = null)
    {
        // The same sources, in the same order, as the web host: appsettings, the environment's appsettings,
        // then environment variables.
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        configuration ??= new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();

        var root = new RootCommand("Rumbo: follow-up of regional development agendas.");

        var file = new Argument<string>("file") { Description = "An agenda document (.md, .txt) or its structured JSON form." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Parse and report what would be imported, without writing." };
        var import = new Command("import", "Import an agenda from its document or from JSON. Importing the same document twice changes nothing.") { file, dryRun };
        import.SetAction((result, ct) => Guard(stderr, async () =>
        {
            var info = new FileInfo(UserPath(result.GetValue(file)!));
            if (!info.Exists) return Fail(stderr, $"{info.FullName}: no such file.");
            var document = AgendaParser.Parse(await File.ReadAllTextAsync(info.FullName, ct), info.Name);
            AgendaValidator.Validate(document);
            if (result.GetValue(dryRun))
            {
                stdout.WriteLine($"{document.Symbol}: {document.Areas.Count} areas, {document.Areas.Sum(a => a.Objectives.Count)} objectives, " +
                                 $"{document.Areas.Sum(a => a.Objectives.Sum(o => o.Lines.Count))} lines of action, {document.Principles.Count} principles (dry run, nothing written)");
                return 0;
            }
            await using var services = await Open(configuration, ct);
            await using var scope = services.CreateAsyncScope();
            var r = await scope.ServiceProvider.GetRequiredService<AgendaStore>().ImportAsync(document, ct);
            stdout.WriteLine($"{r.Symbol}: {r.Outcome.ToString().ToLowerInvariant()} ({r.Areas} areas, {r.Objectives} objectives, {r.Lines} lines of action, {r.Principles} principles)");
            return 0;
        }));

        var agenda = new Argument<string>("agenda") { Description = "The agenda's id, symbol (LC/CRP.20/6) or slug (lc-crp-20-6)." };
        var format = new Option<string>("--format", "-f") { Description = "json (default; the form import reads back), csv or xlsx.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv", "xlsx");
        var output = new Option<string?>("--output", "-o") { Description = "File to write; standard output when omitted (json and csv only)." };
        var export = new Command("export", "Export an agenda's structure.") { agenda, format, output };
        export.SetAction((result, ct) => Guard(stderr, async () =>
        {
            await using var services = await Open(configuration, ct);
            await using var scope = services.CreateAsyncScope();
            var reader = scope.ServiceProvider.GetRequiredService<AgendaReader>();
            var tree = await reader.GetTreeAsync(result.GetValue(agenda)!, ct);
            if (tree is null) return Fail(stderr, $"No agenda has the id, symbol or slug '{result.GetValue(agenda)}'.");
            var fmt = result.GetValue(format)!;
            var bytes = fmt switch
            {
                "csv" => AgendaExport.ToCsv(tree),
                "xlsx" => AgendaExport.ToXlsx(tree),
                _ => System.Text.Encoding.UTF8.GetBytes(AgendaJson.Serialize((await scope.ServiceProvider.GetRequiredService<AgendaStore>().ExportAsync(tree.Id, ct))!)),
            };
            var target = result.GetValue(output);
            if (target is null)
            {
                if (fmt == "xlsx") return Fail(stderr, "xlsx needs --output: it is not text.");
                stdout.Write(System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
                return 0;
            }
            var path = UserPath(target);
            await File.WriteAllBytesAsync(path, bytes, ct);
            stdout.WriteLine($"{tree.Symbol} written to {path}");
            return 0;
        }));

        var migrate = new Command("migrate", "Apply pending database migrations (run it once per deploy when several web instances share one database).");
        migrate.SetAction((result, ct) => Guard(stderr, async () =>
        {
            await using var services = await Open(configuration, ct, migrate: false);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await RumboDatabase.MigrateAsync(db, ct);
            stdout.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            // Done here so that web instances started after the deploy's migrate step find nothing to write.
            var reference = await ReferenceData.EnsureAsync(db, ct);
            if (reference.Changed) stdout.WriteLine(Describe(reference));
            return 0;
        }));

        var seed = new Command("seed", "Import the demo data (the agendas of the source documents shipped with Rumbo, and their groups when the database has none); unchanged agendas stay as they are.");
        seed.SetAction((result, ct) => Guard(stderr, async () =>
        {
            await using var services = await Open(configuration, ct);
            await using var scope = services.CreateAsyncScope();
            var seeded = await DemoData.SeedAsync(scope.ServiceProvider, ct);
            foreach (var r in seeded.Agendas)
            {
                stdout.WriteLine($"{r.Symbol}: {r.Outcome.ToString().ToLowerInvariant()}");
            }
            stdout.WriteLine(Describe(seeded.ReferenceData));
            stdout.WriteLine(seeded.GroupsCreated > 0 ? $"Groups: {seeded.GroupsCreated} created" : "Groups: unchanged (the database has groups already)");
            stdout.WriteLine(seeded.MeetingsCreated > 0 ? $"Meetings: {seeded.MeetingsCreated} created" : "Meetings: unchanged (the database has meetings already)");
            stdout.WriteLine(seeded.PlansCreated > 0 ? $"Plans of work: {seeded.PlansCreated} created" : "Plans of work: unchanged (the database has plans already)");
            stdout.WriteLine(seeded.IndicatorsCreated > 0 ? $"Example indicators: {seeded.IndicatorsCreated} created" : "Example indicators: unchanged (the planning agenda has indicators already)");
            return 0;
        }));

        var valuesFile = new Argument<string>("file") { Description = "A region's values in the template's columns (CSV or XLSX), the country column filled, each country's rows together." };
        var valuesAgenda = new Option<string>("--agenda") { Description = "The agenda's id, symbol or slug.", Required = true };
        var approve = new Option<bool>("--approve") { Description = "Store the values as approved (checked by the secretariat) rather than as drafts." };
        var indicatorsImport = new Command("import", "Import a region's indicator values through the same checks as a country's upload; a file with any problem stores nothing.") { valuesFile, valuesAgenda, approve };
        indicatorsImport.SetAction((result, ct) => Guard(stderr, async () =>
        {
            var info = new FileInfo(UserPath(result.GetValue(valuesFile)!));
            if (!info.Exists) return Fail(stderr, $"{info.FullName}: no such file.");
            await using var services = await Open(configuration, ct);
            await using var scope = services.CreateAsyncScope();
            var key = result.GetValue(valuesAgenda)!;
            var found = await scope.ServiceProvider.GetRequiredService<AgendaReader>().ResolveAsync(key, ct);
            if (found is null) return Fail(stderr, $"{key}: no such agenda.");
            await using var stream = info.OpenRead();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var r = await scope.ServiceProvider.GetRequiredService<Rumbo.Core.Indicators.IndicatorBulkImport>().ImportAsync(found.Value.Id, stream, info.Name,
                result.GetValue(approve) ? Rumbo.Core.Indicators.ValueStatus.Approved : Rumbo.Core.Indicators.ValueStatus.Draft, null, ct);
            if (r.FileProblem is { } fp) return Fail(stderr, $"{info.Name}: {fp}");
            if (r.Problems.Count > 0)
            {
                foreach (var p in r.Problems) stderr.WriteLine($"row {p.Row}, {p.Column}: {p.Message.InEnglish()}");
                return Fail(stderr, $"{info.Name}: {r.Problems.Count} problem(s); nothing was stored.");
            }
            stdout.WriteLine($"{info.Name}: {r.Rows} rows, {r.Saved} values saved, {r.Unchanged} unchanged, {r.Countries} countries, in {watch.Elapsed.TotalSeconds:F1} s (import {r.ImportId}).");
            return 0;
        }));
        var indicators = new Command("indicators", "Targets and indicators.") { indicatorsImport };

        root.Subcommands.Add(import);
        root.Subcommands.Add(indicators);
        root.Subcommands.Add(export);
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(seed);
        root.Subcommands.Add(UsersCommand.Create(configuration, stdout, stderr, prompt ?? new ConsoleSecretPrompt()));

        var parse = root.Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>
    /// A relative path is taken from the directory the user typed the command in. Under `dotnet run --project`
    /// the process starts in the project's folder, but the shell's PWD still names the user's.
    /// </summary>
    internal static string UserPath(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var current = Directory.GetCurrentDirectory();
        var shell = Environment.GetEnvironmentVariable("PWD");
        // Only under `dotnet run` (started in the project's folder) is the shell's directory a better guess.
        var underDotnetRun = File.Exists(Path.Combine(current, "Rumbo.Web.csproj"));
        var baseDirectory = underDotnetRun && !string.IsNullOrEmpty(shell) && Directory.Exists(shell) ? shell : current;
        return Path.GetFullPath(Path.Combine(baseDirectory, path));
    }

    internal static async Task<ServiceProvider> Open(IConfiguration configuration, CancellationToken ct, bool migrate = true, Action<IServiceCollection>? add = null)
    {
        var (provider, connectionString, _) = RumboDatabase.Resolve(configuration, Directory.GetCurrentDirectory());
        var collection = new ServiceCollection().AddRumboCore(provider, connectionString);
        add?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        if (migrate)
        {
            // The command line may be the first to touch a new database.
            await using var scope = services.CreateAsyncScope();
            await RumboDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<RumboDbContext>(), ct);
        }
        return services;
    }

    internal static async Task<int> Guard(TextWriter stderr, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (AgendaFormatException e)
        {
            return Fail(stderr, $"Not imported: {e.Message}");
        }
        catch (AgendaValidationException e)
        {
            return Fail(stderr, $"Not imported: {e.Message}");
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Rumbo:", StringComparison.Ordinal))
        {
            return Fail(stderr, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Fail(stderr, "Not saved: the record was changed by someone else at the same time. Run the command again.");
        }
        catch (DbUpdateException e)
        {
            return Fail(stderr, $"Not saved: the database refused the change ({e.InnerException?.Message ?? e.Message}).");
        }
        catch (System.Data.Common.DbException e)
        {
            return Fail(stderr, $"The database could not be reached or refused the command: {e.Message}");
        }
    }

    private static string Describe(ReferenceDataResult r) => r.Changed
        ? $"Reference data: {r.CountriesAdded} countries added, {r.CountriesUpdated} updated; {r.InstitutionsAdded} institutions added, {r.InstitutionsUpdated} updated"
        : "Reference data: unchanged";

    internal static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        return 1;
    }
}
