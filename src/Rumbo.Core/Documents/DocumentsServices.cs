using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rumbo.Core.Data;

namespace Rumbo.Core.Documents;

public static class DocumentsServices
{
    public static IServiceCollection AddRumboDocuments(this IServiceCollection services)
    {
        services.AddSingleton(sp => DocumentsOptions.From(sp.GetService<IConfiguration>()));
        services.AddSingleton<IFileStore>(sp =>
        {
            var options = sp.GetRequiredService<DocumentsOptions>();
            var rumbo = sp.GetService<IConfiguration>()?.GetSection(RumboOptions.Section).Get<RumboOptions>() ?? new RumboOptions();
            // The data directory as RumboDatabase.Resolve finds it: relative to the content root.
            var contentRoot = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
            var data = Path.GetFullPath(Path.Combine(contentRoot, rumbo.DataDirectory));
            return new FileSystemFileStore(Path.Combine(data, options.StoragePath));
        });
        services.AddSingleton<DocumentTextExtractor>();
        services.AddSingleton<DocumentUploads>();
        services.AddScoped<DocumentStore>();
        services.AddScoped<DocumentReader>();

        // The pages that take a file accept a request as large as the configured limit (and no larger) from the first
        // middleware on, before antiforgery or model binding read the body: neither Kestrel's default (about 28 MB) nor
        // any larger one set for the whole server decides for them.
        services.AddSingleton<IStartupFilter, DocumentUploadLimits>();
        return services;
    }

}

/// <summary>Sets the request-size limit of the pages that receive document files, from the documents' settings.</summary>
public sealed class DocumentUploadLimits(DocumentsOptions options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            Apply(context, options);
            return following(context);
        });
        next(app);
    };

    /// <summary>
    /// Whether the request posts a file to a page that takes one: /groups/{slug}/documents, /documents/{id}/edit, or a
    /// value's evidence at /agendas/{key}/reporting/{country}/evidence.
    /// </summary>
    public static bool IsUpload(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method)) return false;
        var parts = (request.Path.Value ?? "").Trim('/').Split('/');
        return parts is ["groups", _, "documents"] || (parts is ["documents", var id, "edit"] && int.TryParse(id, out _))
            || parts is ["agendas", _, "reporting", _, "evidence"];
    }

    public static void Apply(HttpContext context, DocumentsOptions options)
    {
        if (!IsUpload(context.Request)) return;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = options.MaxRequestBytes;
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = options.MaxRequestBytes }));
    }
}
