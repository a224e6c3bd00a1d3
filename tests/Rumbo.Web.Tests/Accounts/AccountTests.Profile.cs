using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;

namespace Rumbo.Web.Tests.Accounts;

/// <summary>The profile page, and the language a person reads in: their pages, their invitation and every mail after it.</summary>
public abstract partial class AccountTests
{
    /// <summary>A mail's subject as a mail program shows it (non-ASCII subjects are base64 words).</summary>
    private static string Subject(string mail)
    {
        var line = mail.Split("\r\n").First(l => l.StartsWith("Subject: ", StringComparison.Ordinal))["Subject: ".Length..];
        return line.StartsWith("=?utf-8?B?", StringComparison.Ordinal) ? Encoding.UTF8.GetString(Convert.FromBase64String(line[10..^2])) : line;
    }

    /// <summary>A mail's first text part, decoded.</summary>
    private static string Body(string mail) => TestSupport.Mime.Parse(mail) is var m && m.Parts.Count > 0 ? m.Parts[0].Text : m.Text;

    private static string? CultureCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal))
            : null;

    [Fact]
    public async Task A_person_invited_in_Portuguese_gets_Portuguese_mails_and_pages_whoever_sends_them()
    {
        var admin = await SignedInAsync(await app.CreateUserAsync("Admin", admin: true));
        var email = $"brasil-{Guid.NewGuid():n}@example.org";
        var first = await InviteAsync(admin, email, InvitationGrant.Account, language: "pt");
        var mail = app.LastMailTo(email);
        Assert.Equal("Convite para o Rumbo", Subject(mail));
        Assert.Contains("Olá, Julia Invitee,", Body(mail));
        Assert.Contains("Para aceitar, abra este link:", Body(mail));
        await using (var db = app.Database.CreateContext())
            Assert.Equal("pt", (await db.Invitations.SingleAsync(i => i.Email == email)).Language);

        // The administrator reads Spanish; the resent invitation keeps the invitee's language, not theirs.
        await admin.GetAsync("/culture?lang=es&returnUrl=/");
        int id;
        await using (var db = app.Database.CreateContext())
            id = (await db.Invitations.SingleAsync(i => i.Email == email)).Id;
        var resent = await admin.PostFormAsync("/admin/invitations", [], $"/admin/invitations?handler=Resend&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        var again = app.LastMailTo(email);
        Assert.NotEqual(first, PathOf(InvitationLink().Match(again).Value));
        Assert.Equal("Convite para o Rumbo", Subject(again));
        var link = PathOf(InvitationLink().Match(again).Value);

        // Accepting signs the new account in, in Portuguese, whatever the browser asked for.
        var invitee = NewClient();
        invitee.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var accepted = await invitee.PostFormAsync(link, [new("Password", AccountsApp.Password), new("ConfirmPassword", AccountsApp.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("c=pt|uic=pt", WebUtility.UrlDecode(CultureCookie(accepted)));
        var (_, page) = await invitee.FetchAsync("/account/profile");
        Assert.Equal("pt", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Meu perfil", page.QuerySelector("h1").Text());
        Assert.Equal("pt", page.QuerySelector("#Language option[selected]")!.GetAttribute("value"));
        await using (var db = app.Database.CreateContext())
            Assert.Equal("pt", (await db.Users.SingleAsync(u => u.Email == email)).Language);

        // A password reset asked for from an English page still comes in Portuguese.
        var stranger = NewClient();
        await stranger.PostFormAsync("/account/forgot-password", [new("Email", email)]);
        var reset = app.LastMailTo(email);
        Assert.Equal("Redefina sua senha do Rumbo", Subject(reset));

        // Signing in again elsewhere brings the account's language with it.
        var elsewhere = NewClient();
        var signIn = await elsewhere.SignInAsync(email, AccountsApp.Password);
        Assert.Contains("c=pt|uic=pt", WebUtility.UrlDecode(CultureCookie(signIn)));
    }

    [Fact]
    public async Task The_invitation_page_reads_in_the_invitation_language_unless_the_reader_chose_one()
    {
        var admin = await SignedInAsync(await app.CreateUserAsync("Admin", admin: true));
        var email = $"lisboa-{Guid.NewGuid():n}@example.org";
        var link = await InviteAsync(admin, email, InvitationGrant.Account, language: "pt");

        // The mail's link opened in a browser that asks for English: the page is in the mail's language.
        var invitee = NewClient();
        invitee.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var (status, page) = await invitee.FetchAsync(link);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("pt", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Convite para o Rumbo", page.QuerySelector("main h1").Text());
        // A form sent back with a mistake stays in it too.
        var refused = await invitee.PostFormAsync(link, [new("Password", ""), new("ConfirmPassword", "")]);
        var again = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("pt", again.DocumentElement.GetAttribute("lang"));

        // A language the reader chose wins: the switch's cookie, or the query string.
        var spanish = NewClient();
        spanish.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Des%7Cuic%3Des");
        Assert.Equal("es", (await spanish.FetchAsync(link)).Page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("fr", (await NewClient().FetchAsync(link + "?culture=fr")).Page.DocumentElement.GetAttribute("lang"));

        // A link no invitation has is read in the browser's language, and says so in it.
        var unknown = NewClient();
        unknown.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var (_, none) = await unknown.FetchAsync("/account/invitation/" + new string('x', 43));
        Assert.Equal("en", none.DocumentElement.GetAttribute("lang"));
        Assert.Equal("This invitation link is not valid", none.QuerySelector("main h1").Text());
    }

    [Fact]
    public async Task The_profile_saves_language_and_zone_and_refuses_what_is_not_offered()
    {
        var email = await app.CreateUserAsync("Chantal");
        var client = await SignedInAsync(email);
        var (status, page) = await client.FetchAsync("/account/profile");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("My profile", page.QuerySelector("h1").Text());
        Assert.Equal("", page.QuerySelector("#Language option[selected]")!.GetAttribute("value"));
        Assert.Equal(["", "en", "es", "pt", "fr"], page.QuerySelectorAll("#Language option").Select(o => o.GetAttribute("value")));
        Assert.Equal("Français", page.QuerySelector("#Language option[value=fr]").Text());
        Assert.Contains(page.QuerySelectorAll("#TimeZone option"), o => o.GetAttribute("value") == "America/Port-au-Prince");
        Assert.Equal("/account/profile", page.QuerySelector("header .account-nav .user-name a")!.GetAttribute("href"));

        var saved = await client.PostFormAsync("/account/profile", [new("Language", "fr"), new("TimeZone", "America/Port-au-Prince")],
            "/account/profile?handler=Preferences");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("c=fr|uic=fr", WebUtility.UrlDecode(CultureCookie(saved)));
        var (_, french) = await client.FetchAsync("/account/profile");
        Assert.Equal("fr", french.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Mon profil", french.QuerySelector("h1").Text());
        Assert.Equal("Enregistré.", french.QuerySelector("main .notice[role=status]").Text());
        Assert.Equal("America/Port-au-Prince", french.QuerySelector("#TimeZone option[selected]")!.GetAttribute("value"));
        await using (var db = app.Database.CreateContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            Assert.Equal(("fr", "America/Port-au-Prince"), (user.Language, user.TimeZone));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(RumboUser) && a.EntityId == user.Id.ToString() && a.Changes.Contains("Port-au-Prince")));
        }

        foreach (var (language, zone, field, message) in new[]
        {
            ("xx", "", "Language", "Choisissez une langue dans la liste."),
            ("", "Mars/Olympus_Mons", "TimeZone", "Choisissez un fuseau horaire dans la liste."),
        })
        {
            var refused = await client.PostFormAsync("/account/profile", [new("Language", language), new("TimeZone", zone)], "/account/profile?handler=Preferences");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var answer = await refused.ParseAsync();
            Assert.Equal(message, answer.QuerySelector($"#{field}-error").Text());
            Assert.Equal("true", answer.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
            Assert.Null(CultureCookie(refused));
        }
        await using (var db = app.Database.CreateContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            Assert.Equal(("fr", "America/Port-au-Prince"), (user.Language, user.TimeZone));
        }

        // Back to the browser's language and the site's zone.
        await client.PostFormAsync("/account/profile", [new("Language", ""), new("TimeZone", "")], "/account/profile?handler=Preferences");
        await using (var db = app.Database.CreateContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            Assert.Equal((null, null), (user.Language, user.TimeZone));
        }
    }

    [Fact]
    public async Task Contact_details_are_saved_checked_and_kept_from_a_lost_race()
    {
        var email = await app.CreateUserAsync("Ofelia");
        var client = await SignedInAsync(email);
        int personId, version;
        await using (var db = app.Database.CreateContext())
        {
            var person = await db.People.SingleAsync(p => p.Email == email);
            (personId, version) = (person.Id, person.Version);
        }
        KeyValuePair<string, string>[] Contact(string given, int read, string phone = "+509 2222 3333") =>
        [
            new("GivenName", given), new("FamilyName", "Joseph"), new("Position", "Directrice de la planification"),
            new("Phone", phone), new("ContactIsPublic", "true"), new("Version", read.ToString()),
        ];

        var saved = await client.PostFormAsync("/account/profile", Contact("Ofélia", version), "/account/profile?handler=Contact");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = app.Database.CreateContext())
        {
            var person = await db.People.SingleAsync(p => p.Id == personId);
            Assert.Equal(("Ofélia", "Joseph", "+509 2222 3333", true), (person.GivenName, person.FamilyName, person.Phone, person.ContactIsPublic));
            Assert.True(person.Version > version);
        }
        var (_, publicPage) = await NewClient().FetchAsync($"/people/{personId}");
        Assert.Contains("+509 2222 3333", publicPage.QuerySelector("main").Text());

        // A form read before that save is refused with 409; what was typed stays, nothing is saved.
        var stale = await client.PostFormAsync("/account/profile", Contact("Stale", version, "+509 0000"), "/account/profile?handler=Contact");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await stale.ParseAsync();
        Assert.Equal("Someone else saved your details after you opened this page. Nothing was saved.", conflict.QuerySelector("main [role=alert] strong").Text());
        Assert.Equal("Stale", conflict.QuerySelector("#GivenName")!.GetAttribute("value"));
        await using (var db = app.Database.CreateContext())
            Assert.Equal("Ofélia", (await db.People.SingleAsync(p => p.Id == personId)).GivenName);

        var blank = await client.PostFormAsync("/account/profile", Contact(" ", version), "/account/profile?handler=Contact");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        Assert.Equal("Enter the given name.", (await blank.ParseAsync()).QuerySelector("#GivenName-error").Text());
        var tooLong = await client.PostFormAsync("/account/profile", Contact("Ofélia", version, new string('9', 41)), "/account/profile?handler=Contact");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Equal("At most 40 characters.", (await tooLong.ParseAsync()).QuerySelector("#Phone-error").Text());
        await using (var db = app.Database.CreateContext())
            Assert.Equal("+509 2222 3333", (await db.People.SingleAsync(p => p.Id == personId)).Phone);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_the_other_sessions()
    {
        var email = await app.CreateUserAsync("Amaru");
        var client = await SignedInAsync(email);
        var other = await SignedInAsync(email);
        const string next = "another long enough password";

        var wrong = await client.PostFormAsync("/account/profile",
            [new("CurrentPassword", "not my password at all"), new("NewPassword", next), new("ConfirmPassword", next)], "/account/profile?handler=Password");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal("This is not your current password.", (await wrong.ParseAsync()).QuerySelector("#CurrentPassword-error").Text());
        var mismatch = await client.PostFormAsync("/account/profile",
            [new("CurrentPassword", AccountsApp.Password), new("NewPassword", next), new("ConfirmPassword", next + "!")], "/account/profile?handler=Password");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatch.StatusCode);
        Assert.Equal("The two passwords are not the same.", (await mismatch.ParseAsync()).QuerySelector("#ConfirmPassword-error").Text());
        var empty = await client.PostFormAsync("/account/profile", [new("CurrentPassword", ""), new("NewPassword", ""), new("ConfirmPassword", "")],
            "/account/profile?handler=Password");
        var emptyPage = await empty.ParseAsync();
        Assert.Equal("Enter your current password.", emptyPage.QuerySelector("#CurrentPassword-error").Text());
        Assert.Equal("Choose a password.", emptyPage.QuerySelector("#NewPassword-error").Text());
        Assert.True(await other.IsSignedInAsync());

        var changed = await client.PostFormAsync("/account/profile",
            [new("CurrentPassword", AccountsApp.Password), new("NewPassword", next), new("ConfirmPassword", next)], "/account/profile?handler=Password");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var (_, page) = await client.FetchAsync("/account/profile");
        Assert.Equal("Your password has been changed. Your other sessions have ended.", page.QuerySelector("main .notice[role=status]").Text());
        Assert.True(await client.IsSignedInAsync());
        Assert.False(await other.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.OK, (await NewClient().SignInAsync(email, AccountsApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await NewClient().SignInAsync(email, next)).StatusCode);
    }

    [Fact]
    public async Task The_profile_is_for_a_signed_in_browser_only()
    {
        var anonymous = await NewClient().GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location?.OriginalString);

        var email = await app.CreateUserAsync("Scripted");
        var token = await NewTokenAsync(await SignedInAsync(email), "profile script");
        var api = Bearer(token);
        var withToken = await api.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.Contains("/account/sign-in", withToken.Headers.Location?.OriginalString);
        var post = await api.PostAsync("/account/profile?handler=Preferences", new FormUrlEncodedContent([new("Language", "fr")]));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/account/sign-in", post.Headers.Location?.OriginalString);
        await using var db = app.Database.CreateContext();
        Assert.Null((await db.Users.SingleAsync(u => u.Email == email)).Language);
    }
}
