using Rumbo.Core.Capacities;
using System.Globalization;
using Rumbo.Core.Agendas;
using Rumbo.Core.Policies;
using Rumbo.Core.Validation;

namespace Rumbo.Core.RoadMaps;

/// <summary>An action as the form sends it: texts already cleaned, everything else as typed. <see cref="RoadMapCheck"/> reads it.</summary>
public sealed record ActionEntry(
    LocalizedText Title, LocalizedText Description, string? Area, string? Dimension, string? BaselineScore, string? BaselineRound, string? TargetScore,
    string? ResponsibleInstitution, string? ResponsiblePerson, string? StartOn, string? DueOn, string? Status, string? ManualPercent, string? Lines);

public sealed record CheckedAction(
    LocalizedText Title, LocalizedText Description, int AreaId, CapacityDimension Dimension, int? BaselineScore, string? BaselineRound, int? TargetScore,
    string? ResponsibleInstitution, string? ResponsiblePerson, DateOnly? StartOn, DateOnly? DueOn, CapacityActionStatus Status, int? ManualPercent,
    IReadOnlyList<int> LineIds);

/// <summary>A training, mission or exchange as the form sends it; participants one a line as "country; institution; count".</summary>
public sealed record ActivityEntry(
    string? Kind, string? Language, LocalizedText Topic, LocalizedText Outcome, string? StartOn, string? EndOn, string? Mode, string? Providers,
    string? HostCountry, string? Participants, string? Actions, bool IsPublic);

public sealed record CheckedActivity(
    CapacityActivityKind Kind, string Language, LocalizedText Topic, LocalizedText Outcome, DateOnly StartOn, DateOnly EndOn, CapacityActivityMode Mode,
    string? Providers, int? HostCountryId, IReadOnlyList<(int CountryId, string? Institution, int Count)> Participants, IReadOnlyList<int> ActionIds, bool IsPublic);

/// <summary>What a check reads against: the agenda's areas and lines; for activities, the countries and the actions that exist.</summary>
public sealed record RoadMapContext(IReadOnlyList<RoadMapContext.AreaOption> Areas, IReadOnlyList<LineLinks.Line> Lines)
{
    public sealed record AreaOption(int Id, string Code, LocalizedString Title);
}

/// <summary>
/// The one check of a road map's action, a milestone and an activity, shared by the pages and (once it writes) the API.
/// Problems are keyed by the form's field names.
/// </summary>
public static class RoadMapCheck
{
    public const int MaxTitle = 1000;
    public const int MaxText = 20000;
    public const int MaxParticipantRows = 100;

