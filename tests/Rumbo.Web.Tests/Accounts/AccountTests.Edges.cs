using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rumbo.Core.Accounts;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Accounts;

/// <summary>The edges of the accounts: tokens on pages, copied cookies, concurrent sign-ins, mail that is not sent.</summary>
public abstract partial class AccountTests
{
    private HttpClient Bearer(string token)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> NewTokenAsync(HttpClient session, string name)
    {
        var created = await session.PostFormAsync("/account/tokens", [new("Name", name), new("ExpiresOn", "")], "/account/tokens?handler=Create");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return (await created.ParseAsync()).QuerySelector("#new-token")!.GetAttribute("value")!;
    }

    [Fact]
    public async Task An_administrators_access_token_is_refused_on_the_invitations_page_and_still_works_on_the_api()
    {
        var email = await app.CreateUserAsync("Tokenadmin", admin: true);
        var session = await SignedInAsync(email);
        var token = await NewTokenAsync(session, "admin script");
        var api = Bearer(token);

        var get = await api.GetAsync("/admin/invitations");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/account/sign-in", get.Headers.Location!.PathAndQuery);

        // The post carries an antiforgery token of the token's own client, so only the token can be what refuses it.
        var (_, form) = await api.FetchAsync("/account/sign-in");
        var invitee = $"minted-{Guid.NewGuid():n}@example.org";
        var post = await api.PostAsync("/admin/invitations?handler=Invite", new FormUrlEncodedContent(
            Invite(invitee, InvitationGrant.SecretariatAdmin).Append(new("__RequestVerificationToken", form.AntiforgeryToken()))));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/sign-in", post.Headers.Location!.PathAndQuery);
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.Invitations.AnyAsync(i => i.Email == invitee));
        }
        Assert.Equal(0, app.MailCountTo(invitee));

        // Other pages that need an account refuse it too; the API takes it.
        Assert.Equal(HttpStatusCode.Redirect, (await api.GetAsync("/workspace")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await api.GetAsync("/admin/audit")).StatusCode);
        var me = await api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(email, await me.Content.ReadAsStringAsync());
        // The session that made the token is untouched.
        Assert.Equal(HttpStatusCode.OK, (await session.FetchAsync("/admin/invitations")).Status);
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_after_it()
    {
        var email = await app.CreateUserAsync("Copied");
        var client = NewClient();
        var signIn = await client.SignInAsync(email, AccountsApp.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rumbo.auth=", StringComparison.Ordinal)).Split(';')[0];

        var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/v1/me", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/workspace", cookie)).StatusCode);

        var (_, page) = await client.FetchAsync("/account/sign-out");
        var signOut = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent([new("__RequestVerificationToken", page.AntiforgeryToken())]));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/me", cookie)).StatusCode);
        var workspace = await copy.GetAsync("/workspace", cookie);
        Assert.Equal(HttpStatusCode.Redirect, workspace.StatusCode);
        Assert.StartsWith("/account/sign-in", workspace.Headers.Location!.PathAndQuery);
        // Signing in again works, with a cookie of its own.
        Assert.True(await SignedInAsync(email).ContinueWith(t => t.Result.IsSignedInAsync()).Unwrap());
    }

    [Fact]
    public async Task Concurrent_correct_sign_ins_all_succeed_also_after_a_failed_one()
    {
        var email = await app.CreateUserAsync("Parallel");
        // A failure first, so that every success below resets the failure count at the same time.
        await NewClient().SignInAsync(email, "not the right password");
        var clients = Enumerable.Range(0, 8).Select(_ => NewClient()).ToList();
        var tokens = new List<string>();
        foreach (var c in clients) tokens.Add((await c.FetchAsync("/account/sign-in")).Page.AntiforgeryToken());

        var answers = await Task.WhenAll(clients.Select((c, i) => c.PostAsync("/account/sign-in", new FormUrlEncodedContent([
            new("Email", email), new("Password", AccountsApp.Password), new("__RequestVerificationToken", tokens[i])]))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        foreach (var c in clients) Assert.True(await c.IsSignedInAsync());
    }

    [Fact]
    public async Task Without_a_site_address_no_link_is_mailed_the_log_says_why_and_the_answers_do_not_change()
    {
        var log = new LogCapture();
        await using var noSite = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Rumbo:Mail:SiteUrl", "");
            b.ConfigureLogging(l => l.AddProvider(log));
        });
        var client = noSite.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.True(log.Has(LogLevel.Warning, "Rumbo:Mail:SiteUrl is not set"), "the start-up should say that mail with links is not sent");

        var email = await app.CreateUserAsync("Nosite");
        var unknown = $"ghost-{Guid.NewGuid():n}@example.org";
        // A forged Host is what the setting guards against: it must not end up in any message.
        client.DefaultRequestHeaders.Host = "evil.example";
        var forUnknown = await (await client.PostFormAsync("/account/forgot-password", [new("Email", unknown)])).ParseAsync();
        var forKnown = await client.PostFormAsync("/account/forgot-password", [new("Email", email)]);
        Assert.Equal(HttpStatusCode.OK, forKnown.StatusCode);
        Assert.Equal(forUnknown.QuerySelector("main").Text().Replace(unknown, "ADDRESS"), (await forKnown.ParseAsync()).QuerySelector("main").Text().Replace(email, "ADDRESS"));
        Assert.Equal(0, app.MailCountTo(email));
        Assert.True(log.Has(LogLevel.Warning, "The password-reset message was not sent. Rumbo:Mail:SiteUrl is not set"));

        // An invitation is saved and reported as not sent, to be resent once the address is set.
        client.DefaultRequestHeaders.Host = null;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(await app.CreateUserAsync("Nositeadmin", admin: true), AccountsApp.Password)).StatusCode);
        var invitee = $"unsent-{Guid.NewGuid():n}@example.org";
        var invite = await client.PostFormAsync("/admin/invitations", Invite(invitee, InvitationGrant.SecretariatAdmin), "/admin/invitations?handler=Invite");
        Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
        Assert.Equal("/admin/invitations?done=failed", invite.Headers.Location?.OriginalString);
        await using var db = app.Database.CreateContext();
        Assert.True(await db.Invitations.AnyAsync(i => i.Email == invitee));
        Assert.Equal(0, app.MailCountTo(invitee));
        Assert.True(log.Has(LogLevel.Warning, "The invitation message was not sent. Rumbo:Mail:SiteUrl is not set"));
    }

    [Fact]
    public async Task Mail_that_cannot_be_written_never_turns_a_saved_change_into_an_error_and_forgot_password_answers_the_same()
    {
        var log = new LogCapture();
        await using var broken = app.WithWebHostBuilder(b =>
        {
            b.ConfigureLogging(l => l.AddProvider(log));
            b.ConfigureTestServices(s => s.AddSingleton<IMailSender, UnwritableMail>());
        });
        var client = broken.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var email = await app.CreateUserAsync("Brokenmail");
        var unknown = $"ghost-{Guid.NewGuid():n}@example.org";
        var forUnknown = await client.PostFormAsync("/account/forgot-password", [new("Email", unknown)]);
        var forKnown = await client.PostFormAsync("/account/forgot-password", [new("Email", email)]);
        Assert.Equal(HttpStatusCode.OK, forUnknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forKnown.StatusCode);
        Assert.Equal((await forUnknown.ParseAsync()).QuerySelector("main").Text().Replace(unknown, "ADDRESS"),
            (await forKnown.ParseAsync()).QuerySelector("main").Text().Replace(email, "ADDRESS"));
        Assert.True(log.Has(LogLevel.Error, "The password-reset message could not be sent"));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(await app.CreateUserAsync("Brokenadmin", admin: true), AccountsApp.Password)).StatusCode);
        var invitee = $"unwritten-{Guid.NewGuid():n}@example.org";
        var invite = await client.PostFormAsync("/admin/invitations", Invite(invitee, InvitationGrant.SecretariatAdmin), "/admin/invitations?handler=Invite");
        Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
        Assert.Equal("/admin/invitations?done=failed", invite.Headers.Location?.OriginalString);
        int id;
        await using (var db = app.Database.CreateContext())
        {
            id = (await db.Invitations.SingleAsync(i => i.Email == invitee)).Id;
        }
        var resend = await client.PostFormAsync("/admin/invitations", [], $"/admin/invitations?handler=Resend&id={id}");
        Assert.Equal("/admin/invitations?done=failed", resend.Headers.Location?.OriginalString);
    }

    /// <summary>A mail folder that cannot be written, as a full or read-only disk answers.</summary>
    private sealed class UnwritableMail : IMailSender
    {
        public Task SendAsync(OutgoingMail message, CancellationToken ct = default) =>
            throw new UnauthorizedAccessException("Access to the path 'mail' is denied.");
    }
}
