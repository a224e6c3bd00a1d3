using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Agreements;
using Rumbo.Core.Capacities;
using Rumbo.Core.Indicators;
using Rumbo.Core.Meetings;
using Rumbo.Core.Plans;
using Rumbo.Core.Records;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests.Workspace;

/// <summary>The workspace's "What is due": each person sees what waits for them, across features, linked to where it is done.</summary>
public abstract class DueWorkTests(RumboApp app)
{
    private readonly HttpClient client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_coordinator_is_asked_to_answer_a_meeting_approve_a_draft_record_do_their_action_and_catch_up_an_activity()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        int future, past, plan;
        await using (var db = app.Database.CreateContext())
        {
            var group = await db.Groups.SingleAsync(g => g.Slug == s.Complete);
            var coming = PlanScenario.Meeting(group.Id, DateTime.UtcNow.AddDays(12), $"Coming meeting {s.Suffix}");
            var held = PlanScenario.Meeting(group.Id, DateTime.UtcNow.AddDays(-20), $"Held meeting {s.Suffix}");
            db.Meetings.AddRange(coming, held);
            await db.SaveChangesAsync();
            db.MeetingParticipants.Add(new MeetingParticipant { MeetingId = coming.Id, PersonId = s.Ben, InvitedAtUtc = DateTime.UtcNow.AddDays(-1) });
            // Answered: nothing asked.
            db.MeetingParticipants.Add(new MeetingParticipant { MeetingId = coming.Id, PersonId = s.Carla, InvitedAtUtc = DateTime.UtcNow.AddDays(-1), Response = ParticipantResponse.Accepted });
            db.MeetingRecords.Add(new MeetingRecord
            {
                MeetingId = held.Id, Language = "en", Summary = new LocalizedText { Source = "Summary" }, CreatedAtUtc = DateTime.UtcNow,
                Sections =
                [
                    new RecordSection
                    {
                        Position = 1, Heading = new LocalizedText { Source = "Item" },
                        Outcomes =
                        [
                            new RecordOutcome { Position = 1, Kind = OutcomeKind.Action, Text = new LocalizedText { Source = $"Send the survey {s.Suffix}" }, OwnerPersonId = s.Ben, DueDate = Today.AddDays(-3) },
                            new RecordOutcome { Position = 2, Kind = OutcomeKind.Action, Text = new LocalizedText { Source = "Someone else's action" }, OwnerPersonId = s.Carla, DueDate = Today.AddDays(5) },
                            new RecordOutcome { Position = 3, Kind = OutcomeKind.Decision, Text = new LocalizedText { Source = "A decision" } },
                        ],
                    },
                ],
            });
            await db.SaveChangesAsync();
            future = coming.Id;
            past = held.Id;
        }
        plan = await PlanScenario.CreatePlanAsync(app.Database, s.Complete);

