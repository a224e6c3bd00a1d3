using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core;
using Rumbo.Core.Agendas;
using Rumbo.Core.Agendas.Import;
using Rumbo.Core.Auditing;
using Rumbo.Core.Data;
using Rumbo.Core.People;
using Rumbo.Core.Policies;
using Rumbo.Core.Policies.Suggestions;
using Rumbo.Core.Seed;

// The line suggestions measured on the labelled set (bench/policy-lines/policies.csv). A SQLite database with the
// agenda LC/CRP.20/6 as seeded (its texts and their translations) and the tune rows registered as policies linked to
// their lines, which is what confirmed links are; the model is the site's, built from those rows by LineSuggestions.
//   test (default): the test rows are suggested for as new texts; figures per language beside the goals, and the plain
//                   keyword baseline (the English lines only, no threshold) for reference.
//   tune:           each tune row suggested for with its own link left out (leave one out), over a grid of settings;
//                   prints the best settings by the same figures. Never reads the test rows.
// Usage: Rumbo.Bench.PolicyLines CSV [test | tune]
if (args.Length is not (1 or 2) || (args.Length == 2 && args[1] is not ("test" or "tune")))
{
    Console.Error.WriteLine("usage: Rumbo.Bench.PolicyLines CSV [test | tune]");
    return 2;
}
var mode = args.Length == 2 ? args[1] : "test";
List<Row> rows;
using (var reader = new StreamReader(args[0]))
using (var csv = new CsvReader(reader, CultureInfo.InvariantCulture))
{
    rows = csv.GetRecords<dynamic>().Select(r => (IDictionary<string, object>)r).Select(r => new Row(
        (string)r["id"], (string)r["split"], (string)r["language"], (string)r["country"], (string)r["level"], (string)r["instrument"],
        (string)r["title"], (string)r["summary"],
        ((string)r["lines"]).Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
}

var directory = Path.Combine(Path.GetTempPath(), $"rumbo-bench-policy-lines-{Environment.ProcessId}");
Directory.CreateDirectory(directory);
try
{
    var services = new ServiceCollection();
    services.AddSingleton<IAuditActor>(new SystemActor("bench policy lines"));
    services.AddSingleton(TimeProvider.System);
    services.AddRumboCore(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "rumbo.db")}");
    await using var provider = services.BuildServiceProvider();
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
    await RumboDatabase.MigrateAsync(db, default);
    await ReferenceData.EnsureAsync(db);
    // The agenda alone, as the seed imports it: the demo policies are left out, being none of the labelled set's rows.
    var name = SeedDocuments.FileNames.Single(n => n.StartsWith("LC-CRP.20-6", StringComparison.Ordinal));
    await scope.ServiceProvider.GetRequiredService<AgendaStore>().ImportAsync(SeedTranslations.Apply(AgendaParser.Parse(SeedDocuments.Read(name), name)));
    var agendaId = await db.Agendas.Where(a => a.Symbol == "LC/CRP.20/6").Select(a => a.Id).SingleAsync();
    var lineIds = await db.Lines.Where(l => l.AgendaId == agendaId).ToDictionaryAsync(l => l.Code, l => l.Id);
    var countries = await db.Countries.ToDictionaryAsync(c => c.Code, c => c.Id);
    var registered = new Dictionary<int, Row>();
    foreach (var row in rows.Where(r => r.Split == "tune"))
    {
        var policy = new Policy
        {
            AgendaId = agendaId, CountryId = countries[row.Country], Language = row.Language,
            Title = new LocalizedText { Source = row.Title }, Summary = new LocalizedText { Source = row.Summary },
            Level = row.Level == "subnational" ? PolicyLevel.Subnational : PolicyLevel.National,
            Instrument = Enum.Parse<PolicyInstrument>(row.Instrument, ignoreCase: true),
            Lines = [.. row.Lines.Select(c => new PolicyLine { LineOfActionId = lineIds[c] })],
        };
        db.Policies.Add(policy);
        await db.SaveChangesAsync();
        registered[policy.Id] = row;
    }
    db.ChangeTracker.Clear();

    var languages = new[] { "es", "pt", "en" };
    var goals = new Figures(0.8, 0.6, 0.7);
    if (mode == "test")
    {
        var suggestions = new LineSuggestions(db, TimeProvider.System);
        var model = await suggestions.ModelAsync(agendaId, default);
        var test = rows.Where(r => r.Split == "test").ToList();
        var baselineLines = (await db.Lines.AsNoTracking().Where(l => l.AgendaId == agendaId).Select(l => new { l.Code, l.Text.Source }).ToListAsync())
            .Select(l => new LineSuggester.Line(l.Code, new Dictionary<string, string> { ["en"] = l.Source }, new Dictionary<string, string>())).ToList();
        var baseline = LineSuggester.Build(baselineLines, []);
        Console.WriteLine($"Line suggestions on the test split ({test.Count} policies; the model holds the agenda's texts and {registered.Count} tune policies as confirmed links)");
        Console.WriteLine($"{"language",-9}{"n",4}{"no line",8}  {"right line in 3",-28}{"recall in 3",-28}{"no line, none given",-28}");
        foreach (var language in languages.Append("all"))
        {
            var subset = test.Where(r => language == "all" || r.Language == language).ToList();
            var f = Measure(subset, r => model.Suggest(LineSuggestions.Join(r.Title, r.Summary), r.Language));
            var b = Measure(subset, r => baseline.Rank(LineSuggestions.Join(r.Title, r.Summary), "en", null, null, confident: false));
            Console.WriteLine($"{language,-9}{subset.Count,4}{subset.Count(r => r.Lines.Length == 0),8}  " +
                $"{Cell(f.Hit, goals.Hit),-28}{Cell(f.Recall, goals.Recall),-28}{Cell(f.None, goals.None),-28}");
            Console.WriteLine($"{"  baseline",-21}  {b.Hit,-28:F2}{b.Recall,-28:F2}{b.None,-28:F2}");
        }
        var given = test.Select(r => model.Suggest(LineSuggestions.Join(r.Title, r.Summary), r.Language).Count).ToList();
        Console.WriteLine($"suggestions per policy: mean {given.Average():F2}, most {given.Max()}");
    }
    else
    {
        var examples = registered.Keys.ToList();
        var best = new List<(double Objective, string Settings, string Detail)>();
        foreach (var context in new[] { 0.0, 0.5 })
        foreach (var text in new[] { 0.5, 1.0, 2.0 })
        foreach (var k in new[] { 3, 5, 8 })
        {
            var settings = new LineSuggester.Settings { ContextWeight = context, TextWeight = text, Neighbours = k };
            var model = await new LineSuggestions(db, TimeProvider.System) { Settings = settings }.ModelAsync(agendaId, default);
            var all = rows.Where(r => r.Split == "tune").ToList();
            var ids = registered.ToDictionary(p => p.Value.Id, p => p.Key);
            var ranked = all.ToDictionary(r => r.Id, r => model.Rank(LineSuggestions.Join(r.Title, r.Summary), r.Language, null, ids[r.Id], confident: false));
            var top = ranked.Values.Where(v => v.Count > 0).Select(v => v[0].Score).Order().ToList();
            foreach (var threshold in Enumerable.Range(0, 40).Select(i => top[i * top.Count / 40]))
            foreach (var relative in new[] { 0.3, 0.5, 0.7 })
            {
                var s = settings with { Threshold = threshold, Relative = relative };
                var per = languages.ToDictionary(l => l, l => Measure(all.Where(r => r.Language == l).ToList(), r => LineSuggester.Confident(ranked[r.Id], s)));
                // The worst language against its goals decides, so no language is given up for the others.
                var objective = per.Values.Min(f => Math.Min(f.Hit / goals.Hit, Math.Min(f.Recall / goals.Recall, f.None / goals.None)));
                best.Add((objective, $"context {context} text {text} k {k} threshold {threshold:F4} relative {relative}",
                    string.Join("  ", per.Select(p => $"{p.Key} {p.Value.Hit:F2}/{p.Value.Recall:F2}/{p.Value.None:F2}"))));
            }
        }
        foreach (var b in best.OrderByDescending(b => b.Objective).Take(15)) Console.WriteLine($"{b.Objective:F3}  {b.Settings}  {b.Detail}");
    }
    return 0;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(directory, recursive: true);
}

static string Cell(double value, double goal) => $"{value:F2} (goal {goal:F1}: {(value >= goal ? "met" : "not met")})";

static Figures Measure(IReadOnlyList<Row> rows, Func<Row, IReadOnlyList<LineSuggester.Suggestion>> suggest)
{
    int serving = 0, hit = 0, labels = 0, found = 0, none = 0, quiet = 0;
    foreach (var row in rows)
    {
        var first = suggest(row).Take(3).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        if (row.Lines.Length == 0)
        {
            none++;
            if (first.Count == 0) quiet++;
            continue;
        }
        serving++;
        labels += row.Lines.Length;
        var right = row.Lines.Count(first.Contains);
        found += right;
        if (right > 0) hit++;
    }
    return new Figures(serving == 0 ? double.NaN : (double)hit / serving, labels == 0 ? double.NaN : (double)found / labels, none == 0 ? double.NaN : (double)quiet / none);
}

internal sealed record Row(string Id, string Split, string Language, string Country, string Level, string Instrument, string Title, string Summary, string[] Lines);

internal sealed record Figures(double Hit, double Recall, double None);
