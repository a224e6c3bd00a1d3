using System.Globalization;
using Rumbo.Core.Agendas;
using Rumbo.Core.Exports;

namespace Rumbo.Core.Indicators;

/// <summary>
/// The spreadsheet a country fills: one row per indicator, breakdown and year of the round, pre-filled with what is
/// stored, in the columns of <see cref="ReportingCheck.Columns"/>; and its reading back through the same checks as the
/// form. The sheet is named <see cref="SheetName"/>.
/// </summary>
public static class ReportingTemplate
{
    public const string SheetName = "Values";

    /// <summary>The largest file taken: a country's template with every breakdown is far smaller.</summary>
    public const long MaxUpload = 20 * 1024 * 1024;

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The template's rows for a country and the years given, under the header <see cref="ReportingCheck.Columns"/>.</summary>
    public static IEnumerable<string?[]> Rows(
        IEnumerable<ReportingIndicator> indicators, IReadOnlyList<StoredValue> stored, string countryCode, int firstYear, int lastYear, string language)
    {
        var columns = ReportingCheck.Columns;
        var byKey = stored.ToDictionary(s => (s.VersionId, s.Breakdown, s.Year));
        foreach (var i in indicators.OrderBy(i => i.Code, CodeComparer.Instance))
        {
            foreach (var breakdown in Disaggregations.Breakdowns(i.Dimensions))
            {
                var pairs = Disaggregations.Read(breakdown);
                for (var year = firstYear; year <= lastYear; year++)
                {
                    var s = byKey.GetValueOrDefault((i.VersionId, breakdown, year));
                    var row = new string?[columns.Count];
                    for (var c = 0; c < columns.Count; c++)
                    {
                        row[c] = columns[c] switch
                        {
                            ReportingCheck.IndicatorColumn => i.Code,
                            ReportingCheck.TitleColumn => i.Title.In(language, "en").Text,
                            ReportingCheck.UnitColumn => i.Unit.ToString(),
                            ReportingCheck.CountryColumn => countryCode,
                            ReportingCheck.YearColumn => year.ToString(CultureInfo.InvariantCulture),
                            ReportingCheck.ValueColumn => s is null ? null : Number(s.Value),
                            ReportingCheck.SourceColumn => s?.Source,
                            ReportingCheck.NotesColumn => s?.Notes,
                            ReportingCheck.EvidenceColumn => s?.Evidence,
                            ReportingCheck.StatusColumn => s?.Status.ToString(),
                            var dim => pairs.GetValueOrDefault(dim),
                        };
                    }
                    yield return row;
                }
            }
        }
    }

    public sealed record ReadResult(ReportCheck? Check, string? Problem);

    /// <summary>
    /// Reads a filled template (XLSX or CSV, known by its content) and checks it whole; the header's problems and the
    /// rows' are all listed. Nothing is stored here.
    /// </summary>
    public static ReadResult Read(Stream content, IReadOnlyDictionary<string, ReportingIndicator> indicators, IReadOnlyList<StoredValue> stored,
        string countryCode, int lastYear)
    {
        var (reader, problem) = TableImport.Open(content, SheetName);
        if (reader is null) return new ReadResult(null, problem ?? "The file could not be read.");
        using (reader)
        {
            var header = reader.Header.Select(h => h.Trim().ToLowerInvariant()).ToList();
            var headerProblems = ReportingCheck.CheckHeader(header);
            // Without a required column no row can be read; a column the template does not have is listed with the rows' problems.
            if (ReportingCheck.Required.Any(r => !header.Contains(r))) return new ReadResult(new ReportCheck([], headerProblems, 0, 0), null);
            try
            {
                var check = ReportingCheck.Check(indicators, stored, countryCode, Reported(reader, header), lastYear);
                return new ReadResult(headerProblems.Count == 0 ? check : check with { Values = [], Problems = [.. headerProblems, .. check.Problems] }, null);
            }
            catch (InvalidDataException e)
            {
                // A workbook damaged after its header: the reader says where.
                return new ReadResult(null, e.Message);
            }
        }
    }

    /// <summary>The rows of an open table as reported rows, by the columns its header names (lower case).</summary>
    public static IEnumerable<ReportedRow> Reported(TableReader reader, IReadOnlyList<string> header)
    {
        var list = header.ToList();
        int Col(string name) => list.IndexOf(name);
        var (ind, country, year, value, source, notes, evidence) =
            (Col(ReportingCheck.IndicatorColumn), Col(ReportingCheck.CountryColumn), Col(ReportingCheck.YearColumn), Col(ReportingCheck.ValueColumn),
             Col(ReportingCheck.SourceColumn), Col(ReportingCheck.NotesColumn), Col(ReportingCheck.EvidenceColumn));
        var dims = Disaggregations.All.Select(d => (d.Code, Index: Col(d.Code))).Where(d => d.Index >= 0).ToList();
        var codes = dims.Select(d => d.Code).ToArray();
        string? Cell(ImportedRow r, int index) => index >= 0 && index < r.Cells.Count ? r.Cells[index] : null;
        return reader.Rows.Select(r =>
        {
            var cells = new string?[codes.Length];
            for (var i = 0; i < cells.Length; i++) cells[i] = Cell(r, dims[i].Index);
            return new ReportedRow(r.Number, Cell(r, ind), Cell(r, country), Cell(r, year), new BreakdownCells(codes, cells), Cell(r, value),
                Cell(r, source), Cell(r, notes), Cell(r, evidence));
        });
    }

    /// <summary>
    /// A row's breakdown cells by dimension code, over the header's columns: a million rows of an import make no
    /// dictionary each (the collector was a third of the import's time).
    /// </summary>
    private sealed class BreakdownCells(string[] codes, string?[] cells) : IReadOnlyDictionary<string, string?>
    {
        public string? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        public IEnumerable<string> Keys => codes;

        public IEnumerable<string?> Values => cells;

        public int Count => codes.Length;

        public bool ContainsKey(string key) => Array.IndexOf(codes, key) >= 0;

        public bool TryGetValue(string key, out string? value)
        {
            var i = Array.IndexOf(codes, key);
            value = i >= 0 ? cells[i] : null;
            return i >= 0;
        }

        public IEnumerator<KeyValuePair<string, string?>> GetEnumerator()
        {
            for (var i = 0; i < codes.Length; i++) yield return new(codes[i], cells[i]);
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
