using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Documents;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.People;

namespace Rumbo.Core.Indicators;

/// <summary>A reporting round as pages show it.</summary>
public sealed record RoundView(int Id, LocalizedString Title, int FirstYear, int LastYear, DateOnly OpensOn, DateOnly DueOn);

/// <summary>A stored value with its history, for the country's reporting page and the secretariat's review.</summary>
public sealed record ReportedValue(
    int Id, int IndicatorId, string IndicatorCode, int VersionId, int Year, string Breakdown, double Value, string Source, string Notes,
    string? Evidence, ValueStatus Status, bool Locked, int Version, IReadOnlyList<TransitionView> Transitions, EvidenceFileView? EvidenceFile = null);

/// <summary>A value's evidence file as the reporting page lists it.</summary>
public sealed record EvidenceFileView(int Id, string FileName, string Extension, long Size);

public sealed record TransitionView(ValueStatus From, ValueStatus To, DateTime AtUtc, string? Person, string? Reason);

/// <summary>One country's reporting of a round: filled, submitted, approved, returned; on time when first sent by the due date.</summary>
public sealed record CountryCompleteness(
    CountryLabel Country, int Expected, int Filled, int Drafts, int Submitted, int Approved, int Returned, DateTime? FirstSubmittedUtc, bool OnTime)
{
    public double Share => Expected == 0 ? 0 : (double)Math.Min(Filled, Expected) / Expected;
}

/// <summary>What a review action does.</summary>
public enum ReviewAction
{
    Approve,
    Return,
    Unlock,
}

