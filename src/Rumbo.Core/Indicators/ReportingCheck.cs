using System.Globalization;
using Rumbo.Core.Agendas;
using Rumbo.Core.Validation;

namespace Rumbo.Core.Indicators;

/// <summary>
/// A row of a country's report as the file or form gave it: every cell as text (null when empty). <see cref="Row"/> is
/// the row number a spreadsheet shows (the form numbers its rows the same way).
/// </summary>
public sealed record ReportedRow(
    int Row, string? Indicator, string? Country, string? Year, IReadOnlyDictionary<string, string?> Dimensions,
    string? Value, string? Source, string? Notes, string? Evidence);

/// <summary>A problem of one cell (or of the whole row when <see cref="Column"/> is "row"), for the person who reports.</summary>
public sealed record RowProblem(int Row, string Column, ValidationMessage Message);

/// <summary>A value that passed every check, ready to be saved as a draft; <see cref="StoredId"/> is the stored value it replaces, if any.</summary>
public sealed record CheckedValue(
    int Row, int IndicatorId, string IndicatorCode, int VersionId, int Year, string Breakdown, double Value, string Source, string Notes, string? Evidence,
    int? StoredId = null);

/// <summary>What a check found: the values to save, the problems (none means the report can be saved), the rows equal to what is stored.</summary>
public sealed record ReportCheck(IReadOnlyList<CheckedValue> Values, IReadOnlyList<RowProblem> Problems, int Unchanged, int Empty);

/// <summary>An indicator as reporting needs it: its current version's rules.</summary>
public sealed record ReportingIndicator(
    int Id, string Code, LocalizedString Title, int VersionId, IndicatorUnit Unit, int Decimals, double? Minimum, double? Maximum,
    IReadOnlyList<Disaggregations.Dimension> Dimensions);

/// <summary>A value already stored for the country, for the checks (locks, jumps) and the form.</summary>
public sealed record StoredValue(int Id, int VersionId, int Year, string Breakdown, double Value, ValueStatus Status, string Source, string Notes, string? Evidence, int Version);

/// <summary>
/// The checks every report of values goes through, whether typed in the form, uploaded as the template or sent to the
/// bulk API: types, units, ranges, years, breakdowns, duplicates, locks, and a jump far outside the series without a
/// note. Completeness is counted, not refused: a country may report what it has.
/// </summary>
public static class ReportingCheck
{
    /// <summary>The template's columns, in order; the dimension columns go between year and value.</summary>
    public const string IndicatorColumn = "indicator", TitleColumn = "title", UnitColumn = "unit", CountryColumn = "country", YearColumn = "year",
        ValueColumn = "value", SourceColumn = "source", NotesColumn = "notes", EvidenceColumn = "evidence_url", StatusColumn = "status";

    public static IReadOnlyList<string> Columns =>
        [IndicatorColumn, TitleColumn, UnitColumn, CountryColumn, YearColumn, .. Disaggregations.All.Select(d => d.Code), ValueColumn, SourceColumn, NotesColumn, EvidenceColumn, StatusColumn];

    /// <summary>Columns a file must have.</summary>
    public static readonly IReadOnlyList<string> Required = [IndicatorColumn, YearColumn, ValueColumn];

    public const int MaxSource = 500, MaxNotes = 2000, MaxEvidence = 2000;

    /// <summary>
    /// A value that moves by more than half from the nearest earlier year of the series, and by more than three times the
    /// series' usual yearly change, is far outside it and needs a note.
    /// </summary>
    public const double JumpShare = 0.5, JumpTimesUsual = 3;

    /// <summary>The problems of a file's header: a required column missing, or a column the template does not have.</summary>
    public static IReadOnlyList<RowProblem> CheckHeader(IReadOnlyList<string> header)
    {
        var problems = new List<RowProblem>();
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        foreach (var required in Required.Where(r => !names.Contains(r)))
        {
            problems.Add(new RowProblem(1, required, new ValidationMessage("The column {0} is missing.", required)));
        }
        foreach (var unknown in names.Where(n => n.Length > 0 && !Columns.Contains(n)).Distinct())
        {
            problems.Add(new RowProblem(1, unknown, new ValidationMessage("The column {0} is not one of the template's.", unknown)));
        }
        return problems;
    }

