using System.Text;
using System.Text.Json;

namespace Rumbo.Core.Agendas.Import;

/// <summary>
/// Reads the JSON export back, refusing anything the document parsers would never have produced: a missing symbol
/// or title, numbering that is not 1..n (areas and principles in order; objectives and lines in display order,
/// each number once), empty texts.
/// </summary>
internal static class AgendaJsonReader
{
    public static AgendaDocument Read(string json)
    {
        json = json.TrimStart('\uFEFF');
        AgendaDocument document;
        try
        {
            document = AgendaJson.Deserialize(json);
        }
        catch (JsonException e)
        {
            // LineNumber is 0-based, and absent when the error is not tied to a position.
            throw new AgendaFormatException($"invalid agenda JSON: {e.Message}", (int)(e.LineNumber ?? 0) + 1);
        }

        Validate(document, new Lines(json));
        return document;
    }

    private static void Validate(AgendaDocument document, Lines lines)
    {
        Require(!string.IsNullOrWhiteSpace(document.Symbol), "the agenda has no symbol", lines.Of("$.symbol"));
        RequireText(document.Title, "title", "$.title", lines);
        RequireText(document.AdoptingBody, "adopting body", "$.adoptingBody", lines);
        RequireText(document.AreaLevelName, "area level name", "$.areaLevelName", lines);
        Require(!string.IsNullOrWhiteSpace(document.DocumentLanguage), "the agenda has no document language", lines.Of("$.documentLanguage"));
        Require(!string.IsNullOrWhiteSpace(document.OriginalLanguage), "the agenda has no original language", lines.Of("$.originalLanguage"));
        Require(document.Meeting is not null, "meeting is null", lines.Of("$.meeting"));
        Require(document.Description is not null, "description is null", lines.Of("$.description"));
        Require(document.FollowUpMechanism is not null, "followUpMechanism is null", lines.Of("$.followUpMechanism"));

        Require(document.Principles is not null, "principles is null", lines.Of("$.principles"));
        for (var p = 0; p < document.Principles!.Count; p++)
        {
            var path = $"$.principles[{p}]";
            var principle = document.Principles[p];
            Require(principle is not null, $"principle {p + 1} is null", lines.Of(path));
            RequireNumber(principle!.Number, p + 1, $"principle {principle.Number}", path, lines);
            RequireText(principle.Text, $"principle {principle.Number}", path + ".text", lines);
        }

        Require(document.Areas is not null, "areas is null", lines.Of("$.areas"));
        for (var a = 0; a < document.Areas!.Count; a++)
        {
            var areaPath = $"$.areas[{a}]";
            var area = document.Areas[a];
            Require(area is not null, $"area {a + 1} is null", lines.Of(areaPath));
            RequireNumber(area!.Number, a + 1, $"area {area.Number}", areaPath, lines);
            RequireText(area.Title, $"area {area.Number}", areaPath + ".title", lines);
            Require(area.Objectives is not null, $"area {area.Number} has no objectives list", lines.Of(areaPath));
            var objectiveNumbers = new HashSet<int>();

            for (var o = 0; o < area.Objectives!.Count; o++)
            {
                var objectivePath = $"{areaPath}.objectives[{o}]";
                var objective = area.Objectives[o];
                Require(objective is not null, $"objective {area.Number}.{o + 1} is null", lines.Of(objectivePath));
                var code = $"{area.Number}.{objective!.Number}";
                RequireMember(objective.Number, area.Objectives.Count, objectiveNumbers, $"objective {code}", objectivePath, lines);
                RequireText(objective.Text, $"objective {code}", objectivePath + ".text", lines);
                Require(objective.Lines is not null, $"objective {code} has no lines list", lines.Of(objectivePath));
                var lineNumbers = new HashSet<int>();

                for (var l = 0; l < objective.Lines!.Count; l++)
                {
                    var linePath = $"{objectivePath}.lines[{l}]";
                    var line = objective.Lines[l];
                    Require(line is not null, $"line {code}.{l + 1} is null", lines.Of(linePath));
                    RequireMember(line!.Number, objective.Lines.Count, lineNumbers, $"line {code}.{line.Number}", linePath, lines);
                    RequireText(line.Text, $"line {code}.{line.Number}", linePath + ".text", lines);
                }
            }
        }
    }

    private static void RequireNumber(int actual, int expected, string what, string path, Lines lines) =>
        Require(actual == expected, $"{what} is out of sequence: expected number {expected}", lines.Of(path + ".number", path));

    /// <summary>Reordering moves objectives and lines but never renumbers them: numbers are 1..n, each once, in any order.</summary>
    private static void RequireMember(int actual, int count, HashSet<int> seen, string what, string path, Lines lines) =>
        Require(actual >= 1 && actual <= count && seen.Add(actual), $"{what} is out of sequence: numbers must run from 1 to {count}, each once", lines.Of(path + ".number", path));

    private static void RequireText(LocalizedString? text, string what, string path, Lines lines) =>
        Require(!string.IsNullOrWhiteSpace(text?.Source), $"the {what} text is empty", lines.Of(path + ".source", path));

    private static void Require(bool condition, string message, int line)
    {
        if (!condition)
        {
            throw new AgendaFormatException(message, line);
        }
    }

    /// <summary>
    /// Where each value of the JSON starts, by path ("$.areas[1].number"), so that a validation error can point at
    /// its line like a syntax error does.
    /// </summary>
    private sealed class Lines
    {
        private readonly Dictionary<string, int> _lines = new(StringComparer.OrdinalIgnoreCase);

        public Lines(string json)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            var lineStarts = new List<int> { 0 };
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    lineStarts.Add(i + 1);
                }
            }

            int LineAt(long offset)
            {
                var index = lineStarts.BinarySearch((int)offset);
                return (index >= 0 ? index : ~index - 1) + 1;
            }

            var containers = new Stack<(string Path, bool IsArray, int Count)>();
            string? property = null;

            string ValuePath()
            {
                if (containers.Count == 0)
                {
                    return "$";
                }

                var top = containers.Pop();
                if (!top.IsArray)
                {
                    containers.Push(top);
                    return property ?? top.Path;
                }

                containers.Push(top with { Count = top.Count + 1 });
                return $"{top.Path}[{top.Count}]";
            }

            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            while (reader.Read())
            {
                var line = LineAt(reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = $"{containers.Peek().Path}.{reader.GetString()}";
                        _lines.TryAdd(property, line);
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var path = ValuePath();
                        _lines.TryAdd(path, line);
                        containers.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                        property = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        containers.Pop();
                        property = null;
                        break;
                    default:
                        _lines.TryAdd(ValuePath(), line);
                        break;
                }
            }
        }

        /// <summary>The line of the first path present, or line 1.</summary>
        public int Of(params string[] paths)
        {
            foreach (var path in paths)
            {
                if (_lines.TryGetValue(path, out var line))
                {
                    return line;
                }

                // A missing member is reported where its object starts.
                var parent = path[..Math.Max(1, path.LastIndexOf('.'))];
                if (_lines.TryGetValue(parent, out line))
                {
                    return line;
                }
            }

            return 1;
        }
    }
}
