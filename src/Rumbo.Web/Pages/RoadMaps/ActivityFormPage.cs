using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Policies;
using Rumbo.Core.RoadMaps;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.RoadMaps;

/// <summary>The activity form, shared by recording one and editing one: the secretariat's alone.</summary>
public abstract class ActivityFormPage(RumboDbContext db, RoadMapStore store, CurrentUser currentUser) : PageModel
{
    protected RumboDbContext Db { get; } = db;
    protected RoadMapStore Store { get; } = store;

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Agenda { get; set; }
    [BindProperty] public string? Kind { get; set; } = nameof(CapacityActivityKind.Training);
    [BindProperty] public string? Language { get; set; } = "es";
    [BindProperty] public TextInput Topic { get; set; } = new();
    [BindProperty] public OptionalTextInput Outcome { get; set; } = new();
    [BindProperty] public string? StartOn { get; set; }
    [BindProperty] public string? EndOn { get; set; }
    [BindProperty] public string? Mode { get; set; } = nameof(CapacityActivityMode.InPerson);
    [BindProperty] public string? Providers { get; set; }
    [BindProperty] public string? HostCountry { get; set; }
    [BindProperty] public string? Participants { get; set; }
    [BindProperty] public string? Actions { get; set; }
    [BindProperty] public bool IsPublic { get; set; }

    public IReadOnlyList<(string Slug, string Symbol)> Agendas { get; private set; } = [];
    public IReadOnlyList<(string Code, LocalizedString Name)> Countries { get; private set; } = [];
    public bool Conflict { get; protected set; }
    public abstract string FormAction { get; }

    public string SourceLanguage => Language is { } l && PolicyCheck.Languages.Contains(l) ? l : "es";

    /// <summary>401 or 403 unless the secretariat; loads the choices.</summary>
    protected async Task<IActionResult?> RefuseOrLoadAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        if (!user.CanWriteCapacityActivities()) return StatusCode(StatusCodes.Status403Forbidden);
        Agendas = (await Db.Agendas.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Slug, a.Symbol }).ToListAsync(ct)).Select(a => (a.Slug, a.Symbol)).ToList();
        Countries = (await Db.Countries.AsNoTracking().Select(c => new { c.Code, Name = c.Name.ToDocument() }).ToListAsync(ct))
            .Select(c => (c.Code, c.Name)).OrderBy(c => Ui.Plain(c.Name), Ui.Collation).ToList();
        Response.Headers.CacheControl = Ui.PrivateNoStore;
        return null;
    }

    /// <summary>Reads the form against the agendas, countries and actions; null (with the messages by field) when something is wrong.</summary>
    protected async Task<(CheckedActivity? Activity, int AgendaId)> ReadAsync(CapacityActivity? stored, CancellationToken ct)
    {
        ModelState.Clear();
        ModelState.AddInputMessages(nameof(Topic), Topic);
        ModelState.AddInputMessages(nameof(Outcome), Outcome);
        var slug = AgendaKeys.Slugify(Agenda?.Trim() ?? "");
        var agendaId = await Db.Agendas.AsNoTracking().Where(a => a.Slug == slug).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        if (agendaId is null) ModelState.AddMessage("Agenda", "Choose an agenda.");
        var countries = await Db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        var ids = (Actions ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : -1).Where(i => i > 0).Take(200).ToList();
        var existing = (await Db.CapacityActions.AsNoTracking().Where(a => ids.Contains(a.Id) && a.RoadMap!.AgendaId == (agendaId ?? 0)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var topic = stored is null ? new LocalizedText() : LocalizedText.From(stored.Topic.ToDocument());
        Topic.ApplyTo(topic);
        var outcome = stored is null ? new LocalizedText() : LocalizedText.From(stored.Outcome.ToDocument());
        Outcome.ApplyTo(outcome, keepParagraphs: true);
        var (activity, problems) = RoadMapCheck.Check(new ActivityEntry(Kind, Language, topic, outcome, StartOn, EndOn, Mode, Providers, HostCountry, Participants, Actions, IsPublic),
            countries, existing);
        foreach (var (field, message) in problems)
        {
            if (!ModelState.HasError(field)) ModelState.AddMessage(field, message);
        }
        return (ModelState.IsValid ? activity : null, agendaId ?? 0);
    }

    protected async Task FillAsync(CapacityActivity a, CancellationToken ct)
    {
        var countryIds = a.Participants.Select(p => p.CountryId).Append(a.HostCountryId ?? 0).ToList();
        var codes = await Db.Countries.AsNoTracking().Where(c => countryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        Version = a.Version;
        Agenda = await Db.Agendas.AsNoTracking().Where(x => x.Id == a.AgendaId).Select(x => x.Slug).SingleAsync(ct);
        Kind = a.Kind.ToString();
        Language = a.Language;
        Topic = TextInput.From(a.Topic);
        Outcome = OptionalTextInput.From(a.Outcome);
        StartOn = a.StartOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        EndOn = a.EndOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Mode = a.Mode.ToString();
        Providers = a.Providers;
        HostCountry = a.HostCountryId is int h ? codes[h] : null;
        Participants = string.Join('\n', a.Participants.OrderBy(p => p.Id).Select(p => p.Institution is null ? $"{codes[p.CountryId]}; {p.Count}" : $"{codes[p.CountryId]}; {p.Institution}; {p.Count}"));
        Actions = string.Join(", ", a.Actions.Select(x => x.CapacityActionId).Order());
        IsPublic = a.IsPublic;
    }

    protected IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
