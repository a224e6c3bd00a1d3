using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Policies;
using Rumbo.TestSupport;
using Rumbo.Web.Tests.Records;

namespace Rumbo.Web.Tests.Policies;

/// <summary>What the register's tests share: policies written straight to the database, and focal points of a country.</summary>
public sealed class PolicyKit(RumboApp app)
{
    public const string Agenda = "lc-crp-20-6";

    public RecordsTestKit Kit { get; } = new(app);

    public HttpClient Client => Kit.Client;

    /// <summary>A cookie for a new account linked to a new focal point of the country for the planning agenda.</summary>
    public async Task<(string Cookie, int PersonId)> FocalPointAsync(string country)
    {
        var person = await IndicatorScenario.FocalPointAsync(app.Database, country, Agenda);
        return (await SignedIn.CookieAsync(app, personId: person), person);
    }

    public Task<string> SecretariatAsync() => SignedIn.CookieAsync(app, Rumbo.Core.Accounts.Roles.SecretariatAdmin);

    /// <summary>A policy of the country in the given state, with a title made unique so that each test finds its own.</summary>
    public async Task<(int Id, string Title)> CreateAsync(string country, PolicyReview review, bool isPublic, PolicyStatus status = PolicyStatus.InImplementation,
        PolicyInstrument instrument = PolicyInstrument.Policy, string[]? lines = null, string? title = null)
    {
        await using var db = app.Database.CreateContext();
        var agendaId = await db.Agendas.Where(a => a.Slug == Agenda).Select(a => a.Id).SingleAsync();
        var countryId = await db.Countries.Where(c => c.Code == country).Select(c => c.Id).SingleAsync();
        var codes = lines ?? [];
        var lineIds = await db.Lines.Where(l => l.AgendaId == agendaId && codes.Contains(l.Code)).Select(l => l.Id).ToListAsync();
        title ??= $"Policy {Guid.NewGuid():n}"[..20];
        var policy = new Policy
        {
            AgendaId = agendaId, CountryId = countryId, Language = "es", Title = new LocalizedText { Source = title, En = title + " (en)" },
            Summary = new LocalizedText { Source = "Resumen." }, Level = PolicyLevel.National, Instrument = instrument, Status = status, Review = review,
            IsPublic = isPublic, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            Lines = [.. lineIds.Select(id => new PolicyLine { LineOfActionId = id })],
            StatusChanges = [new PolicyStatusChange { To = status, On = new DateOnly(2024, 1, 1), AtUtc = DateTime.UtcNow }],
        };
        db.Policies.Add(policy);
        await db.SaveChangesAsync();
        return (policy.Id, title);
    }

    public async Task<Policy> StoredAsync(int id)
    {
        await using var db = app.Database.CreateContext();
        return await db.Policies.AsNoTracking().Include(p => p.Lines).Include(p => p.SdgTargets).Include(p => p.StatusChanges).SingleAsync(p => p.Id == id);
    }
}
