using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Core.Records;

namespace Rumbo.Core.Translations;

/// <summary>
/// Reads the texts of an agenda or a group (projected, untracked, a short query per kind of record) and where each
/// translation stands, from the audit trail (decision 0023): a translation whose source changed in a later audit entry
/// than the one that last wrote the translation needs review.
/// </summary>
public sealed class TranslationReader(RumboDbContext db)
{
    /// <summary>Long texts (Markdown, several paragraphs) take what their forms take.</summary>
    public const int ShortText = 4000;
    public const int LongText = 20000;

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An agenda's texts: its own, then its principles, areas, objectives and lines, in the order of its page; empty sources left out.</summary>
    public async Task<TranslationSet?> AgendaAsync(int agendaId, CancellationToken ct = default)
    {
        var a = await db.Agendas.AsNoTracking().Where(x => x.Id == agendaId)
            .Select(x => new
            {
                x.Id, x.Slug, x.Symbol, x.DocumentLanguage, Title = x.Title.ToDocument(), AdoptingBody = x.AdoptingBody.ToDocument(),
                Meeting = x.Meeting.ToDocument(), AreaLevelName = x.AreaLevelName.ToDocument(), Description = x.Description.ToDocument(),
                FollowUpMechanism = x.FollowUpMechanism.ToDocument(),
            })
            .SingleOrDefaultAsync(ct);
        if (a is null) return null;
        var principles = await db.Principles.AsNoTracking().Where(p => p.AgendaId == a.Id).OrderBy(p => p.Number)
            .Select(p => new { p.Id, p.Number, Text = p.Text.ToDocument() }).ToListAsync(ct);
        var areas = await db.Areas.AsNoTracking().Where(x => x.AgendaId == a.Id).OrderBy(x => x.Number)
            .Select(x => new { x.Id, x.Code, Title = x.Title.ToDocument() }).ToListAsync(ct);
        var objectives = await db.Objectives.AsNoTracking().Where(o => o.AgendaId == a.Id)
            .Select(o => new { o.Id, o.AreaId, o.Position, o.Number, o.Code, Text = o.Text.ToDocument() }).ToListAsync(ct);
        var lines = await db.Lines.AsNoTracking().Where(l => l.AgendaId == a.Id)
            .Select(l => new { l.Id, l.ObjectiveId, l.Position, l.Number, l.Code, Text = l.Text.ToDocument() }).ToListAsync(ct);

        var edit = $"/agendas/{a.Slug}/edit";
        var texts = new List<TranslationText>();
        void Add(string kind, string type, int id, string property, string what, string code, LocalizedString text, string url, bool paragraphs = false)
        {
            if (string.IsNullOrWhiteSpace(text.Source)) return;
            texts.Add(new TranslationText($"{kind}-{id.ToString(CultureInfo.InvariantCulture)}-{Kebab(property)}", type, id, property, what, code, text, url,
                paragraphs, paragraphs ? LongText : ShortText));
        }
        Add("agenda", nameof(Agenda), a.Id, nameof(Agenda.Title), "Agenda title", "", a.Title, edit);
        Add("agenda", nameof(Agenda), a.Id, nameof(Agenda.AdoptingBody), "Adopting body", "", a.AdoptingBody, edit);
        Add("agenda", nameof(Agenda), a.Id, nameof(Agenda.Meeting), "Meeting that adopted the agenda", "", a.Meeting, edit, paragraphs: true);
        Add("agenda", nameof(Agenda), a.Id, nameof(Agenda.AreaLevelName), "Name of the agenda's areas", "", a.AreaLevelName, edit);
        Add("agenda", nameof(Agenda), a.Id, nameof(Agenda.Description), "Agenda description", "", a.Description, edit, paragraphs: true);
        Add("agenda", nameof(Agenda), a.Id, nameof(Agenda.FollowUpMechanism), "Follow-up mechanism", "", a.FollowUpMechanism, edit, paragraphs: true);
        foreach (var p in principles)
        {
            var code = p.Number.ToString(CultureInfo.InvariantCulture);
            Add("principle", nameof(Principle), p.Id, nameof(Principle.Text), "Principle {0}", code, p.Text, $"/agendas/{a.Slug}/principles/{code}/edit");
        }
        foreach (var area in areas)
        {
            Add("area", nameof(Area), area.Id, nameof(Area.Title), "Area {0}", area.Code, area.Title, $"/agendas/{a.Slug}/areas/{area.Code}/edit");
            foreach (var o in objectives.Where(o => o.AreaId == area.Id).OrderBy(o => o.Position).ThenBy(o => o.Number))
            {
                Add("objective", nameof(StrategicObjective), o.Id, nameof(StrategicObjective.Text), "Strategic objective {0}", o.Code, o.Text,
                    $"/agendas/{a.Slug}/objectives/{o.Code}/edit");
                foreach (var l in lines.Where(l => l.ObjectiveId == o.Id).OrderBy(l => l.Position).ThenBy(l => l.Number))
                {
                    Add("line", nameof(LineOfAction), l.Id, nameof(LineOfAction.Text), "Line of action {0}", l.Code, l.Text, $"/agendas/{a.Slug}/lines/{l.Code}/edit");
                }
            }
        }
        return new TranslationSet(TranslationSetKind.Agenda, a.Id, a.Slug, a.Symbol, a.Title, a.DocumentLanguage, texts);
    }

