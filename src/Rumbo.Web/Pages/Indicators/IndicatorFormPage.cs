using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Indicators;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Indicators;

/// <summary>
/// The indicator form, shared by creating one and editing one: objective, status, the definition's texts and rules,
/// breakdowns, the responsible body, lines of action and SDG targets. The secretariat and the coordinators of the
/// agenda's ad hoc working group.
/// </summary>
public abstract class IndicatorFormPage(RumboDbContext db, AgendaReader agendas, IndicatorStore store, CurrentUser currentUser) : PageModel
{
    protected RumboDbContext Db { get; } = db;
    protected IndicatorStore Store { get; } = store;

    public AgendaTree Agenda { get; private set; } = null!;
    public IReadOnlyList<(string Slug, LocalizedString Name)> Groups { get; private set; } = [];

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Objective { get; set; }
    [BindProperty] public IndicatorStatus Status { get; set; } = IndicatorStatus.Proposed;
    [BindProperty] public TextInput Title { get; set; } = new();
    [BindProperty] public OptionalTextInput Definition { get; set; } = new();
    [BindProperty] public OptionalTextInput Method { get; set; } = new();
    [BindProperty] public OptionalTextInput Source { get; set; } = new();
    [BindProperty] public IndicatorUnit Unit { get; set; } = IndicatorUnit.Percent;
    [BindProperty] public int Decimals { get; set; } = 1;
    [BindProperty] public string? Minimum { get; set; }
    [BindProperty] public string? Maximum { get; set; }
    [BindProperty] public Periodicity Periodicity { get; set; } = Periodicity.Annual;
    [BindProperty] public Direction Direction { get; set; } = Direction.Increase;
    [BindProperty] public List<string> Dimensions { get; set; } = [];
    [BindProperty] public string? ResponsibleGroup { get; set; }
    /// <summary>Codes of lines of action, separated by commas or spaces.</summary>
    [BindProperty] public string? Lines { get; set; }
    /// <summary>SDG target codes (17.18, 16.6), separated by commas or spaces.</summary>
    [BindProperty] public string? SdgTargets { get; set; }
    [BindProperty] public string? ChangeNote { get; set; }

    protected async Task<IActionResult?> RefuseUnlessAllowedAsync(string key, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var tree = await agendas.GetTreeAsync(key, ct);
        if (tree is null) return NotFound();
        if (!user.CanEditIndicators(await Store.AdHocGroupsAsync(tree.Id, ct))) return StatusCode(StatusCodes.Status403Forbidden);
        Agenda = tree;
        Groups = (await Db.Groups.AsNoTracking().Where(g => g.AgendaId == tree.Id).OrderBy(g => g.Slug).Select(g => new { g.Slug, Name = g.Name.ToDocument() }).ToListAsync(ct))
            .Select(g => (g.Slug, g.Name)).ToList();
        return null;
    }

    public sealed record Checked(int ObjectiveId, IndicatorDefinition Definition, IReadOnlyList<int> LineIds, IReadOnlyList<string> SdgTargets);

    /// <summary>Reads the form; every problem goes by its field. Null when there is one.</summary>
    protected async Task<Checked?> ReadAsync(CancellationToken ct)
    {
        var objective = Objective?.Trim();
        var objectiveId = objective is null ? null
            : await Db.Objectives.AsNoTracking().Where(o => o.AgendaId == Agenda.Id && o.Code == objective).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
        if (objectiveId is null) ModelState.AddMessage(nameof(Objective), "Choose the strategic objective the indicator measures.");
        if (string.IsNullOrWhiteSpace(Definition.Source)) ModelState.AddMessage("Definition.Source", "Say what the indicator measures.");
        if (Decimals is < 0 or > 6) ModelState.AddMessage(nameof(Decimals), new ValidationMessage("Give from {0} to {1} decimals.", 0, 6));
        var min = Number(nameof(Minimum), Minimum);
        var max = Number(nameof(Maximum), Maximum);
        if (min is double a && max is double b && a >= b) ModelState.AddMessage(nameof(Maximum), "The largest value must be above the smallest.");
        var dims = Dimensions.Where(d => Disaggregations.Find(d) is not null).ToList();
        if (dims.Count != Dimensions.Count) ModelState.AddMessage(nameof(Dimensions), "Choose breakdowns from the list.");
        int? groupId = null;
        if (!string.IsNullOrWhiteSpace(ResponsibleGroup))
        {
            groupId = await Db.Groups.AsNoTracking().Where(g => g.Slug == ResponsibleGroup && g.AgendaId == Agenda.Id).Select(g => (int?)g.Id).SingleOrDefaultAsync(ct);
            if (groupId is null) ModelState.AddMessage(nameof(ResponsibleGroup), "Choose a group of this agenda.");
        }
        var lines = await LineLinks.ResolveAsync(Db, Agenda.Id, Codes(Lines), ct);
        if (lines.Problem([], "No line of action of this agenda has the code {0}.", null) is { } lineProblem) ModelState.AddMessage(nameof(Lines), lineProblem);
        var sdg = Core.Indicators.SdgTargets.Split(SdgTargets);
        var badSdg = Core.Indicators.SdgTargets.Invalid(sdg);
        if (badSdg.Count > 0) ModelState.AddMessage(nameof(SdgTargets), new ValidationMessage(Core.Indicators.SdgTargets.Refused, string.Join(", ", badSdg)));
        if (ChangeNote?.Length > 2000) ModelState.AddMessage(nameof(ChangeNote), new ValidationMessage("At most {0} characters.", 2000));
        if (!ModelState.IsValid) return null;
        LocalizedText Text(TextInput t) { var x = new LocalizedText(); t.ApplyTo(x); return x; }
        LocalizedText Long(OptionalTextInput t) { var x = new LocalizedText(); t.ApplyTo(x, keepParagraphs: true); return x; }
        return new Checked(objectiveId!.Value,
            new IndicatorDefinition(Text(Title), Long(Definition), Long(Method), Long(Source), Unit, Decimals, min, max, Periodicity, Direction,
                Disaggregations.Join(dims), groupId),
            lines.Ids, sdg);
    }

    private double? Number(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (ReportingCheck.ParseNumber(text) is double d) return d;
        ModelState.AddMessage(field, "Enter a number.");
        return null;
    }

    private static IEnumerable<string> Codes(string? text) =>
        (text ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);

    protected static string? Show(double? d) => d?.ToString("R", CultureInfo.InvariantCulture);

    protected void Fill(IndicatorDetail i)
    {
        var v = i.Current;
        Version = i.Version;
        Objective = i.ObjectiveCode;
        Status = i.Status;
        Title = TextInput.From(LocalizedText.From(v.Title));
        Definition = OptionalTextInput.From(LocalizedText.From(v.Definition));
        Method = OptionalTextInput.From(LocalizedText.From(v.Method));
        Source = OptionalTextInput.From(LocalizedText.From(v.Source));
        Unit = v.Unit;
        Decimals = v.Decimals;
        Minimum = Show(v.Minimum);
        Maximum = Show(v.Maximum);
        Periodicity = v.Periodicity;
        Direction = v.Direction;
        Dimensions = v.DimensionList.Select(d => d.Code).ToList();
        ResponsibleGroup = v.ResponsibleGroup?.Slug;
        Lines = string.Join(", ", i.Lines.Select(l => l.Code));
        SdgTargets = string.Join(", ", i.SdgTargets);
    }
}
