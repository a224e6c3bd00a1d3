using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;

namespace Rumbo.Core.Policies;

/// <summary>The writes that the pages, the API and the import share: what a check reads against, and a checked entry written.</summary>
public sealed class PolicyStore(RumboDbContext db, TimeProvider clock)
{
    public const string Conflict = "Someone else saved this policy after you read it. Nothing was saved.";

    public async Task<PolicyContext> ContextAsync(int agendaId, int countryId, CancellationToken ct)
    {
        var lines = await db.Lines.AsNoTracking().Where(l => l.AgendaId == agendaId)
            .Select(l => new LineLinks.Line(l.Id, l.Code, l.RetiredOn != null)).ToListAsync(ct);
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.CountryId == countryId)
            .Select(i => new PolicyContext.InstitutionOption(i.Id, i.Acronym, i.Name.ToDocument())).ToListAsync(ct);
        return new PolicyContext(lines, institutions);
    }

    /// <summary>A new entry of the country, a draft, with its first status kept as the history's first row.</summary>
    public Policy Create(int agendaId, int countryId, CheckedPolicy c, int? byPersonId, bool isExample = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var policy = new Policy
        {
            AgendaId = agendaId, CountryId = countryId, Review = PolicyReview.Draft, IsExample = isExample, CreatedAtUtc = now, UpdatedAtUtc = now, Status = c.Status,
        };
        Apply(policy, c, merge: false);
        policy.StatusChanges.Add(new PolicyStatusChange { From = null, To = c.Status, On = DateOnly.FromDateTime(now), AtUtc = now, ByPersonId = byPersonId });
        db.Policies.Add(policy);
        return policy;
    }

    /// <summary>
    /// Writes the checked fields on a tracked policy, leaving <see cref="Policy.UpdatedAtUtc"/> to the caller, who knows
    /// whether anything changed (a spreadsheet row read back unchanged must leave the policy as it was) with its lines and SDG targets loaded. The status is not among
    /// them: it changes only through <see cref="Policy.ChangeStatus"/>. With <paramref name="merge"/> (a spreadsheet's
    /// row, which has only the texts as written) the translations stored are kept.
    /// </summary>
    public void Apply(Policy p, CheckedPolicy c, bool merge)
    {
        p.Language = c.Language;
        Text(p.Title, c.Title);
        Text(p.Summary, c.Summary);
        Text(p.Progress, c.Progress);
        Text(p.Outcomes, c.Outcomes);
        p.Level = c.Level;
        p.Territory = c.Territory;
        p.Instrument = c.Instrument;
        p.InstitutionId = c.InstitutionId;
        p.InstitutionName = c.InstitutionName;
        p.StartYear = c.StartYear;
        p.EndYear = c.EndYear;
        p.BudgetAmount = c.BudgetAmount;
        p.BudgetCurrency = c.BudgetCurrency;
        p.ProgressPercent = c.ProgressPercent;
        p.Links = PolicyLinks.Join(c.Links);
        p.IsPublic = c.IsPublic;
        LineLinks.Replace(p.Lines, c.LineIds);
        p.SdgTargets.RemoveAll(t => !c.SdgTargets.Contains(t.Code));
        foreach (var code in c.SdgTargets.Where(code => p.SdgTargets.All(t => t.Code != code))) p.SdgTargets.Add(new PolicySdgTarget { Code = code });

        void Text(LocalizedText stored, LocalizedText given)
        {
            if (merge) stored.Merge(given.ToDocument());
            else stored.Set(given.ToDocument());
        }
    }

    /// <summary>A policy tracked with what an edit changes.</summary>
    public Task<Policy?> LoadAsync(int id, CancellationToken ct) =>
        db.Policies.Include(p => p.Lines).Include(p => p.SdgTargets).Include(p => p.StatusChanges).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
