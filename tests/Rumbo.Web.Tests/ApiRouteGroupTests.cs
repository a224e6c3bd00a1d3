using System.Net;
using System.Text.Json;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests;

/// <summary>
/// What the /api/v1 route group sets once for every endpoint: a signed-in caller's answer is never stored by a cache,
/// an anonymous one may be, and errors are problem details.
/// </summary>
public abstract class ApiRouteGroupTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { HandleCookies = false });

    public static TheoryData<string> Reads => new() { "/api/v1/agendas", "/api/v1/groups", "/api/v1/countries", "/api/v1/meetings", "/api/v1/plans", "/api/v1/documents", "/api/v1/agreements" };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_signed_in_answer_is_private_and_not_stored_an_anonymous_one_is_not(string url)
    {
        await GroupScenario.SharedAsync(app.Database);
        var cookie = await SignedIn.CookieAsync(app);

        var member = await client.GetAsync(url, cookie);
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.True(member.Headers.CacheControl is { Private: true, NoStore: true }, $"{url}: {member.Headers.CacheControl}");

        var anonymous = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.False(anonymous.Headers.CacheControl?.NoStore ?? false, $"{url}: {anonymous.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("/api/v1/agendas/no-such-agenda", 404)]
    [InlineData("/api/v1/groups/no-such-group", 404)]
    [InlineData("/api/v1/meetings?kind=picnic", 400)]
    [InlineData("/api/v1/agreements/abc", 400)]
    [InlineData("/api/v1/plans?status=dreaming", 400)]
    [InlineData("/api/v1/no-such-endpoint", 404)]
    public async Task Errors_are_problem_details_and_a_signed_in_one_is_not_stored_either(string url, int status)
    {
        await GroupScenario.SharedAsync(app.Database);
        var cookie = await SignedIn.CookieAsync(app);
        foreach (var response in new[] { await client.GetAsync(url), await client.GetAsync(url, cookie) })
        {
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(status, problem.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        }
        var signedIn = await client.GetAsync(url, cookie);
        // An unknown path matches no endpoint of the group, so only the endpoints' errors carry the group's header.
        if (!url.Contains("no-such-endpoint", StringComparison.Ordinal)) Assert.True(signedIn.Headers.CacheControl is { Private: true, NoStore: true }, url);
    }
}

public sealed class SqliteApiRouteGroupTests(SqliteApp app) : ApiRouteGroupTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresApiRouteGroupTests(PostgresApp app) : ApiRouteGroupTests(app), IClassFixture<PostgresApp>;
