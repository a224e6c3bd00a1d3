using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.People;

namespace Rumbo.Core.Policies;

/// <summary>What a list of policies is filtered by; null for any.</summary>
public sealed record PolicyFilter(
    int? AgendaId = null, int? CountryId = null, PolicyLevel? Level = null, PolicyInstrument? Instrument = null, PolicyStatus? Status = null,
    int? LineId = null, string? Text = null, PolicyReview? Review = null);

public sealed record PolicyAgendaLabel(int Id, string Slug, string Symbol);

/// <summary>A policy as lists show it. Texts are in <see cref="Language"/>.</summary>
public sealed record PolicyListItem(
    int Id, LocalizedString Title, string Language, PolicyAgendaLabel Agenda, CountryLabel Country, PolicyLevel Level, string? Territory,
    PolicyInstrument Instrument, PolicyStatus Status, int? ProgressPercent, int? StartYear, int? EndYear, PolicyReview Review, bool IsPublic,
    bool IsExample);

public sealed record PolicyPage(IReadOnlyList<PolicyListItem> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record PolicyLineLabel(int Id, string Code, LocalizedString Text, string AgendaSlug, string AgendaLanguage);

public sealed record PolicyInstitutionLabel(int Id, LocalizedString Name, string? Acronym, string? Website);

public sealed record PolicyStatusChangeView(PolicyStatus? From, PolicyStatus To, DateOnly On, DateTime AtUtc, string? By, string? Note);

public sealed record PolicyDetail(
    int Id, int AgendaId, int CountryId, PolicyAgendaLabel Agenda, LocalizedString AgendaTitle, string AgendaLanguage, CountryLabel Country,
    string Language, LocalizedString Title, LocalizedString Summary, PolicyLevel Level, string? Territory, PolicyInstrument Instrument,
    PolicyInstitutionLabel? Institution, string? InstitutionName, int? StartYear, int? EndYear, decimal? BudgetAmount, string? BudgetCurrency,
    PolicyStatus Status, int? ProgressPercent, LocalizedString Progress, LocalizedString Outcomes, IReadOnlyList<string> Links,
    IReadOnlyList<PolicyLineLabel> Lines, IReadOnlyList<string> SdgTargets, IReadOnlyList<PolicyStatusChangeView> History,
    PolicyReview Review, string? ReviewComment, DateTime? ReviewedAtUtc, string? ReviewedBy, bool IsPublic, bool IsExample,
    DateTime CreatedAtUtc, DateTime UpdatedAtUtc, int Version)
{
    public bool IsPublished => Review == PolicyReview.Reviewed && IsPublic;
}

/// <summary>
/// Reads the register. Every list is cut to what the viewer may see (<see cref="Permissions.CanSeePolicy"/>) in the query
/// itself, so that no page, export or API answer can show an entry the rule hides.
/// </summary>
public sealed class PolicyReader(RumboDbContext db)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    // The viewer's (agenda, country) pairs as one number each, as EF Core cannot compare pairs with a list.
    private const int PairFactor = 1_000_000;

    public IQueryable<Policy> Visible(CurrentUser.Snapshot viewer)
    {
        var q = db.Policies.AsNoTracking();
        if (viewer.IsSecretariatAdmin) return q;
        var pairs = viewer.FocalPoints.Select(f => f.AgendaId * PairFactor + f.CountryId).ToList();
        return pairs.Count == 0
            ? q.Where(p => p.Review == PolicyReview.Reviewed && p.IsPublic)
            : q.Where(p => (p.Review == PolicyReview.Reviewed && p.IsPublic) || pairs.Contains(p.AgendaId * PairFactor + p.CountryId));
    }

    public IQueryable<Policy> Filtered(CurrentUser.Snapshot viewer, PolicyFilter f)
    {
        var q = Visible(viewer);
        if (f.AgendaId is int a) q = q.Where(p => p.AgendaId == a);
        if (f.CountryId is int c) q = q.Where(p => p.CountryId == c);
        if (f.Level is { } level) q = q.Where(p => p.Level == level);
        if (f.Instrument is { } instrument) q = q.Where(p => p.Instrument == instrument);
        if (f.Status is { } status) q = q.Where(p => p.Status == status);
        if (f.Review is { } review) q = q.Where(p => p.Review == review);
        if (f.LineId is int line) q = q.Where(p => p.Lines.Any(l => l.LineOfActionId == line));
        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            var t = f.Text.Trim().ToLower(System.Globalization.CultureInfo.InvariantCulture);
            q = q.Where(p => p.Title.Source.ToLower().Contains(t) || (p.Title.En ?? "").ToLower().Contains(t) || (p.Title.Es ?? "").ToLower().Contains(t)
                || (p.Title.Pt ?? "").ToLower().Contains(t) || (p.Title.Fr ?? "").ToLower().Contains(t) || p.Summary.Source.ToLower().Contains(t)
                || (p.Territory ?? "").ToLower().Contains(t) || (p.InstitutionName ?? "").ToLower().Contains(t));
        }
        return q;
    }

    public async Task<PolicyPage> ListAsync(CurrentUser.Snapshot viewer, PolicyFilter filter, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        var q = Filtered(viewer, filter);
        var total = await q.CountAsync(ct);
        var items = await Items(q.OrderBy(p => p.Country!.Code).ThenBy(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new PolicyPage(items, total, page, pageSize);
    }

    /// <summary>The policies of the given ids that the viewer may see, as lists show them.</summary>
    public Task<List<PolicyListItem>> ItemsAsync(CurrentUser.Snapshot viewer, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        Items(Visible(viewer).Where(p => ids.Contains(p.Id))).ToListAsync(ct);

    /// <summary>The published policies of a country, for its page (which the public's cache may keep: published ones only).</summary>
    public Task<List<PolicyListItem>> PublishedForCountryAsync(int countryId, CancellationToken ct) =>
        Items(db.Policies.AsNoTracking().Where(p => p.CountryId == countryId && p.Review == PolicyReview.Reviewed && p.IsPublic)
            .OrderBy(p => p.AgendaId).ThenBy(p => p.Id)).ToListAsync(ct);

    /// <summary>The published policies that serve a line of action, for the line's page.</summary>
    public Task<List<PolicyListItem>> PublishedForLineAsync(int lineId, CancellationToken ct) =>
        Items(db.Policies.AsNoTracking().Where(p => p.Lines.Any(l => l.LineOfActionId == lineId) && p.Review == PolicyReview.Reviewed && p.IsPublic)
            .OrderBy(p => p.Country!.Code).ThenBy(p => p.Id)).ToListAsync(ct);

    private static IQueryable<PolicyListItem> Items(IQueryable<Policy> q) => q.Select(p => new PolicyListItem(
        p.Id, p.Title.ToDocument(), p.Language, new PolicyAgendaLabel(p.AgendaId, p.Agenda!.Slug, p.Agenda.Symbol),
        new CountryLabel(p.Country!.Code, p.Country.Name.ToDocument()), p.Level, p.Territory, p.Instrument, p.Status, p.ProgressPercent,
        p.StartYear, p.EndYear, p.Review, p.IsPublic, p.IsExample));

    /// <summary>Who may see it is the caller's question (<see cref="Permissions.CanSeePolicy"/>): this reads any.</summary>
    public async Task<PolicyDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        var p = await db.Policies.AsNoTracking()
            .Include(x => x.Agenda).Include(x => x.Country).Include(x => x.Institution).Include(x => x.ReviewedBy)
            .Include(x => x.Lines).ThenInclude(l => l.LineOfAction!).ThenInclude(l => l.Agenda)
            .Include(x => x.SdgTargets)
            .Include(x => x.StatusChanges).ThenInclude(c => c.By)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        return p is null ? null : Detail(p);
    }

    /// <summary>Every field of the policies a list shows, for the exports; in the list's order.</summary>
    public async Task<IReadOnlyList<PolicyDetail>> DetailsAsync(CurrentUser.Snapshot viewer, PolicyFilter filter, CancellationToken ct = default)
    {
        var rows = await Filtered(viewer, filter)
            .Include(x => x.Agenda).Include(x => x.Country).Include(x => x.Institution)
            .Include(x => x.Lines).ThenInclude(l => l.LineOfAction!).ThenInclude(l => l.Agenda)
            .Include(x => x.SdgTargets)
            .OrderBy(p => p.Country!.Code).ThenBy(p => p.Id)
            .AsSplitQuery()
            .ToListAsync(ct);
        return rows.Select(Detail).ToList();
    }

    private static string Name(Person? p) => p is null ? "" : $"{p.GivenName} {p.FamilyName}".Trim();

    private static PolicyDetail Detail(Policy p)
    {
        var a = p.Agenda!;
        return new PolicyDetail(p.Id, p.AgendaId, p.CountryId, new PolicyAgendaLabel(a.Id, a.Slug, a.Symbol), a.Title.ToDocument(), a.DocumentLanguage,
            new CountryLabel(p.Country!.Code, p.Country.Name.ToDocument()), p.Language, p.Title.ToDocument(), p.Summary.ToDocument(), p.Level, p.Territory,
            p.Instrument, p.Institution is { } i ? new PolicyInstitutionLabel(i.Id, i.Name.ToDocument(), i.Acronym, i.Website) : null, p.InstitutionName,
            p.StartYear, p.EndYear, p.BudgetAmount, p.BudgetCurrency, p.Status, p.ProgressPercent, p.Progress.ToDocument(), p.Outcomes.ToDocument(),
            p.LinkList,
            p.Lines.Select(l => new PolicyLineLabel(l.LineOfActionId, l.LineOfAction!.Code, l.LineOfAction.Text.ToDocument(), l.LineOfAction.Agenda!.Slug, l.LineOfAction.Agenda.DocumentLanguage))
                .OrderBy(l => l.Code, CodeComparer.Instance).ToList(),
            p.SdgTargets.Select(t => t.Code).OrderBy(c => c, StringComparer.Ordinal).ToList(),
            p.StatusChanges.OrderBy(c => c.On).ThenBy(c => c.Id).Select(c => new PolicyStatusChangeView(c.From, c.To, c.On, c.AtUtc, c.By is null ? null : Name(c.By), c.Note)).ToList(),
            p.Review, p.ReviewComment, p.ReviewedAtUtc, p.ReviewedBy is null ? null : Name(p.ReviewedBy), p.IsPublic, p.IsExample,
            p.CreatedAtUtc, p.UpdatedAtUtc, p.Version);
    }
}

/// <summary>
/// The register's filters as the page, the API and the downloads take them from a query string: an agenda by slug or
/// symbol, a country by its ISO code, the choices by name, a line of action by its code in the agenda.
/// </summary>
public sealed record PolicyQuery(string? Agenda, string? Country, string? Level, string? Instrument, string? Status, string? Line, string? Text, string? Review = null)
{
    public const int MaxText = 200;

    /// <summary>The filter, or the problems by parameter (a parameter naming nothing answers a problem, not an empty list).</summary>
    public async Task<(PolicyFilter? Filter, Dictionary<string, string[]> Problems)> ResolveAsync(RumboDbContext db, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        int? agendaId = null, countryId = null, lineId = null;
        if (!string.IsNullOrWhiteSpace(Agenda))
        {
            var slug = AgendaKeys.Slugify(Agenda.Trim());
            agendaId = await db.Agendas.AsNoTracking().Where(a => a.Slug == slug).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
            if (agendaId is null) problems["agenda"] = [$"No agenda has the key '{Agenda.Trim()}'."];
        }
        if (!string.IsNullOrWhiteSpace(Country))
        {
            var code = Country.Trim().ToUpperInvariant();
            countryId = await db.Countries.AsNoTracking().Where(c => c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
            if (countryId is null) problems["country"] = [$"No country has the code '{Country.Trim()}'."];
        }
        PolicyLevel? level = null;
        PolicyInstrument? instrument = null;
        PolicyStatus? status = null;
        PolicyReview? review = null;
        if (!string.IsNullOrWhiteSpace(Level) && (level = PolicyCheck.Parse<PolicyLevel>(Level)) is null) problems["level"] = [Names<PolicyLevel>("level", Level)];
        if (!string.IsNullOrWhiteSpace(Instrument) && (instrument = PolicyCheck.Parse<PolicyInstrument>(Instrument)) is null) problems["instrument"] = [Names<PolicyInstrument>("instrument", Instrument)];
        if (!string.IsNullOrWhiteSpace(Status) && (status = PolicyCheck.Parse<PolicyStatus>(Status)) is null) problems["status"] = [Names<PolicyStatus>("status", Status)];
        if (!string.IsNullOrWhiteSpace(Review) && (review = PolicyCheck.Parse<PolicyReview>(Review)) is null) problems["review"] = [Names<PolicyReview>("review", Review)];
        if (!string.IsNullOrWhiteSpace(Line))
        {
            if (agendaId is null && !problems.ContainsKey("agenda")) problems["line"] = ["A line of action is found by its code in an agenda: give the agenda too."];
            else if (agendaId is int a)
            {
                var code = Line.Trim();
                lineId = await db.Lines.AsNoTracking().Where(l => l.AgendaId == a && l.Code == code).Select(l => (int?)l.Id).SingleOrDefaultAsync(ct);
                if (lineId is null) problems["line"] = [$"The agenda has no line of action '{code}'."];
            }
        }
        if (Text?.Length > MaxText) problems["q"] = [$"A search has at most {MaxText} characters."];
        return problems.Count > 0 ? (null, problems)
            : (new PolicyFilter(agendaId, countryId, level, instrument, status, lineId, string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(), review), problems);
    }

    private static string Names<TEnum>(string what, string given) where TEnum : struct, Enum =>
        $"'{given}' is not a {what}: use one of {string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.";
}
