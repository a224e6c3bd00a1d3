using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Accounts;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Meetings;

/// <summary>Opens forms as a given user and posts them back with that user's cookies and antiforgery token.</summary>
public sealed class MeetingClient(RumboApp app)
{
    public HttpClient Http { get; } = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    public sealed record Form(string Cookies, string Token, string? Version, IHtmlDocument Page);

    public async Task<Form> OpenAsync(string url, string cookie)
    {
        var response = await Http.GetAsync(url, cookie);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        var page = new HtmlParser().ParseDocument(body);
        var antiforgery = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = page.QuerySelector("input[name=Version]")?.GetAttribute("value");
        return new Form($"{cookie}; {antiforgery}", token, version, page);
    }

    public async Task<HttpResponseMessage> PostAsync(string url, Form form, params (string Name, string Value)[] fields)
    {
        var body = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", form.Token) };
        if (form.Version is not null && fields.All(f => f.Name != "Version")) body.Add(new("Version", form.Version));
        body.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(body) };
        request.Headers.Add("Cookie", form.Cookies);
        return await Http.SendAsync(request);
    }

    public async Task<IHtmlDocument> PageAsync(string url, string? cookie = null)
    {
        var response = cookie is null ? await Http.GetAsync(url) : await Http.GetAsync(url, cookie);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(body);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) => new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>An account for an existing person.</summary>
    public Task<string> CookieForAsync(int personId) => SignedIn.CookieAsync(app, personId: personId);

    /// <summary>An account for a new person, member (or coordinator) of the given group, or of none; with a country if given.</summary>
    public async Task<(string Cookie, int PersonId)> PersonAsync(string? groupSlug = null, GroupRole role = GroupRole.Member, string? countryCode = null)
    {
        await using var db = app.Database.CreateContext();
        var person = new Person { GivenName = "Test", FamilyName = $"Person {Guid.NewGuid():n}"[..20], IsExample = true };
        if (countryCode is not null) person.CountryId = db.Countries.Single(c => c.Code == countryCode).Id;
        db.People.Add(person);
        if (groupSlug is not null) db.GroupMembers.Add(new GroupMember { GroupId = db.Groups.Single(g => g.Slug == groupSlug).Id, Person = person, Role = role });
        await db.SaveChangesAsync();
        return (await SignedIn.CookieAsync(app, personId: person.Id), person.Id);
    }

    public Task<string> SecretariatAsync() => SignedIn.CookieAsync(app, Roles.SecretariatAdmin);

    /// <summary>A bearer token of a new account linked to the person.</summary>
    public async Task<string> TokenAsync(int? personId)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<RumboUser>>();
        var user = personId is null ? null : users.Users.SingleOrDefault(u => u.PersonId == personId);
        if (user is null)
        {
            var name = $"api-{Guid.NewGuid():n}@example.org";
            user = new RumboUser { UserName = name, Email = name, EmailConfirmed = true, CreatedAt = DateTime.UtcNow, PersonId = personId };
            Assert.True((await users.CreateAsync(user)).Succeeded);
        }
        var created = await scope.ServiceProvider.GetRequiredService<AccessTokens>().CreateAsync(user.Id, "meetings test", null);
        return created.Token;
    }
}
