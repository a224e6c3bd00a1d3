using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.People;

namespace Rumbo.Core.Capacities;

public sealed record CapacityAreaLabel(int Id, string Code, int Number, LocalizedString Title);

public sealed record CapacityLevelView(int Value, LocalizedString Descriptor);

public sealed record CapacityQuestionView(
    int Id, int AreaId, CapacityDimension Dimension, int Position, LocalizedString Text, LocalizedString Guidance, bool AsksEvidence,
    IReadOnlyList<CapacityLevelView> Levels)
{
    public int ScaleMax => Levels.Count == 0 ? 0 : Levels.Max(l => l.Value);

    public CapacityLevelView? Level(int? value) => value is int v ? Levels.FirstOrDefault(l => l.Value == v) : null;
}

public sealed record InstrumentSummary(int Id, int Number, InstrumentStatus Status, bool IsProposal, DateTime CreatedAtUtc, DateTime? PublishedAtUtc, int Questions);

/// <summary>A version of the instrument with its questions, in the agenda's order of areas, then dimension, then position.</summary>
public sealed record InstrumentView(
    int Id, int AgendaId, int Number, InstrumentStatus Status, LocalizedString Note, bool IsProposal, DateTime CreatedAtUtc, DateTime? PublishedAtUtc,
    int Version, IReadOnlyList<CapacityAreaLabel> Areas, IReadOnlyList<CapacityQuestionView> Questions)
{
    public IEnumerable<CapacityQuestionView> In(int areaId, CapacityDimension d) => Questions.Where(q => q.AreaId == areaId && q.Dimension == d);
}

public sealed record CapacityRoundView(
    int Id, int AgendaId, int InstrumentId, int InstrumentNumber, LocalizedString Title, DateOnly OpensOn, DateOnly DueOn, bool IsExample, DateTime CreatedAtUtc);

public sealed record CapacityAgendaLabel(int Id, string Slug, string Symbol, string Language);

/// <summary>A country's diagnosis in a list: where it stands and how much is answered.</summary>
public sealed record AssessmentListItem(
    int Id, CapacityAgendaLabel Agenda, CapacityRoundView Round, int CountryId, CountryLabel Country, AssessmentStatus Status, AssessmentPublicity Publicity,
    bool IsExample, int Answered, int Questions, DateTime UpdatedAtUtc, int Version);

public sealed record CapacityAnswerView(
    int QuestionId, int? Level, string? Comment, string? EvidenceUrl, string? ReviewComment, string? AnsweredBy, DateTime? AnsweredAtUtc);

public sealed record AssessmentTransitionView(AssessmentStatus From, AssessmentStatus To, DateTime AtUtc, string? By, string? Reason);

/// <summary>A diagnosis with its instrument, answers, history and scores. Who may see which part is the caller's question (<see cref="Permissions.CapacityAccess"/>).</summary>
public sealed record AssessmentDetail(
    AssessmentListItem Item, InstrumentView Instrument, IReadOnlyList<CapacityAnswerView> Answers, IReadOnlyList<AssessmentTransitionView> Transitions,
    string? ReviewComment, CapacityScores Scores)
{
    public CapacityAnswerView? Answer(int questionId) => Answers.FirstOrDefault(a => a.QuestionId == questionId);
}

/// <summary>
/// A country's integrated institutional profile: its latest closed diagnosis the reader may see, with the strengths and
/// gaps drawn from its cells, and the previous closed one for the change between rounds.
/// </summary>
public sealed record CapacityProfile(AssessmentDetail Latest, AssessmentAccess Access, AssessmentDetail? Previous)
{
    public IReadOnlyList<CellScore> Strengths => Latest.Scores.Cells.Where(c => c.Score >= CapacityScoring.StrengthThreshold)
        .OrderByDescending(c => c.Score).ThenBy(c => c.AreaId).ThenBy(c => c.Dimension).ToList();

    public IReadOnlyList<CellScore> Gaps => Latest.Scores.Cells.Where(c => c.Score < CapacityScoring.GapThreshold)
        .OrderBy(c => c.Score).ThenBy(c => c.AreaId).ThenBy(c => c.Dimension).ToList();

