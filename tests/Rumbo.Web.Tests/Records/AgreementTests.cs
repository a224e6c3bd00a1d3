using System.Net;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Groups;
using Rumbo.Core.Meetings;
using Rumbo.TestSupport;
using Rumbo.Web.Tests.Accounts;
using static Rumbo.Web.Tests.Records.RecordsTestKit;
using Rumbo.Core.Agreements;

namespace Rumbo.Web.Tests.Records;

/// <summary>
/// Agreements are recorded by the group's coordinators and the secretariat, linked to lines of the group's agenda; each
/// country's follow-up is reported by that country (its focal points, the group's members from it) or the secretariat.
/// </summary>
public abstract class AgreementTests(RumboApp app)
{
    private readonly RecordsTestKit kit = new(app);

    [Fact]
    public async Task A_coordinator_records_agreements_numbered_in_the_meeting_with_lines_validated()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var (cookie, _) = await kit.NewMemberAsync(s.CompleteId, GroupRole.Coordinator);
        var url = $"/meetings/{s.Meeting}/agreements/new";
        var form = await kit.OpenAsync(url, cookie);
        Assert.Equal("2025-06-10", form.Value("AdoptedOn"));
        var fields = Fields(form.Page);
        var audit = await kit.AuditCountAsync();

        var bad = await kit.PostAsync(url, form, With(fields, ("Text.Source", ""), ("Lines", "2.4.1, 9.9.9"), ("AdoptedOn", "tenth of June")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var page = await bad.ParseAsync();
        Assert.NotNull(page.QuerySelector("#Lines-error"));
        Assert.NotNull(page.QuerySelector("#AdoptedOn-error"));
        Assert.NotNull(page.QuerySelector("#Text_Source-error"));
        Assert.Equal(audit, await kit.AuditCountAsync());

        var first = await kit.PostAsync(url, form, With(fields, ("Kind", "Recommendation"), ("Text.Source", "Strengthen the foresight network."),
            ("Text.Es", "Fortalecer la red de prospectiva."), ("Lines", "2.4.1 2.5.1"), ("Visibility", "Public")));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await kit.PostAsync(url, form, With(fields, ("Text.Source", "Meet again in October."), ("Lines", ""), ("Visibility", "Members")));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        await using var db = kit.Db();
        var saved = await db.Agreements.AsNoTracking().Include(a => a.Lines).ThenInclude(l => l.LineOfAction).Where(a => a.MeetingId == s.Meeting).OrderBy(a => a.Number).ToListAsync();
        Assert.Equal([1, 2], saved.Select(a => a.Number));
        Assert.Equal((AgreementKind.Recommendation, "Fortalecer la red de prospectiva.", s.CompleteId), (saved[0].Kind, saved[0].Text.Es!, saved[0].GroupId));
        Assert.Equal(["2.4.1", "2.5.1"], saved[0].Lines.Select(l => l.LineOfAction!.Code).Order());
        Assert.Equal(Visibility.Members, saved[1].Visibility);

        var es = await kit.PageAsync($"/agreements/{saved[0].Id}?culture=es");
        Assert.Contains("Fortalecer la red de prospectiva.", es.QuerySelector(".agreement-text")!.TextContent);
        Assert.NotNull(es.QuerySelector("a[href='/agendas/lc-crp-20-6/lines/2.5.1']"));

        // Edit: a stale version answers 409 and writes nothing.
        var edit = await kit.OpenAsync($"/agreements/{saved[0].Id}/edit", cookie);
        Assert.Equal("2.4.1, 2.5.1", edit.Value("Lines"));
        var editFields = Fields(edit.Page);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"/agreements/{saved[0].Id}/edit", edit, With(editFields, ("Lines", "2.4.1")))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.PostAsync($"/agreements/{saved[0].Id}/edit", edit, With(editFields, ("Text.Source", "Stale")))).StatusCode);
        var after = await db.Agreements.AsNoTracking().Include(a => a.Lines).SingleAsync(a => a.Id == saved[0].Id);
        Assert.Equal(("Strengthen the foresight network.", 1, 1), (after.Text.Source, after.Version, after.Lines.Count));

        // Another group's coordinator may do neither.
        var (other, _) = await kit.NewMemberAsync(s.LoneId, GroupRole.Coordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.GetAsync(url, other)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.PostAsync($"/agreements/{saved[0].Id}/edit", await kit.AnyFormAsync(other), editFields)).StatusCode);
    }

    [Fact]
    public async Task Each_country_reports_its_own_follow_up_and_the_agreement_page_lists_the_groups_countries_first()
    {
        var s = await RecordsScenario.CreateAsync(app.Database);
        var id = await s.AddAgreementAsync(app.Database, Visibility.Public, $"Share the studies {s.Groups.Suffix}");
        var a = s.Groups.CountryA.ToLowerInvariant();
        var b = s.Groups.CountryB.ToLowerInvariant();
        var page = await kit.PageAsync($"/agreements/{id}");
        var rows = page.QuerySelectorAll("table.follow-up tbody tr[id]").ToList();
        Assert.Equal([$"country-{a}", $"country-{b}"], rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Contains("No report yet", r.TextContent));

        // Ana is country A's focal point for the agenda: she reports for A, not for B.
        var ana = await kit.AsPersonAsync(s.Groups.Ana);
        var anaPage = await kit.PageAsync($"/agreements/{id}", ana);
        Assert.NotNull(anaPage.QuerySelector($"a[href='/agreements/{id}/follow-up?country={a}']"));
        Assert.Null(anaPage.QuerySelector($"a[href='/agreements/{id}/follow-up?country={b}']"));
        // She reports for one country only, which is in the table: no other country is offered to her.
        Assert.Null(anaPage.QuerySelector("form.other-country"));
        Assert.Null(anaPage.QuerySelector(".other-country-link"));
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.GetAsync($"/agreements/{id}/follow-up?country={b}", ana)).StatusCode);
        var form = await kit.OpenAsync($"/agreements/{id}/follow-up?country={a}", ana);
        var audit = await kit.AuditCountAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.PostAsync($"/agreements/{id}/follow-up?country={b}", form, ("Version", "-1"), ("Status", "Completed"), ("Text", "Not mine"))).StatusCode);
        var hostile = await kit.PostAsync($"/agreements/{id}/follow-up?country={a}", form, ("Version", "-1"), ("Status", "Completed"), ("Text", "Done"), ("EvidenceUrl", "javascript:alert(1)"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, hostile.StatusCode);
        Assert.NotNull((await hostile.ParseAsync()).QuerySelector("#EvidenceUrl-error"));
        Assert.Equal(audit, await kit.AuditCountAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"/agreements/{id}/follow-up?country={a}", form,
            ("Version", "-1"), ("Status", "InProgress"), ("Text", "Two studies shared."), ("EvidenceUrl", "https://example.org/studies"))).StatusCode);
        // The same form again is stale: its version said there was no report yet.
        Assert.Equal(HttpStatusCode.Conflict, (await kit.PostAsync($"/agreements/{id}/follow-up?country={a}", form, ("Version", "-1"), ("Status", "Completed"), ("Text", "Stale"))).StatusCode);
        var update = await kit.OpenAsync($"/agreements/{id}/follow-up?country={a}", ana);
        Assert.Equal("0", update.Value("Version"));
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"/agreements/{id}/follow-up?country={a}", update, ("Version", "0"), ("Status", "Completed"), ("Text", "All studies shared."))).StatusCode);

        // Carla is a member of the group from country B: she reports for B.
        var carla = await kit.AsPersonAsync(s.Groups.Carla);
        Assert.Null((await kit.PageAsync($"/agreements/{id}", carla)).QuerySelector("form.other-country"));
        // A focal point of a country outside the group is offered that country, by name, and nothing else.
        await using (var fdb = kit.Db())
        {
            var agendaId = await fdb.Agreements.Where(x => x.Id == id).Select(x => x.Group!.AgendaId).SingleAsync();
            fdb.FocalPoints.Add(new Rumbo.Core.Groups.FocalPoint { AgendaId = agendaId, CountryId = await fdb.Countries.Where(c => c.Code == "UY").Select(c => c.Id).SingleAsync(), PersonId = s.Groups.Ben });
            await fdb.SaveChangesAsync();
        }
        var ben = await kit.AsPersonAsync(s.Groups.Ben);
        var benPage = await kit.PageAsync($"/agreements/{id}", ben);
        Assert.Null(benPage.QuerySelector("form.other-country"));
        Assert.Equal([$"/agreements/{id}/follow-up?country=uy"], benPage.QuerySelectorAll(".other-country-link a").Select(l => l.GetAttribute("href")));
        await using (var fdb = kit.Db())
        {
            await fdb.FocalPoints.Where(f => f.PersonId == s.Groups.Ben).ExecuteDeleteAsync();
        }
        var carlaForm = await kit.OpenAsync($"/agreements/{id}/follow-up?country={b}", carla);
        Assert.Equal(HttpStatusCode.Redirect, (await kit.PostAsync($"/agreements/{id}/follow-up?country={b}", carlaForm, ("Version", "-1"), ("Status", "NotStarted"), ("Text", "Planned for next year."))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.GetAsync($"/agreements/{id}/follow-up?country={a}", carla)).StatusCode);
        // A coordinator who belongs to no country reports for none; the secretariat reports for any.
        Assert.Null((await kit.PageAsync($"/agreements/{id}", ben)).QuerySelector(".other-country-link"));
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.GetAsync($"/agreements/{id}/follow-up?country={a}", ben)).StatusCode);
        var secretariat = await SignedIn.CookieAsync(app, Rumbo.Core.Accounts.Roles.SecretariatAdmin);
        Assert.Equal(HttpStatusCode.OK, (await kit.GetAsync($"/agreements/{id}/follow-up?country=uy", secretariat)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync($"/agreements/{id}/follow-up?country={GroupScenario.UnknownCountry}", secretariat)).StatusCode);

        await using var db = kit.Db();
        var reports = await db.AgreementFollowUps.AsNoTracking().Where(f => f.AgreementId == id).Include(f => f.Country).ToListAsync();
        Assert.Equal(2, reports.Count);
        var ra = reports.Single(r => r.Country!.Code == s.Groups.CountryA);
        Assert.Equal((FollowUpStatus.Completed, "All studies shared.", (string?)null, s.Groups.Ana, 1), (ra.Status, ra.Text, ra.EvidenceUrl, ra.ReportedByPersonId!.Value, ra.Version));
        var history = await db.AuditEntries.CountAsync(e => e.EntityType == "AgreementFollowUp" && e.EntityId == ra.Id.ToString());
        Assert.Equal(2, history);

        var shown = await kit.PageAsync($"/agreements/{id}");
        Assert.Contains("All studies shared.", shown.QuerySelector($"#country-{a}")!.TextContent);
        Assert.Contains("Ana", shown.QuerySelector($"#country-{a}")!.TextContent);
        Assert.Contains("Planned for next year.", shown.QuerySelector($"#country-{b}")!.TextContent);
        var list = await kit.PageAsync($"/groups/{s.Groups.Complete}/agreements");
        Assert.Contains("2 / 2", list.QuerySelector("table.agreements")!.TextContent);
    }

    [Fact]
    public async Task An_agreement_of_a_group_with_no_country_says_so_and_the_secretariat_reports_for_any_country()
    {
        _ = app.Services;
        await using var db = app.Database.CreateContext();
        var agreement = await db.Agreements.Where(a => a.Visibility == Visibility.Public && !db.GroupCountries.Any(c => c.GroupId == a.GroupId) && !a.FollowUps.Any())
            .Select(a => a.Id).FirstAsync();
        var page = await kit.PageAsync($"/agreements/{agreement}");
        Assert.Null(page.QuerySelector("table.follow-up"));
        Assert.Contains("No country takes part in this group yet", page.QuerySelector("main")!.TextContent);
        Assert.Null(page.QuerySelector("form.other-country"));

        var secretariat = await SignedIn.CookieAsync(app, Rumbo.Core.Accounts.Roles.SecretariatAdmin);
        var signedIn = await kit.PageAsync($"/agreements/{agreement}", secretariat);
        Assert.Equal($"/agreements/{agreement}/follow-up", signedIn.QuerySelector("form.other-country")!.GetAttribute("action"));
        Assert.Equal(HttpStatusCode.OK, (await kit.GetAsync($"/agreements/{agreement}/follow-up?country=uy", secretariat)).StatusCode);
    }
}

public sealed class SqliteAgreementTests(SqliteApp app) : AgreementTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAgreementTests(PostgresApp app) : AgreementTests(app), IClassFixture<PostgresApp>;
