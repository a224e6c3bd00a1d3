namespace Rumbo.Web.Infrastructure;

/// <summary>
/// Headers every response carries. The content security policy allows no inline script, so every script
/// the pages use lives in wwwroot; the API explorer, a third-party page, is the one exception.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (!context.Request.Path.StartsWithSegments("/api/explorer"))
        {
            headers.ContentSecurityPolicy = Policy;
        }
        return next(context);
    }
}
