using Rumbo.Core.Capacities;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.RoadMaps;

namespace Rumbo.Web.Tests;

public abstract partial class PermissionMatrixTests
{
    /// <summary>The matrix's focal point writes country A's road map; the secretariat any country's.</summary>
    private static Who[] RoadMapWriters => [Who.FocalPoint, Who.Secretariat];

    /// <summary>Those who may not even read a road map country A keeps to itself: 404, as for none.</summary>
    private static Who[] RoadMapOutsiders => [Who.SignedIn, Who.GroupMember, Who.GroupCoordinator];

    private const string MatrixRoadMapSummary = "Matrix road map";

    private static string RoadMapUrl(string country) => $"/roadmaps/lc-crp-20-6/{country.ToLowerInvariant()}";

    /// <summary>Every page write of the road maps: the country's focal points write their own, the secretariat writes any, agrees, and records activities.</summary>
    private static IEnumerable<Write> RoadMapWrites() =>
    [
        new("start a country's road map", async t => { await t.NoMatrixRoadMap(); return $"{RoadMapUrl((await t.Scenario()).CountryA)}?handler=Create"; },
            _ => Task.FromResult(new Dictionary<string, string> { ["Language"] = "es" }),
            RoadMapWriters, RoadMapOutsiders),
        new("edit a road map", async t => { await t.MatrixRoadMap(RoadMapStatus.Draft); return $"{RoadMapUrl((await t.Scenario()).CountryA)}/edit"; },
            async t => new() { ["Version"] = await t.MatrixRoadMapVersion(), ["Language"] = "es", ["Summary.Source"] = MatrixRoadMapSummary, ["Summary.En"] = $"Matrix {Guid.NewGuid():n}" },
            RoadMapWriters, RoadMapOutsiders),
        new("move a road map into implementation", async t => { await t.MatrixRoadMap(RoadMapStatus.Agreed); return $"{RoadMapUrl((await t.Scenario()).CountryA)}?handler=Move"; },
            async t => new() { ["Version"] = await t.MatrixRoadMapVersion(), ["To"] = "InImplementation" },
            RoadMapWriters, RoadMapOutsiders),
        new("agree a road map", async t => { await t.MatrixRoadMap(RoadMapStatus.Draft); return $"{RoadMapUrl((await t.Scenario()).CountryA)}?handler=Move"; },
            async t => new() { ["Version"] = await t.MatrixRoadMapVersion(), ["To"] = "Agreed" },
            [Who.Secretariat], RoadMapOutsiders),
        new("draft actions from the gaps of the latest closed diagnosis", async t => { await t.MatrixGap(); return $"{RoadMapUrl((await t.Scenario()).CountryA)}?handler=Draft"; },
            _ => Task.FromResult(new Dictionary<string, string>()),
            RoadMapWriters, RoadMapOutsiders),
        new("add an action to a road map", async t => { await t.MatrixRoadMap(RoadMapStatus.Draft); return $"{RoadMapUrl((await t.Scenario()).CountryA)}/actions/new"; },
            _ => Task.FromResult(new Dictionary<string, string> { ["Title.Source"] = $"Acción {Guid.NewGuid():n}"[..20], ["Area"] = "1", ["Dimension"] = "Technical", ["Status"] = "Planned" }),
            RoadMapWriters, RoadMapOutsiders),
        new("edit a road-map action", async t => $"/roadmaps/actions/{await t.MatrixAction(null)}/edit",
            async t => new() { ["Version"] = await t.MatrixActionVersion(null), ["Title.Source"] = $"Acción {Guid.NewGuid():n}"[..20], ["Area"] = "2", ["Dimension"] = "Political", ["Status"] = "InProgress" },
            RoadMapWriters, RoadMapOutsiders),
        new("edit another country's road-map action", async t => $"/roadmaps/actions/{await t.MatrixAction((await t.Scenario()).CountryB)}/edit",
            async t => new() { ["Version"] = await t.MatrixActionVersion((await t.Scenario()).CountryB), ["Title.Source"] = $"Acción {Guid.NewGuid():n}"[..20], ["Area"] = "2", ["Dimension"] = "Political", ["Status"] = "InProgress" },
            [Who.Secretariat], [.. RoadMapOutsiders, Who.FocalPoint]),
        new("add a milestone to an action", async t => $"/roadmaps/actions/{await t.MatrixAction(null)}/edit?handler=AddMilestone",
            async t => new() { ["Version"] = await t.MatrixActionVersion(null), ["MilestoneTitle.Source"] = "Hito", ["MilestoneDueOn"] = "2026-06-30" },
            RoadMapWriters, RoadMapOutsiders),
        new("mark a milestone done", async t => $"/roadmaps/actions/{await t.MatrixAction(null)}/edit?handler=Milestone",
            async t => new() { ["Version"] = await t.MatrixActionVersion(null), ["MilestoneId"] = await t.MatrixMilestone(), ["DoneOn"] = "2024-01-01" },
            RoadMapWriters, RoadMapOutsiders),
        new("remove a milestone", async t => $"/roadmaps/actions/{await t.MatrixAction(null)}/edit?handler=RemoveMilestone",
            async t => new() { ["Version"] = await t.MatrixActionVersion(null), ["MilestoneId"] = await t.MatrixMilestone() },
            RoadMapWriters, RoadMapOutsiders),
        new("record a training, mission or exchange", _ => Task.FromResult("/roadmaps/activities/new"),
            _ => Task.FromResult(new Dictionary<string, string>
            {
                ["Agenda"] = "lc-crp-20-6", ["Kind"] = "Training", ["Language"] = "es", ["Topic.Source"] = $"Curso {Guid.NewGuid():n}"[..20], ["StartOn"] = "2026-03-02", ["Mode"] = "Online",
            }),
            [Who.Secretariat]),
        new("edit a training, mission or exchange", async t => $"/roadmaps/activities/{await t.MatrixActivity()}/edit",
            async t => new()
            {
                ["Version"] = await t.MatrixActivityVersion(), ["Agenda"] = "lc-crp-20-6", ["Kind"] = "TechnicalAssistance", ["Language"] = "es",
                ["Topic.Source"] = $"Misión {Guid.NewGuid():n}"[..20], ["StartOn"] = "2026-03-02", ["Mode"] = "InPerson",
            },
            [Who.Secretariat]),
    ];