    /// <summary>
    /// A group's texts: its name and mandate, its meetings (title, description) with their agenda items, the newest version
    /// of each meeting's record (summary, section headings and bodies, outcomes) when it is written in the group's language,
    /// its agreements, its plans of work with their activities; empty sources left out. The sources are in its agenda's
    /// language: a record written in another has sources of another language, and is translated in its own editor.
    /// </summary>
    public async Task<TranslationSet?> GroupAsync(string slug, CancellationToken ct = default)
    {
        var g = await db.Groups.AsNoTracking().Where(x => x.Slug == slug)
            .Select(x => new { x.Id, x.Slug, Name = x.Name.ToDocument(), Mandate = x.Mandate.ToDocument(), x.Agenda!.DocumentLanguage })
            .SingleOrDefaultAsync(ct);
        if (g is null) return null;
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.GroupId == g.Id).OrderBy(m => m.StartsAtUtc).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.StartsAtUtc, m.TimeZone, Title = m.Title.ToDocument(), Description = m.Description.ToDocument() }).ToListAsync(ct);
        var items = await db.MeetingItems.AsNoTracking().Where(i => db.Meetings.Any(m => m.Id == i.MeetingId && m.GroupId == g.Id))
            .Select(i => new { i.Id, i.MeetingId, i.Position, Title = i.Title.ToDocument(), Description = i.Description.ToDocument() }).ToListAsync(ct);
        // Only the newest version of a meeting's record: the earlier ones are superseded or about to be, and a new version
        // takes the translations of the one it copies.
        var language = g.DocumentLanguage;
        var records = await db.MeetingRecords.AsNoTracking()
            .Where(r => r.Meeting!.GroupId == g.Id && r.Language == language
                && r.Number == db.MeetingRecords.Where(x => x.MeetingId == r.MeetingId).Max(x => x.Number))
            .Select(r => new { r.Id, r.MeetingId, r.Number, Summary = r.Summary.ToDocument() }).ToListAsync(ct);
        var recordIds = records.Select(r => r.Id).ToList();
        var sections = await db.RecordSections.AsNoTracking().Where(x => recordIds.Contains(x.RecordId))
            .Select(x => new { x.Id, x.RecordId, x.Position, Heading = x.Heading.ToDocument(), Body = x.Body.ToDocument() }).ToListAsync(ct);
        var sectionIds = sections.Select(x => x.Id).ToList();
        var outcomes = await db.RecordOutcomes.AsNoTracking().Where(o => sectionIds.Contains(o.SectionId))
            .Select(o => new { o.Id, o.SectionId, o.Position, Text = o.Text.ToDocument() }).ToListAsync(ct);
        var agreements = await db.Agreements.AsNoTracking().Where(x => x.GroupId == g.Id)
            .Select(x => new { x.Id, x.MeetingId, x.Number, x.AdoptedOn, Text = x.Text.ToDocument() }).ToListAsync(ct);
        var plans = await db.WorkPlans.AsNoTracking().Where(p => p.GroupId == g.Id).OrderBy(p => p.PeriodStart).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.PeriodStart, p.PeriodEnd, Title = p.Title.ToDocument(), Description = p.Description.ToDocument() }).ToListAsync(ct);
        var activities = await db.PlanActivities.AsNoTracking().Where(x => db.WorkPlans.Any(p => p.Id == x.PlanId && p.GroupId == g.Id))
            .Select(x => new { x.Id, x.PlanId, x.Position, Title = x.Title.ToDocument(), Description = x.Description.ToDocument() }).ToListAsync(ct);

        var texts = new List<TranslationText>();
        void Add(string kind, string type, int id, string property, string what, string code, LocalizedString text, string url, bool paragraphs, int max, bool markdown = false)
        {
            if (string.IsNullOrWhiteSpace(text.Source)) return;
            texts.Add(new TranslationText($"{kind}-{id.ToString(CultureInfo.InvariantCulture)}-{Kebab(property)}", type, id, property, what, code, text, url, paragraphs, max, markdown));
        }
        var groupEdit = $"/groups/{g.Slug}/edit";
        Add("group", "Group", g.Id, "Name", "Group name", "", g.Name, groupEdit, false, ShortText);
        Add("group", "Group", g.Id, "Mandate", "Group mandate", "", g.Mandate, groupEdit, false, ShortText);
        foreach (var m in meetings)
        {
            var day = MeetingDay(m.StartsAtUtc, m.TimeZone);
            var edit = $"/meetings/{m.Id.ToString(CultureInfo.InvariantCulture)}/edit";
            Add("meeting", nameof(Meeting), m.Id, nameof(Meeting.Title), "Title of the meeting of {0}", day, m.Title, edit, false, ShortText);
            Add("meeting", nameof(Meeting), m.Id, nameof(Meeting.Description), "Description of the meeting of {0}", day, m.Description, edit, true, LongText);
            var n = 0;
            foreach (var i in items.Where(i => i.MeetingId == m.Id).OrderBy(i => i.Position).ThenBy(i => i.Id))
            {
                var code = $"{day}, {(++n).ToString(CultureInfo.InvariantCulture)}";
                Add("item", nameof(MeetingItem), i.Id, nameof(MeetingItem.Title), "Agenda item of the meeting of {0}", code, i.Title, edit, false, ShortText);
                Add("item", nameof(MeetingItem), i.Id, nameof(MeetingItem.Description), "Description of an agenda item of the meeting of {0}", code, i.Description, edit, true, LongText);
            }
            foreach (var r in records.Where(r => r.MeetingId == m.Id))
            {
                var recordEdit = $"/meetings/{m.Id.ToString(CultureInfo.InvariantCulture)}/records/{r.Number.ToString(CultureInfo.InvariantCulture)}/edit";
                Add("record", nameof(MeetingRecord), r.Id, nameof(MeetingRecord.Summary), "Summary of the record of the meeting of {0}", day, r.Summary, recordEdit,
                    true, MeetingRecord.MaxMarkdown, markdown: true);
                var s = 0;
                foreach (var x in sections.Where(x => x.RecordId == r.Id).OrderBy(x => x.Position).ThenBy(x => x.Id))
                {
                    var code = $"{day}, {(++s).ToString(CultureInfo.InvariantCulture)}";
                    Add("section", nameof(RecordSection), x.Id, nameof(RecordSection.Heading), "Heading of a section of the record of the meeting of {0}", code, x.Heading,
                        recordEdit, false, RecordSection.MaxHeading);
                    Add("section", nameof(RecordSection), x.Id, nameof(RecordSection.Body), "Section of the record of the meeting of {0}", code, x.Body,
                        recordEdit, true, MeetingRecord.MaxMarkdown, markdown: true);
                    var o = 0;
                    foreach (var y in outcomes.Where(y => y.SectionId == x.Id).OrderBy(y => y.Position).ThenBy(y => y.Id))
                    {
                        Add("outcome", nameof(RecordOutcome), y.Id, nameof(RecordOutcome.Text), "Outcome of the record of the meeting of {0}",
                            $"{code}.{(++o).ToString(CultureInfo.InvariantCulture)}", y.Text, recordEdit, false, RecordOutcome.MaxText);
                    }
                }
            }
            foreach (var x in agreements.Where(x => x.MeetingId == m.Id).OrderBy(x => x.Number))
            {
                Add("agreement", "Agreement", x.Id, "Text", "Agreement {0}", $"{Date(x.AdoptedOn)}/{x.Number.ToString(CultureInfo.InvariantCulture)}", x.Text,
                    $"/agreements/{x.Id.ToString(CultureInfo.InvariantCulture)}/edit", true, ShortText);
            }
        }
        foreach (var p in plans)
        {
            var period = $"{p.PeriodStart:yyyy-MM}–{p.PeriodEnd:yyyy-MM}";
            var edit = $"/plans/{p.Id.ToString(CultureInfo.InvariantCulture)}/edit";
            Add("plan", "WorkPlan", p.Id, "Title", "Title of the plan of work {0}", period, p.Title, edit, false, ShortText);
            Add("plan", "WorkPlan", p.Id, "Description", "Description of the plan of work {0}", period, p.Description, edit, true, LongText);
            var n = 0;
            foreach (var x in activities.Where(x => x.PlanId == p.Id).OrderBy(x => x.Position).ThenBy(x => x.Id))
            {
                var code = $"{period}, {(++n).ToString(CultureInfo.InvariantCulture)}";
                Add("activity", "PlanActivity", x.Id, "Title", "Activity of the plan of work {0}", code, x.Title, edit, false, ShortText);
                Add("activity", "PlanActivity", x.Id, "Description", "Description of an activity of the plan of work {0}", code, x.Description, edit, true, LongText);
            }
        }
        return new TranslationSet(TranslationSetKind.Group, g.Id, g.Slug, g.Name.Source, g.Name, g.DocumentLanguage, texts);
    }

    private static string MeetingDay(DateTime startsAtUtc, string zone)
    {
        var instant = Instant.FromDateTimeUtc(DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc));
        var local = MeetingTimes.Find(zone) is { } z ? instant.InZone(z).Date : instant.InUtc().Date;
        return local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>AreaLevelName → area-level-name.</summary>
    internal static string Kebab(string property)
    {
        var s = new StringBuilder();
        foreach (var c in property)
        {
            if (char.IsUpper(c) && s.Length > 0) s.Append('-');
            s.Append(char.ToLowerInvariant(c));
        }
        return s.ToString();
    }

    /// <summary>
    /// Where each text stands in each language, from the audit entries of the set's records: one query, projected to the
    /// entry's id, record and changes. Each entry's JSON is scanned for its property names only.
    /// </summary>
    public async Task<TranslationStatus> StatusAsync(TranslationSet set, CancellationToken ct = default)
    {
        var types = set.Texts.Select(t => t.EntityType).Distinct().ToList();
        var ids = set.Texts.Select(t => t.EntityId.ToString(CultureInfo.InvariantCulture)).Distinct().ToList();
        var wanted = set.Texts.Select(t => (t.EntityType, Id: t.EntityId.ToString(CultureInfo.InvariantCulture))).ToHashSet();
        var properties = set.Texts.Select(t => t.Property).ToHashSet(StringComparer.Ordinal);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => types.Contains(e.EntityType) && ids.Contains(e.EntityId))
            .Select(e => new { e.Id, e.EntityType, e.EntityId, e.Changes })
            .ToListAsync(ct);
        // (type, id, "Title.Fr") → the latest entry that wrote it.
        var latest = new Dictionary<(string, string, string), long>();
        foreach (var e in entries)
        {
            if (!wanted.Contains((e.EntityType, e.EntityId))) continue;
            foreach (var name in ChangedNames(e.Changes))
            {
                var dot = name.IndexOf('.');
                if (dot <= 0 || !properties.Contains(name[..dot])) continue;
                var key = (e.EntityType, e.EntityId, name);
                if (!latest.TryGetValue(key, out var id) || e.Id > id) latest[key] = e.Id;
            }
        }
        return new TranslationStatus(set, latest);
    }

    /// <summary>The top-level property names of an audit entry's changes.</summary>
    internal static List<string> ChangedNames(string json)
    {
        var names = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return names;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                names.Add(reader.GetString()!);
                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // An entry the context did not write (none should exist) says nothing about the texts.
        }
        return names;
    }
}

