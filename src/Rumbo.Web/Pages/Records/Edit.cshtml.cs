using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.Web.Infrastructure;
using Rumbo.Core.Records;
using Rumbo.Core.Validation;

namespace Rumbo.Web.Pages.Records;

public sealed class OutcomeInput
{
    public OutcomeKind Kind { get; set; }
    public TextInput Text { get; set; } = new();
    public int? OwnerPersonId { get; set; }
    public string? OwnerName { get; set; }
    public DateOnly? DueDate { get; set; }
}

public sealed class SectionInput
{
    /// <summary>The saved section this is; null for a section added in the form.</summary>
    public int? Id { get; set; }
    public TextInput Heading { get; set; } = new();
    public MarkdownTextInput Body { get; set; } = new();
    public List<OutcomeInput> Outcomes { get; set; } = [];
}

/// <summary>
/// A draft record's editor: every text in the record's language with its translations, through the shared text input.
/// Adding, removing and moving sections and outcomes are buttons of the same form: they change the form, save what was
/// typed with the change and show the form again, so all of it works without JavaScript and leaving the page after one
/// loses nothing; "Save" validates and writes it, against the version read. An approved record is frozen: every post of
/// that form answers 409 and writes nothing. Its translations are not the record (decision 0026): the page shows an
/// approved record's texts read-only beside their translations, which the Translations handler saves, and nothing else.
/// </summary>
public sealed class EditModel(RumboDbContext db, CurrentUser currentUser) : PageModel
{
    public const int MaxHeading = RecordSection.MaxHeading;

    public const int MaxOutcome = RecordOutcome.MaxText;

    public sealed record PersonOption(int Id, string Name);

    public MeetingHeader Meeting { get; private set; } = null!;

    public MeetingRecord Record { get; private set; } = null!;

    /// <summary>People an action may be given to: the group's members.</summary>
    public IReadOnlyList<PersonOption> People { get; private set; } = [];

    public bool Conflict { get; private set; }

    public bool Frozen => Record.Status == RecordStatus.Approved;

    /// <summary>A post of the draft's form reached an approved record: refused, nothing saved.</summary>
    public bool Refused { get; private set; }

    /// <summary>A button that changed the form saved what was typed with it.</summary>
    public bool Saved { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public MarkdownTextInput Summary { get; set; } = new();

    [BindProperty]
    public List<SectionInput> Sections { get; set; } = [];

    /// <summary>Which button was pressed: save, or a change to the form's sections and outcomes.</summary>
    [BindProperty]
    public string? Command { get; set; }

    private async Task<IActionResult?> LoadOrRefuseAsync(int id, int number, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var meeting = await MeetingHeader.LoadAsync(db, id, ct);
        if (meeting is null) return NotFound();
        var record = await LoadRecordAsync(id, number, ct);
        // A record the user may not read is not found, as one that does not exist; one they read but may not write is refused.
        if (record is null || !user.CanSeeRecord(meeting.GroupId, record.Status, record.Dissemination)) return NotFound();
        if (!user.CanWriteRecord(meeting.GroupId)) return StatusCode(StatusCodes.Status403Forbidden);
        Meeting = meeting;
        Record = record;
        var groupId = meeting.GroupId;
        var people = await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == groupId)
            .Select(m => new { m.PersonId, m.Person!.GivenName, m.Person.FamilyName }).ToListAsync(ct);
        People = people.Select(p => new PersonOption(p.PersonId, $"{p.GivenName} {p.FamilyName}".Trim())).DistinctBy(p => p.Id)
            .OrderBy(p => p.Name, Ui.Collation).ToList();
        return null;
    }

