using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;

namespace Rumbo.Core.People;

public sealed record CountryData(string Code, string Code3, string En, string Es, Subregion Subregion, CountryStatus Status, string Pt, string Fr);

/// <summary>An institution shipped with Rumbo; <see cref="Parent"/> is the English name of another shipped institution.</summary>
public sealed record InstitutionData(string En, string Es, string? Acronym, InstitutionKind Kind, string? CountryCode = null, string? Parent = null);

public sealed record ReferenceDataResult(int CountriesAdded, int CountriesUpdated, int InstitutionsAdded, int InstitutionsUpdated)
{
    public bool Changed => CountriesAdded + CountriesUpdated + InstitutionsAdded + InstitutionsUpdated > 0;
}

/// <summary>
/// The countries and institutions every installation needs, whether or not it holds demo data: ECLAC's member
/// States in Latin America and the Caribbean and its associate members, ECLAC and the bodies the source documents
/// name.
/// </summary>
/// <remarks>
/// Names follow United Nations usage in English, Spanish and French, and common Brazilian usage in Portuguese (the
/// United Nations has no Portuguese names). Subregions are geographic: the isthmus from Belize to
/// Panama is Central America, Guyana and Suriname are South America, the islands are the Caribbean. Bermuda, in
/// the Atlantic, is counted with the Caribbean because ECLAC groups it with the Caribbean associate members.
/// </remarks>
public static class ReferenceData
{
    public const string Eclac = "Economic Commission for Latin America and the Caribbean";
    public const string SocialDevelopmentDivision = "Social Development Division";
    public const string Ilpes = "Latin American and Caribbean Institute for Economic and Social Planning";
    public const string ChileMinistry = "Ministry of Social Development and Family Affairs";
    public const string UruguayMinistry = "Ministry of Social Development";

