using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rumbo.Core;
using Rumbo.Core.Agendas;
using Rumbo.Core.Auditing;
using Rumbo.Core.Data;
using Rumbo.Core.Groups;
using Rumbo.Core.Agreements;
using Rumbo.Core.Meetings;
using Rumbo.Core.Records;
using Rumbo.Core.People;
using Rumbo.Core.Seed;

// Fills a SQLite data directory with the demo data and seven groups of the size a working group reaches after a few
// years, so that bench/run.sh measures pages at a real size. Writes through Rumbo.Core's own context (audit trail and
// content version included), so the database is one Rumbo could have made. Prints what run.sh loads, as key=value lines.
// Usage: dotnet run --project bench/Rumbo.Bench.Data -- DATA_DIRECTORY
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Rumbo.Bench.Data DATA_DIRECTORY");
    return 2;
}
var dataDirectory = Path.GetFullPath(args[0]);
Directory.CreateDirectory(dataDirectory);

var services = new ServiceCollection();
services.AddSingleton<IAuditActor>(new SystemActor("bench data"));
services.AddRumboCore(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataDirectory, "rumbo.db")}");
await using var provider = services.BuildServiceProvider();
await DemoData.InitializeAsync(provider, new RumboOptions { DataDirectory = dataDirectory });

await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<RumboDbContext>();
    if (!await db.Groups.AnyAsync(g => g.Slug.StartsWith(BenchData.SlugPrefix)))
    {
        await BenchData.CreateAsync(db);
    }
    foreach (var (key, value) in await BenchData.TargetsAsync(db))
    {
        Console.WriteLine($"{key}={value}");
    }
}
return 0;

internal static class BenchData
{
    public const string SlugPrefix = "bench-working-group-";
    private const int Groups = 7;
    private const int MeetingsPerGroup = 60;
    private const int ItemsPerMeeting = 3;
    private const int AgreementsPerGroup = 20;
    private const int MembersPerGroup = 20;
    private const int DescriptionLength = 800;

    private static readonly string[] Words =
    [
        "planning", "public", "management", "governance", "regional", "agenda", "capacities", "institutions", "territorial",
        "development", "sustainable", "cooperation", "foresight", "evaluation", "monitoring", "participation", "open", "government",
        "coordination", "subnational", "national", "budget", "investment", "statistics", "indicators", "policy", "instruments",
        "strategy", "report", "countries", "working", "group", "experience", "exchange", "technical", "assistance", "training",
        "network", "learning", "results", "priorities", "commitments", "review", "progress", "challenges", "opportunities",
    ];