    public static (CheckedAction? Action, IReadOnlyList<(string Field, ValidationMessage Message)> Problems) Check(ActionEntry e, RoadMapContext context, IEnumerable<int> linked)
    {
        var problems = new List<(string, ValidationMessage)>();
        void Add(string field, ValidationMessage m) => problems.Add((field, m));

        if (string.IsNullOrWhiteSpace(e.Title.Source)) Add("Title.Source", "Say what the action is.");
        else if (e.Title.Source.Length > MaxTitle) Add("Title.Source", new ValidationMessage("At most {0} characters.", MaxTitle));
        if (e.Description.Source.Length > MaxText) Add("Description.Source", new ValidationMessage("At most {0} characters.", MaxText));
        foreach (var (prefix, text) in new[] { ("Title", e.Title), ("Description", e.Description) })
        {
            foreach (var (code, translation) in new[] { ("En", text.En), ("Es", text.Es), ("Pt", text.Pt), ("Fr", text.Fr) })
            {
                if (translation?.Length > MaxText) Add($"{prefix}.{code}", new ValidationMessage("At most {0} characters.", MaxText));
            }
        }
        var area = context.Areas.FirstOrDefault(a => a.Code == e.Area?.Trim() || a.Id.ToString(CultureInfo.InvariantCulture) == e.Area?.Trim());
        if (area is null) Add("Area", "Choose the strategic area the action serves.");
        var dimension = PolicyCheck.Parse<CapacityDimension>(e.Dimension);
        if (dimension is null) Add("Dimension", "Choose the dimension of capacity.");
        var baseline = Score(e.BaselineScore, "BaselineScore", problems);
        var target = Score(e.TargetScore, "TargetScore", problems);
        var percent = Score(e.ManualPercent, "ManualPercent", problems);
        var round = Clean(e.BaselineRound);
        if (round?.Length > 100) Add("BaselineRound", new ValidationMessage("At most {0} characters.", 100));
        var institution = Clean(e.ResponsibleInstitution);
        if (institution?.Length > 300) Add("ResponsibleInstitution", new ValidationMessage("At most {0} characters.", 300));
        var person = Clean(e.ResponsiblePerson);
        if (person?.Length > 200) Add("ResponsiblePerson", new ValidationMessage("At most {0} characters.", 200));
        var start = Date(e.StartOn, "StartOn", problems);
        var due = Date(e.DueOn, "DueOn", problems);
        if (start is DateOnly s && due is DateOnly d && d < s) Add("DueOn", "The due date cannot be before the start.");
        var status = PolicyCheck.Parse<CapacityActionStatus>(e.Status);
        if (status is null) Add("Status", "Choose a status.");
        var lines = LineLinks.Resolve(context.Lines, PolicyCheck.LineCodes(e.Lines));
        if (lines.Problem(linked, "Some codes are not lines of action of this agenda: {0}.", "A retired line of action cannot be newly linked: {0}.") is { } lineProblem)
            Add("Lines", lineProblem);
        if (problems.Count > 0) return (null, problems);
        return (new CheckedAction(e.Title, e.Description, area!.Id, dimension!.Value, baseline, round, target, institution, person, start, due, status!.Value,
            percent, lines.Ids), problems);
    }

    /// <summary>A milestone's title (the form's <c>MilestoneTitle</c>) and due date.</summary>
    public static IReadOnlyList<(string Field, ValidationMessage Message)> CheckMilestone(LocalizedText title, string? dueOn, out DateOnly due)
    {
        var problems = new List<(string, ValidationMessage)>();
        if (string.IsNullOrWhiteSpace(title.Source)) problems.Add(("MilestoneTitle.Source", "Name the milestone."));
        else if (title.Source.Length > MaxTitle) problems.Add(("MilestoneTitle.Source", new ValidationMessage("At most {0} characters.", MaxTitle)));
        var date = Date(dueOn, "MilestoneDueOn", problems);
        if (date is null && !problems.Any(p => p.Item1 == "MilestoneDueOn")) problems.Add(("MilestoneDueOn", "Give the date the milestone is due."));
        due = date ?? default;
        return problems;
    }

