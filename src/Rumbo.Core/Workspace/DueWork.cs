using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Agreements;
using Rumbo.Core.Capacities;
using Rumbo.Core.Data;
using Rumbo.Core.Indicators;
using Rumbo.Core.Meetings;
using Rumbo.Core.Plans;
using Rumbo.Core.Records;

namespace Rumbo.Core.Workspace;

/// <summary>What a piece of due work asks of the person.</summary>
public enum DueKind
{
    /// <summary>Invited to a meeting to come, not yet answered.</summary>
    AnswerMeeting,
    /// <summary>A draft record of a meeting of a group they belong to, open for comments.</summary>
    CommentRecord,
    /// <summary>A draft record of a meeting of a group they coordinate, to approve.</summary>
    ApproveRecord,
    /// <summary>An action of a record assigned to them.</summary>
    Action,
    /// <summary>An activity of a plan of a group they coordinate, past its last month and not completed.</summary>
    OverdueActivity,
    /// <summary>A reporting round open for their country with nothing sent yet, or drafts not sent.</summary>
    ReportIndicators,
    /// <summary>Values of their country returned by the secretariat.</summary>
    FixReturnedValues,
    /// <summary>Their country's TOPP diagnosis open or returned.</summary>
    AnswerDiagnosis,
    /// <summary>An agreement of a group their country takes part in, with no follow-up reported by the country yet.</summary>
    FollowUpAgreement,
    /// <summary>For the secretariat: a country's values sent for review.</summary>
    ReviewValues,
    /// <summary>For the secretariat: a country's diagnosis sent for review.</summary>
    ReviewDiagnosis,
}

/// <summary>
/// One thing waiting for a person, with what a page needs to name it and link to where it is done: the text in its
/// source language (<see cref="Language"/>), the ids of its place, the date it is due and how many items it stands for.
/// </summary>
public sealed record DueItem(
    DueKind Kind, LocalizedString Title, string Language, LocalizedString? Context, DateOnly? DueOn, bool Overdue, int Count,
    int? MeetingId = null, int? RecordNumber = null, int? PlanId = null, string? AgendaSlug = null, string? CountryCode = null, int? RoundId = null, int? AgreementId = null);

/// <summary>
/// What waits for the signed-in person across every feature and group: the workspace's first panel. Each source is one
/// bounded query (at most <see cref="PerKind"/> rows), read with no tracking; the list is ordered by due date, the
/// undated last.
/// </summary>
public sealed class DueWork(RumboDbContext db, TimeProvider clock)
{
    public const int PerKind = 10;

    /// <summary>How far back an action of a record still shows as overdue: actions have no done state yet.</summary>
    public const int OverdueActionDays = 60;

    /// <summary>How long after its due date a reporting round still shows as late.</summary>
    public const int LateDays = 60;

    public async Task<IReadOnlyList<DueItem>> ForAsync(CurrentUser.Snapshot user, CancellationToken ct = default)
    {
        var items = new List<DueItem>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        if (user.PersonId is int person)
        {
            items.AddRange(await MeetingsToAnswerAsync(person, now, ct));
            items.AddRange(await ActionsAsync(person, today, ct));
        }
        if (user.MemberGroups.Count > 0) items.AddRange(await DraftRecordsAsync(user, ct));
        if (user.CoordinatedGroups.Count > 0) items.AddRange(await OverdueActivitiesAsync(user, today, ct));
        foreach (var (agendaId, countryId) in user.FocalPoints.OrderBy(f => f.AgendaId).ThenBy(f => f.CountryId))
        {
            items.AddRange(await ReportingAsync(agendaId, countryId, today, ct));
            items.AddRange(await DiagnosisAsync(agendaId, countryId, today, ct));
            items.AddRange(await AgreementsAsync(agendaId, countryId, ct));
        }
        if (user.IsSecretariatAdmin) items.AddRange(await ReviewsAsync(today, ct));
        return items.OrderBy(i => i.DueOn is null).ThenBy(i => i.DueOn).ThenBy(i => i.Kind).ToList();
    }

