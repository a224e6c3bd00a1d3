using Rumbo.Core.Agendas;
using Rumbo.Core.People;

namespace Rumbo.Core.Policies;

public enum PolicyLevel
{
    National,
    Subnational,
}

public enum PolicyInstrument
{
    Plan,
    Policy,
    Programme,
    Law,
    Strategy,
    Other,
}

/// <summary>Where a policy stands in its own life, in the order it usually goes through.</summary>
public enum PolicyStatus
{
    Design,
    Approved,
    InImplementation,
    Evaluated,
    Ended,
}

/// <summary>Where the register's entry stands with the secretariat: only a reviewed entry may be public.</summary>
public enum PolicyReview
{
    Draft,
    Submitted,
    Reviewed,
    Returned,
}

/// <summary>
/// A national or subnational public policy of a country, registered for an agenda (LC/CRP.20/6 asks for registers "that
/// include implementation status, progress and, if possible, outcomes"). The country's focal points write it; the
/// secretariat reviews it; the country decides whether it is public, and only a reviewed one can be.
/// </summary>
public sealed class Policy
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    public Agenda? Agenda { get; set; }
    public int CountryId { get; set; }
    public Country? Country { get; set; }
    /// <summary>The language the country wrote the texts in (en, es, pt, fr): the texts' source language.</summary>
    public string Language { get; set; } = "es";
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Summary { get; set; } = new();
    public PolicyLevel Level { get; set; }
    /// <summary>The subnational territory (a region, a state, a municipality); null for a national policy.</summary>
    public string? Territory { get; set; }
    public PolicyInstrument Instrument { get; set; }
    public int? InstitutionId { get; set; }
    public Institution? Institution { get; set; }
    /// <summary>The responsible institution's name when it is not in the directory.</summary>
    public string? InstitutionName { get; set; }
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    public decimal? BudgetAmount { get; set; }
    /// <summary>ISO 4217 code (CLP, BRL, USD).</summary>
    public string? BudgetCurrency { get; set; }
    public PolicyStatus Status { get; set; }
    /// <summary>0 to 100, as the country assesses it.</summary>
    public int? ProgressPercent { get; set; }
    public LocalizedText Progress { get; set; } = new();
    /// <summary>Markdown.</summary>
    public LocalizedText Outcomes { get; set; } = new();
    /// <summary>Web addresses (the official text, the website), one a line.</summary>
    public string? Links { get; set; }
    public PolicyReview Review { get; set; }
    /// <summary>The secretariat's comment when it returned or reviewed the entry.</summary>
    public string? ReviewComment { get; set; }
    public DateTime? ReviewedAtUtc { get; set; }
    public int? ReviewedByPersonId { get; set; }
    public Person? ReviewedBy { get; set; }
    public bool IsPublic { get; set; }
    public bool IsExample { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
    public List<PolicyLine> Lines { get; set; } = [];
    public List<PolicySdgTarget> SdgTargets { get; set; } = [];
    public List<PolicyStatusChange> StatusChanges { get; set; } = [];

    public IReadOnlyList<string> LinkList => PolicyLinks.Split(Links);

    /// <summary>Whether the public (and the open data) sees it: reviewed by the secretariat and made public by the country.</summary>
    public bool IsPublished => Review == PolicyReview.Reviewed && IsPublic;

    // The workflow's transitions. Each answers null when done, or the refusal (an interface string) and changes nothing.

    /// <summary>The statuses a policy in <paramref name="from"/> may move to: forward one step, or ended from any other.</summary>
    public static IReadOnlyList<PolicyStatus> Next(PolicyStatus from) => from switch
    {
        PolicyStatus.Design => [PolicyStatus.Approved, PolicyStatus.Ended],
        PolicyStatus.Approved => [PolicyStatus.InImplementation, PolicyStatus.Ended],
        PolicyStatus.InImplementation => [PolicyStatus.Evaluated, PolicyStatus.Ended],
        // An evaluation may lead to a new period of implementation, as plans are often renewed after one.
        PolicyStatus.Evaluated => [PolicyStatus.InImplementation, PolicyStatus.Ended],
        _ => [],
    };

    /// <summary>
    /// Moves the policy to <paramref name="to"/> on <paramref name="on"/>, and keeps the change. The date may not be
    /// before the previous change's, nor after today; a policy ended stays ended.
    /// </summary>
    public string? ChangeStatus(PolicyStatus to, DateOnly on, DateOnly today, int? byPersonId, string? note, DateTime atUtc)
    {
        if (!Enum.IsDefined(to)) return "Choose a status.";
        if (Status == PolicyStatus.Ended) return "This policy has ended: its status no longer changes.";
        if (!Next(Status).Contains(to)) return "A policy cannot go from this status to that one.";
        if (on > today) return "The date of a change cannot be in the future.";
        if (StatusChanges.Count > 0 && on < StatusChanges.Max(c => c.On)) return "The date cannot be before the previous change of status.";
        if (note?.Trim().Length > 2000) return "The note is longer than 2000 characters.";
        StatusChanges.Add(new PolicyStatusChange { From = Status, To = to, On = on, AtUtc = atUtc, ByPersonId = byPersonId, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() });
        Status = to;
        return null;
    }

    /// <summary>The country sends its entry to the secretariat: a draft or a returned one.</summary>
    public string? Submit()
    {
        if (Review is not (PolicyReview.Draft or PolicyReview.Returned)) return "This policy has already been sent for review.";
        Review = PolicyReview.Submitted;
        return null;
    }

    /// <summary>The secretariat accepts the submitted entry; from then on the country's choice of public shows it.</summary>
    public string? MarkReviewed(int? byPersonId, DateTime atUtc, string? comment)
    {
        if (Review != PolicyReview.Submitted) return "Only a policy sent for review can be reviewed.";
        if (comment?.Trim().Length > 2000) return "The comment is longer than 2000 characters.";
        Review = PolicyReview.Reviewed;
        ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ReviewedAtUtc = atUtc;
        ReviewedByPersonId = byPersonId;
        return null;
    }

    /// <summary>The secretariat sends the entry back to the country with what to change; a reviewed one leaves the public.</summary>
    public string? Return(int? byPersonId, DateTime atUtc, string? comment)
    {
        if (Review is not (PolicyReview.Submitted or PolicyReview.Reviewed)) return "Only a policy sent for review or reviewed can be returned.";
        if (string.IsNullOrWhiteSpace(comment)) return "Say what the country should change.";
        if (comment.Trim().Length > 2000) return "The comment is longer than 2000 characters.";
        Review = PolicyReview.Returned;
        ReviewComment = comment.Trim();
        ReviewedAtUtc = atUtc;
        ReviewedByPersonId = byPersonId;
        return null;
    }

    /// <summary>
    /// A change by the country to an entry the secretariat has reviewed must be reviewed again before the public sees it,
    /// so it goes back to submitted; a change by the secretariat itself does not.
    /// </summary>
    public void ChangedByCountry()
    {
        if (Review == PolicyReview.Reviewed) Review = PolicyReview.Submitted;
    }
}

/// <summary>One change of a policy's status: when it happened (as the country says), who recorded it and why.</summary>
public sealed class PolicyStatusChange
{
    public int Id { get; set; }
    public int PolicyId { get; set; }
    /// <summary>Null for the status the policy was registered with.</summary>
    public PolicyStatus? From { get; set; }
    public PolicyStatus To { get; set; }
    public DateOnly On { get; set; }
    public DateTime AtUtc { get; set; }
    public int? ByPersonId { get; set; }
    public Person? By { get; set; }
    public string? Note { get; set; }
}

public sealed class PolicyLine : ILineLink
{
    public int PolicyId { get; set; }
    public int LineOfActionId { get; set; }
    public LineOfAction? LineOfAction { get; set; }
}

public sealed class PolicySdgTarget
{
    public int PolicyId { get; set; }
    /// <summary>Lower case, as 16.6 or 17.18 (see <see cref="Indicators.SdgTargets"/>).</summary>
    public string Code { get; set; } = string.Empty;
}
