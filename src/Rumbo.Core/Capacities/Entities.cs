using Rumbo.Core.Agendas;
using Rumbo.Core.People;

namespace Rumbo.Core.Capacities;

/// <summary>The four dimensions of institutional capacity of LC/CRP.20/6 (TOPP), in the agenda's order.</summary>
public enum CapacityDimension
{
    Technical,
    Operational,
    Political,
    Prospective,
}

public enum InstrumentStatus
{
    /// <summary>Being written: its questions change; no round may use it.</summary>
    Draft,
    /// <summary>Frozen: rounds use it; a change is a new draft version.</summary>
    Published,
}

/// <summary>Where a country's diagnosis stands in a round.</summary>
public enum AssessmentStatus
{
    /// <summary>The country's focal points answer, a question at a time, and come back.</summary>
    Open,
    Submitted,
    /// <summary>Sent back by the secretariat with a reason; the country answers again.</summary>
    Returned,
    /// <summary>Accepted by the secretariat: its scores count in the profile and the regional map.</summary>
    Closed,
}

/// <summary>What of a closed diagnosis the country shows to everyone.</summary>
public enum AssessmentPublicity
{
    Nothing,
    Scores,
    ScoresAndAnswers,
}

/// <summary>
/// A version of an agenda's TOPP diagnosis instrument: questions per strategic area and dimension, each with its scale.
/// A published version is frozen, as rounds were answered against it; a change is made in a new draft version
/// (<see cref="NewDraft"/>), numbered one higher.
/// </summary>
public sealed class CapacityInstrument
{
    public const int MaxLevels = 11;

    public int Id { get; set; }
    public int AgendaId { get; set; }
    public Agenda? Agenda { get; set; }
    /// <summary>1, 2, ... within the agenda.</summary>
    public int Number { get; set; }
    public InstrumentStatus Status { get; set; }
    /// <summary>What this version is and what changed from the previous one.</summary>
    public LocalizedText Note { get; set; } = new();
    /// <summary>Drawn by Rumbo from the agenda's areas as a starting point, for the working group to adapt.</summary>
    public bool IsProposal { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    public int? PublishedByPersonId { get; set; }
    public int Version { get; set; }
    public List<CapacityQuestion> Questions { get; set; } = [];

    /// <summary>Freezes the version so that rounds may use it. A version without questions, or with a question whose scale has fewer than two levels, is refused.</summary>
    public string? Publish(int? byPersonId, DateTime atUtc)
    {
        if (Status != InstrumentStatus.Draft) return "This version is already published: it no longer changes.";
        if (Questions.Count == 0) return "A version without questions cannot be published.";
        if (Questions.Any(q => q.Levels.Count < 2)) return "Every question needs a scale of at least two levels.";
        Status = InstrumentStatus.Published;
        PublishedAtUtc = atUtc;
        PublishedByPersonId = byPersonId;
        return null;
    }

    /// <summary>A draft copy of this version's questions and scales, numbered <paramref name="number"/>.</summary>
    public CapacityInstrument NewDraft(int number, DateTime atUtc) => new()
    {
        AgendaId = AgendaId, Number = number, Status = InstrumentStatus.Draft, IsProposal = IsProposal, CreatedAtUtc = atUtc,
        Note = new LocalizedText(),
        Questions = [.. Questions.Select(q => new CapacityQuestion
        {
            AreaId = q.AreaId, Dimension = q.Dimension, Position = q.Position, Text = Copy(q.Text), Guidance = Copy(q.Guidance), AsksEvidence = q.AsksEvidence,
            Levels = [.. q.Levels.Select(l => new CapacityLevel { Value = l.Value, Descriptor = Copy(l.Descriptor) })],
        })],
    };

    private static LocalizedText Copy(LocalizedText t) => LocalizedText.From(t.ToDocument());
}

/// <summary>A question of the instrument, in one strategic area and one dimension, answered on its own scale of levels 0..n.</summary>
public sealed class CapacityQuestion
{
    public int Id { get; set; }
    public int InstrumentId { get; set; }
    public CapacityInstrument? Instrument { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public CapacityDimension Dimension { get; set; }
    /// <summary>Order within its area and dimension.</summary>
    public int Position { get; set; }
    public LocalizedText Text { get; set; } = new();
    /// <summary>How to answer: what to look at, what counts.</summary>
    public LocalizedText Guidance { get; set; } = new();
    /// <summary>Whether the answer is asked to point to evidence (a web address).</summary>
    public bool AsksEvidence { get; set; }
    public List<CapacityLevel> Levels { get; set; } = [];

    /// <summary>The highest level of the scale: a level's score is its value over this, times 100.</summary>
    public int ScaleMax => Levels.Count == 0 ? 0 : Levels.Max(l => l.Value);
}

/// <summary>A level of a question's scale, from 0 (nothing in place) up, with what it means.</summary>
public sealed class CapacityLevel
{
    public int QuestionId { get; set; }
    public int Value { get; set; }
    public LocalizedText Descriptor { get; set; } = new();
}

/// <summary>A round of assessment (such as "2027"), opened by the secretariat for some or all countries on one published version.</summary>
public sealed class CapacityRound
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    public Agenda? Agenda { get; set; }
    public int InstrumentId { get; set; }
    public CapacityInstrument? Instrument { get; set; }
    public LocalizedText Title { get; set; } = new();
    public DateOnly OpensOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public bool IsExample { get; set; }
    public List<CapacityAssessment> Assessments { get; set; } = [];
}

/// <summary>
/// A country's diagnosis in a round. The workflow lives here: the country answers while it is open or returned, submits;
/// the secretariat returns it with a reason or closes it. Every transition is kept with who, when and why.
/// </summary>
public sealed class CapacityAssessment
{
    public const int MaxComment = 2000;