    public static (CheckedActivity? Activity, IReadOnlyList<(string Field, ValidationMessage Message)> Problems) Check(
        ActivityEntry e, IReadOnlyDictionary<string, int> countries, IReadOnlySet<int> actionIds)
    {
        var problems = new List<(string, ValidationMessage)>();
        void Add(string field, ValidationMessage m) => problems.Add((field, m));
        var kind = PolicyCheck.Parse<CapacityActivityKind>(e.Kind);
        if (kind is null) Add("Kind", "Choose the kind of activity.");
        var language = e.Language?.Trim().ToLowerInvariant();
        if (language is null || !PolicyCheck.Languages.Contains(language)) Add("Language", "Choose the language the texts are written in.");
        if (string.IsNullOrWhiteSpace(e.Topic.Source)) Add("Topic.Source", "Give the topic.");
        else if (e.Topic.Source.Length > MaxTitle) Add("Topic.Source", new ValidationMessage("At most {0} characters.", MaxTitle));
        if (e.Outcome.Source.Length > MaxText) Add("Outcome.Source", new ValidationMessage("At most {0} characters.", MaxText));
        foreach (var (prefix, text) in new[] { ("Topic", e.Topic), ("Outcome", e.Outcome) })
        {
            foreach (var (code, translation) in new[] { ("En", text.En), ("Es", text.Es), ("Pt", text.Pt), ("Fr", text.Fr) })
            {
                if (translation?.Length > MaxText) Add($"{prefix}.{code}", new ValidationMessage("At most {0} characters.", MaxText));
            }
        }
        var start = Date(e.StartOn, "StartOn", problems);
        if (start is null && !problems.Any(p => p.Item1 == "StartOn")) Add("StartOn", "Give the first day.");
        var end = Date(e.EndOn, "EndOn", problems) ?? start;
        if (start is DateOnly s && end is DateOnly en && en < s) Add("EndOn", "The last day cannot be before the first.");
        var mode = PolicyCheck.Parse<CapacityActivityMode>(e.Mode);
        if (mode is null) Add("Mode", "Choose how it is held.");
        var providers = Clean(e.Providers);
        if (providers?.Length > 1000) Add("Providers", new ValidationMessage("At most {0} characters.", 1000));

        int? host = null;
        if (!string.IsNullOrWhiteSpace(e.HostCountry))
        {
            if (countries.TryGetValue(e.HostCountry.Trim().ToUpperInvariant(), out var h)) host = h;
            else Add("HostCountry", "Choose the host country from the list.");
        }
        if (kind == CapacityActivityKind.PeerExchange && host is null && !problems.Any(p => p.Item1 == "HostCountry")) Add("HostCountry", "A peer exchange has a host country.");

        var participants = new List<(int, string?, int)>();
        var rows = (e.Participants ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (rows.Length > MaxParticipantRows) Add("Participants", new ValidationMessage("At most {0} lines.", MaxParticipantRows));
        else
        {
            var bad = new List<string>();
            for (var i = 0; i < rows.Length; i++)
            {
                var cells = rows[i].Split(';', StringSplitOptions.TrimEntries);
                if (cells.Length is < 2 or > 3 || !countries.TryGetValue(cells[0].ToUpperInvariant(), out var country)
                    || !int.TryParse(cells[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 100000
                    || (cells.Length == 3 && cells[1].Length > 300))
                {
                    bad.Add((i + 1).ToString(CultureInfo.InvariantCulture));
                    continue;
                }
                participants.Add((country, cells.Length == 3 && cells[1].Length > 0 ? cells[1] : null, count));
            }
            if (bad.Count > 0) Add("Participants", new ValidationMessage("Lines {0} are not \"country code; institution; number of people\".", string.Join(", ", bad)));
        }
        if (kind == CapacityActivityKind.PeerExchange && host is int hostId && participants.Count > 0 && participants.All(p => p.Item1 == hostId))
            Add("Participants", "A peer exchange has visiting countries besides the host.");

        var actions = new List<int>();
        foreach (var part in (e.Actions ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && actionIds.Contains(id)) { if (!actions.Contains(id)) actions.Add(id); }
            else { Add("Actions", new ValidationMessage("Not the number of an action of a road map: {0}.", part.Length > 20 ? part[..20] : part)); break; }
        }
        if (problems.Count > 0) return (null, problems);
        return (new CheckedActivity(kind!.Value, language!, e.Topic, e.Outcome, start!.Value, end!.Value, mode!.Value, providers, host, participants, actions, e.IsPublic), problems);
    }

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static int? Score(string? text, string field, List<(string, ValidationMessage)> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim().TrimEnd('%').Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v <= 100) return v;
        problems.Add((field, "Give a whole number from 0 to 100."));
        return null;
    }

    private static DateOnly? Date(string? text, string field, List<(string, ValidationMessage)> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            problems.Add((field, "Enter a date as year, month and day."));
            return null;
        }
        if (!DateBounds.Contains(d))
        {
            problems.Add((field, DateBounds.Outside));
            return null;
        }
        return d;
    }
}
