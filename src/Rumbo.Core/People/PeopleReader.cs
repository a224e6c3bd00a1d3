using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;

namespace Rumbo.Core.People;

public sealed record CountryLabel(string Code, LocalizedString Name);

public sealed record InstitutionLabel(int Id, LocalizedString Name, string? Acronym, InstitutionKind Kind, string? CountryCode);

/// <summary>A person as other records name them; example people carry their mark everywhere they show.</summary>
public sealed record PersonLabel(int Id, string Name, bool IsExample);

public sealed record CountryListItem(string Code, string Code3, LocalizedString Name, Subregion Subregion, CountryStatus Status, int Groups);

public sealed record CountryGroupItem(GroupLink Group, AgendaLabel Agenda, GroupCountryRole Role);

public sealed record FocalPointPerson(PersonLabel Person, InstitutionLabel? Institution, string? Position);

public sealed record AgendaFocalPoints(AgendaLabel Agenda, IReadOnlyList<FocalPointPerson> People);

public sealed record CountryDetail(
    string Code, string Code3, LocalizedString Name, Subregion Subregion, CountryStatus Status,
    IReadOnlyList<CountryGroupItem> Groups, IReadOnlyList<AgendaFocalPoints> FocalPoints);

public sealed record PersonGroupItem(GroupLink Group, AgendaLabel Agenda, GroupRole Role, InstitutionLabel? Represents);

public sealed record PersonFocalPoint(AgendaLabel Agenda, CountryLabel Country);

/// <param name="ContactVisible">
/// Whether the viewer may see the contact details; when not, <paramref name="Email"/> and <paramref name="Phone"/> are
/// null whether or not the person has them, so that not even their existence shows.
/// </param>
public sealed record PersonDetail(
    int Id, string GivenName, string FamilyName, string Name, string? Position, InstitutionLabel? Institution, CountryLabel? Country,
    bool IsExample, bool ContactVisible, bool ContactIsPublic, string? Email, string? Phone,
    IReadOnlyList<PersonGroupItem> Groups, IReadOnlyList<PersonFocalPoint> FocalPoints);

public sealed record InstitutionListItem(
    int Id, LocalizedString Name, string? Acronym, InstitutionKind Kind, CountryLabel? Country, InstitutionLabel? Parent, string? Website);

/// <summary>Reads countries, institutions and people for their pages and the API.</summary>
public sealed class PeopleReader(RumboDbContext db)
{
    /// <summary>
    /// The language of the source text of country and institution names. The model records no language for them;
    /// reference data is kept in English with its translations.
    /// </summary>
    public const string ReferenceLanguage = "en";

    public static bool IsCountryCode(string? code) => code is { Length: 2 } && code.All(char.IsAsciiLetter);

    public async Task<IReadOnlyList<CountryListItem>> CountriesAsync(CancellationToken ct = default) =>
        await db.Countries.AsNoTracking()
            .OrderBy(c => c.Code)
            .Select(c => new CountryListItem(c.Code, c.Code3, c.Name.ToDocument(),
                c.Subregion, c.Status, db.GroupCountries.Count(g => g.CountryId == c.Id)))
            .ToListAsync(ct);

    public async Task<CountryDetail?> CountryAsync(string code, CancellationToken ct = default)
    {
        if (!IsCountryCode(code)) return null;
        code = code.ToUpperInvariant();
        var country = await db.Countries.AsNoTracking()
            .Where(c => c.Code == code)
            .Select(c => new
            {
                c.Id, c.Code, c.Code3, c.Subregion, c.Status,
                Name = c.Name.ToDocument(),
            })
            .SingleOrDefaultAsync(ct);
        if (country is null) return null;

        var groups = await db.GroupCountries.AsNoTracking()
            .Where(gc => gc.CountryId == country.Id)
            .Join(db.Groups, gc => gc.GroupId, g => g.Id, (gc, g) => new CountryGroupItem(
                new GroupLink(g.Slug, g.Name.ToDocument(), g.Kind, g.Status, g.Agenda!.DocumentLanguage),
                new AgendaLabel(g.Agenda.Id, g.Agenda.Slug, g.Agenda.Symbol, g.Agenda.Title.ToDocument(),
                    g.Agenda.DocumentLanguage, g.Agenda.AreaLevelName.ToDocument()),
                gc.Role))
            .ToListAsync(ct);

        var focal = await db.FocalPoints.AsNoTracking()
            .Where(f => f.CountryId == country.Id)
            .Select(f => new
            {
                Agenda = new AgendaLabel(f.Agenda!.Id, f.Agenda.Slug, f.Agenda.Symbol, f.Agenda.Title.ToDocument(),
                    f.Agenda.DocumentLanguage, f.Agenda.AreaLevelName.ToDocument()),
                f.PersonId, f.Person!.GivenName, f.Person.FamilyName, f.Person.IsExample, f.Person.InstitutionId, f.Person.Position,
            })
            .ToListAsync(ct);
        var institutions = await InstitutionLabelsAsync(db, focal.Select(f => f.InstitutionId), ct);

        return new CountryDetail(country.Code, country.Code3, country.Name, country.Subregion, country.Status,
            groups.OrderBy(g => g.Agenda.Symbol, StringComparer.Ordinal).ThenBy(g => g.Group.Kind).ThenBy(g => g.Group.Name.Source, StringComparer.CurrentCulture).ToList(),
            focal.GroupBy(f => f.Agenda.Id)
                .Select(a => new AgendaFocalPoints(a.First().Agenda, a
                    .Select(f => new FocalPointPerson(new PersonLabel(f.PersonId, $"{f.GivenName} {f.FamilyName}".Trim(), f.IsExample),
                        f.InstitutionId is int i ? institutions.GetValueOrDefault(i) : null, f.Position))
                    .OrderBy(p => p.Person.Name, StringComparer.CurrentCulture).ToList()))
                .OrderBy(a => a.Agenda.Symbol, StringComparer.Ordinal)
                .ToList());
    }

