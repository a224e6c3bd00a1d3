using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using NodaTime;
using Rumbo.Core.Agendas;
using Rumbo.Core.Auditing;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Admin.Audit;

/// <summary>A value of the trail as the reader reads it; <see cref="Full"/> is set when <see cref="Text"/> was shortened.</summary>
public sealed record ShownValue(string Text, string? Url = null, string? Lang = null, string? Full = null, DateTime? Utc = null);

/// <summary>
/// The words of the audit trail: a record's kind, a field's label, a value. Labels reuse the keys the edit forms
/// show; a field with no label here is shown by its name split into words.
/// </summary>
public static partial class AuditText
{
    public const int ShortLength = 160;

    /// <summary>Field labels (English resource keys) by "Kind.Field", then by field alone.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Meeting.Kind"] = "Kind of meeting",
        ["Meeting.Access"] = "Access",
        ["Meeting.StartsAtUtc"] = "Start time",
        ["Document.Kind"] = "Kind of document",
        ["Document.Note"] = "Note on this version",
        ["Group.Kind"] = "Kind of group",
        ["Group.ParentId"] = "Parent group",
        ["Institution.ParentId"] = "Parent institution",
        ["MeetingItem.Title"] = "Title of the item",
        ["MeetingItem.Position"] = "Order",
        ["RecordSection.Position"] = "Order",
        ["RecordOutcome.Position"] = "Order",
        ["PlanActivity.Position"] = "Order",
        ["StrategicObjective.Position"] = "Order",
        ["LineOfAction.Position"] = "Order",
        ["RecordSection.Body"] = "What was said",
        ["RecordOutcome.Kind"] = "Kind of outcome",
        ["RecordComment.Body"] = "Comment",
        ["MeetingRecord.Kind"] = "Kind of record",
        ["MeetingRecord.Language"] = "Language of the record",
        ["AgreementFollowUp.Text"] = "What the country has done",
        ["MeetingParticipant.CountryId"] = "Country represented",
        ["GroupMember.RepresentsInstitutionId"] = "On behalf of",
        ["WorkPlan.AdoptedAtMeetingId"] = "Meeting that adopted it",
        ["WorkPlan.AdoptionNote"] = "Note",
        ["Policy.IsPublic"] = "Public",
        ["Policy.ReviewedByPersonId"] = "Reviewed by",
        ["Policy.InstitutionId"] = "Responsible institution",
        ["Person.Position"] = "Position (job title)",
        ["Title"] = "Title",
        ["Name"] = "Name",
        ["Description"] = "Description",
        ["Status"] = "Status",
        ["Kind"] = "Kind",
        ["GroupId"] = "Group",
        ["MeetingId"] = "Meeting",
        ["AgreementId"] = "Agreement",
        ["DocumentId"] = "Document",
        ["PlanId"] = "Plan",
        ["IndicatorId"] = "Indicator",
        ["Definition"] = "Definition",
        ["Method"] = "Method of computation",
        ["Source"] = "Source",
        ["Unit"] = "Unit",
        ["Decimals"] = "Decimals",
        ["Minimum"] = "Smallest value",
        ["Maximum"] = "Largest value",
        ["Periodicity"] = "Periodicity",
        ["Direction"] = "Desired direction",
        ["Dimensions"] = "Breakdowns",
        ["ChangeNote"] = "Why it changes",
        ["BaselineYear"] = "Base year",
        ["BaselineValue"] = "Baseline value",
        ["TargetYear"] = "Target year",
        ["TargetValue"] = "Target value",
        ["TargetId"] = "Target",
        ["Year"] = "Year",
        ["Value"] = "Value",
        ["IndicatorVersionId"] = "Indicator version",
        ["Breakdown"] = "Breakdown",
        ["Notes"] = "Notes",
        ["EvidenceFileId"] = "Evidence file",
        ["UploadedByPersonId"] = "Uploaded by",
        ["Locked"] = "Locked",
        ["RoundId"] = "Reporting round",
        ["ImportId"] = "Import",
        ["UpdatedAtUtc"] = "Updated at",
        ["ValueId"] = "Value",
        ["From"] = "From",
        ["To"] = "To",
        ["Reason"] = "Reason",
        ["FirstYear"] = "First year of data",
        ["LastYear"] = "Last year of data",
        ["OpensOn"] = "Opens on",
        ["DueOn"] = "Due on",
        ["Rows"] = "Rows",
        ["Saved"] = "Saved",
        ["Countries"] = "Countries",
        ["AgendaId"] = "Agenda",
        ["CountryId"] = "Country",
        ["PersonId"] = "Person",
        ["UserId"] = "User",
        ["InstitutionId"] = "Institution",
        ["AreaId"] = "Area or axis",
        ["LineOfActionId"] = "Line of action",
        ["Place"] = "Place",
        ["City"] = "City",
        ["Language"] = "Language",
        ["Summary"] = "Summary",
        ["Number"] = "Number",
        ["Text"] = "Text",
        ["Heading"] = "Heading",
        ["Body"] = "Text",
        ["Visibility"] = "Who may see it",
        ["Dissemination"] = "Dissemination",
        ["Format"] = "Format",
        ["TimeZone"] = "Time zone",
        ["DurationMinutes"] = "Duration in minutes",
        ["OnlineUrl"] = "Online link",
        ["Role"] = "Role",
        ["Response"] = "Response",
        ["Attended"] = "Attended",
        ["InvitedAtUtc"] = "Invited",
        ["RegisteredAtUtc"] = "Registered",
        ["ApprovedAtUtc"] = "Approved on",
        ["ApprovedByPersonId"] = "Approved by",
        ["CreatedAtUtc"] = "Created",
        ["CreatedAt"] = "Created",
        ["AdoptedOn"] = "Adopted on",
        ["Symbol"] = "Symbol",
        ["Date"] = "Date",
        ["StartDate"] = "Start date",
        ["EndDate"] = "End date",
        ["Mandate"] = "Mandate",
        ["Email"] = "E-mail",
        ["GivenName"] = "Given name",
        ["FamilyName"] = "Family name",
        ["Version"] = "Version",
        ["EvidenceUrl"] = "Link to the evidence",
        ["Note"] = "Note",
        ["ResponsibleGroupId"] = "Responsible group",
        ["RetiredOn"] = "Retired on",
        ["Code"] = "Code",
        ["Phone"] = "Telephone",
        ["RepresentsInstitutionId"] = "On behalf of",
        ["Since"] = "Since",
        ["SeriesId"] = "Series",
        ["PresenterPersonId"] = "Presenter",
        ["PresenterName"] = "Or the presenter's name",
        ["ReportedAtUtc"] = "Reported",
        ["ReportedByPersonId"] = "Reported by",
        ["DueDate"] = "Due date",
        ["OwnerPersonId"] = "Owner (for an action)",
        ["OwnerName"] = "Or the owner's name",
        ["Acronym"] = "Acronym",
        ["Website"] = "Website",
        ["ContactIsPublic"] = "Contact details are public",
        ["PeriodStart"] = "Start of the period",
        ["PeriodEnd"] = "End of the period",
        ["StartMonth"] = "Start month",
        ["EndMonth"] = "End month",
        ["Grant"] = "Access granted",
        ["ExpiresAt"] = "Expires",
        ["AcceptedAt"] = "Accepted",
        ["FileName"] = "File name",
        ["Size"] = "Size",
        ["ClaimType"] = "Kind of claim",
        ["ClaimValue"] = "Value of the claim",
        ["RoleId"] = "Role",
        ["ProviderDisplayName"] = "Sign-in provider",
        ["IdentityUserToken`1.Value"] = "Value",
        ["InvitedByUserId"] = "Invited by",
        ["TokenHash"] = "Token (hidden)",
        ["LastUsedAt"] = "Last used",
        ["Prefix"] = "Start of the token",
        ["RevokedAt"] = "Revoked",
        ["ConcurrencyStamp"] = "Change stamp (hidden)",
        ["NormalizedName"] = "Name for comparisons",
        ["AccessFailedCount"] = "Failed sign-ins",
        ["EmailConfirmed"] = "E-mail confirmed",
        ["LockoutEnabled"] = "May be locked out",
        ["LockoutEnd"] = "Locked out until",
        ["NormalizedEmail"] = "E-mail for comparisons",
        ["NormalizedUserName"] = "User name for comparisons",
        ["PasswordHash"] = "Password (hidden)",
        ["PhoneNumber"] = "Telephone",
        ["PhoneNumberConfirmed"] = "Telephone confirmed",
        ["SecurityStamp"] = "Security stamp (hidden)",
        ["TwoFactorEnabled"] = "Two-step sign-in",
        ["UserName"] = "User name",
        ["ContentHash"] = "Fingerprint of the content",
        ["DocumentLanguage"] = "Language of the document",
        ["OriginalLanguage"] = "Original language",
        ["Slug"] = "Short name in addresses",
        ["SourceDocument"] = "Source document",
        ["UpdatedAt"] = "Updated",
        ["AdoptingBody"] = "Adopted by",
        ["AreaLevelName"] = "Name of its areas",
        ["FollowUpMechanism"] = "Follow-up mechanism",
        ["Agenda.Meeting"] = "Meeting",
        ["ObjectiveId"] = "Strategic objective",
        ["SearchText"] = "Text for search",
        ["Extension"] = "Extension",
        ["ExtractedText"] = "Text of the file",
        ["MediaType"] = "Type of file",
        ["UploadedAtUtc"] = "Uploaded",
        ["UploadedByUserId"] = "Uploaded by",
        ["CalendarSequence"] = "Calendar revision",
        ["CalendarUid"] = "Calendar identifier",
        ["MeetingItemId"] = "Agenda item",
        ["RecurrenceRule"] = "Repetition",
        ["Code3"] = "Three-letter code",
        ["Subregion"] = "Subregion",
        ["Policy.Level"] = "Level",
        ["Policy.Review"] = "Review",
        ["Territory"] = "Subnational territory",
        ["Instrument"] = "Instrument",
        ["InstitutionName"] = "Name of the responsible institution",
        ["StartYear"] = "First year",
        ["EndYear"] = "Last year",
        ["BudgetAmount"] = "Amount",
        ["BudgetCurrency"] = "Currency",
        ["ProgressPercent"] = "Progress (percent done, 0 to 100)",
        ["Progress"] = "Progress",
        ["Outcomes"] = "Outcomes",
        ["Links"] = "Links",
        ["ReviewComment"] = "Comment to the country",
        ["ReviewedAtUtc"] = "Reviewed on",
        ["PolicyId"] = "Policy",
        ["On"] = "Date of the change",
        ["ByPersonId"] = "Recorded by",
        ["IsExample"] = "Example data",
        ["ActivityId"] = "Activity",
        ["AtUtc"] = "Written",
        ["RecordComment.ParentId"] = "In reply to",
        ["RecordId"] = "Minutes or memory aid",
        ["ResolvedAtUtc"] = "Resolved",
        ["ResolvedByPersonId"] = "Resolved by",
        ["SectionId"] = "Section",
        ["RoadMap.IsPublic"] = "Public",
        ["AssessmentId"] = "Diagnosis",
        ["AnsweredAtUtc"] = "Answered",
        ["AnsweredByPersonId"] = "Answered by",
        ["CapacityAnswer.Comment"] = "Comment",
        ["CapacityAnswer.Level"] = "Level",
        ["QuestionId"] = "Question",
        ["Publicity"] = "What is public",
        ["IsProposal"] = "Proposal to adapt",
        ["PublishedAtUtc"] = "Published",
        ["PublishedByPersonId"] = "Published by",
        ["Descriptor"] = "Descriptor",
        ["AsksEvidence"] = "Asks for evidence",
        ["InstrumentId"] = "Instrument",
        ["CapacityQuestion.Position"] = "Position",
        ["Guidance"] = "Guidance",
        ["CapacityActivity.IsPublic"] = "Public",
        ["RoadMapId"] = "Road map",
        ["Dimension"] = "Dimension of capacity",
        ["BaselineScore"] = "Baseline score",
        ["BaselineRound"] = "Round of the diagnosis",
        ["TargetScore"] = "Target score",
        ["ResponsibleInstitution"] = "Responsible institution",
        ["ResponsiblePerson"] = "Responsible person",
        ["StartOn"] = "Start",
        ["EndOn"] = "Last day",
        ["ManualPercent"] = "Percent done (without milestones)",
        ["CapacityActionId"] = "Action",
        ["DoneOn"] = "Done on",
        ["Topic"] = "Topic",
        ["Mode"] = "Mode",
        ["Providers"] = "Providers",
        ["HostCountryId"] = "Host country",
        ["Outcome"] = "Outcome",
        ["CapacityActivityId"] = "Training, mission or exchange",
        ["CapacityParticipant.Institution"] = "Institution",
        ["Count"] = "Number of people",
    };

    /// <summary>The kinds of record the trail names, as resource keys "entity:Kind".</summary>
    public static readonly IReadOnlyList<string> Kinds =
    [
        "Agenda", "Principle", "Area", "StrategicObjective", "LineOfAction", "Country", "Institution", "Person", "Group",
        "GroupCountry", "GroupMember", "GroupLine", "FocalPoint", "Invitation", "PersonalAccessToken", "RumboUser",
        "RumboRole", "IdentityUserRole`1", "IdentityUserClaim`1", "IdentityUserLogin`1", "IdentityUserToken`1", "IdentityRoleClaim`1", "Meeting", "MeetingSeries", "MeetingItem", "MeetingItemLine", "MeetingParticipant",
        "MeetingRecord", "RecordSection", "RecordOutcome", "RecordComment", "Agreement", "AgreementLine", "AgreementFollowUp",
        "CalendarFeed", "Document", "DocumentVersion", "DocumentLine", "WorkPlan", "PlanActivity", "PlanActivityCountry",
        "PlanActivityLine", "Indicator", "IndicatorVersion", "IndicatorLine", "IndicatorSdgTarget", "IndicatorTarget", "TargetMilestone",
        "IndicatorValue", "ValueTransition", "ReportingRound", "IndicatorImport", "EvidenceFile", "Policy", "PolicyStatusChange", "PolicyLine", "PolicySdgTarget",
        "RoadMap", "RoadMapTransition", "CapacityAction", "CapacityActionLine", "CapacityMilestone", "CapacityActivity", "CapacityParticipant", "CapacityActivityAction",
        "CapacityInstrument", "CapacityQuestion", "CapacityLevel", "CapacityRound", "CapacityAssessment", "CapacityAnswer", "AssessmentTransition",
        "PolicyLineRejection",
    ];

    /// <summary>Enums whose words are kept under another prefix than their type's name.</summary>
    private static readonly Dictionary<string, string> EnumPrefixes = new(StringComparer.Ordinal) { ["InvitationGrant"] = "grant" };

    /// <summary>Whether the field has a label of its own rather than its name split into words.</summary>
    public static bool HasLabel(string kind, string field) => Labels.ContainsKey($"{kind}.{field}") || Labels.ContainsKey(field);

    public static string Kind(IStringLocalizer t, string kind)
    {
        var word = t["entity:" + kind];
        return word.ResourceNotFound ? Words(kind) : word.Value;
    }

    public static string Label(IStringLocalizer t, string kind, string field)
    {
        // One language of a text: "Title.Es" is the title in Spanish, "Title.Source" the text as written.
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var part = field[(dot + 1)..];
            var language = part == "Source" ? t["original text"].Value : t[Ui.LanguageName(part.ToLowerInvariant())].Value;
            return $"{Label(t, kind, field[..dot])} ({language})";
        }
        var key = Labels.GetValueOrDefault($"{kind}.{field}") ?? Labels.GetValueOrDefault(field);
        return key is null ? Words(field) : t[key].Value;
    }

    public static ShownValue? Value(IStringLocalizer t, AuditValue? value, string? raw, DateTimeZone zone, string? field = null)
    {
        if (raw is null) return null;
        // Languages are kept as their codes ("en"); a person reads the language's name.
        if (field is not null && field.EndsWith("Language", StringComparison.Ordinal) && Ui.LanguageName(raw) != raw) return new ShownValue(t[Ui.LanguageName(raw)].Value);
        if (value is null) return Long(raw);
        switch (value.Kind)
        {
            case AuditValueKind.Enum when value.EnumKey is { } key:
                var colon = key.IndexOf(':', StringComparison.Ordinal);
                var prefixed = EnumPrefixes.TryGetValue(key[..colon], out var prefix) ? prefix + key[colon..] : key;
                var word = t[prefixed];
                return new ShownValue(word.ResourceNotFound ? Words(key[(colon + 1)..]) : word.Value);
            case AuditValueKind.Boolean:
                return new ShownValue(value.Boolean == true ? t["Yes"].Value : t["No"].Value);
            case AuditValueKind.Instant when value.Utc is { } utc:
                return new ShownValue(Time(utc, zone), Utc: utc);
            case AuditValueKind.Reference when value.Subject is { } s:
                return Subject(t, s);
            default:
                return Long(value.Text);
        }
    }

    /// <summary>A record by its name and mark, linked to its page while it exists; a deleted one by its last name.</summary>
    public static ShownValue Subject(IStringLocalizer t, AuditSubject s)
    {
        var name = s.Name is { } n ? n.In(Ui.Language, s.Language) : (Text: "", Language: "");
        var lang = name.Language.Length > 0 && name.Language != Ui.Language ? name.Language : null;
        var text = name.Text.Length > 0 ? Short(name.Text, 120) : $"{Kind(t, s.Kind)} {s.Id}";
        if (s.Detail is not null) text = $"{text} ({s.Detail})";
        if (!s.Exists) text = $"{text} {t["(deleted)"].Value}";
        return new ShownValue(text, s.Exists ? s.Url : null, lang);
    }

    /// <summary>A moment in the reader's zone with the zone's abbreviation, or its offset where the zone has only numbers.</summary>
    public static string Time(DateTime utc, DateTimeZone zone)
    {
        var instant = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        var local = instant.InZone(zone);
        // The one writer of offsets, as the meeting pages, mails and calendars write them (UTC−04:00, true minus).
        var offset = Rumbo.Core.Meetings.MeetingTimes.OffsetText(local.Offset);
        var name = zone.GetZoneInterval(instant).Name;
        var mark = name.Any(char.IsLetter) && name != "UTC" ? $"{name}, {offset}" : offset;
        return $"{local.LocalDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} ({mark})";
    }


    private static ShownValue Long(string text) =>
        text.Length > ShortLength ? new ShownValue(Short(text, ShortLength), Full: text) : new ShownValue(text);

    private static string Short(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    /// <summary>"StartsAtUtc" as "Starts at": the last resort for a field or kind with no words of its own.</summary>
    private static string Words(string name)
    {
        var bare = Regex.Replace(name, "(Utc|Id)$", "");
        var words = CapitalWords().Replace(bare.Length > 0 ? bare : name, " $1").Trim();
        return words.Length == 0 ? name : words[..1] + words[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex CapitalWords();
}
