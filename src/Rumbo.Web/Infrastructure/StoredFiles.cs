namespace Rumbo.Web.Infrastructure;

/// <summary>
/// The headers of every download of a file someone uploaded (a document's version, a value's evidence): the browser
/// must not guess another type, and even opened in place the file runs nothing and loads nothing. A file anyone may
/// read is cached for a few minutes; any other is never kept.
/// </summary>
public static class StoredFiles
{
    public static void Protect(HttpResponse response, bool isPublic)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.CacheControl = isPublic ? "public, max-age=300" : "private, no-store";
    }
}
