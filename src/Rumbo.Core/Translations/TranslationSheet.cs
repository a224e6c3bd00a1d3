using Rumbo.Core.Exports;
using Rumbo.Core.Validation;

namespace Rumbo.Core.Translations;

/// <summary>
/// The same texts as the XLIFF file, as a table for a spreadsheet (written by <see cref="TableExport"/>, read by
/// <see cref="TableImport"/>): id, what, source, translation, status. The translation's column names its language,
/// <c>translation (fr)</c>, so that a file for another language is refused.
/// </summary>
public static class TranslationSheet
{
    public const string IdColumn = "id";
    public const string WhatColumn = "what";
    public const string SourceColumn = "source";
    public const string TranslationColumn = "translation";
    public const string StatusColumn = "status";

    public static IReadOnlyList<string> Header(string language) =>
        [IdColumn, WhatColumn, SourceColumn, $"{TranslationColumn} ({language})", StatusColumn];

    public static IEnumerable<string?[]> Rows(TranslationStatus status, string language, Func<TranslationText, string> label, Func<TranslationState, string> state) =>
        status.In(language).Select(s => new[] { s.Text.UnitId, label(s.Text), s.Text.Text.Source, s.Translation, state(s.State) });

    public const string NoIdColumn = "The table has no \"id\" column: upload the file as it was downloaded, with its header row.";
    public const string NoTranslationColumn = "The table has no \"translation\" column: upload the file as it was downloaded, with its header row.";

    /// <summary>Reads a filled table; a file that cannot be read gives a problem, never an exception.</summary>
    public static (TranslationFile? File, ValidationMessage? Problem) Read(Stream content)
    {
        var (table, problem) = TableImport.Open(content);
        if (table is null) return (null, problem ?? TableImport.NotATable);
        using (table)
        {
            var header = table.Header.Select(h => h.Trim().ToLowerInvariant()).ToList();
            var id = header.IndexOf(IdColumn);
            var source = header.IndexOf(SourceColumn);
            var translation = header.FindIndex(h => h == TranslationColumn || h.StartsWith(TranslationColumn + " (", StringComparison.Ordinal));
            if (id < 0) return (null, NoIdColumn);
            if (translation < 0) return (null, NoTranslationColumn);
            string? language = null;
            if (header[translation] is { Length: > 0 } named && named.EndsWith(')') && named.Length > TranslationColumn.Length + 3)
                language = named[(TranslationColumn.Length + 2)..^1];
            var units = new List<ReadUnit>();
            try
            {
                foreach (var row in table.Rows)
                {
                    string? Cell(int i) => i >= 0 && i < row.Cells.Count ? Undefuse(row.Cells[i]) : null;
                    var unitId = Cell(id)?.Trim();
                    if (string.IsNullOrEmpty(unitId)) continue;
                    units.Add(new ReadUnit(unitId, source < 0 ? null : Cell(source) ?? "", Cell(translation)));
                }
            }
            catch (InvalidDataException e)
            {
                _ = e;
                return (null, TableImport.Damaged);
            }
            return (new TranslationFile("table", null, language, [], units), null);
        }
    }

    /// <summary>The CSV writer quotes a cell that a spreadsheet would run as a formula; the quote is taken off again.</summary>
    private static string? Undefuse(string? cell) =>
        cell is { Length: > 1 } && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;
}
