using Microsoft.Extensions.DependencyInjection;

namespace Rumbo.Core.Policies;

public static class PoliciesServices
{
    public static IServiceCollection AddRumboPolicies(this IServiceCollection services)
    {
        services.AddScoped<PolicyReader>();
        services.AddScoped<PolicyStore>();
        services.AddScoped<PolicyImport>();
        services.AddScoped<PolicyOverlaps>();
        services.AddScoped<Suggestions.LineSuggestions>();
        return services;
    }
}
