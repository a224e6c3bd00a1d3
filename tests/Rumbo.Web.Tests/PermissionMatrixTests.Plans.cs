using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Plans;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests;

public abstract partial class PermissionMatrixTests
{
    // A property, not a field: the matrix's list is built in a static initializer that may run before this file's fields are set.
    private static Who[] PlanEditors => [Who.GroupCoordinator, Who.Secretariat];

    /// <summary>Every page write of the plans of work: the group's coordinators and the secretariat, no one else.</summary>
    private static IEnumerable<Write> PlanWrites() =>
    [
        new("create a plan of work", async t => $"/groups/{(await t.Scenario()).Complete}/plans/new",
            _ => Task.FromResult(new Dictionary<string, string> { ["Fields.Title.Source"] = $"Plan {Guid.NewGuid():n}", ["Fields.PeriodStart"] = "2026-01", ["Fields.PeriodEnd"] = "2027-12" }),
            PlanEditors),
        new("edit a plan of work", async t => $"/plans/{await t.MatrixPlan()}/edit",
            async t => new() { ["Version"] = await t.PlanVersion(), ["Fields.Title.Source"] = $"Matrix plan {Guid.NewGuid():n}"[..24], ["Fields.PeriodStart"] = "2026-01", ["Fields.PeriodEnd"] = "2027-12" },
            PlanEditors),
        new("add a plan activity", async t => $"/plans/{await t.MatrixPlan()}/edit?handler=Activity",
            async t => new() { ["Version"] = await t.PlanVersion(), ["Activity.Title.Source"] = "Seminar", ["Activity.StartMonth"] = "2026-02", ["Activity.EndMonth"] = "2026-03", ["Activity.Status"] = "Planned", ["Activity.Lines"] = "2.4.1" },
            PlanEditors),
        new("edit a plan activity", async t => $"/plans/{await t.MatrixPlan()}/edit?handler=Activity&activity={await t.PlanActivity(0)}",
            async t => new() { ["Version"] = await t.PlanVersion(), ["Activity.Title.Source"] = $"Activity {Guid.NewGuid():n}"[..20], ["Activity.Status"] = "InProgress" },
            PlanEditors),
        new("move a plan activity", async t => $"/plans/{await t.MatrixPlan()}/edit?handler=Move&activity={await t.PlanActivity(0)}&by=1",
            async t => new() { ["Version"] = await t.PlanVersion() },
            PlanEditors),
        new("remove a plan activity", async t => $"/plans/{await t.MatrixPlan()}/edit?handler=Remove&activity={await t.NewPlanActivity()}",
            async t => new() { ["Version"] = await t.PlanVersion() },
            PlanEditors),
        new("record a plan's adoption", async t => $"/plans/{await t.MatrixPlan()}/edit?handler=Adopt",
            async t => new() { ["Version"] = await t.PlanVersion(), ["Adoption.AdoptedOn"] = "2025-12-10", ["Adoption.Note"] = $"Adopted at a meeting {Guid.NewGuid():n}" },
            PlanEditors),
    ];

    private const string MatrixPlanTitle = "Matrix plan";

    /// <summary>One plan of the complete group for the whole matrix, with two activities (so that one can always move).</summary>
    private async Task<int> MatrixPlan()
    {
        var slug = (await Scenario()).Complete;
        await using var db = app.Database.CreateContext();
        var id = await db.WorkPlans.Where(p => p.Group!.Slug == slug && p.Description.Source == MatrixPlanTitle).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        if (id is not null) return id.Value;
        var created = await PlanScenario.CreatePlanAsync(app.Database, slug);
        var plan = await db.WorkPlans.SingleAsync(p => p.Id == created);
        // The title changes with every edit; the description marks the plan as the matrix's.
        plan.Description = new LocalizedText { Source = MatrixPlanTitle };
        await db.SaveChangesAsync();
        return created;
    }

    private async Task<string> PlanVersion()
    {
        var id = await MatrixPlan();
        await using var db = app.Database.CreateContext();
        return (await db.WorkPlans.SingleAsync(p => p.Id == id)).Version.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The id of the activity at the given place in the matrix plan.</summary>
    private async Task<int> PlanActivity(int index)
    {
        var id = await MatrixPlan();
        await using var db = app.Database.CreateContext();
        return (await db.PlanActivities.Where(a => a.PlanId == id).OrderBy(a => a.Position).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync())[index];
    }

    /// <summary>A new activity of the matrix plan, for a removal to remove.</summary>
    private async Task<int> NewPlanActivity()
    {
        var id = await MatrixPlan();
        await using var db = app.Database.CreateContext();
        var position = await db.PlanActivities.Where(a => a.PlanId == id).MaxAsync(a => a.Position);
        var activity = new PlanActivity { PlanId = id, Position = position + 1, Title = new LocalizedText { Source = "To be removed" } };
        db.PlanActivities.Add(activity);
        await db.SaveChangesAsync();
        return activity.Id;
    }
}
