using Microsoft.Playwright;
using Rumbo.Core.Data;
using Rumbo.TestSupport;

namespace Rumbo.Browser.Tests;

/// <summary>
/// One Rumbo on a fresh database of the given provider, served on a loopback port, and one headless Chromium
/// shared by the tests of a class; each test opens its own browser context.
/// </summary>
public abstract class BrowserHost(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>Chromium to drive: RUMBO_CHROMIUM, else Debian's package.</summary>
    public const string ChromiumVariable = "RUMBO_CHROMIUM";
    public const string DefaultChromium = "/usr/bin/chromium";

    private readonly ServedRumboApp app = new(provider);
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The served Rumbo, for tests that reach its database, data directory or command line.</summary>
    public ServedRumboApp App => app;

    /// <summary>Where Rumbo listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The database Rumbo serves, for tests that write the records they look at.</summary>
    public TestDatabase Database => app.Database;

    /// <summary>The provider in lower case, for file names: sqlite or postgres.</summary>
    public string Name { get; } = provider.ToString().ToLowerInvariant();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)app).InitializeAsync();
        BaseAddress = app.Start();

        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (string.IsNullOrWhiteSpace(chromium))
        {
            chromium = DefaultChromium;
        }
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {chromium}. Install Debian's chromium package or set {ChromiumVariable}; ./test.sh does both.");
        }
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        await ((IAsyncLifetime)app).DisposeAsync();
    }
}

public sealed class SqliteBrowserHost() : BrowserHost(DatabaseProvider.Sqlite);

public sealed class PostgresBrowserHost() : BrowserHost(DatabaseProvider.Postgres);
