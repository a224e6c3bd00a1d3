using Rumbo.Core.Agendas;
using Rumbo.Core.Groups;
using Rumbo.Core.People;

namespace Rumbo.Core.Indicators;

/// <summary>Where an indicator stands in the framework the ad hoc working group prepares for the Council.</summary>
public enum IndicatorStatus
{
    /// <summary>Proposed by the working group, not yet adopted: shown, marked as a proposal.</summary>
    Proposed,
    Adopted,
    /// <summary>No longer followed; its values stay readable.</summary>
    Retired,
}

public enum Periodicity
{
    Annual,
    Biennial,
    Triennial,
    Quinquennial,
    Irregular,
}

/// <summary>
/// A monitoring indicator of an agenda, linked to one strategic objective. What it measures lives in its versions:
/// a change of definition makes a new version, and values stay with the version they were reported under.
/// </summary>
public sealed class Indicator
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    public Agenda? Agenda { get; set; }
    public int ObjectiveId { get; set; }
    public StrategicObjective? Objective { get; set; }
    /// <summary>Stable within the agenda, from its objective's code: 1.2-a, 1.2-b.</summary>
    public string Code { get; set; } = string.Empty;
    public IndicatorStatus Status { get; set; }
    /// <summary>Generated for the demonstration, not adopted by anyone: every page that shows it says so.</summary>
    public bool IsExample { get; set; }
    public int Version { get; set; }
    public List<IndicatorVersion> Versions { get; set; } = [];
    public List<IndicatorLine> Lines { get; set; } = [];
    public List<IndicatorSdgTarget> SdgTargets { get; set; } = [];
}

/// <summary>One definition of an indicator. The newest version is the current one; older ones keep their values.</summary>
public sealed class IndicatorVersion
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    /// <summary>1, 2, … within the indicator.</summary>
    public int Number { get; set; }
    public LocalizedText Title { get; set; } = new();
    /// <summary>Markdown.</summary>
    public LocalizedText Definition { get; set; } = new();
    /// <summary>Markdown: how the value is computed from its sources.</summary>
    public LocalizedText Method { get; set; } = new();
    public LocalizedText Source { get; set; } = new();
    public IndicatorUnit Unit { get; set; }
    /// <summary>Decimals shown and accepted.</summary>
    public int Decimals { get; set; }
    /// <summary>The smallest and largest values that make sense (a percentage: 0 and 100); null when unbounded.</summary>
    public double? Minimum { get; set; }
    public double? Maximum { get; set; }
    public Periodicity Periodicity { get; set; }
    public Direction Direction { get; set; }
    /// <summary>The dimensions values may be broken down by, as codes of <see cref="Disaggregations"/>, comma-separated.</summary>
    public string Dimensions { get; set; } = string.Empty;
    /// <summary>The body responsible for the indicator, when it is a group of Rumbo.</summary>
    public int? ResponsibleGroupId { get; set; }
    public Group? ResponsibleGroup { get; set; }
    /// <summary>Why this version was made (empty for the first).</summary>
    public string ChangeNote { get; set; } = string.Empty;
    public DateTime CreatedAtUtc { get; set; }
}

public enum IndicatorUnit
{
    Percent,
    Number,
    Index,
    Ratio,
    Rate,
    UsDollars,
    Years,
    Boolean,
}

public sealed class IndicatorLine : ILineLink
{
    public int IndicatorId { get; set; }
    public int LineOfActionId { get; set; }
    public LineOfAction? LineOfAction { get; set; }
}

/// <summary>An SDG target the indicator contributes to, by its code (17.18, 16.6).</summary>
public sealed class IndicatorSdgTarget
{
    public int IndicatorId { get; set; }
    public string Code { get; set; } = string.Empty;
}

/// <summary>
/// A baseline and a target for an indicator: regional (no country) or a country's own. A country's target replaces the
/// regional one for that country's progress.
/// </summary>
public sealed class IndicatorTarget
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    /// <summary>Null for the regional target.</summary>
    public int? CountryId { get; set; }
    public Country? Country { get; set; }
    public int BaselineYear { get; set; }
    public double? BaselineValue { get; set; }
    public int TargetYear { get; set; }
    /// <summary>Null when only a direction is set (the methods' "no target" form).</summary>
    public double? TargetValue { get; set; }
    public string Note { get; set; } = string.Empty;
    public int Version { get; set; }
    public List<TargetMilestone> Milestones { get; set; } = [];
}

public sealed class TargetMilestone
{
    public int TargetId { get; set; }
    public int Year { get; set; }
    public double Value { get; set; }
}

/// <summary>Where a reported value stands: the country's draft, sent to the secretariat, approved (locked) or returned.</summary>
public enum ValueStatus
{
    Draft,
    Submitted,
    Approved,
    Returned,
}

