using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Indicators;
using Rumbo.Core.Meetings;
using Rumbo.Core.People;
using Rumbo.Core.Policies;
using Rumbo.Core.Validation;

namespace Rumbo.Core.Coverage;

/// <summary>What the coverage matrix counts in each country and line of action.</summary>
public enum CoverageKind
{
    /// <summary>The country's policies in the register that serve the line.</summary>
    Policies,
    /// <summary>Meetings with an agenda item on the line in which the country took part (did not decline).</summary>
    Meetings,
    /// <summary>Agreements on the line of a group the country belongs to, or on which the country reported follow-up.</summary>
    Agreements,
    /// <summary>Activities of plans of work on the line that name the country.</summary>
    Activities,
    /// <summary>Indicators of the line with an approved value for the country.</summary>
    Indicators,
    /// <summary>Capacity-building actions of the country's road map on the line (not cancelled), where the reader may see the road map.</summary>
    Capacities,
}

/// <summary>The counts of one country and line of action, by <see cref="CoverageKind"/>.</summary>
public sealed record CoverageCell(int Policies, int Meetings, int Agreements, int Activities, int Indicators, int Capacities = 0)
{
    public static readonly CoverageCell Empty = new(0, 0, 0, 0, 0, 0);

    public int Of(CoverageKind kind) => kind switch
    {
        CoverageKind.Policies => Policies,
        CoverageKind.Meetings => Meetings,
        CoverageKind.Agreements => Agreements,
        CoverageKind.Activities => Activities,
        CoverageKind.Indicators => Indicators,
        _ => Capacities,
    };

    /// <summary>Whether anything of the given kinds exists here.</summary>
    public bool Any(IReadOnlyCollection<CoverageKind> kinds) => kinds.Any(k => Of(k) > 0);

    /// <summary>How many of the given kinds exist here (0 to 6).</summary>
    public int KindsPresent(IReadOnlyCollection<CoverageKind> kinds) => kinds.Count(k => Of(k) > 0);
}

public sealed record CoverageLine(int Id, string Code, LocalizedString Text, string AreaCode, LocalizedString AreaTitle, string ObjectiveCode);

/// <summary>
/// Countries against the lines of action of one agenda, with what exists in each pair. Built for one viewer: a policy,
/// meeting or agreement the viewer may not see is not counted, so the matrix reveals nothing its pages would hide.
/// </summary>
public sealed record CoverageMatrix(
    int AgendaId, IReadOnlyList<CoverageLine> Lines, IReadOnlyList<CountryLabel> Countries, IReadOnlyDictionary<(string Country, string Line), CoverageCell> Cells,
    IReadOnlyList<CoverageKind> Kinds)
{
    public CoverageCell Cell(string country, string line) => Cells.GetValueOrDefault((country, line)) ?? CoverageCell.Empty;

    /// <summary>The countries in which something of the chosen kinds serves the line.</summary>
    public int CountriesCovering(string line) => Countries.Count(c => Cell(c.Code, line).Any(Kinds));

    /// <summary>The lines on which the country has something of the chosen kinds.</summary>
    public int LinesCovered(string country) => Lines.Count(l => Cell(country, l.Code).Any(Kinds));

    /// <summary>The pairs with nothing of the chosen kinds.</summary>
    public int EmptyCells => Countries.Sum(c => Lines.Count(l => !Cell(c.Code, l.Code).Any(Kinds)));

    public int TotalCells => Countries.Count * Lines.Count;
}

/// <summary>
/// What the matrix is cut to: an area of the agenda, a subregion, one country, some kinds (null or empty for all); the
/// 33 member States, and the associate members too when asked.
/// </summary>
public sealed record CoverageFilter(
    string? AreaCode = null, Subregion? Subregion = null, string? Country = null, IReadOnlyCollection<CoverageKind>? Kinds = null,
    bool IncludeAssociates = false);

/// <summary>
/// Reads the coverage matrix: one grouped query per kind over the links every feature keeps to lines of action, each
/// cut to what the viewer may see by the same rules as the feature's pages (<see cref="Permissions"/>).
/// </summary>
public sealed class CoverageReader(RumboDbContext db, AgendaReader agendas, PolicyReader policies)
{
    public static readonly IReadOnlyList<CoverageKind> AllKinds = Enum.GetValues<CoverageKind>();

