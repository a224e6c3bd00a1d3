using Rumbo.Core.Localization;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using NodaTime;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;

namespace Rumbo.Core.Calendars;

/// <summary>
/// Sends each person concerned a plain-text message with the meeting's calendar entry (.ics, METHOD REQUEST, or
/// CANCEL for a cancellation), written in the recipient's language: their account's, else the one their latest
/// invitation named, else (a person Rumbo knows no language of) the language of the request that made the change.
/// It runs after the change is saved, so a mail server that fails is logged and passed over: the change stands.
/// </summary>
public sealed class MeetingMailNotifier(
    RumboDbContext db, CalendarReader reader, TimeProvider clock, ILogger<MeetingMailNotifier> logger,
    IMailSender? sender = null, MailOptions? options = null, IStringLocalizerFactory? localizers = null) : IMeetingNotifier
{
    public async Task NotifyAsync(int meetingId, MeetingChange change, IReadOnlyCollection<int>? personIds = null, CancellationToken ct = default)
    {
        if (sender is null)
        {
            logger.LogWarning("No mail sender is configured; meeting {MeetingId} change {Change} not sent", meetingId, change);
            return;
        }
        // The meeting page's link is in every message; it never takes the address of the request that made the change.
        if (options?.PublicSite is not { } site)
        {
            logger.LogWarning("Meeting {MeetingId} change {Change} was not sent. {Reason}", meetingId, change, MailOptions.NoSiteUrl);
            return;
        }
        var meeting = await reader.MeetingAsync(meetingId, ct);
        if (meeting is null) return;

        var participants = db.MeetingParticipants.AsNoTracking().Where(p => p.MeetingId == meetingId);
        var people = personIds is null
            ? participants.Where(p => (p.InvitedAtUtc != null || p.RegisteredAtUtc != null) && p.Response != ParticipantResponse.Declined).Select(p => p.Person!)
            : db.People.AsNoTracking().Where(p => personIds.Contains(p.Id));
        var recipients = await people
            .Select(p => new
            {
                p.Id, p.GivenName, p.FamilyName, p.Email,
                Account = db.Users.Where(u => u.PersonId == p.Id).Select(u => u.Language).FirstOrDefault(),
                Invited = db.Invitations.Where(i => i.PersonId == p.Id).OrderByDescending(i => i.CreatedAt).Select(i => i.Language).FirstOrDefault(),
            })
            .ToListAsync(ct);

        // The agenda goes in every notice: the people a notice goes to are invited or registered, who see the details.
        List<Agendas.LocalizedString> items = change == MeetingChange.Cancelled ? [] : await db.MeetingItems.AsNoTracking()
            .Where(i => i.MeetingId == meetingId).OrderBy(i => i.Position).Select(i => i.Title.ToDocument()).ToListAsync(ct);

        var texts = CalendarTexts.From(localizers);
        var requestLanguage = CalendarTexts.Language;
        var method = change == MeetingChange.Cancelled ? CalendarMethod.Cancel : CalendarMethod.Request;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var person in recipients.Where(p => !string.IsNullOrWhiteSpace(p.Email)).OrderBy(p => p.Id))
        {
            // One person's message that cannot be written or sent (an address the calendar or the mail server refuses)
            // must not keep the others from theirs.
            try
            {
                var language = InterfaceLanguages.Normalize(person.Account ?? person.Invited ?? requestLanguage);
                using var _ = InterfaceLanguages.Use(language);
                var context = new CalendarContext(site, language, now, texts, Organizer: options?.From);
                var email = person.Email!.Trim();
                var name = $"{person.GivenName} {person.FamilyName}".Trim();
                var ics = CalendarWriter.Write([new CalendarItem(meeting, FullDetails: true, email, name)], method, context);
                var message = new OutgoingMail(email, Subject(texts, change, meeting, language), Body(texts, change, meeting, items, name, language, site),
                    [new MailAttachment(change == MeetingChange.Cancelled ? "cancel.ics" : "invite.ics",
                        $"{CalendarWriter.MediaType}; method={method.ToString().ToUpperInvariant()}; charset=utf-8", Encoding.UTF8.GetBytes(ics))]);
                await sender.SendAsync(message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not send the {Change} message of meeting {MeetingId} to person {PersonId}", change, meetingId, person.Id);
            }
        }
    }

    private static string Subject(CalendarTexts T, MeetingChange change, CalendarMeeting m, string language)
    {
        var title = m.Title.In(language);
        return change switch
        {
            MeetingChange.Invited => T["Invitation: {0}", title],
            MeetingChange.Registered => T["Registered: {0}", title],
            MeetingChange.Updated => T["Changed: {0}", title],
            _ => T["Cancelled: {0}", title],
        };
    }

    private static string Body(CalendarTexts T, MeetingChange change, CalendarMeeting m, IReadOnlyList<Agendas.LocalizedString> items, string name,
        string language, string site)
    {
        var title = m.Title.In(language);
        var group = m.GroupName.In(language);
        var colon = InterfaceLanguages.Colon(language);
        var lines = new List<string> { T["Hello {0},", name], "" };
        lines.Add(change switch
        {
            MeetingChange.Invited => T["{0} invites you to this meeting.", group],
            MeetingChange.Registered => T["You are registered for this meeting of {0}.", group],
            MeetingChange.Updated => T["This meeting of {0} has changed. The attached calendar entry replaces the one you had.", group],
            _ => T["This meeting of {0} has been cancelled.", group],
        });
        lines.Add("");
        lines.Add($"{T["What"]}{colon} {title} ({T.Kind(m.Kind)})");
        lines.Add($"{T["When"]}{colon} {When(m)}");
        var room = CalendarWriter.Location(m with { Format = MeetingFormat.InPerson }, language);
        if (m.Format != MeetingFormat.Virtual && room.Length > 0) lines.Add($"{T["Where"]}{colon} {room}");
        if (m.Format != MeetingFormat.InPerson && !string.IsNullOrWhiteSpace(m.OnlineUrl)) lines.Add($"{T["Online link"]}{colon} {m.OnlineUrl.Trim()}");
        lines.Add($"{T["Meeting page"]}{colon} {CalendarWriter.MeetingUrl(site, m.Id)}");
        if (items.Count > 0)
        {
            lines.Add("");
            lines.Add($"{T["Agenda of the meeting"]}{colon}");
            // Each item in the reader's language where it has a translation, else as it was written.
            lines.AddRange(items.Select((item, i) => $"{i + 1}. {item.In(language)}"));
        }
        lines.Add("");
        lines.Add(change == MeetingChange.Cancelled
            ? T["The attached calendar entry removes the meeting from your calendar."]
            : T["Open the attached calendar entry to add the meeting to your calendar."]);
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>"Friday 10 April 2026, 10:00–11:30 (America/Santiago, UTC−04:00)", in the current language.</summary>
    public static string When(CalendarMeeting m)
    {
        var culture = CultureInfo.CurrentUICulture;
        var start = m.LocalStart;
        var end = m.LocalEnd;
        var date = start.LocalDateTime.ToDateTimeUnspecified().ToString(
            InterfaceLanguages.DayPattern(InterfaceLanguages.Current), culture);
        var endText = end.Date == start.Date
            ? end.LocalDateTime.ToDateTimeUnspecified().ToString("HH:mm", CultureInfo.InvariantCulture)
            : end.LocalDateTime.ToDateTimeUnspecified().ToString("d MMM HH:mm", culture);
        return $"{date}, {start.LocalDateTime.ToDateTimeUnspecified().ToString("HH:mm", CultureInfo.InvariantCulture)}–{endText} ({start.Zone.Id}, {CalendarWriter.Offset(start)})";
    }
}
