using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Capacities;

namespace Rumbo.Web.Tests;

public abstract partial class PermissionMatrixTests
{
    private const string CapacityAgenda = "lc-crp-20-6";

    /// <summary>Those who may not even read an open diagnosis of country A: 404, as for no diagnosis.</summary>
    private static Who[] CapacityOutsiders => [Who.SignedIn, Who.GroupMember, Who.GroupCoordinator];

    /// <summary>
    /// Every page write of the TOPP diagnosis: the secretariat keeps the instrument (with the coordinators of the agenda's ad
    /// hoc groups, whom the matrix's coordinator is not) and opens, reviews and closes rounds; only the country's focal
    /// points answer its diagnosis and choose what of it is public.
    /// </summary>
    private static IEnumerable<Write> CapacityWrites() =>
    [
        new("open a round of the TOPP diagnosis", _ => Task.FromResult($"/agendas/{CapacityAgenda}/capacities?handler=Round"),
            async t => new()
            {
                ["RoundTitle.Source"] = $"Round {Guid.NewGuid():n}"[..16], ["InstrumentNumber"] = await t.PublishedCapacityVersion(), ["OpensOn"] = "2026-01-01",
                ["DueOn"] = "2026-06-30", ["Countries"] = (await t.Scenario()).CountryA,
            },
            [Who.Secretariat]),
        new("add the proposed TOPP instrument to an agenda without one", async t => $"/agendas/{await t.AgendaWithoutInstrument()}/capacities/instrument?handler=Propose",
            _ => Task.FromResult(new Dictionary<string, string>()),
            [Who.Secretariat]),
        new("make a new draft of the TOPP instrument", async t => { await t.NewestCapacityVersion(InstrumentStatus.Published); return $"/agendas/{CapacityAgenda}/capacities/instrument?handler=NewDraft"; },
            _ => Task.FromResult(new Dictionary<string, string>()),
            [Who.Secretariat]),
        new("publish a draft of the TOPP instrument", async t => $"/agendas/{CapacityAgenda}/capacities/instrument?handler=Publish&version={await t.NewestCapacityVersion(InstrumentStatus.Draft)}",
            async t => new() { ["Version"] = await t.CapacityDraftStamp() },
            [Who.Secretariat]),
        new("add a question to a draft of the TOPP instrument", async t => $"/agendas/{CapacityAgenda}/capacities/instrument?handler=Question&version={await t.NewestCapacityVersion(InstrumentStatus.Draft)}",
            async t => new()
            {
                ["Version"] = await t.CapacityDraftStamp(), ["Question"] = "0", ["AreaId"] = await t.CapacityArea(), ["Dimension"] = "Political",
                ["Text.Source"] = $"Question {Guid.NewGuid():n}", ["Levels"] = "None\nSome\nAll",
            },
            [Who.Secretariat]),
        new("remove a question from a draft of the TOPP instrument", async t => $"/agendas/{CapacityAgenda}/capacities/instrument?handler=Remove&version={await t.NewestCapacityVersion(InstrumentStatus.Draft)}",
            async t => new() { ["Version"] = await t.CapacityDraftStamp(), ["Question"] = await t.CapacityDraftQuestion() },
            [Who.Secretariat]),
        new("answer a country's TOPP diagnosis", async t => await t.MatrixAssessmentUrl(AssessmentStatus.Open, "Save"),
            async t => new()
            {
                ["Version"] = await t.MatrixAssessmentStamp(), ["Answers[0].Question"] = await t.MatrixAssessmentQuestion(), ["Answers[0].Level"] = "3",
                ["Answers[0].Comment"] = "Matrix", ["submit"] = "false",
            },
            [Who.FocalPoint], CapacityOutsiders),
        new("close a country's TOPP diagnosis", async t => await t.MatrixAssessmentUrl(AssessmentStatus.Submitted, "Review"),
            async t => new() { ["Version"] = await t.MatrixAssessmentStamp(), ["action"] = "close" },
            [Who.Secretariat], CapacityOutsiders),
        new("return a country's TOPP diagnosis", async t => await t.MatrixAssessmentUrl(AssessmentStatus.Submitted, "Review"),
            async t => new() { ["Version"] = await t.MatrixAssessmentStamp(), ["action"] = "return", ["Comment"] = "Answer the political questions." },
            [Who.Secretariat], CapacityOutsiders),
        new("choose what of a TOPP diagnosis is public", async t =>
            {
                await t.MatrixAssessmentUrl(AssessmentStatus.Open, "Save");
                return $"/agendas/{CapacityAgenda}/capacities/{(await t.Scenario()).CountryA.ToLowerInvariant()}?handler=Publicity";
            },
            async t => new() { ["Assessment"] = t.matrixAssessment.ToString(CultureInfo.InvariantCulture), ["Version"] = await t.MatrixAssessmentStamp(), ["Publicity"] = "Scores" },
            [Who.FocalPoint], CapacityOutsiders),
    ];

    private int matrixAssessment;

    private async Task<int> CapacityAgendaId()
    {
        await using var db = app.Database.CreateContext();
        return await db.Agendas.Where(a => a.Slug == CapacityAgenda).Select(a => a.Id).SingleAsync();
    }

