using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Agendas.Edit;

/// <summary>The title of an area (or axis) and the text of a principle: one text each, with its translations.</summary>
public sealed class HeadingModel(AgendaStore store, CurrentUser currentUser) : EditorPage(store, currentUser)
{
    [BindProperty]
    public TextInput Text { get; set; } = new();

    public string Kind { get; private set; } = "";
    public string Code { get; private set; } = "";
    private LocalizedText target = null!;

    public async Task<IActionResult> OnGetAsync(string key, string kind, string code, CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        if (!await LoadAsync(key, kind, code, ct)) return NotFound();
        Text = TextInput.From(target);
        Version = Agenda.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, string kind, string code, CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        if (!await LoadAsync(key, kind, code, ct)) return NotFound();
        if (!Validate((nameof(Text), Text)))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Text.ApplyTo(target);
        var anchor = kind == "areas" ? Ui.Anchor("area", code) : $"principle-{code}";
        return await SaveAsync($"/agendas/{Agenda.Slug}#{anchor}", async () =>
        {
            await LoadAsync(key, kind, code, ct);
            Version = Agenda.Version;
        }, ct);
    }

    private async Task<bool> LoadAsync(string key, string kind, string code, CancellationToken ct)
    {
        var agenda = await Store.LoadForEditAsync(key, ct);
        if (agenda is null) return false;
        LocalizedText? text = kind switch
        {
            "areas" => agenda.Areas.SingleOrDefault(a => a.Code == code)?.Title,
            "principles" => agenda.Principles.SingleOrDefault(p => p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) == code)?.Text,
            _ => null,
        };
        if (text is null) return false;
        (Agenda, Kind, Code, target) = (agenda, kind, code, text);
        return true;
    }
}
