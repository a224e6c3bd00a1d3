using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Data;
using Rumbo.Core.People;
using Rumbo.TestSupport;

namespace Rumbo.Core.Tests.Groups;

/// <summary>The countries and institutions shipped with Rumbo, stored on both providers.</summary>
public abstract class ReferenceDataTests(DatabaseProvider provider) : MigratedDatabaseTests(provider)
{
    private async Task<ReferenceDataResult> Ensure()
    {
        await using var db = Database.CreateContext();
        return await ReferenceData.EnsureAsync(db);
    }

    [Fact]
    public async Task The_33_member_States_and_the_associate_members_are_stored()
    {
        var result = await Ensure();
        Assert.Equal(46, result.CountriesAdded);
        await using var db = Database.CreateContext();
        Assert.Equal(33, await db.Countries.CountAsync(c => c.Status == CountryStatus.MemberState));
        var associates = await db.Countries.Where(c => c.Status == CountryStatus.AssociateMember).OrderBy(c => c.Name.Source).Select(c => c.Name.Source).ToListAsync();
        Assert.Equal(
            ["Anguilla", "Aruba", "Bermuda", "British Virgin Islands", "Cayman Islands", "Curaçao", "Guadeloupe", "Martinique", "Montserrat",
             "Puerto Rico", "Sint Maarten", "Turks and Caicos Islands", "United States Virgin Islands"],
            associates);
        Assert.Equal(
            ["AG", "AR", "BB", "BO", "BR", "BS", "BZ", "CL", "CO", "CR", "CU", "DM", "DO", "EC", "GD", "GT", "GY", "HN", "HT", "JM", "KN", "LC", "MX",
             "NI", "PA", "PE", "PY", "SR", "SV", "TT", "UY", "VC", "VE"],
            await db.Countries.Where(c => c.Status == CountryStatus.MemberState).OrderBy(c => c.Code).Select(c => c.Code).ToListAsync());
    }

    [Fact]
    public async Task Codes_are_unique_and_are_the_ISO_3166_codes()
    {
        await Ensure();
        await using var db = Database.CreateContext();
        var countries = await db.Countries.AsNoTracking().ToListAsync();
        Assert.Equal(countries.Count, countries.Select(c => c.Code).Distinct().Count());
        Assert.Equal(countries.Count, countries.Select(c => c.Code3).Distinct().Count());
        Assert.All(countries, c =>
        {
            Assert.Matches("^[A-Z]{2}$", c.Code);
            Assert.Matches("^[A-Z]{3}$", c.Code3);
            // The platform's own ISO 3166 table is an independent check of both codes.
            Assert.Equal(c.Code3, new RegionInfo(c.Code).ThreeLetterISORegionName);
        });
    }

