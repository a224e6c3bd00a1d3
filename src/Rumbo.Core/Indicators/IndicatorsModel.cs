using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.People;

namespace Rumbo.Core.Indicators;

internal static class IndicatorsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Indicator>(e =>
        {
            e.ToTable("indicators");
            e.Property(i => i.Code).HasMaxLength(32);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.HasIndex(i => new { i.AgendaId, i.Code }).IsUnique();
            e.HasIndex(i => i.ObjectiveId);
            e.HasOne(i => i.Agenda).WithMany().HasForeignKey(i => i.AgendaId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(i => i.Objective).WithMany().HasForeignKey(i => i.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(i => i.Versions).WithOne(v => v.Indicator).HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.SdgTargets).WithOne().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<IndicatorVersion>(e =>
        {
            e.ToTable("indicator_versions");
            e.HasIndex(v => new { v.IndicatorId, v.Number }).IsUnique();
            e.ComplexProperty(v => v.Title);
            e.ComplexProperty(v => v.Definition);
            e.ComplexProperty(v => v.Method);
            e.ComplexProperty(v => v.Source);
            e.Property(v => v.Unit).HasConversion<string>().HasMaxLength(16);
            e.Property(v => v.Periodicity).HasConversion<string>().HasMaxLength(16);
            e.Property(v => v.Direction).HasConversion<string>().HasMaxLength(16);
            e.Property(v => v.Dimensions).HasMaxLength(200);
            e.Property(v => v.ChangeNote).HasMaxLength(2000);
            e.HasOne(v => v.ResponsibleGroup).WithMany().HasForeignKey(v => v.ResponsibleGroupId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<IndicatorLine>(e =>
        {
            e.ToTable("indicator_lines");
            e.HasKey(l => new { l.IndicatorId, l.LineOfActionId });
            e.HasIndex(l => l.LineOfActionId);
            e.HasOne(l => l.LineOfAction).WithMany().HasForeignKey(l => l.LineOfActionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<IndicatorSdgTarget>(e =>
        {
            e.ToTable("indicator_sdg_targets");
            e.HasKey(t => new { t.IndicatorId, t.Code });
            e.Property(t => t.Code).HasMaxLength(16);
        });
        b.Entity<IndicatorTarget>(e =>
        {
            e.ToTable("indicator_targets");
            e.Property(t => t.Note).HasMaxLength(2000);
            e.Property(t => t.Version).IsConcurrencyToken();
            // One regional target and one per country: the two partial indexes, because both databases count NULLs as distinct.
            e.HasIndex(t => new { t.IndicatorId, t.CountryId }).IsUnique().HasFilter("\"CountryId\" IS NOT NULL");
            e.HasIndex(t => t.IndicatorId).IsUnique().HasFilter("\"CountryId\" IS NULL").HasDatabaseName("IX_indicator_targets_regional");
            e.HasOne(t => t.Indicator).WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(t => t.Country).WithMany().HasForeignKey(t => t.CountryId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(t => t.Milestones).WithOne().HasForeignKey(m => m.TargetId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<TargetMilestone>(e =>
        {
            e.ToTable("indicator_target_milestones");
            e.HasKey(m => new { m.TargetId, m.Year });
        });
        b.Entity<IndicatorValue>(e =>
        {
            e.ToTable("indicator_values");
            e.Property(v => v.Breakdown).HasMaxLength(200);
            e.Property(v => v.Source).HasMaxLength(500);
            e.Property(v => v.Notes).HasMaxLength(2000);
            e.Property(v => v.EvidenceUrl).HasMaxLength(2000);
            e.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(v => v.Version).IsConcurrencyToken();
            // One index for a country's value being unique and for the reads by version (an indicator's page, the
            // dashboards, the open data in order). It is not partial: a regional value (no country) is not unique by it,
            // since NULLs differ, but by the regional one below. A partial index could not serve a query over countries
            // and region together, and a second index for the reads cost every import a B-tree more.
            e.HasIndex(v => new { v.IndicatorVersionId, v.CountryId, v.Breakdown, v.Year }).IsUnique();
            e.HasIndex(v => new { v.IndicatorVersionId, v.Breakdown, v.Year }).IsUnique().HasFilter("\"CountryId\" IS NULL")
                .HasDatabaseName("IX_indicator_values_regional");
            e.HasIndex(v => new { v.CountryId, v.Status });
            // The import and the round are plain columns: each foreign key cost a bulk import a lookup a row (on PostgreSQL
            // a trigger's query, about a fifth of a million rows' import each), and each index a B-tree more. Only Rumbo
            // writes them (the import it has just inserted, the agenda's current round), neither is ever deleted, and no
            // query looks values up by either (decision 0031).
            // Each index costs every import a B-tree more; few values have an evidence file, so its index holds only those.
            e.HasIndex(v => v.EvidenceFileId).HasFilter("\"EvidenceFileId\" IS NOT NULL");
            // On PostgreSQL these two are not constraints in the database (migration IndicatorValuesLean, decision 0035):
            // their per-row triggers were the largest part of a bulk import's commit. Triggers on the countries and the
            // versions refuse deleting one that has values instead. SQLite keeps both.
            e.HasOne(v => v.IndicatorVersion).WithMany().HasForeignKey(v => v.IndicatorVersionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(v => v.Country).WithMany().HasForeignKey(v => v.CountryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(v => v.EvidenceFile).WithMany().HasForeignKey(v => v.EvidenceFileId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(v => v.Transitions).WithOne().HasForeignKey(t => t.ValueId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<EvidenceFile>(e =>
        {
            e.ToTable("indicator_evidence_files");
            e.Property(f => f.ContentHash).HasMaxLength(64);
            e.Property(f => f.MediaType).HasMaxLength(100);
            e.Property(f => f.Extension).HasMaxLength(10);
            e.Property(f => f.FileName).HasMaxLength(260);
            e.HasIndex(f => new { f.AgendaId, f.CountryId });
            e.HasOne<Agenda>().WithMany().HasForeignKey(f => f.AgendaId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Country>().WithMany().HasForeignKey(f => f.CountryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(f => f.UploadedByPersonId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<ValueTransition>(e =>
        {
            e.ToTable("indicator_value_transitions");
            e.Property(t => t.From).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.To).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.Reason).HasMaxLength(2000);
            e.HasIndex(t => t.ValueId);
            e.HasOne(t => t.Person).WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<IndicatorImport>(e =>
        {
            e.ToTable("indicator_imports");
            e.Property(i => i.FileName).HasMaxLength(260);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(i => i.AgendaId);
        });
        b.Entity<ReportingRound>(e =>
        {
            e.ToTable("reporting_rounds");
            e.ComplexProperty(r => r.Title);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => r.AgendaId);
            e.HasOne(r => r.Agenda).WithMany().HasForeignKey(r => r.AgendaId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