    public async Task<CoverageMatrix?> ReadAsync(string agendaKey, CurrentUser.Snapshot viewer, CoverageFilter filter, CancellationToken ct = default)
    {
        var tree = await agendas.GetTreeAsync(agendaKey, ct);
        return tree is null ? null : await ReadAsync(tree, viewer, filter, ct);
    }

    public async Task<CoverageMatrix> ReadAsync(AgendaTree tree, CurrentUser.Snapshot viewer, CoverageFilter filter, CancellationToken ct = default)
    {
        var lines = tree.Areas
            .Where(a => string.IsNullOrEmpty(filter.AreaCode) || a.Code == filter.AreaCode)
            .SelectMany(a => a.Objectives.SelectMany(o => o.Lines.Where(l => l.RetiredOn is null)
                .Select(l => new CoverageLine(l.Id, l.Code, l.Text, a.Code, a.Title, o.Code))))
            .ToList();
        var countryQuery = db.Countries.AsNoTracking();
        if (!filter.IncludeAssociates && string.IsNullOrEmpty(filter.Country)) countryQuery = countryQuery.Where(c => c.Status == CountryStatus.MemberState);
        if (filter.Subregion is { } subregion) countryQuery = countryQuery.Where(c => c.Subregion == subregion);
        if (!string.IsNullOrEmpty(filter.Country)) countryQuery = countryQuery.Where(c => c.Code == filter.Country);
        var countries = (await countryQuery.Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(ct))
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        var kinds = filter.Kinds is { Count: > 0 } k ? AllKinds.Where(k.Contains).ToList() : AllKinds.ToList();

        var lineIds = lines.Select(l => l.Id).ToList();
        var countryIds = countries.Select(c => c.Id).ToList();
        var counts = new Dictionary<(int Country, int Line), int[]>();
        void Add(CoverageKind kind, IEnumerable<(int Country, int Line, int Count)> rows)
        {
            foreach (var (country, line, count) in rows)
            {
                if (!counts.TryGetValue((country, line), out var c)) counts[(country, line)] = c = new int[AllKinds.Count];
                c[(int)kind] = count;
            }
        }

        if (lineIds.Count > 0 && countryIds.Count > 0)
        {
            if (kinds.Contains(CoverageKind.Policies)) Add(CoverageKind.Policies, await PoliciesAsync(viewer, tree.Id, lineIds, countryIds, ct));
            if (kinds.Contains(CoverageKind.Meetings)) Add(CoverageKind.Meetings, await MeetingsAsync(viewer, lineIds, countryIds, ct));
            if (kinds.Contains(CoverageKind.Agreements)) Add(CoverageKind.Agreements, await AgreementsAsync(viewer, lineIds, countryIds, ct));
            if (kinds.Contains(CoverageKind.Activities)) Add(CoverageKind.Activities, await ActivitiesAsync(lineIds, countryIds, ct));
            if (kinds.Contains(CoverageKind.Indicators)) Add(CoverageKind.Indicators, await IndicatorsAsync(lineIds, countryIds, ct));
            if (kinds.Contains(CoverageKind.Capacities)) Add(CoverageKind.Capacities, await CapacitiesAsync(viewer, tree.Id, lineIds, countryIds, ct));
        }

        var codeOfCountry = countries.ToDictionary(c => c.Id, c => c.Code);
        var codeOfLine = lines.ToDictionary(l => l.Id, l => l.Code);
        var cells = counts.ToDictionary(
            p => (codeOfCountry[p.Key.Country], codeOfLine[p.Key.Line]),
            p => new CoverageCell(p.Value[0], p.Value[1], p.Value[2], p.Value[3], p.Value[4], p.Value[5]));
        return new CoverageMatrix(tree.Id, lines, countries.Select(c => new CountryLabel(c.Code, c.Name.ToDocument())).ToList(), cells, kinds);
    }

    private static List<(int, int, int)> Count(IEnumerable<(int Country, int Line, int Item)> triples) =>
        triples.Distinct().GroupBy(t => (t.Country, t.Line)).Select(g => (g.Key.Country, g.Key.Line, g.Count())).ToList();

