using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Calendars;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Meetings;

/// <summary>
/// Edits a meeting and its agenda items, and cancels it (or it and the rest of its series). A change people must hear
/// of (date, time, duration, place, link, format) bumps the calendar sequence and tells them.
/// </summary>
public sealed class EditModel(RumboDbContext db, CurrentUser currentUser, IMeetingNotifier notifier, MeetingReader reader) : MeetingEditorPage(db, currentUser, notifier)
{
    public sealed record PersonChoice(int Id, string Name, bool Member);

    [BindProperty]
    public MeetingForm Form { get; set; } = new();

    [BindProperty]
    public int? ItemId { get; set; }

    /// <summary>The item's title and description with their translations, as every translatable text is edited.</summary>
    [BindProperty]
    public TextInput ItemTitle { get; set; } = new();

    [BindProperty]
    public OptionalTextInput ItemDescription { get; set; } = new();

    [BindProperty]
    public int? PresenterPersonId { get; set; }

    [BindProperty]
    public string? PresenterName { get; set; }

    [BindProperty]
    public int? ItemDuration { get; set; }

    /// <summary>Codes of lines of action of the group's agenda, separated by commas or spaces.</summary>
    [BindProperty]
    public string? ItemLines { get; set; }

    public IReadOnlyList<CountryChoice> Countries { get; private set; } = [];
    public IReadOnlyList<PersonChoice> People { get; private set; } = [];
    public IReadOnlyList<MeetingItemView> Items { get; private set; } = [];
    public int LaterInSeries { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? item, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        await FillAsync(ct);
        Version = Meeting.Version;
        if (item is { } itemId && Meeting.Items.SingleOrDefault(i => i.Id == itemId) is { } it)
        {
            ItemId = it.Id;
            ItemTitle = TextInput.From(it.Title);
            ItemDescription = OptionalTextInput.From(it.Description);
            PresenterPersonId = it.PresenterPersonId;
            PresenterName = it.PresenterName;
            ItemDuration = it.DurationMinutes;
            ItemLines = string.Join(", ", Items.Single(i => i.Id == it.Id).Lines.Select(l => l.Code));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        await FillAsync(ct, keepForm: true);
        Form.Validate(ModelState, Countries.Select(c => c.Code).ToHashSet(StringComparer.Ordinal));
        if (!ModelState.IsValid) return Invalid();
        var start = Form.StartUtc(ModelState, new LocalDate(Form.Date!.Value.Year, Form.Date.Value.Month, Form.Date.Value.Day));
        if (!ModelState.IsValid) return Invalid();

        var countryId = Form.Country is null ? null : await Db.Countries.Where(c => c.Code == Form.Country).Select(c => (int?)c.Id).SingleAsync(ct);
        var m = Meeting;
        var changed = DateTime.SpecifyKind(m.StartsAtUtc, DateTimeKind.Utc) != start!.Value || m.DurationMinutes != Form.DurationMinutes
            || m.Place != Form.Place || m.City != Form.City || m.CountryId != countryId || m.OnlineUrl != Form.OnlineUrl || m.Format != Form.Format;
        m.Kind = Form.Kind;
        Form.Title.ApplyTo(m.Title);
        Form.Description.ApplyTo(m.Description, keepParagraphs: true);
        m.Format = Form.Format;
        m.StartsAtUtc = start.Value;
        m.TimeZone = Form.TimeZone!.Trim();
        m.DurationMinutes = Form.DurationMinutes!.Value;
        m.OnlineUrl = Form.OnlineUrl;
        m.Place = Form.Place;
        m.City = Form.City;
        m.CountryId = countryId;
        m.Access = Form.Access;
        if (changed) m.CalendarSequence++;
        return await SaveAsync($"/meetings/{id}", () => FillAsync(ct, keepForm: true), ct,
            changed && m.Status == MeetingStatus.Scheduled ? () => NotifyAsync(id, MeetingChange.Updated, null, ct) : null);
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        if (Meeting.Status == MeetingStatus.Cancelled) return Redirect($"/meetings/{id}");
        Meeting.Status = MeetingStatus.Cancelled;
        Meeting.CalendarSequence++;
        return await SaveAsync($"/meetings/{id}", () => FillAsync(ct), ct, () => NotifyAsync(id, MeetingChange.Cancelled, null, ct));
    }

    /// <summary>Cancels this meeting and the later ones of its series; earlier ones stay as they are.</summary>
    public async Task<IActionResult> OnPostCancelFollowingAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        if (Meeting.SeriesId is not { } seriesId) return await OnPostCancelAsync(id, ct);
        var start = Meeting.StartsAtUtc;
        var later = await Db.Meetings.Where(m => m.SeriesId == seriesId && m.Id != id && m.StartsAtUtc > start && m.Status == MeetingStatus.Scheduled).ToListAsync(ct);
        foreach (var m in later.Prepend(Meeting).Where(m => m.Status == MeetingStatus.Scheduled))
        {
            m.Status = MeetingStatus.Cancelled;
            m.CalendarSequence++;
            if (m != Meeting) m.Version++;
        }
        var ids = later.Select(m => m.Id).Prepend(id).ToList();
        return await SaveAsync($"/meetings/{id}", () => FillAsync(ct), ct, async () =>
        {
            foreach (var mid in ids) await NotifyAsync(mid, MeetingChange.Cancelled, null, ct);
        });
    }

