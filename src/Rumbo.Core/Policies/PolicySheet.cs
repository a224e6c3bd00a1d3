using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Exports;
using Rumbo.Core.Validation;

namespace Rumbo.Core.Policies;

/// <summary>
/// The register as a table: the export's columns are the import's, so that a country downloads its policies, changes
/// them in a spreadsheet program and uploads the file back (a row with an id changes that policy, one without adds one).
/// The texts are the ones as written, in the row's language; their translations are kept on import.
/// </summary>
public static class PolicySheet
{
    public const string SheetName = "Policies";

    public static readonly string[] Columns =
    [
        "id", "country", "title", "language", "summary", "level", "territory", "instrument", "institution", "start_year", "end_year",
        "budget_amount", "budget_currency", "status", "progress_percent", "progress", "outcomes", "links", "lines", "sdg_targets", "public", "review",
    ];

    /// <summary>Columns written for the reader and ignored on import: the review is the secretariat's, never the file's.</summary>
    public static readonly string[] ReadOnlyColumns = ["review"];

    public static readonly string[] Required = ["title", "language", "level", "instrument", "status"];

    public static string?[] Row(PolicyDetail p) =>
    [
        p.Id.ToString(CultureInfo.InvariantCulture), p.Country.Code, p.Title.Source, p.Language, Blank(p.Summary.Source), p.Level.ToString(), p.Territory,
        p.Instrument.ToString(), p.Institution is { } i ? i.Acronym ?? i.Name.Source : p.InstitutionName,
        p.StartYear?.ToString(CultureInfo.InvariantCulture), p.EndYear?.ToString(CultureInfo.InvariantCulture),
        p.BudgetAmount?.ToString("0.##", CultureInfo.InvariantCulture), p.BudgetCurrency, p.Status.ToString(),
        p.ProgressPercent?.ToString(CultureInfo.InvariantCulture), Blank(p.Progress.Source), Blank(p.Outcomes.Source), string.Join(' ', p.Links),
        string.Join(", ", p.Lines.Select(l => l.Code)), string.Join(", ", p.SdgTargets), p.IsPublic ? "yes" : "no", p.Review.ToString(),
    ];

    /// <summary>An example row for the template, with what each column takes.</summary>
    public static string?[] ExampleRow(string countryCode) =>
    [
        "", countryCode, "National Development Plan (example)", "es", "What the policy does, in a few sentences.", "National", "",
        "Plan", "Ministry of Planning", "2024", "2027", "1500000", "USD", "InImplementation", "40", "What has been done so far.", "", "https://example.org/plan",
        "1.1.1, 2.4.1", "16.6, 17.18", "no", "",
    ];

    private static string? Blank(string s) => s.Length == 0 ? null : s;

    /// <summary>A column's name as a person may have typed it: "Start year", "start-year" and "START_YEAR" are start_year.</summary>
    public static string Fold(string header) =>
        new string(header.Trim().ToLowerInvariant().Select(c => c is ' ' or '-' ? '_' : c).ToArray());
}

/// <summary>What an import found: every problem by row and column, or how many policies it added and changed.</summary>
public sealed record PolicyImportResult(IReadOnlyList<PolicyImportProblem> Problems, int Added, int Changed, bool Conflict = false)
{
    public bool Stored => Problems.Count == 0 && !Conflict;
}

public sealed record PolicyImportProblem(int Row, string? Column, ValidationMessage Message);

/// <summary>
/// A country's policies from a spreadsheet (XLSX or CSV through <see cref="TableImport"/>). Every row passes
/// <see cref="PolicyCheck"/>, as the form's fields do; as the indicators' template, a file with any problem stores
/// nothing, and a file without one is stored in one save.
/// </summary>
public sealed class PolicyImport(RumboDbContext db, PolicyStore store)
{
    public const int MaxRows = 2000;

    private static readonly Dictionary<string, string> FieldColumns = new()
    {
        ["Language"] = "language", ["Title.Source"] = "title", ["Summary.Source"] = "summary", ["Level"] = "level", ["Territory"] = "territory",
        ["Instrument"] = "instrument", ["Institution"] = "institution", ["InstitutionName"] = "institution", ["StartYear"] = "start_year",
        ["EndYear"] = "end_year", ["BudgetAmount"] = "budget_amount", ["BudgetCurrency"] = "budget_currency", ["Status"] = "status",
        ["ProgressPercent"] = "progress_percent", ["Progress.Source"] = "progress", ["Outcomes.Source"] = "outcomes", ["Links"] = "links",
        ["Lines"] = "lines", ["SdgTargets"] = "sdg_targets",
    };

