using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.People;

namespace Rumbo.Core.Auditing;

/// <summary>
/// An audited record as a person knows it: its name (in the language of <paramref name="Language"/> when it is
/// untranslated), a short mark that tells it from its siblings (a version, a code), and its page when it has one.
/// A record that no longer exists has no page and keeps the last name the trail holds for it, if any; <see cref="Exists"/>
/// is false only for a record that was looked for and not found.
/// </summary>
public sealed record AuditSubject(string Kind, string Id, LocalizedString? Name, string Language, string? Detail, string? Url, bool Exists)
{
    public static AuditSubject Gone(string kind, string id, LocalizedString? lastName) =>
        new(kind, id, lastName, PeopleReader.ReferenceLanguage, null, null, false);
}

/// <summary>
/// Names the records of one page of the trail and the records their foreign keys point at, with one query per kind of
/// record on the page (and one more per kind for those that were deleted), never one per row. The trail is the
/// secretariat's, who may see every record (drafts and closed meetings included), so a record that exists is linked.
/// </summary>
public sealed class AuditSubjects(RumboDbContext db)
{
    private delegate Task<List<AuditSubject>> Resolver(RumboDbContext db, List<int> ids, CancellationToken ct);

    private static LocalizedString Plain(string text) => new(text, null, null, null, null);