    /// <summary>The change of a cell's score since the previous closed round, in points; null when either is unscored (or the area is not in both).</summary>
    public double? Change(int areaId, CapacityDimension d) =>
        Previous?.Scores.Cell(areaId, d)?.Score is double before && Latest.Scores.Cell(areaId, d)?.Score is double now ? now - before : null;
}

/// <summary>One country's row of the regional map.</summary>
public sealed record RegionalRow(AssessmentListItem Assessment, CapacityScores Scores);

/// <summary>The latest round with closed diagnoses the reader may see, the countries' cells and the region's mean per cell.</summary>
public sealed record RegionalMap(CapacityRoundView Round, IReadOnlyList<CapacityAreaLabel> Areas, IReadOnlyList<RegionalRow> Rows)
{
    /// <summary>The mean of the countries' scores of a cell, over the countries that scored it, and how many did.</summary>
    public (double? Mean, int Countries) Mean(int areaId, CapacityDimension d)
    {
        var scores = Rows.Select(r => r.Scores.Cell(areaId, d)?.Score).OfType<double>().ToList();
        return (scores.Count == 0 ? null : scores.Average(), scores.Count);
    }
}

/// <summary>What a list of diagnoses is filtered by; null for any.</summary>
public sealed record AssessmentFilter(int? AgendaId = null, int? CountryId = null, int? RoundId = null, AssessmentStatus? Status = null);

public sealed record AssessmentPage(IReadOnlyList<AssessmentListItem> Items, int Total, int Page, int PageSize);

/// <summary>
/// A question of a gap, for road maps: the level answered and the next one up (what would be reached), both on the question's scale.
/// </summary>
public sealed record CapacityGapQuestion(int QuestionId, LocalizedString Question, int? Level, int ScaleMax, LocalizedString? NextLevel);

/// <summary>
/// A cell (strategic area x dimension) of a country's latest closed diagnosis that scores below <see cref="CapacityScoring.GapThreshold"/>:
/// what road maps start from. <see cref="Score"/> is 0-100; <see cref="MeanLevel"/> the mean level answered on the scale of
/// <see cref="ScaleMax"/> (the cell's highest scale); <see cref="Lacking"/> says in a line, per language, what the next levels
/// of its lowest answers ask for.
/// </summary>
public sealed record CapacityGap(
    int AgendaId, int CountryId, int RoundId, int AreaId, string AreaCode, LocalizedString AreaTitle, CapacityDimension Dimension, double Score,
    double MeanLevel, int ScaleMax, LocalizedString Lacking, IReadOnlyList<CapacityGapQuestion> Questions);

