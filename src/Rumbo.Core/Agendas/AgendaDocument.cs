using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rumbo.Core.Agendas;

/// <summary>
/// A text as written in its source document, with room for translations.
/// <see cref="Source"/> is in the agenda's document language.
/// </summary>
/// <param name="Official">
/// The languages, besides the source's, whose translation is official (an official text of the body that adopted it,
/// a body's or meeting's official name), separated by spaces ("es"); null when only the source is. See
/// <see cref="LocalizedStringExtensions.IsUnofficialIn"/>.
/// </param>
public sealed record LocalizedString(string Source, string? En = null, string? Es = null, string? Pt = null, string? Fr = null, string? Official = null)
{
    public static readonly LocalizedString Empty = new(string.Empty);

    public static implicit operator LocalizedString(string source) => new(source);
}

public enum AgendaStatus
{
    Draft,
    Adopted,
    Superseded,
    Archived,
}

/// <summary>
/// The structured form of an agenda: what the document importers produce, what the JSON export writes
/// and what the JSON import reads. It is a public format: add fields, never rename them.
/// </summary>
public sealed record AgendaDocument
{
    public required string Symbol { get; init; }
    /// <summary>Symbol of the document the agenda was read from, when it is not the agenda itself.</summary>
    public string? SourceDocument { get; init; }
    public required LocalizedString Title { get; init; }
    public required LocalizedString AdoptingBody { get; init; }
    public LocalizedString Meeting { get; init; } = LocalizedString.Empty;
    public string? Place { get; init; }
    public DateOnly? Date { get; init; }
    /// <summary>Language of the texts as imported (ISO 639-1).</summary>
    public required string DocumentLanguage { get; init; }
    /// <summary>Language the agenda was negotiated in (ISO 639-1).</summary>
    public required string OriginalLanguage { get; init; }
    public AgendaStatus Status { get; init; } = AgendaStatus.Adopted;
    /// <summary>What the agenda calls its first level: "Area", "Axis".</summary>
    public required LocalizedString AreaLevelName { get; init; }
    public LocalizedString Description { get; init; } = LocalizedString.Empty;
    public LocalizedString FollowUpMechanism { get; init; } = LocalizedString.Empty;
    public IReadOnlyList<PrincipleDocument> Principles { get; init; } = [];
    public IReadOnlyList<AreaDocument> Areas { get; init; } = [];
}

public sealed record PrincipleDocument(int Number, LocalizedString Text);

public sealed record AreaDocument(int Number, LocalizedString Title, IReadOnlyList<ObjectiveDocument> Objectives);

/// <summary>Objectives and lines are listed in display order; their numbers (which make their codes) are 1..n in any order.</summary>
public sealed record ObjectiveDocument(int Number, LocalizedString Text, IReadOnlyList<LineDocument> Lines)
{
    /// <summary>Set when the objective was retired: it keeps its code and its page.</summary>
    public DateOnly? RetiredOn { get; init; }
}

public sealed record LineDocument(int Number, LocalizedString Text)
{
    /// <summary>Set when the line was retired: it keeps its code and its page.</summary>
    public DateOnly? RetiredOn { get; init; }
}

public static class AgendaJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Accents and dashes stay readable in exports; the output is a file, never inlined into HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(AgendaDocument document) => JsonSerializer.Serialize(document, Options);

    public static AgendaDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<AgendaDocument>(json, Options)
        ?? throw new AgendaFormatException("The JSON is empty.", 1);
}

/// <summary>A file that is not an agenda, or not one this parser understands.</summary>
public sealed class AgendaFormatException(string message, int line) : Exception($"Line {line}: {message}")
{
    public int Line { get; } = line;
    public string Reason { get; } = message;
}
