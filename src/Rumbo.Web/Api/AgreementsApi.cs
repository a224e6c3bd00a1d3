namespace Rumbo.Web.Api;

public static class AgreementsApi
{
    public static IEndpointRouteBuilder MapAgreementsApi(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
