using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Policies;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Policies;

/// <summary>
/// The policy form, shared by adding one and editing one: every field of the register but the status (which changes
/// through its transitions once the policy exists) and the review (the secretariat's). Checked by <see cref="PolicyCheck"/>,
/// as the API and the import are.
/// </summary>
public abstract class PolicyFormPage(RumboDbContext db, PolicyStore store) : PageModel
{
    protected RumboDbContext Db { get; } = db;
    protected PolicyStore Store { get; } = store;

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Language { get; set; } = "es";
    [BindProperty] public TextInput Title { get; set; } = new();
    [BindProperty] public OptionalTextInput Summary { get; set; } = new();
    [BindProperty] public string? Level { get; set; } = nameof(PolicyLevel.National);
    [BindProperty] public string? Territory { get; set; }
    [BindProperty] public string? Instrument { get; set; } = nameof(PolicyInstrument.Policy);
    [BindProperty] public string? Institution { get; set; }
    [BindProperty] public string? InstitutionName { get; set; }
    [BindProperty] public string? StartYear { get; set; }
    [BindProperty] public string? EndYear { get; set; }
    [BindProperty] public string? BudgetAmount { get; set; }
    [BindProperty] public string? BudgetCurrency { get; set; }
    [BindProperty] public string? Status { get; set; } = nameof(PolicyStatus.Design);
    [BindProperty] public string? ProgressPercent { get; set; }
    [BindProperty] public OptionalTextInput Progress { get; set; } = new();
    [BindProperty] public OptionalTextInput Outcomes { get; set; } = new();
    [BindProperty] public string? Links { get; set; }
    [BindProperty] public string? Lines { get; set; }
    [BindProperty] public string? SdgTargets { get; set; }
    [BindProperty] public bool IsPublic { get; set; }

    public int AgendaId { get; protected set; }
    public int CountryId { get; protected set; }
    public string AgendaSlug { get; protected set; } = "";
    public string AgendaSymbol { get; protected set; } = "";
    public string CountryCode { get; protected set; } = "";
    public LocalizedString CountryName { get; protected set; } = new("", null, null, null, null, null);
    public PolicyContext Context { get; private set; } = new([], []);
    public bool Conflict { get; protected set; }

    /// <summary>Whether the form offers the status (a new policy's); an existing one changes it by its transitions.</summary>
    public abstract bool ChoosesStatus { get; }

    public string SourceLanguage => Language is { } l && PolicyCheck.Languages.Contains(l) ? l : "es";

    protected async Task<bool> LoadRegisterAsync(int agendaId, int countryId, CancellationToken ct)
    {
        var agenda = await Db.Agendas.AsNoTracking().Where(a => a.Id == agendaId).Select(a => new { a.Slug, a.Symbol }).SingleOrDefaultAsync(ct);
        var country = await Db.Countries.AsNoTracking().Where(c => c.Id == countryId).Select(c => new { c.Code, Name = c.Name.ToDocument() }).SingleOrDefaultAsync(ct);
        if (agenda is null || country is null) return false;
        (AgendaId, CountryId, AgendaSlug, AgendaSymbol, CountryCode, CountryName) = (agendaId, countryId, agenda.Slug, agenda.Symbol, country.Code, country.Name);
        Context = await Store.ContextAsync(agendaId, countryId, ct);
        return true;
    }

    /// <summary>Reads the form; every problem goes by its field. Null when there is one.</summary>
    protected CheckedPolicy? Read(IEnumerable<int> linked, Policy? stored)
    {
        ModelState.Clear();
        ModelState.AddInputMessages(nameof(Title), Title);
        ModelState.AddInputMessages(nameof(Summary), Summary);
        ModelState.AddInputMessages(nameof(Progress), Progress);
        ModelState.AddInputMessages(nameof(Outcomes), Outcomes);
        var entry = new PolicyEntry(Language, Text(t => Title.ApplyTo(t), stored?.Title), Text(t => Summary.ApplyTo(t, keepParagraphs: true), stored?.Summary),
            Level, Territory, Instrument, Institution, InstitutionName, StartYear, EndYear, BudgetAmount, BudgetCurrency,
            ChoosesStatus ? Status : stored?.Status.ToString(), ProgressPercent, Text(t => Progress.ApplyTo(t, keepParagraphs: true), stored?.Progress),
            Text(t => Outcomes.ApplyTo(t, keepParagraphs: true), stored?.Outcomes), Links, Lines, SdgTargets, IsPublic);
        var (policy, problems) = PolicyCheck.Check(entry, Context, linked);
        foreach (var (field, message) in problems)
        {
            if (!ModelState.HasError(field)) ModelState.AddMessage(field, message);
        }
        return ModelState.IsValid ? policy : null;

        static LocalizedText Text(Action<LocalizedText> apply, LocalizedText? from)
        {
            var t = from is null ? new LocalizedText() : LocalizedText.From(from.ToDocument());
            apply(t);
            return t;
        }
    }

    protected void Fill(Policy p)
    {
        Version = p.Version;
        Language = p.Language;
        Title = TextInput.From(p.Title);
        Summary = OptionalTextInput.From(p.Summary);
        Level = p.Level.ToString();
        Territory = p.Territory;
        Instrument = p.Instrument.ToString();
        Institution = p.InstitutionId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        InstitutionName = p.InstitutionName;
        StartYear = p.StartYear?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        EndYear = p.EndYear?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        BudgetAmount = p.BudgetAmount?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        BudgetCurrency = p.BudgetCurrency;
        Status = p.Status.ToString();
        ProgressPercent = p.ProgressPercent?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Progress = OptionalTextInput.From(p.Progress);
        Outcomes = OptionalTextInput.From(p.Outcomes);
        Links = string.Join('\n', p.LinkList);
        var ids = p.Lines.Select(l => l.LineOfActionId).ToHashSet();
        Lines = string.Join(", ", Context.Lines.Where(l => ids.Contains(l.Id)).Select(l => l.Code).Order(CodeComparer.Instance));
        SdgTargets = string.Join(", ", p.SdgTargets.Select(t => t.Code).Order(StringComparer.Ordinal));
        IsPublic = p.IsPublic;
    }

    protected IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
