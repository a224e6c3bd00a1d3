using Microsoft.Extensions.DependencyInjection;

namespace Rumbo.Core.Calendars;

public static class CalendarsServices
{
    public static IServiceCollection AddRumboCalendars(this IServiceCollection services)
    {
        services.AddScoped<CalendarReader>();
        services.AddScoped<CalendarLinks>();
        services.AddScoped<IMeetingNotifier, MeetingMailNotifier>();
        return services;
    }
}