    private Task<MeetingRecord?> LoadRecordAsync(int id, int number, CancellationToken ct) =>
        db.MeetingRecords.Include(r => r.Sections).ThenInclude(s => s.Outcomes).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.MeetingId == id && r.Number == number, ct);

    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, number, ct) is { } refused) return refused;
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int number, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, number, ct) is { } refused) return refused;
        if (Frozen)
        {
            ModelState.Clear();
            Refused = true;
            Fill();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        Normalize();
        if (Command is not null && Command != "save")
        {
            if (!ApplyCommand(Command)) return BadRequest();
            return await SaveTypedAsync(id, number, ct);
        }
        if (!Validate())
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Apply(Sections);
        if (await db.SaveIfVersionAsync(Record, r => r.Version, Version, ct))
        {
            TempData.Notice("Saved.");
            return Redirect($"/meetings/{id}/records/{number}");
        }
        Record = (await LoadRecordAsync(id, number, ct))!;
        Conflict = true;
        Version = Record.Version;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>
    /// Saves the translations of the record's texts, and their official marks, and nothing else: the posted sources, the
    /// sections' order and the outcomes' kinds, owners and dates are not read. Allowed on an approved record, whose
    /// approved text it leaves as it is, and audited as every save is. Texts are matched by the section's id and the
    /// outcome's place in it; a section the form does not name keeps its translations.
    /// </summary>
    public async Task<IActionResult> OnPostTranslationsAsync(int id, int number, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, number, ct) is { } refused) return refused;
        Normalize();
        ModelState.Clear();
        CheckTranslations("Summary", Summary);
        for (var i = 0; i < Sections.Count; i++)
        {
            var prefix = $"Sections[{i}]";
            CheckTranslations($"{prefix}.Heading", Sections[i].Heading, MaxHeading, "The heading is longer than 500 characters.");
            CheckTranslations($"{prefix}.Body", Sections[i].Body);
            for (var j = 0; j < Sections[i].Outcomes.Count; j++)
                CheckTranslations($"{prefix}.Outcomes[{j}].Text", Sections[i].Outcomes[j].Text, MaxOutcome, "The text is longer than 2000 characters.");
        }
        var posted = Sections;
        if (!ModelState.IsValid)
        {
            FillTranslations(posted);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Summary.ApplyTranslationsTo(Record.Summary);
        var byId = Record.Sections.ToDictionary(s => s.Id);
        foreach (var input in posted)
        {
            if (input.Id is not int sid || !byId.TryGetValue(sid, out var section)) continue;
            input.Heading.ApplyTranslationsTo(section.Heading);
            input.Body.ApplyTranslationsTo(section.Body);
            var outcomes = section.Outcomes.OrderBy(o => o.Position).ToList();
            for (var j = 0; j < Math.Min(outcomes.Count, input.Outcomes.Count); j++) input.Outcomes[j].Text.ApplyTranslationsTo(outcomes[j].Text);
        }
        if (db.ChangeTracker.HasChanges() && !await db.SaveIfVersionAsync(Record, r => r.Version, Version, ct))
        {
            Record = (await LoadRecordAsync(id, number, ct))!;
            Conflict = true;
            FillTranslations(posted);
            Version = Record.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData.Notice("Saved.");
        return Redirect($"/meetings/{id}/records/{number}");
    }

    /// <summary>The binder leaves out what the form did not send: lists and texts are there, if empty.</summary>
    private void Normalize()
    {
        Summary ??= new();
        Sections ??= [];
        foreach (var s in Sections)
        {
            s.Heading ??= new();
            s.Body ??= new();
            s.Outcomes ??= [];
            foreach (var o in s.Outcomes) o.Text ??= new();
        }
    }

    /// <summary>
    /// The data-annotation messages of a translation only (the source is not the form's to change), and the page's own
    /// limit on each translation.
    /// </summary>
    private void CheckTranslations(string prefix, object input)
    {
        ModelState.AddInputMessages(prefix, input);
        ModelState.Remove($"{prefix}.Source");
    }

    private void CheckTranslations(string prefix, TextInput text, int max, string tooLong)
    {
        CheckTranslations(prefix, text);
        foreach (var (field, value) in text.Fields().Skip(1))
        {
            if ((value?.Trim().Length ?? 0) > max && !ModelState.HasError($"{prefix}.{field}")) ModelState.AddMessage($"{prefix}.{field}", tooLong);
        }
    }

    /// <summary>
    /// The approved form shown again after a refusal: the sources as stored (never as posted), the translations as typed
    /// for the sections the form named, as stored for the others.
    /// </summary>
    private void FillTranslations(List<SectionInput> posted)
    {
        var typed = posted.Where(s => s.Id is not null).GroupBy(s => s.Id!.Value).ToDictionary(g => g.Key, g => g.First());
        var summary = Summary;
        // The version the form was read at stays on it: shown again, it must not save over what someone saved since.
        var version = Version;
        Fill();
        Version = version;
        Summary = Markdown(summary, Record.Summary.Source);
        foreach (var s in Sections)
        {
            if (!typed.TryGetValue(s.Id!.Value, out var t)) continue;
            s.Heading = Line(t.Heading, s.Heading.Source);
            s.Body = Markdown(t.Body, s.Body.Source);
            for (var j = 0; j < Math.Min(s.Outcomes.Count, t.Outcomes.Count); j++) s.Outcomes[j].Text = Line(t.Outcomes[j].Text, s.Outcomes[j].Text.Source);
        }

        static TextInput Line(TextInput typed, string? source) =>
            new() { Source = source, En = typed.En, Es = typed.Es, Pt = typed.Pt, Fr = typed.Fr, Official = typed.Official };
        static MarkdownTextInput Markdown(MarkdownTextInput typed, string? source) =>
            new() { Source = source, En = typed.En, Es = typed.Es, Pt = typed.Pt, Fr = typed.Fr, Official = typed.Official };
    }

    /// <summary>
    /// After a button that changes the form (add, move, remove), what was typed is saved with the change, so that leaving
    /// the page then loses nothing. The empty section or outcome just added is left out until something is written in it.
    /// When what was typed cannot be saved yet (an action with no due date), the form shows why and stays unsaved.
    /// </summary>
    private async Task<IActionResult> SaveTypedAsync(int id, int number, CancellationToken ct)
    {
        if (Record.Version != Version)
        {
            ModelState.Clear();
            Conflict = true;
            Version = Record.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (!Validate(skipBlank: true))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var filled = Sections.Where(s => !IsBlank(s)).ToList();
        Apply(filled.Select(s => new SectionInput { Id = s.Id, Heading = s.Heading, Body = s.Body, Outcomes = s.Outcomes.Where(o => !IsBlank(o)).ToList() }).ToList());
        if (!db.ChangeTracker.HasChanges()) return Page();
        if (!await db.SaveIfVersionAsync(Record, r => r.Version, Version, ct))
        {
            Record = (await LoadRecordAsync(id, number, ct))!;
            Conflict = true;
            Version = Record.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        // Sections saved for the first time now have ids: the form must name them, or the next save would add them again.
        for (var i = 0; i < filled.Count; i++) filled[i].Id = savedSections[i].Id;
        Version = Record.Version;
        Saved = true;
        return Page();
    }

    private static bool IsBlank(SectionInput s) => s.Heading.IsBlank && s.Body.IsBlank && s.Outcomes.All(IsBlank);

    private static bool IsBlank(OutcomeInput o) =>
        o.Text.IsBlank && o.OwnerPersonId is null && string.IsNullOrWhiteSpace(o.OwnerName) && o.DueDate is null;

    private void Fill()
    {
        Version = Record.Version;
        Summary = MarkdownTextInput.From(Record.Summary);
        Sections = Record.Sections.OrderBy(s => s.Position).Select(s => new SectionInput
        {
            Id = s.Id, Heading = TextInput.From(s.Heading), Body = MarkdownTextInput.From(s.Body),
            Outcomes = s.Outcomes.OrderBy(o => o.Position).Select(o => new OutcomeInput
            {
                Kind = o.Kind, Text = TextInput.From(o.Text), OwnerPersonId = o.OwnerPersonId, OwnerName = o.OwnerName, DueDate = o.DueDate,
            }).ToList(),
        }).ToList();
    }

    /// <summary>Commands: add-section, remove-section:i, up-section:i, down-section:i, add-outcome:i, remove-outcome:i:j, up-outcome:i:j, down-outcome:i:j.</summary>
    private bool ApplyCommand(string command)
    {
        var parts = command.Split(':');
        var args = parts.Skip(1).Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
        bool Section(int i) => i >= 0 && i < Sections.Count;
        bool Outcome(int i, int j) => Section(i) && j >= 0 && j < Sections[i].Outcomes.Count;
        switch (parts[0])
        {
            case "add-section" when args.Length == 0:
                Sections.Add(new SectionInput());
                return true;
            case "remove-section" when args.Length == 1 && Section(args[0]):
                Sections.RemoveAt(args[0]);
                return true;
            case "up-section" when args.Length == 1 && Section(args[0]) && args[0] > 0:
                Swap(Sections, args[0], args[0] - 1);
                return true;
            case "down-section" when args.Length == 1 && Section(args[0]) && args[0] < Sections.Count - 1:
                Swap(Sections, args[0], args[0] + 1);
                return true;
            case "add-outcome" when args.Length == 1 && Section(args[0]):
                Sections[args[0]].Outcomes.Add(new OutcomeInput { Kind = OutcomeKind.Decision });
                return true;
            case "remove-outcome" when args.Length == 2 && Outcome(args[0], args[1]):
                Sections[args[0]].Outcomes.RemoveAt(args[1]);
                return true;
            case "up-outcome" when args.Length == 2 && Outcome(args[0], args[1]) && args[1] > 0:
                Swap(Sections[args[0]].Outcomes, args[1], args[1] - 1);
                return true;
            case "down-outcome" when args.Length == 2 && Outcome(args[0], args[1]) && args[1] < Sections[args[0]].Outcomes.Count - 1:
                Swap(Sections[args[0]].Outcomes, args[1], args[1] + 1);
                return true;
            default:
                return false;
        }
    }

    private static void Swap<T>(List<T> list, int a, int b) => (list[a], list[b]) = (list[b], list[a]);

    private bool Validate(bool skipBlank = false)
    {
        // The binder's own messages (English, naming properties) only come from tampered kinds, owners and mistyped dates;
        // the texts' data-annotation messages are put back below, each by its field.
        var bad = ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key)
            .Where(k => k.EndsWith(".Kind", StringComparison.Ordinal) || k.EndsWith(".OwnerPersonId", StringComparison.Ordinal) || k.EndsWith(".DueDate", StringComparison.Ordinal))
            .ToList();
        ModelState.Clear();
        foreach (var key in bad)
        {
            ModelState.AddMessage(key, key.EndsWith(".DueDate", StringComparison.Ordinal) ? "Enter a date as year, month and day." : "Choose a value from the list.");
        }
        ModelState.AddInputMessages(nameof(Summary), Summary);
        var people = People.Select(p => p.Id).ToHashSet();
        for (var i = 0; i < Sections.Count; i++)
        {
            var s = Sections[i];
            if (skipBlank && IsBlank(s)) continue;
            var prefix = $"Sections[{i}]";
            CheckText($"{prefix}.Heading", s.Heading, "Give the section a heading.", MaxHeading, "The heading is longer than 500 characters.");
            ModelState.AddInputMessages($"{prefix}.Body", s.Body);
            for (var j = 0; j < s.Outcomes.Count; j++)
            {
                var o = s.Outcomes[j];
                if (skipBlank && IsBlank(o)) continue;
                var op = $"{prefix}.Outcomes[{j}]";
                if (!Enum.IsDefined(o.Kind) && !ModelState.HasError($"{op}.Kind")) ModelState.AddMessage($"{op}.Kind", "Choose a value from the list.");
                CheckText($"{op}.Text", o.Text, "Say what was reported, decided or is to be done.", MaxOutcome, "The text is longer than 2000 characters.");
                if (o.OwnerPersonId is int pid && !people.Contains(pid)) ModelState.AddMessage($"{op}.OwnerPersonId", "Choose a member of the group, or write a name.");
                if ((o.OwnerName?.Trim().Length ?? 0) > 200) ModelState.AddMessage($"{op}.OwnerName", "The name is longer than 200 characters.");
                var hasOwner = o.OwnerPersonId is not null || !string.IsNullOrWhiteSpace(o.OwnerName);
                if (o.Kind == OutcomeKind.Action)
                {
                    if (!hasOwner && !ModelState.HasError($"{op}.OwnerPersonId")) ModelState.AddMessage($"{op}.OwnerPersonId", "An action needs an owner: choose a member or write a name.");
                    if (o.DueDate is null && !ModelState.HasError($"{op}.DueDate")) ModelState.AddMessage($"{op}.DueDate", "An action needs a due date.");
                    else if (o.DueDate is { } due && !DateBounds.Contains(due)) ModelState.AddMessage($"{op}.DueDate", DateBounds.Outside);
                }
                else if (hasOwner || o.DueDate is not null)
                {
                    ModelState.AddMessage($"{op}.Kind", "Only an action has an owner and a due date: make it an action or clear them.");
                }
            }
        }
        return ModelState.IsValid;
    }

    /// <summary>
    /// A one-line text of the record: its data-annotation messages, the page's own when the source is missing, and the
    /// page's limit on the source and each translation.
    /// </summary>
    private void CheckText(string prefix, TextInput text, string missing, int max, string tooLong)
    {
        ModelState.AddInputMessages(prefix, text);
        if (string.IsNullOrWhiteSpace(text.Source))
        {
            ModelState.Remove($"{prefix}.Source");
            ModelState.AddMessage($"{prefix}.Source", missing);
        }
        foreach (var (field, value) in text.Fields())
        {
            if ((value?.Trim().Length ?? 0) > max && !ModelState.HasError($"{prefix}.{field}")) ModelState.AddMessage($"{prefix}.{field}", tooLong);
        }
    }

    private List<RecordSection> savedSections = [];

    private void Apply(List<SectionInput> sections)
    {
        Summary.ApplyTo(Record.Summary);
        var byId = Record.Sections.ToDictionary(s => s.Id);
        var kept = new List<RecordSection>();
        for (var i = 0; i < sections.Count; i++)
        {
            var input = sections[i];
            // An id that is not one of this record's sections (a tampered form) makes a new section, never touches another record.
            var section = input.Id is int sid && byId.Remove(sid, out var existing) ? existing : new RecordSection();
            section.Position = i;
            input.Heading.ApplyTo(section.Heading);
            input.Body.ApplyTo(section.Body);
            // Outcomes are rewritten in place, position by position, so that a save that changes nothing writes nothing.
            var outcomes = section.Outcomes.OrderBy(o => o.Position).ToList();
            for (var j = 0; j < input.Outcomes.Count; j++)
            {
                var o = input.Outcomes[j];
                var action = o.Kind == OutcomeKind.Action;
                var outcome = j < outcomes.Count ? outcomes[j] : new RecordOutcome();
                outcome.Position = j;
                outcome.Kind = o.Kind;
                o.Text.ApplyTo(outcome.Text);
                outcome.OwnerPersonId = action ? o.OwnerPersonId : null;
                outcome.OwnerName = action && o.OwnerPersonId is null && !string.IsNullOrWhiteSpace(o.OwnerName) ? o.OwnerName.Trim() : null;
                outcome.DueDate = action ? o.DueDate : null;
                if (j >= outcomes.Count) section.Outcomes.Add(outcome);
            }
            foreach (var extra in outcomes.Skip(input.Outcomes.Count)) section.Outcomes.Remove(extra);
            kept.Add(section);
        }
        foreach (var removed in byId.Values) Record.Sections.Remove(removed);
        foreach (var s in kept.Where(s => s.Id == 0)) Record.Sections.Add(s);
        savedSections = kept;
    }
}