        // Ben coordinates the complete group.
        var benCookie = await SignedIn.CookieAsync(app, personId: s.Ben);
        var ben = await DueAsync(benCookie);
        var answer = Single(ben, "AnswerMeeting", $"Coming meeting {s.Suffix}");
        Assert.Equal($"/meetings/{future}", answer.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Answer the invitation", answer.TextContent);
        Assert.Contains($"due {Today.AddDays(12):d MMMM yyyy}", answer.TextContent, StringComparison.OrdinalIgnoreCase);
        var approve = Single(ben, "ApproveRecord", $"Held meeting {s.Suffix}");
        Assert.Equal($"/meetings/{past}/records/1", approve.QuerySelector("a")!.GetAttribute("href"));
        var action = Single(ben, "Action", $"Send the survey {s.Suffix}");
        Assert.Contains("overdue", action.ClassName);
        Assert.Contains("overdue since", action.TextContent);
        Assert.DoesNotContain(ben, li => li.TextContent.Contains("Someone else's action"));
        var activity = Single(ben, "OverdueActivity", "Call for participation");
        Assert.Equal($"/plans/{plan}", activity.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain(ben, li => li.TextContent.Contains("Seminars and workshops"));

        // Carla is a member of the complete group: she comments the draft, and has answered the meeting.
        var carla = await DueAsync(await SignedIn.CookieAsync(app, personId: s.Carla));
        Single(carla, "CommentRecord", $"Held meeting {s.Suffix}");
        Assert.DoesNotContain(carla, li => li.GetAttribute("data-kind") == "AnswerMeeting" && li.TextContent.Contains(s.Suffix));
        Assert.DoesNotContain(carla, li => li.GetAttribute("data-kind") == "OverdueActivity" && li.TextContent.Contains("Call for participation") && li.QuerySelector("a")!.GetAttribute("href") == $"/plans/{plan}");

        // Done: the invitation answered, the record approved, the activity completed: gone.
        await using (var db = app.Database.CreateContext())
        {
            await db.MeetingParticipants.Where(p => p.MeetingId == future && p.PersonId == s.Ben).ExecuteUpdateAsync(u => u.SetProperty(p => p.Response, ParticipantResponse.Declined));
            await db.MeetingRecords.Where(r => r.MeetingId == past).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RecordStatus.Approved));
            await db.PlanActivities.Where(a => a.PlanId == plan).ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ActivityStatus.Completed));
        }
        ben = await DueAsync(benCookie);
        Assert.DoesNotContain(ben, li => li.GetAttribute("data-kind") is "AnswerMeeting" or "ApproveRecord" or "OverdueActivity" && li.TextContent.Contains(s.Suffix));
        Assert.DoesNotContain(ben, li => li.QuerySelector("a")!.GetAttribute("href") == $"/plans/{plan}");
        // The action stays until its date is far past: actions have no done state.
        Single(ben, "Action", $"Send the survey {s.Suffix}");
    }

    [Fact]
    public async Task A_focal_point_is_asked_for_the_rounds_reports_the_returned_values_and_the_diagnosis_and_the_secretariat_to_review()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var focal = await IndicatorScenario.FocalPointAsync(app.Database, s.CountryA);
        await IndicatorScenario.ResetCountryAsync(app.Database, s.CountryA, ValueStatus.Returned);
        await IndicatorScenario.ResetCountryAsync(app.Database, s.CountryB, ValueStatus.Submitted);
        int round, diagnosis;
        await using (var db = app.Database.CreateContext())
        {
            var agenda = await db.Agendas.Where(a => a.Slug == IndicatorScenario.Agenda).Select(a => a.Id).SingleAsync();
            var reporting = new ReportingRound { AgendaId = agenda, Title = new LocalizedText { Source = $"Round {s.Suffix}" }, FirstYear = 2024, LastYear = 2025, OpensOn = Today.AddDays(-10), DueOn = Today.AddDays(20) };
            // A round not open yet asks nothing.
            var later = new ReportingRound { AgendaId = agenda, Title = new LocalizedText { Source = $"Later round {s.Suffix}" }, FirstYear = 2026, LastYear = 2026, OpensOn = Today.AddDays(30), DueOn = Today.AddDays(90) };
            db.ReportingRounds.AddRange(reporting, later);
            var instrument = await db.CapacityInstruments.Where(i => i.AgendaId == agenda && i.Status == InstrumentStatus.Published).OrderBy(i => i.Number).Select(i => i.Id).FirstAsync();
            var countries = await db.Countries.Where(c => c.Code == s.CountryA || c.Code == s.CountryB).ToDictionaryAsync(c => c.Code, c => c.Id);
            var capacityRound = new CapacityRound
            {
                AgendaId = agenda, InstrumentId = instrument, Title = new LocalizedText { Source = $"TOPP {s.Suffix}" }, OpensOn = Today.AddDays(-5), DueOn = Today.AddDays(-1), CreatedAtUtc = DateTime.UtcNow,
                Assessments =
                [
                    new CapacityAssessment { CountryId = countries[s.CountryA], Status = AssessmentStatus.Open, UpdatedAtUtc = DateTime.UtcNow },
                    new CapacityAssessment { CountryId = countries[s.CountryB], Status = AssessmentStatus.Submitted, UpdatedAtUtc = DateTime.UtcNow },
                ],
            };
            db.CapacityRounds.Add(capacityRound);
            // Two agreements of a group country A takes part in: one it has reported on, one it has not.
            var group = await db.Groups.SingleAsync(g => g.Slug == s.Complete);
            var held = PlanScenario.Meeting(group.Id, DateTime.UtcNow.AddDays(-30), $"Adopting meeting {s.Suffix}");
            db.Meetings.Add(held);
            await db.SaveChangesAsync();
            db.Agreements.Add(new Agreement { MeetingId = held.Id, GroupId = group.Id, Number = 1, Text = new LocalizedText { Source = $"Agreed to share {s.Suffix}" }, AdoptedOn = Today.AddDays(-30) });
            db.Agreements.Add(new Agreement
            {
                MeetingId = held.Id, GroupId = group.Id, Number = 2, Text = new LocalizedText { Source = $"Agreed and reported {s.Suffix}" }, AdoptedOn = Today.AddDays(-30),
                FollowUps = [new AgreementFollowUp { CountryId = countries[s.CountryA], Status = FollowUpStatus.InProgress, Text = "Under way", ReportedAtUtc = DateTime.UtcNow }],
            });
            await db.SaveChangesAsync();
            round = reporting.Id;
            diagnosis = capacityRound.Id;
        }

        var focalCookie = await SignedIn.CookieAsync(app, personId: focal);
        var due = await DueAsync(focalCookie);
        var country = s.CountryA.ToLowerInvariant();
        var report = Single(due, "ReportIndicators", $"Round {s.Suffix}");
        Assert.Equal($"/agendas/{IndicatorScenario.Agenda}/reporting/{country}", report.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain(due, li => li.TextContent.Contains($"Later round {s.Suffix}"));
        var returned = due.Single(li => li.GetAttribute("data-kind") == "FixReturnedValues");
        Assert.Contains("1 values", returned.TextContent);
        var topp = Single(due, "AnswerDiagnosis", $"TOPP {s.Suffix}");
        Assert.Equal($"/agendas/{IndicatorScenario.Agenda}/capacities/{country}/{diagnosis}", topp.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("overdue", topp.ClassName);
        Assert.DoesNotContain(due, li => li.GetAttribute("data-kind") is "ReviewValues" or "ReviewDiagnosis");
        var agreement = Single(due, "FollowUpAgreement", $"Agreed to share {s.Suffix}");
        Assert.StartsWith("/agreements/", agreement.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain(due, li => li.TextContent.Contains($"Agreed and reported {s.Suffix}"));

        // Sent: the round no longer waits for the country.
        await IndicatorScenario.ResetCountryAsync(app.Database, s.CountryA, ValueStatus.Submitted);
        await using (var db = app.Database.CreateContext())
            await db.IndicatorValues.Where(v => v.Country!.Code == s.CountryA).ExecuteUpdateAsync(u => u.SetProperty(v => v.RoundId, round));
        due = await DueAsync(focalCookie);
        Assert.DoesNotContain(due, li => li.TextContent.Contains($"Round {s.Suffix}"));
        Assert.DoesNotContain(due, li => li.GetAttribute("data-kind") == "FixReturnedValues");

        var secretariat = await DueAsync(await SignedIn.CookieAsync(app, Roles.SecretariatAdmin));
        var review = secretariat.Single(li => li.GetAttribute("data-kind") == "ReviewValues" && li.QuerySelector("a")!.GetAttribute("href")!.EndsWith($"/{s.CountryB.ToLowerInvariant()}", StringComparison.Ordinal));
        Assert.Contains(s.CountryBName, review.TextContent);
        Single(secretariat, "ReviewDiagnosis", $"TOPP {s.Suffix}");
    }

    [Fact]
    public async Task A_person_with_nothing_due_is_told_so_in_their_language()
    {
        var s = await GroupScenario.CreateAsync(app.Database);
        var page = await PageAsync(await SignedIn.CookieAsync(app, personId: s.Ana), "es");
        Assert.Equal("Lo pendiente", page.QuerySelector("#due-heading")!.TextContent.Trim());
    }

    private static IElement Single(IReadOnlyList<IElement> items, string kind, string text)
    {
        var found = items.Where(li => li.GetAttribute("data-kind") == kind && li.TextContent.Contains(text, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"{found.Count} entries of kind {kind} with \"{text}\" among: {string.Join(" | ", items.Select(i => $"{i.GetAttribute("data-kind")}: {i.TextContent.Trim()}"))}");
        return found[0];
    }

    private async Task<IReadOnlyList<IElement>> DueAsync(string cookie) => (await PageAsync(cookie)).QuerySelectorAll("#due li").ToList();

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string cookie, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/workspace");
        request.Headers.Add("Cookie", cookie);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /workspace answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        return new HtmlParser().ParseDocument(body);
    }
}

public sealed class SqliteDueWorkTests(SqliteApp app) : DueWorkTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDueWorkTests(PostgresApp app) : DueWorkTests(app), IClassFixture<PostgresApp>;
