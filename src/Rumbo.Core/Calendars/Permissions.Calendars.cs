namespace Rumbo.Core.Accounts;

public static partial class Permissions
{
    /// <summary>Anyone signed in may keep a secret calendar link of their own.</summary>
    public static bool CanKeepCalendarLink(this CurrentUser.Snapshot u) => u.IsSignedIn;
}
