using Rumbo.Core.Translations;

namespace Rumbo.Core.Accounts;

public static partial class Permissions
{
    /// <summary>An agenda's translations (status, export, import) are the technical secretariat's (docs/permissions.md).</summary>
    public static bool CanTranslateAgenda(this CurrentUser.Snapshot u) => u.IsSecretariatAdmin;

    /// <summary>A group's translations are its coordinators' and the secretariat's, as its other texts are.</summary>
    public static bool CanTranslateGroup(this CurrentUser.Snapshot u, int groupId) => u.IsSecretariatAdmin || u.CoordinatedGroups.Contains(groupId);

    /// <summary>Whether the user may see, export and import the set's translations.</summary>
    public static bool CanTranslate(this CurrentUser.Snapshot u, TranslationSet set) =>
        set.Kind == TranslationSetKind.Agenda ? u.CanTranslateAgenda() : u.CanTranslateGroup(set.Id);
}
