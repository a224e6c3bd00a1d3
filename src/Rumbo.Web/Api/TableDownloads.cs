using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Exports;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Api;

/// <summary>
/// The one way a table is downloaded as CSV or XLSX: the content types, the file name, and the group-scoped endpoint
/// that sits beside a group's list page (<c>/groups/{slug}/{name}.csv|xlsx</c>). A feature maps its download with
/// <see cref="MapGroupTable"/> and supplies only its header and rows.
/// </summary>
public static class TableDownloads
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The pattern of the format segment; a format outside it is not routed, so it answers 404.</summary>
    public const string FormatPattern = "{format:regex(^(csv|xlsx)$)}";

    /// <summary>The rows a reader may see of one group's table, in the order of the file.</summary>
    public delegate Task<IEnumerable<string?[]>> GroupRows(HttpContext http, int groupId, CurrentUser.Snapshot viewer, CancellationToken ct);

    /// <summary>A file of one sheet in the asked format ("csv" or "xlsx").</summary>
    public static IResult File(string format, string fileStem, string sheet, IReadOnlyList<string> header, IEnumerable<string?[]> rows) =>
        format == "csv"
            ? Results.File(TableExport.ToCsv(header, rows), CsvType, $"{fileStem}.csv")
            : Results.File(TableExport.ToXlsx(sheet, header, rows), XlsxType, $"{fileStem}.xlsx");

    /// <summary>
    /// <c>GET /groups/{slug}/{name}.csv|xlsx</c>: 404 for a group that does not exist, only what the reader may see
    /// (the rows decide), output-cached for the public and never stored by a browser or proxy for the signed-in.
    /// It is not part of the API and not in its description.
    /// </summary>
    public static RouteHandlerBuilder MapGroupTable(this IEndpointRouteBuilder app, string name, string sheet, IReadOnlyList<string> header, GroupRows rows) =>
        app.MapGet($"/groups/{{slug}}/{name}.{FormatPattern}", async Task<IResult> (
            string slug, string format, ClaimsPrincipal user, CurrentUser currentUser, RumboDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var groupId = await db.Groups.AsNoTracking().Where(g => g.Slug == slug).Select(g => (int?)g.Id).SingleOrDefaultAsync(ct);
            if (groupId is null) return Results.NotFound();
            var viewer = await currentUser.GetAsync(user, ct);
            if (viewer.IsSignedIn) http.Response.Headers.CacheControl = ApiRoutes.PrivateNoStore;
            return File(format, $"{slug}-{name}", sheet, header, await rows(http, groupId.Value, viewer, ct));
        })
        .CacheOutput(ContentCache.Policy)
        .ExcludeFromDescription();
}
