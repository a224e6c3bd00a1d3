using Microsoft.Extensions.DependencyInjection;

namespace Rumbo.Core.Meetings;

public static class MeetingsServices
{
    public static IServiceCollection AddRumboMeetings(this IServiceCollection services)
    {
        services.AddScoped<MeetingReader>();
        return services;
    }
}
