namespace Rumbo.Web.Api;

public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
