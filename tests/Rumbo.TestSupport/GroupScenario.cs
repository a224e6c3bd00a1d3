using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Groups;
using Rumbo.Core.People;

namespace Rumbo.TestSupport;

/// <summary>
/// Countries, institutions, people and groups that one test writes for itself into a database that may already hold
/// other data (reference countries, demo groups, other tests' scenarios): every slug and name carries a unique suffix
/// and the country codes are ISO's user-assigned ones, which no real country has.
/// </summary>
/// <param name="Complete">A thematic working group of the planning agenda's area 2, coordinated by a ministry and ECLAC, with A coordinating and B taking part, serving lines 2.4.1 and 2.5.1; it meets every rule.</param>
/// <param name="Lone">A thematic working group with one coordinator, from the ministry: it breaks the two-coordinator and ECLAC rules.</param>
/// <param name="AdHoc">An ad hoc working group of the planning agenda led by country B: it meets the only rule that applies to it.</param>
/// <param name="Sub">A sub-working group of <paramref name="Complete"/> with no coordinator.</param>
public sealed record GroupScenario(
    string Suffix, string CountryA, string CountryB, string CountryAName, string CountryBName,
    string Ministry, string Eclac,
    int Ana, int Ben, int Carla, string AnaEmail, string BenEmail,
    string Complete, string Lone, string AdHoc, string Sub, string CompleteName, string LoneName)
{
    /// <summary>A well-formed code that <see cref="CreateAsync"/> never gives a country, for "not found" checks.</summary>
    public const string UnknownCountry = "ZZ";

    /// <summary>ISO 3166-1 user-assigned codes, minus <see cref="UnknownCountry"/>.</summary>
    private static readonly string[] FreeCodes =
        ["AA", .. Enumerable.Range('M', 14).Select(c => $"Q{(char)c}"), .. Enumerable.Range('A', 26).Select(c => $"X{(char)c}")];

    private static readonly ConditionalWeakTable<TestDatabase, Lazy<Task<GroupScenario>>> Shared = new();

    /// <summary>One scenario per database, for the tests of a class that only read it.</summary>
    public static Task<GroupScenario> SharedAsync(TestDatabase database) =>
        Shared.GetValue(database, d => new Lazy<Task<GroupScenario>>(() => CreateAsync(d))).Value;

    public static async Task<GroupScenario> CreateAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var s = Guid.NewGuid().ToString("n")[..8];
        var taken = await db.Countries.Select(c => c.Code).ToListAsync();
        var codes = FreeCodes.Except(taken).Take(2).ToList();
        if (codes.Count < 2) throw new InvalidOperationException("No free user-assigned country code is left in this test database.");

        var a = new Country
        {
            Code = codes[0], Code3 = "X" + codes[0], Subregion = Subregion.SouthAmerica, Status = CountryStatus.MemberState,
            Name = new LocalizedText { Source = $"Testland {s}", En = $"Testland {s}", Es = $"Tierra de prueba {s}" },
        };
        var b = new Country
        {
            Code = codes[1], Code3 = "X" + codes[1], Subregion = Subregion.Caribbean, Status = CountryStatus.AssociateMember,
            Name = new LocalizedText { Source = $"Otherland {s}", En = $"Otherland {s}", Es = $"Otra tierra {s}" },
        };
        var ministry = new Institution
        {
            Kind = InstitutionKind.Ministry, Country = a, Acronym = "MSD",
            Name = new LocalizedText { Source = $"Ministry of Social Development {s}", Es = $"Ministerio de Desarrollo Social {s}" },
        };
        var eclac = new Institution
        {
            Kind = InstitutionKind.Eclac, Acronym = "SDD",
            Name = new LocalizedText { Source = $"Social Development Division {s}", Es = $"División de Desarrollo Social {s}" },
        };
        var ana = new Person
        {
            GivenName = "Ana", FamilyName = $"Ministry {s}", Position = "Director of planning", Institution = ministry, Country = a,
            Email = $"ana.{s}@example.org", Phone = "+56 2 2000 0000", ContactIsPublic = false, IsExample = true,
        };
        var ben = new Person
        {
            GivenName = "Ben", FamilyName = $"Eclac {s}", Position = "Social affairs officer", Institution = eclac,
            Email = $"ben.{s}@example.org", ContactIsPublic = true, IsExample = false,
        };
        var carla = new Person
        {
            GivenName = "Carla", FamilyName = $"Member {s}", Institution = ministry, Country = b,
            Email = $"carla.{s}@example.org", IsExample = true,
        };
        db.AddRange(a, b, ministry, eclac, ana, ben, carla);

        var planning = await db.Agendas.Where(x => x.Slug == "lc-crp-20-6").Select(x => x.Id).SingleAsync();
        var area2 = await db.Areas.Where(x => x.AgendaId == planning && x.Code == "2").Select(x => x.Id).SingleAsync();
        var lines = await db.Lines.Where(x => x.AgendaId == planning && (x.Code == "2.4.1" || x.Code == "2.5.1")).Select(x => x.Id).ToListAsync();

        var complete = new Group
        {
            Slug = $"complete-{s}", Kind = GroupKind.ThematicWorkingGroup, AgendaId = planning, AreaId = area2, Status = GroupStatus.Active,
            StartDate = new DateOnly(2025, 3, 1),
            Name = new LocalizedText { Source = $"Foresight working group {s}", Es = $"Grupo de trabajo de prospectiva {s}" },
            Mandate = new LocalizedText { Source = "Follow up the foresight lines of action.\n\nReport to the conference every two years." },
            Countries = [new GroupCountry { Country = a, Role = GroupCountryRole.Coordinating }, new GroupCountry { Country = b, Role = GroupCountryRole.Participating }],
            Members =
            [
                new GroupMember { Person = ana, Role = GroupRole.Coordinator, RepresentsInstitution = ministry },
                // Ben represents his own institution, ECLAC's division: no institution named on the membership.
                new GroupMember { Person = ben, Role = GroupRole.Coordinator },
                new GroupMember { Person = carla, Role = GroupRole.Member },
            ],
            Lines = lines.Select(id => new GroupLine { LineOfActionId = id }).ToList(),
        };
        var lone = new Group
        {
            Slug = $"lone-{s}", Kind = GroupKind.ThematicWorkingGroup, AgendaId = planning, Status = GroupStatus.Active,
            Name = new LocalizedText { Source = $"Open government working group {s}" },
            Countries = [new GroupCountry { Country = a, Role = GroupCountryRole.Participating }],
            Members = [new GroupMember { Person = carla, Role = GroupRole.Coordinator, RepresentsInstitution = ministry }],
        };
        var adHoc = new Group
        {
            Slug = $"adhoc-{s}", Kind = GroupKind.AdHocWorkingGroup, AgendaId = planning, Status = GroupStatus.Proposed,
            Name = new LocalizedText { Source = $"Ad hoc group on public investment {s}" },
            Countries = [new GroupCountry { Country = b, Role = GroupCountryRole.Coordinating }],
        };
        var sub = new Group
        {
            Slug = $"sub-{s}", Kind = GroupKind.SubWorkingGroup, AgendaId = planning, Parent = complete, Status = GroupStatus.Active,
            Name = new LocalizedText { Source = $"Technology foresight subgroup {s}" },
        };
        db.AddRange(complete, lone, adHoc, sub);
        db.FocalPoints.Add(new FocalPoint { AgendaId = planning, Country = a, Person = ana });
        await db.SaveChangesAsync();

        return new GroupScenario(s, a.Code, b.Code, a.Name.Source, b.Name.Source, ministry.Name.Source, eclac.Name.Source,
            ana.Id, ben.Id, carla.Id, ana.Email, ben.Email, complete.Slug, lone.Slug, adHoc.Slug, sub.Slug, complete.Name.Source, lone.Name.Source);
    }
}
