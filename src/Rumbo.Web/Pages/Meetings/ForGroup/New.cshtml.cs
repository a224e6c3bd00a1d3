using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Meetings.ForGroup;

/// <summary>Schedules a meeting of a group, or a recurring series of them, each occurrence a meeting of its own.</summary>
public sealed class NewModel(RumboDbContext db, CurrentUser currentUser) : PageModel
{
    [BindProperty]
    public MeetingForm Form { get; set; } = new();

    [BindProperty]
    public Repeat Repeat { get; set; }

    /// <summary>Every N weeks or months.</summary>
    [BindProperty]
    public int? Interval { get; set; } = 1;

    [BindProperty]
    public int? Count { get; set; }

    [BindProperty]
    public DateOnly? Until { get; set; }

    public int GroupId { get; private set; }
    public string GroupSlug { get; private set; } = "";
    public LocalizedString GroupName { get; private set; } = LocalizedString.Empty;
    public string Language { get; private set; } = "en";
    public IReadOnlyList<CountryChoice> Countries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(slug, ct) is { } refused) return refused;
        Form.Title = new();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(slug, ct) is { } refused) return refused;
        var badRepeat = ModelState.HasError(nameof(Repeat)) || ModelState.HasError(nameof(Interval)) || ModelState.HasError(nameof(Count));
        var badUntil = ModelState.HasError(nameof(Until));
        Form.Validate(ModelState, Countries.Select(c => c.Code).ToHashSet(StringComparer.Ordinal));
        if (badRepeat || !Enum.IsDefined(Repeat)) ModelState.AddMessage(nameof(Repeat), "Choose how the meeting repeats.");
        if (Repeat != Repeat.Never)
        {
            if (Interval is not (>= 1 and <= 12)) ModelState.AddMessage(nameof(Interval), "Enter how often it repeats, from 1 to 12.");
            if (badUntil) ModelState.AddMessage(nameof(Until), "Enter a date as year, month and day.");
            else if (Until is { } far && !DateBounds.Contains(far)) ModelState.AddMessage(nameof(Until), DateBounds.Outside);
            else if (Count is null && Until is null) ModelState.AddMessage(nameof(Count), "Say how many times it takes place, or until when.");
            else if (Count is { } c && c is < 2 or > Recurrence.MaxOccurrences)
                ModelState.AddMessage(nameof(Count), "Enter a number of occurrences from 2 to 52.");
            else if (Until is { } u && Form.Date is { } d && u <= d) ModelState.AddMessage(nameof(Until), "The end of the series must be after its first date.");
        }
        if (!ModelState.IsValid) return Invalid();

        var first = new LocalDate(Form.Date!.Value.Year, Form.Date.Value.Month, Form.Date.Value.Day);
        var until = Repeat == Repeat.Never || Until is not { } ud ? (LocalDate?)null : new LocalDate(ud.Year, ud.Month, ud.Day);
        var count = Repeat == Repeat.Never ? null : Count;
        var dates = Recurrence.Dates(Repeat, Interval ?? 1, first, count, until);
        var starts = dates.Select(d => Form.StartUtc(ModelState, d)).ToList();
        if (!ModelState.IsValid) return Invalid();

        var countryId = Form.Country is null ? null : await db.Countries.Where(c => c.Code == Form.Country).Select(c => (int?)c.Id).SingleAsync(ct);
        MeetingSeries? series = null;
        if (Repeat != Repeat.Never)
        {
            series = new MeetingSeries { GroupId = GroupId, TimeZone = Form.TimeZone!.Trim(), RecurrenceRule = Recurrence.Rule(Repeat, Interval ?? 1, first, count, until) };
            db.MeetingSeries.Add(series);
        }
        var meetings = starts.Select(start =>
        {
            var m = new Meeting
            {
                GroupId = GroupId, Kind = Form.Kind, Format = Form.Format, StartsAtUtc = start!.Value, TimeZone = Form.TimeZone!.Trim(),
                DurationMinutes = Form.DurationMinutes!.Value, OnlineUrl = Form.OnlineUrl, Place = Form.Place, City = Form.City, CountryId = countryId,
                Access = Form.Access, Series = series, CalendarUid = $"{Guid.NewGuid():N}@rumbo",
            };
            Form.Title.ApplyTo(m.Title);
            Form.Description.ApplyTo(m.Description, keepParagraphs: true);
            return m;
        }).ToList();
        db.Meetings.AddRange(meetings);
        await db.SaveChangesAsync(ct);
        TempData.Notice(meetings.Count == 1 ? "Saved." : "The series was scheduled.");
        return Redirect($"/meetings/{meetings[0].Id.ToString(CultureInfo.InvariantCulture)}");
    }

    private async Task<IActionResult?> LoadOrRefuseAsync(string slug, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var g = await db.Groups.AsNoTracking().Where(x => x.Slug == slug)
            .Select(x => new { x.Id, x.Slug, Name = x.Name.ToDocument(), x.Agenda!.DocumentLanguage })
            .SingleOrDefaultAsync(ct);
        if (g is null) return NotFound();
        if (!user.CanManageMeetings(g.Id)) return StatusCode(StatusCodes.Status403Forbidden);
        (GroupId, GroupSlug, GroupName, Language) = (g.Id, g.Slug, g.Name, g.DocumentLanguage);
        Countries = await MeetingEditorPage.CountriesAsync(db, ct);
        return null;
    }

    private IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