    public static IReadOnlyList<CountryData> Countries { get; } =
    [
        // The 33 member States in Latin America and the Caribbean.
        new("AG", "ATG", "Antigua and Barbuda", "Antigua y Barbuda", Subregion.Caribbean, CountryStatus.MemberState, "Antígua e Barbuda", "Antigua-et-Barbuda"),
        new("AR", "ARG", "Argentina", "Argentina", Subregion.SouthAmerica, CountryStatus.MemberState, "Argentina", "Argentine"),
        new("BS", "BHS", "Bahamas", "Bahamas", Subregion.Caribbean, CountryStatus.MemberState, "Bahamas", "Bahamas"),
        new("BB", "BRB", "Barbados", "Barbados", Subregion.Caribbean, CountryStatus.MemberState, "Barbados", "Barbade"),
        new("BZ", "BLZ", "Belize", "Belice", Subregion.CentralAmerica, CountryStatus.MemberState, "Belize", "Belize"),
        new("BO", "BOL", "Bolivia (Plurinational State of)", "Bolivia (Estado Plurinacional de)", Subregion.SouthAmerica, CountryStatus.MemberState, "Bolívia (Estado Plurinacional da)", "Bolivie (État plurinational de)"),
        new("BR", "BRA", "Brazil", "Brasil", Subregion.SouthAmerica, CountryStatus.MemberState, "Brasil", "Brésil"),
        new("CL", "CHL", "Chile", "Chile", Subregion.SouthAmerica, CountryStatus.MemberState, "Chile", "Chili"),
        new("CO", "COL", "Colombia", "Colombia", Subregion.SouthAmerica, CountryStatus.MemberState, "Colômbia", "Colombie"),
        new("CR", "CRI", "Costa Rica", "Costa Rica", Subregion.CentralAmerica, CountryStatus.MemberState, "Costa Rica", "Costa Rica"),
        new("CU", "CUB", "Cuba", "Cuba", Subregion.Caribbean, CountryStatus.MemberState, "Cuba", "Cuba"),
        new("DM", "DMA", "Dominica", "Dominica", Subregion.Caribbean, CountryStatus.MemberState, "Dominica", "Dominique"),
        new("DO", "DOM", "Dominican Republic", "República Dominicana", Subregion.Caribbean, CountryStatus.MemberState, "República Dominicana", "République dominicaine"),
        new("EC", "ECU", "Ecuador", "Ecuador", Subregion.SouthAmerica, CountryStatus.MemberState, "Equador", "Équateur"),
        new("SV", "SLV", "El Salvador", "El Salvador", Subregion.CentralAmerica, CountryStatus.MemberState, "El Salvador", "El Salvador"),
        new("GD", "GRD", "Grenada", "Granada", Subregion.Caribbean, CountryStatus.MemberState, "Granada", "Grenade"),
        new("GT", "GTM", "Guatemala", "Guatemala", Subregion.CentralAmerica, CountryStatus.MemberState, "Guatemala", "Guatemala"),
        new("GY", "GUY", "Guyana", "Guyana", Subregion.SouthAmerica, CountryStatus.MemberState, "Guiana", "Guyana"),
        new("HT", "HTI", "Haiti", "Haití", Subregion.Caribbean, CountryStatus.MemberState, "Haiti", "Haïti"),
        new("HN", "HND", "Honduras", "Honduras", Subregion.CentralAmerica, CountryStatus.MemberState, "Honduras", "Honduras"),
        new("JM", "JAM", "Jamaica", "Jamaica", Subregion.Caribbean, CountryStatus.MemberState, "Jamaica", "Jamaïque"),
        new("MX", "MEX", "Mexico", "México", Subregion.Mexico, CountryStatus.MemberState, "México", "Mexique"),
        new("NI", "NIC", "Nicaragua", "Nicaragua", Subregion.CentralAmerica, CountryStatus.MemberState, "Nicarágua", "Nicaragua"),
        new("PA", "PAN", "Panama", "Panamá", Subregion.CentralAmerica, CountryStatus.MemberState, "Panamá", "Panama"),
        new("PY", "PRY", "Paraguay", "Paraguay", Subregion.SouthAmerica, CountryStatus.MemberState, "Paraguai", "Paraguay"),
        new("PE", "PER", "Peru", "Perú", Subregion.SouthAmerica, CountryStatus.MemberState, "Peru", "Pérou"),
        new("KN", "KNA", "Saint Kitts and Nevis", "Saint Kitts y Nevis", Subregion.Caribbean, CountryStatus.MemberState, "São Cristóvão e Névis", "Saint-Kitts-et-Nevis"),
        new("LC", "LCA", "Saint Lucia", "Santa Lucía", Subregion.Caribbean, CountryStatus.MemberState, "Santa Lúcia", "Sainte-Lucie"),
        new("VC", "VCT", "Saint Vincent and the Grenadines", "San Vicente y las Granadinas", Subregion.Caribbean, CountryStatus.MemberState, "São Vicente e Granadinas", "Saint-Vincent-et-les Grenadines"),
        new("SR", "SUR", "Suriname", "Suriname", Subregion.SouthAmerica, CountryStatus.MemberState, "Suriname", "Suriname"),
        new("TT", "TTO", "Trinidad and Tobago", "Trinidad y Tabago", Subregion.Caribbean, CountryStatus.MemberState, "Trinidad e Tobago", "Trinité-et-Tobago"),
        new("UY", "URY", "Uruguay", "Uruguay", Subregion.SouthAmerica, CountryStatus.MemberState, "Uruguai", "Uruguay"),
        new("VE", "VEN", "Venezuela (Bolivarian Republic of)", "Venezuela (República Bolivariana de)", Subregion.SouthAmerica, CountryStatus.MemberState, "Venezuela (República Bolivariana da)", "Venezuela (République bolivarienne du)"),

        // The associate members. French Guiana is left out until its admission is confirmed against ECLAC's own list.
        new("AI", "AIA", "Anguilla", "Anguila", Subregion.Caribbean, CountryStatus.AssociateMember, "Anguila", "Anguilla"),
        new("AW", "ABW", "Aruba", "Aruba", Subregion.Caribbean, CountryStatus.AssociateMember, "Aruba", "Aruba"),
        new("BM", "BMU", "Bermuda", "Bermudas", Subregion.Caribbean, CountryStatus.AssociateMember, "Bermudas", "Bermudes"),
        new("VG", "VGB", "British Virgin Islands", "Islas Vírgenes Británicas", Subregion.Caribbean, CountryStatus.AssociateMember, "Ilhas Virgens Britânicas", "Îles Vierges britanniques"),
        new("KY", "CYM", "Cayman Islands", "Islas Caimán", Subregion.Caribbean, CountryStatus.AssociateMember, "Ilhas Cayman", "Îles Caïmanes"),
        new("CW", "CUW", "Curaçao", "Curaçao", Subregion.Caribbean, CountryStatus.AssociateMember, "Curaçao", "Curaçao"),
        new("GP", "GLP", "Guadeloupe", "Guadalupe", Subregion.Caribbean, CountryStatus.AssociateMember, "Guadalupe", "Guadeloupe"),
        new("MQ", "MTQ", "Martinique", "Martinica", Subregion.Caribbean, CountryStatus.AssociateMember, "Martinica", "Martinique"),
        new("MS", "MSR", "Montserrat", "Montserrat", Subregion.Caribbean, CountryStatus.AssociateMember, "Montserrat", "Montserrat"),
        new("PR", "PRI", "Puerto Rico", "Puerto Rico", Subregion.Caribbean, CountryStatus.AssociateMember, "Porto Rico", "Porto Rico"),
        new("SX", "SXM", "Sint Maarten", "San Martín (parte neerlandesa)", Subregion.Caribbean, CountryStatus.AssociateMember, "São Martinho (parte holandesa)", "Saint-Martin (partie néerlandaise)"),
        new("TC", "TCA", "Turks and Caicos Islands", "Islas Turcas y Caicos", Subregion.Caribbean, CountryStatus.AssociateMember, "Ilhas Turcas e Caicos", "Îles Turques-et-Caïques"),
        new("VI", "VIR", "United States Virgin Islands", "Islas Vírgenes de los Estados Unidos", Subregion.Caribbean, CountryStatus.AssociateMember, "Ilhas Virgens dos Estados Unidos", "Îles Vierges des États-Unis"),
    ];

