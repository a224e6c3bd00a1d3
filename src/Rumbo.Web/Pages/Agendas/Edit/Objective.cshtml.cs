using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Agendas.Edit;

public sealed class ObjectiveModel(AgendaStore store, CurrentUser currentUser, TimeProvider clock) : EditorPage(store, currentUser)
{
    [BindProperty]
    public TextInput Text { get; set; } = new();

    [BindProperty]
    public bool Retired { get; set; }

    [BindProperty]
    public TextInput NewLine { get; set; } = new();

    public StrategicObjective Objective { get; private set; } = null!;
    public Area Area { get; private set; } = null!;

    public IReadOnlyList<LineOfAction> Lines => Objective.Lines.OrderBy(l => l.Position).ThenBy(l => l.Number).ToList();

    public async Task<IActionResult> OnGetAsync(string key, string code, CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        if (!await LoadAsync(key, code, ct)) return NotFound();
        Text = TextInput.From(Objective.Text);
        Retired = Objective.RetiredOn is not null;
        Version = Agenda.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, string code, CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        if (!await LoadAsync(key, code, ct)) return NotFound();
        if (!Validate((nameof(Text), Text)))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Text.ApplyTo(Objective.Text);
        Objective.RetiredOn = Retired ? Objective.RetiredOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : null;
        return await SaveAsync($"/agendas/{Agenda.Slug}#{Ui.Anchor("objective", Objective.Code)}", () => Reload(key, code, ct), ct);
    }

    /// <summary>Moves the objective one place up or down within its area; its code stays.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string key, string code, int by, CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        if (!await LoadAsync(key, code, ct)) return NotFound();
        if (by is not (-1 or 1)) return BadRequest();
        Move(Area.Objectives, Objective, by, o => o.Position, o => o.Number, (o, p) => o.Position = p);
        ModelState.Clear();
        Text = TextInput.From(Objective.Text);
        Retired = Objective.RetiredOn is not null;
        return await SaveAsync($"/agendas/{Agenda.Slug}/edit", () => Reload(key, code, ct), ct);
    }

    /// <summary>Adds a line at the end of the objective with the next free number: codes are never reused.</summary>
    public async Task<IActionResult> OnPostAddLineAsync(string key, string code, CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        if (!await LoadAsync(key, code, ct)) return NotFound();
        if (!Validate((nameof(NewLine), NewLine)))
        {
            Text = TextInput.From(Objective.Text);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var number = Objective.Lines.Select(l => l.Number).DefaultIfEmpty(0).Max() + 1;
        var line = new LineOfAction
        {
            Number = number,
            Position = Objective.Lines.Select(l => l.Position).DefaultIfEmpty(0).Max() + 1,
            Code = $"{Objective.Code}.{number}",
            Agenda = Agenda,
        };
        NewLine.ApplyTo(line.Text);
        Objective.Lines.Add(line);
        return await SaveAsync($"/agendas/{Agenda.Slug}/lines/{line.Code}", () => Reload(key, code, ct), ct);
    }

    private async Task<bool> LoadAsync(string key, string code, CancellationToken ct)
    {
        var agenda = await Store.LoadForEditAsync(key, ct);
        var found = agenda?.Areas.SelectMany(a => a.Objectives.Select(o => (a, o))).FirstOrDefault(x => x.o.Code == code);
        if (agenda is null || found is not { } f || f.o is null) return false;
        (Agenda, Area, Objective) = (agenda, f.a, f.o);
        return true;
    }

    private async Task Reload(string key, string code, CancellationToken ct)
    {
        await LoadAsync(key, code, ct);
        Version = Agenda.Version;
    }
}
