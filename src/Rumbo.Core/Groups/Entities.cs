using Rumbo.Core.Agendas;
using Rumbo.Core.People;

namespace Rumbo.Core.Groups;

/// <summary>The bodies and groups the documents describe.</summary>
public enum GroupKind
{
    CouncilOrConference,
    PresidingOfficers,
    AdHocWorkingGroup,
    ThematicWorkingGroup,
    SubWorkingGroup,
    /// <summary>Subregional, binational or cross-border working group.</summary>
    SubregionalGroup,
    CivilSocietyDiscussionGroup,
    InterAgencySupportGroup,
    TechnicalSecretariat,
}

public enum GroupStatus
{
    Proposed,
    Active,
    Concluded,
}

public sealed class Group
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    public Agenda? Agenda { get; set; }
    /// <summary>Unique within Rumbo; the group's URL is /groups/{slug}.</summary>
    public string Slug { get; set; } = string.Empty;
    public GroupKind Kind { get; set; }
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Mandate { get; set; } = new();
    public int? ParentId { get; set; }
    public Group? Parent { get; set; }
    /// <summary>The area or axis a thematic group works on.</summary>
    public int? AreaId { get; set; }
    public Area? Area { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public GroupStatus Status { get; set; } = GroupStatus.Active;
    /// <summary>Optimistic concurrency token: an edit based on an older version is refused (409), never lost.</summary>
    public int Version { get; set; }

    public List<GroupCountry> Countries { get; set; } = [];
    public List<GroupMember> Members { get; set; } = [];
    public List<GroupLine> Lines { get; set; } = [];
}

public enum GroupCountryRole
{
    Coordinating,
    Participating,
}

public sealed class GroupCountry
{
    public int GroupId { get; set; }
    public int CountryId { get; set; }
    public Country? Country { get; set; }
    public GroupCountryRole Role { get; set; }
}

public enum GroupRole
{
    Member,
    Coordinator,
}

public sealed class GroupMember
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public Group? Group { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public GroupRole Role { get; set; }
    /// <summary>Whom a coordinator represents (a ministry, ECLAC's division); defaults to the person's institution.</summary>
    public int? RepresentsInstitutionId { get; set; }
    public Institution? RepresentsInstitution { get; set; }
    public DateOnly? Since { get; set; }
}

/// <summary>A line of action the group serves.</summary>
public sealed class GroupLine : ILineLink
{
    public int GroupId { get; set; }
    public int LineOfActionId { get; set; }
    public LineOfAction? LineOfAction { get; set; }
}

/// <summary>A country's focal point for one agenda: reports its data and keeps its registers.</summary>
public sealed class FocalPoint
{
    public int Id { get; set; }
    public int AgendaId { get; set; }
    public Agenda? Agenda { get; set; }
    public int CountryId { get; set; }
    public Country? Country { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
}
