using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Rumbo.Core.Data;

namespace Rumbo.Web.Infrastructure;

/// <summary>
/// Public pages and API reads are cached whole, per URL, interface language and content stamp: a change to
/// the content changes the stamp, so a stale copy is never served past the stamp's check interval. The default
/// rules still apply: only anonymous GET and HEAD requests answered 200 without cookies are cached.
/// </summary>
public static class ContentCache
{
    public const string Policy = "content";

    public static void Configure(OutputCachePolicyBuilder policy) => policy
        .Expire(TimeSpan.FromMinutes(10))
        .VaryByValue(context => new KeyValuePair<string, string>("lang", CultureInfo.CurrentUICulture.Name))
        .VaryByValue(async (context, ct) =>
            new KeyValuePair<string, string>("content", await context.RequestServices.GetRequiredService<ContentStamp>().GetAsync(ct)));
}
