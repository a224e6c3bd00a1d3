using Microsoft.Playwright;

namespace Rumbo.Browser.Tests;

/// <summary>
/// Collects what a user would see go wrong on a page: console errors, script errors, failed requests and error
/// statuses. One watcher for every browser test, so that they all fail on the same things.
/// </summary>
internal static class PageProblems
{
    public static void Watch(IPage page, Uri baseAddress, List<string> problems)
    {
        // A request still in flight when the user follows a link is cancelled by the browser (net::ERR_ABORTED):
        // that is the page being left, not the page failing. Count the main frame's navigations (when one is asked
        // for and when the new page commits) and forgive an abort only when a navigation came after the request began.
        var navigations = 0;
        var startedAt = new Dictionary<IRequest, int>();
        page.Request += (_, request) =>
        {
            lock (startedAt)
            {
                if (request.IsNavigationRequest && request.Frame == page.MainFrame)
                {
                    navigations++;
                }
                startedAt[request] = navigations;
            }
        };
        page.FrameNavigated += (_, frame) =>
        {
            if (frame != page.MainFrame) return;
            lock (startedAt) navigations++;
        };
        page.RequestFinished += (_, request) =>
        {
            lock (startedAt) startedAt.Remove(request);
        };
        page.Console += (_, message) =>
        {
            // The browser asks for /favicon.ico on its own, whatever the page says; Rumbo has none yet.
            if (message.Type == "error" && !message.Location.StartsWith(baseAddress + "favicon.ico", StringComparison.Ordinal))
            {
                problems.Add($"console {message.Type} on {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"script error on {page.Url}: {error}");
        page.RequestFailed += (_, request) =>
        {
            lock (startedAt)
            {
                var leftBehind = request.Failure == "net::ERR_ABORTED" && !request.IsNavigationRequest
                    && startedAt.TryGetValue(request, out var started) && navigations > started;
                startedAt.Remove(request);
                if (!leftBehind)
                {
                    problems.Add($"request failed: {request.Method} {request.Url}: {request.Failure}");
                }
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                problems.Add($"{response.Status} for {response.Request.Method} {response.Url}");
            }
        };
    }
}
