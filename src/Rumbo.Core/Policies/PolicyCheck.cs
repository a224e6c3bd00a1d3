using System.Globalization;
using Rumbo.Core.Agendas;
using Rumbo.Core.Indicators;
using Rumbo.Core.Validation;

namespace Rumbo.Core.Policies;

/// <summary>
/// A policy as sent by any way in (the form, the API, a row of a spreadsheet): texts already cleaned, everything else as
/// typed. <see cref="PolicyCheck"/> reads it.
/// </summary>
public sealed record PolicyEntry(
    string? Language, LocalizedText Title, LocalizedText Summary, string? Level, string? Territory, string? Instrument,
    string? Institution, string? InstitutionName, string? StartYear, string? EndYear, string? BudgetAmount, string? BudgetCurrency,
    string? Status, string? ProgressPercent, LocalizedText Progress, LocalizedText Outcomes, string? Links, string? Lines, string? SdgTargets,
    bool IsPublic);

/// <summary>A policy that passed the check, ready to be written on an entity.</summary>
public sealed record CheckedPolicy(
    string Language, LocalizedText Title, LocalizedText Summary, PolicyLevel Level, string? Territory, PolicyInstrument Instrument,
    int? InstitutionId, string? InstitutionName, int? StartYear, int? EndYear, decimal? BudgetAmount, string? BudgetCurrency,
    PolicyStatus Status, int? ProgressPercent, LocalizedText Progress, LocalizedText Outcomes, IReadOnlyList<string> Links,
    IReadOnlyList<int> LineIds, IReadOnlyList<string> SdgTargets, bool IsPublic);

/// <summary>What a check reads an entry against: the agenda's lines and the country's institutions.</summary>
public sealed record PolicyContext(IReadOnlyList<LineLinks.Line> Lines, IReadOnlyList<PolicyContext.InstitutionOption> Institutions)
{
    public sealed record InstitutionOption(int Id, string? Acronym, LocalizedString Name);
}

/// <summary>
/// The one check of a policy, shared by the form, the API and the spreadsheet import, so that the three refuse the same
/// things with the same messages. Problems are keyed by the form's field names.
/// </summary>
public static class PolicyCheck
{
    public const int MaxTitle = 1000;
    public const int MaxText = 20000;

    public static readonly string[] Languages = ["es", "pt", "en", "fr"];

    /// <summary>Reads an entry; <paramref name="linked"/> are the lines the policy links already (a retired one may stay).</summary>
    public static (CheckedPolicy? Policy, IReadOnlyList<(string Field, ValidationMessage Message)> Problems) Check(
        PolicyEntry e, PolicyContext context, IEnumerable<int> linked)
    {
        var problems = new List<(string, ValidationMessage)>();
        void Add(string field, ValidationMessage m) => problems.Add((field, m));

        var language = e.Language?.Trim().ToLowerInvariant();
        if (language is null || !Languages.Contains(language)) Add("Language", "Choose the language the texts are written in.");
        if (string.IsNullOrWhiteSpace(e.Title.Source)) Add("Title.Source", "Give the policy's title.");
        else if (e.Title.Source.Length > MaxTitle) Add("Title.Source", new ValidationMessage("At most {0} characters.", MaxTitle));
        foreach (var (field, text) in new[] { ("Summary.Source", e.Summary), ("Progress.Source", e.Progress), ("Outcomes.Source", e.Outcomes) })
        {
            if (text.Source.Length > MaxText) Add(field, new ValidationMessage("At most {0} characters.", MaxText));
        }
        // The form's inputs bound the translations; the API's JSON and a spreadsheet do not.
        foreach (var (prefix, text) in new[] { ("Title", e.Title), ("Summary", e.Summary), ("Progress", e.Progress), ("Outcomes", e.Outcomes) })
        {
            foreach (var (code, translation) in new[] { ("En", text.En), ("Es", text.Es), ("Pt", text.Pt), ("Fr", text.Fr) })
            {
                if (translation?.Length > MaxText) Add($"{prefix}.{code}", new ValidationMessage("At most {0} characters.", MaxText));
            }
        }

        var level = Choice<PolicyLevel>(e.Level, "Level", "Choose national or subnational.", problems);
        var territory = string.IsNullOrWhiteSpace(e.Territory) ? null : string.Join(' ', e.Territory.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (level == PolicyLevel.Subnational && territory is null) Add("Territory", "Name the subnational territory (a region, state or municipality).");
        else if (territory?.Length > 200) Add("Territory", new ValidationMessage("At most {0} characters.", 200));
        if (level == PolicyLevel.National) territory = null;
        var instrument = Choice<PolicyInstrument>(e.Instrument, "Instrument", "Choose the kind of instrument.", problems);
        var status = Choice<PolicyStatus>(e.Status, "Status", "Choose a status.", problems);

        int? institutionId = null;
        var institutionName = string.IsNullOrWhiteSpace(e.InstitutionName) ? null : string.Join(' ', e.InstitutionName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (!string.IsNullOrWhiteSpace(e.Institution))
        {
            if (int.TryParse(e.Institution.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && context.Institutions.Any(i => i.Id == id)) institutionId = id;
            else Add("Institution", "Choose an institution from the list.");
        }
        else if (institutionName is not null)
        {
            // A name typed (or a spreadsheet's cell) that is an institution of the country in the directory links it.
            var found = context.Institutions.Where(i => string.Equals(i.Acronym, institutionName, StringComparison.OrdinalIgnoreCase)
                || OfficialLanguages.All.Select(l => i.Name.In(l)).Append(i.Name.Source).Any(n => string.Equals(n, institutionName, StringComparison.OrdinalIgnoreCase))).ToList();
            if (found.Count == 1) institutionId = found[0].Id;
        }
        if (institutionId is not null) institutionName = null;
        else if (institutionName?.Length > 300) Add("InstitutionName", new ValidationMessage("At most {0} characters.", 300));

        var start = Year(e.StartYear, "StartYear", problems);
        var end = Year(e.EndYear, "EndYear", problems);
        if (start is int s && end is int en && en < s) Add("EndYear", "The last year cannot be before the first.");

        decimal? amount = null;
        string? currency = null;
        if (!string.IsNullOrWhiteSpace(e.BudgetAmount))
        {
            var text = e.BudgetAmount.Trim().Replace(" ", "", StringComparison.Ordinal);
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var a) || a >= 1_000_000_000_000_000m)
                Add("BudgetAmount", "Write the amount as a number without separators of thousands, such as 1500000.50.");
            else amount = decimal.Round(a, 2);
        }
        if (!string.IsNullOrWhiteSpace(e.BudgetCurrency))
        {
            currency = e.BudgetCurrency.Trim().ToUpperInvariant();
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)) Add("BudgetCurrency", "Give the currency's ISO 4217 code, such as CLP, BRL or USD.");
        }
        if (amount is not null && currency is null && !problems.Any(p => p.Item1 == "BudgetCurrency")) Add("BudgetCurrency", "Give the currency of the budget.");
        if (amount is null) currency = null;

