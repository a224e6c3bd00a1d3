using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Rumbo.Web.Infrastructure;

/// <summary>
/// Reads a page's posted form before antiforgery and model binding do, so that a body that is not the form it says it
/// is (a multipart body cut in the middle, a broken boundary) answers 400 instead of failing inside them with a 500.
/// The form is read once: what binds it later gets the same one. The limits of the upload pages are set before this.
/// </summary>
public sealed class UnreadableForms(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (BadHttpRequestException e)
            {
                Refuse(context, e.StatusCode);
                return;
            }
            catch (Exception e) when (e is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
            {
                Refuse(context, StatusCodes.Status400BadRequest);
                return;
            }
        }
        await next(context);
    }

    /// <summary>The error page that says so is reached by the same request: it finds an empty form, not the broken one again.</summary>
    private static void Refuse(HttpContext context, int status)
    {
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.Response.StatusCode = status;
    }
}
