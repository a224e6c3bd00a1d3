using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rumbo.Core.Accounts;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Layout;

/// <summary>
/// Every signed-in page carries the sign-out form, so antiforgery marks it not to be cached; a page that had set its own
/// Cache-Control without <c>no-cache</c> made antiforgery warn in the log on every request.
/// </summary>
public abstract class AntiforgeryLogTests(RumboApp app)
{
    private sealed class Collector : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() { }

        private sealed class Logger(Collector owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) owner.Messages.Enqueue($"{category}: {formatter(state, exception)}");
            }
        }
    }

    [Fact]
    public async Task Signed_in_pages_with_forms_log_no_antiforgery_cache_warning()
    {
        var collector = new Collector();
        using var logged = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(collector)));
        var client = logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var secretariat = await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        var member = await SignedIn.CookieAsync(app);
        foreach (var (url, cookie) in new[] { ("/workspace", member), ("/documents", member), ("/admin/audit", secretariat), ("/groups", member), ("/admin/invitations", secretariat) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", cookie);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("name=\"__RequestVerificationToken\"", await response.Content.ReadAsStringAsync());
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        }
        Assert.DoesNotContain(collector.Messages, m => m.Contains("Antiforgery", StringComparison.Ordinal) || m.Contains("have been overridden", StringComparison.Ordinal));
    }
}

public sealed class SqliteAntiforgeryLogTests(SqliteApp app) : AntiforgeryLogTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAntiforgeryLogTests(PostgresApp app) : AntiforgeryLogTests(app), IClassFixture<PostgresApp>;
