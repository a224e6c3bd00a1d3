using Microsoft.EntityFrameworkCore;

namespace Rumbo.Core.Agreements;

/// <summary>Tables of agreements, their lines of action and the countries' follow-up.</summary>
internal static class AgreementsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Agreement>(e =>
        {
            e.ToTable("agreements");
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Visibility).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => new { a.MeetingId, a.Number }).IsUnique();
            // A group's newest agreements, read by its page on every request.
            e.HasIndex(a => new { a.GroupId, a.AdoptedOn });
            e.ComplexProperty(a => a.Text);
            e.HasOne(a => a.Group).WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Lines).WithOne().HasForeignKey(l => l.AgreementId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.FollowUps).WithOne().HasForeignKey(f => f.AgreementId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AgreementLine>(e =>
        {
            e.ToTable("agreement_lines");
            e.HasKey(l => new { l.AgreementId, l.LineOfActionId });
            e.HasIndex(l => l.LineOfActionId);
            e.HasOne(l => l.LineOfAction).WithMany().HasForeignKey(l => l.LineOfActionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AgreementFollowUp>(e =>
        {
            e.ToTable("agreement_follow_ups");
            e.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(f => f.EvidenceUrl).HasMaxLength(500);
            e.Property(f => f.Version).IsConcurrencyToken();
            e.HasIndex(f => new { f.AgreementId, f.CountryId }).IsUnique();
            e.HasOne(f => f.Country).WithMany().HasForeignKey(f => f.CountryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(f => f.ReportedBy).WithMany().HasForeignKey(f => f.ReportedByPersonId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