    private static readonly Dictionary<string, Resolver> Resolvers = new()
    {
        ["Meeting"] = async (db, ids, ct) => (await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id))
                .Select(m => new { m.Id, Title = m.Title.ToDocument(), m.Group!.Agenda!.DocumentLanguage }).ToListAsync(ct))
            .Select(m => Found("Meeting", m.Id, m.Title, m.DocumentLanguage, null, $"/meetings/{m.Id}")).ToList(),
        ["MeetingRecord"] = async (db, ids, ct) => (await db.MeetingRecords.AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.MeetingId, r.Number, Title = r.Meeting!.Title.ToDocument(), r.Meeting.Group!.Agenda!.DocumentLanguage }).ToListAsync(ct))
            .Select(r => Found("MeetingRecord", r.Id, r.Title, r.DocumentLanguage, "v" + r.Number.ToString(CultureInfo.InvariantCulture), $"/meetings/{r.MeetingId}/records/{r.Number}")).ToList(),
        ["RecordSection"] = async (db, ids, ct) => (await db.RecordSections.AsNoTracking().Where(s => ids.Contains(s.Id))
                .Join(db.MeetingRecords, s => s.RecordId, r => r.Id, (s, r) => new { s.Id, Heading = s.Heading.ToDocument(), r.Language, r.MeetingId, r.Number }).ToListAsync(ct))
            .Select(s => Found("RecordSection", s.Id, s.Heading, s.Language, null, $"/meetings/{s.MeetingId}/records/{s.Number}")).ToList(),
        ["Agreement"] = async (db, ids, ct) => (await db.Agreements.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.Number, Title = a.Meeting!.Title.ToDocument(), a.Group!.Agenda!.DocumentLanguage }).ToListAsync(ct))
            .Select(a => Found("Agreement", a.Id, a.Title, a.DocumentLanguage, "#" + a.Number.ToString(CultureInfo.InvariantCulture), $"/agreements/{a.Id}")).ToList(),
        ["AgreementFollowUp"] = async (db, ids, ct) => (await db.AgreementFollowUps.AsNoTracking().Where(f => ids.Contains(f.Id))
                .Join(db.Agreements, f => f.AgreementId, a => a.Id, (f, a) => new { f.Id, f.AgreementId, a.Number, Country = f.Country!.Name.ToDocument() }).ToListAsync(ct))
            .Select(f => Found("AgreementFollowUp", f.Id, f.Country, PeopleReader.ReferenceLanguage, "#" + f.Number.ToString(CultureInfo.InvariantCulture), $"/agreements/{f.AgreementId}")).ToList(),
        ["Document"] = async (db, ids, ct) => (await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
                .Select(d => new { d.Id, d.Title, d.Language }).ToListAsync(ct))
            .Select(d => Found("Document", d.Id, Plain(d.Title), d.Language, null, $"/documents/{d.Id}")).ToList(),
        ["DocumentVersion"] = async (db, ids, ct) => (await db.DocumentVersions.AsNoTracking().Where(v => ids.Contains(v.Id))
                .Join(db.Documents, v => v.DocumentId, d => d.Id, (v, d) => new { v.Id, v.Number, d.Title, d.Language, DocumentId = d.Id }).ToListAsync(ct))
            .Select(v => Found("DocumentVersion", v.Id, Plain(v.Title), v.Language, "v" + v.Number.ToString(CultureInfo.InvariantCulture), $"/documents/{v.DocumentId}")).ToList(),
        ["WorkPlan"] = async (db, ids, ct) => (await db.WorkPlans.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, Title = p.Title.ToDocument(), p.Group!.Agenda!.DocumentLanguage }).ToListAsync(ct))
            .Select(p => Found("WorkPlan", p.Id, p.Title, p.DocumentLanguage, null, $"/plans/{p.Id}")).ToList(),
        ["Policy"] = async (db, ids, ct) => (await db.Policies.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, Title = p.Title.ToDocument(), p.Language }).ToListAsync(ct))
            .Select(p => Found("Policy", p.Id, p.Title, p.Language, null, $"/policies/{p.Id}")).ToList(),
        ["RoadMap"] = async (db, ids, ct) => (await db.RoadMaps.AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.Agenda!.Slug, r.Country!.Code, Name = r.Country.Name.ToDocument() }).ToListAsync(ct))
            .Select(r => Found("RoadMap", r.Id, r.Name, PeopleReader.ReferenceLanguage, null, $"/roadmaps/{r.Slug}/{r.Code.ToLowerInvariant()}")).ToList(),
        ["CapacityAction"] = async (db, ids, ct) => (await db.CapacityActions.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, Title = a.Title.ToDocument(), a.RoadMap!.Language, a.RoadMap.Agenda!.Slug, a.RoadMap.Country!.Code }).ToListAsync(ct))
            .Select(a => Found("CapacityAction", a.Id, a.Title, a.Language, null, $"/roadmaps/{a.Slug}/{a.Code.ToLowerInvariant()}")).ToList(),
        ["CapacityActivity"] = async (db, ids, ct) => (await db.CapacityActivities.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, Topic = a.Topic.ToDocument(), a.Language }).ToListAsync(ct))
            .Select(a => Found("CapacityActivity", a.Id, a.Topic, a.Language, null, $"/roadmaps/activities/{a.Id}")).ToList(),
        ["PlanActivity"] = async (db, ids, ct) => (await db.PlanActivities.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Join(db.WorkPlans, a => a.PlanId, p => p.Id, (a, p) => new { a.Id, a.PlanId, Title = a.Title.ToDocument(), p.Group!.Agenda!.DocumentLanguage }).ToListAsync(ct))
            .Select(a => Found("PlanActivity", a.Id, a.Title, a.DocumentLanguage, null, $"/plans/{a.PlanId}")).ToList(),
        ["Group"] = async (db, ids, ct) => (await db.Groups.AsNoTracking().Where(g => ids.Contains(g.Id))
                .Select(g => new { g.Id, g.Slug, Name = g.Name.ToDocument(), g.Agenda!.DocumentLanguage }).ToListAsync(ct))
            .Select(g => Found("Group", g.Id, g.Name, g.DocumentLanguage, null, $"/groups/{g.Slug}")).ToList(),
        ["GroupMember"] = async (db, ids, ct) => (await db.GroupMembers.AsNoTracking().Where(m => ids.Contains(m.Id))
                .Select(m => new { m.Id, m.Person!.GivenName, m.Person.FamilyName, m.Group!.Slug }).ToListAsync(ct))
            .Select(m => Found("GroupMember", m.Id, Plain($"{m.GivenName} {m.FamilyName}".Trim()), "", null, $"/groups/{m.Slug}")).ToList(),
        ["MeetingItem"] = async (db, ids, ct) => (await db.MeetingItems.AsNoTracking().Where(i => ids.Contains(i.Id))
                .Join(db.Meetings, i => i.MeetingId, m => m.Id, (i, m) => new { i.Id, i.MeetingId, Title = i.Title.ToDocument(), m.Group!.Agenda!.DocumentLanguage }).ToListAsync(ct))
            .Select(i => Found("MeetingItem", i.Id, i.Title, i.DocumentLanguage, null, $"/meetings/{i.MeetingId}")).ToList(),
        ["MeetingParticipant"] = async (db, ids, ct) => (await db.MeetingParticipants.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.MeetingId, p.Person!.GivenName, p.Person.FamilyName }).ToListAsync(ct))
            .Select(p => Found("MeetingParticipant", p.Id, Plain($"{p.GivenName} {p.FamilyName}".Trim()), "", null, $"/meetings/{p.MeetingId}/participants")).ToList(),
        ["Person"] = async (db, ids, ct) => (await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToListAsync(ct))
            .Select(p => Found("Person", p.Id, Plain($"{p.GivenName} {p.FamilyName}".Trim()), "", null, $"/people/{p.Id}")).ToList(),
        ["RumboUser"] = async (db, ids, ct) => (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                .Select(u => new { u.Id, u.Email, u.PersonId, GivenName = u.Person == null ? null : u.Person.GivenName, FamilyName = u.Person == null ? null : u.Person.FamilyName }).ToListAsync(ct))
            .Select(u => Found("RumboUser", u.Id, Plain(u.PersonId is null ? u.Email ?? "" : $"{u.GivenName} {u.FamilyName}".Trim()), "", null, u.PersonId is { } p ? $"/people/{p}" : null)).ToList(),
        ["RumboRole"] = async (db, ids, ct) => (await db.Roles.AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.Name }).ToListAsync(ct))
            .Select(r => Found("RumboRole", r.Id, Plain(r.Name ?? ""), "", null, null)).ToList(),
        ["Country"] = async (db, ids, ct) => (await db.Countries.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.Code, Name = c.Name.ToDocument() }).ToListAsync(ct))
            .Select(c => Found("Country", c.Id, c.Name, PeopleReader.ReferenceLanguage, null, $"/countries/{c.Code}")).ToList(),
        ["Institution"] = async (db, ids, ct) => (await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id))
                .Select(i => new { i.Id, Name = i.Name.ToDocument() }).ToListAsync(ct))
            .Select(i => Found("Institution", i.Id, i.Name, PeopleReader.ReferenceLanguage, null, null)).ToList(),
        ["Agenda"] = async (db, ids, ct) => (await db.Agendas.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.Slug, a.Symbol, Title = a.Title.ToDocument(), a.DocumentLanguage }).ToListAsync(ct))
            .Select(a => Found("Agenda", a.Id, a.Title, a.DocumentLanguage, a.Symbol, $"/agendas/{a.Slug}")).ToList(),
        ["Area"] = async (db, ids, ct) => (await db.Areas.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Join(db.Agendas, a => a.AgendaId, g => g.Id, (a, g) => new { a.Id, a.Code, Title = a.Title.ToDocument(), g.Slug, g.DocumentLanguage }).ToListAsync(ct))
            .Select(a => Found("Area", a.Id, a.Title, a.DocumentLanguage, a.Code, $"/agendas/{a.Slug}")).ToList(),
        ["StrategicObjective"] = async (db, ids, ct) => (await db.Objectives.AsNoTracking().Where(o => ids.Contains(o.Id))
                .Select(o => new { o.Id, o.Code, Text = o.Text.ToDocument(), o.Agenda!.Slug, o.Agenda.DocumentLanguage }).ToListAsync(ct))
            .Select(o => Found("StrategicObjective", o.Id, o.Text, o.DocumentLanguage, o.Code, $"/agendas/{o.Slug}")).ToList(),
        ["LineOfAction"] = async (db, ids, ct) => (await db.Lines.AsNoTracking().Where(l => ids.Contains(l.Id))
                .Select(l => new { l.Id, l.Code, Text = l.Text.ToDocument(), l.Agenda!.Slug, l.Agenda.DocumentLanguage }).ToListAsync(ct))
            .Select(l => Found("LineOfAction", l.Id, l.Text, l.DocumentLanguage, l.Code, $"/agendas/{l.Slug}/lines/{l.Code}")).ToList(),
        ["Principle"] = async (db, ids, ct) => (await db.Principles.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Join(db.Agendas, p => p.AgendaId, g => g.Id, (p, g) => new { p.Id, p.Number, Text = p.Text.ToDocument(), g.Slug, g.DocumentLanguage }).ToListAsync(ct))
            .Select(p => Found("Principle", p.Id, p.Text, p.DocumentLanguage, p.Number.ToString(CultureInfo.InvariantCulture), $"/agendas/{p.Slug}")).ToList(),
    };

    private static AuditSubject Found(string kind, int id, LocalizedString name, string language, string? detail, string? url) =>
        new(kind, id.ToString(CultureInfo.InvariantCulture), name, language, detail, url, true);

    /// <summary>The kinds this resolver can name; the others are shown by their kind and number alone.</summary>
    public static IReadOnlyCollection<string> Named => Resolvers.Keys;

    /// <summary>Every (kind, id) asked for, named; those not found are named from the trail's last values, if it has them.</summary>
    public async Task<IReadOnlyDictionary<(string Kind, string Id), AuditSubject>> ResolveAsync(IEnumerable<(string Kind, string Id)> wanted, CancellationToken ct = default)
    {
        var result = new Dictionary<(string, string), AuditSubject>();
        foreach (var kind in wanted.Distinct().GroupBy(w => w.Kind))
        {
            var ids = kind.Select(w => w.Id).ToList();
            if (Resolvers.TryGetValue(kind.Key, out var resolve))
            {
                var numbers = ids.Select(i => int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
                    .OfType<int>().ToList();
                if (numbers.Count > 0)
                {
                    foreach (var s in await resolve(db, numbers, ct)) result[(s.Kind, s.Id)] = s;
                }
            }
            var missing = ids.Where(i => !result.ContainsKey((kind.Key, i))).ToList();
            if (missing.Count == 0) continue;
            // A kind with no resolver (a link table, a role) is not looked for, so it is not said to be deleted either.
            var lookedFor = resolve is not null;
            // Only a creation and a deletion hold every value; a deletion holds the last ones.
            var kept = await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == kind.Key && missing.Contains(a.EntityId) && (a.Action == AuditAction.Created || a.Action == AuditAction.Deleted))
                .OrderByDescending(a => a.Id)
                .Select(a => new { a.EntityId, a.Changes })
                .ToListAsync(ct);
            foreach (var id in missing)
            {
                var last = kept.Where(k => k.EntityId == id).Select(k => LastName(k.Changes)).FirstOrDefault(n => n is not null);
                result[(kind.Key, id)] = lookedFor ? AuditSubject.Gone(kind.Key, id, last) : AuditSubject.Gone(kind.Key, id, last) with { Exists = true };
            }
        }
        return result;
    }

    /// <summary>The name a record's values held, from its title, name, heading or person's names.</summary>
    public static LocalizedString? LastName(string changes)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var c in AuditReader.Parse(changes)) values[c.Field] = c.Old ?? c.New;
        foreach (var field in (string[])["Title", "Name", "Heading", "Text"])
        {
            if (values.TryGetValue($"{field}.Source", out var source) && !string.IsNullOrWhiteSpace(source))
            {
                return new LocalizedString(source, values.GetValueOrDefault($"{field}.En"), values.GetValueOrDefault($"{field}.Es"),
                    values.GetValueOrDefault($"{field}.Pt"), values.GetValueOrDefault($"{field}.Fr"));
            }
            if (values.TryGetValue(field, out var plain) && !string.IsNullOrWhiteSpace(plain)) return Plain(plain);
        }
        var person = $"{values.GetValueOrDefault("GivenName")} {values.GetValueOrDefault("FamilyName")}".Trim();
        return person.Length > 0 ? Plain(person) : null;
    }
}
