using Microsoft.Extensions.DependencyInjection;

namespace Rumbo.Core.Calendars;

public static class CalendarsServices
{
    public static IServiceCollection AddRumboCalendars(this IServiceCollection services)
    {
        return services;
    }
}