    /// <param name="content">The uploaded file.</param>
    /// <param name="agendaId">The agenda the country's register is for.</param>
    /// <param name="countryId">The country; rows naming another are refused.</param>
    /// <param name="countryCode">Its ISO alpha-2 code.</param>
    /// <param name="byPersonId">Who uploads, kept on the status changes.</param>
    /// <param name="byCountry">Whether a focal point uploads (a reviewed policy changed goes back for review), not the secretariat.</param>
    /// <param name="ct">Cancels the import.</param>
    public async Task<PolicyImportResult> ImportAsync(Stream content, int agendaId, int countryId, string countryCode, int? byPersonId, bool byCountry, CancellationToken ct)
    {
        var problems = new List<PolicyImportProblem>();
        var (reader, problem) = TableImport.Open(content, PolicySheet.SheetName);
        if (reader is null) return new([new(1, null, problem!)], 0, 0);
        using (reader)
        {
            var header = reader.Header.Select(PolicySheet.Fold).ToList();
            var unknown = header.Where(h => h.Length > 0 && !PolicySheet.Columns.Contains(h)).ToList();
            if (unknown.Count > 0) problems.Add(new(1, null, new ValidationMessage("Unknown columns: {0}. The template's columns are {1}.", string.Join(", ", unknown), string.Join(", ", PolicySheet.Columns))));
            var missing = PolicySheet.Required.Where(r => !header.Contains(r)).ToList();
            if (missing.Count > 0) problems.Add(new(1, null, new ValidationMessage("Missing columns: {0}.", string.Join(", ", missing))));
            var twice = header.Where(h => h.Length > 0).GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (twice.Count > 0) problems.Add(new(1, null, new ValidationMessage("Columns given twice: {0}.", string.Join(", ", twice))));
            if (problems.Count > 0) return new(problems, 0, 0);

            var context = await store.ContextAsync(agendaId, countryId, ct);
            var existing = await db.Policies.Where(p => p.AgendaId == agendaId && p.CountryId == countryId)
                .Include(p => p.Lines).Include(p => p.SdgTargets).Include(p => p.StatusChanges).AsSplitQuery().ToDictionaryAsync(p => p.Id, ct);
            var seen = new HashSet<int>();
            var added = 0;
            var changed = 0;
            var count = 0;
            try
            {
                foreach (var row in reader.Rows)
                {
                    if (++count > MaxRows)
                    {
                        problems.Add(new(row.Number, null, new ValidationMessage("A file holds at most {0} policies.", MaxRows)));
                        break;
                    }
                    string? Cell(string column)
                    {
                        var i = header.IndexOf(column);
                        return i < 0 || i >= row.Cells.Count ? null : row.Cells[i];
                    }
                    var rowProblems = new List<PolicyImportProblem>();
                    Policy? policy = null;
                    if (Cell("id") is { } idText)
                    {
                        if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !existing.TryGetValue(id, out policy))
                            rowProblems.Add(new(row.Number, "id", new ValidationMessage("No policy of this country for this agenda has the id {0}.", idText)));
                        else if (!seen.Add(id))
                            rowProblems.Add(new(row.Number, "id", new ValidationMessage("The policy {0} is in the file twice.", idText)));
                    }
                    if (Cell("country") is { } country && !string.Equals(country, countryCode, StringComparison.OrdinalIgnoreCase))
                        rowProblems.Add(new(row.Number, "country", new ValidationMessage("This file is for {0}: the row names {1}.", countryCode, country)));
                    var isPublic = Cell("public");
                    bool? publicChoice = isPublic is null ? false
                        : isPublic.ToLowerInvariant() is "yes" or "y" or "true" or "1" or "sí" or "si" or "sim" or "oui" ? true
                        : isPublic.ToLowerInvariant() is "no" or "n" or "false" or "0" or "não" or "nao" or "non" ? false : null;
                    if (publicChoice is null) rowProblems.Add(new(row.Number, "public", "Write yes or no."));
                    var entry = new PolicyEntry(Cell("language"), Text(Cell("title")), Text(Cell("summary")), Cell("level"), Cell("territory"), Cell("instrument"),
                        null, Cell("institution"), Cell("start_year"), Cell("end_year"), Cell("budget_amount"), Cell("budget_currency"), Cell("status"),
                        Cell("progress_percent"), Text(Cell("progress")), Text(Cell("outcomes")), Cell("links"), Cell("lines"), Cell("sdg_targets"), publicChoice ?? false);
                    var (checkedPolicy, found) = PolicyCheck.Check(entry, context, policy?.Lines.Select(l => l.LineOfActionId) ?? []);
                    rowProblems.AddRange(found.Select(f => new PolicyImportProblem(row.Number, FieldColumns.GetValueOrDefault(f.Field, f.Field), f.Message)));
                    if (rowProblems.Count == 0 && checkedPolicy is not null)
                    {
                        if (policy is null)
                        {
                            store.Create(agendaId, countryId, checkedPolicy, byPersonId);
                            added++;
                        }
                        else
                        {
                            if (checkedPolicy.Status != policy.Status
                                && policy.ChangeStatus(checkedPolicy.Status, store.Today, store.Today, byPersonId, null, store.Now) is { } refusal)
                            {
                                rowProblems.Add(new(row.Number, "status", refusal));
                            }
                            else
                            {
                                store.Apply(policy, checkedPolicy, merge: true);
                                if (db.Entry(policy).State == EntityState.Modified || db.ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && IsOf(e.Entity, policy.Id)))
                                {
                                    if (byCountry) policy.ChangedByCountry();
                                    policy.UpdatedAtUtc = store.Now;
                                    policy.Version++;
                                    changed++;
                                }
                            }
                        }
                    }
                    problems.AddRange(rowProblems);
                }
            }
            catch (InvalidDataException e)
            {
                problems.Add(new(count + 1, null, e.Message));
            }
            if (problems.Count > 0)
            {
                db.ChangeTracker.Clear();
                return new(problems, 0, 0);
            }
            if (count == 0) return new([new(2, null, "The file has no policy.")], 0, 0);
            if (!await db.SaveUnlessRacedAsync(ct)) return new([], 0, 0, Conflict: true);
            return new([], added, changed);
        }
    }

    private static bool IsOf(object entity, int policyId) => entity switch
    {
        PolicyLine l => l.PolicyId == policyId,
        PolicySdgTarget t => t.PolicyId == policyId,
        PolicyStatusChange c => c.PolicyId == policyId,
        _ => false,
    };

    private static LocalizedText Text(string? source) => new() { Source = source ?? "" };
}
