using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Agendas.Edit;

public sealed class LineModel(AgendaStore store, CurrentUser currentUser, TimeProvider clock) : EditorPage(store, currentUser)
{
    [BindProperty]
    public TextInput Text { get; set; } = new();

    [BindProperty]
    public bool Retired { get; set; }

    public LineOfAction Line { get; private set; } = null!;
    public StrategicObjective Objective { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string key, string code, CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        if (!await LoadAsync(key, code, ct)) return NotFound();
        Text = TextInput.From(Line.Text);
        Retired = Line.RetiredOn is not null;
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
        Text.ApplyTo(Line.Text);
        Line.RetiredOn = Retired ? Line.RetiredOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : null;
        return await SaveAsync($"/agendas/{Agenda.Slug}/lines/{Line.Code}", () => ReloadAfterConflict(key, code, ct), ct);
    }

    /// <summary>Moves the line one place up or down among its objective's lines; its code stays.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string key, string code, int by, CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        if (!await LoadAsync(key, code, ct)) return NotFound();
        if (by is not (-1 or 1)) return BadRequest();
        Move(Objective.Lines, Line, by, l => l.Position, l => l.Number, (l, p) => l.Position = p);
        ModelState.Clear();
        Text = TextInput.From(Line.Text);
        Retired = Line.RetiredOn is not null;
        return await SaveAsync($"/agendas/{Agenda.Slug}/objectives/{Objective.Code}/edit", () => ReloadAfterConflict(key, code, ct), ct);
    }

    private async Task<bool> LoadAsync(string key, string code, CancellationToken ct)
    {
        var agenda = await Store.LoadForEditAsync(key, ct);
        var found = agenda?.Areas.SelectMany(a => a.Objectives).SelectMany(o => o.Lines.Select(l => (o, l))).FirstOrDefault(x => x.l.Code == code);
        if (agenda is null || found is not { } f || f.l is null) return false;
        (Agenda, Objective, Line) = (agenda, f.o, f.l);
        return true;
    }

    private async Task ReloadAfterConflict(string key, string code, CancellationToken ct)
    {
        // Show what is saved now beside what the editor typed; the editor's next save knowingly replaces it.
        await LoadAsync(key, code, ct);
        Version = Agenda.Version;
    }
}
