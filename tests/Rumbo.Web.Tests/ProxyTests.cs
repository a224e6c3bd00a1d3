using Microsoft.AspNetCore.Hosting;
using Rumbo.Core.Data;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests;

public sealed class BehindProxyApp() : RumboApp(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Rumbo:BehindProxy", "true");
    }
}

/// <summary>Behind a TLS-terminating load balancer, cookies must still be marked secure.</summary>
public sealed class ProxyTests(BehindProxyApp proxied, SqliteApp direct) : IClassFixture<BehindProxyApp>, IClassFixture<SqliteApp>
{
    private static async Task<string> CultureCookie(RumboApp app)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost/culture?lang=es");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);
        return response.Headers.GetValues("Set-Cookie").Single();
    }

    [Fact]
    public async Task Forwarded_https_is_honoured_only_when_configured()
    {
        Assert.Contains("secure", await CultureCookie(proxied), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", await CultureCookie(direct), StringComparison.OrdinalIgnoreCase);
    }
}
