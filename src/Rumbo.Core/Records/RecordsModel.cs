using Microsoft.EntityFrameworkCore;

namespace Rumbo.Core.Records;

/// <summary>Tables of meeting records: versions, sections, outcomes and comments.</summary>
internal static class RecordsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<MeetingRecord>(e =>
        {
            e.ToTable("meeting_records");
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Dissemination).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Language).HasMaxLength(8);
            e.ComplexProperty(r => r.Summary);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.MeetingId, r.Number }).IsUnique();
            e.HasOne(r => r.ApprovedBy).WithMany().HasForeignKey(r => r.ApprovedByPersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.RecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Comments).WithOne().HasForeignKey(c => c.RecordId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RecordSection>(e =>
        {
            e.ToTable("record_sections");
            // The forms keep a heading to 500 characters in every language; the columns, as every text's, are not limited.
            e.ComplexProperty(s => s.Heading);
            e.ComplexProperty(s => s.Body);
            e.HasIndex(s => new { s.RecordId, s.Position });
            e.HasOne(s => s.MeetingItem).WithMany().HasForeignKey(s => s.MeetingItemId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(s => s.Outcomes).WithOne().HasForeignKey(o => o.SectionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RecordOutcome>(e =>
        {
            e.ToTable("record_outcomes");
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.OwnerName).HasMaxLength(200);
            e.ComplexProperty(o => o.Text);
            e.HasOne(o => o.Owner).WithMany().HasForeignKey(o => o.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
            // The actions still due, which a group's page lists: few of all actions, so the query starts from them.
            e.HasIndex(o => new { o.Kind, o.DueDate });
        });
        b.Entity<RecordComment>(e =>
        {
            e.ToTable("record_comments");
            e.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<RecordSection>().WithMany().HasForeignKey(c => c.SectionId).OnDelete(DeleteBehavior.NoAction);
            e.HasOne(c => c.ResolvedBy).WithMany().HasForeignKey(c => c.ResolvedByPersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<RecordComment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.NoAction);
            e.Ignore(c => c.IsResolved);
        });
    }
}