    private async Task<IEnumerable<DueItem>> MeetingsToAnswerAsync(int person, DateTime now, CancellationToken ct)
    {
        var rows = await db.MeetingParticipants.AsNoTracking()
            .Where(p => p.PersonId == person && p.InvitedAtUtc != null && p.Response == ParticipantResponse.None
                && p.Meeting!.Status == MeetingStatus.Scheduled && p.Meeting.StartsAtUtc > now)
            .OrderBy(p => p.Meeting!.StartsAtUtc).Take(PerKind)
            .Select(p => new { p.MeetingId, Title = p.Meeting!.Title.ToDocument(), Group = p.Meeting.Group!.Name.ToDocument(), p.Meeting.Group.Agenda!.DocumentLanguage, p.Meeting.StartsAtUtc })
            .ToListAsync(ct);
        return rows.Select(r => new DueItem(DueKind.AnswerMeeting, r.Title, r.DocumentLanguage, r.Group, DateOnly.FromDateTime(r.StartsAtUtc), false, 1, MeetingId: r.MeetingId));
    }

    private async Task<IEnumerable<DueItem>> ActionsAsync(int person, DateOnly today, CancellationToken ct)
    {
        var earliest = today.AddDays(-OverdueActionDays);
        // An action counts in the newest version of its meeting's record only: a correction replaces what it says.
        var rows = await (from r in db.MeetingRecords.AsNoTracking()
                          where r.Number == db.MeetingRecords.Where(x => x.MeetingId == r.MeetingId).Max(x => x.Number)
                          join s in db.RecordSections on r.Id equals s.RecordId
                          join o in db.RecordOutcomes on s.Id equals o.SectionId
                          where o.Kind == OutcomeKind.Action && o.OwnerPersonId == person && o.DueDate >= earliest
                          orderby o.DueDate, o.Id
                          select new { r.MeetingId, r.Number, r.Language, Text = o.Text.ToDocument(), Meeting = r.Meeting!.Title.ToDocument(), o.DueDate })
            .Take(PerKind).ToListAsync(ct);
        return rows.Select(r => new DueItem(DueKind.Action, r.Text, r.Language, r.Meeting, r.DueDate, r.DueDate < today, 1, MeetingId: r.MeetingId, RecordNumber: r.Number));
    }

    private async Task<IEnumerable<DueItem>> DraftRecordsAsync(CurrentUser.Snapshot user, CancellationToken ct)
    {
        var groups = user.MemberGroups.ToList();
        var rows = await db.MeetingRecords.AsNoTracking()
            .Where(r => r.Status == RecordStatus.Draft && groups.Contains(r.Meeting!.GroupId))
            .OrderBy(r => r.Meeting!.StartsAtUtc).Take(PerKind)
            .Select(r => new { r.MeetingId, r.Number, r.Meeting!.GroupId, Title = r.Meeting.Title.ToDocument(), Group = r.Meeting.Group!.Name.ToDocument(), r.Meeting.Group.Agenda!.DocumentLanguage })
            .ToListAsync(ct);
        return rows.Select(r => new DueItem(user.CoordinatedGroups.Contains(r.GroupId) ? DueKind.ApproveRecord : DueKind.CommentRecord,
            r.Title, r.DocumentLanguage, r.Group, null, false, 1, MeetingId: r.MeetingId, RecordNumber: r.Number));
    }

