using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;

namespace Rumbo.Core.Translations;

/// <summary>A translation the file changed: the text, the translation before (null when there was none) and after.</summary>
public sealed record ChangedTranslation(TranslationText Text, string? Old, string New);

/// <summary>A unit whose source in the file is not the source as it is now: translated from an older (or another) text.</summary>
public sealed record StaleTranslation(TranslationText Text, string FileSource);

/// <summary>What an imported file did, unit by unit; nothing but <see cref="Changed"/> was written.</summary>
/// <param name="Missing">Texts the file gives no translation for, or leaves out.</param>
public sealed record TranslationImportReport(
    string Language,
    IReadOnlyList<ChangedTranslation> Changed,
    IReadOnlyList<TranslationText> Unchanged,
    IReadOnlyList<TranslationText> Missing,
    IReadOnlyList<StaleTranslation> NotMatching,
    IReadOnlyList<TranslationText> TooLong,
    IReadOnlyList<string> Unknown);

/// <summary>
/// Applies a translated file to an agenda's or a group's texts: each unit is checked against the text as it is now (its id,
/// its source, its length), and every translation that changes is written in one save, so the audit trail records each
/// with the user who imported it. The records that hold the texts are read tracked in the request and saved with their
/// versions as concurrency tokens: a save by someone else in between refuses the whole import, which writes nothing.
/// </summary>
public sealed class TranslationImport(RumboDbContext db, AgendaStore agendas)
{
    /// <summary>Larger than any agenda's or group's texts in XLIFF many times over, far below what would strain the server.</summary>
    public const long MaxUpload = 5 * 1024 * 1024;

    /// <summary>
    /// The report, or null when someone saved one of the records between the read and the save (nothing was written).
    /// </summary>
    public async Task<TranslationImportReport?> ApplyAsync(TranslationSet set, string language, IReadOnlyList<ReadUnit> units, CancellationToken ct = default)
    {
        if (!set.IsTarget(language)) throw new ArgumentException("Not a target language of the set.", nameof(language));
        var byId = set.Texts.ToDictionary(t => t.UnitId, StringComparer.Ordinal);
        var tracked = new Dictionary<(string Type, int Id), object>();
        // The record whose version guards each text's record: the agenda for its tree, the meeting for its items, the plan for its activities.
        var owners = new Dictionary<(string Type, int Id), object>();
        Agenda? agenda = null;
        var agendaVersion = 0;
        if (set.Kind == TranslationSetKind.Agenda)
        {
            agenda = await agendas.LoadForEditAsync(set.Slug, ct);
            if (agenda is null) return null;
            agendaVersion = agenda.Version;
            tracked[(nameof(Agenda), agenda.Id)] = agenda;
            foreach (var p in agenda.Principles) tracked[(nameof(Principle), p.Id)] = p;
            foreach (var a in agenda.Areas)
            {
                tracked[(nameof(Area), a.Id)] = a;
                foreach (var o in a.Objectives)
                {
                    tracked[(nameof(StrategicObjective), o.Id)] = o;
                    foreach (var l in o.Lines) tracked[(nameof(LineOfAction), l.Id)] = l;
                }
            }
        }
        else
        {
            var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == set.Id, ct);
            if (group is null) return null;
            tracked[("Group", group.Id)] = group;
            owners[("Group", group.Id)] = group;
            foreach (var m in await db.Meetings.Include(m => m.Items).Where(m => m.GroupId == set.Id).AsSplitQuery().ToListAsync(ct))
            {
                tracked[("Meeting", m.Id)] = m;
                owners[("Meeting", m.Id)] = m;
                foreach (var i in m.Items) { tracked[("MeetingItem", i.Id)] = i; owners[("MeetingItem", i.Id)] = m; }
            }
            foreach (var x in await db.Agreements.Where(x => x.GroupId == set.Id).ToListAsync(ct))
            {
                tracked[("Agreement", x.Id)] = x;
                owners[("Agreement", x.Id)] = x;
            }
            // A record's translations are not the record (decision 0026): an approved one takes them too, its text unchanged.
            foreach (var r in await db.MeetingRecords.Include(r => r.Sections).ThenInclude(x => x.Outcomes).Where(r => r.Meeting!.GroupId == set.Id)
                .AsSplitQuery().ToListAsync(ct))
            {
                tracked[("MeetingRecord", r.Id)] = r;
                owners[("MeetingRecord", r.Id)] = r;
                foreach (var x in r.Sections)
                {
                    tracked[("RecordSection", x.Id)] = x;
                    owners[("RecordSection", x.Id)] = r;
                    foreach (var o in x.Outcomes) { tracked[("RecordOutcome", o.Id)] = o; owners[("RecordOutcome", o.Id)] = r; }
                }
            }
            foreach (var p in await db.WorkPlans.Include(p => p.Activities).Where(p => p.GroupId == set.Id).AsSplitQuery().ToListAsync(ct))
            {
                tracked[("WorkPlan", p.Id)] = p;
                owners[("WorkPlan", p.Id)] = p;
                foreach (var a in p.Activities) { tracked[("PlanActivity", a.Id)] = a; owners[("PlanActivity", a.Id)] = p; }
            }
        }