    /// <summary>Parents come before their children, so that one pass can link them.</summary>
    public static IReadOnlyList<InstitutionData> Institutions { get; } =
    [
        new(Eclac, "Comisión Económica para América Latina y el Caribe", "ECLAC", InstitutionKind.Eclac),
        new(SocialDevelopmentDivision, "División de Desarrollo Social", null, InstitutionKind.Eclac, Parent: Eclac),
        new(Ilpes, "Instituto Latinoamericano y del Caribe de Planificación Económica y Social", "ILPES", InstitutionKind.Eclac, Parent: Eclac),

        // LC/MDS.4/3, B.3: the coordinators of the regional cooperation and integration group represent these.
        new(ChileMinistry, "Ministerio de Desarrollo Social y Familia", null, InstitutionKind.Ministry, "CL"),
        new(UruguayMinistry, "Ministerio de Desarrollo Social", "MIDES", InstitutionKind.Ministry, "UY"),

        // LC/MDS.4/3, footnote 3: the subregional integration spaces it gives as examples.
        new("Central American Integration System", "Sistema de la Integración Centroamericana", "SICA", InstitutionKind.SubregionalBody),
        new("Central American Social Integration Secretariat", "Secretaría de la Integración Social Centroamericana", "SISCA", InstitutionKind.SubregionalBody, Parent: "Central American Integration System"),
        new("Central American Social Integration Council", "Consejo de la Integración Social Centroamericana", "CIS", InstitutionKind.SubregionalBody, Parent: "Central American Integration System"),
        new("Southern Common Market", "Mercado Común del Sur", "MERCOSUR", InstitutionKind.SubregionalBody),
        new("MERCOSUR Social Institute", "Instituto Social del MERCOSUR", "ISM", InstitutionKind.SubregionalBody, Parent: "Southern Common Market"),
        new("Pacific Alliance", "Alianza del Pacífico", null, InstitutionKind.SubregionalBody),
        new("Development and Social Inclusion Technical Group", "Grupo Técnico de Desarrollo e Inclusión Social", null, InstitutionKind.SubregionalBody, Parent: "Pacific Alliance"),
        new("Caribbean Community", "Comunidad del Caribe", "CARICOM", InstitutionKind.SubregionalBody),

        // LC/MDS.4/3, A.1 names these partners only as kinds of body, so they stay generic.
        new("Offices of the United Nations resident coordinators", "Oficinas de los coordinadores residentes de las Naciones Unidas", null, InstitutionKind.UnOrInternationalAgency),
        new("United Nations agencies, funds and programmes", "Organismos, fondos y programas de las Naciones Unidas", null, InstitutionKind.UnOrInternationalAgency),
    ];

