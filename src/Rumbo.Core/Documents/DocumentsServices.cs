using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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

        // The pages that take a file accept a request as large as the configured limit (and no larger), before
        // antiforgery or model binding read the body; Kestrel's default (about 28 MB) would otherwise decide.
        services.AddOptions<RazorPagesOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            var limit = DocumentsOptions.From(sp.GetService<IConfiguration>()).MaxRequestBytes;
            foreach (var page in UploadPages)
            {
                o.Conventions.AddPageApplicationModelConvention(page, m =>
                {
                    m.EndpointMetadata.Add(new RequestSizeLimitAttribute(limit));
                    m.EndpointMetadata.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limit });
                });
            }
        });
        return services;
    }

    /// <summary>The Razor pages that receive document files.</summary>
    public static readonly IReadOnlyList<string> UploadPages = ["/Groups/Documents", "/Documents/Edit"];
}