    public async Task<IActionResult> OnPostSaveItemAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        await OptionsAsync(ct);
        var badNumbers = new[] { nameof(ItemDuration), nameof(PresenterPersonId), nameof(ItemId) }.Where(ModelState.HasError).ToList();
        ModelState.Clear();
        MeetingItem? item = null;
        if (ItemId is { } itemId && (item = Meeting.Items.SingleOrDefault(i => i.Id == itemId)) is null) return NotFound();
        PresenterName = MeetingForm.Blank(PresenterName);
        MeetingForm.ValidateTexts(ItemTitle, ItemDescription, ModelState, nameof(ItemTitle), nameof(ItemDescription));
        if (badNumbers.Contains(nameof(ItemDuration)) || ItemDuration is < 1 or > 1440)
            ModelState.AddMessage(nameof(ItemDuration), "Enter a duration between 1 and 1440 minutes, or leave it empty.");
        if (badNumbers.Contains(nameof(PresenterPersonId)) || (PresenterPersonId is { } pid && People.All(p => p.Id != pid)))
            ModelState.AddMessage(nameof(PresenterPersonId), "Choose a person from the list.");
        if (PresenterName is { Length: > 200 }) ModelState.AddMessage(nameof(PresenterName), "The name is longer than 200 characters.");
        var lines = await LineLinks.ResolveAsync(Db, AgendaId, AgendaKeys.ParseCodeList(ItemLines), ct);
        if (lines.Problem([], "These codes are not lines of action of the group's agenda: {0}.", retired: null) is { } problem)
        {
            ModelState.AddMessage(nameof(ItemLines), problem);
        }
        if (!ModelState.IsValid)
        {
            await FillAsync(ct, keepForm: true);
            return Invalid();
        }

        if (item is null)
        {
            item = new MeetingItem { Position = Meeting.Items.Count == 0 ? 1 : Meeting.Items.Max(i => i.Position) + 1 };
            Meeting.Items.Add(item);
        }
        ItemTitle.ApplyTo(item.Title);
        ItemDescription.ApplyTo(item.Description, keepParagraphs: true);
        item.PresenterPersonId = PresenterPersonId;
        item.PresenterName = PresenterPersonId is null ? PresenterName : null;
        item.DurationMinutes = ItemDuration;
        LineLinks.Replace(item.Lines, lines.Ids);
        return await SaveAsync($"/meetings/{id}/edit#items-heading", () => FillAsync(ct, keepForm: true), ct);
    }

    public async Task<IActionResult> OnPostRemoveItemAsync(int id, int itemId, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        var item = Meeting.Items.SingleOrDefault(i => i.Id == itemId);
        if (item is null) return NotFound();
        Meeting.Items.Remove(item);
        Renumber();
        return await SaveAsync($"/meetings/{id}/edit#items-heading", () => FillAsync(ct), ct);
    }

    public async Task<IActionResult> OnPostMoveItemAsync(int id, int itemId, int by, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        var ordered = Meeting.Items.OrderBy(i => i.Position).ThenBy(i => i.Id).ToList();
        var index = ordered.FindIndex(i => i.Id == itemId);
        if (index < 0) return NotFound();
        var target = Math.Clamp(index + Math.Sign(by), 0, ordered.Count - 1);
        var item = ordered[index];
        ordered.RemoveAt(index);
        ordered.Insert(target, item);
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i + 1;
        return await SaveAsync($"/meetings/{id}/edit#item-{itemId}", () => FillAsync(ct), ct);
    }

    private void Renumber()
    {
        var i = 1;
        foreach (var item in Meeting.Items.OrderBy(x => x.Position).ThenBy(x => x.Id)) item.Position = i++;
    }

    private async Task OptionsAsync(CancellationToken ct)
    {
        Countries = await CountriesAsync(Db, ct);
        var groupId = Meeting.GroupId;
        var members = await Db.GroupMembers.AsNoTracking().Where(gm => gm.GroupId == groupId).Select(gm => gm.PersonId).ToListAsync(ct);
        var people = await Db.People.AsNoTracking().Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToListAsync(ct);
        People = people.Select(p => new PersonChoice(p.Id, $"{p.GivenName} {p.FamilyName}".Trim(), members.Contains(p.Id)))
            .OrderBy(p => p.Member ? 0 : 1).ThenBy(p => p.Name, Ui.Collation).ToList();
    }

    private async Task FillAsync(CancellationToken ct, bool keepForm = false)
    {
        await OptionsAsync(ct);
        if (!keepForm)
        {
            var code = Meeting.CountryId is { } cid ? await Db.Countries.AsNoTracking().Where(c => c.Id == cid).Select(c => c.Code).SingleAsync(ct) : null;
            Form = MeetingForm.From(Meeting, code);
        }
        Items = await reader.ItemsAsync(Meeting.Id, ct);
        var start = Meeting.StartsAtUtc;
        LaterInSeries = Meeting.SeriesId is { } sid
            ? await Db.Meetings.AsNoTracking().CountAsync(m => m.SeriesId == sid && m.StartsAtUtc > start && m.Status == MeetingStatus.Scheduled, ct)
            : 0;
    }
}