    /// <summary>
    /// Adds what is missing and corrects what differs from the shipped data, in one transaction. Countries are
    /// matched by their alpha-2 code, institutions by English name and country. Fields Rumbo does not ship
    /// (websites, Portuguese and French names) are left as edited. Nothing is written when all is in place, so
    /// running it on every start adds no audit entries.
    /// </summary>
    public static async Task<ReferenceDataResult> EnsureAsync(RumboDbContext db, CancellationToken ct = default)
    {
        var countries = await db.Countries.ToDictionaryAsync(c => c.Code, ct);
        int countriesAdded = 0, countriesUpdated = 0;
        foreach (var data in Countries)
        {
            if (!countries.TryGetValue(data.Code, out var country))
            {
                country = new Country { Code = data.Code };
                db.Countries.Add(country);
                countries[data.Code] = country;
                countriesAdded++;
            }
            else if (Differs(country, data))
            {
                countriesUpdated++;
            }
            country.Code3 = data.Code3;
            SetName(country.Name, data.En, data.Es, data.Pt, data.Fr);
            country.Subregion = data.Subregion;
            country.Status = data.Status;
        }

        var institutions = await db.Institutions.ToListAsync(ct);
        var byName = new Dictionary<string, Institution>();
        int institutionsAdded = 0, institutionsUpdated = 0;
        foreach (var data in Institutions)
        {
            var country = data.CountryCode is null ? null : countries[data.CountryCode];
            var parent = data.Parent is null ? null : byName[data.Parent];
            // Several countries have a "Ministry of Social Development": the country is part of the key.
            var institution = institutions.FirstOrDefault(i => i.Name.Source == data.En && i.Country == country);
            if (institution is null)
            {
                institution = new Institution();
                db.Institutions.Add(institution);
                institutions.Add(institution);
                institutionsAdded++;
            }
            else if (Differs(institution, data, country, parent))
            {
                institution.Version++;
                institutionsUpdated++;
            }
            SetName(institution.Name, data.En, data.Es);
            institution.Acronym = data.Acronym;
            institution.Kind = data.Kind;
            institution.Country = country;
            institution.Parent = parent;
            byName[data.En] = institution;
        }

        var result = new ReferenceDataResult(countriesAdded, countriesUpdated, institutionsAdded, institutionsUpdated);
        if (result.Changed)
        {
            await db.SaveChangesAsync(ct);
        }
        return result;
    }

    private static bool Differs(Country c, CountryData d) =>
        c.Code3 != d.Code3 || NameDiffers(c.Name, d.En, d.Es, d.Pt, d.Fr) || c.Subregion != d.Subregion || c.Status != d.Status;

    private static bool Differs(Institution i, InstitutionData d, Country? country, Institution? parent) =>
        NameDiffers(i.Name, d.En, d.Es) || i.Acronym != d.Acronym || i.Kind != d.Kind
        || i.Country != country || i.Parent != parent;

    // Institutions ship without Portuguese or French names: a null leaves what a translator entered.
    private static bool NameDiffers(LocalizedText t, string en, string es, string? pt = null, string? fr = null) =>
        t.Source != en || t.En != en || t.Es != es || (pt is not null && t.Pt != pt) || (fr is not null && t.Fr != fr);

    private static void SetName(LocalizedText t, string en, string es, string? pt = null, string? fr = null)
    {
        // The shipped names are English first, so the English name is also the source text.
        t.Source = en;
        t.En = en;
        t.Es = es;
        if (pt is not null) t.Pt = pt;
        if (fr is not null) t.Fr = fr;
    }
}
