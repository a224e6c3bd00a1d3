using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Calendars;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Meetings;

/// <summary>Invitations, registrations and responses, and attendance by person and by the country each represented.</summary>
public sealed class ParticipantsModel(RumboDbContext db, CurrentUser currentUser, IMeetingNotifier notifier, TimeProvider clock) : MeetingEditorPage(db, currentUser, notifier)
{
    public sealed record Row(int PersonId, string Name, string? Country, DateTime? InvitedAtUtc, DateTime? RegisteredAtUtc, ParticipantResponse Response, bool? Attended);

    public sealed record Member(int PersonId, string Name, bool Invited);

    public sealed record Person(int Id, string Name);

    public sealed record CountryLine(string? Code, string Name, int Invited, int Registered, int Attended);

    public sealed class AttendanceInput
    {
        public int PersonId { get; set; }
        /// <summary>"yes", "no", or empty for not taken.</summary>
        public string? Attended { get; set; }
        public string? Country { get; set; }
    }

    /// <summary>Person ids of members to invite.</summary>
    [BindProperty]
    public List<int> Invitees { get; set; } = [];

    [BindProperty]
    public int? OtherPersonId { get; set; }

    [BindProperty]
    public List<AttendanceInput> Attendance { get; set; } = [];

    [BindProperty]
    public int? AttendeePersonId { get; set; }

    [BindProperty]
    public string? AttendeeCountry { get; set; }

    /// <summary>Sent by the "anyway" button of the warning about a meeting that has not started.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>The form ("attendance" or "attendee") waiting for confirmation because the meeting has not started.</summary>
    public string? WaitingForConfirmation { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<CountryChoice> Countries { get; private set; } = [];
    public IReadOnlyList<CountryLine> ByCountry { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        Version = Meeting.Version;
        await FillAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        await FillAsync(ct);
        var bad = ModelState.HasError(nameof(OtherPersonId)) || ModelState.Keys.Any(k => k.StartsWith(nameof(Invitees), StringComparison.Ordinal) && ModelState.HasError(k));
        ModelState.Clear();
        var wanted = Invitees.Distinct().ToList();
        if (OtherPersonId is { } other) wanted.Add(other);
        var known = People.Select(p => p.Id).ToHashSet();
        if (bad || wanted.Any(p => !known.Contains(p))) ModelState.AddMessage(nameof(Invitees), "Choose people from the list.");
        else if (wanted.Count == 0) ModelState.AddMessage(nameof(Invitees), "Choose whom to invite.");
        if (!ModelState.IsValid) return Invalid();

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await Db.MeetingParticipants.Where(p => p.MeetingId == id && wanted.Contains(p.PersonId)).ToListAsync(ct);
        var countries = await Db.People.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.CountryId, ct);
        var newly = new List<int>();
        foreach (var personId in wanted.Distinct())
        {
            var row = rows.SingleOrDefault(r => r.PersonId == personId);
            if (row is null)
            {
                row = new MeetingParticipant { MeetingId = id, PersonId = personId, CountryId = countries[personId] };
                Db.MeetingParticipants.Add(row);
            }
            if (row.Invite(now)) newly.Add(personId);
        }
        return await SaveAsync($"/meetings/{id}/participants", () => FillAsync(ct), ct,
            newly.Count == 0 ? null : () => NotifyAsync(id, MeetingChange.Invited, newly, ct));
    }

    public async Task<IActionResult> OnPostAttendanceAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        await FillAsync(ct);
        ModelState.Clear();
        var codes = Countries.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var rows = await Db.MeetingParticipants.Where(p => p.MeetingId == id).ToListAsync(ct);
        for (var i = 0; i < Attendance.Count; i++)
        {
            var a = Attendance[i];
            a.Country = MeetingForm.Blank(a.Country)?.ToUpperInvariant();
            if (rows.All(r => r.PersonId != a.PersonId)) ModelState.AddMessage($"Attendance[{i}].PersonId", "Choose people from the list.");
            if (a.Attended is not (null or "" or "yes" or "no")) ModelState.AddMessage($"Attendance[{i}].Attended", "Choose yes, no or not taken.");
            if (a.Country is not null && !codes.Contains(a.Country)) ModelState.AddMessage($"Attendance[{i}].Country", "Choose a country from the list.");
        }
        if (!ModelState.IsValid) return Invalid();
        // Attendance before the meeting is usually a slip of the date; it is allowed once the coordinator confirms.
        if (!Confirmed && !Meeting.HasStarted(clock.GetUtcNow().UtcDateTime))
        {
            WaitingForConfirmation = "attendance";
            Rows = Rows.Select(r => Attendance.FirstOrDefault(a => a.PersonId == r.PersonId) is { } a
                ? r with { Attended = a.Attended switch { "yes" => true, "no" => false, _ => null }, Country = a.Country }
                : r).ToList();
            return Page();
        }