/// <summary>
/// Reads the instrument, the rounds and the diagnoses. Lists are cut to what the viewer may see in the query itself
/// (<see cref="Visible"/>), so that no page, export or API answer shows a diagnosis the rule hides.
/// </summary>
public sealed class CapacityReader(RumboDbContext db)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    // The viewer's (agenda, country) pairs as one number each, as EF Core cannot compare pairs with a list.
    private const int PairFactor = 1_000_000;

    /// <summary>The diagnoses of which the viewer sees at least the scores.</summary>
    public IQueryable<CapacityAssessment> Visible(CurrentUser.Snapshot viewer)
    {
        var q = db.CapacityAssessments.AsNoTracking();
        if (viewer.IsSecretariatAdmin) return q;
        var pairs = viewer.FocalPoints.Select(f => f.AgendaId * PairFactor + f.CountryId).ToList();
        return pairs.Count == 0
            ? q.Where(a => a.Status == AssessmentStatus.Closed && a.Publicity != AssessmentPublicity.Nothing)
            : q.Where(a => (a.Status == AssessmentStatus.Closed && a.Publicity != AssessmentPublicity.Nothing)
                || pairs.Contains(a.Round!.AgendaId * PairFactor + a.CountryId));
    }

    public async Task<IReadOnlyList<CapacityAreaLabel>> AreasAsync(int agendaId, CancellationToken ct = default) =>
        await db.Areas.AsNoTracking().Where(a => a.AgendaId == agendaId).OrderBy(a => a.Number)
            .Select(a => new CapacityAreaLabel(a.Id, a.Code, a.Number, a.Title.ToDocument())).ToListAsync(ct);

    public async Task<IReadOnlyList<InstrumentSummary>> InstrumentsAsync(int agendaId, CancellationToken ct = default) =>
        await db.CapacityInstruments.AsNoTracking().Where(i => i.AgendaId == agendaId).OrderByDescending(i => i.Number)
            .Select(i => new InstrumentSummary(i.Id, i.Number, i.Status, i.IsProposal, i.CreatedAtUtc, i.PublishedAtUtc, i.Questions.Count)).ToListAsync(ct);

    /// <summary>A version by its number; without one, the newest version.</summary>
    public async Task<InstrumentView?> InstrumentAsync(int agendaId, int? number, CancellationToken ct = default)
    {
        var q = db.CapacityInstruments.AsNoTracking().Where(i => i.AgendaId == agendaId);
        var id = await (number is int n ? q.Where(i => i.Number == n) : q.OrderByDescending(i => i.Number)).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        return id is int found ? await InstrumentByIdAsync(found, ct) : null;
    }

    public async Task<InstrumentView?> InstrumentByIdAsync(int id, CancellationToken ct = default)
    {
        var i = await db.CapacityInstruments.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.AgendaId, x.Number, x.Status, Note = x.Note.ToDocument(), x.IsProposal, x.CreatedAtUtc, x.PublishedAtUtc, x.Version })
            .SingleOrDefaultAsync(ct);
        if (i is null) return null;
        var areas = await AreasAsync(i.AgendaId, ct);
        var questions = await db.CapacityQuestions.AsNoTracking().Where(q => q.InstrumentId == id)
            .Select(q => new { q.Id, q.AreaId, q.Dimension, q.Position, Text = q.Text.ToDocument(), Guidance = q.Guidance.ToDocument(), q.AsksEvidence })
            .ToListAsync(ct);
        var ids = questions.Select(q => q.Id).ToList();
        var levels = (await db.CapacityLevels.AsNoTracking().Where(l => ids.Contains(l.QuestionId))
            .Select(l => new { l.QuestionId, l.Value, Descriptor = l.Descriptor.ToDocument() }).ToListAsync(ct))
            .ToLookup(l => l.QuestionId);
        var areaOrder = areas.Select((a, n) => (a.Id, n)).ToDictionary(x => x.Id, x => x.n);
        var views = questions
            .OrderBy(q => areaOrder.GetValueOrDefault(q.AreaId, int.MaxValue)).ThenBy(q => q.Dimension).ThenBy(q => q.Position).ThenBy(q => q.Id)
            .Select(q => new CapacityQuestionView(q.Id, q.AreaId, q.Dimension, q.Position, q.Text, q.Guidance, q.AsksEvidence,
                levels[q.Id].OrderBy(l => l.Value).Select(l => new CapacityLevelView(l.Value, l.Descriptor)).ToList()))
            .ToList();
        return new InstrumentView(i.Id, i.AgendaId, i.Number, i.Status, i.Note, i.IsProposal, i.CreatedAtUtc, i.PublishedAtUtc, i.Version, areas, views);
    }

    public async Task<IReadOnlyList<CapacityRoundView>> RoundsAsync(int agendaId, CancellationToken ct = default) =>
        await db.CapacityRounds.AsNoTracking().Where(r => r.AgendaId == agendaId).OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.Id)
            .Select(r => new CapacityRoundView(r.Id, r.AgendaId, r.InstrumentId, r.Instrument!.Number, r.Title.ToDocument(), r.OpensOn, r.DueOn, r.IsExample, r.CreatedAtUtc))
            .ToListAsync(ct);

    public IQueryable<CapacityAssessment> Filtered(CurrentUser.Snapshot viewer, AssessmentFilter f)
    {
        var q = Visible(viewer);
        if (f.AgendaId is int a) q = q.Where(x => x.Round!.AgendaId == a);
        if (f.CountryId is int c) q = q.Where(x => x.CountryId == c);
        if (f.RoundId is int r) q = q.Where(x => x.RoundId == r);
        if (f.Status is { } s) q = q.Where(x => x.Status == s);
        return q;
    }

    public async Task<AssessmentPage> ListAsync(CurrentUser.Snapshot viewer, AssessmentFilter filter, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        var q = Filtered(viewer, filter);
        var total = await q.CountAsync(ct);
        var items = await Items(q.OrderByDescending(x => x.Round!.OpensOn).ThenBy(x => x.RoundId).ThenBy(x => x.Country!.Code)
            .Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new AssessmentPage(items, total, page, pageSize);
    }

    /// <summary>Every diagnosis of a round, for the secretariat's follow-up (the caller checks who reads).</summary>
    public async Task<IReadOnlyList<AssessmentListItem>> OfRoundAsync(int roundId, CancellationToken ct = default) =>
        await Items(db.CapacityAssessments.AsNoTracking().Where(a => a.RoundId == roundId).OrderBy(a => a.Country!.Code)).ToListAsync(ct);

    /// <summary>A country's diagnoses for an agenda that the viewer sees, newest round first.</summary>
    public async Task<IReadOnlyList<AssessmentListItem>> OfCountryAsync(CurrentUser.Snapshot viewer, int agendaId, int countryId, CancellationToken ct = default) =>
        await Items(Filtered(viewer, new AssessmentFilter(agendaId, countryId)).OrderByDescending(a => a.Round!.OpensOn).ThenByDescending(a => a.RoundId)).ToListAsync(ct);

    private static IQueryable<AssessmentListItem> Items(IQueryable<CapacityAssessment> q) => q.Select(a => new AssessmentListItem(
        a.Id, new CapacityAgendaLabel(a.Round!.AgendaId, a.Round.Agenda!.Slug, a.Round.Agenda.Symbol, a.Round.Agenda.DocumentLanguage),
        new CapacityRoundView(a.RoundId, a.Round.AgendaId, a.Round.InstrumentId, a.Round.Instrument!.Number, a.Round.Title.ToDocument(), a.Round.OpensOn,
            a.Round.DueOn, a.Round.IsExample, a.Round.CreatedAtUtc),
        a.CountryId, new CountryLabel(a.Country!.Code, a.Country.Name.ToDocument()), a.Status, a.Publicity, a.IsExample,
        a.Answers.Count(x => x.Level != null), a.Round.Instrument.Questions.Count, a.UpdatedAtUtc, a.Version));

    /// <summary>A diagnosis with everything; who may see it is the caller's question.</summary>
    public async Task<AssessmentDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        var item = await Items(db.CapacityAssessments.AsNoTracking().Where(a => a.Id == id)).SingleOrDefaultAsync(ct);
        if (item is null) return null;
        var instrument = (await InstrumentByIdAsync(item.Round.InstrumentId, ct))!;
        var comment = await db.CapacityAssessments.AsNoTracking().Where(a => a.Id == id).Select(a => a.ReviewComment).SingleAsync(ct);
        var answers = await db.CapacityAnswers.AsNoTracking().Where(a => a.AssessmentId == id)
            .Select(a => new CapacityAnswerView(a.QuestionId, a.Level, a.Comment, a.EvidenceUrl, a.ReviewComment,
                a.AnsweredBy == null ? null : (a.AnsweredBy.GivenName + " " + a.AnsweredBy.FamilyName).Trim(), a.AnsweredAtUtc))
            .ToListAsync(ct);
        var transitions = await db.AssessmentTransitions.AsNoTracking().Where(t => t.AssessmentId == id).OrderBy(t => t.AtUtc).ThenBy(t => t.Id)
            .Select(t => new AssessmentTransitionView(t.From, t.To, t.AtUtc, t.By == null ? null : (t.By.GivenName + " " + t.By.FamilyName).Trim(), t.Reason))
            .ToListAsync(ct);
        return new AssessmentDetail(item, instrument, answers, transitions, comment, Score(instrument, answers));
    }

    public static CapacityScores Score(InstrumentView instrument, IEnumerable<CapacityAnswerView> answers)
    {
        var levels = answers.ToDictionary(a => a.QuestionId, a => a.Level);
        return CapacityScoring.Compute(instrument.Questions.Select(q => new ScoredQuestion(q.AreaId, q.Dimension, levels.GetValueOrDefault(q.Id), q.ScaleMax)));
    }

    /// <summary>The country's profile as the viewer may see it: its latest closed diagnosis they see, and the one before; null when there is none.</summary>
    public async Task<CapacityProfile?> ProfileAsync(CurrentUser.Snapshot viewer, int agendaId, int countryId, CancellationToken ct = default)
    {
        var closed = await Filtered(viewer, new AssessmentFilter(agendaId, countryId, Status: AssessmentStatus.Closed))
            .OrderByDescending(a => a.Round!.OpensOn).ThenByDescending(a => a.RoundId).Select(a => a.Id).Take(2).ToListAsync(ct);
        if (closed.Count == 0) return null;
        var latest = (await GetAsync(closed[0], ct))!;
        var previous = closed.Count > 1 ? await GetAsync(closed[1], ct) : null;
        var access = viewer.CapacityAccess(agendaId, countryId, latest.Item.Status, latest.Item.Publicity);
        return new CapacityProfile(latest, access, previous);
    }

    /// <summary>The regional map of the latest round in which the viewer sees at least one closed diagnosis; null when there is none.</summary>
    public async Task<RegionalMap?> RegionalAsync(CurrentUser.Snapshot viewer, int agendaId, CancellationToken ct = default)
    {
        var closed = Filtered(viewer, new AssessmentFilter(agendaId, Status: AssessmentStatus.Closed));
        var roundId = await closed.OrderByDescending(a => a.Round!.OpensOn).ThenByDescending(a => a.RoundId).Select(a => (int?)a.RoundId).FirstOrDefaultAsync(ct);
        if (roundId is not int r) return null;
        var items = await Items(closed.Where(a => a.RoundId == r).OrderBy(a => a.Country!.Code)).ToListAsync(ct);
        var instrument = (await InstrumentByIdAsync(items[0].Round.InstrumentId, ct))!;
        var ids = items.Select(i => i.Id).ToList();
        var answers = (await db.CapacityAnswers.AsNoTracking().Where(a => ids.Contains(a.AssessmentId))
            .Select(a => new { a.AssessmentId, a.QuestionId, a.Level }).ToListAsync(ct)).ToLookup(a => a.AssessmentId);
        var rows = items.Select(i => new RegionalRow(i, Score(instrument,
            answers[i.Id].Select(a => new CapacityAnswerView(a.QuestionId, a.Level, null, null, null, null, null))))).ToList();
        return new RegionalMap(items[0].Round, instrument.Areas, rows);
    }

    /// <summary>The scores of every diagnosis of an agenda the viewer sees (newest round first, then by country), for the downloads.</summary>
    public async Task<IReadOnlyList<(AssessmentListItem Item, InstrumentView Instrument, CapacityScores Scores)>> ScoresAsync(
        CurrentUser.Snapshot viewer, AssessmentFilter filter, CancellationToken ct = default)
    {
        var items = await Items(Filtered(viewer, filter).OrderByDescending(a => a.Round!.OpensOn).ThenByDescending(a => a.RoundId).ThenBy(a => a.Country!.Code))
            .ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var answers = (await db.CapacityAnswers.AsNoTracking().Where(a => ids.Contains(a.AssessmentId))
            .Select(a => new { a.AssessmentId, a.QuestionId, a.Level }).ToListAsync(ct)).ToLookup(a => a.AssessmentId);
        var instruments = new Dictionary<int, InstrumentView>();
        foreach (var id in items.Select(i => i.Round.InstrumentId).Distinct()) instruments[id] = (await InstrumentByIdAsync(id, ct))!;
        return items.Select(i =>
        {
            var instrument = instruments[i.Round.InstrumentId];
            return (i, instrument, Score(instrument, answers[i.Id].Select(a => new CapacityAnswerView(a.QuestionId, a.Level, null, null, null, null, null))));
        }).ToList();
    }

    /// <summary>
    /// The gaps of a country's latest closed diagnosis for the agenda, lowest first, whatever the country made public (road
    /// maps are the country's and the secretariat's, who see every diagnosis); empty when the country has none closed.
    /// </summary>
    public async Task<IReadOnlyList<CapacityGap>> GapsAsync(int agendaId, int countryId, CancellationToken ct = default)
    {
        if (await LatestClosedAsync(agendaId, countryId, ct) is not int found) return [];
        var d = (await GetAsync(found, ct))!;
        var areas = d.Instrument.Areas.ToDictionary(a => a.Id);
        var levels = d.Answers.ToDictionary(a => a.QuestionId, a => a.Level);
        var gaps = new List<CapacityGap>();
        foreach (var cell in d.Scores.Cells.Where(c => c.Score < CapacityScoring.GapThreshold).OrderBy(c => c.Score).ThenBy(c => c.AreaId).ThenBy(c => c.Dimension))
        {
            var questions = d.Instrument.In(cell.AreaId, cell.Dimension)
                .Select(q => (q, Level: levels.GetValueOrDefault(q.Id)))
                .Where(x => x.Level is int l && l < x.q.ScaleMax)
                .OrderBy(x => CapacityScoring.Normalise(x.Level!.Value, x.q.ScaleMax))
                .Select(x => new CapacityGapQuestion(x.q.Id, x.q.Text, x.Level, x.q.ScaleMax,
                    x.q.Levels.Where(l => l.Value > x.Level).OrderBy(l => l.Value).Select(l => l.Descriptor).FirstOrDefault()))
                .ToList();
            var answered = d.Instrument.In(cell.AreaId, cell.Dimension).Where(q => levels.GetValueOrDefault(q.Id) is not null).ToList();
            var scaleMax = answered.Count == 0 ? 0 : answered.Max(q => q.ScaleMax);
            var area = areas[cell.AreaId];
            gaps.Add(new CapacityGap(agendaId, countryId, d.Item.Round.Id, cell.AreaId, area.Code, area.Title, cell.Dimension, cell.Score!.Value,
                cell.Score.Value * scaleMax / 100.0, scaleMax, Lacking(questions), questions));
        }
        return gaps;
    }

    /// <summary>
    /// The score of every scored cell (area, dimension) of a country's latest closed diagnosis, rounded to a whole number,
    /// whatever the country made public (for its road map, which shows whether its gaps closed); empty without one.
    /// </summary>
    public async Task<IReadOnlyDictionary<(int AreaId, CapacityDimension Dimension), int>> LatestScoresAsync(int agendaId, int countryId, CancellationToken ct = default)
    {
        if (await LatestClosedAsync(agendaId, countryId, ct) is not int found) return new Dictionary<(int, CapacityDimension), int>();
        var d = (await GetAsync(found, ct))!;
        return d.Scores.Cells.Where(c => c.Score is not null)
            .ToDictionary(c => (c.AreaId, c.Dimension), c => (int)Math.Round(c.Score!.Value, MidpointRounding.AwayFromZero));
    }

    private Task<int?> LatestClosedAsync(int agendaId, int countryId, CancellationToken ct) =>
        db.CapacityAssessments.AsNoTracking()
            .Where(a => a.Round!.AgendaId == agendaId && a.CountryId == countryId && a.Status == AssessmentStatus.Closed)
            .OrderByDescending(a => a.Round!.OpensOn).ThenByDescending(a => a.RoundId).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);

    /// <summary>The next levels the lowest answers ask for, joined per language (a language a descriptor lacks falls back to its source).</summary>
    private static LocalizedString Lacking(IReadOnlyList<CapacityGapQuestion> questions)
    {
        var next = questions.Select(q => q.NextLevel).OfType<LocalizedString>().Take(2).ToList();
        string? Join(Func<LocalizedString, string?> pick) =>
            next.Count == 0 || next.All(n => pick(n) is null) ? null : string.Join(" ", next.Select(n => Sentence(pick(n) ?? n.Source)));
        return new LocalizedString(Join(n => n.Source) ?? "", Join(n => n.En), Join(n => n.Es), Join(n => n.Pt), Join(n => n.Fr), null);
    }

    private static string Sentence(string s) => s.TrimEnd().EndsWith('.') ? s.TrimEnd() : s.TrimEnd() + ".";
}
