using Microsoft.Extensions.DependencyInjection;

namespace Rumbo.Core.RoadMaps;

public static class RoadMapsServices
{
    public static IServiceCollection AddRumboRoadMaps(this IServiceCollection services)
    {
        services.AddScoped<RoadMapReader>();
        services.AddScoped<RoadMapStore>();
        return services;
    }
}
