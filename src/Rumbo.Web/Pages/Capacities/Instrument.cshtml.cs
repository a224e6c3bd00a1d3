using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Capacities;
using Rumbo.Core.Data;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Capacities;

/// <summary>
/// The instrument of an agenda's diagnosis, a version at a time (the newest by default, <c>?version=</c> for another): its
/// questions per strategic area and dimension with their scales and guidance. The secretariat and the coordinators of the
/// agenda's ad hoc working groups propose the first version, edit a draft's questions, publish it (which freezes it) and
/// start a new draft from the newest published version. Everyone reads every version.
/// </summary>
/// <remarks>Safe under the output cache, which never stores or serves a signed-in request.</remarks>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class InstrumentModel(RumboDbContext db, AgendaReader agendas, CapacityReader reader, CapacityStore store, CurrentUser currentUser) : PageModel
{
    public const int MaxText = 1000;

    public AgendaTree Agenda { get; private set; } = null!;
    public InstrumentView? Instrument { get; private set; }
    public IReadOnlyList<InstrumentSummary> Versions { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool Conflict { get; private set; }
    public ValidationMessage? Refusal { get; private set; }
    /// <summary>The question being edited (0 for a new one), whose form the page opens.</summary>
    public int? Editing { get; private set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public int Question { get; set; }
    [BindProperty] public int? AreaId { get; set; }
    [BindProperty] public string? Dimension { get; set; }
    [BindProperty] public TextInput Text { get; set; } = new();
    [BindProperty] public OptionalTextInput Guidance { get; set; } = new();
    [BindProperty] public bool AsksEvidence { get; set; }
    /// <summary>The scale's descriptors as written, one a line, from level 0 up.</summary>
    [BindProperty] public string? Levels { get; set; }

    public async Task<IActionResult> OnGetAsync(string key, int? version, int? edit, CancellationToken ct)
    {
        if (await LoadAsync(key, version, ct) is { } refused) return refused;
        if (edit is int e && CanEdit && Instrument is { Status: InstrumentStatus.Draft } draft)
        {
            if (e == 0)
            {
                Editing = 0;
                AreaId = draft.Areas.FirstOrDefault()?.Id;
                Dimension = nameof(CapacityDimension.Technical);
                Levels = string.Join('\n', CapacityProposal.Scale.Select(x => x.En));
            }
            else if (draft.Questions.FirstOrDefault(q => q.Id == e) is { } q)
            {
                Editing = q.Id;
                Question = q.Id;
                AreaId = q.AreaId;
                Dimension = q.Dimension.ToString();
                Text = TextInput.From(LocalizedText.From(q.Text));
                Guidance = OptionalTextInput.From(LocalizedText.From(q.Guidance));
                AsksEvidence = q.AsksEvidence;
                Levels = string.Join('\n', q.Levels.Select(l => l.Descriptor.Source));
            }
        }
        return Page();
    }

    /// <summary>The proposed instrument, drawn from the agenda's strategic areas, as the first draft.</summary>
    public Task<IActionResult> OnPostProposeAsync(string key, CancellationToken ct) => WriteAsync(key, null, async () =>
    {
        if (await store.ProposeAsync(Agenda.Id, ct) is null) return "The agenda already has an instrument.";
        await db.SaveChangesAsync(ct);
        return null;
    }, "The proposed instrument was added as a draft.", ct);

    /// <summary>A new draft copied from the newest version, when that one is published.</summary>
    public Task<IActionResult> OnPostNewDraftAsync(string key, CancellationToken ct) => WriteAsync(key, null, async () =>
    {
        if (await store.NewDraftAsync(Agenda.Id, ct) is null) return "The newest version is still a draft: change that one.";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone made the next version meanwhile: the unique (agenda, number) index refused this one.
            return "Someone else saved this after you read it. Nothing was saved.";
        }
        return null;
    }, "A new draft version was made from the newest one.", ct);

    public Task<IActionResult> OnPostPublishAsync(string key, [FromQuery(Name = "version")] int number, CancellationToken ct) => DraftWriteAsync(key, number, (i, u) => Task.FromResult(i.Publish(u.PersonId, store.Now)),
        "The version was published: rounds can use it.", ct);

    public Task<IActionResult> OnPostRemoveAsync(string key, [FromQuery(Name = "version")] int number, CancellationToken ct) => DraftWriteAsync(key, number, (i, _) =>
    {
        var q = i.Questions.FirstOrDefault(x => x.Id == Question);
        if (q is null) return Task.FromResult<string?>("The question is not in this version.");
        i.Questions.Remove(q);
        return Task.FromResult<string?>(null);
    }, "The question was removed.", ct);

    /// <summary>Adds a question to the draft (Question 0) or changes one: its area, dimension, texts, evidence and scale.</summary>
    public async Task<IActionResult> OnPostQuestionAsync(string key, [FromQuery(Name = "version")] int number, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await DraftWriteAsync(key, number, (i, _) =>
        {
            var q = Question == 0 ? new CapacityQuestion() : i.Questions.FirstOrDefault(x => x.Id == Question);
            if (q is null) return Task.FromResult<string?>("The question is not in this version.");
            if (AreaId is not int area || Instrument!.Areas.All(x => x.Id != area)) ModelState.AddMessage(nameof(AreaId), "Choose a strategic area.");
            if (!Enum.TryParse<CapacityDimension>(Dimension, false, out var dim) || !Enum.IsDefined(dim)) ModelState.AddMessage(nameof(Dimension), "Choose a dimension.");
            if (string.IsNullOrWhiteSpace(Text.Source)) ModelState.AddMessage("Text.Source", "The text is required.");
            ModelState.AddInputMessages(nameof(Text), Text);
            ModelState.AddInputMessages(nameof(Guidance), Guidance);
            var lines = (Levels ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count < 2 || lines.Count > CapacityInstrument.MaxLevels)
                ModelState.AddMessage(nameof(Levels), new ValidationMessage("Write from {0} to {1} levels, one a line, from level 0 up.", 2, CapacityInstrument.MaxLevels));
            else if (lines.Any(l => l.Length > MaxText)) ModelState.AddMessage(nameof(Levels), new ValidationMessage("At most {0} characters.", MaxText));
            if (!ModelState.IsValid) return Task.FromResult<string?>(null);
            q.AreaId = AreaId!.Value;
            q.Dimension = dim;
            Text.ApplyTo(q.Text);
            Guidance.ApplyTo(q.Guidance);
            q.AsksEvidence = AsksEvidence;
            // A level whose descriptor is unchanged keeps its translations.
            var old = q.Levels.ToDictionary(l => l.Value);
            q.Levels.RemoveAll(l => l.Value >= lines.Count);
            for (var v = 0; v < lines.Count; v++)
            {
                if (old.TryGetValue(v, out var level))
                {
                    if (level.Descriptor.Source != lines[v]) level.Descriptor = new LocalizedText { Source = lines[v] };
                }
                else q.Levels.Add(new CapacityLevel { Value = v, Descriptor = new LocalizedText { Source = lines[v] } });
            }
            if (Question == 0)
            {
                q.Position = i.Questions.Where(x => x.AreaId == q.AreaId && x.Dimension == q.Dimension).Select(x => x.Position).DefaultIfEmpty(0).Max() + 1;
                i.Questions.Add(q);
            }
            return Task.FromResult<string?>(null);
        }, Question == 0 ? "The question was added." : "The question was saved.", ct);
        if (!ModelState.IsValid && Instrument is not null)
        {
            db.ChangeTracker.Clear();
            Editing = Question;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        return result;
    }

    private Task<IActionResult> DraftWriteAsync(string key, int version, Func<CapacityInstrument, CurrentUser.Snapshot, Task<string?>> change, string notice, CancellationToken ct) =>
        WriteAsync(key, version, async () =>
        {
            var user = await currentUser.GetAsync(User, ct);
            var instrument = await store.LoadInstrumentAsync(Agenda.Id, version, ct);
            if (instrument is null) return "The version is not in this agenda.";
            if (instrument.Status != InstrumentStatus.Draft) return "This version is already published: it no longer changes.";
            if (await change(instrument, user) is { } refusal) return refusal;
            if (!ModelState.IsValid) return null;
            if (instrument.Version != Version || !await db.SaveIfVersionAsync(instrument, i => i.Version, Version, ct))
            {
                Conflict = true;
                return "";
            }
            return null;
        }, notice, ct);

    private async Task<IActionResult> WriteAsync(string key, int? version, Func<Task<string?>> write, string notice, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        if (await LoadAsync(key, version, ct) is { } refused) return refused;
        if (!CanEdit) return StatusCode(StatusCodes.Status403Forbidden);
        // The question's fields are bound for every handler; only the question's own handler checks them, inside write.
        ModelState.Clear();
        if (await write() is { } refusal)
        {
            db.ChangeTracker.Clear();
            if (refusal.Length > 0) Refusal = new ValidationMessage(refusal);
            await LoadAsync(key, version, ct);
            Version = Instrument?.Version ?? 0;
            ModelState.Remove(nameof(Version));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        TempData.Notice(notice);
        var number = version ?? (await reader.InstrumentsAsync(Agenda.Id, ct)).FirstOrDefault()?.Number;
        return Redirect($"/agendas/{Agenda.Slug}/capacities/instrument" + (number is int n ? $"?version={n}" : ""));
    }

    private async Task<IActionResult?> LoadAsync(string key, int? version, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        var tree = await agendas.GetTreeAsync(key, ct);
        if (tree is null) return NotFound();
        Agenda = tree;
        CanEdit = user.CanEditCapacityInstrument(await store.AdHocGroupsAsync(tree.Id, ct));
        Versions = await reader.InstrumentsAsync(tree.Id, ct);
        Instrument = await reader.InstrumentAsync(tree.Id, version, ct);
        if (version is not null && Instrument is null) return NotFound();
        if (Request.Method == HttpMethods.Get && Instrument is not null) Version = Instrument.Version;
        return null;
    }
}
