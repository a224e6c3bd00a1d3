using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core.Accounts;
using Rumbo.Core.Calendars;
using Rumbo.Core.Meetings;
using Rumbo.TestSupport;
using Calendar = Ical.Net.Calendar;

namespace Rumbo.Web.Tests.Calendars;

public abstract class MeetingNotifierTests(RumboApp app)
{
    private Task<CalendarScenario> Scenario() => CalendarClient.ScenarioAsync(app);

    private string MailFolder => Path.Combine(app.Database.Directory, "mail");

    /// <summary>Every message written to the pickup folder for the person, read as a mail program reads it.</summary>
    private async Task<List<Mime>> MailTo(int personId)
    {
        await using var db = app.Database.CreateContext();
        var email = db.People.Single(p => p.Id == personId).Email;
        if (email is null || !Directory.Exists(MailFolder)) return [];
        return Directory.GetFiles(MailFolder, "*.eml").Select(f => Mime.Parse(File.ReadAllText(f)))
            .Where(m => m.Headers["To"] == email).ToList();
    }

    private static (Calendar Calendar, string ContentType) CalendarPart(Mime message)
    {
        var part = Assert.Single(message.Parts, p => p.Headers["Content-Type"].StartsWith("text/calendar", StringComparison.Ordinal));
        return (Calendar.Load(part.Text)!, part.Headers["Content-Type"]);
    }

    private async Task NotifyAsync(int meetingId, MeetingChange change, IReadOnlyCollection<int>? people = null, string language = "en")
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IMeetingNotifier>().NotifyAsync(meetingId, change, people);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public async Task An_invitation_goes_to_the_people_named_with_a_calendar_request()
    {
        var s = await Scenario();
        var invited = await CalendarScenario.AddPersonAsync(app.Database, "Invited");
        var noEmail = await CalendarScenario.AddPersonAsync(app.Database, "Mailless", withEmail: false);
        var bystander = await CalendarScenario.AddPersonAsync(app.Database, "Bystander");
        await CalendarScenario.AddParticipantAsync(app.Database, s.Closed, bystander);

        await NotifyAsync(s.Closed, MeetingChange.Invited, [invited, noEmail]);

        var message = Assert.Single(await MailTo(invited));
        Assert.Equal($"Invitation: Closed meeting {s.Groups.Suffix}", message.Headers["Subject"]);
        var body = message.Parts[0].Text;
        Assert.Contains($"{s.Groups.CompleteName} invites you to this meeting.", body);
        Assert.Contains("(America/Mexico_City, UTC−06:00)", body);
        Assert.Contains($"Online link: {s.ClosedLink}", body);
        Assert.Contains($"/meetings/{s.Closed}", body);
        var (calendar, type) = CalendarPart(message);
        Assert.Equal("text/calendar; method=REQUEST; charset=utf-8; name=\"invite.ics\"", type);
        Assert.Equal("REQUEST", calendar.Method);
        var e = Assert.Single(calendar.Events);
        Assert.Contains(s.ClosedSecret, e.Description);
        Assert.Equal("America/Mexico_City", e.DtStart!.TzId);
        Assert.Equal("CONFIRMED", e.Status);
        Assert.Contains(e.Attendees, a => a.Value!.ToString().Contains("invited-", StringComparison.Ordinal));
        Assert.Contains(calendar.TimeZones, z => z.TzId == "America/Mexico_City");

        Assert.Empty(await MailTo(bystander));
    }

    [Fact]
    public async Task A_cancellation_goes_to_everyone_invited_or_registered_who_did_not_decline()
    {
        var s = await Scenario();
        var meeting = await CalendarScenario.AddAsync(app.Database, s.Groups.Complete, m =>
        {
            m.Title = new() { Source = $"To be cancelled {s.Groups.Suffix}" };
            m.TimeZone = "America/Santiago";
            m.CalendarSequence = 2;
            m.Status = MeetingStatus.Cancelled;
        });
        var invited = await CalendarScenario.AddPersonAsync(app.Database, "Invited");
        var registered = await CalendarScenario.AddPersonAsync(app.Database, "Registered");
        var declined = await CalendarScenario.AddPersonAsync(app.Database, "Declined");
        var mailless = await CalendarScenario.AddPersonAsync(app.Database, "Mailless", withEmail: false);
        var stranger = await CalendarScenario.AddPersonAsync(app.Database, "Stranger");
        await CalendarScenario.AddParticipantAsync(app.Database, meeting, invited);
        await CalendarScenario.AddParticipantAsync(app.Database, meeting, registered, registered: true, response: ParticipantResponse.Accepted);
        await CalendarScenario.AddParticipantAsync(app.Database, meeting, declined, response: ParticipantResponse.Declined);
        await CalendarScenario.AddParticipantAsync(app.Database, meeting, mailless);

        await NotifyAsync(meeting, MeetingChange.Cancelled);

        foreach (var person in new[] { invited, registered })
        {
            var message = Assert.Single(await MailTo(person));
            Assert.Equal($"Cancelled: To be cancelled {s.Groups.Suffix}", message.Headers["Subject"]);
            var (calendar, type) = CalendarPart(message);
            Assert.StartsWith("text/calendar; method=CANCEL", type);
            Assert.Equal("CANCEL", calendar.Method);
            var e = Assert.Single(calendar.Events);
            Assert.Equal("CANCELLED", e.Status);
            Assert.Equal(2, e.Sequence);
        }
        Assert.Empty(await MailTo(declined));
        Assert.Empty(await MailTo(stranger));
    }

