using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Rumbo.Web.Tests;

public abstract partial class PermissionMatrixTests
{
    /// <summary>
    /// The writes the matrix leaves out because no role decides them, each with why. Anything else that writes must be a
    /// row of the matrix, so a new handler or endpoint cannot ship without saying who may use it.
    /// </summary>
    private static readonly Dictionary<string, string> OpenWrites = new(StringComparer.OrdinalIgnoreCase)
    {
        ["POST account/sign-in"] = "signing in is open to anyone; AccountTests try it",
        ["POST account/sign-out"] = "ends the caller's own session",
        ["POST account/forgot-password"] = "open to anyone, answers alike whether or not the address has an account",
        ["POST account/reset-password"] = "authorized by the mailed reset token, not by a role",
        ["POST account/invitation/{token}"] = "authorized by the invitation's token, not by a role",
        ["POST account/denied"] = "answers 403 to whatever posts to it; writes nothing",
        ["POST error/403"] = "the same page as account/denied, where refused requests are re-executed; writes nothing",
        ["POST error/{code:int:range(400,599)?}"] = "the error page answers a failed POST; writes nothing",
        ["POST error/429"] = "the too-many-requests page answers a refused POST; writes nothing",
        ["POST account/tokens?handler=Revoke"] = "a user revokes only their own tokens; another's id answers 404 (AccessTokenTests)",
        ["POST account/profile?handler=Password"] = "a user changes only their own password, and only by giving the current one (AccountTests try it)",
        ["POST api/v1/progress"] = "a calculation on the series sent: it reads and stores nothing, so anyone may ask (ProgressApiTests try it)",
    };

    [Fact]
    public async Task Every_write_of_the_site_is_in_the_matrix_or_named_open_with_its_reason()
    {
        var writes = await WriteEndpointsAsync();
        // The rows' URLs are made as in a case, some from the account the case posts as.
        await UserCredential(Who.GroupCoordinator, api: false);
        var rows = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var w in Writes)
        {
            // Each case of the matrix makes its own meeting and agreement; so does each row here.
            (recordsMeeting, recordsAgreement) = (0, 0);
            var url = await w.Url(this);
            var key = KeyOf(url, writes);
            Assert.True(key is not null, $"The matrix row '{w.Name}' posts to {url}, which no write of the site answers.");
            rows.TryAdd(key, w.Name);
        }

        var missing = writes.Select(e => e.Key).Where(k => !rows.ContainsKey(k) && !OpenWrites.ContainsKey(k)).Order().ToList();
        Assert.True(missing.Count == 0, "Writes missing from the permission matrix (add a row, or name them open with a reason): " + string.Join(", ", missing));
        var stale = OpenWrites.Keys.Where(k => writes.All(e => !string.Equals(e.Key, k, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(stale.Count == 0, "Named open but no longer a write of the site: " + string.Join(", ", stale));
        var both = OpenWrites.Keys.Where(rows.ContainsKey).ToList();
        Assert.True(both.Count == 0, "Named open and tried by the matrix: " + string.Join(", ", both));
    }

    private sealed record WriteEndpoint(string Key, string Method, string Template, string? Handler);

    /// <summary>Every page handler and endpoint of the running site answering POST, PUT, PATCH or DELETE.</summary>
    private async Task<List<WriteEndpoint>> WriteEndpointsAsync()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        string[] writing = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];
        var found = new List<WriteEndpoint>();
        foreach (var e in endpoints)
        {
            var template = e.RoutePattern.RawText!.TrimStart('/');
            if (e.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, e.Metadata);
                foreach (var h in compiled.HandlerMethods.Where(h => writing.Contains(h.HttpMethod, StringComparer.OrdinalIgnoreCase)))
                {
                    var method = h.HttpMethod.ToUpperInvariant();
                    found.Add(new($"{method} {template}{(h.Name is null ? "" : $"?handler={h.Name}")}", method, template, h.Name));
                }
            }
            else if (e.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods)
            {
                foreach (var method in methods.HttpMethods.Where(m => writing.Contains(m, StringComparer.OrdinalIgnoreCase)))
                    found.Add(new($"{method.ToUpperInvariant()} {template}", method.ToUpperInvariant(), template, null));
            }
        }
        Assert.Contains(found, f => f.Key == "POST account/sign-in");
        return found.DistinctBy(f => f.Key).ToList();
    }

    /// <summary>The write a matrix row's URL reaches: the template that matches its path with the most literal segments, and its handler.</summary>
    private static string? KeyOf(string url, List<WriteEndpoint> writes)
    {
        var parts = url.Split('?', 2);
        var path = parts[0];
        var handler = parts.Length > 1
            ? Regex.Match(parts[1], "(?:^|&)handler=([^&]*)", RegexOptions.IgnoreCase) is { Success: true } m ? Uri.UnescapeDataString(m.Groups[1].Value) : null
            : null;
        return writes
            .Where(w => string.Equals(w.Handler, handler, StringComparison.OrdinalIgnoreCase) || (w.Handler is null && handler is null))
            .Select(w => (w, parsed: TemplateParser.Parse(w.Template)))
            .Where(x => new TemplateMatcher(x.parsed, new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary()))
            .OrderByDescending(x => x.parsed.Segments.Count(s => s.Parts.All(p => p.IsLiteral)))
            .Select(x => x.w.Key)
            .FirstOrDefault();
    }
}
