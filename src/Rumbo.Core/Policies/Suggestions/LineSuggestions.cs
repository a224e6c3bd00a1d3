using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;

namespace Rumbo.Core.Policies.Suggestions;

/// <summary>
/// Suggestions of the lines a policy serves, for the policy page and the API, and the answers to them: a confirmation
/// links the line to the policy (the same link the editor writes), a rejection is kept so the line is not offered again.
/// The model is built from the database's rows (the agenda's line texts in every language, and every policy of the
/// agenda linked to lines, which are what "confirmed" means) and kept in this process under the content version, which
/// every save bumps: every instance builds the same model from the same rows, and none serves one older than the data.
/// </summary>
public sealed class LineSuggestions(RumboDbContext db, TimeProvider clock)
{
    /// <summary>The longest text the API and the page read, in characters; a policy's title and summary are far shorter.</summary>
    public const int MaxTitle = 1000;
    public const int MaxSummary = 20000;

    private static readonly ConcurrentDictionary<int, (long Version, LineSuggester Model)> Models = new();

    /// <summary>Settings in force; the benchmark replaces them to tune, the site never does.</summary>
    public LineSuggester.Settings Settings { get; init; } = new();

    public sealed record LineInfo(int Id, string Code, LocalizedString Text);

    public sealed record PolicySuggestion(LineInfo Line, double Score, IReadOnlyList<string> Words, IReadOnlyList<(int Start, int End)> Spans);

    /// <summary>What the page shows: the text the suggestions read (spans point into it) and the suggestions.</summary>
    public sealed record ForPolicy(string Text, IReadOnlyList<PolicySuggestion> Suggestions);

    public enum Outcome { Done, NoLine, Conflict }

    public async Task<LineSuggester> ModelAsync(int agendaId, CancellationToken ct)
    {
        var version = await db.ContentVersions.AsNoTracking().Where(v => v.Id == 1).Select(v => v.Value).SingleOrDefaultAsync(ct);
        if (Models.TryGetValue(agendaId, out var kept) && kept.Version == version && ReferenceEquals(Settings, Default)) return kept.Model;
        var model = LineSuggester.Build(await LinesAsync(agendaId, ct), await ExamplesAsync(agendaId, ct), Settings);
        if (ReferenceEquals(Settings, Default)) Models[agendaId] = (version, model);
        return model;
    }

    private static readonly LineSuggester.Settings Default = new();