/// <summary>
/// A country's values: read for the reporting page, checked, saved as drafts and submitted; reviewed by the
/// secretariat. Pages, the upload and the bulk API all save through here, so one set of checks and one workflow apply.
/// </summary>
public sealed class ReportingStore(RumboDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<string, ReportingIndicator>> IndicatorsAsync(int agendaId, CancellationToken ct = default)
    {
        var rows = await db.Indicators.AsNoTracking().Where(i => i.AgendaId == agendaId && i.Status != IndicatorStatus.Retired)
            .Select(i => new
            {
                i.Id, i.Code,
                V = i.Versions.OrderByDescending(v => v.Number)
                    .Select(v => new { v.Id, Title = v.Title.ToDocument(), v.Unit, v.Decimals, v.Minimum, v.Maximum, v.Dimensions }).First(),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Code, r => new ReportingIndicator(r.Id, r.Code, r.V.Title, r.V.Id, r.V.Unit, r.V.Decimals, r.V.Minimum,
            r.V.Maximum, Disaggregations.Of(r.V.Dimensions)), StringComparer.Ordinal);
    }

    /// <summary>Every round of the agenda, the latest due first.</summary>
    public async Task<IReadOnlyList<RoundView>> RoundsAsync(int agendaId, CancellationToken ct = default) =>
        (await db.ReportingRounds.AsNoTracking().Where(r => r.AgendaId == agendaId)
            .Select(r => new RoundView(r.Id, r.Title.ToDocument(), r.FirstYear, r.LastYear, r.OpensOn, r.DueOn)).ToListAsync(ct))
        .OrderByDescending(r => r.DueOn).ToList();

    /// <summary>Opens a reporting round: the years of data asked for and the due date.</summary>
    public async Task<int> OpenRoundAsync(int agendaId, LocalizedText title, int firstYear, int lastYear, DateOnly opensOn, DateOnly dueOn, CancellationToken ct = default)
    {
        var round = new ReportingRound { AgendaId = agendaId, Title = title, FirstYear = firstYear, LastYear = lastYear, OpensOn = opensOn, DueOn = dueOn };
        db.ReportingRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return round.Id;
    }

    /// <summary>The round whose due date is the nearest one not yet a month past, else the latest.</summary>
    public async Task<RoundView?> CurrentRoundAsync(int agendaId, CancellationToken ct = default)
    {
        var rounds = await db.ReportingRounds.AsNoTracking().Where(r => r.AgendaId == agendaId)
            .Select(r => new RoundView(r.Id, r.Title.ToDocument(), r.FirstYear, r.LastYear, r.OpensOn, r.DueOn)).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return rounds.Where(r => r.DueOn.AddMonths(1) >= today).OrderBy(r => r.DueOn).FirstOrDefault()
            ?? rounds.OrderByDescending(r => r.DueOn).FirstOrDefault();
    }

    public Task<IReadOnlyList<StoredValue>> StoredAsync(IEnumerable<int> versionIds, int countryId, CancellationToken ct = default) =>
        StoredAsync(db, versionIds, countryId, ct);

    /// <summary>The country's stored values of the given versions, read on <paramref name="db"/> (the bulk import reads on a context of its own).</summary>
    public static async Task<IReadOnlyList<StoredValue>> StoredAsync(RumboDbContext db, IEnumerable<int> versionIds, int countryId, CancellationToken ct = default)
    {
        var ids = versionIds.ToList();
        return await db.IndicatorValues.AsNoTracking().Where(v => ids.Contains(v.IndicatorVersionId) && v.CountryId == countryId)
            .Select(v => new StoredValue(v.Id, v.IndicatorVersionId, v.Year, v.Breakdown, v.Value, v.Status, v.Source, v.Notes, v.EvidenceUrl, v.Version))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The country's values of the given years with their transitions, for the reporting page: those stored a value at a
    /// time, and the approval of the import that brought the value, which is one row for all its values (decision 0031).
    /// </summary>
    public async Task<IReadOnlyList<ReportedValue>> ValuesAsync(int agendaId, int countryId, int firstYear, int lastYear, CancellationToken ct = default)
    {
        var rows = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.CountryId == countryId && v.IndicatorVersion!.Indicator!.AgendaId == agendaId && v.Year >= firstYear && v.Year <= lastYear)
            .Select(v => new
            {
                v.ImportId,
                Value = new ReportedValue(v.Id, v.IndicatorVersion!.IndicatorId, v.IndicatorVersion.Indicator!.Code, v.IndicatorVersionId, v.Year, v.Breakdown,
                    v.Value, v.Source, v.Notes, v.EvidenceUrl, v.Status, v.Locked, v.Version,
                    v.Transitions.OrderBy(t => t.AtUtc).ThenBy(t => t.Id)
                        .Select(t => new TransitionView(t.From, t.To, t.AtUtc, t.Person == null ? null : (t.Person.GivenName + " " + t.Person.FamilyName).Trim(), t.Reason))
                        .ToList(),
                    v.EvidenceFile == null ? null : new EvidenceFileView(v.EvidenceFile.Id, v.EvidenceFile.FileName, v.EvidenceFile.Extension, v.EvidenceFile.Size)),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var importIds = rows.Where(r => r.ImportId is not null).Select(r => r.ImportId!.Value).Distinct().ToList();
        if (importIds.Count == 0) return rows.Select(r => r.Value).ToList();
        var imports = await db.IndicatorImports.AsNoTracking().Where(i => importIds.Contains(i.Id) && i.Status == ValueStatus.Approved)
            .Select(i => new
            {
                i.Id,
                Transition = new TransitionView(ValueStatus.Draft, ValueStatus.Approved, i.AtUtc,
                    db.People.Where(p => p.Id == i.PersonId).Select(p => (p.GivenName + " " + p.FamilyName).Trim()).FirstOrDefault(), IndicatorBulkImport.ImportedReason),
            })
            .ToDictionaryAsync(i => i.Id, i => i.Transition, ct);
        return rows.Select(r => r.ImportId is int id && imports.TryGetValue(id, out var approved)
                ? r.Value with { Transitions = [.. r.Value.Transitions.Append(approved).OrderBy(t => t.AtUtc)] }
                : r.Value)
            .ToList();
    }

    /// <summary>
    /// Saves checked values as the country's drafts (a returned value edited becomes a draft again), and submits them
    /// when asked, in one transaction. Answers false, saving nothing, when someone changed one of the values meanwhile.
    /// </summary>
    public async Task<bool> SaveAsync(int countryId, int? roundId, IReadOnlyList<CheckedValue> values, int? personId, bool submit, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var versionIds = values.Select(v => v.VersionId).Distinct().ToList();
        var years = values.Select(v => v.Year).Distinct().ToList();
        var existing = await db.IndicatorValues
            .Where(v => v.CountryId == countryId && versionIds.Contains(v.IndicatorVersionId) && years.Contains(v.Year))
            .ToListAsync(ct);
        var byKey = existing.ToDictionary(v => (v.IndicatorVersionId, v.Breakdown, v.Year));
        foreach (var c in values)
        {
            if (byKey.TryGetValue((c.VersionId, c.Breakdown, c.Year), out var row))
            {
                if (row.RefuseEdit() is not null) return false;
                if (row.Status == ValueStatus.Returned) row.Edit(personId, now);
                row.Value = c.Value;
                row.Source = c.Source;
                row.Notes = c.Notes;
                row.EvidenceUrl = c.Evidence;
                row.UpdatedAtUtc = now;
                row.Version++;
            }
            else
            {
                row = new IndicatorValue
                {
                    IndicatorVersionId = c.VersionId, CountryId = countryId, Year = c.Year, Breakdown = c.Breakdown, Value = c.Value, Source = c.Source,
                    Notes = c.Notes, EvidenceUrl = c.Evidence, Status = ValueStatus.Draft, RoundId = roundId, UpdatedAtUtc = now,
                };
                db.IndicatorValues.Add(row);
            }
            if (submit) row.Submit(personId, now);
        }
        return await db.SaveUnlessRacedAsync(ct);
    }

    /// <summary>Submits every draft of the country for the agenda; answers how many.</summary>
    public async Task<int> SubmitDraftsAsync(int agendaId, int countryId, int? personId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var drafts = await db.IndicatorValues
            .Where(v => v.CountryId == countryId && v.Status == ValueStatus.Draft && v.IndicatorVersion!.Indicator!.AgendaId == agendaId)
            .ToListAsync(ct);
        foreach (var d in drafts)
        {
            d.Submit(personId, now);
            d.Version++;
        }
        return await db.SaveUnlessRacedAsync(ct) ? drafts.Count : 0;
    }

    /// <summary>
    /// Approves, returns or unlocks one value (the entity's rules decide), if it is still at the version the reviewer
    /// saw. Answers null when done, else the refusal; a lost race answers the conflict message.
    /// </summary>
    public async Task<string?> ReviewAsync(int valueId, int version, ReviewAction action, string? reason, int? personId, CancellationToken ct = default)
    {
        var value = await db.IndicatorValues.SingleOrDefaultAsync(v => v.Id == valueId, ct);
        if (value is null) return NotFound;
        if (value.Version != version) return Conflict;
        var now = clock.GetUtcNow().UtcDateTime;
        var refusal = action switch
        {
            ReviewAction.Approve => value.Approve(personId, now),
            ReviewAction.Return => value.Return(personId, now, reason ?? ""),
            _ => value.Unlock(personId, now, reason ?? ""),
        };
        if (refusal is not null) return refusal;
        value.Version++;
        return await db.SaveUnlessRacedAsync(ct) ? null : Conflict;
    }

    /// <summary>Approves every submitted value of the country for the agenda; answers how many.</summary>
    public async Task<int> ApproveSubmittedAsync(int agendaId, int countryId, int? personId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var submitted = await db.IndicatorValues
            .Where(v => v.CountryId == countryId && v.Status == ValueStatus.Submitted && v.IndicatorVersion!.Indicator!.AgendaId == agendaId)
            .ToListAsync(ct);
        foreach (var s in submitted)
        {
            s.Approve(personId, now);
            s.Version++;
        }
        return await db.SaveUnlessRacedAsync(ct) ? submitted.Count : 0;
    }

    /// <summary>
    /// Attaches a checked file to one of the country's values as its evidence, or removes the evidence file when
    /// <paramref name="file"/> is null, if the value is still at the version the person saw and may change (a draft or a
    /// returned value, as the entity decides). The file goes to the store with the row's save. Answers null when done,
    /// else the refusal; a lost race answers the conflict message.
    /// </summary>
    public async Task<string?> SetEvidenceAsync(int agendaId, int countryId, int valueId, int version, ReceivedFile? file, IFileStore files, int? personId,
        CancellationToken ct = default)
    {
        var value = await db.IndicatorValues
            .SingleOrDefaultAsync(v => v.Id == valueId && v.CountryId == countryId && v.IndicatorVersion!.Indicator!.AgendaId == agendaId, ct);
        if (value is null) return NotFound;
        var now = clock.GetUtcNow().UtcDateTime;
        var evidence = file is null ? null : new EvidenceFile
        {
            AgendaId = agendaId, CountryId = countryId, ContentHash = file.Hash, MediaType = file.MediaType, Extension = file.Extension, Size = file.Size,
            FileName = file.FileName, UploadedAtUtc = now, UploadedByPersonId = personId,
        };
        var previous = value.EvidenceFileId;
        if (value.SetEvidence(evidence, personId, now) is { } refused)
        {
            db.ChangeTracker.Clear();
            return refused;
        }
        if (evidence is not null) db.EvidenceFiles.Add(evidence);
        Func<Task>? save = file is null ? null : async () =>
        {
            await file.CommitAsync(files, ct);
            await db.SaveChangesAsync(ct);
        };
        if (!await db.SaveIfVersionAsync(value, v => v.Version, version, ct, save)) return Conflict;
        if (previous is int replaced) await ForgetEvidenceAsync(replaced, files, ct);
        return null;
    }

    /// <summary>
    /// A file removed or replaced as a value's evidence goes, row and content, once no value points to it: someone who
    /// removes a wrong file (one with personal data, say) must not leave it downloadable. The content stays while
    /// another evidence file or a document's version has the same (its content is stored once for all).
    /// </summary>
    private async Task ForgetEvidenceAsync(int fileId, IFileStore files, CancellationToken ct)
    {
        if (await db.IndicatorValues.AnyAsync(v => v.EvidenceFileId == fileId, ct)) return;
        var file = await db.EvidenceFiles.SingleOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is null) return;
        db.EvidenceFiles.Remove(file);
        await db.SaveChangesAsync(ct);
        if (!await db.EvidenceFiles.AnyAsync(f => f.ContentHash == file.ContentHash, ct)
            && !await db.DocumentVersions.AnyAsync(v => v.ContentHash == file.ContentHash, ct))
        {
            files.Delete(file.ContentHash);
        }
    }

    /// <summary>An evidence file of one of the country's values for the agenda, to download; null when there is none.</summary>
    public Task<EvidenceFile?> EvidenceFileAsync(int agendaId, int countryId, int fileId, CancellationToken ct = default) =>
        db.EvidenceFiles.AsNoTracking()
            .SingleOrDefaultAsync(f => f.Id == fileId && f.AgendaId == agendaId && f.CountryId == countryId && db.IndicatorValues.Any(v => v.EvidenceFileId == f.Id), ct);

    public const string NotFound = "This value does not exist.";
    public const string Conflict = "Someone changed these values meanwhile; look at them again.";

    /// <summary>Completeness and timeliness of every member State for a round: values expected, filled and by status.</summary>
    public async Task<IReadOnlyList<CountryCompleteness>> CompletenessAsync(int agendaId, RoundView round, CancellationToken ct = default)
    {
        var indicators = await IndicatorsAsync(agendaId, ct);
        var expectedPerCountry = indicators.Values.Sum(i => Disaggregations.Breakdowns(i.Dimensions).Count) * (round.LastYear - round.FirstYear + 1);
        var versionIds = indicators.Values.Select(i => i.VersionId).ToList();
        var counts = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.CountryId != null && versionIds.Contains(v.IndicatorVersionId) && v.Year >= round.FirstYear && v.Year <= round.LastYear)
            .GroupBy(v => new { v.CountryId, v.Status })
            .Select(g => new { g.Key.CountryId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var firstSent = await db.ValueTransitions.AsNoTracking()
            .Where(t => t.To == ValueStatus.Submitted && db.IndicatorValues.Any(v => v.Id == t.ValueId && v.CountryId != null
                && versionIds.Contains(v.IndicatorVersionId) && v.Year >= round.FirstYear && v.Year <= round.LastYear))
            .Select(t => new { CountryId = db.IndicatorValues.Where(v => v.Id == t.ValueId).Select(v => v.CountryId).First(), t.AtUtc })
            .ToListAsync(ct);
        var countries = await db.Countries.AsNoTracking().Where(c => c.Status == CountryStatus.MemberState).OrderBy(c => c.Code)
            .Select(c => new { c.Id, Label = new CountryLabel(c.Code, c.Name.ToDocument()) }).ToListAsync(ct);
        var due = round.DueOn.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc);
        return countries.Select(c =>
        {
            int N(ValueStatus s) => counts.Where(x => x.CountryId == c.Id && x.Status == s).Sum(x => x.Count);
            var first = firstSent.Where(f => f.CountryId == c.Id).Select(f => (DateTime?)f.AtUtc).Min();
            var filled = N(ValueStatus.Draft) + N(ValueStatus.Submitted) + N(ValueStatus.Approved) + N(ValueStatus.Returned);
            return new CountryCompleteness(c.Label, expectedPerCountry, filled, N(ValueStatus.Draft), N(ValueStatus.Submitted), N(ValueStatus.Approved),
                N(ValueStatus.Returned), first, first is DateTime f && f <= due);
        }).ToList();
    }
}
