using Rumbo.Core.Agendas;
using Rumbo.Core.Meetings;
using Rumbo.Core.People;

namespace Rumbo.Core.Records;

public enum RecordKind
{
    Minutes,
    MemoryAid,
}

public enum RecordStatus
{
    /// <summary>Written by the coordinators, commented by members.</summary>
    Draft,
    /// <summary>Frozen: it changes only through a new version.</summary>
    Approved,
}

/// <summary>
/// The record of a meeting. Drafts are edited; an approved record is frozen, and a correction is a new version (a new
/// row whose <see cref="Number"/> is one higher) that is again drafted and approved. Dissemination is the group's
/// decision: members only, or public once approved.
/// </summary>
public sealed class MeetingRecord
{
    /// <summary>The most characters of a Markdown text (the summary, a section's body) in any of its languages.</summary>
    public const int MaxMarkdown = 50000;

    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int Number { get; set; } = 1;
    public RecordKind Kind { get; set; }
    public RecordStatus Status { get; set; }
    /// <summary>Language the record is written in (en, es, pt, fr): the language of its texts' sources.</summary>
    public string Language { get; set; } = "en";
    /// <summary>Markdown: the record's opening (participants, context) before the items.</summary>
    public LocalizedText Summary { get; set; } = new();
    public Visibility Dissemination { get; set; } = Visibility.Members;
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ApprovedAtUtc { get; set; }
    public int? ApprovedByPersonId { get; set; }
    public Person? ApprovedBy { get; set; }
    public int Version { get; set; }
    public List<RecordSection> Sections { get; set; } = [];
    public List<RecordComment> Comments { get; set; } = [];

    // The workflow's transitions. Each answers null when done, or the refusal (an interface string) and changes nothing.

    /// <summary>Freezes the draft and chooses who reads it.</summary>
    public string? Approve(int? approverPersonId, DateTime atUtc, Visibility dissemination)
    {
        if (Status != RecordStatus.Draft) return "This record is already approved and frozen.";
        Status = RecordStatus.Approved;
        ApprovedAtUtc = atUtc;
        ApprovedByPersonId = approverPersonId;
        Dissemination = dissemination;
        return null;
    }

    public string? Release()
    {
        if (Status != RecordStatus.Approved) return "Only an approved record can be released to the public.";
        if (Dissemination == Visibility.Public) return "This record is already public.";
        Dissemination = Visibility.Public;
        return null;
    }

    public string? Restrict()
    {
        if (Status != RecordStatus.Approved) return "Only an approved record's dissemination can be changed.";
        if (Dissemination == Visibility.Members) return "This record is already for members only.";
        Dissemination = Visibility.Members;
        return null;
    }

    /// <summary>
    /// A draft copy of this approved record, numbered after it, translations and their official marks included (a
    /// correction seldom touches most texts, whose translations stay good); the caller checks that it is the newest.
    /// </summary>
    public MeetingRecord NewVersion(DateTime atUtc) => new()
    {
        MeetingId = MeetingId, Number = Number + 1, Kind = Kind, Status = RecordStatus.Draft, Language = Language,
        Summary = Copy(Summary), Dissemination = Dissemination, CreatedAtUtc = atUtc,
        Sections = Sections.OrderBy(s => s.Position).Select(s => new RecordSection
        {
            MeetingItemId = s.MeetingItemId, Position = s.Position, Heading = Copy(s.Heading), Body = Copy(s.Body),
            Outcomes = s.Outcomes.OrderBy(o => o.Position).Select(o => new RecordOutcome
            {
                Position = o.Position, Kind = o.Kind, Text = Copy(o.Text), OwnerPersonId = o.OwnerPersonId, OwnerName = o.OwnerName, DueDate = o.DueDate,
            }).ToList(),
        }).ToList(),
    };

    // The copy's texts are its own: a text instance held by both rows would change in both when one is edited.
    private static LocalizedText Copy(LocalizedText t) => LocalizedText.From(t.ToDocument());

