using Microsoft.Extensions.DependencyInjection;

namespace Rumbo.Core.Indicators;

public static class IndicatorsServices
{
    public static IServiceCollection AddRumboIndicators(this IServiceCollection services)
    {
        services.AddScoped<IndicatorReader>();
        services.AddScoped<ReportingStore>();
        services.AddScoped<OpenData>();
        services.AddScoped<IndicatorStore>();
        services.AddScoped<IndicatorBulkImport>();
        return services;
    }
}