    private async Task<List<(int, int, int)>> PoliciesAsync(CurrentUser.Snapshot viewer, int agendaId, List<int> lineIds, List<int> countryIds, CancellationToken ct)
    {
        var rows = await (from p in policies.Visible(viewer)
                          where p.AgendaId == agendaId && countryIds.Contains(p.CountryId)
                          from l in p.Lines
                          where lineIds.Contains(l.LineOfActionId)
                          group p by new { p.CountryId, l.LineOfActionId } into g
                          select new { g.Key.CountryId, g.Key.LineOfActionId, Count = g.Count() }).ToListAsync(ct);
        return rows.Select(r => (r.CountryId, r.LineOfActionId, r.Count)).ToList();
    }

    private async Task<List<(int, int, int)>> MeetingsAsync(CurrentUser.Snapshot viewer, List<int> lineIds, List<int> countryIds, CancellationToken ct)
    {
        // The same rule as a meeting's page (Permissions.CanSeeMeetingDetails), without the walk-in participant, whose
        // own meetings the matrix has no need to reveal.
        var all = viewer.IsSecretariatAdmin;
        var member = viewer.MemberGroups.ToList();
        var rows = await (from il in db.MeetingItemLines
                          where lineIds.Contains(il.LineOfActionId)
                          join i in db.MeetingItems on il.MeetingItemId equals i.Id
                          join m in db.Meetings on i.MeetingId equals m.Id
                          where m.Status != MeetingStatus.Cancelled && (all || m.Access == Visibility.Public || member.Contains(m.GroupId))
                          join p in db.MeetingParticipants on m.Id equals p.MeetingId
                          where p.CountryId != null && countryIds.Contains(p.CountryId.Value) && p.Response != ParticipantResponse.Declined && p.Attended != false
                          select new { Country = p.CountryId!.Value, il.LineOfActionId, MeetingId = m.Id }).Distinct().ToListAsync(ct);
        return Count(rows.Select(r => (r.Country, r.LineOfActionId, r.MeetingId)));
    }

    private async Task<List<(int, int, int)>> AgreementsAsync(CurrentUser.Snapshot viewer, List<int> lineIds, List<int> countryIds, CancellationToken ct)
    {
        var all = viewer.IsSecretariatAdmin;
        var member = viewer.MemberGroups.ToList();
        var visible = db.Agreements.Where(a => all || a.Visibility == Visibility.Public || member.Contains(a.GroupId));
        var byGroup = await (from a in visible
                             from l in a.Lines
                             where lineIds.Contains(l.LineOfActionId)
                             join gc in db.GroupCountries on a.GroupId equals gc.GroupId
                             where countryIds.Contains(gc.CountryId)
                             select new { gc.CountryId, l.LineOfActionId, AgreementId = a.Id }).Distinct().ToListAsync(ct);
        var byFollowUp = await (from a in visible
                                from l in a.Lines
                                where lineIds.Contains(l.LineOfActionId)
                                from f in a.FollowUps
                                where countryIds.Contains(f.CountryId)
                                select new { f.CountryId, l.LineOfActionId, AgreementId = a.Id }).Distinct().ToListAsync(ct);
        return Count(byGroup.Concat(byFollowUp).Select(r => (r.CountryId, r.LineOfActionId, r.AgreementId)));
    }

    private async Task<List<(int, int, int)>> ActivitiesAsync(List<int> lineIds, List<int> countryIds, CancellationToken ct)
    {
        var rows = await (from al in db.PlanActivityLines
                          where lineIds.Contains(al.LineOfActionId)
                          join ac in db.PlanActivityCountries on al.ActivityId equals ac.ActivityId
                          where countryIds.Contains(ac.CountryId)
                          select new { ac.CountryId, al.LineOfActionId, al.ActivityId }).Distinct().ToListAsync(ct);
        return Count(rows.Select(r => (r.CountryId, r.LineOfActionId, r.ActivityId)));
    }

