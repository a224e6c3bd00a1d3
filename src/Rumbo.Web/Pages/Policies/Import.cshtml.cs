using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Policies;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Policies;

/// <summary>
/// A country's policies from a spreadsheet (<c>?agenda=slug&amp;country=CL</c>): the template to fill, and the upload,
/// checked whole: a file with any problem stores nothing and lists every problem by row and column.
/// </summary>
public sealed class ImportModel(RumboDbContext db, PolicyImport import, CurrentUser currentUser) : PageModel
{
    public const long MaxUpload = 10 * 1024 * 1024;

    [FromQuery(Name = "agenda")] public string? AgendaKey { get; set; }
    [FromQuery(Name = "country")] public string? CountryKey { get; set; }

    public string AgendaSlug { get; private set; } = "";
    public string AgendaSymbol { get; private set; } = "";
    public string CountryCode { get; private set; } = "";
    public LocalizedString CountryName { get; private set; } = new("", null, null, null, null, null);
    public IReadOnlyList<PolicyImportProblem> Problems { get; private set; } = [];
    public string? UploadedName { get; private set; }

    private int agendaId;
    private int countryId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await RefuseUnlessAllowedAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (await RefuseUnlessAllowedAsync(ct) is { } refused) return refused;
        var user = await currentUser.GetAsync(User, ct);
        if (file is null || file.Length == 0)
        {
            ModelState.AddMessage("file", "Choose the filled template (XLSX or CSV).");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (file.Length > MaxUpload)
        {
            ModelState.AddMessage("file", new ValidationMessage("The file is larger than {0} MB.", MaxUpload / 1024 / 1024));
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Page();
        }
        UploadedName = Path.GetFileName(file.FileName);
        await using var stream = file.OpenReadStream();
        var result = await import.ImportAsync(stream, agendaId, countryId, CountryCode, user.PersonId, byCountry: !user.IsSecretariatAdmin, ct);
        if (result.Conflict)
        {
            ModelState.AddMessage("file", PolicyStore.Conflict);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (!result.Stored)
        {
            Problems = result.Problems;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        TempData.Notice("The file was read: {0} policies added, {1} changed.", result.Added, result.Changed);
        return Redirect($"/policies?agenda={AgendaSlug}&country={CountryCode}");
    }

    private async Task<IActionResult?> RefuseUnlessAllowedAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        if (!user.IsSignedIn) return Challenge();
        var slug = AgendaKeys.Slugify(AgendaKey?.Trim() ?? "");
        var code = CountryKey?.Trim().ToUpperInvariant() ?? "";
        var agenda = await db.Agendas.AsNoTracking().Where(a => a.Slug == slug).Select(a => new { a.Id, a.Slug, a.Symbol }).SingleOrDefaultAsync(ct);
        var country = await db.Countries.AsNoTracking().Where(c => c.Code == code).Select(c => new { c.Id, c.Code, Name = c.Name.ToDocument() }).SingleOrDefaultAsync(ct);
        if (agenda is null || country is null) return NotFound();
        if (!user.CanEditPolicies(agenda.Id, country.Id)) return StatusCode(StatusCodes.Status403Forbidden);
        (agendaId, countryId, AgendaSlug, AgendaSymbol, CountryCode, CountryName) = (agenda.Id, country.Id, agenda.Slug, agenda.Symbol, country.Code, country.Name);
        return null;
    }
}
