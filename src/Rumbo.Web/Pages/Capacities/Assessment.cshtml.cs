using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Capacities;
using Rumbo.Core.Data;
using Rumbo.Core.People;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Capacities;

/// <summary>
/// A country's diagnosis in a round. The country's focal points answer it a question at a time (a level, a comment,
/// evidence), save and come back, and send it; the secretariat comments per question and overall, and returns it with a
/// reason or closes it. The public sees a closed one as far as the country made it public; anyone else gets 404.
/// </summary>
/// <remarks>Safe under the output cache, which never stores or serves a signed-in request.</remarks>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class AssessmentModel(RumboDbContext db, AgendaReader agendas, CapacityReader reader, CapacityStore store, CurrentUser currentUser) : PageModel
{
    public sealed class AnswerRow
    {
        public int Question { get; set; }
        public string? Level { get; set; }
        public string? Comment { get; set; }
        public string? Evidence { get; set; }
        public string? Review { get; set; }
    }

    public AgendaTree Agenda { get; private set; } = null!;
    public CountryLabel Country { get; private set; } = null!;
    public AssessmentDetail Detail { get; private set; } = null!;
    public AssessmentAccess Access { get; private set; }
    public bool CanAnswer { get; private set; }
    public bool CanReview { get; private set; }
    public bool Conflict { get; private set; }
    public ValidationMessage? Refusal { get; private set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<AnswerRow> Answers { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }

    /// <summary>The answers as typed, kept when the save is refused, by question.</summary>
    public IReadOnlyDictionary<int, AnswerRow> Typed { get; private set; } = new Dictionary<int, AnswerRow>();

    public async Task<IActionResult> OnGetAsync(string key, string country, int round, CancellationToken ct)
    {
        if (await LoadAsync(key, country, round, ct) is { } refused) return refused;
        Version = Detail.Item.Version;
        return Page();
    }

    /// <summary>Saves the answers as they are (the country comes back later), or saves and sends them to the secretariat.</summary>
    public async Task<IActionResult> OnPostSaveAsync(string key, string country, int round, bool submit, CancellationToken ct)
    {
        if (await LoadAsync(key, country, round, ct) is { } refused) return refused;
        if (!CanAnswer) return StatusCode(StatusCodes.Status403Forbidden);
        var user = await currentUser.GetAsync(User, ct);
        var a = (await store.LoadAssessmentAsync(Detail.Item.Id, ct))!;
        var questions = await store.QuestionsAsync(a.Round!.InstrumentId, ct);
        Typed = Answers.GroupBy(x => x.Question).ToDictionary(g => g.Key, g => g.Last());
        if (!a.IsAnswerable) return Refuse("The diagnosis is with the secretariat or closed: its answers no longer change.");
        for (var i = 0; i < Answers.Count; i++)
        {
            var row = Answers[i];
            if (!questions.TryGetValue(row.Question, out var q))
            {
                ModelState.AddMessage(Forms.FormKey, "An answer was sent for a question that is not in this diagnosis.");
                continue;
            }
            int? level = null;
            if (!string.IsNullOrWhiteSpace(row.Level))
            {
                if (int.TryParse(row.Level, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var l)) level = l;
                else { ModelState.AddMessage($"Answers[{i}].Level", "Choose a level of the question's scale."); continue; }
            }
            if (row.Evidence is { } url && !string.IsNullOrWhiteSpace(url)
                && (url.Trim().Length > CapacityAnswer.MaxUrl || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
            {
                ModelState.AddMessage($"Answers[{i}].Evidence", "Give a web address starting with https:// or http://.");
                continue;
            }
            if (a.Answer(q, level, row.Comment, row.Evidence, user.PersonId, store.Now) is { } problem)
                ModelState.AddMessage(problem.StartsWith("The comment", StringComparison.Ordinal) ? $"Answers[{i}].Comment" : $"Answers[{i}].Level", problem);
        }
        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            ModelState.AddMessage(Forms.FormKey, "Nothing was saved: fix the answers marked below.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (submit && a.Submit(user.PersonId, store.Now) is { } refusal) return Refuse(refusal);
        if (a.Version != Version || !await db.SaveIfVersionAsync(a, x => x.Version, Version, ct)) return await ConflictAsync(key, country, round, ct);
        TempData.Notice(submit ? "Saved and sent to the secretariat." : "Saved. You can come back to it later.");
        return Redirect(Self);
    }

    /// <summary>The secretariat's review: comments per answer and overall, then return (with a reason) or close.</summary>
    public async Task<IActionResult> OnPostReviewAsync(string key, string country, int round, string? action, CancellationToken ct)
    {
        if (await LoadAsync(key, country, round, ct) is { } refused) return refused;
        if (!CanReview) return StatusCode(StatusCodes.Status403Forbidden);
        var user = await currentUser.GetAsync(User, ct);
        var a = (await store.LoadAssessmentAsync(Detail.Item.Id, ct))!;
        var questions = await store.QuestionsAsync(a.Round!.InstrumentId, ct);
        foreach (var (row, i) in Answers.Select((r, i) => (r, i)))
        {
            if (!questions.ContainsKey(row.Question)) continue;
            if (a.CommentOn(row.Question, row.Review) is { } problem)
            {
                if (problem.StartsWith("The comment", StringComparison.Ordinal)) ModelState.AddMessage($"Answers[{i}].Review", problem);
                else return Refuse(problem);
            }
        }
        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var refusal = action switch
        {
            "close" => a.Close(user.PersonId, store.Now, Comment),
            "return" => a.Return(user.PersonId, store.Now, Comment),
            "comment" => null,
            _ => "Choose to close the diagnosis or to return it.",
        };
        if (refusal == "Say what the country should change." || refusal == "The comment is longer than 2000 characters.")
        {
            db.ChangeTracker.Clear();
            ModelState.AddMessage(nameof(Comment), refusal);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (refusal is not null) return Refuse(refusal);
        if (a.Version != Version || !await db.SaveIfVersionAsync(a, x => x.Version, Version, ct)) return await ConflictAsync(key, country, round, ct);
        TempData.Notice(action switch { "close" => "The diagnosis was closed.", "return" => "Returned to the country.", _ => "Saved." });
        return Redirect(Self);
    }

    private string Self => $"/agendas/{Agenda.Slug}/capacities/{Country.Code.ToLowerInvariant()}/{Detail.Item.Round.Id}";

    private IActionResult Refuse(string refusal)
    {
        db.ChangeTracker.Clear();
        Refusal = new ValidationMessage(refusal);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<IActionResult> ConflictAsync(string key, string country, int round, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        Conflict = true;
        await LoadAsync(key, country, round, ct);
        Version = Detail.Item.Version;
        ModelState.Remove(nameof(Version));
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string key, string country, int round, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(User, ct);
        var tree = await agendas.GetTreeAsync(key, ct);
        if (tree is null) return NotFound();
        var code = country.Trim().ToUpperInvariant();
        var id = await db.CapacityAssessments.AsNoTracking().Where(x => x.RoundId == round && x.Round!.AgendaId == tree.Id && x.Country!.Code == code)
            .Select(x => (int?)x.Id).SingleOrDefaultAsync(ct);
        var detail = id is int found ? await reader.GetAsync(found, ct) : null;
        Access = detail is null ? AssessmentAccess.None : user.CapacityAccess(tree.Id, detail.Item.CountryId, detail.Item.Status, detail.Item.Publicity);
        if (Access == AssessmentAccess.None) return user.IsSignedIn ? NotFound() : Challenge();
        Agenda = tree;
        Detail = detail!;
        Country = detail!.Item.Country;
        CanAnswer = user.CanAnswerCapacities(tree.Id, detail.Item.CountryId);
        CanReview = user.CanReviewCapacities();
        return null;
    }
}
