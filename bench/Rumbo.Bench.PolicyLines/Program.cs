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
//   time:           the time of one suggestion with the site's settings, over the tune rows' texts (model built once, as
//                   the site keeps it), and the time to build the model. Never reads the test rows.
// Usage: Rumbo.Bench.PolicyLines CSV [test | tune | time]
if (args.Length is not (1 or 2) || (args.Length == 2 && args[1] is not ("test" or "tune" or "time")))
{
    Console.Error.WriteLine("usage: Rumbo.Bench.PolicyLines CSV [test | tune | time]");
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
        // Plain keyword ranking: the English words alone, none of the cross-language grams, unknown words ignored.
        var baseline = LineSuggester.Build(baselineLines, [], new LineSuggester.Settings { CrossTextWeight = 0, CrossVoteWeight = 0, UnknownWords = false });
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
    else if (mode == "time")
    {
        var tune = rows.Where(r => r.Split == "tune").Select(r => (Text: LineSuggestions.Join(r.Title, r.Summary), r.Language)).ToList();
        var build = System.Diagnostics.Stopwatch.StartNew();
        const int builds = 10;
        for (var i = 0; i < builds; i++) await new LineSuggestions(db, TimeProvider.System) { Settings = new LineSuggester.Settings() }.ModelAsync(agendaId, default);
        build.Stop();
        var model = await new LineSuggestions(db, TimeProvider.System).ModelAsync(agendaId, default);
        foreach (var (text, language) in tune) model.Suggest(text, language);
        var times = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            foreach (var (text, language) in tune) model.Suggest(text, language);
            times.Add(watch.Elapsed.TotalMilliseconds / tune.Count);
        }
        Console.WriteLine($"per suggestion over {tune.Count} tune texts, five rounds: {string.Join(" ", times.Select(t => t.ToString("F3", CultureInfo.InvariantCulture)))} ms (median {times.Order().ElementAt(2).ToString("F3", CultureInfo.InvariantCulture)} ms)");
        Console.WriteLine($"model build (from the database): {(build.Elapsed.TotalMilliseconds / builds).ToString("F1", CultureInfo.InvariantCulture)} ms");
    }
    else
    {
        var all = rows.Where(r => r.Split == "tune").ToList();
        var ids = registered.ToDictionary(p => p.Value.Id, p => p.Key);
        var best = new List<(double Objective, double Mean, LineSuggester.Settings Settings, string Detail)>();
        // The grid around the settings in force (the earlier searches, over unknown words, title weight, grams of 3 to 5,
        // cross weights and neighbours, are in bench/policy-lines/README.md).
        foreach (var context in new[] { 0.0, 0.5, 1.0 })
        foreach (var text in new[] { 0.5, 1.0 })
        foreach (var vote in new[] { 0.5, 1.0 })
        foreach (var crossText in new[] { 1.0, 1.5 })
        {
            var settings = new LineSuggester.Settings { ContextWeight = context, TextWeight = text, VoteWeight = vote, CrossTextWeight = crossText };
            var model = await new LineSuggestions(db, TimeProvider.System) { Settings = settings }.ModelAsync(agendaId, default);
            var ranked = all.ToDictionary(r => r.Id, r => model.Rank(LineSuggestions.Join(r.Title, r.Summary), r.Language, null, ids[r.Id], confident: false));
            foreach (var relative in new[] { 0.3, 0.5, 0.7 })
            {
                // Each language's threshold is chosen on its own rows: the ranking does not depend on it, and the
                // languages' scores differ in scale (their lines' texts and linked policies differ in number).
                var thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
                var per = new Dictionary<string, (double Ratio, Figures Figures)>(StringComparer.Ordinal);
                foreach (var language in languages)
                {
                    var subset = all.Where(r => r.Language == language).ToList();
                    var top = subset.Select(r => ranked[r.Id]).Where(v => v.Count > 0).Select(v => v[0].Score).Order().ToList();
                    // Midway between two policies' top scores, so that a threshold rounded for the code keeps the same side.
                    var candidates = top.Zip(top.Skip(1), (a, b) => (a + b) / 2).Append(top.Count == 0 ? 0 : top[0] / 2).Append(top.Count == 0 ? 1 : top[^1] + 1);
                    var choice = candidates.Select(t =>
                    {
                        var s = settings with { Thresholds = new Dictionary<string, double> { [language] = t }, Relative = relative };
                        var f = Measure(subset, r => LineSuggester.Confident(ranked[r.Id], r.Language, s));
                        return (Threshold: t, Ratio: Ratio(f, goals), Figures: f);
                    }).OrderByDescending(c => c.Ratio).ThenByDescending(c => c.Figures.Hit + c.Figures.Recall + c.Figures.None).ThenBy(c => c.Threshold).First();
                    thresholds[language] = choice.Threshold;
                    per[language] = (choice.Ratio, choice.Figures);
                }
                // The worst language against its goals decides, so no language is given up for the others.
                best.Add((per.Values.Min(p => p.Ratio), per.Values.Average(p => p.Ratio),
                    settings with { Thresholds = thresholds, Relative = relative },
                    string.Join("  ", per.Select(p => $"{p.Key} {p.Value.Figures.Hit:F2}/{p.Value.Figures.Recall:F2}/{p.Value.Figures.None:F2}"))));
            }
        }
        foreach (var b in best.OrderByDescending(b => b.Objective).ThenByDescending(b => b.Mean).Take(15))
            Console.WriteLine($"{b.Objective:F3} {b.Mean:F3}  context {b.Settings.ContextWeight} text {b.Settings.TextWeight} vote {b.Settings.VoteWeight} unknown {b.Settings.UnknownWords} crossText {b.Settings.CrossTextWeight} crossVote {b.Settings.CrossVoteWeight} " +
                $"gram {b.Settings.GramLength} title {b.Settings.TitleWeight} k {b.Settings.Neighbours} relative {b.Settings.Relative} thresholds " +
                string.Join(",", b.Settings.Thresholds.Select(t => $"{t.Key}={t.Value.ToString("F4", CultureInfo.InvariantCulture)}")) + $"  {b.Detail}");
    }
    return 0;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(directory, recursive: true);
}

static string Cell(double value, double goal) => $"{value:F2} (goal {goal:F1}: {(value >= goal ? "met" : "not met")})";

static double Ratio(Figures f, Figures goals) =>
    Math.Min(f.Hit / goals.Hit, Math.Min(f.Recall / goals.Recall, f.None / goals.None));

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