    /// <summary>Checks rows for one country against the agenda's indicators and what the country has stored.</summary>
    /// <param name="indicators">The agenda's indicators, by code.</param>
    /// <param name="stored">The country's stored values (of the indicators' current versions).</param>
    /// <param name="countryCode">The country reported for (ISO alpha-2); a row naming another country is refused.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="lastYear">The latest year a value may be for (the current year).</param>
    public static ReportCheck Check(
        IReadOnlyDictionary<string, ReportingIndicator> indicators, IReadOnlyList<StoredValue> stored, string countryCode,
        IEnumerable<ReportedRow> rows, int lastYear)
    {
        var problems = new List<RowProblem>();
        var values = new List<CheckedValue>();
        var unchanged = 0;
        var empty = 0;
        var seen = new Dictionary<(int VersionId, string Breakdown, int Year), int>();
        var storedByKey = stored.ToDictionary(s => (s.VersionId, s.Breakdown, s.Year));
        foreach (var r in rows)
        {
            void Say(string column, ValidationMessage message) => problems.Add(new RowProblem(r.Row, column, message));

            if (r.Value is null && r.Source is null && r.Notes is null && r.Evidence is null)
            {
                // A template row left empty: not reported, counted for completeness only.
                empty++;
                continue;
            }
            if (r.Indicator is null || !indicators.TryGetValue(r.Indicator.Trim(), out var indicator))
            {
                Say(IndicatorColumn, r.Indicator is null ? "Give the indicator's code." : new ValidationMessage("{0} is not an indicator of this agenda.", r.Indicator));
                continue;
            }
            if (r.Country is { } c && !string.Equals(c.Trim(), countryCode, StringComparison.OrdinalIgnoreCase))
            {
                Say(CountryColumn, new ValidationMessage("This report is for {0}; the row is for {1}.", countryCode, c));
            }
            int year = 0;
            if (r.Year is null || !int.TryParse(r.Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) || year < SeriesInput.FirstYear || year > lastYear)
            {
                Say(YearColumn, new ValidationMessage("Enter a year from {0} to {1}.", SeriesInput.FirstYear, lastYear));
                continue;
            }
            var (breakdown, dimProblem, dimArgument) = Disaggregations.Check(indicator.Dimensions, r.Dimensions);
            if (breakdown is null)
            {
                var column = r.Dimensions.FirstOrDefault(d => d.Value is not null && (d.Key == dimArgument || d.Value.Trim() == dimArgument)).Key ?? "row";
                Say(column, new ValidationMessage(dimProblem!, dimArgument!));
                continue;
            }
            if (r.Value is null)
            {
                Say(ValueColumn, "Enter the value, or leave the whole row empty.");
                continue;
            }
            if (ParseNumber(r.Value) is not double value)
            {
                Say(ValueColumn, new ValidationMessage("{0} is not a number.", r.Value));
                continue;
            }
            var ok = true;
            if (indicator.Minimum is double min && value < min || indicator.Maximum is double max && value > max)
            {
                Say(ValueColumn, new ValidationMessage("The value must be from {0} to {1}.", Show(indicator.Minimum), Show(indicator.Maximum)));
                ok = false;
            }
            else if (Decimals(r.Value) > indicator.Decimals)
            {
                Say(ValueColumn, new ValidationMessage("Give the value with at most {0} decimals.", indicator.Decimals));
                ok = false;
            }
            var source = r.Source?.Trim() ?? "";
            var notes = r.Notes?.Trim() ?? "";
            var evidence = r.Evidence?.Trim();
            if (source.Length > MaxSource) { Say(SourceColumn, new ValidationMessage("At most {0} characters.", MaxSource)); ok = false; }
            if (notes.Length > MaxNotes) { Say(NotesColumn, new ValidationMessage("At most {0} characters.", MaxNotes)); ok = false; }
            if (evidence is not null && (evidence.Length > MaxEvidence || !Uri.TryCreate(evidence, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                Say(EvidenceColumn, "Give the evidence as a web address starting with https:// or http://.");
                ok = false;
            }
            var key = (indicator.VersionId, breakdown, year);
            if (seen.TryGetValue(key, out var first))
            {
                Say("row", new ValidationMessage("The same indicator, year and breakdown are already on row {0}.", first));
                continue;
            }
            seen[key] = r.Row;
            if (storedByKey.TryGetValue(key, out var existing))
            {
                var same = existing.Value == value && existing.Source == source && existing.Notes == notes && existing.Evidence == evidence;
                if (existing.Status is ValueStatus.Approved or ValueStatus.Submitted)
                {
                    if (same) { unchanged++; continue; }
                    Say(ValueColumn, existing.Status == ValueStatus.Approved
                        ? "This value is approved and locked; the secretariat must unlock it before it can change."
                        : "This value has been submitted; the secretariat must return it before it can change.");
                    continue;
                }
                if (same && existing.Status == ValueStatus.Draft) { unchanged++; continue; }
            }
            if (!ok) continue;
            values.Add(new CheckedValue(r.Row, indicator.Id, indicator.Code, indicator.VersionId, year, breakdown, value, source, notes, evidence, existing?.Id));
        }

        // Units and jumps are read against the whole series: what is stored and what the report brings. The stored values
        // are grouped by series once: looking them up per series would grow with the square of a country's values.
        var storedSeries = stored.ToLookup(s => (s.VersionId, s.Breakdown));
        var byVersion = indicators.Values.GroupBy(i => i.VersionId).ToDictionary(g => g.Key, g => g.First());
        foreach (var group in values.GroupBy(v => (v.VersionId, v.Breakdown)))
        {
            var indicator = byVersion[group.Key.VersionId];
            var reportedYears = group.Select(g => g.Year).ToHashSet();
            var storedOfSeries = storedSeries[group.Key];
            var series = storedOfSeries.Where(s => !reportedYears.Contains(s.Year))
                .Select(s => (s.Year, s.Value)).Concat(group.Select(g => (g.Year, g.Value))).OrderBy(p => p.Year).ToList();
            if (indicator.Unit == IndicatorUnit.Percent)
            {
                var storedAbove1 = storedOfSeries.Any(s => Math.Abs(s.Value) > 1);
                foreach (var v in group.Where(v => storedAbove1 && v.Value != 0 && Math.Abs(v.Value) < 1))
                {
                    problems.Add(new RowProblem(v.Row, ValueColumn, new ValidationMessage("{0} looks like a fraction: percentages are written from 0 to 100.", Show(v.Value))));
                }
            }
            var usual = UsualChange(series);
            foreach (var v in group.Where(v => v.Notes.Length == 0))
            {
                var previous = series.LastOrDefault(p => p.Year < v.Year && p.Year >= v.Year - 3);
                if (previous.Year == 0) continue;
                var change = Math.Abs(v.Value - previous.Value);
                if (change > JumpShare * Math.Max(Math.Abs(previous.Value), 1e-9) && (usual is null || change > JumpTimesUsual * usual))
                {
                    problems.Add(new RowProblem(v.Row, NotesColumn,
                        new ValidationMessage("{0} is far from {1} in {2}: explain the change in a note.", Show(v.Value), Show(previous.Value), previous.Year)));
                }
            }
        }
        var sorted = problems.OrderBy(p => p.Row).ThenBy(p => Columns.ToList().IndexOf(p.Column)).ToList();
        return new ReportCheck(sorted.Count == 0 ? values : [], sorted, unchanged, empty);
    }

    /// <summary>The median of the series' yearly absolute changes, when it has three changes or more.</summary>
    private static double? UsualChange(IReadOnlyList<(int Year, double Value)> series)
    {
        var changes = series.Zip(series.Skip(1), (a, b) => Math.Abs(b.Value - a.Value) / Math.Max(1, b.Year - a.Year)).Order().ToList();
        return changes.Count < 3 ? null : changes[changes.Count / 2];
    }

    /// <summary>
    /// A number as files carry it: with a point, or with a decimal comma as spreadsheets in Spanish, Portuguese and French
    /// save it (one comma, no point); no thousands separators.
    /// </summary>
    public static double? ParseNumber(string text)
    {
        text = text.Trim();
        if (text.Length > 0 && text[0] == '\'') text = text[1..];
        if (text.Count(ch => ch == ',') == 1 && !text.Contains('.', StringComparison.Ordinal)) text = text.Replace(',', '.');
        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d)
            && double.IsFinite(d) ? d : null;
    }

    private static int Decimals(string text)
    {
        text = text.Trim();
        if (text.Contains('e', StringComparison.OrdinalIgnoreCase)) return 0;
        var separator = text.LastIndexOfAny(['.', ',']);
        return separator < 0 ? 0 : text.Length - separator - 1;
    }

    private static string Show(double? d) => d is double v ? v.ToString("R", CultureInfo.InvariantCulture) : "–";
}
