using Microsoft.EntityFrameworkCore;

namespace Rumbo.Core.Policies;

internal static class PoliciesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Policy>(e =>
        {
            e.ToTable("policies");
            e.Property(p => p.Language).HasMaxLength(2);
            e.Property(p => p.Level).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Instrument).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Review).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Territory).HasMaxLength(200);
            e.Property(p => p.InstitutionName).HasMaxLength(300);
            e.Property(p => p.BudgetCurrency).HasMaxLength(3);
            e.Property(p => p.BudgetAmount).HasPrecision(20, 2);
            e.Property(p => p.Links).HasMaxLength(PolicyLinks.MaxLength);
            e.Property(p => p.ReviewComment).HasMaxLength(2000);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Ignore(p => p.LinkList);
            e.Ignore(p => p.IsPublished);
            // The register is read by agenda and country; the public's lists by review and publicity first.
            e.HasIndex(p => new { p.AgendaId, p.CountryId });
            e.HasIndex(p => p.CountryId);
            e.ComplexProperty(p => p.Title);
            e.ComplexProperty(p => p.Summary);
            e.ComplexProperty(p => p.Progress);
            e.ComplexProperty(p => p.Outcomes);
            e.HasOne(p => p.Agenda).WithMany().HasForeignKey(p => p.AgendaId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Country).WithMany().HasForeignKey(p => p.CountryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Institution).WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(p => p.ReviewedBy).WithMany().HasForeignKey(p => p.ReviewedByPersonId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PolicyId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.SdgTargets).WithOne().HasForeignKey(t => t.PolicyId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.StatusChanges).WithOne().HasForeignKey(c => c.PolicyId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PolicyStatusChange>(e =>
        {
            e.ToTable("policy_status_changes");
            e.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Note).HasMaxLength(2000);
            e.HasIndex(c => c.PolicyId);
            e.HasOne(c => c.By).WithMany().HasForeignKey(c => c.ByPersonId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<PolicyLine>(e =>
        {
            e.ToTable("policy_lines");
            e.HasKey(l => new { l.PolicyId, l.LineOfActionId });
            e.HasIndex(l => l.LineOfActionId);
            e.HasOne(l => l.LineOfAction).WithMany().HasForeignKey(l => l.LineOfActionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Suggestions.PolicyLineRejection>(e =>
        {
            e.ToTable("policy_line_rejections");
            e.HasKey(r => new { r.PolicyId, r.LineOfActionId });
            e.HasOne<Policy>().WithMany().HasForeignKey(r => r.PolicyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Agendas.LineOfAction>().WithMany().HasForeignKey(r => r.LineOfActionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.By).WithMany().HasForeignKey(r => r.ByPersonId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<PolicySdgTarget>(e =>
        {
            e.ToTable("policy_sdg_targets");
            e.HasKey(t => new { t.PolicyId, t.Code });
            e.Property(t => t.Code).HasMaxLength(8);
        });
    }
}