    private async Task<string> PublishedCapacityVersion()
    {
        var agenda = await CapacityAgendaId();
        await using var db = app.Database.CreateContext();
        return (await db.CapacityInstruments.Where(i => i.AgendaId == agenda && i.Status == InstrumentStatus.Published).MaxAsync(i => i.Number)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>An agenda with no instrument: the other demo agenda, its instrument (a previous case's) removed.</summary>
    private async Task<string> AgendaWithoutInstrument()
    {
        await using var db = app.Database.CreateContext();
        var agenda = await db.Agendas.Where(a => a.Slug != CapacityAgenda).OrderBy(a => a.Id).FirstAsync();
        var rounds = await db.CapacityRounds.Where(r => r.AgendaId == agenda.Id).ToListAsync();
        db.CapacityRounds.RemoveRange(rounds);
        db.CapacityInstruments.RemoveRange(await db.CapacityInstruments.Where(i => i.AgendaId == agenda.Id).ToListAsync());
        await db.SaveChangesAsync();
        return agenda.Slug;
    }

    /// <summary>Makes the planning agenda's newest version of the given status (publishing the draft, or making one), and answers its number.</summary>
    private async Task<int> NewestCapacityVersion(InstrumentStatus status)
    {
        var agenda = await CapacityAgendaId();
        await using var db = app.Database.CreateContext();
        var newest = await db.CapacityInstruments.Include(i => i.Questions).ThenInclude(q => q.Levels).Where(i => i.AgendaId == agenda)
            .OrderByDescending(i => i.Number).AsSplitQuery().FirstAsync();
        if (newest.Status == status) return newest.Number;
        if (status == InstrumentStatus.Published)
        {
            Assert.Null(newest.Publish(null, DateTime.UtcNow));
            await db.SaveChangesAsync();
            return newest.Number;
        }
        var draft = newest.NewDraft(newest.Number + 1, DateTime.UtcNow);
        db.CapacityInstruments.Add(draft);
        await db.SaveChangesAsync();
        return draft.Number;
    }

    private async Task<string> CapacityDraftStamp()
    {
        var agenda = await CapacityAgendaId();
        await using var db = app.Database.CreateContext();
        return (await db.CapacityInstruments.Where(i => i.AgendaId == agenda).OrderByDescending(i => i.Number).Select(i => i.Version).FirstAsync())
            .ToString(CultureInfo.InvariantCulture);
    }

    private async Task<string> CapacityArea()
    {
        var agenda = await CapacityAgendaId();
        await using var db = app.Database.CreateContext();
        return (await db.Areas.Where(a => a.AgendaId == agenda).OrderBy(a => a.Number).Select(a => a.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture);
    }

    private async Task<string> CapacityDraftQuestion()
    {
        var agenda = await CapacityAgendaId();
        await using var db = app.Database.CreateContext();
        var draft = await db.CapacityInstruments.Where(i => i.AgendaId == agenda).OrderByDescending(i => i.Number).Select(i => i.Id).FirstAsync();
        return (await db.CapacityQuestions.Where(q => q.InstrumentId == draft).OrderBy(q => q.Id).Select(q => q.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A new round for country A alone, its diagnosis brought to the given status, and the URL of its handler.</summary>
    private async Task<string> MatrixAssessmentUrl(AssessmentStatus status, string handler)
    {
        var agenda = await CapacityAgendaId();
        var country = (await Scenario()).CountryA;
        await using var db = app.Database.CreateContext();
        var instrument = await db.CapacityInstruments.Include(i => i.Questions).ThenInclude(q => q.Levels).AsSplitQuery()
            .SingleAsync(i => i.AgendaId == agenda && i.Number == 1);
        var countryId = await db.Countries.Where(c => c.Code == country).Select(c => c.Id).SingleAsync();
        var round = new CapacityRound
        {
            AgendaId = agenda, InstrumentId = instrument.Id, Title = new LocalizedText { Source = $"Matrix {Guid.NewGuid():n}"[..16] },
            OpensOn = new DateOnly(2026, 1, 1), DueOn = new DateOnly(2026, 6, 30), CreatedAtUtc = DateTime.UtcNow,
        };
        var assessment = new CapacityAssessment { CountryId = countryId, Status = AssessmentStatus.Open, UpdatedAtUtc = DateTime.UtcNow };
        round.Assessments.Add(assessment);
        if (status == AssessmentStatus.Submitted)
        {
            Assert.Null(assessment.Answer(instrument.Questions[0], 1, null, null, null, DateTime.UtcNow));
            Assert.Null(assessment.Submit(null, DateTime.UtcNow));
        }
        db.CapacityRounds.Add(round);
        await db.SaveChangesAsync();
        matrixAssessment = assessment.Id;
        return $"/agendas/{CapacityAgenda}/capacities/{country.ToLowerInvariant()}/{round.Id}?handler={handler}";
    }

    private async Task<string> MatrixAssessmentStamp()
    {
        await using var db = app.Database.CreateContext();
        return (await db.CapacityAssessments.Where(a => a.Id == matrixAssessment).Select(a => a.Version).SingleAsync()).ToString(CultureInfo.InvariantCulture);
    }

    private async Task<string> MatrixAssessmentQuestion()
    {
        await using var db = app.Database.CreateContext();
        var instrument = await db.CapacityAssessments.Where(a => a.Id == matrixAssessment).Select(a => a.Round!.InstrumentId).SingleAsync();
        return (await db.CapacityQuestions.Where(q => q.InstrumentId == instrument).OrderBy(q => q.Id).Select(q => q.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture);
    }
}
