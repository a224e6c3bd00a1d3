using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Agendas.Edit;

public sealed class AgendaModel(AgendaStore store, CurrentUser currentUser) : EditorPage(store, currentUser)
{
    [BindProperty]
    public TextInput Title { get; set; } = new();

    [BindProperty]
    public TextInput AdoptingBody { get; set; } = new();

    [BindProperty]
    public OptionalTextInput Meeting { get; set; } = new();

    [BindProperty]
    public OptionalTextInput Description { get; set; } = new();

    [BindProperty]
    public OptionalTextInput FollowUpMechanism { get; set; } = new();

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public AgendaStatus Status { get; set; }

    [BindProperty]
    public int? NewObjectiveArea { get; set; }

    [BindProperty]
    public TextInput NewObjective { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        var agenda = await Store.LoadForEditAsync(key, ct);
        if (agenda is null) return NotFound();
        Agenda = agenda;
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        var agenda = await Store.LoadForEditAsync(key, ct);
        if (agenda is null) return NotFound();
        Agenda = agenda;
        // Validate starts afresh, so a date that could not be read is noted first: saved as empty, it would erase the date.
        var unreadableDate = ModelState.HasError(nameof(Date));
        Validate((nameof(Title), Title), (nameof(AdoptingBody), AdoptingBody), (nameof(Meeting), Meeting),
            (nameof(Description), Description), (nameof(FollowUpMechanism), FollowUpMechanism));
        if (unreadableDate) ModelState.AddMessage(nameof(Date), "Enter a date as year, month and day.");
        else if (Date is { } date && !DateBounds.Contains(date)) ModelState.AddMessage(nameof(Date), DateBounds.Outside);
        if (!Enum.IsDefined(Status)) ModelState.AddMessage(nameof(Status), "Choose a status.");
        if (Place?.Length > 200) ModelState.AddMessage(nameof(Place), "The text is longer than 200 characters.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Title.ApplyTo(Agenda.Title);
        AdoptingBody.ApplyTo(Agenda.AdoptingBody);
        Meeting.ApplyTo(Agenda.Meeting);
        Description.ApplyTo(Agenda.Description, keepParagraphs: true);
        FollowUpMechanism.ApplyTo(Agenda.FollowUpMechanism, keepParagraphs: true);
        Agenda.Place = string.IsNullOrWhiteSpace(Place) ? null : Place.Trim();
        Agenda.Date = Date;
        Agenda.Status = Status;
        return await SaveAsync($"/agendas/{Agenda.Slug}", () => Reload(key, ct), ct);
    }

    /// <summary>Adds a strategic objective at the end of an area with the next free number.</summary>
    public async Task<IActionResult> OnPostAddObjectiveAsync(string key, CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        var agenda = await Store.LoadForEditAsync(key, ct);
        if (agenda is null) return NotFound();
        Agenda = agenda;
        Validate((nameof(NewObjective), NewObjective));
        var area = Agenda.Areas.SingleOrDefault(a => a.Number == NewObjectiveArea);
        if (area is null) ModelState.AddMessage(nameof(NewObjectiveArea), "Choose the area of the new objective.");
        if (!ModelState.IsValid)
        {
            Fill(keepNew: true);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var number = area!.Objectives.Select(o => o.Number).DefaultIfEmpty(0).Max() + 1;
        var objective = new StrategicObjective
        {
            Number = number,
            Position = area.Objectives.Select(o => o.Position).DefaultIfEmpty(0).Max() + 1,
            Code = $"{area.Code}.{number}",
            Agenda = Agenda,
        };
        NewObjective.ApplyTo(objective.Text);
        area.Objectives.Add(objective);
        return await SaveAsync($"/agendas/{Agenda.Slug}/objectives/{objective.Code}/edit", () => Reload(key, ct), ct);
    }

    private void Fill(bool keepNew = false)
    {
        Title = TextInput.From(Agenda.Title);
        AdoptingBody = TextInput.From(Agenda.AdoptingBody);
        Meeting = OptionalTextInput.From(Agenda.Meeting);
        Description = OptionalTextInput.From(Agenda.Description);
        FollowUpMechanism = OptionalTextInput.From(Agenda.FollowUpMechanism);
        Place = Agenda.Place;
        Date = Agenda.Date;
        Status = Agenda.Status;
        Version = Agenda.Version;
        if (!keepNew) NewObjective = new TextInput();
    }

    private async Task Reload(string key, CancellationToken ct)
    {
        Agenda = (await Store.LoadForEditAsync(key, ct))!;
        Version = Agenda.Version;
    }
}