    private async Task<(int Agenda, int Country)> RoadMapKeys(string? country)
    {
        var code = country ?? (await Scenario()).CountryA;
        await using var db = app.Database.CreateContext();
        return (await db.Agendas.Where(a => a.Slug == "lc-crp-20-6").Select(a => a.Id).SingleAsync(), await db.Countries.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());
    }

    private async Task NoMatrixRoadMap()
    {
        var (agenda, country) = await RoadMapKeys(null);
        await using var db = app.Database.CreateContext();
        var map = await db.RoadMaps.SingleOrDefaultAsync(r => r.AgendaId == agenda && r.CountryId == country);
        if (map is null) return;
        db.RoadMaps.Remove(map);
        await db.SaveChangesAsync();
    }

    /// <summary>The country's matrix road map (country A by default), kept to itself, in the status the case needs, with one action.</summary>
    private async Task<int> MatrixRoadMap(RoadMapStatus status, string? country = null)
    {
        var (agenda, countryId) = await RoadMapKeys(country);
        await using var db = app.Database.CreateContext();
        var map = await db.RoadMaps.Include(r => r.Actions).SingleOrDefaultAsync(r => r.AgendaId == agenda && r.CountryId == countryId);
        if (map is null)
        {
            map = new RoadMap { AgendaId = agenda, CountryId = countryId, Language = "es", Summary = new LocalizedText { Source = MatrixRoadMapSummary }, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
            db.RoadMaps.Add(map);
        }
        if (map.Actions.Count == 0)
        {
            var area = await db.Areas.Where(a => a.AgendaId == agenda).OrderBy(a => a.Number).Select(a => a.Id).FirstAsync();
            map.Actions.Add(new CapacityAction { Title = new LocalizedText { Source = "Acción de la matriz" }, AreaId = area, Dimension = CapacityDimension.Technical, CreatedAtUtc = DateTime.UtcNow });
        }
        map.Status = status;
        map.IsPublic = false;
        await db.SaveChangesAsync();
        return map.Id;
    }

    /// <summary>
    /// A closed diagnosis of country A, later than any other, with one gap (the first question answered at the lowest
    /// level), and no open action of its road map on that gap: what a draft needs to draft something.
    /// </summary>
    private async Task MatrixGap()
    {
        var (agenda, countryId) = await RoadMapKeys(null);
        await MatrixRoadMap(RoadMapStatus.Draft);
        await using var db = app.Database.CreateContext();
        var instrument = await db.CapacityInstruments.Include(i => i.Questions).ThenInclude(q => q.Levels).AsSplitQuery()
            .SingleAsync(i => i.AgendaId == agenda && i.Number == 1);
        var question = instrument.Questions.OrderBy(q => q.Id).First();
        var round = new CapacityRound
        {
            AgendaId = agenda, InstrumentId = instrument.Id, Title = new LocalizedText { Source = $"Matrix gap {Guid.NewGuid():n}"[..20] },
            OpensOn = new DateOnly(2030, 1, 1), DueOn = new DateOnly(2030, 6, 30), CreatedAtUtc = DateTime.UtcNow,
        };
        var assessment = new CapacityAssessment { CountryId = countryId, Status = AssessmentStatus.Open, UpdatedAtUtc = DateTime.UtcNow };
        round.Assessments.Add(assessment);
        Assert.Null(assessment.Answer(question, question.Levels.Min(l => l.Value), null, null, null, DateTime.UtcNow));
        Assert.Null(assessment.Submit(null, DateTime.UtcNow));
        Assert.Null(assessment.Close(null, DateTime.UtcNow, null));
        db.CapacityRounds.Add(round);
        var covering = await db.CapacityActions
            .Where(a => a.RoadMap!.AgendaId == agenda && a.RoadMap.CountryId == countryId && a.AreaId == question.AreaId && a.Dimension == question.Dimension)
            .ToListAsync();
        db.CapacityActions.RemoveRange(covering);
        await db.SaveChangesAsync();
    }

    private async Task<string> MatrixRoadMapVersion()
    {
        var (agenda, country) = await RoadMapKeys(null);
        await using var db = app.Database.CreateContext();
        return (await db.RoadMaps.SingleAsync(r => r.AgendaId == agenda && r.CountryId == country)).Version.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<int> MatrixAction(string? country)
    {
        var map = await MatrixRoadMap(RoadMapStatus.Draft, country);
        await using var db = app.Database.CreateContext();
        return await db.CapacityActions.Where(a => a.RoadMapId == map).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
    }

    private async Task<string> MatrixActionVersion(string? country)
    {
        var id = await MatrixAction(country);
        await using var db = app.Database.CreateContext();
        return (await db.CapacityActions.SingleAsync(a => a.Id == id)).Version.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A milestone of country A's matrix action, not done, made when it has none.</summary>
    private async Task<string> MatrixMilestone()
    {
        var id = await MatrixAction(null);
        await using var db = app.Database.CreateContext();
        var milestone = await db.CapacityMilestones.Where(m => m.CapacityActionId == id).OrderBy(m => m.Id).FirstOrDefaultAsync();
        if (milestone is null)
        {
            milestone = new CapacityMilestone { CapacityActionId = id, Title = new LocalizedText { Source = "Hito de la matriz" }, DueOn = new DateOnly(2026, 1, 31) };
            db.CapacityMilestones.Add(milestone);
        }
        milestone.DoneOn = null;
        await db.SaveChangesAsync();
        return milestone.Id.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<int> MatrixActivity()
    {
        var (agenda, _) = await RoadMapKeys(null);
        await using var db = app.Database.CreateContext();
        var activity = await db.CapacityActivities.FirstOrDefaultAsync(a => a.Providers == MatrixRoadMapSummary);
        if (activity is null)
        {
            activity = new CapacityActivity
            {
                AgendaId = agenda, Kind = CapacityActivityKind.Training, Language = "es", Topic = new LocalizedText { Source = "Actividad de la matriz" },
                StartOn = new DateOnly(2026, 3, 2), EndOn = new DateOnly(2026, 3, 2), Mode = CapacityActivityMode.Online, Providers = MatrixRoadMapSummary,
            };
            db.CapacityActivities.Add(activity);
            await db.SaveChangesAsync();
        }
        return activity.Id;
    }

    private async Task<string> MatrixActivityVersion()
    {
        var id = await MatrixActivity();
        await using var db = app.Database.CreateContext();
        return (await db.CapacityActivities.SingleAsync(a => a.Id == id)).Version.ToString(CultureInfo.InvariantCulture);
    }
}