    private async Task<List<(int, int, int)>> CapacitiesAsync(CurrentUser.Snapshot viewer, int agendaId, List<int> lineIds, List<int> countryIds, CancellationToken ct)
    {
        // The road maps' rule (Permissions.CanSeeRoadMap): public, or the country's focal points on the agenda and the secretariat.
        var all = viewer.IsSecretariatAdmin;
        var own = viewer.FocalPoints.Where(f => f.AgendaId == agendaId).Select(f => f.CountryId).ToList();
        var rows = await (from al in db.CapacityActionLines
                          where lineIds.Contains(al.LineOfActionId)
                          join a in db.CapacityActions on al.CapacityActionId equals a.Id
                          where a.Status != RoadMaps.CapacityActionStatus.Cancelled
                          join r in db.RoadMaps on a.RoadMapId equals r.Id
                          where r.AgendaId == agendaId && countryIds.Contains(r.CountryId) && (all || r.IsPublic || own.Contains(r.CountryId))
                          select new { r.CountryId, al.LineOfActionId, ActionId = a.Id }).Distinct().ToListAsync(ct);
        return Count(rows.Select(r => (r.CountryId, r.LineOfActionId, r.ActionId)));
    }

    private async Task<List<(int, int, int)>> IndicatorsAsync(List<int> lineIds, List<int> countryIds, CancellationToken ct)
    {
        // Approved values only, as everywhere the public reads indicators; an indicator counts once whatever its versions.
        var rows = await (from il in db.IndicatorLines
                          where lineIds.Contains(il.LineOfActionId)
                          join v in db.IndicatorVersions on il.IndicatorId equals v.IndicatorId
                          join x in db.IndicatorValues on v.Id equals x.IndicatorVersionId
                          where x.Status == ValueStatus.Approved && x.CountryId != null && countryIds.Contains(x.CountryId.Value)
                          select new { Country = x.CountryId!.Value, il.LineOfActionId, il.IndicatorId }).Distinct().ToListAsync(ct);
        return Count(rows.Select(r => (r.Country, r.LineOfActionId, r.IndicatorId)));
    }
}

/// <summary>
/// The matrix's filters as the page, the API and the downloads take them from a query string: an area by its code, a
/// subregion and the kinds by name, a country by its ISO code. A value naming nothing is a problem, not an empty matrix.
/// </summary>
public sealed record CoverageQuery(string? Area, string? Subregion, string? Country, IReadOnlyList<string>? Kinds, bool Associates)
{
    public CoverageFilter? Resolve(AgendaTree tree, Dictionary<string, ValidationMessage> problems)
    {
        string? area = null;
        if (!string.IsNullOrWhiteSpace(Area))
        {
            area = tree.Areas.FirstOrDefault(a => string.Equals(a.Code, Area.Trim(), StringComparison.OrdinalIgnoreCase))?.Code;
            if (area is null) problems["area"] = new("The agenda has no area {0}.", Area.Trim());
        }
        Subregion? subregion = null;
        if (!string.IsNullOrWhiteSpace(Subregion))
        {
            if (Enum.TryParse<Subregion>(Subregion.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) && !char.IsAsciiDigit(Subregion.Trim()[0])) subregion = s;
            else problems["subregion"] = new("{0} is not a subregion: give one of {1}.", Subregion.Trim(), string.Join(", ", Enum.GetNames<Subregion>()));
        }
        string? country = null;
        if (!string.IsNullOrWhiteSpace(Country))
        {
            var code = Country.Trim().ToUpperInvariant();
            if (code.Length == 2 && code.All(char.IsAsciiLetterUpper)) country = code;
            else problems["country"] = new("{0} is not a country's ISO code of two letters.", Country.Trim());
        }
        var kinds = new List<CoverageKind>();
        foreach (var k in (Kinds ?? []).Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            if (Enum.TryParse<CoverageKind>(k.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !char.IsAsciiDigit(k.Trim()[0]))
            {
                if (!kinds.Contains(kind)) kinds.Add(kind);
            }
            else
            {
                problems["kind"] = new("{0} is not a kind of coverage: give any of {1}.", k.Trim(), string.Join(", ", Enum.GetNames<CoverageKind>().Select(n => n.ToLowerInvariant())));
            }
        }
        return problems.Count > 0 ? null : new CoverageFilter(area, subregion, country, kinds, Associates);
    }
}
