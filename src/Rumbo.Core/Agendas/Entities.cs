namespace Rumbo.Core.Agendas;

/// <summary>Mapped as a complex type: each text field becomes five columns on its owner's table.</summary>
public sealed class LocalizedText
{
    public string Source { get; set; } = string.Empty;
    public string? En { get; set; }
    public string? Es { get; set; }
    public string? Pt { get; set; }
    public string? Fr { get; set; }
    /// <summary>
    /// The languages whose translation is official besides the source's (which always is), separated by spaces ("es");
    /// null when only the source is. Any other translation shown is marked as unofficial.
    /// </summary>
    public string? Official { get; set; }

    public static LocalizedText From(LocalizedString s) =>
        new() { Source = s.Source, En = s.En, Es = s.Es, Pt = s.Pt, Fr = s.Fr, Official = OfficialLanguages.Normalize(s.Official) };

    public LocalizedString ToDocument() => new(Source, En, Es, Pt, Fr, Official);

    /// <summary>
    /// Takes the source and the translations the other text gives; a translation it leaves out is kept, so that
    /// re-importing a document never wipes translations entered in Rumbo.
    /// </summary>
    public void Merge(LocalizedString s)
    {
        Source = s.Source;
        En = s.En ?? En;
        Es = s.Es ?? Es;
        Pt = s.Pt ?? Pt;
        Fr = s.Fr ?? Fr;
        Official = OfficialLanguages.Normalize(s.Official) ?? Official;
    }

    public void Set(LocalizedString s)
    {
        Source = s.Source;
        En = s.En;
        Es = s.Es;
        Pt = s.Pt;
        Fr = s.Fr;
        Official = OfficialLanguages.Normalize(s.Official);
    }
}

public sealed class Agenda
{
    public int Id { get; set; }
    /// <summary>URL form of the symbol: LC/CRP.20/6 becomes lc-crp-20-6.</summary>
    public string Slug { get; set; } = string.Empty;
    public string Symbol { get; set; } = string.Empty;
    public string? SourceDocument { get; set; }
    public LocalizedText Title { get; set; } = new();
    public LocalizedText AdoptingBody { get; set; } = new();
    public LocalizedText Meeting { get; set; } = new();
    public string? Place { get; set; }
    public DateOnly? Date { get; set; }
    public string DocumentLanguage { get; set; } = "en";
    public string OriginalLanguage { get; set; } = "es";
    public AgendaStatus Status { get; set; }
    public LocalizedText AreaLevelName { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    public LocalizedText FollowUpMechanism { get; set; } = new();
    /// <summary>SHA-256 of the agenda's canonical JSON; changes whenever any text of the tree changes.</summary>
    public string ContentHash { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency token, bumped by every write to the agenda or its tree.</summary>
    public int Version { get; set; }

    public List<Principle> Principles { get; set; } = [];
    public List<Area> Areas { get; set; } = [];
}

public sealed class Principle
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    public int Number { get; set; }
    public LocalizedText Text { get; set; } = new();
}

public sealed class Area
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    public int Number { get; set; }
    public string Code { get; set; } = string.Empty;
    public LocalizedText Title { get; set; } = new();
    public List<StrategicObjective> Objectives { get; set; } = [];
}

public sealed class StrategicObjective
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    /// <summary>Lets a new agenda's objectives and lines be saved with it in one go, the keys fixed up by EF.</summary>
    public Agenda? Agenda { get; set; }
    public int AreaId { get; set; }
    /// <summary>The number in the code (2 in 3.2); never changes.</summary>
    public int Number { get; set; }
    /// <summary>Display order within the area; reordering changes this, never the code.</summary>
    public int Position { get; set; }
    public string Code { get; set; } = string.Empty;
    public LocalizedText Text { get; set; } = new();
    /// <summary>A retired objective keeps its code and its page; no new record may link to it.</summary>
    public DateOnly? RetiredOn { get; set; }
    public List<LineOfAction> Lines { get; set; } = [];
}

public sealed class LineOfAction
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    public Agenda? Agenda { get; set; }
    public int ObjectiveId { get; set; }
    /// <summary>The number in the code (4 in 3.2.4); never changes.</summary>
    public int Number { get; set; }
    /// <summary>Display order within the objective; reordering changes this, never the code.</summary>
    public int Position { get; set; }
    /// <summary>area.objective.line, e.g. 3.2.4; unique within the agenda and never reused.</summary>
    public string Code { get; set; } = string.Empty;
    public LocalizedText Text { get; set; } = new();
    /// <summary>A retired line keeps its code and its page; no new record may link to it.</summary>
    public DateOnly? RetiredOn { get; set; }
}
