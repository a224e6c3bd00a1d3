using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Data;
using Rumbo.TestSupport;

namespace Rumbo.Browser.Tests;

/// <summary>
/// Rumbo in-process as <see cref="RumboApp"/> starts it, but served by Kestrel on a free loopback port instead of
/// the in-memory test server, so that a real browser can load its pages, styles and scripts.
/// </summary>
public sealed class ServedRumboApp : RumboApp
{
    private readonly int port;

    public ServedRumboApp(DatabaseProvider provider) : base(provider)
    {
        // Loopback only, on a port the operating system picked just now: the mailed links name it, so it is known before
        // the site starts.
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    protected override string SiteUrl => $"http://127.0.0.1:{port}";

    /// <summary>Builds and starts the host (the database must exist already) and answers the address it listens on.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = new Uri(Assert.Single(addresses));
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(address.Host)), $"Rumbo listens on {address}, not on loopback.");
        Assert.NotEqual(0, address.Port);
        return address;
    }
}
