using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Documents;
using Rumbo.Core.Exports;
using Rumbo.Core.Indicators;
using Rumbo.Core.People;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Indicators.Reporting;

/// <summary>
/// A country's reporting of an agenda's indicators for the current round: the form, the template to download and
/// upload, the status and history of every value; and for the secretariat, the review (approve, return with a
/// reason, unlock with a reason). Unapproved values are the country's and the secretariat's only: anyone else gets 404.
/// </summary>
public sealed class CountryModel(RumboDbContext db, AgendaReader agendas, ReportingStore store, CurrentUser currentUser, TimeProvider clock,
    DocumentUploads uploads, IFileStore files) : PageModel
{
    /// <summary>One line of the form: an indicator, a year and a breakdown.</summary>
    public sealed class FormRow
    {
        public string Indicator { get; set; } = "";
        public int Year { get; set; }
        public string Breakdown { get; set; } = "";
        public string? Value { get; set; }
        public string? Source { get; set; }
        public string? Notes { get; set; }
        public string? Evidence { get; set; }
    }

    public AgendaTree Agenda { get; private set; } = null!;
    public CountryLabel Country { get; private set; } = null!;
    public RoundView? Round { get; private set; }
    public IReadOnlyList<ReportingIndicator> Indicators { get; private set; } = [];
    public IReadOnlyDictionary<(string Code, int Year, string Breakdown), ReportedValue> Stored { get; private set; } =
        new Dictionary<(string, int, string), ReportedValue>();
    public bool CanReview { get; private set; }
    public bool CanReport { get; private set; }
    public int Year => clock.GetUtcNow().Year;

    /// <summary>The problems of the file just uploaded, by row and column; nothing was stored.</summary>
    public IReadOnlyList<RowProblem> FileProblems { get; private set; } = [];
    public string? UploadedName { get; private set; }

    [BindProperty] public List<FormRow> Rows { get; set; } = [];

    private int countryId;
    private CurrentUser.Snapshot user = CurrentUser.Snapshot.Anonymous;

    private async Task<IActionResult?> LoadAsync(string key, string country, CancellationToken ct)
    {
        user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var tree = await agendas.GetTreeAsync(key, ct);
        if (tree is null) return NotFound();
        var code = country.Trim().ToUpperInvariant();
        var c = await db.Countries.AsNoTracking().Where(x => x.Code == code).Select(x => new { x.Id, x.Code, Name = x.Name.ToDocument() }).SingleOrDefaultAsync(ct);
        if (c is null) return NotFound();
        CanReport = user.CanReportIndicators(tree.Id, c.Id);
        CanReview = user.CanReviewIndicators();
        if (!CanReport && !CanReview) return NotFound();
        Agenda = tree;
        Country = new CountryLabel(c.Code, c.Name);
        countryId = c.Id;
        Round = await store.CurrentRoundAsync(tree.Id, ct);
        Indicators = (await store.IndicatorsAsync(tree.Id, ct)).Values.OrderBy(i => i.Code, CodeComparer.Instance).ToList();
        return null;
    }

    public (int First, int Last) Years => Round is { } r ? (r.FirstYear, Math.Min(r.LastYear, Year)) : (Year - 1, Year - 1);

    private async Task ReadStoredAsync(CancellationToken ct)
    {
        var (first, last) = Years;
        var values = await store.ValuesAsync(Agenda.Id, countryId, first, last, ct);
        var current = Indicators.Select(i => i.VersionId).ToHashSet();
        Stored = values.Where(v => current.Contains(v.VersionId)).ToDictionary(v => (v.IndicatorCode, v.Year, v.Breakdown));
    }

    /// <summary>The form's lines: every indicator, breakdown and year of the round, with what is stored.</summary>
    private void FillRows()
    {
        var (first, last) = Years;
        Rows = (from i in Indicators
                from b in Disaggregations.Breakdowns(i.Dimensions)
                from y in Enumerable.Range(first, last - first + 1)
                let s = Stored.GetValueOrDefault((i.Code, y, b))
                select new FormRow
                {
                    Indicator = i.Code, Year = y, Breakdown = b, Value = s is null ? null : ReportingTemplate.Number(s.Value), Source = s?.Source,
                    Notes = s?.Notes, Evidence = s?.Evidence,
                }).ToList();
    }

    public async Task<IActionResult> OnGetAsync(string key, string country, CancellationToken ct)
    {
        if (await LoadAsync(key, country, ct) is { } refused) return refused;
        await ReadStoredAsync(ct);
        FillRows();
        return Page();
    }

    /// <summary>Saves the form's values as drafts, or saves and submits them.</summary>
    public async Task<IActionResult> OnPostSaveAsync(string key, string country, bool submit, CancellationToken ct)
    {
        if (await LoadAsync(key, country, ct) is { } refused) return refused;
        if (!CanReport) return StatusCode(StatusCodes.Status403Forbidden);
        await ReadStoredAsync(ct);
        var byCode = Indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var stored = await store.StoredAsync(Indicators.Select(i => i.VersionId), countryId, ct);
        // Rows the page shows as locked are not posted as inputs; the check still refuses any that come.
        // Model binding posts an empty breakdown (the total) and other empty fields back as null.
        var rows = Rows.Select((r, n) => new ReportedRow(n + 1, r.Indicator, null, r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Disaggregations.Read(r.Breakdown ?? "").ToDictionary(p => p.Key, p => (string?)p.Value), Blank(r.Value), Blank(r.Source), Blank(r.Notes), Blank(r.Evidence)));
        var check = ReportingCheck.Check(byCode, stored, Country.Code, rows, Year);
        if (check.Problems.Count > 0)
        {
            foreach (var p in check.Problems)
            {
                var field = p.Column switch
                {
                    ReportingCheck.SourceColumn => "Source", ReportingCheck.NotesColumn => "Notes", ReportingCheck.EvidenceColumn => "Evidence", _ => "Value",
                };
                ModelState.AddMessage($"Rows[{p.Row - 1}].{field}", p.Message);
            }
            ModelState.AddMessage(Forms.FormKey, new ValidationMessage("Nothing was saved: {0} problems to fix, shown by their fields.", check.Problems.Count));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (!await store.SaveAsync(countryId, Round?.Id, check.Values, user.PersonId, submit, ct))
        {
            ModelState.AddMessage(Forms.FormKey, ReportingStore.Conflict);
            await ReadStoredAsync(ct);
            FillRows();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        var sent = submit ? await store.SubmitDraftsAsync(Agenda.Id, countryId, user.PersonId, ct) : 0;
        TempData.Notice(submit ? "{0} values saved; {1} sent to the secretariat for approval." : "{0} values saved as drafts.", check.Values.Count, sent);
        return Redirect($"/agendas/{Agenda.Slug}/reporting/{Country.Code.ToLowerInvariant()}");
    }

    /// <summary>The template filled in a spreadsheet: checked whole, then saved as drafts, or refused whole with every problem.</summary>
    public async Task<IActionResult> OnPostUploadAsync(string key, string country, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(key, country, ct) is { } refused) return refused;
        if (!CanReport) return StatusCode(StatusCodes.Status403Forbidden);
        await ReadStoredAsync(ct);
        FillRows();
        if (file is null || file.Length == 0)
        {
            ModelState.AddMessage("file", "Choose the filled template (XLSX or CSV).");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (file.Length > ReportingTemplate.MaxUpload)
        {
            ModelState.AddMessage("file", new ValidationMessage("The file is larger than {0} MB.", ReportingTemplate.MaxUpload / 1024 / 1024));
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Page();
        }
        UploadedName = Path.GetFileName(file.FileName);
        await using var stream = file.OpenReadStream();
        var read = ReportingTemplate.Read(stream, await store.IndicatorsAsync(Agenda.Id, ct), await store.StoredAsync(Indicators.Select(i => i.VersionId), countryId, ct),
            Country.Code, Year);
        if (read.Problem is { } problem)
        {
            ModelState.AddMessage("file", problem);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (read.Check!.Problems.Count > 0)
        {
            FileProblems = read.Check.Problems;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (!await store.SaveAsync(countryId, Round?.Id, read.Check.Values, user.PersonId, submit: false, ct))
        {
            ModelState.AddMessage("file", ReportingStore.Conflict);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData.Notice("The file was read: {0} values saved as drafts, {1} unchanged. Check them and send them for approval.", read.Check.Values.Count, read.Check.Unchanged);
        return Redirect($"/agendas/{Agenda.Slug}/reporting/{Country.Code.ToLowerInvariant()}");
    }

    public async Task<IActionResult> OnPostSubmitAsync(string key, string country, CancellationToken ct)
    {
        if (await LoadAsync(key, country, ct) is { } refused) return refused;
        if (!CanReport) return StatusCode(StatusCodes.Status403Forbidden);
        var sent = await store.SubmitDraftsAsync(Agenda.Id, countryId, user.PersonId, ct);
        TempData.Notice("{0} values sent to the secretariat for approval.", sent);
        return Redirect($"/agendas/{Agenda.Slug}/reporting/{Country.Code.ToLowerInvariant()}");
    }

    /// <summary>The secretariat approves, returns or unlocks one value.</summary>
    public async Task<IActionResult> OnPostReviewAsync(string key, string country, int valueId, int version, ReviewAction action, string? reason, CancellationToken ct)
    {
        if (await LoadAsync(key, country, ct) is { } refused) return refused;
        if (!CanReview) return StatusCode(StatusCodes.Status403Forbidden);
        // The value must be this country's, of this agenda.
        var belongs = await db.IndicatorValues.AnyAsync(v => v.Id == valueId && v.CountryId == countryId && v.IndicatorVersion!.Indicator!.AgendaId == Agenda.Id, ct);
        if (!belongs) return NotFound();
        var refusal = await store.ReviewAsync(valueId, version, action, reason, user.PersonId, ct);
        if (refusal is not null)
        {
            await ReadStoredAsync(ct);
            FillRows();
            ModelState.AddMessage($"review-{valueId}", refusal);
            ModelState.AddMessage(Forms.FormKey, refusal);
            Response.StatusCode = refusal == ReportingStore.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        TempData.Notice(action switch
        {
            ReviewAction.Approve => "The value was approved.",
            ReviewAction.Return => "The value was returned to the country with the reason.",
            _ => "The value was unlocked and returned to the country.",
        });
        return Redirect($"/agendas/{Agenda.Slug}/reporting/{Country.Code.ToLowerInvariant()}#review");
    }

    public async Task<IActionResult> OnPostApproveAllAsync(string key, string country, CancellationToken ct)
    {
        if (await LoadAsync(key, country, ct) is { } refused) return refused;
        if (!CanReview) return StatusCode(StatusCodes.Status403Forbidden);
        var approved = await store.ApproveSubmittedAsync(Agenda.Id, countryId, user.PersonId, ct);
        TempData.Notice("{0} values approved.", approved);
        return Redirect($"/agendas/{Agenda.Slug}/reporting/{Country.Code.ToLowerInvariant()}#review");
    }

    /// <summary>
    /// A file attached to one of the country's values as its evidence (checked as the documents' files are), or the
    /// value's evidence file removed when <paramref name="remove"/> is set.
    /// </summary>
    /// <param name="key">The agenda.</param>
    /// <param name="country">The country's code.</param>
    /// <param name="value">The value and the version the person saw, as "id.version" (the form's choice carries both).</param>
    /// <param name="remove">Removes the value's evidence file instead.</param>
    /// <param name="evidence">The file.</param>
    /// <param name="ct">Cancels the request.</param>
    public async Task<IActionResult> OnPostEvidenceAsync(string key, string country, string? value, bool remove, IFormFile? evidence, CancellationToken ct)
    {
        if (await LoadAsync(key, country, ct) is { } refused) return refused;
        if (!CanReport) return StatusCode(StatusCodes.Status403Forbidden);
        var parts = (value ?? "").Split('.');
        if (parts.Length != 2 || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var valueId)
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            await ReadStoredAsync(ct);
            FillRows();
            ModelState.AddMessage("evidence-value", "Choose the value the file is evidence of.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        string? refusal;
        if (remove)
        {
            refusal = await store.SetEvidenceAsync(Agenda.Id, countryId, valueId, version, null, files, user.PersonId, ct);
        }
        else
        {
            ReceivedFile? received = null;
            UploadRefusal? bad = evidence is null ? DocumentUploads.NoFile : null;
            if (evidence is not null)
            {
                await using var stream = evidence.OpenReadStream();
                (received, bad) = await uploads.ReceiveAsync(stream, evidence.FileName, evidence.Length, ct);
            }
            if (bad is not null)
            {
                await ReadStoredAsync(ct);
                FillRows();
                ModelState.AddMessage("evidence", bad.Message, bad.Arguments);
                Response.StatusCode = bad.Problem switch
                {
                    UploadProblem.TooLarge => StatusCodes.Status413PayloadTooLarge,
                    UploadProblem.UnknownType or UploadProblem.LegacyOffice or UploadProblem.Macros or UploadProblem.ExtensionMismatch => StatusCodes.Status415UnsupportedMediaType,
                    _ => StatusCodes.Status422UnprocessableEntity,
                };
                return Page();
            }
            await using (received)
            {
                refusal = await store.SetEvidenceAsync(Agenda.Id, countryId, valueId, version, received, files, user.PersonId, ct);
            }
        }
        if (refusal == ReportingStore.NotFound) return NotFound();
        if (refusal is not null)
        {
            await ReadStoredAsync(ct);
            FillRows();
            ModelState.AddMessage("evidence", refusal);
            Response.StatusCode = refusal == ReportingStore.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        TempData.Notice(remove ? "The evidence file was removed." : "The file was attached as the value's evidence.");
        return Redirect($"/agendas/{Agenda.Slug}/reporting/{Country.Code.ToLowerInvariant()}#evidence");
    }

    /// <summary>An evidence file of the country, for its focal points and the secretariat only.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(string key, string country, int file, CancellationToken ct)
    {
        if (await LoadAsync(key, country, ct) is { } refused) return refused;
        var found = await store.EvidenceFileAsync(Agenda.Id, countryId, file, ct);
        var stream = found is null ? null : files.OpenRead(found.ContentHash);
        if (found is null || stream is null) return NotFound();
        StoredFiles.Protect(Response, isPublic: false);
        return File(stream, found.MediaType, FileNames.DownloadName(found.FileName, found.Extension));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
