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
public sealed class AgendaStore(RumboDbContext db, TimeProvider clock, AgendaReader reader)
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
        var agenda = await TrackedTrees().SingleOrDefaultAsync(a => a.Slug == slug, ct);

        var counts = Count(document);
        if (agenda is not null && agenda.ContentHash == hash)
        {
            return new ImportResult(agenda.Id, agenda.Symbol, agenda.Slug, ImportOutcome.Unchanged, counts.Areas, counts.Objectives, counts.Lines, counts.Principles);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var outcome = ImportOutcome.Updated;
        if (agenda is null)
        {
            agenda = new Agenda { Slug = slug, CreatedAt = now };
            db.Agendas.Add(agenda);
            outcome = ImportOutcome.Created;
        }
        else if (document.Areas.Count < agenda.Areas.Count)
        {
            // Areas carry everything below them; a document that drops one is more likely wrong than meant.
            throw new AgendaValidationException([("areas", $"the agenda has {agenda.Areas.Count} areas; an import never removes an area.")]);
        }

        agenda.Symbol = document.Symbol;
        agenda.SourceDocument = document.SourceDocument;
        agenda.Title.Merge(document.Title);
        agenda.AdoptingBody.Merge(document.AdoptingBody);
        agenda.Meeting.Merge(document.Meeting);
        agenda.Place = document.Place;
        agenda.Date = document.Date;
        agenda.DocumentLanguage = document.DocumentLanguage;
        agenda.OriginalLanguage = document.OriginalLanguage;
        agenda.Status = document.Status;
        agenda.AreaLevelName.Merge(document.AreaLevelName);
        agenda.Description.Merge(document.Description);
        agenda.FollowUpMechanism.Merge(document.FollowUpMechanism);

        Merge(agenda.Principles, document.Principles, p => p.Number, p => p.Number,
            (p, _) => new Principle { Number = p.Number, Text = LocalizedText.From(p.Text) },
            (e, p, _) => e.Text.Merge(p.Text),
            gone => db.Remove(gone));

        Merge(agenda.Areas, document.Areas, a => a.Number, a => a.Number,
            (a, _) => new Area { Number = a.Number, Code = Code(a.Number), Title = LocalizedText.From(a.Title) },
            (area, a, _) => area.Title.Merge(a.Title),
            _ => { });

        foreach (var areaDoc in document.Areas)
        {
            var area = agenda.Areas.Single(a => a.Number == areaDoc.Number);
            Merge(area.Objectives, areaDoc.Objectives, o => o.Number, o => o.Number,
                (o, position) => new StrategicObjective { Number = o.Number, Position = position, Code = Code(areaDoc.Number, o.Number), Text = LocalizedText.From(o.Text), RetiredOn = o.RetiredOn },
                (e, o, position) => { e.Text.Merge(o.Text); e.Position = position; e.RetiredOn = o.RetiredOn; },
                gone => gone.RetiredOn ??= today);
            foreach (var objectiveDoc in areaDoc.Objectives)
            {
                var objective = area.Objectives.Single(o => o.Number == objectiveDoc.Number);
                Merge(objective.Lines, objectiveDoc.Lines, l => l.Number, l => l.Number,
                    (l, position) => new LineOfAction { Number = l.Number, Position = position, Code = Code(areaDoc.Number, objectiveDoc.Number, l.Number), Text = LocalizedText.From(l.Text), RetiredOn = l.RetiredOn },
                    (e, l, position) => { e.Text.Merge(l.Text); e.Position = position; e.RetiredOn = l.RetiredOn; },
                    gone => gone.RetiredOn ??= today);
            }
        }

        foreach (var objective in agenda.Areas.SelectMany(a => a.Objectives))
        {
            objective.Agenda ??= agenda;
            foreach (var line in objective.Lines) line.Agenda ??= agenda;
        }

        if (outcome == ImportOutcome.Updated && !HasRealChanges())
        {
            // The document says nothing new (it lacks translations entered since, say): leave everything as it is.
            db.ChangeTracker.Clear();
            return new ImportResult(agenda.Id, agenda.Symbol, agenda.Slug, ImportOutcome.Unchanged, counts.Areas, counts.Objectives, counts.Lines, counts.Principles);
        }

        await SaveAgendaAsync(agenda, ct);
        return new ImportResult(agenda.Id, agenda.Symbol, agenda.Slug, outcome, counts.Areas, counts.Objectives, counts.Lines, counts.Principles);
    }

    /// <summary>
    /// Saves changes made to a tracked agenda's tree: bumps its version (the concurrency token every editor
    /// checks), refreshes its content hash, and saves in one transaction.
    /// </summary>
    public async Task SaveAgendaAsync(Agenda agenda, CancellationToken ct = default)
    {
        agenda.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        agenda.Version++;
        agenda.ContentHash = Hash(ToDocument(agenda));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The agenda with its whole tree, tracked, for an editor to change and save with <see cref="SaveEditAsync"/>.</summary>
    public async Task<Agenda?> LoadForEditAsync(string key, CancellationToken ct = default)
    {
        var resolved = await reader.ResolveAsync(key, ct);
        if (resolved is not { } r) return null;
        return await TrackedTrees().SingleAsync(a => a.Id == r.Id, ct);
    }

    /// <summary>Agendas with their whole tree, tracked: what import and the editors change.</summary>
    private IQueryable<Agenda> TrackedTrees() => db.Agendas
        .Include(a => a.Principles)
        .Include(a => a.Areas).ThenInclude(a => a.Objectives).ThenInclude(o => o.Lines)
        .AsSplitQuery();

    /// <summary>
    /// Saves an editor's changes if nobody saved the agenda since the editor read <paramref name="expectedVersion"/>;
    /// otherwise throws <see cref="AgendaConflictException"/> and saves nothing. The version is checked by the
    /// database itself, so two editors racing cannot both win.
    /// </summary>
    public async Task SaveEditAsync(Agenda agenda, int expectedVersion, CancellationToken ct = default)
    {
        if (agenda.Version != expectedVersion)
        {
            db.ChangeTracker.Clear();
            throw new AgendaConflictException(agenda.Version);
        }
        db.Entry(agenda).Property(a => a.Version).OriginalValue = expectedVersion;
        try
        {
            await SaveAgendaAsync(agenda, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new AgendaConflictException(null);
        }
    }

    private bool HasRealChanges()
    {
        db.ChangeTracker.DetectChanges();
        string[] bookkeeping = [nameof(Agenda.ContentHash), nameof(Agenda.UpdatedAt), nameof(Agenda.Version)];
        return db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Deleted
            || (e.State == EntityState.Modified && (e.Properties.Any(p => p.IsModified && !bookkeeping.Contains(p.Metadata.Name))
                || e.ComplexProperties.Any(c => c.Properties.Any(p => p.IsModified)))));
    }

    /// <summary>The agenda as its structured form, exactly as it would be imported.</summary>
    public async Task<AgendaDocument?> ExportAsync(int agendaId, CancellationToken ct = default)
    {
        var tree = await reader.GetTreeAsync(agendaId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        return tree is null ? null : ToDocument(tree);
    }

    public static AgendaDocument ToDocument(AgendaTree tree) => new()
    {
        Symbol = tree.Symbol,
        SourceDocument = tree.SourceDocument,
        Title = tree.Title,
        AdoptingBody = tree.AdoptingBody,
        Meeting = tree.Meeting,
        Place = tree.Place,
        Date = tree.Date,
        DocumentLanguage = tree.DocumentLanguage,
        OriginalLanguage = tree.OriginalLanguage,
        Status = tree.Status,
        AreaLevelName = tree.AreaLevelName,
        Description = tree.Description,
        FollowUpMechanism = tree.FollowUpMechanism,
        Principles = tree.Principles.Select(p => new PrincipleDocument(p.Number, p.Text)).ToList(),
        Areas = tree.Areas.Select(a => new AreaDocument(a.Number, a.Title,
            a.Objectives.Select(o => new ObjectiveDocument(o.Number, o.Text,
                o.Lines.Select(l => new LineDocument(l.Number, l.Text) { RetiredOn = l.RetiredOn }).ToList()) { RetiredOn = o.RetiredOn }).ToList())).ToList(),
    };

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
            a.Objectives.OrderBy(o => o.Position).ThenBy(o => o.Number).Select(o => new ObjectiveDocument(o.Number, o.Text.ToDocument(),
                o.Lines.OrderBy(l => l.Position).ThenBy(l => l.Number).Select(l => new LineDocument(l.Number, l.Text.ToDocument()) { RetiredOn = l.RetiredOn }).ToList())
            { RetiredOn = o.RetiredOn }).ToList())).ToList(),
    };

    public static string Hash(AgendaDocument document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AgendaJson.Serialize(document))));

    private static string Code(params int[] numbers) => string.Join('.', numbers);

    private static (int Areas, int Objectives, int Lines, int Principles) Count(AgendaDocument d) =>
        (d.Areas.Count, d.Areas.Sum(a => a.Objectives.Count), d.Areas.Sum(a => a.Objectives.Sum(o => o.Lines.Count)), d.Principles.Count);

    /// <summary>Matches items by number: updates the ones found, adds the new ones, hands the missing ones to <paramref name="missing"/>.</summary>
    private static void Merge<TEntity, TDoc>(List<TEntity> existing, IReadOnlyList<TDoc> wanted, Func<TEntity, int> entityKey, Func<TDoc, int> docKey,
        Func<TDoc, int, TEntity> create, Action<TEntity, TDoc, int> update, Action<TEntity> missing) where TEntity : class
    {
        var byKey = existing.ToDictionary(entityKey);
        for (var position = 0; position < wanted.Count; position++)
        {
            var doc = wanted[position];
            if (byKey.Remove(docKey(doc), out var entity))
            {
                update(entity, doc, position + 1);
            }
            else
            {
                existing.Add(create(doc, position + 1));
            }
        }
        foreach (var gone in byKey.Values)
        {
            missing(gone);
        }
    }
}

/// <summary>Someone else saved the agenda after the editor read it.</summary>
public sealed class AgendaConflictException(int? currentVersion)
    : Exception("The agenda was changed by someone else since it was opened for editing.")
{
    public int? CurrentVersion { get; } = currentVersion;
}
