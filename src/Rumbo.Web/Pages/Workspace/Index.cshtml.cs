using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
using Rumbo.Core.Workspace;

namespace Rumbo.Web.Pages.Workspace;

/// <summary>
/// The signed-in user's own groups, countries and, for the secretariat, what needs its attention. Every answer is
/// about one user, so it carries no output-cache policy and tells browsers and proxies not to keep it.
/// </summary>
[Authorize]
public sealed class IndexModel(CurrentUser current, PeopleReader people, GovernanceRules rules, RumboDbContext db, DueWork due) : PageModel
{
    public sealed record SecretariatPanel(int GroupsWithABrokenRule);

    public bool HasPerson { get; private set; }
    public int? PersonId { get; private set; }
    public IReadOnlyList<PersonGroupItem> Groups { get; private set; } = [];
    public IReadOnlyList<PersonFocalPoint> FocalPoints { get; private set; } = [];

    /// <summary>The broken rules of the groups the user coordinates, by slug; groups they only belong to are absent.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RuleCheck>> BrokenRules { get; private set; } = new Dictionary<string, IReadOnlyList<RuleCheck>>();

    public SecretariatPanel? Secretariat { get; private set; }

    /// <summary>What waits for the user across every feature, soonest first.</summary>
    public IReadOnlyList<DueItem> Due { get; private set; } = [];

    public bool HasAnyRole => Groups.Count > 0 || FocalPoints.Count > 0;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Set first, so that even an answer cut short by an error is not kept for the next user of the browser.
        Response.Headers.CacheControl = Rumbo.Web.Infrastructure.Ui.PrivateNoStore;
        var user = await current.GetAsync(User, ct);
        Due = await due.ForAsync(user, ct);
        if (user.PersonId is int personId && await people.PersonAsync(personId, user, ct) is { } person)
        {
            HasPerson = true;
            PersonId = personId;
            Groups = person.Groups;
            FocalPoints = person.FocalPoints;
        }
        if (user.CoordinatedGroups.Count > 0)
        {
            var ids = user.CoordinatedGroups.ToList();
            var slugs = await db.Groups.AsNoTracking().Where(g => ids.Contains(g.Id)).Select(g => new { g.Id, g.Slug }).ToDictionaryAsync(g => g.Id, g => g.Slug, ct);
            var facts = await rules.FactsAsync(ids, ct);
            BrokenRules = facts.Where(f => slugs.ContainsKey(f.GroupId)).ToDictionary(
                f => slugs[f.GroupId],
                f => (IReadOnlyList<RuleCheck>)GovernanceRules.Check(f).Where(c => c.Outcome == RuleOutcome.Broken).ToList());
        }
        if (user.IsSecretariatAdmin)
        {
            var all = await rules.FactsAsync(null, ct);
            Secretariat = new SecretariatPanel(all.Count(f => GovernanceRules.Check(f).Any(c => c.Outcome == RuleOutcome.Broken)));
        }
    }

    /// <summary>Where a piece of due work is done.</summary>
    public static string Where(DueItem d) => d.Kind switch
    {
        DueKind.AnswerMeeting => $"/meetings/{d.MeetingId}",
        DueKind.CommentRecord or DueKind.ApproveRecord or DueKind.Action => $"/meetings/{d.MeetingId}/records/{d.RecordNumber}",
        DueKind.OverdueActivity => $"/plans/{d.PlanId}",
        DueKind.FollowUpAgreement => $"/agreements/{d.AgreementId}",
        DueKind.ReportIndicators or DueKind.FixReturnedValues or DueKind.ReviewValues => $"/agendas/{d.AgendaSlug}/reporting/{d.CountryCode!.ToLowerInvariant()}",
        DueKind.AnswerDiagnosis or DueKind.ReviewDiagnosis => $"/agendas/{d.AgendaSlug}/capacities/{d.CountryCode!.ToLowerInvariant()}/{d.RoundId}",
        _ => "/workspace",
    };

    /// <summary>What the work asks, as the interface key shown to the person.</summary>
    public static string Ask(DueKind kind) => kind switch
    {
        DueKind.AnswerMeeting => "Answer the invitation",
        DueKind.CommentRecord => "Comment on the draft record",
        DueKind.ApproveRecord => "Approve the draft record",
        DueKind.Action => "Your action",
        DueKind.OverdueActivity => "Plan activity overdue",
        DueKind.ReportIndicators => "Report indicator values",
        DueKind.FixReturnedValues => "Fix the values returned to your country",
        DueKind.AnswerDiagnosis => "Answer the TOPP diagnosis",
        DueKind.FollowUpAgreement => "Report your country's follow-up",
        DueKind.ReviewValues => "Review the values sent",
        DueKind.ReviewDiagnosis => "Review the diagnosis sent",
        _ => kind.ToString(),
    };
}
