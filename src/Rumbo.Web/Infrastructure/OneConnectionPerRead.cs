using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Data;

namespace Rumbo.Web.Infrastructure;

/// <summary>
/// Opens the request's database connection once for a page or API read, so that its queries share it. Left to itself
/// EF Core opens and closes the connection around every query; a group's page runs some twenty queries, and on SQLite
/// each open and close takes the provider's pool lock (threads queued on it under load) and registers the provider's
/// functions again. The context closes the connection when the request's scope ends. Writes keep EF Core's own
/// handling; cached answers and static files never get here or never open one.
/// </summary>
public sealed class OneConnectionPerRead(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && context.GetEndpoint() is { } endpoint
            && (endpoint.Metadata.GetMetadata<ActionDescriptor>() is not null || context.Request.Path.StartsWithSegments("/api/v1")))
        {
            var db = context.RequestServices.GetRequiredService<RumboDbContext>();
            await db.Database.OpenConnectionAsync(context.RequestAborted);
        }
        await next(context);
    }
}
