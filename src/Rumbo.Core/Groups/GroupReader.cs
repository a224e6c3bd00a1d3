using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.People;

namespace Rumbo.Core.Groups;

/// <summary>An agenda as other records name it. Texts are in its document's language, which also holds for its groups' names.</summary>
public sealed record AgendaLabel(int Id, string Slug, string Symbol, LocalizedString Title, string DocumentLanguage, LocalizedString AreaLevelName);

public sealed record AreaLabel(string Code, LocalizedString Title);

/// <summary>A group as other records name it; <paramref name="Language"/> is the language of its name's source text.</summary>
public sealed record GroupLink(string Slug, LocalizedString Name, GroupKind Kind, GroupStatus Status, string Language);

public sealed record GroupCountryItem(CountryLabel Country, GroupCountryRole Role);

/// <param name="Members">Everyone in the group, coordinators included.</param>
public sealed record GroupListItem(
    int Id, string Slug, LocalizedString Name, GroupKind Kind, GroupStatus Status, AgendaLabel Agenda, AreaLabel? Area,
    IReadOnlyList<GroupCountryItem> Countries, int Coordinators, int Members, IReadOnlyList<RuleCheck> Checks)
{
    public bool BreaksARule => Checks.Any(c => c.Outcome == RuleOutcome.Broken);
}

/// <param name="Represents">Whom the member speaks for: the institution named on the membership, else the person's own.</param>
public sealed record GroupMemberItem(PersonLabel Person, GroupRole Role, InstitutionLabel? Represents, string? Position, DateOnly? Since);

public sealed record GroupLineItem(string Code, LocalizedString Text, string AgendaSlug, string AgendaSymbol, string Language, DateOnly? RetiredOn);

public sealed record GroupDetail(
    int Id, string Slug, LocalizedString Name, LocalizedString Mandate, GroupKind Kind, GroupStatus Status,
    AgendaLabel Agenda, AreaLabel? Area, GroupLink? Parent, IReadOnlyList<GroupLink> Subgroups,
    DateOnly? StartDate, DateOnly? EndDate,
    IReadOnlyList<GroupMemberItem> Coordinators, IReadOnlyList<GroupMemberItem> Members,
    IReadOnlyList<GroupCountryItem> Countries, IReadOnlyList<GroupLineItem> Lines, IReadOnlyList<RuleCheck> Checks, int Version)
{
    public bool BreaksARule => Checks.Any(c => c.Outcome == RuleOutcome.Broken);
}

/// <summary>The choices of the directory's filters.</summary>
public sealed record GroupFilterOptions(IReadOnlyList<(AgendaLabel Agenda, IReadOnlyList<AreaLabel> Areas)> Agendas, IReadOnlyList<CountryLabel> Countries);

/// <summary>
/// Filters of the group directory, as the page's form and the API's query string give them. Unknown values match
/// nothing rather than fail: "the groups of a country that has none" is simply empty.
/// </summary>
/// <param name="Agenda">Any key of an agenda that slugs to its slug (lc-crp-20-6, LC/CRP.20/6).</param>
/// <param name="Area">An area or axis: "lc-crp-20-6:2", or "2" together with <paramref name="Agenda"/>.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code, in any case.</param>
public sealed record GroupFilter(string? Agenda = null, string? Area = null, string? Country = null, GroupKind? Kind = null, GroupStatus? Status = null)
{
    public bool IsEmpty => Agenda is null && Area is null && Country is null && Kind is null && Status is null;

    /// <summary>The area's agenda slug and code, or null when <see cref="Area"/> cannot name one.</summary>
    public (string Agenda, string Code)? AreaKey()
    {
        if (string.IsNullOrWhiteSpace(Area)) return null;
        var parts = Area.Trim().Split(':');
        var (agenda, code) = parts.Length switch
        {
            1 => (Agenda, parts[0]),
            2 => (parts[0], parts[1]),
            _ => (null, ""),
        };
        if (string.IsNullOrWhiteSpace(agenda) || !AgendaKeys.IsValidCode(code)) return null;
        var slug = AgendaKeys.Slugify(agenda);
        return slug.Length == 0 ? null : (slug, code);
    }