    [Fact]
    public async Task A_change_is_written_in_the_language_of_the_request_that_made_it()
    {
        var s = await Scenario();
        var person = await CalendarScenario.AddPersonAsync(app.Database, "Registered");
        await CalendarScenario.AddParticipantAsync(app.Database, s.Open, person, registered: true);

        await NotifyAsync(s.Open, MeetingChange.Updated, language: "es");

        var message = Assert.Single(await MailTo(person));
        Assert.Equal($"Cambios en: Seminario abierto {s.Groups.Suffix}", message.Headers["Subject"] is var subject && subject.StartsWith("=?utf-8?B?", StringComparison.Ordinal)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(subject[10..^2])) : subject);
        var body = message.Parts[0].Text;
        Assert.Contains("Hola, Registered Outsider", body);
        Assert.Contains("Cuándo: ", body);
        Assert.Contains("(America/Santiago, UTC−0", body);
        Assert.Contains("Dónde: ECLAC headquarters, Santiago", body);
        Assert.Contains("Página de la reunión: ", body);
        Assert.Contains("Seminario temático", body);
        var (calendar, _) = CalendarPart(message);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal($"Seminario abierto {s.Groups.Suffix}", Assert.Single(calendar.Events).Summary);
    }

    [Fact]
    public async Task Each_person_reads_the_notice_in_their_own_language_else_the_requests()
    {
        var s = await Scenario();
        var brazilian = await CalendarScenario.AddPersonAsync(app.Database, "Joao");
        var haitian = await CalendarScenario.AddPersonAsync(app.Database, "Chantal");
        var unknown = await CalendarScenario.AddPersonAsync(app.Database, "Ana");
        foreach (var person in new[] { brazilian, haitian, unknown })
            await CalendarScenario.AddParticipantAsync(app.Database, s.Open, person, registered: true);
        await using (var db = app.Database.CreateContext())
        {
            // Joao has an account in Portuguese; Chantal was invited in French and has not accepted yet.
            var joao = db.People.Single(p => p.Id == brazilian);
            db.Users.Add(new RumboUser { UserName = joao.Email, Email = joao.Email, PersonId = brazilian, Language = "pt", CreatedAt = DateTime.UtcNow });
            var chantal = db.People.Single(p => p.Id == haitian);
            db.Invitations.Add(new Invitation
            {
                Email = chantal.Email!, PersonId = haitian, Grant = InvitationGrant.Account, Language = "fr", InvitedByUserId = 0,
                TokenHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(7),
            });
            await db.SaveChangesAsync();
        }

        await using (var db = app.Database.CreateContext())
        {
            db.MeetingItems.Add(new MeetingItem { MeetingId = s.Open, Position = 1, Title = new() { Source = "Opening", Es = "Apertura", Pt = "Abertura" } });
            db.MeetingItems.Add(new MeetingItem { MeetingId = s.Open, Position = 2, Title = new() { Source = "Regional planning report", Fr = "Rapport sur la planification régionale" } });
            await db.SaveChangesAsync();
        }

        await NotifyAsync(s.Open, MeetingChange.Updated, language: "es");

        static string Decoded(string subject) => subject.StartsWith("=?utf-8?B?", StringComparison.Ordinal)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(subject[10..^2])) : subject;
        var pt = Assert.Single(await MailTo(brazilian));
        // The meeting has no Portuguese title: its own (English) one stands in.
        Assert.Equal($"Alterações em: Open seminar {s.Groups.Suffix}", Decoded(pt.Headers["Subject"]));
        Assert.Contains("Página da reunião", pt.Parts[0].Text);
        // The agenda, each item in the reader's language where it has one.
        Assert.Contains("Ordem do dia:\n1. Abertura\n2. Regional planning report\n", pt.Parts[0].Text.ReplaceLineEndings("\n"));
        var fr = Assert.Single(await MailTo(haitian));
        Assert.Equal($"Modifications\u00a0: Open seminar {s.Groups.Suffix}", Decoded(fr.Headers["Subject"]));
        Assert.Contains("Page de la réunion\u00a0: ", fr.Parts[0].Text);
        Assert.Contains("Ordre du jour de la réunion\u00a0:\n1. Opening\n2. Rapport sur la planification régionale\n", fr.Parts[0].Text.ReplaceLineEndings("\n"));
        var es = Assert.Single(await MailTo(unknown));
        Assert.Equal($"Cambios en: Seminario abierto {s.Groups.Suffix}", Decoded(es.Headers["Subject"]));
        // Each calendar entry is in its reader's language too.
        Assert.Equal($"Seminario abierto {s.Groups.Suffix}", Assert.Single(CalendarPart(es).Calendar.Events).Summary);
        Assert.Equal($"Open seminar {s.Groups.Suffix}", Assert.Single(CalendarPart(pt).Calendar.Events).Summary);
    }

    [Fact]
    public async Task A_failing_mail_server_is_logged_and_passed_over()
    {
        var s = await Scenario();
        var first = await CalendarScenario.AddPersonAsync(app.Database, "First");
        var second = await CalendarScenario.AddPersonAsync(app.Database, "Second");
        var failing = new FailingSender();
        using var scope = app.Services.CreateScope();
        var notifier = ActivatorUtilities.CreateInstance<MeetingMailNotifier>(scope.ServiceProvider, failing);

        await notifier.NotifyAsync(s.Open, MeetingChange.Invited, [first, second]);

        // Both were tried: the first failure did not stop the second.
        Assert.Equal(2, failing.Attempts);
    }

    [Fact]
    public async Task One_bad_address_does_not_keep_the_others_from_their_notice()
    {
        var s = await Scenario();
        var before = await CalendarScenario.AddPersonAsync(app.Database, "Before");
        var bad = await CalendarScenario.AddPersonAsync(app.Database, "Badaddress");
        var after = await CalendarScenario.AddPersonAsync(app.Database, "After");
        await using (var db = app.Database.CreateContext())
        {
            // Typed into a person's record before addresses were checked, or brought in by an import.
            db.People.Single(p => p.Id == bad).Email = "not an address\r\nBcc: everyone@example.org";
            await db.SaveChangesAsync();
        }
        foreach (var person in new[] { before, bad, after }) await CalendarScenario.AddParticipantAsync(app.Database, s.Open, person, registered: true);
        var log = new LogCapture();
        using var scope = app.Services.CreateScope();
        var notifier = ActivatorUtilities.CreateInstance<MeetingMailNotifier>(scope.ServiceProvider, log.For<MeetingMailNotifier>());

        await notifier.NotifyAsync(s.Open, MeetingChange.Updated);

        Assert.Single(await MailTo(before));
        Assert.Single(await MailTo(after));
        Assert.True(log.Has(Microsoft.Extensions.Logging.LogLevel.Error, $"message of meeting {s.Open} to person {bad}"));
        // Nothing was written for the bad address, so no header of it reached a file.
        Assert.DoesNotContain(Directory.GetFiles(MailFolder, "*.eml"), f => File.ReadAllText(f).Contains("everyone@example.org", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_site_address_no_notice_is_sent_and_the_log_says_why()
    {
        var s = await Scenario();
        var person = await CalendarScenario.AddPersonAsync(app.Database, "Sitewaiting");
        var log = new LogCapture();
        using var scope = app.Services.CreateScope();
        var notifier = ActivatorUtilities.CreateInstance<MeetingMailNotifier>(scope.ServiceProvider, log.For<MeetingMailNotifier>(), new MailOptions());

        await notifier.NotifyAsync(s.Open, MeetingChange.Invited, [person]);

        Assert.Empty(await MailTo(person));
        Assert.True(log.Has(Microsoft.Extensions.Logging.LogLevel.Warning, "Rumbo:Mail:SiteUrl is not set"));
    }

    private sealed class FailingSender : IMailSender
    {
        public int Attempts { get; private set; }

        public Task SendAsync(OutgoingMail message, CancellationToken ct = default)
        {
            Attempts++;
            throw new System.Net.Mail.SmtpException("The mail server is down.");
        }
    }
}

public sealed class SqliteMeetingNotifierTests(SqliteApp app) : MeetingNotifierTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMeetingNotifierTests(PostgresApp app) : MeetingNotifierTests(app), IClassFixture<PostgresApp>;
