using Microsoft.EntityFrameworkCore;

namespace Rumbo.Core.Documents;

internal static class DocumentsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Document>(e =>
        {
            e.ToTable("documents");
            e.Property(d => d.Title).HasMaxLength(500);
            e.Property(d => d.Symbol).HasMaxLength(64);
            e.Property(d => d.Language).HasMaxLength(8);
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Visibility).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Version).IsConcurrencyToken();
            e.HasIndex(d => d.GroupId);
            e.HasIndex(d => d.MeetingId);
            e.HasOne(d => d.Group).WithMany().HasForeignKey(d => d.GroupId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(d => d.Meeting).WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(d => d.Agreement).WithMany().HasForeignKey(d => d.AgreementId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(d => d.Lines).WithOne().HasForeignKey(l => l.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DocumentVersion>(e =>
        {
            e.ToTable("document_versions");
            e.Property(v => v.ContentHash).HasMaxLength(64);
            e.Property(v => v.MediaType).HasMaxLength(128);
            e.Property(v => v.Extension).HasMaxLength(16);
            e.Property(v => v.FileName).HasMaxLength(255);
            e.Property(v => v.Note).HasMaxLength(500);
            e.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
            e.HasIndex(v => v.ContentHash);
        });
        b.Entity<DocumentLine>(e =>
        {
            e.ToTable("document_lines");
            e.HasKey(l => new { l.DocumentId, l.LineOfActionId });
            e.HasIndex(l => l.LineOfActionId);
            e.HasOne(l => l.LineOfAction).WithMany().HasForeignKey(l => l.LineOfActionId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