    /// <summary>Only a draft is discussed: comments, replies, resolving and reopening.</summary>
    public string? RefuseDiscussion() =>
        Status == RecordStatus.Draft ? null : "This record is approved and frozen: it takes no more comments.";
}

/// <summary>The record of one agenda item (or a free section when <see cref="MeetingItemId"/> is null).</summary>
public sealed class RecordSection
{
    /// <summary>The most characters of a heading in any of its languages.</summary>
    public const int MaxHeading = 500;

    public int Id { get; set; }
    public int RecordId { get; set; }
    public int? MeetingItemId { get; set; }
    public MeetingItem? MeetingItem { get; set; }
    public int Position { get; set; }
    public LocalizedText Heading { get; set; } = new();
    /// <summary>Markdown.</summary>
    public LocalizedText Body { get; set; } = new();
    public List<RecordOutcome> Outcomes { get; set; } = [];

    /// <summary>
    /// The heading of an agenda item's section: the item's title in the record's language as its source, and the title in
    /// each other language it has (its own source among them) as a translation, official where the title's text is.
    /// </summary>
    public static LocalizedText HeadingOf(LocalizedString title, string titleLanguage, string recordLanguage)
    {
        var heading = new LocalizedText { Source = title.In(recordLanguage, titleLanguage).Text };
        var official = new List<string>();
        foreach (var language in OfficialLanguages.All.Where(l => l != recordLanguage))
        {
            var (text, shown) = title.In(language, titleLanguage);
            if (shown != language || string.IsNullOrWhiteSpace(text)) continue;
            switch (language)
            {
                case "en": heading.En = text; break;
                case "es": heading.Es = text; break;
                case "pt": heading.Pt = text; break;
                default: heading.Fr = text; break;
            }
            if (language == titleLanguage || OfficialLanguages.Contains(title.Official, language)) official.Add(language);
        }
        heading.Official = OfficialLanguages.Of(official);
        return heading;
    }
}

public enum OutcomeKind
{
    Information,
    Decision,
    Action,
}

public sealed class RecordOutcome
{
    /// <summary>The most characters of an outcome's text in any of its languages.</summary>
    public const int MaxText = 2000;

    public int Id { get; set; }
    public int SectionId { get; set; }
    public int Position { get; set; }
    public OutcomeKind Kind { get; set; }
    public LocalizedText Text { get; set; } = new();
    /// <summary>For an action: who carries it out.</summary>
    public int? OwnerPersonId { get; set; }
    public Person? Owner { get; set; }
    public string? OwnerName { get; set; }
    public DateOnly? DueDate { get; set; }
}

/// <summary>
/// A comment on a draft, or a reply to one (<see cref="ParentId"/>). A comment, not a reply, is resolved when what it
/// asked is settled, and reopened when it is not after all; the approver is told how many remain unresolved.
/// </summary>
public sealed class RecordComment
{
    public int Id { get; set; }
    public int RecordId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int? SectionId { get; set; }
    /// <summary>The comment this one answers; replies are one level deep.</summary>
    public int? ParentId { get; set; }
    public DateTime AtUtc { get; set; }
    public string Body { get; set; } = string.Empty;
    public DateTime? ResolvedAtUtc { get; set; }
    public int? ResolvedByPersonId { get; set; }
    public Person? ResolvedBy { get; set; }

    public bool IsResolved => ResolvedAtUtc is not null;

    public string? Resolve(int? personId, DateTime atUtc)
    {
        if (ParentId is not null) return "A reply is resolved with the comment it answers.";
        if (IsResolved) return "This comment is already resolved.";
        ResolvedAtUtc = atUtc;
        ResolvedByPersonId = personId;
        return null;
    }

    public string? Reopen()
    {
        if (!IsResolved) return "This comment is not resolved.";
        ResolvedAtUtc = null;
        ResolvedByPersonId = null;
        return null;
    }

    /// <summary>A reply to this comment.</summary>
    public RecordComment Reply(int personId, DateTime atUtc, string body) =>
        new() { RecordId = RecordId, ParentId = ParentId ?? Id, PersonId = personId, AtUtc = atUtc, Body = body };
}
