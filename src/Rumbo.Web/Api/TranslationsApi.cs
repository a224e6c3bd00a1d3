using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Exports;
using Rumbo.Core.Translations;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Api;

/// <summary>
/// The files of the translations' pages: an agenda's or a group's texts for one target language, as XLIFF 2.0 or as a table
/// (<c>/agendas/{key}/translations/{lang}.xlf|xlsx|csv</c>, <c>/groups/{slug}/translations/{lang}.xlf|xlsx|csv</c>), for those
/// who may translate them. Anonymous callers are sent to sign in, others get 403; the source's own language answers 400.
/// </summary>
public static class TranslationsApi
{
    private const string Pattern = "{lang:regex(^(en|es|pt|fr)$)}.{format:regex(^(xlf|xlsx|csv)$)}";

    public static IEndpointRouteBuilder MapTranslationExports(this IEndpointRouteBuilder app)
    {
        app.MapGet($"/agendas/{{key}}/translations/{Pattern}", async Task<IResult> (
            string key, string lang, string format, ClaimsPrincipal principal, CurrentUser currentUser, AgendaReader agendas, TranslationReader reader,
            IStringLocalizer<SharedResource> t, HttpContext http, CancellationToken ct) =>
        {
            var user = await currentUser.GetAsync(principal, ct);
            if (!user.IsSignedIn) return Results.Challenge();
            var resolved = await agendas.ResolveAsync(key, ct);
            var set = resolved is { } r ? await reader.AgendaAsync(r.Id, ct) : null;
            return await FileAsync(set, user, lang, format, reader, t, http, ct);
        })
        .ExcludeFromDescription();

        app.MapGet($"/groups/{{slug}}/translations/{Pattern}", async Task<IResult> (
            string slug, string lang, string format, ClaimsPrincipal principal, CurrentUser currentUser, TranslationReader reader,
            IStringLocalizer<SharedResource> t, HttpContext http, CancellationToken ct) =>
        {
            var user = await currentUser.GetAsync(principal, ct);
            if (!user.IsSignedIn) return Results.Challenge();
            return await FileAsync(await reader.GroupAsync(slug, ct), user, lang, format, reader, t, http, ct);
        })
        .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> FileAsync(TranslationSet? set, CurrentUser.Snapshot user, string lang, string format, TranslationReader reader,
        IStringLocalizer t, HttpContext http, CancellationToken ct)
    {
        if (set is null) return Results.NotFound();
        if (!user.CanTranslate(set)) return Results.StatusCode(StatusCodes.Status403Forbidden);
        http.Response.Headers.CacheControl = ApiRoutes.PrivateNoStore;
        if (!set.IsTarget(lang))
        {
            return Results.Text(t["The texts are written in {0}: choose another language to translate them into.", t[Ui.LanguageName(set.SourceLanguage)]].Value,
                "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
        var status = await reader.StatusAsync(set, ct);
        string Label(TranslationText x) => TranslationUi.Label(t, x);
        var stem = $"{set.Slug}-{lang}";
        if (format == "xlf")
        {
            var title = $"{set.Name} — {Ui.Plain(set.Title, set.SourceLanguage)}";
            return Results.File(Xliff.Write(status, lang, Label, title, TranslationUi.ReviewNote(t)), Xliff.MediaType, $"{stem}.xlf");
        }
        var header = TranslationSheet.Header(lang);
        var rows = TranslationSheet.Rows(status, lang, Label, s => TranslationUi.State(t, s)).ToList();
        return TableDownloads.File(format, stem, "Translations", header, rows);
    }
}
