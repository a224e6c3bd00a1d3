using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Data;

namespace Rumbo.Core.Agendas;

public enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,
}

public sealed record ImportResult(int AgendaId, string Symbol, string Slug, ImportOutcome Outcome, int Areas, int Objectives, int Lines, int Principles);

/// <summary>Writes an agenda's structured form into the database and reads it back out.</summary>
public sealed class AgendaStore(RumboDbContext db, TimeProvider clock, ContentStamp? stamp = null)
{
    /// <summary>
    /// Creates the agenda or brings it in line with the document, matching items by their codes, in one
    /// transaction. The same document imported twice changes nothing, not even the timestamps.
    /// </summary>
    public async Task<ImportResult> ImportAsync(AgendaDocument document, CancellationToken ct = default)
    {
        AgendaValidator.Validate(document);
        var hash = Hash(document);
        var slug = AgendaKeys.Slugify(document.Symbol);
        var agenda = await db.Agendas
            .Include(a => a.Principles)
            .Include(a => a.Areas).ThenInclude(a => a.Objectives).ThenInclude(o => o.Lines)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Slug == slug, ct);

        var counts = Count(document);
        if (agenda is not null && agenda.ContentHash == hash)
        {
            return new ImportResult(agenda.Id, agenda.Symbol, agenda.Slug, ImportOutcome.Unchanged, counts.Areas, counts.Objectives, counts.Lines, counts.Principles);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = ImportOutcome.Updated;
        if (agenda is null)
        {
            agenda = new Agenda { Slug = slug, CreatedAt = now };
            db.Agendas.Add(agenda);
            outcome = ImportOutcome.Created;
        }

        agenda.Symbol = document.Symbol;
        agenda.SourceDocument = document.SourceDocument;
        agenda.Title.Set(document.Title);
        agenda.AdoptingBody.Set(document.AdoptingBody);
        agenda.Meeting.Set(document.Meeting);
        agenda.Place = document.Place;
        agenda.Date = document.Date;
        agenda.DocumentLanguage = document.DocumentLanguage;
        agenda.OriginalLanguage = document.OriginalLanguage;
        agenda.Status = document.Status;
        agenda.AreaLevelName.Set(document.AreaLevelName);
        agenda.Description.Set(document.Description);
        agenda.FollowUpMechanism.Set(document.FollowUpMechanism);
        agenda.ContentHash = hash;
        agenda.UpdatedAt = now;
        agenda.Version++;

        Merge(agenda.Principles, document.Principles, p => p.Number, p => p.Number,
            p => new Principle { Number = p.Number, Text = LocalizedText.From(p.Text) },
            (e, p) => e.Text.Set(p.Text));

        Merge(agenda.Areas, document.Areas, a => a.Number, a => a.Number,
            a => new Area { Number = a.Number, Code = Code(a.Number), Title = LocalizedText.From(a.Title) },
            (area, a) => area.Title.Set(a.Title));

        foreach (var areaDoc in document.Areas)
        {
            var area = agenda.Areas.Single(a => a.Number == areaDoc.Number);
            Merge(area.Objectives, areaDoc.Objectives, o => o.Number, o => o.Number,
                o => new StrategicObjective { Number = o.Number, Code = Code(areaDoc.Number, o.Number), Text = LocalizedText.From(o.Text) },
                (e, o) => e.Text.Set(o.Text));
            foreach (var objectiveDoc in areaDoc.Objectives)
            {
                var objective = area.Objectives.Single(o => o.Number == objectiveDoc.Number);
                Merge(objective.Lines, objectiveDoc.Lines, l => l.Number, l => l.Number,
                    l => new LineOfAction { Number = l.Number, Code = Code(areaDoc.Number, objectiveDoc.Number, l.Number), Text = LocalizedText.From(l.Text) },
                    (e, l) => e.Text.Set(l.Text));
            }
        }

        foreach (var objective in agenda.Areas.SelectMany(a => a.Objectives))
        {
            objective.Agenda ??= agenda;
            foreach (var line in objective.Lines) line.Agenda ??= agenda;
        }
        // One SaveChanges is one transaction: a failure leaves the database as it was.
        await db.SaveChangesAsync(ct);
        stamp?.Invalidate();
        return new ImportResult(agenda.Id, agenda.Symbol, agenda.Slug, outcome, counts.Areas, counts.Objectives, counts.Lines, counts.Principles);
    }

    /// <summary>The agenda as its structured form, exactly as it would be imported.</summary>
    public async Task<AgendaDocument?> ExportAsync(int agendaId, CancellationToken ct = default)
    {
        var agenda = await db.Agendas.AsNoTracking()
            .Include(a => a.Principles)
            .Include(a => a.Areas).ThenInclude(a => a.Objectives).ThenInclude(o => o.Lines)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == agendaId, ct);
        return agenda is null ? null : ToDocument(agenda);
    }

    public static AgendaDocument ToDocument(Agenda agenda) => new()
    {
        Symbol = agenda.Symbol,
        SourceDocument = agenda.SourceDocument,
        Title = agenda.Title.ToDocument(),
        AdoptingBody = agenda.AdoptingBody.ToDocument(),
        Meeting = agenda.Meeting.ToDocument(),
        Place = agenda.Place,
        Date = agenda.Date,
        DocumentLanguage = agenda.DocumentLanguage,
        OriginalLanguage = agenda.OriginalLanguage,
        Status = agenda.Status,
        AreaLevelName = agenda.AreaLevelName.ToDocument(),
        Description = agenda.Description.ToDocument(),
        FollowUpMechanism = agenda.FollowUpMechanism.ToDocument(),
        Principles = agenda.Principles.OrderBy(p => p.Number).Select(p => new PrincipleDocument(p.Number, p.Text.ToDocument())).ToList(),
        Areas = agenda.Areas.OrderBy(a => a.Number).Select(a => new AreaDocument(a.Number, a.Title.ToDocument(),
            a.Objectives.OrderBy(o => o.Number).Select(o => new ObjectiveDocument(o.Number, o.Text.ToDocument(),
                o.Lines.OrderBy(l => l.Number).Select(l => new LineDocument(l.Number, l.Text.ToDocument())).ToList())).ToList())).ToList(),
    };

    public static string Hash(AgendaDocument document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AgendaJson.Serialize(document))));

    private static string Code(params int[] numbers) => string.Join('.', numbers);

    private static (int Areas, int Objectives, int Lines, int Principles) Count(AgendaDocument d) =>
        (d.Areas.Count, d.Areas.Sum(a => a.Objectives.Count), d.Areas.Sum(a => a.Objectives.Sum(o => o.Lines.Count)), d.Principles.Count);

    private void Merge<TEntity, TDoc>(List<TEntity> existing, IReadOnlyList<TDoc> wanted, Func<TEntity, int> entityKey, Func<TDoc, int> docKey,
        Func<TDoc, TEntity> create, Action<TEntity, TDoc> update) where TEntity : class
    {
        var byKey = existing.ToDictionary(entityKey);
        foreach (var doc in wanted)
        {
            if (byKey.Remove(docKey(doc), out var entity))
            {
                update(entity, doc);
            }
            else
            {
                existing.Add(create(doc));
            }
        }
        // Items no longer in the document are removed: nothing links to them yet. Once other records link
        // to lines of action, removal becomes retirement (the line keeps its code and its page).
        foreach (var gone in byKey.Values)
        {
            existing.Remove(gone);
            db.Remove(gone);
        }
    }
}