    [Fact]
    public async Task Names_are_in_English_Spanish_Portuguese_and_French_with_the_English_as_source()
    {
        await Ensure();
        await using var db = Database.CreateContext();
        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code);
        Assert.All(countries.Values, c =>
        {
            Assert.Equal(c.Name.En, c.Name.Source);
            Assert.False(string.IsNullOrWhiteSpace(c.Name.Es));
            Assert.False(string.IsNullOrWhiteSpace(c.Name.Pt));
            Assert.False(string.IsNullOrWhiteSpace(c.Name.Fr));
        });
        Assert.Equal("Brésil", countries["BR"].Name.Fr);
        Assert.Equal("São Vicente e Granadinas", countries["VC"].Name.Pt);
        Assert.Equal("Saint-Vincent-et-les Grenadines", countries["VC"].Name.Fr);
        Assert.Equal("Brasil", countries["BR"].Name.Es);
        Assert.Equal("México", countries["MX"].Name.Es);
        Assert.Equal("Trinidad y Tabago", countries["TT"].Name.Es);
        Assert.Equal("Perú", countries["PE"].Name.Es);
        Assert.Equal("Haití", countries["HT"].Name.Es);
        Assert.Equal("Belice", countries["BZ"].Name.Es);
        Assert.Equal("San Vicente y las Granadinas", countries["VC"].Name.Es);
        Assert.Equal("Bolivia (Estado Plurinacional de)", countries["BO"].Name.Es);
        Assert.Equal("Islas Vírgenes de los Estados Unidos", countries["VI"].Name.Es);
        Assert.Equal("Bolivia (Plurinational State of)", countries["BO"].Name.En);
        Assert.Equal(Subregion.Mexico, countries["MX"].Subregion);
        Assert.Equal(Subregion.CentralAmerica, countries["CR"].Subregion);
        Assert.Equal(Subregion.SouthAmerica, countries["UY"].Subregion);
        Assert.Equal(Subregion.Caribbean, countries["JM"].Subregion);
    }

    [Fact]
    public async Task Institutions_hang_under_their_parents_and_ministries_under_their_countries()
    {
        await Ensure();
        await using var db = Database.CreateContext();
        var institutions = await db.Institutions.AsNoTracking().Include(i => i.Parent).Include(i => i.Country).ToListAsync();
        Assert.Equal(ReferenceData.Institutions.Count, institutions.Count);
        Institution Named(string name) => institutions.Single(i => i.Name.Source == name);

        var eclac = Named(ReferenceData.Eclac);
        Assert.Equal(InstitutionKind.Eclac, eclac.Kind);
        Assert.Equal("ECLAC", eclac.Acronym);
        Assert.Equal("Comisión Económica para América Latina y el Caribe", eclac.Name.Es);
        foreach (var child in new[] { ReferenceData.SocialDevelopmentDivision, ReferenceData.Ilpes })
        {
            Assert.Equal(InstitutionKind.Eclac, Named(child).Kind);
            Assert.Equal(eclac.Id, Named(child).ParentId);
        }
        Assert.Equal("ILPES", Named(ReferenceData.Ilpes).Acronym);

        var chile = Named(ReferenceData.ChileMinistry);
        Assert.Equal((InstitutionKind.Ministry, "CL"), (chile.Kind, chile.Country?.Code));
        var uruguay = Named(ReferenceData.UruguayMinistry);
        Assert.Equal((InstitutionKind.Ministry, "UY"), (uruguay.Kind, uruguay.Country?.Code));

        Assert.Equal("SICA", Named("Central American Social Integration Secretariat").Parent?.Acronym);
        Assert.Equal("SICA", Named("Central American Social Integration Council").Parent?.Acronym);
        Assert.Equal("MERCOSUR", Named("MERCOSUR Social Institute").Parent?.Acronym);
        Assert.Equal("Pacific Alliance", Named("Development and Social Inclusion Technical Group").Parent?.Name.Source);
        Assert.Equal(InstitutionKind.SubregionalBody, Named("Caribbean Community").Kind);
        Assert.All(institutions.Where(i => i.Kind == InstitutionKind.SubregionalBody), i => Assert.Null(i.CountryId));
        Assert.All(institutions, i => Assert.False(string.IsNullOrWhiteSpace(i.Name.Es)));
    }

    [Fact]
    public async Task Ensuring_twice_writes_nothing_the_second_time()
    {
        Assert.True((await Ensure()).Changed);
        int audit;
        await using (var db = Database.CreateContext())
        {
            audit = await db.AuditEntries.CountAsync();
            Assert.Equal(46 + ReferenceData.Institutions.Count, audit);
        }
        var again = await Ensure();
        Assert.False(again.Changed);
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(audit, await db.AuditEntries.CountAsync());
            Assert.All(await db.Institutions.ToListAsync(), i => Assert.Equal(0, i.Version));
        }
    }

    [Fact]
    public async Task A_changed_shipped_field_is_put_back_and_fields_Rumbo_does_not_ship_are_kept()
    {
        await Ensure();
        await using (var db = Database.CreateContext())
        {
            var brazil = await db.Countries.SingleAsync(c => c.Code == "BR");
            brazil.Name.Es = "Brazil";
            brazil.Name.Pt = "Brasil";
            var ilpes = await db.Institutions.SingleAsync(i => i.Name.Source == ReferenceData.Ilpes);
            ilpes.Acronym = "IL";
            ilpes.Website = "https://www.cepal.org/en/about-ilpes";
            await db.SaveChangesAsync();
        }
        int audit;
        await using (var db = Database.CreateContext())
        {
            audit = await db.AuditEntries.CountAsync();
        }

        var result = await Ensure();
        Assert.Equal(new ReferenceDataResult(0, 1, 0, 1), result);
        await using (var db = Database.CreateContext())
        {
            var brazil = await db.Countries.SingleAsync(c => c.Code == "BR");
            Assert.Equal(("Brasil", "Brasil"), (brazil.Name.Es, brazil.Name.Pt));
            var ilpes = await db.Institutions.SingleAsync(i => i.Name.Source == ReferenceData.Ilpes);
            Assert.Equal(("ILPES", "https://www.cepal.org/en/about-ilpes", 1), (ilpes.Acronym, ilpes.Website, ilpes.Version));
            Assert.Equal(audit + 2, await db.AuditEntries.CountAsync());
        }
    }
}

public sealed class SqliteReferenceDataTests() : ReferenceDataTests(DatabaseProvider.Sqlite);

public sealed class PostgresReferenceDataTests() : ReferenceDataTests(DatabaseProvider.Postgres);