    private async Task<IEnumerable<DueItem>> OverdueActivitiesAsync(CurrentUser.Snapshot user, DateOnly today, CancellationToken ct)
    {
        var groups = user.CoordinatedGroups.ToList();
        var month = new DateOnly(today.Year, today.Month, 1);
        var rows = await (from a in db.PlanActivities.AsNoTracking()
                          join p in db.WorkPlans on a.PlanId equals p.Id
                          where groups.Contains(p.GroupId) && a.EndMonth < month && (a.Status == ActivityStatus.Planned || a.Status == ActivityStatus.InProgress)
                          orderby a.EndMonth, a.Id
                          select new { a.PlanId, Title = a.Title.ToDocument(), Plan = p.Title.ToDocument(), p.Group!.Agenda!.DocumentLanguage, a.EndMonth })
            .Take(PerKind)
            .ToListAsync(ct);
        // An activity is due by the end of its last month.
        return rows.Select(r => new DueItem(DueKind.OverdueActivity, r.Title, r.DocumentLanguage, r.Plan, r.EndMonth!.Value.AddMonths(1).AddDays(-1), true, 1, PlanId: r.PlanId));
    }

    private async Task<IEnumerable<DueItem>> ReportingAsync(int agendaId, int countryId, DateOnly today, CancellationToken ct)
    {
        var items = new List<DueItem>();
        var place = await db.Agendas.AsNoTracking().Where(a => a.Id == agendaId).Select(a => new { a.Slug, a.DocumentLanguage, a.Title }).SingleAsync(ct);
        var country = await db.Countries.AsNoTracking().Where(c => c.Id == countryId).Select(c => new { c.Code, Name = c.Name.ToDocument() }).SingleAsync(ct);
        var late = today.AddDays(-LateDays);
        var rounds = await db.ReportingRounds.AsNoTracking()
            .Where(r => r.AgendaId == agendaId && r.OpensOn <= today && r.DueOn >= late)
            .OrderBy(r => r.DueOn).Take(PerKind).Select(r => new { r.Id, Title = r.Title.ToDocument(), r.DueOn }).ToListAsync(ct);
        foreach (var round in rounds)
        {
            var statuses = await db.IndicatorValues.AsNoTracking().Where(v => v.CountryId == countryId && v.RoundId == round.Id)
                .GroupBy(v => v.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            var sent = statuses.Where(s => s.Key is ValueStatus.Submitted or ValueStatus.Approved).Sum(s => s.Count);
            var drafts = statuses.Where(s => s.Key == ValueStatus.Draft).Sum(s => s.Count);
            // Waiting for the country: nothing sent yet, or drafts it has not sent.
            if (sent == 0 || drafts > 0)
                items.Add(new DueItem(DueKind.ReportIndicators, round.Title, place.DocumentLanguage, country.Name, round.DueOn, round.DueOn < today, drafts,
                    AgendaSlug: place.Slug, CountryCode: country.Code, RoundId: round.Id));
        }
        var returned = await db.IndicatorValues.AsNoTracking()
            .CountAsync(v => v.CountryId == countryId && v.Status == ValueStatus.Returned && v.IndicatorVersion!.Indicator!.AgendaId == agendaId, ct);
        if (returned > 0)
            items.Add(new DueItem(DueKind.FixReturnedValues, place.Title.ToDocument(), place.DocumentLanguage, country.Name, null, false, returned,
                AgendaSlug: place.Slug, CountryCode: country.Code));
        return items;
    }

    private async Task<IEnumerable<DueItem>> DiagnosisAsync(int agendaId, int countryId, DateOnly today, CancellationToken ct)
    {
        // Unlike a reporting round, an open diagnosis is addressed to the country alone and waits for it however late.
        var rows = await db.CapacityAssessments.AsNoTracking()
            .Where(a => a.CountryId == countryId && a.Round!.AgendaId == agendaId && !a.IsExample
                && (a.Status == AssessmentStatus.Open || a.Status == AssessmentStatus.Returned))
            .OrderBy(a => a.Round!.DueOn).Take(PerKind)
            .Select(a => new { a.RoundId, Title = a.Round!.Title.ToDocument(), a.Round.DueOn, a.Round.Agenda!.Slug, a.Round.Agenda.DocumentLanguage, a.Country!.Code, Country = a.Country.Name.ToDocument() })
            .ToListAsync(ct);
        return rows.Select(r => new DueItem(DueKind.AnswerDiagnosis, r.Title, r.DocumentLanguage, r.Country, r.DueOn, r.DueOn < today, 1,
            AgendaSlug: r.Slug, CountryCode: r.Code, RoundId: r.RoundId));
    }

    private async Task<IEnumerable<DueItem>> AgreementsAsync(int agendaId, int countryId, CancellationToken ct)
    {
        // The newest first: an old agreement never reported on matters less than last month's.
        var rows = await db.Agreements.AsNoTracking()
            .Where(a => a.Group!.AgendaId == agendaId && db.GroupCountries.Any(gc => gc.GroupId == a.GroupId && gc.CountryId == countryId)
                && !a.FollowUps.Any(f => f.CountryId == countryId && f.Status != FollowUpStatus.NotStarted))
            .OrderByDescending(a => a.AdoptedOn).ThenByDescending(a => a.Id).Take(PerKind)
            .Select(a => new { a.Id, Text = a.Text.ToDocument(), Group = a.Group!.Name.ToDocument(), a.Group.Agenda!.DocumentLanguage })
            .ToListAsync(ct);
        return rows.Select(r => new DueItem(DueKind.FollowUpAgreement, r.Text, r.DocumentLanguage, r.Group, null, false, 1, AgreementId: r.Id));
    }

    private async Task<IEnumerable<DueItem>> ReviewsAsync(DateOnly today, CancellationToken ct)
    {
        // Asked country by country, so that the values' (country, status) index answers each without a scan of them all.
        var countries = await db.Countries.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.CountryId != null && countries.Contains(v.CountryId.Value) && v.Status == ValueStatus.Submitted)
            .GroupBy(v => new { v.IndicatorVersion!.Indicator!.AgendaId, v.CountryId })
            .Select(g => new { g.Key.AgendaId, g.Key.CountryId, Count = g.Count() })
            .ToListAsync(ct);
        var agendaIds = values.Select(v => v.AgendaId).Distinct().ToList();
        var countryIds = values.Select(v => v.CountryId!.Value).Distinct().ToList();
        var agendas = await db.Agendas.AsNoTracking().Where(a => agendaIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Slug, a.DocumentLanguage, Title = a.Title.ToDocument() }).ToDictionaryAsync(a => a.Id, ct);
        var names = await db.Countries.AsNoTracking().Where(c => countryIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, Name = c.Name.ToDocument() }).ToDictionaryAsync(c => c.Id, ct);
        // Every country with values waiting is listed (at most the countries times the agendas), the largest first.
        var items = values.OrderByDescending(v => v.Count).Select(v => new DueItem(DueKind.ReviewValues, agendas[v.AgendaId].Title, agendas[v.AgendaId].DocumentLanguage, names[v.CountryId!.Value].Name,
            null, false, v.Count, AgendaSlug: agendas[v.AgendaId].Slug, CountryCode: names[v.CountryId!.Value].Code)).ToList();
        var diagnoses = await db.CapacityAssessments.AsNoTracking()
            .Where(a => a.Status == AssessmentStatus.Submitted && !a.IsExample)
            .OrderBy(a => a.Round!.DueOn).Take(PerKind)
            .Select(a => new { a.RoundId, Title = a.Round!.Title.ToDocument(), a.Round.DueOn, a.Round.Agenda!.Slug, a.Round.Agenda.DocumentLanguage, a.Country!.Code, Country = a.Country.Name.ToDocument() })
            .ToListAsync(ct);
        items.AddRange(diagnoses.Select(r => new DueItem(DueKind.ReviewDiagnosis, r.Title, r.DocumentLanguage, r.Country, r.DueOn, false, 1,
            AgendaSlug: r.Slug, CountryCode: r.Code, RoundId: r.RoundId)));
        return items;
    }
}
