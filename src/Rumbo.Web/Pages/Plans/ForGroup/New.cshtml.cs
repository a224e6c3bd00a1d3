using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Web.Infrastructure;
using Rumbo.Core.Data;
using Rumbo.Core.Plans;
using Rumbo.Web.Pages.Plans;

namespace Rumbo.Web.Pages.Plans.ForGroup;

/// <summary>A new plan of work for the group: its title and period; the activities are added on its edit page.</summary>
public sealed class NewPlanModel(RumboDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty]
    public PlanInput Fields { get; set; } = new();

    public int GroupId { get; private set; }
    public string Slug { get; private set; } = "";
    public LocalizedString GroupName { get; private set; } = LocalizedString.Empty;
    public string Language { get; private set; } = "en";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(slug, ct) is { } refused) return refused;
        // A biennium from next January, the usual case, for the coordinator to change.
        var next = clock.GetUtcNow().UtcDateTime.Year + 1;
        Fields.PeriodStart = $"{next}-01";
        Fields.PeriodEnd = $"{next + 1}-12";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(slug, ct) is { } refused) return refused;
        ModelState.Clear();
        var period = Fields.Validate(ModelState, nameof(Fields));
        if (period is null || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var plan = new WorkPlan { GroupId = GroupId, Status = PlanStatus.Draft };
        Fields.ApplyTo(plan, period.Value.Start, period.Value.End);
        db.WorkPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        TempData.Notice("Saved.");
        return Redirect($"/plans/{plan.Id}/edit");
    }

    private async Task<IActionResult?> LoadOrRefuseAsync(string slug, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var g = await db.Groups.AsNoTracking().Where(x => x.Slug == slug)
            .Select(x => new { x.Id, x.Slug, x.Name, x.Agenda!.DocumentLanguage }).SingleOrDefaultAsync(ct);
        if (g is null) return NotFound();
        if (!user.CanEditPlans(g.Id)) return StatusCode(StatusCodes.Status403Forbidden);
        (GroupId, Slug, Language) = (g.Id, g.Slug, g.DocumentLanguage);
        GroupName = g.Name.ToDocument();
        return null;
    }
}
