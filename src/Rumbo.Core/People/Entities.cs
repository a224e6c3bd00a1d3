using Rumbo.Core.Agendas;

namespace Rumbo.Core.People;

public enum Subregion
{
    SouthAmerica,
    CentralAmerica,
    Mexico,
    Caribbean,
}

public enum CountryStatus
{
    /// <summary>One of the 33 member States of ECLAC in Latin America and the Caribbean.</summary>
    MemberState,
    /// <summary>An associate member of ECLAC (Caribbean non-independent territories).</summary>
    AssociateMember,
}

/// <summary>Reference data shipped with Rumbo; keyed by its ISO 3166-1 alpha-2 code.</summary>
public sealed class Country
{
    public int Id { get; set; }
    /// <summary>ISO 3166-1 alpha-2, upper case: CL, UY.</summary>
    public string Code { get; set; } = string.Empty;
    /// <summary>ISO 3166-1 alpha-3: CHL, URY.</summary>
    public string Code3 { get; set; } = string.Empty;
    public LocalizedText Name { get; set; } = new();
    public Subregion Subregion { get; set; }
    public CountryStatus Status { get; set; }
}

/// <summary>The participant categories of LC-MDS.4-3, plus the bodies that serve the agendas.</summary>
public enum InstitutionKind
{
    /// <summary>Ministry or secretariat in charge of the agenda's subject in a country.</summary>
    Ministry,
    /// <summary>(a) Other government bodies, national or subnational.</summary>
    OtherGovernmentBody,
    /// <summary>ECLAC, its divisions and ILPES.</summary>
    Eclac,
    /// <summary>(f) United Nations and international cooperation agencies.</summary>
    UnOrInternationalAgency,
    /// <summary>(b) Subregional integration spaces: SICA/SISCA, MERCOSUR/ISM, the Pacific Alliance, CARICOM.</summary>
    SubregionalBody,
    /// <summary>(c) Civil society.</summary>
    CivilSociety,
    /// <summary>(d) The academic sector and research centres.</summary>
    Academia,
    /// <summary>(e) The private sector.</summary>
    PrivateSector,
    /// <summary>(g) Financing institutions.</summary>
    FinancingInstitution,
}

public sealed class Institution
{
    public int Id { get; set; }
    public LocalizedText Name { get; set; } = new();
    public string? Acronym { get; set; }
    public InstitutionKind Kind { get; set; }
    public int? CountryId { get; set; }
    public Country? Country { get; set; }
    /// <summary>ILPES and the Social Development Division belong to ECLAC.</summary>
    public int? ParentId { get; set; }
    public Institution? Parent { get; set; }
    public string? Website { get; set; }
    public int Version { get; set; }
}

public sealed class Person
{
    public int Id { get; set; }
    public string GivenName { get; set; } = string.Empty;
    public string FamilyName { get; set; } = string.Empty;
    /// <summary>Position or title in their institution.</summary>
    public string? Position { get; set; }
    public int? InstitutionId { get; set; }
    public Institution? Institution { get; set; }
    public int? CountryId { get; set; }
    public Country? Country { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>Whether the public may see the e-mail and telephone; otherwise only signed-in members do.</summary>
    public bool ContactIsPublic { get; set; }
    /// <summary>Demo people are examples, plainly marked as such wherever they show: no invented person poses as real.</summary>
    public bool IsExample { get; set; }
    public int Version { get; set; }

    public string FullName => $"{GivenName} {FamilyName}".Trim();
}