        var ids = await Db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        foreach (var a in Attendance)
        {
            var row = rows.Single(r => r.PersonId == a.PersonId);
            row.RecordAttendance(a.Attended switch { "yes" => true, "no" => false, _ => null }, a.Country is null ? null : ids[a.Country]);
        }
        return await SaveAsync($"/meetings/{id}/participants", () => FillAsync(ct), ct);
    }

    public async Task<IActionResult> OnPostAddAttendeeAsync(int id, CancellationToken ct)
    {
        if (await LoadOrRefuseAsync(id, ct) is { } refused) return refused;
        await FillAsync(ct);
        var bad = ModelState.HasError(nameof(AttendeePersonId));
        ModelState.Clear();
        AttendeeCountry = MeetingForm.Blank(AttendeeCountry)?.ToUpperInvariant();
        if (bad || AttendeePersonId is not { } personId || People.All(p => p.Id != personId))
            ModelState.AddMessage(nameof(AttendeePersonId), "Choose a person from the list.");
        if (AttendeeCountry is not null && Countries.All(c => c.Code != AttendeeCountry))
            ModelState.AddMessage(nameof(AttendeeCountry), "Choose a country from the list.");
        if (!ModelState.IsValid) return Invalid();
        if (!Confirmed && !Meeting.HasStarted(clock.GetUtcNow().UtcDateTime))
        {
            WaitingForConfirmation = "attendee";
            return Page();
        }

        var pid = AttendeePersonId!.Value;
        var countryId = AttendeeCountry is null
            ? await Db.People.AsNoTracking().Where(p => p.Id == pid).Select(p => p.CountryId).SingleAsync(ct)
            : await Db.Countries.AsNoTracking().Where(c => c.Code == AttendeeCountry).Select(c => (int?)c.Id).SingleAsync(ct);
        var row = await Db.MeetingParticipants.SingleOrDefaultAsync(p => p.MeetingId == id && p.PersonId == pid, ct);
        if (row is null)
        {
            row = new MeetingParticipant { MeetingId = id, PersonId = pid };
            Db.MeetingParticipants.Add(row);
        }
        row.RecordAttendance(true, countryId);
        return await SaveAsync($"/meetings/{id}/participants", () => FillAsync(ct), ct);
    }

    private async Task FillAsync(CancellationToken ct)
    {
        var id = Meeting.Id;
        var groupId = Meeting.GroupId;
        Countries = await CountriesAsync(Db, ct);
        var countryNames = Countries.ToDictionary(c => c.Code, c => c.Name);
        var rows = await Db.MeetingParticipants.AsNoTracking().Where(p => p.MeetingId == id)
            .Select(p => new { p.PersonId, p.Person!.GivenName, p.Person.FamilyName, Country = p.Country == null ? null : p.Country.Code, p.InvitedAtUtc, p.RegisteredAtUtc, p.Response, p.Attended })
            .ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.PersonId, $"{r.GivenName} {r.FamilyName}".Trim(), r.Country, r.InvitedAtUtc, r.RegisteredAtUtc, r.Response, r.Attended))
            .OrderBy(r => r.Name, Ui.Collation).ToList();
        var invited = rows.Where(r => r.InvitedAtUtc != null).Select(r => r.PersonId).ToHashSet();
        var members = await Db.GroupMembers.AsNoTracking().Where(m => m.GroupId == groupId)
            .Select(m => new { m.PersonId, m.Person!.GivenName, m.Person.FamilyName }).ToListAsync(ct);
        Members = members.Select(m => new Member(m.PersonId, $"{m.GivenName} {m.FamilyName}".Trim(), invited.Contains(m.PersonId)))
            .OrderBy(m => m.Name, Ui.Collation).ToList();
        var people = await Db.People.AsNoTracking().Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToListAsync(ct);
        People = people.Select(p => new Person(p.Id, $"{p.GivenName} {p.FamilyName}".Trim())).OrderBy(p => p.Name, Ui.Collation).ToList();
        ByCountry = Rows.GroupBy(r => r.Country)
            .Select(g => new CountryLine(g.Key, g.Key is null ? "" : countryNames.GetValueOrDefault(g.Key, g.Key),
                g.Count(r => r.InvitedAtUtc != null), g.Count(r => r.RegisteredAtUtc != null), g.Count(r => r.Attended == true)))
            .OrderBy(c => c.Code is null).ThenBy(c => c.Name, Ui.Collation).ToList();
    }
}