    public int Id { get; set; }
    public int RoundId { get; set; }
    public CapacityRound? Round { get; set; }
    public int CountryId { get; set; }
    public Country? Country { get; set; }
    public AssessmentStatus Status { get; set; }
    public AssessmentPublicity Publicity { get; set; }
    /// <summary>The secretariat's comment on the whole diagnosis.</summary>
    public string? ReviewComment { get; set; }
    public bool IsExample { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
    public List<CapacityAnswer> Answers { get; set; } = [];
    public List<AssessmentTransition> Transitions { get; set; } = [];

    /// <summary>The country may change its answers.</summary>
    public bool IsAnswerable => Status is AssessmentStatus.Open or AssessmentStatus.Returned;

    // Each transition answers null when done, or the refusal (an interface string) and changes nothing.

    /// <summary>The country sends its answers to the secretariat; at least one question must be answered.</summary>
    public string? Submit(int? byPersonId, DateTime atUtc)
    {
        if (!IsAnswerable) return "This diagnosis has already been sent to the secretariat.";
        if (!Answers.Any(a => a.Level is not null)) return "Answer at least one question before sending the diagnosis.";
        return Move(AssessmentStatus.Submitted, byPersonId, atUtc, null);
    }

    /// <summary>The secretariat sends the diagnosis back with what to change.</summary>
    public string? Return(int? byPersonId, DateTime atUtc, string? reason)
    {
        if (Status != AssessmentStatus.Submitted) return "Only a diagnosis sent to the secretariat can be returned.";
        if (string.IsNullOrWhiteSpace(reason)) return "Say what the country should change.";
        if (reason.Trim().Length > MaxComment) return "The comment is longer than 2000 characters.";
        ReviewComment = reason.Trim();
        return Move(AssessmentStatus.Returned, byPersonId, atUtc, reason.Trim());
    }

    /// <summary>The secretariat accepts the diagnosis: from then on it counts, and the country's choice of publicity shows it.</summary>
    public string? Close(int? byPersonId, DateTime atUtc, string? comment)
    {
        if (Status != AssessmentStatus.Submitted) return "Only a diagnosis sent to the secretariat can be closed.";
        if (comment?.Trim().Length > MaxComment) return "The comment is longer than 2000 characters.";
        if (!string.IsNullOrWhiteSpace(comment)) ReviewComment = comment.Trim();
        return Move(AssessmentStatus.Closed, byPersonId, atUtc, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
    }

    private string? Move(AssessmentStatus to, int? byPersonId, DateTime atUtc, string? reason)
    {
        Transitions.Add(new AssessmentTransition { From = Status, To = to, AtUtc = atUtc, ByPersonId = byPersonId, Reason = reason });
        Status = to;
        UpdatedAtUtc = atUtc;
        return null;
    }

    /// <summary>
    /// Records the country's answer to a question: a level of its scale (or none yet), a comment and evidence. Refused when
    /// the diagnosis is not the country's to change, or the level is not on the question's scale.
    /// </summary>
    public string? Answer(CapacityQuestion question, int? level, string? comment, string? evidenceUrl, int? byPersonId, DateTime atUtc)
    {
        if (!IsAnswerable) return "The diagnosis is with the secretariat or closed: its answers no longer change.";
        if (level is int l && !question.Levels.Any(x => x.Value == l)) return "Choose a level of the question's scale.";
        if (comment?.Trim().Length > MaxComment) return "The comment is longer than 2000 characters.";
        var answer = Answers.SingleOrDefault(a => a.QuestionId == question.Id);
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var url = string.IsNullOrWhiteSpace(evidenceUrl) ? null : evidenceUrl.Trim();
        if (answer is null)
        {
            if (level is null && text is null && url is null) return null;
            answer = new CapacityAnswer { QuestionId = question.Id };
            Answers.Add(answer);
        }
        else if (answer.Level == level && answer.Comment == text && answer.EvidenceUrl == url)
        {
            return null;
        }
        answer.Level = level;
        answer.Comment = text;
        answer.EvidenceUrl = url;
        answer.AnsweredByPersonId = byPersonId;
        answer.AnsweredAtUtc = atUtc;
        UpdatedAtUtc = atUtc;
        return null;
    }

    /// <summary>The secretariat's comment on one answer, while the diagnosis is with it.</summary>
    public string? CommentOn(int questionId, string? comment)
    {
        if (Status != AssessmentStatus.Submitted) return "Comments on answers are written while the diagnosis is with the secretariat.";
        if (comment?.Trim().Length > MaxComment) return "The comment is longer than 2000 characters.";
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var answer = Answers.SingleOrDefault(a => a.QuestionId == questionId);
        if (answer is null)
        {
            if (text is null) return null;
            answer = new CapacityAnswer { QuestionId = questionId };
            Answers.Add(answer);
        }
        answer.ReviewComment = text;
        return null;
    }
}

/// <summary>A country's answer to one question of a round's instrument, with who last changed it.</summary>
public sealed class CapacityAnswer
{
    public const int MaxUrl = 1000;

    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public int QuestionId { get; set; }
    public CapacityQuestion? Question { get; set; }
    /// <summary>Null while unanswered: excluded from the scores, counted against the coverage.</summary>
    public int? Level { get; set; }
    public string? Comment { get; set; }
    public string? EvidenceUrl { get; set; }
    /// <summary>The secretariat's comment on this answer.</summary>
    public string? ReviewComment { get; set; }
    public int? AnsweredByPersonId { get; set; }
    public Person? AnsweredBy { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
}

/// <summary>One move of a diagnosis through its workflow.</summary>
public sealed class AssessmentTransition
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public AssessmentStatus From { get; set; }
    public AssessmentStatus To { get; set; }
    public DateTime AtUtc { get; set; }
    public int? ByPersonId { get; set; }
    public Person? By { get; set; }
    public string? Reason { get; set; }
}
