using Rumbo.Core.Accounts;
using Rumbo.Core.Translations;

namespace Rumbo.Web.Pages.Translations;

/// <summary><c>/groups/{slug}/translations</c>: the group's coordinators' and the secretariat's.</summary>
public sealed class GroupModel(TranslationReader reader, TranslationImport import, CurrentUser currentUser)
    : TranslationsPage(reader, import, currentUser)
{
    private readonly TranslationReader texts = reader;

    protected override Task<TranslationSet?> ReadSetAsync(string key, CancellationToken ct) => texts.GroupAsync(key, ct);
}
