using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Web.Infrastructure;
using Rumbo.Core.Records;

namespace Rumbo.Web.Pages.Records;

/// <summary>Starts a meeting's record: its kind and language, one section per agenda item and any free sections.</summary>
public sealed class NewModel(RumboDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public sealed record ItemOption(int Id, LocalizedString Title);

    public MeetingHeader Meeting { get; private set; } = null!;

    public IReadOnlyList<ItemOption> AgendaItems { get; private set; } = [];

    /// <summary>The number of the meeting's record, when it already has one.</summary>
    public int? Existing { get; private set; }

    [BindProperty]
    public RecordKind Kind { get; set; }

    [BindProperty]
    public string Language { get; set; } = "en";

    /// <summary>Ids of the agenda items that get a section.</summary>
    [BindProperty]
    public List<int> Items { get; set; } = [];

    /// <summary>Headings of free sections, one per line.</summary>
    [BindProperty]
    public string? OtherSections { get; set; }

    private async Task<IActionResult?> LoadOrRefuseAsync(int id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var meeting = await MeetingHeader.LoadAsync(db, id, ct);
        if (meeting is null) return NotFound();
        if (!user.CanWriteRecord(meeting.GroupId)) return StatusCode(StatusCodes.Status403Forbidden);
        Meeting = meeting;
        var items = await db.Set<MeetingItem>().AsNoTracking().Where(i => i.MeetingId == id).OrderBy(i => i.Position).ToListAsync(ct);
        AgendaItems = items.Select(i => new ItemOption(i.Id, i.Title.ToDocument())).ToList();
        Existing = await db.Set<MeetingRecord>().Where(r => r.MeetingId == id).MaxAsync(r => (int?)r.Number, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        Language = MeetingHeader.Languages.Contains(Ui.Language) ? Ui.Language : Meeting.Language;
        Items = AgendaItems.Select(i => i.Id).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        if (Existing is not null)
        {
            // One record per meeting; corrections are its new versions.
            ModelState.AddMessage(Forms.FormKey, "This meeting already has a record: open it to edit it or to start a new version.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        var badKind = ModelState.HasError(nameof(Kind));
        ModelState.Clear();
        if (badKind || !Enum.IsDefined(Kind)) ModelState.AddMessage(nameof(Kind), "Choose minutes or a memory aid.");
        if (!MeetingHeader.Languages.Contains(Language)) ModelState.AddMessage(nameof(Language), "Choose a language from the list.");
        var known = AgendaItems.Select(i => i.Id).ToHashSet();
        if (Items.Any(i => !known.Contains(i))) ModelState.AddMessage(nameof(Items), "Choose items of this meeting's agenda.");
        var others = (OtherSections ?? "").Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (others.Any(o => o.Length > 500)) ModelState.AddMessage(nameof(OtherSections), "A heading is longer than 500 characters.");
        if (others.Count > 100) ModelState.AddMessage(nameof(OtherSections), "Give at most 100 sections.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var items = await db.Set<MeetingItem>().AsNoTracking().Where(i => i.MeetingId == id && Items.Contains(i.Id)).OrderBy(i => i.Position).ToListAsync(ct);
        var record = new MeetingRecord
        {
            MeetingId = id, Number = 1, Kind = Kind, Status = RecordStatus.Draft, Language = Language, Dissemination = Visibility.Members,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var position = 0;
        foreach (var item in items)
        {
            record.Sections.Add(new RecordSection
            {
                MeetingItemId = item.Id, Position = position++, Heading = RecordSection.HeadingOf(item.Title.ToDocument(), Meeting.Language, Language),
            });
        }
        foreach (var heading in others) record.Sections.Add(new RecordSection { Position = position++, Heading = new LocalizedText { Source = heading } });
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else started the record in the meantime (the number is unique per meeting).
            ModelState.AddMessage(Forms.FormKey, "This meeting already has a record: open it to edit it or to start a new version.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            Existing = 1;
            return Page();
        }
        return Redirect($"/meetings/{id}/records/1/edit");
    }
}
