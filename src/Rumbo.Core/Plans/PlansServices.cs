using Microsoft.Extensions.DependencyInjection;

namespace Rumbo.Core.Plans;

public static class PlansServices
{
    public static IServiceCollection AddRumboPlans(this IServiceCollection services)
    {
        services.AddScoped<PlanReader>();
        return services;
    }
}
