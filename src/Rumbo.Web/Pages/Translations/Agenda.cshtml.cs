using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Translations;

namespace Rumbo.Web.Pages.Translations;

/// <summary><c>/agendas/{key}/translations</c>: the technical secretariat's.</summary>
public sealed class AgendaModel(AgendaReader agendas, TranslationReader reader, TranslationImport import, CurrentUser currentUser)
    : TranslationsPage(reader, import, currentUser)
{
    private readonly TranslationReader texts = reader;

    protected override async Task<TranslationSet?> ReadSetAsync(string key, CancellationToken ct) =>
        await agendas.ResolveAsync(key, ct) is { } r ? await texts.AgendaAsync(r.Id, ct) : null;
}
