using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Accounts;
using Rumbo.Core.Groups;
using Rumbo.Core.People;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests;

/// <summary>Who the matrix is tried as: one column of docs/permissions.md each.</summary>
public enum Who
{
    Anonymous,
    SignedIn,
    GroupMember,
    GroupCoordinator,
    FocalPoint,
    Secretariat,
}

/// <summary>
/// docs/permissions.md, tried: every write handler of the site posted as every kind of user, with a valid
/// antiforgery token of that user, so that only the permission check can refuse. Refused: anonymous users are sent
/// to sign in, those who may not read the target get 404, the others 403, and the audit trail (which every save extends) does not grow.
/// </summary>
public abstract partial class PermissionMatrixTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>
    /// A write: where to post, what, and who may. <paramref name="Hidden"/> are the signed-in users who may not even read
    /// what the write changes: they are answered 404, as for an id that does not exist, where the others get 403.
    /// </summary>
    public sealed record Write(string Name, Func<PermissionMatrixTests, Task<string>> Url, Func<PermissionMatrixTests, Task<Dictionary<string, string>>> Fields, Who[] Allowed, Who[]? Hidden = null)
    {
        /// <summary>A file posted with the fields as multipart/form-data, as the uploads take it.</summary>
        public Func<(string Field, string Name, byte[] Content)>? File { get; init; }

        /// <summary>A file made from what is stored when the case runs (a translated file names the texts' ids and sources).</summary>
        public Func<PermissionMatrixTests, Task<(string Field, string Name, byte[] Content)>>? FileOf { get; init; }

        /// <summary>Posted as the API is: with the caller's personal access token, no cookie and no antiforgery token.</summary>
        public bool Api { get; init; }
    }

    private static readonly Who[] Everyone = [Who.SignedIn, Who.GroupMember, Who.GroupCoordinator, Who.FocalPoint, Who.Secretariat];

    /// <summary>Every write of the site: those of the agendas, groups and accounts here; each later feature's in a file of its own.</summary>
    public static readonly IReadOnlyList<Write> Writes =
        [.. CoreWrites, .. MeetingWrites(), .. RecordWrites(), .. DocumentWrites(), .. PlanWrites(), .. CalendarWrites(), .. IndicatorWrites(), .. TranslationWrites(), .. PolicyWrites(), .. CapacityWrites(), .. RoadMapWrites()];

    private static Write[] CoreWrites =>
    [
        new("edit a line of action", _ => Task.FromResult("/agendas/lc-crp-20-6/lines/1.1.1/edit"),
            async t => new() { ["Version"] = await t.AgendaVersion(), ["Text.Source"] = await t.LineText("1.1.1"), ["Text.Es"] = "Diseñar y aplicar." }, [Who.Secretariat]),
        new("move a line of action", _ => Task.FromResult("/agendas/lc-crp-20-6/lines/1.1.2/edit?handler=move&by=1"),
            async t => new() { ["Version"] = await t.AgendaVersion() }, [Who.Secretariat]),
        new("edit a strategic objective", _ => Task.FromResult("/agendas/lc-crp-20-6/objectives/1.1/edit"),
            async t => new() { ["Version"] = await t.AgendaVersion(), ["Text.Source"] = "Put in place collaborative governance mechanisms." }, [Who.Secretariat]),
        new("move a strategic objective", _ => Task.FromResult("/agendas/lc-crp-20-6/objectives/3.1/edit?handler=move&by=1"),
            async t => new() { ["Version"] = await t.AgendaVersion() }, [Who.Secretariat]),
        new("add a line of action", _ => Task.FromResult("/agendas/lc-crp-20-6/objectives/1.2/edit?handler=AddLine"),
            async t => new() { ["Version"] = await t.AgendaVersion(), ["NewLine.Source"] = "A new line." }, [Who.Secretariat]),
        new("edit an agenda", _ => Task.FromResult("/agendas/lc-crp-20-6/edit"),
            async t => new() { ["Version"] = await t.AgendaVersion(), ["Title.Source"] = "Regional agenda", ["AdoptingBody.Source"] = "Regional Council for Planning", ["Status"] = "Adopted" }, [Who.Secretariat]),
        new("add a strategic objective", _ => Task.FromResult("/agendas/lc-crp-20-6/edit?handler=AddObjective"),
            async t => new() { ["Version"] = await t.AgendaVersion(), ["NewObjectiveArea"] = "3", ["NewObjective.Source"] = "A new objective." }, [Who.Secretariat]),
        new("edit an area title", _ => Task.FromResult("/agendas/lc-crp-20-6/areas/4/edit"),
            async t => new() { ["Version"] = await t.AgendaVersion(), ["Text.Source"] = "Evaluation, public value and establishing a culture of continuous learning", ["Text.Es"] = "Evaluación" }, [Who.Secretariat]),
        new("edit a group", async t => $"/groups/{(await t.Scenario()).Complete}/edit",
            async t => new() { ["Version"] = await t.GroupVersion(), ["GroupName.Source"] = await t.GroupName(), ["Mandate.Source"] = $"Mandate {Guid.NewGuid():n}", ["Status"] = "Active",
                ["Coordinating"] = (await t.Scenario()).CountryA, ["Participating"] = (await t.Scenario()).CountryB }, [Who.GroupCoordinator, Who.Secretariat]),
        new("add a group member", async t => $"/groups/{(await t.Scenario()).Complete}/members?handler=Add",
            async t => new() { ["Version"] = await t.GroupVersion(), ["PersonId"] = await t.NewPerson(), ["NewRole"] = "Member" }, [Who.GroupCoordinator, Who.Secretariat]),
        new("invite a person", _ => Task.FromResult("/admin/invitations?handler=Invite"),
            _ => Task.FromResult(new Dictionary<string, string> { ["Email"] = $"invited-{Guid.NewGuid():n}@example.org", ["GivenName"] = "Invited", ["FamilyName"] = "Person", ["Grant"] = "Account", ["Language"] = "en" }), [Who.Secretariat]),
        new("cancel an invitation", async t => $"/admin/invitations?handler=Cancel&id={await t.PendingInvitation()}",
            _ => Task.FromResult(new Dictionary<string, string>()), [Who.Secretariat]),
        new("resend an invitation", async t => $"/admin/invitations?handler=Resend&id={await t.PendingInvitation()}",
            _ => Task.FromResult(new Dictionary<string, string>()), [Who.Secretariat]),
        new("change a group member's role", async t => $"/groups/{(await t.Scenario()).Complete}/members?handler=Change",
            async t => new() { ["Version"] = await t.GroupVersion(), ["MemberId"] = await t.MemberOf("Carla"), ["Role"] = "Member" }, [Who.GroupCoordinator, Who.Secretariat]),
        new("remove a group member", async t => $"/groups/{(await t.Scenario()).Complete}/members?handler=Remove",
            async t => new() { ["Version"] = await t.GroupVersion(), ["MemberId"] = await t.NewMemberOfComplete() }, [Who.GroupCoordinator, Who.Secretariat]),
        new("create a personal access token", _ => Task.FromResult("/account/tokens?handler=Create"),
            _ => Task.FromResult(new Dictionary<string, string> { ["Name"] = "matrix" }), Everyone),
        new("set my language and time zone", _ => Task.FromResult("/account/profile?handler=Preferences"),
            _ => Task.FromResult(new Dictionary<string, string> { ["Language"] = "fr", ["TimeZone"] = "America/Port-au-Prince" }), Everyone),
        // Contact details are a person's: an account that is no person (made on the command line) has none to change.
        new("change my contact details", _ => Task.FromResult("/account/profile?handler=Contact"),
            async t => new() { ["GivenName"] = $"Given {Guid.NewGuid():n}", ["FamilyName"] = "Matrix", ["Version"] = await t.CallerVersion() },
            [Who.GroupMember, Who.GroupCoordinator, Who.FocalPoint], Hidden: [Who.SignedIn, Who.Secretariat]),
    ];

    public static IEnumerable<object[]> Cases() =>
        from w in Writes from who in Enum.GetValues<Who>() select new object[] { w.Name, who };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_write_is_allowed_or_refused_as_the_matrix_says(string write, Who who)
    {
        var w = Writes.Single(x => x.Name == write);
        var credential = await UserCredential(who, w.Api);
        var url = await w.Url(this);
        var fields = await w.Fields(this);

        var before = await AuditCount();
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (w.Api)
        {
            if (credential is not null) request.Headers.Authorization = new("Bearer", credential);
        }
        else
        {
            // A token of this very user, from a page every user can open, so antiforgery never refuses in its place.
            var formPage = credential is null ? "/account/sign-in" : "/account/sign-out";
            var get = credential is null ? await client.GetAsync(formPage) : await client.GetAsync(formPage, credential);
            var page = new HtmlParser().ParseDocument(await get.Content.ReadAsStringAsync());
            fields["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var antiforgery = get.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
            request.Headers.Add("Cookie", credential is null ? antiforgery : $"{credential}; {antiforgery}");
        }
        if (w.File is not null || w.FileOf is not null)
        {
            var (field, name, content) = w.FileOf is { } made ? await made(this) : w.File!();
            var multipart = new MultipartFormDataContent();
            foreach (var (key, value) in fields) multipart.Add(new StringContent(value), key);
            multipart.Add(new ByteArrayContent(content), field, name);
            request.Content = multipart;
        }
        else
        {
            request.Content = new FormUrlEncodedContent(fields);
        }
        var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";

        if (w.Allowed.Contains(who))
        {
            Assert.True(status is 200 or 201 or 302, $"{write} as {who}: expected success, got {status} {location} {(status >= 400 ? await response.Content.ReadAsStringAsync() : "")}");
            Assert.DoesNotContain("/account/sign-in", location);
            Assert.True(await AuditCount() > before, $"{write} as {who} answered {status} but changed nothing");
        }
        else
        {
            if (w.Api)
            {
                Assert.Equal(who == Who.Anonymous ? 401 : 403, status);
            }
            else if (who == Who.Anonymous)
            {
                Assert.Equal(302, status);
                Assert.Contains("/account/sign-in", location);
            }
            else
            {
                Assert.Equal(w.Hidden?.Contains(who) == true ? 404 : 403, status);
            }
            Assert.Equal(before, await AuditCount());
        }
    }

    /// <summary>The person of the account the case is tried as, when it has one.</summary>
    private int? callerPerson;

    /// <summary>The version of the caller's person, for a form that carries it; 0 when the caller is no person.</summary>
    private async Task<string> CallerVersion()
    {
        if (callerPerson is not int id) return "0";
        await using var db = app.Database.CreateContext();
        return (await db.People.SingleAsync(p => p.Id == id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> AuditCount()
    {
        await using var db = app.Database.CreateContext();
        return await db.AuditEntries.CountAsync();
    }

    private async Task<string> AgendaVersion()
    {
        await using var db = app.Database.CreateContext();
        return (await db.Agendas.SingleAsync(a => a.Slug == "lc-crp-20-6")).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> LineText(string code)
    {
        await using var db = app.Database.CreateContext();
        return (await db.Lines.SingleAsync(l => l.Code == code && l.Agenda!.Slug == "lc-crp-20-6")).Text.Source;
    }

    private Task<GroupScenario> Scenario() => GroupScenario.SharedAsync(app.Database);

    /// <summary>The group's name as it is, so that a case changes its mandate and leaves its name to the other tests.</summary>
    private async Task<string> GroupName()
    {
        var slug = (await Scenario()).Complete;
        await using var db = app.Database.CreateContext();
        return (await db.Groups.SingleAsync(g => g.Slug == slug)).Name.Source;
    }

    private async Task<string> GroupVersion()
    {
        var slug = (await Scenario()).Complete;
        await using var db = app.Database.CreateContext();
        return (await db.Groups.SingleAsync(g => g.Slug == slug)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> MemberOf(string givenName)
    {
        var slug = (await Scenario()).Complete;
        await using var db = app.Database.CreateContext();
        return (await db.GroupMembers.FirstAsync(m => m.Group!.Slug == slug && m.Person!.GivenName == givenName)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> NewMemberOfComplete()
    {
        var slug = (await Scenario()).Complete;
        await using var db = app.Database.CreateContext();
        var group = await db.Groups.SingleAsync(g => g.Slug == slug);
        var member = new GroupMember { GroupId = group.Id, Person = new Person { GivenName = "Leaving", FamilyName = "Member", IsExample = true }, Role = GroupRole.Member };
        db.GroupMembers.Add(member);
        await db.SaveChangesAsync();
        return member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> NewPerson()
    {
        await using var db = app.Database.CreateContext();
        var person = new Person { GivenName = "New", FamilyName = $"Member {Guid.NewGuid():n}"[..20], IsExample = true };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> PendingInvitation()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Rumbo.Core.Data.RumboDbContext>();
        var person = new Person { GivenName = "Pending", FamilyName = "Invitee", Email = $"pending-{Guid.NewGuid():n}@example.org", IsExample = true };
        var invitation = new Invitation
        {
            Email = person.Email, Person = person, Grant = InvitationGrant.Account, TokenHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
            InvitedByUserId = 0, CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(7),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        return invitation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// An account of the given kind, with the person and role that make it so, as its sign-in cookie or, for the API, a
    /// personal access token; null for anonymous.
    /// </summary>
    private async Task<string?> UserCredential(Who who, bool api)
    {
        if (who == Who.Anonymous) return null;
        if (who == Who.Secretariat) return api ? await SignedIn.TokenAsync(app, Roles.SecretariatAdmin) : await SignedIn.CookieAsync(app, Roles.SecretariatAdmin);
        if (who == Who.SignedIn) return api ? await SignedIn.TokenAsync(app) : await SignedIn.CookieAsync(app);
        var scenario = await GroupScenario.SharedAsync(app.Database);
        int personId;
        await using (var db = app.Database.CreateContext())
        {
            var person = new Person { GivenName = who.ToString(), FamilyName = "Matrix", IsExample = true };
            db.People.Add(person);
            await db.SaveChangesAsync();
            personId = person.Id;
            callerPerson = personId;
            var group = await db.Groups.SingleAsync(g => g.Slug == scenario.Complete);
            switch (who)
            {
                case Who.GroupMember:
                    db.GroupMembers.Add(new GroupMember { GroupId = group.Id, PersonId = personId, Role = GroupRole.Member });
                    break;
                case Who.GroupCoordinator:
                    db.GroupMembers.Add(new GroupMember { GroupId = group.Id, PersonId = personId, Role = GroupRole.Coordinator });
                    break;
                case Who.FocalPoint:
                    var country = await db.Countries.SingleAsync(c => c.Code == scenario.CountryA);
                    db.FocalPoints.Add(new FocalPoint { AgendaId = group.AgendaId, CountryId = country.Id, PersonId = personId });
                    break;
            }
            await db.SaveChangesAsync();
        }
        return api ? await SignedIn.TokenAsync(app, personId: personId) : await SignedIn.CookieAsync(app, personId: personId);
    }
}

public sealed class SqlitePermissionMatrixTests(SqliteApp app) : PermissionMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPermissionMatrixTests(PostgresApp app) : PermissionMatrixTests(app), IClassFixture<PostgresApp>;
