using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Accounts;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Documents;

/// <summary>What the documents' tests share: users of each kind, uploads as a browser posts them, and what is stored.</summary>
public sealed class DocumentTestClient(RumboApp app, HttpClient client)
{
    public sealed record Form(string Cookies, string Token, IHtmlDocument Page);

    /// <summary>Rows, versions, files under the storage root and audit entries: what a refused upload must not change.</summary>
    public sealed record Stored(int Documents, int Versions, int Files, int Audit);

    public HttpClient Client => client;

    public string StorageRoot => Path.Combine(app.Database.Directory, "files");

    public async Task<Stored> StoredAsync()
    {
        await using var db = app.Database.CreateContext();
        var files = Directory.Exists(StorageRoot) ? Directory.GetFiles(StorageRoot, "*", SearchOption.AllDirectories).Length : 0;
        return new Stored(await db.Documents.CountAsync(), await db.DocumentVersions.CountAsync(), files, await db.AuditEntries.CountAsync());
    }

    public async Task<Form> OpenAsync(string url, string? cookie)
    {
        var response = cookie is null ? await client.GetAsync(url) : await client.GetAsync(url, cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var antiforgery = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new Form(cookie is null ? antiforgery : $"{cookie}; {antiforgery}", token, page);
    }

    /// <summary>Fields of a valid upload; a test changes some of them.</summary>
    public static Dictionary<string, string> Fields(string title, string visibility = "Public") => new()
    {
        ["Title"] = title, ["Symbol"] = "", ["Language"] = "es", ["Date"] = "2025-03-31", ["Kind"] = "Report",
        ["Description"] = "", ["Lines"] = "", ["MeetingId"] = "", ["Visibility"] = visibility, ["Note"] = "",
    };

    /// <summary>Posts the repository's upload form as the given user, the file's name written into the request as is.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string slug, string cookie, byte[]? file, string fileName, Dictionary<string, string> fields, string? postUrl = null)
    {
        var form = await OpenAsync(postUrl is null ? $"/groups/{slug}/documents" : postUrl.Split('?')[0], cookie);
        var all = fields.Append(new("__RequestVerificationToken", form.Token));
        using var request = new HttpRequestMessage(HttpMethod.Post, postUrl ?? $"/groups/{slug}/documents") { Content = Multipart(all, file is null ? null : ("File", fileName, file)) };
        request.Headers.Add("Cookie", form.Cookies);
        return await client.SendAsync(request);
    }

    /// <summary>A multipart body written by hand, so that a hostile file name reaches the server byte for byte.</summary>
    public static HttpContent Multipart(IEnumerable<KeyValuePair<string, string>> fields, (string Name, string FileName, byte[] Bytes)? file)
    {
        var boundary = "----rumbo" + Guid.NewGuid().ToString("n");
        var ms = new MemoryStream();
        void Write(string s) => ms.Write(Encoding.UTF8.GetBytes(s));
        foreach (var (name, value) in fields)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }
        if (file is { } f)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{f.Name}\"; filename=\"{f.FileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            ms.Write(f.Bytes);
            Write("\r\n");
        }
        Write($"--{boundary}--\r\n");
        var content = new ByteArrayContent(ms.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }

    /// <summary>Uploads as a coordinator and answers the new document's id.</summary>
    public async Task<int> UploadOkAsync(string slug, string cookie, byte[] file, string fileName, Dictionary<string, string> fields)
    {
        var response = await UploadAsync(slug, cookie, file, fileName, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"upload answered {(int)response.StatusCode}: {Errors(body)}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/documents/", location);
        return int.Parse(location["/documents/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Errors(string html) =>
        string.Join(" | ", new HtmlParser().ParseDocument(html).QuerySelectorAll(".field-error, .error-summary").Select(e => e.TextContent.Trim()));

    /// <summary>A signed-in person who is an ordinary member of the group.</summary>
    public async Task<string> MemberAsync(string slug) => (await MemberWithUserAsync(slug)).Cookie;

    /// <summary>A signed-in ordinary member of the group, with the account's id (for a token).</summary>
    public async Task<(string Cookie, int UserId)> MemberWithUserAsync(string slug)
    {
        int personId;
        await using (var db = app.Database.CreateContext())
        {
            var group = await db.Groups.SingleAsync(g => g.Slug == slug);
            var person = new Person { GivenName = "Member", FamilyName = Guid.NewGuid().ToString("n")[..8], IsExample = true };
            db.People.Add(person);
            db.GroupMembers.Add(new GroupMember { GroupId = group.Id, Person = person, Role = GroupRole.Member });
            await db.SaveChangesAsync();
            personId = person.Id;
        }
        var cookie = await SignedIn.CookieAsync(app, personId: personId);
        await using var check = app.Database.CreateContext();
        return (cookie, await check.Users.Where(u => u.PersonId == personId).Select(u => u.Id).SingleAsync());
    }

    /// <summary>A personal access token of the user.</summary>
    public async Task<string> TokenAsync(int userId)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<AccessTokens>().CreateAsync(userId, "documents", null)).Token;
    }

    public async Task<HttpResponseMessage> GetAsync(string url, string? cookie = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> ApiUploadAsync(string? bearer, Dictionary<string, string> fields, byte[]? file, string fileName, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents") { Content = Multipart(fields, file is null ? null : ("file", fileName, file)) };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    public static Dictionary<string, string> ApiFields(string group, string title, string visibility = "public") => new()
    {
        ["group"] = group, ["title"] = title, ["language"] = "es", ["kind"] = "report", ["visibility"] = visibility, ["date"] = "2025-03-31",
    };
}
