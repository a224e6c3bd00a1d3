using Microsoft.Extensions.DependencyInjection;

namespace Rumbo.Core.Documents;

public static class DocumentsServices
{
    public static IServiceCollection AddRumboDocuments(this IServiceCollection services)
    {
        return services;
    }
}