        int? percent = null;
        if (!string.IsNullOrWhiteSpace(e.ProgressPercent))
        {
            if (int.TryParse(e.ProgressPercent.Trim().TrimEnd('%').Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pc) && pc <= 100) percent = pc;
            else Add("ProgressPercent", "Give the progress as a whole number from 0 to 100.");
        }

        var links = PolicyLinks.Split(e.Links);
        var badLinks = links.Where(l => !PolicyLinks.IsWebAddress(l)).ToList();
        if (badLinks.Count > 0) Add("Links", new ValidationMessage("Not a web address starting with https:// or http://: {0}.", string.Join(", ", badLinks)));
        else if (links.Count > PolicyLinks.MaxCount) Add("Links", new ValidationMessage("At most {0} links.", PolicyLinks.MaxCount));
        else if ((PolicyLinks.Join(links)?.Length ?? 0) > PolicyLinks.MaxLength) Add("Links", new ValidationMessage("At most {0} characters.", PolicyLinks.MaxLength));

        var lines = LineLinks.Resolve(context.Lines, LineCodes(e.Lines));
        if (lines.Problem(linked, "Some codes are not lines of action of this agenda: {0}.", "A retired line of action cannot be newly linked: {0}.") is { } lineProblem)
            Add("Lines", lineProblem);

        var sdg = SdgTargets.Split(e.SdgTargets);
        var badSdg = SdgTargets.Invalid(sdg);
        if (badSdg.Count > 0) Add("SdgTargets", new ValidationMessage(SdgTargets.Refused, string.Join(", ", badSdg)));

        if (problems.Count > 0) return (null, problems);
        return (new CheckedPolicy(language!, e.Title, e.Summary, level!.Value, territory, instrument!.Value, institutionId, institutionName,
            start, end, amount, currency, status!.Value, percent, e.Progress, e.Outcomes, links, lines.Ids, sdg, e.IsPublic), problems);
    }

    public static IEnumerable<string> LineCodes(string? text) =>
        (text ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// An enum value by its name, as the form sends it or a person types it in a spreadsheet ("In implementation",
    /// "in-implementation", "InImplementation"); never a number, which Enum.TryParse would take.
    /// </summary>
    public static TEnum? Parse<TEnum>(string? text) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var folded = new string(text.Where(char.IsLetter).ToArray());
        if (folded.Length == 0) return null;
        foreach (var v in Enum.GetValues<TEnum>())
        {
            if (string.Equals(v.ToString(), folded, StringComparison.OrdinalIgnoreCase)) return v;
        }
        return null;
    }

    private static TEnum? Choice<TEnum>(string? text, string field, string message, List<(string, ValidationMessage)> problems) where TEnum : struct, Enum
    {
        var v = Parse<TEnum>(text);
        if (v is null) problems.Add((field, message));
        return v;
    }

    private static int? Year(string? text, string field, List<(string, ValidationMessage)> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200) return y;
        problems.Add((field, new ValidationMessage("Give a year from {0} to {1}.", 1900, 2200)));
        return null;
    }
}