    public static async Task CreateAsync(RumboDbContext db)
    {
        var random = new Random(20261205);
        var agenda = await db.Agendas.SingleAsync(a => a.Slug == DemoGroups.PlanningAgenda);
        var lines = await db.Lines.Where(l => l.AgendaId == agenda.Id && l.RetiredOn == null).OrderBy(l => l.Id).ToListAsync();
        var countries = await db.Countries.OrderBy(c => c.Code).ToListAsync();
        var institutions = await db.Institutions.OrderBy(i => i.Id).ToListAsync();
        // Meetings every three weeks, most of them past, the last few still to come.
        var today = DateTime.UtcNow.Date;
        var first = today.AddDays(-21 * (MeetingsPerGroup - 8));

        for (var g = 1; g <= Groups; g++)
        {
            var group = new Group
            {
                Agenda = agenda,
                Slug = $"{SlugPrefix}{g}",
                Kind = GroupKind.ThematicWorkingGroup,
                Name = Text($"Working group {g} on {Phrase(random, 4)}"),
                Mandate = Text(Prose(random, 600)),
                StartDate = DateOnly.FromDateTime(first.AddDays(-30)),
                Status = GroupStatus.Active,
            };
            var groupCountries = countries.OrderBy(_ => random.Next()).Take(8).ToList();
            for (var i = 0; i < groupCountries.Count; i++)
            {
                group.Countries.Add(new GroupCountry { Country = groupCountries[i], Role = i < 2 ? GroupCountryRole.Coordinating : GroupCountryRole.Participating });
            }
            var groupLines = lines.OrderBy(_ => random.Next()).Take(6).ToList();
            foreach (var l in groupLines) group.Lines.Add(new GroupLine { LineOfAction = l });
            var people = new List<Person>();
            for (var i = 0; i < MembersPerGroup; i++)
            {
                var country = groupCountries[i % groupCountries.Count];
                var person = new Person
                {
                    GivenName = $"Example{g:D1}{i:D2}", FamilyName = $"Member {Capitalized(Words[random.Next(Words.Length)])}",
                    Position = $"Head of {Words[random.Next(Words.Length)]}", Institution = institutions[random.Next(institutions.Count)],
                    Country = country, Email = $"member{g}-{i}@example.org", IsExample = true,
                };
                people.Add(person);
                group.Members.Add(new GroupMember
                {
                    Person = person, Role = i < 2 ? GroupRole.Coordinator : GroupRole.Member,
                    Since = DateOnly.FromDateTime(first.AddDays(-30 + i)),
                });
            }
            db.Groups.Add(group);

            var meetings = new List<Meeting>();
            for (var m = 0; m < MeetingsPerGroup; m++)
            {
                var starts = first.AddDays(21 * m).AddHours(13 + g % 3);
                var meeting = new Meeting
                {
                    Group = group, Kind = m % 5 == 0 ? MeetingKind.ThematicSeminar : MeetingKind.WorkingMeeting,
                    Format = (MeetingFormat)(m % 3), Access = Visibility.Public, StartsAtUtc = starts, TimeZone = "America/Santiago",
                    DurationMinutes = 120, Title = Text($"Meeting {m + 1} of working group {g}: {Phrase(random, 5)}"),
                    Description = Text(Prose(random, DescriptionLength)), OnlineUrl = m % 3 == 0 ? null : $"https://meet.example.org/wg{g}-{m + 1}",
                    Place = m % 3 == 1 ? null : "ECLAC headquarters", City = m % 3 == 1 ? null : "Santiago",
                    Country = m % 3 == 1 ? null : countries.SingleOrDefault(c => c.Code == "CL"), Status = MeetingStatus.Scheduled,
                    CalendarUid = $"{Guid.NewGuid():n}@rumbo",
                };
                for (var i = 1; i <= ItemsPerMeeting; i++)
                {
                    var item = new MeetingItem
                    {
                        Position = i, Title = Text(Capitalized(Phrase(random, 6))), Description = Text(Prose(random, DescriptionLength)),
                        PresenterPerson = i == 1 ? people[random.Next(people.Count)] : null,
                        PresenterName = i == 2 ? $"Government of {groupCountries[random.Next(groupCountries.Count)].Name.Source}" : null,
                        DurationMinutes = 40,
                    };
                    item.Lines.Add(new MeetingItemLine { LineOfAction = groupLines[(m + i) % groupLines.Count] });
                    meeting.Items.Add(item);
                }
                var past = starts.AddMinutes(meeting.DurationMinutes) < DateTime.UtcNow;
                foreach (var p in people.Take(15))
                {
                    meeting.Participants.Add(new MeetingParticipant
                    {
                        Person = p, Country = p.Country, InvitedAtUtc = starts.AddDays(-14), RegisteredAtUtc = starts.AddDays(-7),
                        Response = ParticipantResponse.Accepted, Attended = past ? random.Next(10) > 1 : null,
                    });
                }
                meetings.Add(meeting);
            }
            db.Meetings.AddRange(meetings);
            await db.SaveChangesAsync();

            // An approved public record for every meeting held, in Markdown, with decisions and actions.
            var held = meetings.Where(m => m.StartsAtUtc.AddMinutes(m.DurationMinutes) < DateTime.UtcNow).ToList();
            foreach (var meeting in held)
            {
                var record = new MeetingRecord
                {
                    MeetingId = meeting.Id, Number = 1, Kind = RecordKind.Minutes, Status = RecordStatus.Approved, Language = "en",
                    Summary = new LocalizedText { Source = Prose(random, DescriptionLength) }, Dissemination = Visibility.Public, CreatedAtUtc = meeting.StartsAtUtc.AddDays(1),
                    ApprovedAtUtc = meeting.StartsAtUtc.AddDays(10), ApprovedByPersonId = people[0].Id,
                };
                foreach (var item in meeting.Items)
                {
                    var section = new RecordSection { MeetingItemId = item.Id, Position = item.Position, Heading = new LocalizedText { Source = item.Title.Source }, Body = new LocalizedText { Source = Prose(random, DescriptionLength) } };
                    section.Outcomes.Add(new RecordOutcome { Position = 1, Kind = OutcomeKind.Decision, Text = new LocalizedText { Source = Capitalized(Phrase(random, 12)) + "." } });
                    section.Outcomes.Add(new RecordOutcome
                    {
                        Position = 2, Kind = OutcomeKind.Action, Text = new LocalizedText { Source = Capitalized(Phrase(random, 10)) + "." }, OwnerPersonId = people[random.Next(people.Count)].Id,
                        DueDate = DateOnly.FromDateTime(meeting.StartsAtUtc.AddDays(60)),
                    });
                    record.Sections.Add(section);
                }
                db.MeetingRecords.Add(record);
            }
            // The agreements, adopted at the most recent meetings held, with the coordinating countries' follow-up.
            foreach (var (meeting, n) in held.TakeLast(AgreementsPerGroup).Select((m, n) => (m, n)))
            {
                var agreement = new Agreement
                {
                    MeetingId = meeting.Id, GroupId = group.Id, Number = 1, Kind = n % 4 == 0 ? AgreementKind.Recommendation : AgreementKind.Agreement,
                    Text = Text(Capitalized(Prose(random, 300))), AdoptedOn = DateOnly.FromDateTime(meeting.StartsAtUtc), Visibility = Visibility.Public,
                };
                agreement.Lines.Add(new AgreementLine { LineOfActionId = groupLines[n % groupLines.Count].Id });
                foreach (var c in groupCountries.Take(3))
                {
                    agreement.FollowUps.Add(new AgreementFollowUp
                    {
                        CountryId = c.Id, Status = (FollowUpStatus)(n % 3), Text = Capitalized(Phrase(random, 20)) + ".",
                        ReportedAtUtc = meeting.StartsAtUtc.AddDays(30), ReportedByPersonId = people[2].Id,
                    });
                }
                db.Agreements.Add(agreement);
            }
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The URLs' keys for run.sh: the first generated group, a meeting held with its record, a person, an agreement, a plan.</summary>
    public static async Task<List<(string, string)>> TargetsAsync(RumboDbContext db)
    {
        var slug = $"{SlugPrefix}1";
        var now = DateTime.UtcNow;
        var meeting = await db.MeetingRecords.AsNoTracking()
            .Where(r => r.Meeting!.Group!.Slug == slug && r.Status == RecordStatus.Approved && r.Dissemination == Visibility.Public)
            .OrderByDescending(r => r.Meeting!.StartsAtUtc).Select(r => new { r.MeetingId, r.Number }).FirstAsync();
        var person = await db.GroupMembers.AsNoTracking().Where(m => m.Group!.Slug == slug && m.Role == GroupRole.Coordinator)
            .OrderBy(m => m.Id).Select(m => m.PersonId).FirstAsync();
        var agreement = await db.Agreements.AsNoTracking().Where(a => a.Group!.Slug == slug).OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync();
        var plan = await db.WorkPlans.AsNoTracking().OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        var groupId = await db.Groups.AsNoTracking().Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync();
        var country = await db.GroupCountries.AsNoTracking().Where(c => c.GroupId == groupId)
            .OrderBy(c => c.Role).ThenBy(c => c.Country!.Code).Select(c => c.Country!.Code).FirstAsync();
        return
        [
            ("group", slug), ("meeting", meeting.MeetingId.ToString()), ("record", meeting.Number.ToString()),
            ("person", person.ToString()), ("agreement", agreement.ToString()), ("plan", plan?.ToString() ?? ""),
            ("country", country.ToLowerInvariant()),
        ];
    }

    private static LocalizedText Text(string en) => new() { Source = en, En = en };

    private static string Capitalized(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Phrase(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));

    /// <summary>Markdown of about <paramref name="length"/> characters: paragraphs with emphasis, a link and a list.</summary>
    private static string Prose(Random random, int length)
    {
        var sb = new StringBuilder();
        var paragraph = 0;
        while (sb.Length < length)
        {
            if (paragraph == 1)
            {
                for (var i = 0; i < 3; i++) sb.Append("- ").Append(Capitalized(Phrase(random, 6))).Append('\n');
                sb.Append('\n');
            }
            else
            {
                sb.Append(Capitalized(Phrase(random, 8))).Append(" **").Append(Phrase(random, 2)).Append("** ").Append(Phrase(random, 10))
                  .Append(", see [the report](https://www.cepal.org/en/publications) on ").Append(Phrase(random, 6)).Append(". ")
                  .Append(Capitalized(Phrase(random, 12))).Append(".\n\n");
            }
            paragraph++;
        }
        return sb.ToString().TrimEnd();
    }
}
