namespace Rumbo.Web.Api;

/// <summary>The iCalendar feeds: per group, per person (secret link) and of all public events.</summary>
public static class CalendarFeeds
{
    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
