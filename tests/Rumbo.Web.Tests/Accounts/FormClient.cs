using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Rumbo.Web.Tests.Accounts;

/// <summary>Forms posted as a browser without JavaScript posts them: with the antiforgery token the page carries.</summary>
public static class FormClient
{
    private static readonly HtmlParser Parser = new();

    public static async Task<(HttpStatusCode Status, IHtmlDocument Page)> FetchAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    public static string AntiforgeryToken(this IHtmlDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>Gets <paramref name="pageUrl"/> for its token, then posts the fields to <paramref name="postUrl"/> (the page itself by default).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var (_, page) = await client.FetchAsync(pageUrl);
        var all = fields.Append(new("__RequestVerificationToken", page.AntiforgeryToken())).ToList();
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(all));
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/sign-in", [new("Email", email), new("Password", password)]);

    /// <summary>Whether the client's cookie signs it in, as the API sees it.</summary>
    public static async Task<bool> IsSignedInAsync(this HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/me");
        return response.StatusCode == HttpStatusCode.OK;
    }

    public static string Text(this AngleSharp.Dom.IElement? element) =>
        string.Join(' ', (element?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
