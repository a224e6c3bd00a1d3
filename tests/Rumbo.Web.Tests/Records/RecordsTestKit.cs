using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Records;

/// <summary>Users, forms and counts for the records and agreements tests.</summary>
public sealed class RecordsTestKit(RumboApp app)
{
    public HttpClient Client { get; } = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    public sealed record Form(string Cookies, string Token, IHtmlDocument Page)
    {
        public string? Value(string name) => Page.QuerySelector($"[name='{name}']")?.GetAttribute("value");
    }

    /// <summary>A cookie for a new account linked to the person.</summary>
    public Task<string> AsPersonAsync(int personId) => SignedIn.CookieAsync(app, personId: personId);

    /// <summary>A new person in the group with the role, and a cookie for them.</summary>
    public async Task<(string Cookie, int PersonId)> NewMemberAsync(int groupId, GroupRole role, string? countryCode = null)
    {
        await using var db = app.Database.CreateContext();
        var person = new Person { GivenName = role.ToString(), FamilyName = $"Tester {Guid.NewGuid():n}"[..15], IsExample = true };
        if (countryCode is not null) person.CountryId = await db.Countries.Where(c => c.Code == countryCode).Select(c => c.Id).SingleAsync();
        db.People.Add(person);
        db.GroupMembers.Add(new GroupMember { GroupId = groupId, Person = person, Role = role });
        await db.SaveChangesAsync();
        return (await AsPersonAsync(person.Id), person.Id);
    }

    /// <summary>A bearer token of a new account linked to the person (or to no person).</summary>
    public async Task<string> TokenAsync(int? personId)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RumboUser>>();
        // A person has at most one account: the token is that account's when there is one.
        var user = personId is null ? null : await users.Users.SingleOrDefaultAsync(u => u.PersonId == personId);
        if (user is null)
        {
            var name = $"api-{Guid.NewGuid():n}@example.org";
            user = new RumboUser { UserName = name, Email = name, EmailConfirmed = true, CreatedAt = DateTime.UtcNow, PersonId = personId };
            Assert.True((await users.CreateAsync(user)).Succeeded);
        }
        var created = await scope.ServiceProvider.GetRequiredService<AccessTokens>().CreateAsync(user.Id, "records tests", null);
        return created.Token;
    }

    public async Task<HttpResponseMessage> GetAsync(string url, string? cookie = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (bearer is not null) request.Headers.Authorization = new("Bearer", bearer);
        return await Client.SendAsync(request);
    }

    public async Task<IHtmlDocument> PageAsync(string url, string? cookie = null)
    {
        var response = await GetAsync(url, cookie);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(body);
    }

    /// <summary>Opens a page with a form as the user: what a browser would send back (cookies, antiforgery token).</summary>
    public async Task<Form> OpenAsync(string url, string cookie)
    {
        var response = await GetAsync(url, cookie);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var antiforgery = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        return new Form($"{cookie}; {antiforgery}", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!, page);
    }

    /// <summary>A form with a token of this user taken from a page every signed-in user may open.</summary>
    public Task<Form> AnyFormAsync(string cookie) => OpenAsync("/account/sign-out", cookie);

    public async Task<HttpResponseMessage> PostAsync(string url, Form form, IEnumerable<(string Name, string Value)> fields)
    {
        var body = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", form.Token) };
        body.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(body) };
        request.Headers.Add("Cookie", form.Cookies);
        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string url, Form form, params (string Name, string Value)[] fields) =>
        PostAsync(url, form, (IEnumerable<(string, string)>)fields);

    /// <summary>The fields of the page's form (the one posted to the page itself), as served.</summary>
    public static List<(string Name, string Value)> Fields(IHtmlDocument page, string formSelector = "form[method=post]")
    {
        var fields = new List<(string, string)>();
        var form = page.QuerySelectorAll(formSelector).First(f => f.QuerySelector("input[name=__RequestVerificationToken]") is not null && !(f.GetAttribute("action") ?? "").Contains("sign-out"));
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (name is "__RequestVerificationToken") continue;
            switch (input)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box: if (box.IsChecked) fields.Add((name, box.Value)); break;
                case IHtmlInputElement i: fields.Add((name, i.Value)); break;
                case IHtmlTextAreaElement t: fields.Add((name, t.Value)); break;
                case IHtmlSelectElement s: fields.Add((name, s.Value ?? "")); break;
            }
        }
        return fields;
    }

    public static List<(string Name, string Value)> With(List<(string Name, string Value)> fields, params (string Name, string Value)[] changes)
    {
        var replaced = changes.Select(c => c.Name).ToHashSet();
        return [.. fields.Where(f => !replaced.Contains(f.Name)), .. changes];
    }

    public async Task<int> AuditCountAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.AuditEntries.CountAsync();
    }

    public RumboDbContext Db() => app.Database.CreateContext();
}