/// <summary>
/// A value of an indicator for a country (or the region, reported by the secretariat), a year and a breakdown, under
/// the indicator version it was reported for. Only approved values are public.
/// </summary>
public sealed class IndicatorValue
{
    public int Id { get; set; }
    public int IndicatorVersionId { get; set; }
    public IndicatorVersion? IndicatorVersion { get; set; }
    /// <summary>Null for a regional value.</summary>
    public int? CountryId { get; set; }
    public Country? Country { get; set; }
    public int Year { get; set; }
    /// <summary>The breakdown as <see cref="Disaggregations"/> writes it ("sex=female;area=urban"); empty for the total.</summary>
    public string Breakdown { get; set; } = string.Empty;
    public double Value { get; set; }
    public string Source { get; set; } = string.Empty;
    public string Notes { get; set; } = string.Empty;
    public string? EvidenceUrl { get; set; }
    /// <summary>A file the country gives as evidence, beside or instead of a web address.</summary>
    public int? EvidenceFileId { get; set; }
    public EvidenceFile? EvidenceFile { get; set; }
    public ValueStatus Status { get; set; }
    /// <summary>Approved values are locked; unlocking takes a reason and returns the value to the country.</summary>
    public bool Locked { get; set; }
    /// <summary>The round the value was reported in; written by Rumbo only (rounds are never deleted), so no foreign key checks it.</summary>
    public int? RoundId { get; set; }
    /// <summary>
    /// The bulk import that brought the value, when one did. An approved import is the value's transition from draft to
    /// approved (<see cref="IndicatorImport"/> says when and by whom), shown with the value's own transitions; when a later
    /// import replaces the value, that transition is written out as a <see cref="ValueTransition"/> first.
    /// </summary>
    public int? ImportId { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
    public List<ValueTransition> Transitions { get; set; } = [];

    /// <summary>Saves a country's entry over a draft or a returned value; a submitted or approved one refuses.</summary>
    public string? RefuseEdit() => Status switch
    {
        ValueStatus.Submitted => "This value has been submitted; the secretariat must return it before it can change.",
        ValueStatus.Approved => "This value is approved and locked; the secretariat must unlock it before it can change.",
        _ => null,
    };

    /// <summary>Attaches a file as the value's evidence (or removes it, with null): a change of the value like any other.</summary>
    public string? SetEvidence(EvidenceFile? file, int? personId, DateTime nowUtc)
    {
        if (RefuseEdit() is { } refused) return refused;
        EvidenceFile = file;
        if (file is null) EvidenceFileId = null;
        Edit(personId, nowUtc);
        UpdatedAtUtc = nowUtc;
        return null;
    }

    /// <summary>A returned value the country changes becomes its draft again.</summary>
    public void Edit(int? personId, DateTime nowUtc)
    {
        if (Status == ValueStatus.Returned) Move(ValueStatus.Draft, personId, nowUtc, null);
    }

    public string? Submit(int? personId, DateTime nowUtc)
    {
        if (Status is not (ValueStatus.Draft or ValueStatus.Returned)) return "Only a draft or a returned value can be submitted.";
        Move(ValueStatus.Submitted, personId, nowUtc, null);
        return null;
    }

    public string? Approve(int? personId, DateTime nowUtc)
    {
        if (Status != ValueStatus.Submitted) return "Only a submitted value can be approved.";
        Move(ValueStatus.Approved, personId, nowUtc, null);
        Locked = true;
        return null;
    }

    /// <summary>Returns a submitted value to the country with the reason it must answer.</summary>
    public string? Return(int? personId, DateTime nowUtc, string reason)
    {
        if (Status != ValueStatus.Submitted) return "Only a submitted value can be returned.";
        if (string.IsNullOrWhiteSpace(reason)) return "Say why the value is returned.";
        Move(ValueStatus.Returned, personId, nowUtc, reason.Trim());
        return null;
    }

    /// <summary>Unlocks an approved value: it goes back to the country as returned, with the reason.</summary>
    public string? Unlock(int? personId, DateTime nowUtc, string reason)
    {
        if (Status != ValueStatus.Approved) return "Only an approved value can be unlocked.";
        if (string.IsNullOrWhiteSpace(reason)) return "Say why the value is unlocked.";
        Locked = false;
        Move(ValueStatus.Returned, personId, nowUtc, reason.Trim());
        return null;
    }

    private void Move(ValueStatus to, int? personId, DateTime nowUtc, string? reason)
    {
        Transitions.Add(new ValueTransition { From = Status, To = to, PersonId = personId, AtUtc = nowUtc, Reason = reason });
        Status = to;
        UpdatedAtUtc = nowUtc;
    }
}

/// <summary>
/// A file a country gives as evidence of its values: checked and stored as the documents' files are (by the SHA-256 of its
/// content in the shared file store), and seen only by those who see the country's reporting.
/// </summary>
public sealed class EvidenceFile
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    public int CountryId { get; set; }
    /// <summary>Lower-case hex SHA-256 of the content: the storage key.</summary>
    public string ContentHash { get; set; } = string.Empty;
    /// <summary>The media type found in the content, not the one the browser claimed.</summary>
    public string MediaType { get; set; } = string.Empty;
    public string Extension { get; set; } = string.Empty;
    public long Size { get; set; }
    /// <summary>The name the file was uploaded under, cleaned: for display and as the download name only.</summary>
    public string FileName { get; set; } = string.Empty;
    public DateTime UploadedAtUtc { get; set; }
    public int? UploadedByPersonId { get; set; }
}

/// <summary>A change of a value's status, kept for ever and shown with the value.</summary>
public sealed class ValueTransition
{
    public int Id { get; set; }
    public int ValueId { get; set; }
    public ValueStatus From { get; set; }
    public ValueStatus To { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    public DateTime AtUtc { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A call to the countries to report an agenda's indicators for some years, by a due date.</summary>
public sealed class ReportingRound
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    public Agenda? Agenda { get; set; }
    public LocalizedText Title { get; set; } = new();
    /// <summary>The years of data asked for.</summary>
    public int FirstYear { get; set; }
    public int LastYear { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly DueOn { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A bulk import of values by the secretariat (a region's file, or a system's feed): the one audit record of its rows,
/// which are written in bulk and point back to it.
/// </summary>
public sealed class IndicatorImport
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    public string FileName { get; set; } = string.Empty;
    /// <summary>The rows read, and the values saved (rows equal to what was stored are not saved again).</summary>
    public int Rows { get; set; }
    public int Saved { get; set; }
    public int Countries { get; set; }
    /// <summary>Draft, or Approved when the secretariat imports data it has checked.</summary>
    public ValueStatus Status { get; set; }
    public DateTime AtUtc { get; set; }
    public int? PersonId { get; set; }
}