    /// <summary>A person's page; contact details only when <see cref="Permissions.CanSeeContact"/> lets the viewer see them.</summary>
    public async Task<PersonDetail?> PersonAsync(int id, CurrentUser.Snapshot viewer, CancellationToken ct = default)
    {
        var p = await db.People.AsNoTracking()
            .Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.GivenName, x.FamilyName, x.Position, x.InstitutionId, x.IsExample, x.ContactIsPublic, x.Email, x.Phone,
                Country = x.Country == null ? null : new CountryLabel(x.Country.Code, x.Country.Name.ToDocument()),
            })
            .SingleOrDefaultAsync(ct);
        if (p is null) return null;

        var memberships = await db.GroupMembers.AsNoTracking()
            .Where(m => m.PersonId == id)
            .Select(m => new
            {
                Group = new GroupLink(m.Group!.Slug, m.Group.Name.ToDocument(),
                    m.Group.Kind, m.Group.Status, m.Group.Agenda!.DocumentLanguage),
                Agenda = new AgendaLabel(m.Group.Agenda.Id, m.Group.Agenda.Slug, m.Group.Agenda.Symbol, m.Group.Agenda.Title.ToDocument(),
                    m.Group.Agenda.DocumentLanguage, m.Group.Agenda.AreaLevelName.ToDocument()),
                m.Role,
                Represents = m.RepresentsInstitutionId ?? m.Person!.InstitutionId,
            })
            .ToListAsync(ct);

        var focal = await db.FocalPoints.AsNoTracking()
            .Where(f => f.PersonId == id)
            .Select(f => new PersonFocalPoint(
                new AgendaLabel(f.Agenda!.Id, f.Agenda.Slug, f.Agenda.Symbol, f.Agenda.Title.ToDocument(),
                    f.Agenda.DocumentLanguage, f.Agenda.AreaLevelName.ToDocument()),
                new CountryLabel(f.Country!.Code, f.Country.Name.ToDocument())))
            .ToListAsync(ct);

        var institutions = await InstitutionLabelsAsync(db, memberships.Select(m => m.Represents).Append(p.InstitutionId), ct);
        var visible = viewer.CanSeeContact(p.ContactIsPublic);
        return new PersonDetail(p.Id, p.GivenName, p.FamilyName, $"{p.GivenName} {p.FamilyName}".Trim(), p.Position,
            p.InstitutionId is int own ? institutions.GetValueOrDefault(own) : null, p.Country, p.IsExample,
            visible, p.ContactIsPublic, visible ? p.Email : null, visible ? p.Phone : null,
            memberships
                .Select(m => new PersonGroupItem(m.Group, m.Agenda, m.Role, m.Represents is int i ? institutions.GetValueOrDefault(i) : null))
                .OrderBy(m => m.Agenda.Symbol, StringComparer.Ordinal).ThenBy(m => m.Group.Kind).ThenBy(m => m.Group.Name.Source, StringComparer.CurrentCulture)
                .ToList(),
            focal.OrderBy(f => f.Agenda.Symbol, StringComparer.Ordinal).ThenBy(f => f.Country.Code, StringComparer.Ordinal).ToList());
    }

    public async Task<IReadOnlyList<InstitutionListItem>> InstitutionsAsync(CancellationToken ct = default)
    {
        var rows = await db.Institutions.AsNoTracking()
            .Select(i => new
            {
                i.Id, i.Acronym, i.Kind, i.Website, i.ParentId,
                Name = i.Name.ToDocument(),
                Country = i.Country == null ? null : new CountryLabel(i.Country.Code, i.Country.Name.ToDocument()),
            })
            .ToListAsync(ct);
        var labels = rows.ToDictionary(r => r.Id, r => new InstitutionLabel(r.Id, r.Name, r.Acronym, r.Kind, r.Country?.Code));
        return rows
            .Select(r => new InstitutionListItem(r.Id, r.Name, r.Acronym, r.Kind, r.Country, r.ParentId is int p ? labels.GetValueOrDefault(p) : null, r.Website))
            .OrderBy(r => r.Kind).ThenBy(r => r.Country?.Code, StringComparer.Ordinal).ThenBy(r => r.Name.Source, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>Labels of the given institutions, in one query.</summary>
    internal static async Task<Dictionary<int, InstitutionLabel>> InstitutionLabelsAsync(RumboDbContext db, IEnumerable<int?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        if (wanted.Count == 0) return [];
        var labels = new Dictionary<int, InstitutionLabel>();
        await foreach (var label in Institutions.For(db)(db, wanted).WithCancellation(ct)) labels[label.Id] = label;
        return labels;
    }

    // Compiled once: every group's and person's page runs it (decision 0018).
    private static readonly CompiledQuery<Func<RumboDbContext, List<int>, IAsyncEnumerable<InstitutionLabel>>> Institutions = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, List<int> wanted) => db.Institutions.AsNoTracking()
            .Where(i => wanted.Contains(i.Id))
            .Select(i => new InstitutionLabel(i.Id, i.Name.ToDocument(), i.Acronym, i.Kind, i.Country == null ? null : i.Country.Code))));
}