    /// <summary>Enum values by name in any case; numbers are refused so that no undefined value slips through.</summary>
    public static bool TryParse<TEnum>(string? value, out TEnum? result) where TEnum : struct, Enum
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        var text = value.Trim();
        if (!char.IsAsciiLetter(text[0]) || !Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)) return false;
        result = parsed;
        return true;
    }
}

/// <summary>Reads groups for the directory, a group's page, the governance overview and the API.</summary>
public sealed class GroupReader(RumboDbContext db, GovernanceRules rules)
{
    public async Task<IReadOnlyList<GroupListItem>> ListAsync(GroupFilter filter, CancellationToken ct = default)
    {
        var groups = db.Groups.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Agenda))
        {
            var slug = AgendaKeys.Slugify(filter.Agenda);
            groups = groups.Where(g => g.Agenda!.Slug == slug);
        }
        if (!string.IsNullOrWhiteSpace(filter.Area))
        {
            var key = filter.AreaKey();
            if (key is null) return [];
            var (areaAgenda, areaCode) = key.Value;
            var areaId = await db.Areas.AsNoTracking()
                .Where(a => a.Code == areaCode && db.Agendas.Any(x => x.Id == a.AgendaId && x.Slug == areaAgenda))
                .Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
            if (areaId is null) return [];
            groups = groups.Where(g => g.AreaId == areaId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var code = filter.Country.Trim().ToUpperInvariant();
            groups = groups.Where(g => g.Countries.Any(c => c.Country!.Code == code));
        }
        if (filter.Kind is { } kind) groups = groups.Where(g => g.Kind == kind);
        if (filter.Status is { } status) groups = groups.Where(g => g.Status == status);

        // The whole directory, the usual request, by a compiled query; a filtered one builds its query.
        var rows = filter.IsEmpty
            ? await AllListed.For(db)(db).ToListAsync(ct)
            : await groups.Select(Listed).AsSplitQuery().ToListAsync(ct);
        if (rows.Count == 0) return [];

        var facts = await rules.FactsAsync(filter.IsEmpty ? null : rows.Select(r => r.Id).ToList(), ct);
        var checks = facts.ToDictionary(f => f.GroupId, GovernanceRules.Check);
        return rows
            .Select(r => new GroupListItem(r.Id, r.Slug, r.Name, r.Kind, r.Status, r.Agenda, r.Area, SortCountries(r.Countries),
                r.Coordinators, r.Members, checks.GetValueOrDefault(r.Id) ?? []))
            .OrderBy(r => r.Agenda.Symbol, StringComparer.Ordinal)
            .ThenBy(r => r.Kind)
            .ThenBy(r => r.Name.Source, StringComparer.CurrentCulture)
            .ToList();
    }

    private sealed record ListRow(
        int Id, string Slug, GroupKind Kind, GroupStatus Status, LocalizedString Name, AgendaLabel Agenda, AreaLabel? Area,
        List<GroupCountryItem> Countries, int Coordinators, int Members);

    private static readonly Expression<Func<Group, ListRow>> Listed = g => new ListRow(
        g.Id, g.Slug, g.Kind, g.Status, g.Name.ToDocument(),
        new AgendaLabel(g.Agenda!.Id, g.Agenda.Slug, g.Agenda.Symbol, g.Agenda.Title.ToDocument(),
            g.Agenda.DocumentLanguage, g.Agenda.AreaLevelName.ToDocument()),
        g.Area == null ? null : new AreaLabel(g.Area.Code, g.Area.Title.ToDocument()),
        g.Countries.Select(c => new GroupCountryItem(new CountryLabel(c.Country!.Code, c.Country.Name.ToDocument()), c.Role)).ToList(),
        g.Members.Count(m => m.Role == GroupRole.Coordinator),
        g.Members.Count);

    private static readonly CompiledQuery<Func<RumboDbContext, IAsyncEnumerable<ListRow>>> AllListed = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db) => db.Groups.AsNoTracking().Select(Listed).AsSplitQuery()));

    private sealed record GroupHead(
        int Id, string Slug, GroupKind Kind, GroupStatus Status, DateOnly? StartDate, DateOnly? EndDate, int Version,
        LocalizedString Name, LocalizedString Mandate, AgendaLabel Agenda, AreaLabel? Area, GroupLink? Parent);

    private sealed record MemberRow(
        int PersonId, GroupRole Role, DateOnly? Since, string GivenName, string FamilyName, bool IsExample, string? Position, int? Represents);

    // A group's page runs these on every request: compiled once, they skip building and matching the expression tree
    // each time, which was half of each query's cost and a third of what the page allocated (decision 0018).
    private static readonly CompiledQuery<Func<RumboDbContext, string, CancellationToken, Task<GroupHead?>>> Head = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, string slug, CancellationToken ct) => db.Groups.AsNoTracking()
            .Where(x => x.Slug == slug)
            .Select(x => new GroupHead(
                x.Id, x.Slug, x.Kind, x.Status, x.StartDate, x.EndDate, x.Version,
                x.Name.ToDocument(), x.Mandate.ToDocument(),
                new AgendaLabel(x.Agenda!.Id, x.Agenda.Slug, x.Agenda.Symbol, x.Agenda.Title.ToDocument(),
                    x.Agenda.DocumentLanguage, x.Agenda.AreaLevelName.ToDocument()),
                x.Area == null ? null : new AreaLabel(x.Area.Code, x.Area.Title.ToDocument()),
                x.Parent == null ? null : new GroupLink(x.Parent.Slug, x.Parent.Name.ToDocument(),
                    x.Parent.Kind, x.Parent.Status, x.Parent.Agenda!.DocumentLanguage)))
            .SingleOrDefault()));

    private static readonly CompiledQuery<Func<RumboDbContext, int, IAsyncEnumerable<GroupLink>>> Subgroups = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int id) => db.Groups.AsNoTracking().Where(s => s.ParentId == id)
            .Select(s => new GroupLink(s.Slug, s.Name.ToDocument(), s.Kind, s.Status, s.Agenda!.DocumentLanguage))));

    private static readonly CompiledQuery<Func<RumboDbContext, int, IAsyncEnumerable<MemberRow>>> Members = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int id) => db.GroupMembers.AsNoTracking().Where(m => m.GroupId == id)
            .Select(m => new MemberRow(m.PersonId, m.Role, m.Since, m.Person!.GivenName, m.Person.FamilyName, m.Person.IsExample,
                m.Person.Position, m.RepresentsInstitutionId ?? m.Person.InstitutionId))));

    private static readonly CompiledQuery<Func<RumboDbContext, int, IAsyncEnumerable<GroupCountryItem>>> Countries = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int id) => db.GroupCountries.AsNoTracking().Where(c => c.GroupId == id)
            .Select(c => new GroupCountryItem(new CountryLabel(c.Country!.Code, c.Country.Name.ToDocument()), c.Role))));

    private static readonly CompiledQuery<Func<RumboDbContext, int, IAsyncEnumerable<GroupLineItem>>> Lines = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db, int id) => db.GroupLines.AsNoTracking().Where(l => l.GroupId == id)
            .Select(l => new GroupLineItem(l.LineOfAction!.Code, l.LineOfAction.Text.ToDocument(),
                l.LineOfAction.Agenda!.Slug, l.LineOfAction.Agenda.Symbol, l.LineOfAction.Agenda.DocumentLanguage, l.LineOfAction.RetiredOn))));

    public async Task<GroupDetail?> GetAsync(string slug, CancellationToken ct = default)
    {
        var g = await Head.For(db)(db, slug, ct);
        if (g is null) return null;

        // The collections by the group's id, one short query each. EF Core's split query would repeat the first
        // query's joins in each of them, and SQLite spent more time preparing those statements than running them.
        var id = g.Id;
        var subgroups = await Subgroups.For(db)(db, id).ToListAsync(ct);
        var memberRows = await Members.For(db)(db, id).ToListAsync(ct);
        var countries = await Countries.For(db)(db, id).ToListAsync(ct);
        var lines = await Lines.For(db)(db, id).ToListAsync(ct);

        var institutions = await PeopleReader.InstitutionLabelsAsync(db, memberRows.Select(m => m.Represents), ct);
        var members = memberRows
            .Select(m => new GroupMemberItem(new PersonLabel(m.PersonId, $"{m.GivenName} {m.FamilyName}".Trim(), m.IsExample), m.Role,
                m.Represents is int i ? institutions.GetValueOrDefault(i) : null, m.Position, m.Since))
            .OrderBy(m => m.Person.Name, StringComparer.CurrentCulture)
            .ToList();
        var coordinators = memberRows.Where(m => m.Role == GroupRole.Coordinator)
            .Select(m =>
            {
                var institution = m.Represents is int i ? institutions.GetValueOrDefault(i) : null;
                return new CoordinatorFacts(m.PersonId, $"{m.GivenName} {m.FamilyName}".Trim(), institution?.Kind, institution?.CountryCode);
            })
            .ToList();
        var coordinating = countries.Where(c => c.Role == GroupCountryRole.Coordinating).Select(c => c.Country.Code).ToList();
        var checks = GovernanceRules.Check(await rules.FactsOfAsync(g.Id, g.Agenda.Id, g.Kind, g.Status, coordinators, coordinating, ct));
        return new GroupDetail(g.Id, g.Slug, g.Name, g.Mandate, g.Kind, g.Status, g.Agenda, g.Area, g.Parent,
            subgroups.OrderBy(s => s.Kind).ThenBy(s => s.Name.Source, StringComparer.CurrentCulture).ToList(),
            g.StartDate, g.EndDate,
            members.Where(m => m.Role == GroupRole.Coordinator).ToList(),
            members.Where(m => m.Role != GroupRole.Coordinator).ToList(),
            SortCountries(countries),
            lines.OrderBy(l => l.AgendaSymbol, StringComparer.Ordinal).ThenBy(l => l.Code, CodeComparer.Instance).ToList(),
            checks, g.Version);
    }

    /// <summary>The groups that serve a line of action, for its page.</summary>
    public async Task<IReadOnlyList<GroupLink>> ServingLineAsync(int agendaId, string code, CancellationToken ct = default)
    {
        var list = await db.Groups.AsNoTracking()
            .Where(g => g.Lines.Any(l => l.LineOfAction!.AgendaId == agendaId && l.LineOfAction.Code == code))
            .Select(g => new GroupLink(g.Slug, g.Name.ToDocument(), g.Kind, g.Status, g.Agenda!.DocumentLanguage))
            .ToListAsync(ct);
        return list.OrderBy(g => g.Kind).ThenBy(g => g.Name.Source, StringComparer.CurrentCulture).ToList();
    }

    private sealed record AgendaOption(AgendaLabel Label, List<AreaLabel> Areas);

    // The directory's filter form is on every request of it: compiled once (decision 0018).
    private static readonly CompiledQuery<Func<RumboDbContext, IAsyncEnumerable<AgendaOption>>> AgendaOptions = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db) => db.Agendas.AsNoTracking()
            .OrderByDescending(a => a.Date).ThenBy(a => a.Symbol)
            .Select(a => new AgendaOption(
                new AgendaLabel(a.Id, a.Slug, a.Symbol, a.Title.ToDocument(), a.DocumentLanguage, a.AreaLevelName.ToDocument()),
                a.Areas.OrderBy(x => x.Number).Select(x => new AreaLabel(x.Code, x.Title.ToDocument())).ToList()))
            .AsSplitQuery()));

    private static readonly CompiledQuery<Func<RumboDbContext, IAsyncEnumerable<CountryLabel>>> CountryOptions = new(() => EF.CompileAsyncQuery(
        (RumboDbContext db) => db.Countries.AsNoTracking().OrderBy(c => c.Code).Select(c => new CountryLabel(c.Code, c.Name.ToDocument()))));

    public async Task<GroupFilterOptions> FilterOptionsAsync(CancellationToken ct = default)
    {
        var agendas = await AgendaOptions.For(db)(db).ToListAsync(ct);
        var countries = await CountryOptions.For(db)(db).ToListAsync(ct);
        return new GroupFilterOptions(agendas.Select(a => (a.Label, (IReadOnlyList<AreaLabel>)a.Areas)).ToList(), countries);
    }

    /// <summary>Coordinating countries first, then by code: the order the documents name them in does not survive storage.</summary>
    private static List<GroupCountryItem> SortCountries(IEnumerable<GroupCountryItem> countries) =>
        countries.OrderBy(c => c.Role).ThenBy(c => c.Country.Code, StringComparer.Ordinal).ToList();
}
