using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.RoadMaps;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.RoadMaps;

/// <summary>The action form, shared by adding one and editing one; checked by <see cref="RoadMapCheck"/>.</summary>
public abstract class ActionFormPage(RumboDbContext db, RoadMapStore store) : PageModel
{
    protected RumboDbContext Db { get; } = db;
    protected RoadMapStore Store { get; } = store;

    [BindProperty] public int Version { get; set; }
    [BindProperty] public TextInput Title { get; set; } = new();
    [BindProperty] public OptionalTextInput Description { get; set; } = new();
    [BindProperty] public string? Area { get; set; }
    [BindProperty] public string? Dimension { get; set; }
    [BindProperty] public string? BaselineScore { get; set; }
    [BindProperty] public string? BaselineRound { get; set; }
    [BindProperty] public string? TargetScore { get; set; }
    [BindProperty] public string? ResponsibleInstitution { get; set; }
    [BindProperty] public string? ResponsiblePerson { get; set; }
    [BindProperty] public string? StartOn { get; set; }
    [BindProperty] public string? DueOn { get; set; }
    [BindProperty] public string? Status { get; set; } = nameof(CapacityActionStatus.Planned);
    [BindProperty] public string? ManualPercent { get; set; }
    [BindProperty] public string? Lines { get; set; }

    public RoadMapKeys Keys { get; protected set; } = null!;
    public string SourceLanguage { get; protected set; } = "es";
    public RoadMapContext Context { get; private set; } = new([], []);
    public bool Conflict { get; protected set; }

    protected async Task LoadContextAsync(int agendaId, CancellationToken ct) => Context = await Store.ContextAsync(agendaId, ct);

    /// <summary>Reads the form; every problem goes by its field. Null when there is one.</summary>
    protected CheckedAction? Read(IEnumerable<int> linked, CapacityAction? stored)
    {
        ModelState.Clear();
        ModelState.AddInputMessages(nameof(Title), Title);
        ModelState.AddInputMessages(nameof(Description), Description);
        var title = stored is null ? new LocalizedText() : LocalizedText.From(stored.Title.ToDocument());
        Title.ApplyTo(title);
        var description = stored is null ? new LocalizedText() : LocalizedText.From(stored.Description.ToDocument());
        Description.ApplyTo(description, keepParagraphs: true);
        var entry = new ActionEntry(title, description, Area, Dimension, BaselineScore, BaselineRound, TargetScore, ResponsibleInstitution, ResponsiblePerson,
            StartOn, DueOn, Status, ManualPercent, Lines);
        var (action, problems) = RoadMapCheck.Check(entry, Context, linked);
        foreach (var (field, message) in problems)
        {
            if (!ModelState.HasError(field)) ModelState.AddMessage(field, message);
        }
        return ModelState.IsValid ? action : null;
    }

    protected void Fill(CapacityAction a)
    {
        static string? N(int? i) => i?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Version = a.Version;
        Title = TextInput.From(a.Title);
        Description = OptionalTextInput.From(a.Description);
        Area = Context.Areas.FirstOrDefault(x => x.Id == a.AreaId)?.Code;
        Dimension = a.Dimension.ToString();
        BaselineScore = N(a.BaselineScore);
        BaselineRound = a.BaselineRound;
        TargetScore = N(a.TargetScore);
        ResponsibleInstitution = a.ResponsibleInstitution;
        ResponsiblePerson = a.ResponsiblePerson;
        StartOn = D(a.StartOn);
        DueOn = D(a.DueOn);
        Status = a.Status.ToString();
        ManualPercent = N(a.ManualPercent);
        var ids = a.Lines.Select(l => l.LineOfActionId).ToHashSet();
        Lines = string.Join(", ", Context.Lines.Where(l => ids.Contains(l.Id)).Select(l => l.Code).Order(CodeComparer.Instance));
    }

    protected IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
