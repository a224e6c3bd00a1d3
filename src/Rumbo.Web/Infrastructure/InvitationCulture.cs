using Microsoft.AspNetCore.Localization;
using Rumbo.Core.Accounts;
using Rumbo.Core.Localization;

namespace Rumbo.Web.Infrastructure;

/// <summary>
/// The invitation's page is read in the language the invitation was written in, when the reader has not chosen one (no
/// <c>?culture=</c>, no language cookie): the mail came in Portuguese, so the page its link opens is Portuguese, whatever
/// the browser asks for. It sits after the query string and the cookie and before the browser's languages.
/// </summary>
public sealed class InvitationCultureProvider : RequestCultureProvider
{
    private const string Prefix = "/account/invitation/";

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        // Localization runs before routing: the page's route is matched by hand, on its one segment.
        var path = httpContext.Request.Path.Value;
        if (path is null || !path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var token = path[Prefix.Length..].TrimEnd('/');
        if (token.Length == 0 || token.Contains('/')) return null;
        var invitations = httpContext.RequestServices.GetRequiredService<Invitations>();
        var language = await invitations.LanguageAsync(token, httpContext.RequestAborted);
        return InterfaceLanguages.IsSupported(language) ? new ProviderCultureResult(language) : null;
    }
}