    /// <summary>Suggestions for any text: what the API answers.</summary>
    public async Task<IReadOnlyList<LineSuggester.Suggestion>> SuggestAsync(int agendaId, string? title, string? summary, string language, CancellationToken ct)
    {
        var model = await ModelAsync(agendaId, ct);
        var retired = await db.Lines.AsNoTracking().Where(l => l.AgendaId == agendaId && l.RetiredOn != null).Select(l => l.Code).ToListAsync(ct);
        return model.Suggest(Join(title, summary), language, retired.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Suggestions for a registered policy, from its title and summary in its own language: lines it is already linked to,
    /// lines rejected for it and retired lines are left out, and the policy does not vote for itself.
    /// </summary>
    public async Task<ForPolicy> ForPolicyAsync(int policyId, CancellationToken ct)
    {
        var p = await db.Policies.AsNoTracking().Where(x => x.Id == policyId)
            .Select(x => new { x.AgendaId, x.Language, Title = x.Title.Source, Summary = x.Summary.Source }).SingleAsync(ct);
        var model = await ModelAsync(p.AgendaId, ct);
        var linked = await db.PolicyLines.AsNoTracking().Where(l => l.PolicyId == policyId).Select(l => l.LineOfActionId)
            .Concat(db.PolicyLineRejections.AsNoTracking().Where(r => r.PolicyId == policyId).Select(r => r.LineOfActionId)).ToListAsync(ct);
        var lines = await db.Lines.AsNoTracking().Where(l => l.AgendaId == p.AgendaId)
            .Select(l => new { l.Id, l.Code, Text = l.Text.ToDocument(), Retired = l.RetiredOn != null }).ToListAsync(ct);
        var exclude = lines.Where(l => l.Retired || linked.Contains(l.Id)).Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        var byCode = lines.ToDictionary(l => l.Code, l => new LineInfo(l.Id, l.Code, l.Text), StringComparer.Ordinal);
        var text = Join(p.Title, p.Summary);
        var suggestions = model.Suggest(text, p.Language, exclude, policyId);
        return new ForPolicy(text, suggestions.Select(s => new PolicySuggestion(byCode[s.Code], s.Score, s.Words, s.Spans)).ToList());
    }

    /// <summary>
    /// Links the line to the tracked policy (loaded by <see cref="PolicyStore.LoadAsync"/>) as the editor would: saved only if
    /// nobody saved the policy since <paramref name="readVersion"/>, and a country's change sends a reviewed entry back for review.
    /// </summary>
    public async Task<Outcome> ConfirmAsync(Policy policy, string code, int readVersion, bool bySecretariat, CancellationToken ct)
    {
        var line = await db.Lines.AsNoTracking().Where(l => l.AgendaId == policy.AgendaId && l.Code == code && l.RetiredOn == null)
            .Select(l => (int?)l.Id).SingleOrDefaultAsync(ct);
        if (line is not int id) return Outcome.NoLine;
        if (policy.Lines.Any(l => l.LineOfActionId == id)) return policy.Version == readVersion ? Outcome.Done : Outcome.Conflict;
        LineLinks.Replace(policy.Lines, [.. policy.Lines.Select(l => l.LineOfActionId), id]);
        // A line confirmed after it was rejected is no longer rejected: the person changed their mind.
        var rejection = await db.PolicyLineRejections.SingleOrDefaultAsync(r => r.PolicyId == policy.Id && r.LineOfActionId == id, ct);
        if (rejection is not null) db.PolicyLineRejections.Remove(rejection);
        policy.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        if (!bySecretariat) policy.ChangedByCountry();
        return await db.SaveIfVersionAsync(policy, p => p.Version, readVersion, ct) ? Outcome.Done : Outcome.Conflict;
    }

    /// <summary>Keeps that the line does not serve the policy; rejecting it twice keeps the first.</summary>
    public async Task<Outcome> RejectAsync(int policyId, int agendaId, string code, int? byPersonId, CancellationToken ct)
    {
        var line = await db.Lines.AsNoTracking().Where(l => l.AgendaId == agendaId && l.Code == code).Select(l => (int?)l.Id).SingleOrDefaultAsync(ct);
        if (line is not int id) return Outcome.NoLine;
        if (await db.PolicyLineRejections.AnyAsync(r => r.PolicyId == policyId && r.LineOfActionId == id, ct)) return Outcome.Done;
        db.PolicyLineRejections.Add(new PolicyLineRejection { PolicyId = policyId, LineOfActionId = id, ByPersonId = byPersonId, AtUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same rejection saved meanwhile by another request: the unique key answers as the first did.
            db.ChangeTracker.Clear();
        }
        return Outcome.Done;
    }

    private async Task<IReadOnlyList<LineSuggester.Line>> LinesAsync(int agendaId, CancellationToken ct)
    {
        var agendaLanguage = await db.Agendas.AsNoTracking().Where(a => a.Id == agendaId).Select(a => a.DocumentLanguage).SingleOrDefaultAsync(ct) ?? "en";
        var objectives = await db.Objectives.AsNoTracking().Where(o => o.AgendaId == agendaId)
            .Select(o => new { o.Id, Text = o.Text.ToDocument() }).ToDictionaryAsync(o => o.Id, o => o.Text, ct);
        var lines = await db.Lines.AsNoTracking().Where(l => l.AgendaId == agendaId)
            .Select(l => new { l.Code, l.ObjectiveId, Text = l.Text.ToDocument() }).ToListAsync(ct);
        return lines.Select(l => new LineSuggester.Line(l.Code, ByLanguage(l.Text, agendaLanguage),
            objectives.TryGetValue(l.ObjectiveId, out var o) ? ByLanguage(o, agendaLanguage) : new Dictionary<string, string>())).ToList();
    }

    private async Task<IReadOnlyList<LineSuggester.Example>> ExamplesAsync(int agendaId, CancellationToken ct)
    {
        var policies = await db.Policies.AsNoTracking().Where(p => p.AgendaId == agendaId && p.Lines.Any())
            .Select(p => new { p.Id, p.Language, Title = p.Title.ToDocument(), Summary = p.Summary.ToDocument() }).ToListAsync(ct);
        var links = await (from pl in db.PolicyLines.AsNoTracking()
                           join l in db.Lines.AsNoTracking() on pl.LineOfActionId equals l.Id
                           where l.AgendaId == agendaId
                           select new { pl.PolicyId, l.Code }).ToListAsync(ct);
        var codes = links.GroupBy(l => l.PolicyId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(l => l.Code).ToList());
        var examples = new List<LineSuggester.Example>();
        foreach (var p in policies)
        {
            if (!codes.TryGetValue(p.Id, out var c)) continue;
            // A policy translated into another language is evidence in that language too.
            var titles = ByLanguage(p.Title, p.Language);
            var summaries = ByLanguage(p.Summary, p.Language);
            foreach (var (language, title) in titles)
                examples.Add(new LineSuggester.Example(p.Id, language, Join(title, summaries.GetValueOrDefault(language)), c));
        }
        return examples;
    }

    private static Dictionary<string, string> ByLanguage(LocalizedString s, string sourceLanguage)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string language, string? text)
        {
            if (!string.IsNullOrWhiteSpace(text) && !texts.ContainsKey(language)) texts[language] = text;
        }
        Put(sourceLanguage, s.Source);
        Put("en", s.En);
        Put("es", s.Es);
        Put("pt", s.Pt);
        Put("fr", s.Fr);
        return texts;
    }

    /// <summary>
    /// The passage of the text that supports a suggestion: the sentence (or the title) holding most of its words, cut into
    /// pieces with the supporting words marked. Empty when no word supports it.
    /// </summary>
    public static IReadOnlyList<(string Text, bool Marked)> Passage(string text, IReadOnlyList<(int Start, int End)> spans)
    {
        if (spans.Count == 0) return [];
        var bounds = new List<(int Start, int End)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] == '\n' || (text[i] is '.' or ';' or '?' or '!' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (!end) continue;
            bounds.Add((start, i + 1));
            start = i + 1;
        }
        if (start < text.Length) bounds.Add((start, text.Length));
        var best = bounds.OrderByDescending(b => spans.Count(s => s.Start >= b.Start && s.End <= b.End)).ThenBy(b => b.Start).First();
        var parts = new List<(string, bool)>();
        var at = best.Start;
        foreach (var (s, e) in spans.Where(s => s.Start >= best.Start && s.End <= best.End).OrderBy(s => s.Start))
        {
            if (s < at) continue;
            if (s > at) parts.Add((text[at..s], false));
            parts.Add((text[s..e], true));
            at = e;
        }
        if (at < best.End) parts.Add((text[at..best.End], false));
        // Leading and trailing blanks of the sentence are the separators' and show as nothing.
        if (parts.Count > 0 && !parts[0].Item2) parts[0] = (parts[0].Item1.TrimStart(), false);
        if (parts.Count > 0 && !parts[^1].Item2) parts[^1] = (parts[^1].Item1.TrimEnd(), false);
        return parts;
    }

    /// <summary>The text the suggestions read: the title on its own line, then the summary, so spans point into one string.</summary>
    public static string Join(string? title, string? summary) =>
        string.IsNullOrWhiteSpace(summary) ? (title ?? "").Trim() : $"{(title ?? "").Trim()}\n{summary.Trim()}";
}