/// <summary>Where each text of a set stands, per language; computed once per request from the audit trail.</summary>
public sealed class TranslationStatus(TranslationSet set, IReadOnlyDictionary<(string Type, string Id, string Name), long> latest)
{
    public TranslationSet Set => set;

    /// <summary>
    /// Missing without a translation; needs review when the latest audit entry that wrote the source is later than the
    /// latest that wrote the translation (or none wrote the translation, which then predates the trail); translated
    /// otherwise, a save that wrote both included.
    /// </summary>
    public TranslationState State(TranslationText text, string language)
    {
        if (TranslationLanguages.Of(text.Text, language) is null) return TranslationState.Missing;
        var id = text.EntityId.ToString(CultureInfo.InvariantCulture);
        if (!latest.TryGetValue((text.EntityType, id, $"{text.Property}.{nameof(LocalizedText.Source)}"), out var source)) return TranslationState.Translated;
        return latest.TryGetValue((text.EntityType, id, $"{text.Property}.{TranslationLanguages.Column(language)}"), out var translation) && translation >= source
            ? TranslationState.Translated
            : TranslationState.NeedsReview;
    }

    public IEnumerable<TextStatus> In(string language) =>
        set.Texts.Select(t => new TextStatus(t, TranslationLanguages.Of(t.Text, language), State(t, language)));

    public LanguageSummary Summary(string language)
    {
        int translated = 0, review = 0, missing = 0;
        foreach (var t in set.Texts)
        {
            switch (State(t, language))
            {
                case TranslationState.Translated: translated++; break;
                case TranslationState.NeedsReview: review++; break;
                default: missing++; break;
            }
        }
        return new LanguageSummary(language, translated, review, missing);
    }
}
