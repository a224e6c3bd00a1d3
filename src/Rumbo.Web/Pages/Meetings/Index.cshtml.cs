using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Meetings;

/// <summary>Every group's meetings and events, upcoming or past, filtered by group, agenda and kind, a page at a time.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class IndexModel(RumboDbContext db, MeetingReader reader, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    public sealed record GroupOption(string Slug, LocalizedString Name, string Language);

    public sealed record AgendaOption(string Slug, string Symbol);

    [FromQuery(Name = "group")] public string? Group { get; set; }
    [FromQuery(Name = "agenda")] public string? Agenda { get; set; }
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    /// <summary>upcoming (the default), past or all.</summary>
    [FromQuery(Name = "period")] public string? Period { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<MeetingSummary> Meetings { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages { get; private set; }
    public IReadOnlyList<GroupOption> Groups { get; private set; } = [];
    public IReadOnlyList<AgendaOption> Agendas { get; private set; } = [];
    public string PeriodValue => Period is "past" or "all" ? Period : "upcoming";

    /// <summary>The same filters on the past meetings, offered when nothing is coming up.</summary>
    public string PastUrl => "/meetings" + new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(
        new Dictionary<string, string?> { ["period"] = "past", ["group"] = Blank(Group), ["agenda"] = Blank(Agenda), ["kind"] = Blank(Kind) }
            .Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await currentUser.GetAsync(User, ct);
        var groups = await db.Groups.AsNoTracking()
            .Select(g => new { g.Slug, Name = g.Name.ToDocument(), g.Agenda!.DocumentLanguage, HasMeetings = db.Meetings.Any(m => m.GroupId == g.Id) })
            .ToListAsync(ct);
        Groups = groups.Where(g => g.HasMeetings || g.Slug == Group).Select(g => new GroupOption(g.Slug, g.Name, g.DocumentLanguage))
            .OrderBy(g => Ui.Plain(g.Name, g.Language), Ui.Collation).ToList();
        Agendas = await db.Agendas.AsNoTracking().OrderBy(a => a.Id).Select(a => new AgendaOption(a.Slug, a.Symbol)).ToListAsync(ct);

        MeetingKind? kind = Enum.TryParse<MeetingKind>(Kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var filter = new MeetingFilter(Group: Blank(Group), Agenda: Blank(Agenda), Kind: kind,
            FromUtc: PeriodValue == "upcoming" ? now : null, ToUtc: PeriodValue == "past" ? now : null);
        var all = await reader.ListAsync(filter, viewer, ct);
        if (PeriodValue == "past") all = all.Where(m => Meeting.Ended(m.StartsAtUtc, m.DurationMinutes, now)).OrderByDescending(m => m.StartsAtUtc).ToList();
        Total = all.Count;
        Pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Meetings = all.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        return Page();
    }

    public string PageUrl(int page) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/meetings",
        new Dictionary<string, string?> { ["group"] = Blank(Group), ["agenda"] = Blank(Agenda), ["kind"] = Blank(Kind), ["period"] = PeriodValue, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Where(p => p.Value is not null));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
