using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests;

/// <summary>Time comes from the injected TimeProvider: a site given a fixed clock answers with that time.</summary>
public abstract class InjectedClockTests(RumboApp app)
{
    private static readonly DateTimeOffset Fixed = new(2025, 6, 1, 5, 6, 7, TimeSpan.Zero);

    private HttpClient Client() => app
        .WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(new FixedClock(Fixed))))
        .CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task The_language_cookie_lasts_a_year_from_the_clocks_now()
    {
        var response = await Client().GetAsync("/culture?lang=es&returnUrl=/");
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("expires=Mon, 01 Jun 2026 05:06:07 GMT", cookie, StringComparison.OrdinalIgnoreCase);
    }

    // The clock also places the feed's window (six months back), so it is set where the demo meetings are.
    [Fact]
    public async Task A_calendar_feed_is_stamped_with_the_clocks_now()
    {
        var text = await Client().GetStringAsync("/calendar.ics");
        Assert.Contains("DTSTAMP:20250601T050607Z", text);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class SqliteInjectedClockTests(SqliteApp app) : InjectedClockTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresInjectedClockTests(PostgresApp app) : InjectedClockTests(app), IClassFixture<PostgresApp>;
