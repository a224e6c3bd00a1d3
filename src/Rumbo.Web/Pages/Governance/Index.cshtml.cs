using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Groups;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Governance;

/// <summary>Every group against every rule of <see cref="GovernanceRules.All"/>: a rule added there is a new column here.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class IndexModel(GroupReader reader) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "agenda")]
    public string? Agenda { get; set; }

    [BindProperty(SupportsGet = true, Name = "broken")]
    public bool OnlyBroken { get; set; }

    public IReadOnlyList<IGroupRule> Rules => GovernanceRules.All;
    public GroupFilterOptions Options { get; private set; } = null!;
    public IReadOnlyList<GroupListItem> Groups { get; private set; } = [];
    public int Total { get; private set; }
    public int Broken { get; private set; }
    /// <summary>Where each rule comes from, as the checks that apply report it.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Options = await reader.FilterOptionsAsync(ct);
        var all = await reader.ListAsync(new GroupFilter(Agenda: string.IsNullOrWhiteSpace(Agenda) ? null : Agenda.Trim()), ct);
        Total = all.Count;
        Broken = all.Count(g => g.BreaksARule);
        Sources = all.SelectMany(g => g.Checks).Where(c => c.Source.Length > 0)
            .GroupBy(c => c.Code).ToDictionary(c => c.Key, c => c.First().Source);
        Groups = OnlyBroken ? all.Where(g => g.BreaksARule).ToList() : all;
    }

    /// <summary>The rule whose cells also show the year's count of meetings.</summary>
    public static readonly string MeetingsRule = new ThreeMeetingsRule().Code;

    public static RuleCheck? CheckOf(GroupListItem group, IGroupRule rule) => group.Checks.FirstOrDefault(c => c.Code == rule.Code);
}