        List<ChangedTranslation> changed = [];
        List<TranslationText> unchanged = [], missing = [], tooLong = [];
        List<StaleTranslation> notMatching = [];
        List<string> unknown = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var touched = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var unit in units)
        {
            if (!seen.Add(unit.Id)) continue;
            if (!byId.TryGetValue(unit.Id, out var text) || !tracked.TryGetValue((text.EntityType, text.EntityId), out var entity)
                || entity.GetType().GetProperty(text.Property)?.GetValue(entity) is not LocalizedText current)
            {
                unknown.Add(unit.Id);
                continue;
            }
            if (unit.Source is not null && Folded(unit.Source) != Folded(current.Source))
            {
                notMatching.Add(new StaleTranslation(text, unit.Source));
                continue;
            }
            var target = TranslationLanguages.Clean(unit.Target, text);
            if (target is null)
            {
                missing.Add(text);
                continue;
            }
            if (target.Length > text.MaxLength)
            {
                tooLong.Add(text);
                continue;
            }
            var old = TranslationLanguages.Of(current, language);
            if (old == target)
            {
                unchanged.Add(text);
                continue;
            }
            TranslationLanguages.Set(current, language, target);
            changed.Add(new ChangedTranslation(text, old, target));
            if (owners.TryGetValue((text.EntityType, text.EntityId), out var owner)) touched.Add(owner);
        }

        // A text the file leaves out (a file cut short, or exported before the text was added) is missing in it too.
        missing.AddRange(set.Texts.Where(t => !seen.Contains(t.UnitId)));

        if (changed.Count > 0)
        {
            if (agenda is not null)
            {
                try
                {
                    await agendas.SaveEditAsync(agenda, agendaVersion, ct);
                }
                catch (AgendaConflictException)
                {
                    return null;
                }
            }
            else
            {
                // Each record that holds a changed text (the meeting of an item, the meeting record of a section) saves only if
                // its version is still the one read above.
                foreach (var owner in touched)
                {
                    var version = db.Entry(owner).Property("Version");
                    var read = (int)version.CurrentValue!;
                    version.OriginalValue = read;
                    version.CurrentValue = read + 1;
                }
                if (!await db.SaveUnlessRacedAsync(ct)) return null;
            }
        }
        else
        {
            db.ChangeTracker.Clear();
        }
        return new TranslationImportReport(language, changed, unchanged, missing, notMatching, tooLong, unknown);
    }

    /// <summary>A source compared as words: spreadsheets and translation tools may change spaces and line ends, never words.</summary>
    internal static string Folded(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
