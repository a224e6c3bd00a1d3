using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;

namespace Rumbo.Web.Tests.Accounts;

/// <summary>Signing in and out, passwords, invitations, access tokens and the limits around them, on both databases.</summary>
public abstract partial class AccountTests(AccountsApp app)
{
    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [GeneratedRegex(@"https?://\S+/account/invitation/\S+")]
    private static partial Regex InvitationLink();

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    [Fact]
    public async Task Sign_in_with_the_right_password_signs_in_and_the_header_shows_the_name()
    {
        var email = await app.CreateUserAsync("Marta");
        var client = NewClient();
        var (_, anonymous) = await client.FetchAsync("/");
        Assert.NotNull(anonymous.QuerySelector("header a.sign-in-link[href^='/account/sign-in']"));
        Assert.Null(anonymous.QuerySelector("header .account-nav"));

        var response = await client.SignInAsync(email, AccountsApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var (_, home) = await client.FetchAsync("/");
        Assert.Equal("Marta Tester", home.QuerySelector("header .account-nav .user-name").Text());
        Assert.Equal(["/account/profile", "/workspace", "/account/calendar", "/account/tokens"], home.QuerySelectorAll("header .account-nav a").Select(a => a.GetAttribute("href")));
        var signOut = home.QuerySelector("header form[action='/account/sign-out']")!;
        Assert.Equal("post", signOut.GetAttribute("method"));
        Assert.NotNull(signOut.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Null(home.QuerySelector("header a.sign-in-link"));
        Assert.True(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task Sign_in_goes_back_to_a_local_return_address_only()
    {
        var email = await app.CreateUserAsync("Rosa");
        var client = NewClient();
        var local = await client.PostFormAsync("/account/sign-in?returnUrl=%2Fagendas",
            [new("Email", email), new("Password", AccountsApp.Password), new("ReturnUrl", "/agendas")]);
        Assert.Equal("/agendas", local.Headers.Location?.OriginalString);
        var elsewhere = await NewClient().PostFormAsync("/account/sign-in",
            [new("Email", email), new("Password", AccountsApp.Password), new("ReturnUrl", "https://evil.example/")]);
        Assert.Equal("/", elsewhere.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_error_and_no_session(bool knownAddress)
    {
        var email = knownAddress ? await app.CreateUserAsync("Pedro") : $"nobody-{Guid.NewGuid():n}@example.org";
        var client = NewClient();
        var response = await client.SignInAsync(email, "not the password at all");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var error = page.QuerySelector("#form-error[role=alert]");
        Assert.Equal("The e-mail address or the password is not right.", error.Text());
        Assert.Contains("form-error", page.QuerySelector("#Email")!.GetAttribute("aria-describedby"));
        Assert.Equal(email, page.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#Password")!.GetAttribute("value"));
        Assert.False(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task Empty_fields_are_named_by_the_field()
    {
        var response = await NewClient().SignInAsync("", "");
        var page = await response.ParseAsync();
        Assert.Equal("true", page.QuerySelector("#Email")!.GetAttribute("aria-invalid"));
        Assert.Equal("Email-error", page.QuerySelector("#Email")!.GetAttribute("aria-describedby"));
        Assert.Equal("Enter your e-mail address.", page.QuerySelector("#Email-error").Text());
        Assert.Equal("Enter your password.", page.QuerySelector("#Password-error").Text());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_with_the_answer_of_a_wrong_password_and_stop_its_sessions_and_tokens()
    {
        var email = await app.CreateUserAsync("Lucia");
        var session = await SignedInAsync(email);
        var api = Bearer(await NewTokenAsync(session, "locked script"));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        var client = NewClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var page = await (await client.SignInAsync(email, $"wrong password {attempt}")).ParseAsync();
            Assert.Equal("The e-mail address or the password is not right.", page.QuerySelector("#form-error[role=alert]").Text());
        }
        // Locked: the right password gets the same answer as a wrong one, which tells a guesser nothing.
        var right = await client.SignInAsync(email, AccountsApp.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("The e-mail address or the password is not right.", (await right.ParseAsync()).QuerySelector("#form-error[role=alert]").Text());
        Assert.False(await client.IsSignedInAsync());
        await using (var db = app.Database.CreateContext())
        {
            var lockoutEnd = (await db.Users.SingleAsync(u => u.Email == email)).LockoutEnd!.Value;
            Assert.InRange(lockoutEnd - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        }

        // The sessions and tokens from before the lockout stop while it lasts.
        Assert.False(await session.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        var (workspace, _) = await session.FetchAsync("/workspace");
        Assert.Equal(HttpStatusCode.Redirect, workspace);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_any_address_and_the_mailed_link_sets_a_new_password()
    {
        var email = await app.CreateUserAsync("Ines");
        var elsewhere = await SignedInAsync(email);
        var unknown = $"ghost-{Guid.NewGuid():n}@example.org";
        var client = NewClient();
        var forUnknown = await (await client.PostFormAsync("/account/forgot-password", [new("Email", unknown)])).ParseAsync();
        var forKnown = await (await client.PostFormAsync("/account/forgot-password", [new("Email", email)])).ParseAsync();
        Assert.Equal(forUnknown.QuerySelector("main").Text().Replace(unknown, "ADDRESS"), forKnown.QuerySelector("main").Text().Replace(email, "ADDRESS"));
        Assert.Equal(0, app.MailCountTo(unknown));

        var mail = app.LastMailTo(email);
        Assert.Contains("\r\nSubject: Reset your Rumbo password\r\n", mail);
        Assert.Matches(@"\r\nDate: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000\r\n", mail);
        Assert.StartsWith("From: ", mail);
        var link = PathOf(ResetLink().Match(mail).Value);
        Assert.StartsWith("/account/reset-password?email=", link);

        var (status, form) = await client.FetchAsync(link);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(form.QuerySelector("form input[name=Code][type=hidden]"));
        var shortPassword = await (await client.PostFormAsync(link, [
            new("Email", form.QuerySelector("input[name=Email]")!.GetAttribute("value")!),
            new("Code", form.QuerySelector("input[name=Code]")!.GetAttribute("value")!),
            new("Password", "short"), new("ConfirmPassword", "short")])).ParseAsync();
        Assert.Equal("The password needs at least 12 characters.", shortPassword.QuerySelector("#Password-error").Text());
        Assert.Equal("true", shortPassword.QuerySelector("#Password")!.GetAttribute("aria-invalid"));

        const string newPassword = "a brand new passphrase";
        var done = await (await client.PostFormAsync(link, [
            new("Email", form.QuerySelector("input[name=Email]")!.GetAttribute("value")!),
            new("Code", form.QuerySelector("input[name=Code]")!.GetAttribute("value")!),
            new("Password", newPassword), new("ConfirmPassword", newPassword)])).ParseAsync();
        Assert.Equal("Your password has been changed.", done.QuerySelector("[role=status]").Text());
        // A session signed in with the old password, wherever it is, ends with the reset.
        Assert.False(await elsewhere.IsSignedInAsync());

        Assert.False(await NewClient().SignInAsync(email, AccountsApp.Password).ContinueWith(t => t.Result.StatusCode == HttpStatusCode.Redirect));
        var signIn = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await signIn.SignInAsync(email, newPassword)).StatusCode);
        Assert.True(await signIn.IsSignedInAsync());

        // The link works once.
        var again = await (await client.PostFormAsync(link, [
            new("Email", form.QuerySelector("input[name=Email]")!.GetAttribute("value")!),
            new("Code", form.QuerySelector("input[name=Code]")!.GetAttribute("value")!),
            new("Password", "yet another passphrase"), new("ConfirmPassword", "yet another passphrase")])).ParseAsync();
        Assert.Equal("This link is not valid any more. Ask for a new one.", again.QuerySelector("#form-error").Text());
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, AccountsApp.Password)).StatusCode);
        return client;
    }

    private static KeyValuePair<string, string>[] Invite(string email, InvitationGrant grant, int? groupId = null, int? institutionId = null, int? countryId = null,
        int? agendaId = null, int? focalCountryId = null, string language = "en", string givenName = "Julia", string familyName = "Invitee") =>
    [
        new("Email", email), new("GivenName", givenName), new("FamilyName", familyName),
        new("InstitutionId", institutionId?.ToString() ?? ""), new("CountryId", countryId?.ToString() ?? ""),
        new("Grant", grant.ToString()), new("GroupId", groupId?.ToString() ?? ""),
        new("AgendaId", agendaId?.ToString() ?? ""), new("FocalCountryId", focalCountryId?.ToString() ?? ""),
        new("Language", language),
    ];

    private async Task<string> InviteAsync(HttpClient admin, string email, InvitationGrant grant, int? groupId = null, int? institutionId = null,
        int? countryId = null, int? agendaId = null, int? focalCountryId = null, string language = "en")
    {
        var response = await admin.PostFormAsync("/admin/invitations", Invite(email, grant, groupId, institutionId, countryId, agendaId, focalCountryId, language),
            "/admin/invitations?handler=Invite");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/invitations?done=sent", response.Headers.Location?.OriginalString);
        return PathOf(InvitationLink().Match(app.LastMailTo(email)).Value);
    }

    [Fact]
    public async Task An_invitation_to_coordinate_a_group_is_accepted_once_and_makes_the_account_and_the_coordinator()
    {
        var (groupId, institutionId, countryId, _) = await app.CreateGroupAsync();
        var admin = await SignedInAsync(await app.CreateUserAsync("Admin", admin: true));
        var email = $"julia-{Guid.NewGuid():n}@example.org";
        var link = await InviteAsync(admin, email, InvitationGrant.GroupCoordinator, groupId, institutionId, countryId);
        Assert.Matches("^/account/invitation/[A-Za-z0-9_-]{43}$", link);

        var (_, list) = await admin.FetchAsync("/admin/invitations");
        var posts = list.QuerySelectorAll("form").Where(f => f.GetAttribute("method") == "post").ToList();
        Assert.True(posts.Count >= 4);
        Assert.All(posts, f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
        var pending = list.QuerySelector("#invitations-pending")!.ParentElement!;
        Assert.Contains(email, pending.Text());
        Assert.Contains("coordinate Working group on foresight", pending.Text());

        var invitee = NewClient();
        var (status, page) = await invitee.FetchAsync(link);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"Admin Tester invites Julia Invitee ({email}) to coordinate {GroupName(page)}.", page.QuerySelector("main .lead").Text());
        Assert.NotNull(page.QuerySelector("form input#Password[type=password]"));

        var mismatch = await (await invitee.PostFormAsync(link, [new("Password", AccountsApp.Password), new("ConfirmPassword", "something else entirely")])).ParseAsync();
        Assert.Equal("The two passwords are not the same.", mismatch.QuerySelector("#ConfirmPassword-error").Text());
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        }

        var accepted = await invitee.PostFormAsync(link, [new("Password", AccountsApp.Password), new("ConfirmPassword", AccountsApp.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        // The person lands on their workspace, welcomed, with the group they now coordinate.
        Assert.Equal("/workspace", accepted.Headers.Location!.OriginalString);
        var (welcomeStatus, welcome) = await invitee.FetchAsync(accepted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, welcomeStatus);
        Assert.Equal("My workspace", welcome.QuerySelector("h1").Text());
        Assert.Equal("Welcome to Rumbo", welcome.QuerySelector("#welcome strong").Text());
        Assert.StartsWith("You have accepted the invitation to coordinate", welcome.QuerySelector("#welcome p:last-child").Text());
        string slug;
        await using (var db = app.Database.CreateContext()) slug = await db.Groups.Where(g => g.Id == groupId).Select(g => g.Slug).SingleAsync();
        Assert.NotNull(welcome.QuerySelector($"main a[href='/groups/{slug}']"));
        Assert.Equal("Julia Invitee", welcome.QuerySelector("header .account-nav .user-name").Text());

        await using (var db = app.Database.CreateContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var invitation = await db.Invitations.SingleAsync(i => i.Email == email);
            Assert.Equal(invitation.PersonId, user.PersonId);
            Assert.True(user.EmailConfirmed);
            Assert.NotNull(invitation.AcceptedAt);
            var member = await db.GroupMembers.SingleAsync(m => m.GroupId == groupId && m.PersonId == user.PersonId);
            Assert.Equal(GroupRole.Coordinator, member.Role);
            var person = await db.People.SingleAsync(p => p.Id == user.PersonId);
            Assert.Equal((institutionId, countryId), (person.InstitutionId, person.CountryId));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "GroupMember" && a.Action == Core.Auditing.AuditAction.Created));
        }
        var me = await invitee.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal([groupId], me.GetProperty("coordinatedGroupIds").EnumerateArray().Select(e => e.GetInt32()));

        // A second use of the link, by anyone, is refused and creates nothing.
        var stranger = NewClient();
        var (usedStatus, used) = await stranger.FetchAsync(link);
        Assert.Equal(HttpStatusCode.Gone, usedStatus);
        Assert.Equal("This invitation has been used", used.QuerySelector("h1").Text());
        Assert.Null(used.QuerySelector("input#Password"));
        var (_, anyPage) = await stranger.FetchAsync("/account/sign-in");
        var replay = await stranger.PostAsync(link, new FormUrlEncodedContent([
            new("Password", "another long password"), new("ConfirmPassword", "another long password"),
            new("__RequestVerificationToken", anyPage.AntiforgeryToken())]));
        Assert.Equal(HttpStatusCode.Gone, replay.StatusCode);
        Assert.False(await stranger.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await NewClient().SignInAsync(email, AccountsApp.Password)).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await NewClient().SignInAsync(email, "another long password")).StatusCode);

        var (_, after) = await admin.FetchAsync("/admin/invitations");
        Assert.Contains(email, after.QuerySelector("#invitations-accepted")!.ParentElement.Text());
        Assert.DoesNotContain(email, after.QuerySelector("#invitations-pending")!.ParentElement.Text());
    }

    private static string GroupName(AngleSharp.Html.Dom.IHtmlDocument page) =>
        Regex.Match(page.QuerySelector("main .lead").Text(), "(Working group on foresight [0-9a-f]{8})").Value;

    [Fact]
    public async Task An_expired_invitation_is_refused_with_a_clear_page()
    {
        var admin = await SignedInAsync(await app.CreateUserAsync("Admin", admin: true));
        var email = $"late-{Guid.NewGuid():n}@example.org";
        var link = await InviteAsync(admin, email, InvitationGrant.Account);
        await using (var db = app.Database.CreateContext())
        {
            var invitation = await db.Invitations.SingleAsync(i => i.Email == email);
            Assert.InRange(invitation.ExpiresAt - invitation.CreatedAt, TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(7));
            invitation.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        var client = NewClient();
        var (status, page) = await client.FetchAsync(link);
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Equal("This invitation has expired", page.QuerySelector("h1").Text());
        var post = await client.PostAsync(link, new FormUrlEncodedContent([
            new("Password", AccountsApp.Password), new("ConfirmPassword", AccountsApp.Password),
            new("__RequestVerificationToken", (await client.FetchAsync("/account/sign-in")).Page.AntiforgeryToken())]));
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        await using var check = app.Database.CreateContext();
        Assert.False(await check.Users.AnyAsync(u => u.Email == email));

        var (_, list) = await admin.FetchAsync("/admin/invitations");
        Assert.Contains(email, list.QuerySelector("#invitations-expired")!.ParentElement.Text());
    }

    [Fact]
    public async Task An_unknown_invitation_link_gets_a_clear_page()
    {
        var (status, page) = await NewClient().FetchAsync("/account/invitation/" + SecretTokens.NewSecret());
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("This invitation link is not valid", page.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task Resending_voids_the_old_link_and_cancelling_voids_the_invitation()
    {
        var admin = await SignedInAsync(await app.CreateUserAsync("Admin", admin: true));
        var email = $"twice-{Guid.NewGuid():n}@example.org";
        var first = await InviteAsync(admin, email, InvitationGrant.Account);
        int id;
        await using (var db = app.Database.CreateContext())
        {
            id = (await db.Invitations.SingleAsync(i => i.Email == email)).Id;
        }
        var resent = await admin.PostFormAsync("/admin/invitations", [], $"/admin/invitations?handler=Resend&id={id}");
        Assert.Equal("/admin/invitations?done=resent", resent.Headers.Location?.OriginalString);
        var second = PathOf(InvitationLink().Match(app.LastMailTo(email)).Value);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await NewClient().FetchAsync(first)).Status);
        Assert.Equal(HttpStatusCode.OK, (await NewClient().FetchAsync(second)).Status);

        var cancelled = await admin.PostFormAsync("/admin/invitations", [], $"/admin/invitations?handler=Cancel&id={id}");
        Assert.Equal("/admin/invitations?done=cancelled", cancelled.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await NewClient().FetchAsync(second)).Status);
        await using var check = app.Database.CreateContext();
        Assert.False(await check.Invitations.AnyAsync(i => i.Email == email));
    }

    [Fact]
    public async Task Focal_point_and_secretariat_invitations_apply_their_grants_and_the_message_follows_the_chosen_language()
    {
        var (_, _, countryId, agendaId) = await app.CreateGroupAsync();
        var admin = await SignedInAsync(await app.CreateUserAsync("Admin", admin: true));
        var focal = $"focal-{Guid.NewGuid():n}@example.org";
        var link = await InviteAsync(admin, focal, InvitationGrant.FocalPoint, agendaId: agendaId, focalCountryId: countryId, language: "es");
        var mail = app.LastMailTo(focal);
        Assert.Contains("\r\nSubject: =?utf-8?B?", mail);
        Assert.Contains("le invita a ser punto focal de LC/CRP.20/6 por Chile en Rumbo", mail);
        var client = NewClient();
        await client.PostFormAsync(link, [new("Password", AccountsApp.Password), new("ConfirmPassword", AccountsApp.Password)]);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var point = Assert.Single(me.GetProperty("focalPoints").EnumerateArray());
        Assert.Equal((agendaId, countryId), (point.GetProperty("agendaId").GetInt32(), point.GetProperty("countryId").GetInt32()));
        Assert.False(me.GetProperty("isSecretariatAdmin").GetBoolean());

        var secretariat = $"secretariat-{Guid.NewGuid():n}@example.org";
        var adminLink = await InviteAsync(admin, secretariat, InvitationGrant.SecretariatAdmin);
        var newAdmin = NewClient();
        await newAdmin.PostFormAsync(adminLink, [new("Password", AccountsApp.Password), new("ConfirmPassword", AccountsApp.Password)]);
        Assert.True((await newAdmin.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("isSecretariatAdmin").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await newAdmin.FetchAsync("/admin/invitations")).Status);
    }

    [Fact]
    public async Task An_invitation_for_an_existing_account_is_accepted_by_signing_in_to_it()
    {
        var (groupId, _, _, _) = await app.CreateGroupAsync();
        var admin = await SignedInAsync(await app.CreateUserAsync("Admin", admin: true));
        var email = await app.CreateUserAsync("Existing");
        var link = await InviteAsync(admin, email, InvitationGrant.GroupMember, groupId);

        var (_, anonymous) = await NewClient().FetchAsync(link);
        Assert.Null(anonymous.QuerySelector("input#Password"));
        Assert.StartsWith("/account/sign-in?returnUrl=", anonymous.QuerySelector("main a.button")!.GetAttribute("href"));

        var owner = await SignedInAsync(email);
        var accepted = await owner.PostFormAsync(link, []);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await using var db = app.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.Equal(GroupRole.Member, (await db.GroupMembers.SingleAsync(m => m.GroupId == groupId && m.PersonId == user.PersonId)).Role);
        Assert.Equal(1, await db.People.CountAsync(p => p.Email == email));
    }

    [Fact]
    public async Task Bad_invitation_input_is_shown_by_the_field_and_creates_nothing()
    {
        var admin = await SignedInAsync(await app.CreateUserAsync("Admin", admin: true));
        await using var before = app.Database.CreateContext();
        var invitations = await before.Invitations.CountAsync();
        var people = await before.People.CountAsync();

        var response = await admin.PostFormAsync("/admin/invitations",
            Invite("not an address", InvitationGrant.GroupCoordinator, givenName: " ", groupId: 987654), "/admin/invitations?handler=Invite");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Enter an e-mail address such as name@example.org.", page.QuerySelector("#Email-error").Text());
        Assert.Equal("true", page.QuerySelector("#Email")!.GetAttribute("aria-invalid"));
        Assert.Equal("Email-error", page.QuerySelector("#Email")!.GetAttribute("aria-describedby"));
        Assert.Equal("Enter the given name.", page.QuerySelector("#GivenName-error").Text());
        Assert.Null(page.QuerySelector("#FamilyName-error"));
        Assert.Equal("not an address", page.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#Grant-GroupCoordinator[checked]"));

        var missingGroup = await (await admin.PostFormAsync("/admin/invitations",
            Invite($"ok-{Guid.NewGuid():n}@example.org", InvitationGrant.GroupCoordinator, groupId: 987654), "/admin/invitations?handler=Invite")).ParseAsync();
        Assert.Equal("Choose the group.", missingGroup.QuerySelector("#GroupId-error").Text());
        Assert.Equal("true", missingGroup.QuerySelector("#GroupId")!.GetAttribute("aria-invalid"));

        var noGrant = await (await admin.PostFormAsync("/admin/invitations",
            Invite($"ok-{Guid.NewGuid():n}@example.org", InvitationGrant.Account).Where(f => f.Key != "Grant"), "/admin/invitations?handler=Invite")).ParseAsync();
        Assert.Equal("Choose what the invitation grants.", noGrant.QuerySelector("#Grant-error").Text());

        await using var after = app.Database.CreateContext();
        Assert.Equal(invitations, await after.Invitations.CountAsync());
        Assert.Equal(people, await after.People.CountAsync());
    }

    [Fact]
    public async Task A_user_who_is_not_a_secretariat_administrator_gets_403_on_every_handler_and_nothing_is_created()
    {
        var (groupId, _, _, _) = await app.CreateGroupAsync();
        var client = await SignedInAsync(await app.CreateUserAsync("Member"));
        await using var before = app.Database.CreateContext();
        var invitations = await before.Invitations.CountAsync();
        var existing = await before.Invitations.Select(i => i.Id).FirstOrDefaultAsync();

        var (status, page) = await client.FetchAsync("/admin/invitations");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Not allowed", page.QuerySelector("h1").Text());
        Assert.Null(page.QuerySelector("form input[name=Email]"));

        var token = page.AntiforgeryToken();
        foreach (var handler in new[] { "Invite", "Resend&id=" + existing, "Cancel&id=" + existing })
        {
            var post = await client.PostAsync($"/admin/invitations?handler={handler}", new FormUrlEncodedContent(
                Invite($"sneaky-{Guid.NewGuid():n}@example.org", InvitationGrant.SecretariatAdmin, groupId).Append(new("__RequestVerificationToken", token))));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        await using var after = app.Database.CreateContext();
        Assert.Equal(invitations, await after.Invitations.CountAsync());
        Assert.False(await after.Invitations.AnyAsync(i => i.Email.StartsWith("sneaky-")));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_the_secretariat_pages()
    {
        var client = NewClient();
        var get = await client.GetAsync("/admin/invitations");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/account/sign-in?ReturnUrl=%2Fadmin%2Finvitations", get.Headers.Location!.PathAndQuery);
        var (_, signIn) = await client.FetchAsync("/account/sign-in");
        var post = await client.PostAsync("/admin/invitations?handler=Invite", new FormUrlEncodedContent(
            Invite($"anon-{Guid.NewGuid():n}@example.org", InvitationGrant.SecretariatAdmin).Append(new("__RequestVerificationToken", signIn.AntiforgeryToken()))));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/account/sign-in", post.Headers.Location!.OriginalString);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Invitations.AnyAsync(i => i.Email.StartsWith("anon-")));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/tokens")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_takes_a_post_with_the_antiforgery_token()
    {
        var client = await SignedInAsync(await app.CreateUserAsync("Leaving"));
        var (status, page) = await client.FetchAsync("/account/sign-out");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(await client.IsSignedInAsync());

        var forged = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(await client.IsSignedInAsync());

        var real = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent([new("__RequestVerificationToken", page.AntiforgeryToken())]));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.False(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task An_access_token_is_shown_once_works_as_a_bearer_and_stops_working_when_revoked()
    {
        var email = await app.CreateUserAsync("Tomas");
        var client = await SignedInAsync(email);
        var created = await client.PostFormAsync("/account/tokens", [new("Name", "reports script"), new("ExpiresOn", "")], "/account/tokens?handler=Create");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString());
        var page = await created.ParseAsync();
        var token = page.QuerySelector("#new-token")!.GetAttribute("value")!;
        Assert.Matches("^rumbo_[A-Za-z0-9_-]{43}$", token);
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.Text().Contains("reports script"));
        Assert.Contains(token[..12], row.Text());

        var (_, later) = await client.FetchAsync("/account/tokens");
        Assert.DoesNotContain(token, later.DocumentElement.OuterHtml);
        await using (var db = app.Database.CreateContext())
        {
            var stored = await db.AccessTokens.SingleAsync(t => t.Name == "reports script" && t.User!.Email == email);
            Assert.Equal(SecretTokens.Hash(token), stored.TokenHash);
            Assert.Null(stored.LastUsedAt);
        }

        var api = NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal("Tomas Tester", me.GetProperty("name").GetString());
        Assert.False(me.GetProperty("isSecretariatAdmin").GetBoolean());
        Assert.Equal(JsonValueKind.Array, me.GetProperty("memberGroupIds").ValueKind);
        await using (var db = app.Database.CreateContext())
        {
            Assert.NotNull((await db.AccessTokens.SingleAsync(t => t.TokenHash == SecretTokens.Hash(token))).LastUsedAt);
        }
        // A token is for the API: it cannot reach the page that makes tokens.
        var tokensPage = await api.GetAsync("/account/tokens");
        Assert.Equal(HttpStatusCode.Redirect, tokensPage.StatusCode);
        Assert.StartsWith("/account/sign-in", tokensPage.Headers.Location!.PathAndQuery);

        var id = row.QuerySelector("form")!.GetAttribute("action")!;
        var revoked = await client.PostFormAsync("/account/tokens", [], id);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var (_, afterRevoke) = await client.FetchAsync(revoked.Headers.Location!.OriginalString);
        Assert.Contains("Revoked", afterRevoke.QuerySelectorAll("tbody tr").Single(r => r.Text().Contains("reports script")).Text());

        var refused = await api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", refused.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Expired_and_unknown_tokens_get_401_and_a_user_cannot_revoke_another_users_token()
    {
        var email = await app.CreateUserAsync("Owner");
        var owner = await SignedInAsync(email);
        var page = await (await owner.PostFormAsync("/account/tokens", [new("Name", "short lived"), new("ExpiresOn", DateTime.UtcNow.ToString("yyyy-MM-dd"))],
            "/account/tokens?handler=Create")).ParseAsync();
        var token = page.QuerySelector("#new-token")!.GetAttribute("value")!;
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        int id;
        await using (var db = app.Database.CreateContext())
        {
            var stored = await db.AccessTokens.SingleAsync(t => t.TokenHash == SecretTokens.Hash(token));
            id = stored.Id;
            stored.ExpiresAt = DateTime.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);

        var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SecretTokens.NewAccessToken());
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/me")).StatusCode);

        var other = await SignedInAsync(await app.CreateUserAsync("Other"));
        var steal = await other.PostFormAsync("/account/tokens", [], $"/account/tokens?handler=Revoke&id={id}");
        Assert.Equal(HttpStatusCode.NotFound, steal.StatusCode);

        var bad = await (await owner.PostFormAsync("/account/tokens", [new("Name", ""), new("ExpiresOn", "2001-01-01")], "/account/tokens?handler=Create")).ParseAsync();
        Assert.Equal("Give the token a name.", bad.QuerySelector("#Name-error").Text());
        Assert.Equal("Choose today or a later day.", bad.QuerySelector("#ExpiresOn-error").Text());
        Assert.Null(bad.QuerySelector("#new-token"));
    }

    [Fact]
    public async Task The_api_answers_anonymous_requests_with_401_problem_details_not_a_redirect()
    {
        var response = await NewClient().GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_administrator_made_on_the_command_line_signs_in_and_may_invite()
    {
        var email = $"cli-{Guid.NewGuid():n}@example.org";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rumbo:Database"] = app.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["ConnectionStrings:Rumbo"] = app.Database.ConnectionString,
            ["Rumbo:DataDirectory"] = app.Database.Directory,
        }).Build();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await Cli.Commands.Run(["users", "create-admin", "--email", email, "--given-name", "Carmen", "--family-name", "Línea", "--password", AccountsApp.Password],
            stdout, stderr, configuration);
        Assert.True(code == 0, stderr.ToString());
        Assert.StartsWith($"Created secretariat administrator Carmen Línea <{email}>", stdout.ToString());

        var client = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, AccountsApp.Password)).StatusCode);
        var (status, page) = await client.FetchAsync("/admin/invitations");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Carmen Línea", page.QuerySelector("header .user-name").Text());
    }

    [Fact]
    public async Task The_account_pages_speak_Spanish()
    {
        var (status, page) = await NewClient().FetchAsync("/account/sign-in?culture=es");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Iniciar sesión", page.QuerySelector("h1").Text());
        Assert.Equal("Contraseña", page.QuerySelector("label[for=Password]").Text());
    }

    [Fact]
    public async Task Too_many_sign_in_posts_from_one_address_get_429_with_a_page_saying_so()
    {
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("Rumbo:SignInRateLimit:PermitLimit", "3"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (_, form) = await client.FetchAsync("/account/sign-in");
        var token = form.AntiforgeryToken();
        HttpResponseMessage Post() => client.PostAsync("/account/sign-in", new FormUrlEncodedContent([
            new("Email", "someone@example.org"), new("Password", "guess guess guess"), new("__RequestVerificationToken", token)])).Result;
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, Post().StatusCode);
        var refused = Post();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var page = await refused.ParseAsync();
        Assert.Equal("Too many attempts", page.QuerySelector("h1").Text());
        // Reading the page is not limited, and neither is the rest of the site.
        Assert.Equal(HttpStatusCode.OK, (await client.FetchAsync("/account/sign-in")).Status);
        var forgot = await client.PostAsync("/account/forgot-password", new FormUrlEncodedContent([
            new("Email", "someone@example.org"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.TooManyRequests, forgot.StatusCode);
    }
}

public sealed class SqliteAccountTests(SqliteAccountsApp app) : AccountTests(app), IClassFixture<SqliteAccountsApp>;

public sealed class PostgresAccountTests(PostgresAccountsApp app) : AccountTests(app), IClassFixture<PostgresAccountsApp>;
